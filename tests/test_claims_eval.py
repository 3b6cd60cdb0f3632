"""The labelled claim-verification set, the evaluator's arithmetic, and the eval gate."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from citecheck.evaluation import claims_eval
from citecheck.evaluation.claims_eval import (
    CLAIMS_FLOORS,
    GOLD_LABELS,
    MACRO_F1_FLOOR,
    TARGET_CONTRADICTED_ON_SUPPORTED,
    TARGET_MACRO_F1,
    evaluate,
    evaluate_items,
    format_report,
    gate,
    is_claims_set,
    load_claims,
    main,
    validate_claim,
    worker_pool,
)
from tests.conftest import FIXTURES, ROOT

EVAL_SET = FIXTURES / "eval" / "claims.jsonl"
SOURCES = FIXTURES / "eval" / "claims-sources"
MIN_ITEMS = 100
MIN_PER_LABEL = 18
LONG_SOURCE_WORDS = 3000

# The hard cases of issue 5 and of fixtures/eval/CLAIMS.md; each needs items.
HARD_TAGS = {
    "wrong_entity", "changed_number", "negation", "paraphrase", "long_source",
    "approximation", "fraction_percent", "lower_bound", "date", "tr_number_format",
    "quote_present", "quote_missing", "boilerplate_html", "boilerplate_trap", "pdf",
    "russian", "cross_language", "article", "temporal",
}  # fmt: skip
SOURCE_LANG_TAGS = {"src_en", "src_de", "src_ru", "src_tr"}
# Literal forms the issue names that must each occur in some claim.
REQUIRED_CLAIM_FORMS = ["1,1 milyar", "25 milyar doları aşan", "dörtte biri", "6 Kasım 2025",
                        "yaklaşık %40", "imzalanmadı", "“"]  # fmt: skip


def _lines() -> list[str]:
    return [line for line in EVAL_SET.read_text(encoding="utf-8").splitlines() if line.strip()]


def _items() -> list[dict]:
    return [json.loads(line) for line in _lines()]


def _visible_words(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    return len(re.sub(r"<[^>]+>", " ", text).split())


# ---------------------------------------------------------------- the set itself


def test_every_line_parses_and_validates() -> None:
    for lineno, line in enumerate(_lines(), 1):
        obj = json.loads(line)
        assert validate_claim(obj, EVAL_SET.parent) == [], f"line {lineno}: {obj.get('id')}"
    assert len(load_claims(EVAL_SET)) == len(_lines())


def test_ids_unique_and_enough_items_per_label() -> None:
    items = _items()
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids)), [k for k, n in Counter(ids).items() if n > 1]
    assert len(items) >= MIN_ITEMS
    labels = Counter(i["label"] for i in items)
    assert set(labels) == set(GOLD_LABELS)
    assert all(labels[label] >= MIN_PER_LABEL for label in GOLD_LABELS), labels


def test_languages_mix() -> None:
    items = _items()
    langs = Counter(i["claim_lang"] for i in items)
    assert 0.55 <= langs["tr"] / len(items) <= 0.75, langs  # "~60 % Turkish claims"
    tags = Counter(t for i in items for t in i["tags"])
    assert set(tags) >= SOURCE_LANG_TAGS
    # English claims are checked against every source language too
    en_sources = {t for i in items if i["claim_lang"] == "en" for t in i["tags"]}
    assert en_sources >= SOURCE_LANG_TAGS


def test_every_hard_case_tag_present() -> None:
    tags = Counter(t for i in _items() for t in i["tags"])
    missing = HARD_TAGS - set(tags)
    assert not missing, missing
    claims = " ".join(i["claim"] for i in _items())
    assert [f for f in REQUIRED_CLAIM_FORMS if f not in claims] == []


def test_article_claims_cover_the_example_article() -> None:
    article = (FIXTURES / "articles" / "avim-blog-33-kritik-mineraller.txt").read_text("utf-8")
    seed = [i for i in _items() if "article" in i["tags"]]
    assert len(seed) == 17
    # The claims are the article's cited sentences (pronoun subjects written out), so
    # their number phrases are the article's own.
    for phrase in ("%40", "dörtte birini", "1,1 milyar", "25 milyar doları aşan"):
        assert phrase in article and any(phrase in i["claim"] for i in seed)


def test_sources_exist_are_readable_and_typed() -> None:
    used = {EVAL_SET.parent / i["source"] for i in _items()}
    for path in used:
        data = path.read_bytes()
        assert data, path
        if path.suffix == ".pdf":
            assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), path
        else:
            data.decode("utf-8")
    # every written source is cited by some item
    written = {p for p in SOURCES.iterdir() if p.suffix in {".html", ".pdf", ".txt"}}
    assert written == used


def test_pdf_sources_are_real_pdfs_with_text() -> None:
    pypdf = pytest.importorskip("pypdf")
    for path in SOURCES.glob("*.pdf"):
        reader = pypdf.PdfReader(path)
        text = " ".join(page.extract_text() for page in reader.pages)
        assert len(text.split()) > 200, path
        assert reader.metadata and reader.metadata.title


def test_pdf_builder_reproduces_the_committed_pdfs(tmp_path) -> None:
    script = SOURCES / "make_pdfs.py"
    copy = tmp_path / "make_pdfs.py"
    copy.write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pdf-text").mkdir()
    for txt in (SOURCES / "pdf-text").glob("*.txt"):
        (tmp_path / "pdf-text" / txt.name).write_bytes(txt.read_bytes())
    subprocess.run([sys.executable, str(copy)], check=True, capture_output=True)
    built = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert built == sorted(p.name for p in SOURCES.glob("*.pdf"))
    for name in built:
        assert (tmp_path / name).read_bytes() == (SOURCES / name).read_bytes(), name


def test_long_source_is_long() -> None:
    long_sources = {EVAL_SET.parent / i["source"] for i in _items() if "long_source" in i["tags"]}
    assert long_sources
    for path in long_sources:
        assert _visible_words(path) >= LONG_SOURCE_WORDS, path


def test_russian_sources_are_cyrillic() -> None:
    for item in _items():
        if "russian" in item["tags"]:
            text = (EVAL_SET.parent / item["source"]).read_text(encoding="utf-8")
            assert len(re.findall("[А-Яа-яЁё]", text)) > 200, item["id"]


# ---------------------------------------------------------------- loader errors


def _write_set(tmp_path: Path, rows: list[dict]) -> Path:
    (tmp_path / "src.txt").write_text("Kazakhstan produces 40 percent.", encoding="utf-8")
    path = tmp_path / "set.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def _row(id_: str, label: str, claim: str = "c", tags: list[str] | None = None) -> dict:
    return {"id": id_, "claim": claim, "claim_lang": "en", "source": "src.txt",
            "label": label, "note": "n", "tags": tags or []}  # fmt: skip


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"label": "true"}, "label 'true'"),
        ({"claim_lang": "de"}, "claim_lang 'de'"),
        ({"source": "missing.txt"}, "does not exist"),
        ({"source": "page.docx"}, "is not one of"),
        ({"tags": "x"}, "tags must be a list"),
        ({"claim": " "}, "claim must be a non-empty string"),
        ({"extra": 1}, "unknown keys"),
    ],
)
def test_loader_names_the_bad_line(tmp_path, change, message) -> None:
    path = _write_set(tmp_path, [_row("a", "supported"), {**_row("b", "supported"), **change}])
    with pytest.raises(ValueError, match=r"set\.jsonl:2: .*" + re.escape(message)):
        load_claims(path)


def test_loader_rejects_duplicate_ids_and_non_json(tmp_path) -> None:
    path = _write_set(tmp_path, [_row("a", "supported"), _row("a", "contradicted")])
    with pytest.raises(ValueError, match="duplicate id 'a'"):
        load_claims(path)
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"set\.jsonl:1: not JSON"):
        load_claims(path)
    assert validate_claim([1, 2]) == ["not a JSON object"]
    assert any("missing keys" in p for p in validate_claim({"id": "x"}))


# ---------------------------------------------------------------- arithmetic

# gold -> what the fake verifier answers, chosen so every cell below is known by hand
TINY = [
    ("s1", "supported", "supported"),
    ("s2", "supported", "contradicted"),  # the error issue 5 forbids
    ("p1", "partially_supported", "not_found"),
    ("n1", "not_found", "not_found"),
    ("c1", "contradicted", "contradicted"),
    ("c2", "contradicted", "unverifiable"),
]


def _tiny(tmp_path: Path, extra: list[tuple[str, str, str]] = ()) -> tuple[Path, dict]:
    rows = TINY + list(extra)
    answers = {f"claim {i}": pred for i, _, pred in rows}
    tags = {"s1": ["quote"], "s2": ["quote", "date"]}
    path = _write_set(tmp_path, [_row(i, g, f"claim {i}", tags.get(i)) for i, g, _ in rows])
    return path, answers


def _fake(answers: dict):
    seen = []

    def verify(claim: str, claim_lang: str, source_path: Path) -> str:
        seen.append((claim_lang, source_path))
        if answers[claim] == "boom":
            raise RuntimeError("boom")
        return answers[claim]

    verify.seen = seen  # type: ignore[attr-defined]
    return verify


def test_scores_checked_by_hand(tmp_path) -> None:
    path, answers = _tiny(tmp_path)
    fake = _fake(answers)
    result = evaluate(path, fake)
    # the verifier gets the language and the source resolved against the set's folder
    assert fake.seen[0] == ("en", tmp_path / "src.txt")
    s, p, n, c = (result.labels[label] for label in GOLD_LABELS)
    # supported: 2 gold, 1 predicted (right) -> P 1, R 1/2, F1 2/3
    assert (s.support, s.predicted, s.precision, s.recall) == (2, 1, 1.0, 0.5)
    assert s.f1 == pytest.approx(2 / 3)
    # partial: 1 gold, never predicted -> P undefined, R 0, F1 0
    assert (p.support, p.predicted, p.precision, p.recall, p.f1) == (1, 0, None, 0.0, 0.0)
    # not_found: 1 gold, 2 predicted (1 right) -> P 1/2, R 1, F1 2/3
    assert (n.support, n.predicted, n.precision, n.recall) == (1, 2, 0.5, 1.0)
    assert n.f1 == pytest.approx(2 / 3)
    # contradicted: 2 gold, 2 predicted (1 right) -> P 1/2, R 1/2, F1 1/2
    assert (c.support, c.predicted, c.precision, c.recall, c.f1) == (2, 2, 0.5, 0.5, 0.5)
    assert result.macro_f1 == pytest.approx((2 / 3 + 0 + 2 / 3 + 1 / 2) / 4)
    assert result.accuracy == pytest.approx(3 / 6)
    assert result.contradicted_on_supported == 1
    assert [i.id for i in result.errors] == ["s2", "p1", "c2"]
    assert result.tag_accuracy() == {"date": (1, 0), "quote": (2, 1)}


def test_confusion_matrix_by_hand(tmp_path) -> None:
    path, answers = _tiny(tmp_path)
    result = evaluate(path, _fake(answers))
    assert result.columns == [*GOLD_LABELS, "unverifiable"]
    z = dict.fromkeys(result.columns, 0)
    assert result.confusion == {
        "supported": {**z, "supported": 1, "contradicted": 1},
        "partially_supported": {**z, "not_found": 1},
        "not_found": {**z, "not_found": 1},
        "contradicted": {**z, "contradicted": 1, "unverifiable": 1},
    }
    assert sum(sum(row.values()) for row in result.confusion.values()) == len(TINY)


def test_a_crash_or_unknown_label_is_one_wrong_item(tmp_path) -> None:
    path, answers = _tiny(tmp_path, [("x1", "supported", "boom"), ("x2", "not_found", "maybe")])
    result = evaluate(path, _fake(answers))
    assert result.columns[-2:] == ["error", "maybe"]
    assert result.confusion["supported"]["error"] == 1
    assert result.confusion["not_found"]["maybe"] == 1
    assert [i.id for i in result.crashes] == ["x1"]
    assert result.crashes[0].error == "RuntimeError: boom"
    # wrong, but neither counts as a prediction of a gold label
    assert result.labels["supported"].predicted == 1
    assert result.accuracy == pytest.approx(3 / 8)


def test_unverifiable_gold_label_gets_a_row_of_its_own(tmp_path) -> None:
    # another set may label a print book or a dead link unverifiable; its file may be absent
    rows = [_row("a", "supported", "a"), {**_row("u", "unverifiable", "u"), "source": "gone.pdf"}]
    path = _write_set(tmp_path, rows)
    result = evaluate(path, _fake({"a": "supported", "u": "unverifiable"}))
    assert list(result.confusion) == [*GOLD_LABELS, "unverifiable"]
    assert result.confusion["unverifiable"]["unverifiable"] == 1
    assert result.labels["unverifiable"].f1 == 1.0
    assert result.macro_f1 == 1.0 and result.accuracy == 1.0
    with pytest.raises(ValueError, match="does not exist"):
        load_claims(_write_set(tmp_path, [{**_row("s", "supported"), "source": "gone.pdf"}]))


def test_perfect_verifier_passes_the_gate(tmp_path) -> None:
    path, _ = _tiny(tmp_path)
    gold = {f"claim {i}": g for i, g, _ in TINY}
    result = evaluate(path, _fake(gold))
    assert result.macro_f1 == 1.0 and result.accuracy == 1.0
    assert gate(result) == []
    assert "issue 5 targets: met" in format_report(result)


def test_gate_names_each_floor(tmp_path) -> None:
    path, answers = _tiny(tmp_path)
    result = evaluate(path, _fake(answers))
    failures = gate(result)
    assert failures[0].startswith("macro-F1 0.458 < floor 0.80")
    assert failures[1].startswith("contradicted predicted for 1 supported item")
    assert gate(result, macro_floor=0.4, max_contradicted_on_supported=1) == []
    assert TARGET_MACRO_F1 == 0.80 and TARGET_CONTRADICTED_ON_SUPPORTED == 0  # issue 5
    assert MACRO_F1_FLOOR <= TARGET_MACRO_F1  # pinned floors never above the targets
    empty = evaluate_items([], _fake({}))
    assert empty.macro_f1 is None and gate(empty)[0].startswith("macro-F1 unmeasured")


def test_report_shows_matrix_and_errors_worst_first(tmp_path) -> None:
    path, answers = _tiny(tmp_path, [("x1", "not_found", "boom")])
    report = format_report(evaluate(path, _fake(answers)), show_errors=2)
    assert "macro-F1" in report and "accuracy" in report
    assert "contradicted predicted for a supported item: 1" in report
    assert re.search(r"^supported\s+1\s+0\s+0\s+1\s+0\s+0$", report, re.M), report
    assert re.search(r"^contradicted\s+0\s+0\s+0\s+1\s+1\s+0$", report, re.M), report
    # the supported-called-contradicted error first, then the crash; only 2 shown
    errors = re.findall(r"^- (\S+):", report, re.M)
    assert errors == ["s2", "x1"]
    assert "verifier error: 'RuntimeError: boom'" in report
    assert "issue 5 targets: NOT MET" in report


def test_cli_with_a_fake_verifier(tmp_path, monkeypatch, capsys) -> None:
    path, answers = _tiny(tmp_path)
    monkeypatch.setattr(claims_eval, "_default_verify", lambda: _fake(answers))
    assert main([str(path), "--show-errors", "1"]) == 0
    assert main([str(path), "--gate"]) == 1
    out = capsys.readouterr().out
    assert "6 claims; right 3" in out and "confusion matrix" in out
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    assert main([str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.jsonl" in err and "line 1" in err


def test_missing_verifier_gives_a_clear_import_error(tmp_path, monkeypatch, capsys) -> None:
    path, _ = _tiny(tmp_path)
    monkeypatch.setitem(sys.modules, "citecheck.verify.run", None)  # import now fails
    with pytest.raises(ImportError, match=r"citecheck\.verify\.run\.LocalSources"):
        evaluate(path)
    assert main([str(path)]) == 2
    assert "claim verifier is not available" in capsys.readouterr().err


def test_default_verifier_reads_the_verdict_label(tmp_path, monkeypatch) -> None:
    import enum
    import types

    class Label(enum.Enum):
        SUPPORTED = "supported"

    calls = []

    class LocalSources:
        def __init__(self, **_options) -> None:
            pass

        def verify(self, claim, claim_lang, source_path):
            calls.append((claim, claim_lang, Path(source_path)))
            return types.SimpleNamespace(label=Label.SUPPORTED if "s" in claim else "not_found")

    module = types.ModuleType("citecheck.verify.run")
    module.LocalSources = LocalSources  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "citecheck.verify.run", module)
    path = _write_set(tmp_path, [_row("a", "supported", "s"), _row("b", "not_found", "n")])
    result = evaluate(path)
    assert [i.predicted for i in result.items] == ["supported", "not_found"]
    assert calls[0] == ("s", "en", tmp_path / "src.txt")


# ---------------------------------------------------------------- the eval gate


def _real_verifier_available() -> bool:
    try:
        from citecheck.verify.run import LocalSources  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture(scope="module")
def gate_results(request):
    """The selected gate tests' sets, evaluated in worker processes (one BLAS
    thread each) started together at the first gate test; each test then waits
    for its own set's result."""
    names = sorted({
        item.callspec.params["name"] for item in request.session.items
        if getattr(item, "originalname", "") == "test_eval_gate_real_verifier"
    })  # fmt: skip
    with worker_pool(max(1, min(4, os.cpu_count() or 1))) as pool:
        yield {n: pool.submit(evaluate, FIXTURES / "eval" / n) for n in names}


