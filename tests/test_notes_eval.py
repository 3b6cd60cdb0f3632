"""The held-out note/bibliography eval set, the evaluator's arithmetic, and the eval gate."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from citecheck.evaluation.compare import name_matches, values_match
from citecheck.evaluation.notes_eval import (
    EVAL_FLOORS,
    FIELDS,
    MICRO_F1_FLOOR,
    evaluate,
    evaluate_items,
    format_report,
    gate,
    load_items,
    main,
    validate_item,
)
from citecheck.model import BibEntry, Citation
from tests.conftest import FIXTURES

EVAL_SET = FIXTURES / "eval" / "notes.jsonl"
MIN_ITEMS = 150

# Every convention group of /work/shared/conventions.md has at least one item.
REQUIRED_TAGS = {
    "seed", "tr", "en", "bib", "web", "news", "agency", "newspaper", "journal", "chapter",
    "book", "translated", "report", "thesis", "press_release", "teaser", "access_date",
    "locator", "page_abbrev", "volume_issue", "doi", "dx_doi", "doi_prefix", "bare_doi",
    "doi_trailing_period", "url", "turkish_url", "editors", "ed", "eds", "der", "haz",
    "edited_by", "yay", "ibid", "ibid_author", "short_form", "multi", "damage", "hole",
    "lost_quotes", "escape", "page_break", "hyphenation", "ibid_negative", "et_negative",
    "et_al", "no_date",
}  # fmt: skip

# Literal forms from the conventions that must each occur in some item's text.
REQUIRED_FORMS = [
    # access dates
    "E.T 26 Kasım 2025", "E.T. 12 Ekim 2024", "ET 26 Kasım 2025", "Erişim Tarihi: 24.04.2020",
    "(Erişim Tarihi:24.04.2020)", "Erişim tarihi: 2009-02-13", "Erişim Mayıs 19, 2026",
    "Accessed 26 November 2025", "accessed March 3, 2024",
    # locators, volume/issue
    "s. 30-33", "ss. 45-97", "SS.45-97", "p. 30", "pp. 415–6", ": 769", "(2002): 69", "c. 17",
    "Sayı 87", "no. 2", "Vol. 3, No. 2", "9(35)",
    # ibid forms (matched as whole texts below)
    # teaser source lines, damage, DOIs, Turkish words
    "Diplomatik Gözlem (Nisan 2019, Sayı 87, s. 30-33)", "Hürriyet Daily News (19 April 2018)",
    "ABDnin", "Whats at Stake", "[ ]", "\\$", "https://doi.org/", "dx.doi.org", "doi:",
    "(İstanbul: İletişim Yayınları, 2019)", "Yay.", "çev.", "der.", "haz.", "edited by", "eds.",
    "Yayımlanmamış Yüksek Lisans Tezi", " vd.", "et al.", "Öncelik- lerimiz", "16/12/2025",
]  # fmt: skip
IBID_FORMS = [
    "A.g.e", "A.g.e.", "a.g.e.", "A.g.e., s. 50.", "(a.g.e., s.6)", "Karataş, a.g.e., s. 88.",
    "A.g.m., s. 55.", "Ibid.", "Ibid., p. 30.", "ibid.", "[Ibid]", "a.y.",
]  # fmt: skip
IBID_FRAGMENTS = ["Id. at 5", "Aynı eser", "a.e.", "op. cit."]


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return load_items(EVAL_SET)


# ---------------------------------------------------------------- the labelled set


def test_every_line_is_a_valid_item() -> None:
    lines = [ln for ln in EVAL_SET.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert len(lines) >= MIN_ITEMS
    ids = []
    for n, line in enumerate(lines, 1):
        obj = json.loads(line)
        assert validate_item(obj) == [], f"line {n} ({obj.get('id')}): {validate_item(obj)}"
        ids.append(obj["id"])
    duplicates = [i for i, c in Counter(ids).items() if c > 1]
    assert not duplicates


def test_every_tag_group_and_convention_is_covered(items: list[dict]) -> None:
    tags = {t for item in items for t in item["tags"]}
    assert tags >= REQUIRED_TAGS, REQUIRED_TAGS - tags
    texts = [item["text"] for item in items]
    missing = [f for f in REQUIRED_FORMS if not any(f in t for t in texts)]
    assert not missing
    whole = set(texts)
    assert not [f for f in IBID_FORMS if f not in whole]
    assert not [f for f in IBID_FRAGMENTS if not any(f in t for t in texts)]
    assert {"note", "bib"} == {item["kind"] for item in items}
    assert {"tr", "en"} == {item["lang"] for item in items}


def test_seed_items_and_new_items(items: list[dict]) -> None:
    seed = [i for i in items if "seed" in i["tags"]]
    assert Counter(i["kind"] for i in seed) == {"note": 17, "bib": 9}
    assert len(seed) < len(items) / 2  # most of the set is new material
    seed_notes = [i for i in seed if i["kind"] == "note"]
    ibid_notes = [n for n, i in enumerate(seed_notes, 1) if i["expected"]["ibid"]]
    assert ibid_notes == [2, 3, 4, 6, 7, 8, 9, 10, 14]


def test_notes_label_ibid_short_form_and_count(items: list[dict]) -> None:
    for item in items:
        exp = item["expected"]
        if item["kind"] == "bib":
            continue
        assert "n_citations" in exp, item["id"]
        for sub in exp.get("citations", [exp]):
            assert "ibid" in sub and "short_form" in sub, item["id"]
        if "multi" in item["tags"]:
            assert exp["n_citations"] >= 2, item["id"]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"expected": {"date": "2025-13-01"}}, "not an ISO date"),
        ({"expected": {"doi": "https://doi.org/10.1/X"}}, "lower-case"),
        ({"expected": {"pages": "415–416"}}, "look like"),
        ({"expected": {"kind": "blog"}}, "CitationKind"),
        ({"expected": {"colour": "red"}}, "not allowed"),
        ({"expected": {"year": 2024, "date": "2025-01"}}, "disagrees"),
        ({"kind": "bib", "expected": {"ibid": True}}, "not allowed"),
        ({"expected": {"citations": [{"title": "A"}, {"title": "B"}], "n_citations": 3}}, "equal"),
        ({"lang": "de"}, "lang"),
        ({"tags": []}, "tags"),
    ],
)
def test_validate_item_rejects(bad: dict, message: str) -> None:
    good = {"id": "x", "kind": "note", "lang": "tr", "text": "A.g.e.", "tags": ["ibid"]}
    good["expected"] = {"ibid": True}
    assert validate_item(good) == []
    problems = validate_item({**good, **bad})
    assert any(message in p for p in problems), problems


# ---------------------------------------------------------------- comparison rules


@pytest.mark.parametrize(
    ("name", "expected", "got", "right"),
    [
        ("authors", ["Hancock", "Libman"], ["Libman, Alexander", "Kathleen J. Hancock"], True),
        ("authors", ["Hancock", "Libman"], ["Kathleen J. Hancock and Alexander Libman"], False),
        ("authors", ["Hancock"], ["Hancock", "Libman"], False),
        ("authors", ["de Waal"], ["Thomas de Waal"], True),
        ("authors", ["Waal"], ["Thomas de Waalen"], False),
        ("authors", ["O'Loughlin"], ["John O’Loughlin"], True),
        ("authors", ["SARICA"], ["Sarıca, Berna"], True),
        ("authors", [], ["Hürriyet Daily News"], False),
        ("authors", [], [], True),
        ("title", "ABDnin Orta Asya Stratejisi", "“abdnin orta  asya stratejisi,”", True),
        ("title", "KRİTİK MİNERALLER", "Kritik Mineraller", True),
        ("title", "Commerce Celebrates $25 Billion", "Commerce Celebrates \\$25 Billion", False),
        ("container", "The Diplomat", "*The Diplomat*", True),
        ("pages", "415-416", "415–416", True),
        ("pages", "415-416", "415-6", False),
        ("year", 2016, "2016", True),
        ("year", None, 2025, False),
        ("accessed", "2025-11-26", "2025-11-26", True),
        ("date", "2025-11", "2025-11-01", False),
        (
            "urls",
            ["https://tr.wikipedia.org/wiki/Türk"],
            ["https://tr.wikipedia.org/wiki/T%C3%BCrk"],
            True,
        ),
        ("urls", ["https://a.org/x/"], ["<https://A.org/x>."], True),
        ("urls", ["https://a.org/x"], ["https://a.org/x", "https://a.org/y"], False),
        ("doi", "10.1016/s0962-6298(02)00031-4", "10.1016/S0962-6298(02)00031-4", True),
        ("doi", "10.1/x", "https://doi.org/10.1/x", False),
        ("ibid", False, False, True),
        ("ibid", True, False, False),
        ("ibid_author", "Karataş", "Karataş", True),
        ("ibid_author", None, "Karataş", False),
        ("kind", "book_chapter", "book", False),
    ],
)
def test_values_match(name: str, expected: object, got: object, right: bool) -> None:
    assert values_match(name, expected, got) is right


def test_name_matches_organisation_abbreviation() -> None:
    assert name_matches("IEA", "International Energy Agency (IEA)")
    assert name_matches("International Energy Agency", "International Energy Agency (IEA)")
    assert not name_matches("Reuters", "AFP")


# ---------------------------------------------------------------- evaluator arithmetic


def _tiny_set() -> list[dict]:
    def note(id_: str, text: str, tags: list[str], **exp: object) -> dict:
        return {
            "id": id_,
            "kind": "note",
            "lang": "en",
            "text": text,
            "expected": exp,
            "tags": tags,
        }

    return [
        note("A", "chapter", ["x"], authors=["Hancock"], title="Eurasia", year=2016,
             accessed=None, ibid=False, short_form=False, n_citations=1),
        note("B", "multi", ["x", "multi"], n_citations=2, citations=[
            {"authors": ["Lewy"], "pages": "112", "short_form": True, "ibid": False},
            {"authors": ["McCarthy"], "pages": "130", "short_form": True, "ibid": False},
        ]),
        {"id": "C", "kind": "bib", "lang": "en", "text": "entry", "tags": ["y"],
         "expected": {"title": "Critical Minerals", "doi": None, "problems": ["hole"],
                      "urls": ["https://www.iea.org/topics/critical-minerals"]}},
        note("D", "crash", ["y"], title="X", n_citations=1),
    ]  # fmt: skip


def _fake_note(text: str) -> list[Citation]:
    if text == "chapter":
        return [Citation(authors=["Hancock, Kathleen J."], title="“Eurasia,”", year=2015,
                         accessed="2025-11-26")]  # fmt: skip
    if text == "multi":  # finds the first of the two works only
        return [Citation(authors=["Lewy"], pages="112", short_form=True)]
    raise RuntimeError("boom")


def _fake_bib(text: str, index: int = 0) -> BibEntry:
    return BibEntry(title="critical  minerals.", doi="10.1/x",
                    urls=["<https://www.iea.org/topics/critical-minerals/>"])  # fmt: skip


def test_precision_recall_arithmetic_by_hand() -> None:
    result = evaluate_items(_tiny_set(), _fake_note, _fake_bib)
    f = result.fields
    counts = {n: (f[n].predicted, f[n].predicted_right, f[n].support, f[n].support_right)
              for n in FIELDS if f[n].checked}  # fmt: skip
    assert counts == {
        # A right, B[0] right, B[1] missing
        "authors": (2, 2, 3, 2),
        # A right (quotes, comma), C right (case, space, dot), D crashed
        "title": (2, 2, 3, 2),
        "year": (1, 0, 1, 0),  # 2015 for 2016
        "accessed": (1, 0, 0, 0),  # filled where the label says "none": precision only
        "pages": (1, 1, 2, 1),
        "ibid": (0, 0, 0, 0),  # false/false everywhere: true negatives
        "short_form": (1, 1, 2, 1),
        "n_citations": (2, 1, 3, 1),  # A 1=1, B 1≠2, D crashed (no prediction)
        "urls": (1, 1, 1, 1),  # <…>, trailing slash and dot ignored
        "doi": (1, 0, 0, 0),
        "problems": (0, 0, 1, 0),  # the [ ] hole not reported
    }
    assert f["authors"].precision == 1.0
    assert f["authors"].recall == pytest.approx(2 / 3)
    assert f["authors"].f1 == pytest.approx(0.8)
    assert f["pages"].f1 == pytest.approx(2 / 3)
    assert f["year"].f1 == 0.0
    assert f["accessed"].precision == 0.0 and f["accessed"].recall is None
    assert f["problems"].precision is None and f["problems"].f1 == 0.0
    p, r, f1 = result.micro()
    assert (p, r) == (pytest.approx(8 / 12), pytest.approx(8 / 16))
    assert f1 == pytest.approx(2 * (8 / 12) * 0.5 / (8 / 12 + 0.5))
    by_id = {i.id: i for i in result.items}
    assert (by_id["A"].checked, by_id["A"].right) == (8, 6)
    assert by_id["D"].error == "RuntimeError: boom"
    assert [i.id for i in result.worst(2)] == ["D", "B"]
    assert result.tag_accuracy()["multi"] == (1, by_id["B"].checked, by_id["B"].right, 0)


def test_gate_reports_fields_below_floor() -> None:
    result = evaluate_items(_tiny_set(), _fake_note, _fake_bib)
    failures = gate(result, {"authors": 0.9, "urls": 0.9, "year": 0.5, "volume": 0.5}, 0.0)
    assert [f.split(":")[0] for f in failures] == ["authors", "year", "volume"]
    assert "unmeasured" in failures[2]
    assert gate(result, {"urls": 1.0}, 0.0) == []
    assert gate(result, {}, 0.99)[0].startswith("micro")


def test_report_lists_fields_tags_and_worst_items() -> None:
    report = format_report(evaluate_items(_tiny_set(), _fake_note, _fake_bib), show_errors=5)
    assert "authors" in report and "micro" in report and "macro" in report
    assert "parser error: RuntimeError: boom" in report
    assert "year: expected 2016, got 2015" in report


def test_cli_rejects_a_malformed_set(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    assert main([str(bad)]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err


# ---------------------------------------------------------------- the eval gate


def _real_parser_available() -> bool:
    try:
        from citecheck.notes.citation import parse_bib_entry, parse_note  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(
    not _real_parser_available(), reason="citecheck.notes.citation is not there yet"
)
def test_eval_gate_real_parser() -> None:
    """Fails when the parser's F1 on any field drops below its pinned floor."""
    result = evaluate(EVAL_SET)
    assert not result.errors, [(i.id, i.error) for i in result.errors]
    assert EVAL_FLOORS, "floors must be pinned once the parser is measured"
    assert MICRO_F1_FLOOR > 0
    failures = gate(result)
    assert not failures, "\n" + format_report(result, show_errors=15)


@pytest.mark.skipif(
    not _real_parser_available(), reason="citecheck.notes.citation is not there yet"
)
def test_cli_prints_the_table_and_passes_the_gate(capsys) -> None:
    assert main([str(EVAL_SET), "--show-errors", "3", "--gate"]) == 0
    out = capsys.readouterr().out
    assert "micro" in out and "gate: all fields at or above their floors" in out
    # the worst-items list appears whenever any item has a wrong field
    assert ("worst " in out) == ("wrong)" in out)
    assert "gate: all fields at or above their floors" in out


def test_eval_gate_blind_holdout_set() -> None:
    """The blind set (never tuned on item by item) stays above its pinned floors."""
    from citecheck.evaluation.notes_eval import HOLDOUT_FLOORS, HOLDOUT_MICRO_F1_FLOOR

    result = evaluate(FIXTURES / "eval" / "notes-holdout.jsonl")
    assert result.floors is HOLDOUT_FLOORS and result.micro_floor == HOLDOUT_MICRO_F1_FLOOR
    assert not result.errors, [(i.id, i.error) for i in result.errors]
    failures = gate(result)
    assert not failures, "\n" + format_report(result, show_errors=0)