# The gate evaluates every set the calibration was not trained on (the clean
# sets, blind171 on, and any added later), the first set, and every third of
# the training sets: all 242 sets took some 330 of the suite's 470 seconds on
# two cores (session 24). CITECHECK_GATE=all gates every set, as
# `citecheck eval … --gate` does for any list.
GATE_EVERY = 3


def gated(name: str, everything: bool = False) -> bool:
    """Whether the suite's gate evaluates the set ``name`` (a CLAIMS_FLOORS key)."""
    from citecheck.evaluation.calibrate import TRAIN_SETS

    if everything or name == "claims.jsonl" or name not in TRAIN_SETS:
        return True
    return TRAIN_SETS.index(name) % GATE_EVERY == 0


GATED = sorted(n for n in CLAIMS_FLOORS if gated(n, os.environ.get("CITECHECK_GATE") == "all"))


def test_the_gate_samples_only_training_sets() -> None:
    from citecheck.evaluation.calibrate import TRAIN_SETS

    clean = [n for n in CLAIMS_FLOORS if n not in TRAIN_SETS]
    assert clean and all(gated(n) for n in clean)
    sampled = [n for n in TRAIN_SETS if gated(n)]
    assert len(TRAIN_SETS) // GATE_EVERY <= len(sampled) <= len(TRAIN_SETS) // GATE_EVERY + 2
    assert all(gated(n, everything=True) for n in CLAIMS_FLOORS)


@pytest.mark.skipif(
    not _real_verifier_available(),
    reason="citecheck.verify.run.LocalSources does not exist yet (issue 5's verifier)",
)
@pytest.mark.parametrize("name", GATED)
def test_eval_gate_real_verifier(name: str, gate_results) -> None:
    """Fails when the verifier drops below a set's pinned regression floors."""

    result = gate_results[name].result()
    assert not result.crashes, [(i.id, i.error) for i in result.crashes]
    floor, most = CLAIMS_FLOORS[name]
    failures = gate(result, floor, most)
    assert not failures, "\n" + format_report(result, show_errors=15)


def test_module_runs_as_a_script() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "citecheck.evaluation.claims_eval", "--help"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert proc.returncode == 0 and "--show-errors" in proc.stdout and "--gate" in proc.stdout


def test_is_claims_set_tells_claims_from_notes(tmp_path) -> None:
    assert is_claims_set(EVAL_SET)
    assert not is_claims_set(FIXTURES / "eval" / "notes.jsonl")
    odd = tmp_path / "odd.jsonl"
    for text in ("", "\n\n", "{broken\n", "[1]\n"):
        odd.write_text(text, encoding="utf-8")
        assert not is_claims_set(odd)


def test_a_set_written_elsewhere_is_read_leniently(tmp_path) -> None:
    """The issue's own format has no tags; other sets may add keys, other languages,
    other file types, or a broken line: one odd line never stops the evaluation."""
    (tmp_path / "s.md").write_text("Kazakhstan produces 40 percent of the uranium.", "utf-8")
    rows = [
        {"id": "a", "claim": "c", "claim_lang": "en", "source": "s.md", "label": "supported",
         "note": "n"},  # no tags, a .md source
        {"claim": "c", "source": "s.md", "label": "Not_Found", "extra": 1},  # no id, any case
        {"id": "a", "claim": "c", "claim_lang": "de", "source": "s.md", "label": "contradicted"},
        {"id": "u", "claim": "c", "source": "book.pdf", "label": "unverifiable"},  # absent file
        {"id": "x", "claim": "c", "source": "s.md", "label": "maybe"},
    ]  # fmt: skip
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n", "utf-8")
    seen = []

    def fake(claim, claim_lang, source):  # type: ignore[no-untyped-def]
        seen.append((claim_lang, source.name))
        return "supported"

    result = evaluate(path, fake)
    assert [i.id for i in result.items] == ["a", "line-2", "a#2", "u"]
    assert [i.gold for i in result.items][1] == "not_found"
    assert ("de", "s.md") in seen
    assert len(result.skipped) == 2 and "line 5" in result.skipped[0]
    assert "2 line(s) left out" in format_report(result)
    with pytest.raises(ValueError):  # this repository's sets stay strict
        load_claims(path)


# ---------------------------------------------------------------- several sets


def _two_sets(tmp_path: Path) -> list[Path]:
    out = []
    for name in ("a", "b"):
        d = tmp_path / name
        d.mkdir()
        claim = "Kazakhstan produces {} percent of the world's uranium."
        rows = [_row(f"{name}1", "supported", claim.format(40)),
                _row(f"{name}2", "contradicted", claim.format(70))]  # fmt: skip
        path = _write_set(d, rows)
        (d / "src.txt").write_text(
            "Kazakhstan produces about 40 percent of the world's uranium, more than any other "
            "country. Kazatomprom, the state miner, runs most of the mines in the south of the "
            "country, and plans to raise output again next year after two years of shortfalls "
            "caused by a lack of sulphuric acid.", encoding="utf-8")  # fmt: skip
        out.append(path)
    return out


def test_several_sets_in_worker_processes_match_one_at_a_time(tmp_path) -> None:
    paths = _two_sets(tmp_path)
    alone = [evaluate(p) for p in paths]
    pooled = claims_eval.evaluate_sets(paths, jobs=2)
    assert [[i.predicted for i in r.items] for r in pooled] == [
        [i.predicted for i in r.items] for r in alone
    ]
    summary = claims_eval.format_summary([str(p) for p in paths], pooled)
    lines = summary.splitlines()
    assert lines[0].split()[:3] == ["set", "items", "macro-F1"]
    assert lines[-1].startswith("mean of 2 sets") and lines[-1].split()[4] == "4"
    assert [i.predicted for i in pooled[0].items] == ["supported", "contradicted"]
    with pytest.raises(ValueError, match="one process"):  # a model judge is not sent to workers
        claims_eval.evaluate_sets(paths, jobs=2, judge=object())


def test_a_set_that_cannot_be_read_is_its_own_line(tmp_path) -> None:
    good, _ = _two_sets(tmp_path)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{broken\n", encoding="utf-8")
    results = claims_eval.evaluate_sets([bad, good], jobs=2)
    assert isinstance(results[0], ValueError) and results[1].items
    summary = claims_eval.format_summary(["bad", "good"], results)
    lines = summary.splitlines()
    assert (
        lines[1].startswith("bad ")
        and "error: " in lines[1]
        and "no line can be scored" in lines[1]
    )
    assert lines[-1].startswith("mean of 1 set ")


def test_cli_eval_several_sets(tmp_path) -> None:
    from click.testing import CliRunner

    from citecheck.cli import cli

    paths = [str(p) for p in _two_sets(tmp_path)]
    run = CliRunner().invoke(cli, ["eval", *paths, "--jobs", "2", "--each"])
    assert run.exit_code == 0, run.output
    assert run.output.count("confusion matrix") == 2 and "mean of 2 sets" in run.output
    gated = CliRunner().invoke(cli, ["eval", *paths, "--gate"])
    assert gated.exit_code in (0, 1) and "mean of 2 sets" in gated.output
    notes = str(FIXTURES / "eval" / "notes.jsonl")
    mixed = CliRunner().invoke(cli, ["eval", paths[0], notes])
    assert mixed.exit_code == 2 and "claims sets only" in mixed.output
    model = CliRunner().invoke(cli, ["eval", *paths, "--jobs", "2", "--judge", "endpoint"])
    assert model.exit_code == 2
