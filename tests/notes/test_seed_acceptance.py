"""Acceptance on the seed article (issue 2): ingest + analyze, note by note."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from citecheck.model import Document
from citecheck.notes import analyze

try:
    from citecheck.ingest import load_path
except ImportError:  # pragma: no cover - only while the ingest package is being written
    load_path = None

# Kaynakça order in the article (0-based).
ANADOLU, BORZEL, FRIGERIO, GAUR, HANCOCK, IEA, REUTERS, SAFAK, COMMERCE = range(9)
EXPECTED_ENTRY = {
    **dict.fromkeys([1, 2, 3, 4], IEA),
    **dict.fromkeys([5, 6, 7, 8, 9, 10], FRIGERIO),
    11: HANCOCK,
    12: GAUR,
    13: SAFAK,
    14: SAFAK,
    15: REUTERS,
    16: ANADOLU,
    17: COMMERCE,
}
EXPECTED_IBID = {
    **dict.fromkeys(range(1, 18)),
    **dict.fromkeys([2, 3, 4], 1),
    **dict.fromkeys([6, 7, 8, 9, 10], 5),
    14: 13,
}


@pytest.fixture(scope="module")
def ingested(request: pytest.FixtureRequest) -> Document:
    if load_path is None:
        pytest.skip("citecheck.ingest.load_path is not written yet")
    seed = Path(request.config.rootpath) / "fixtures/articles/avim-blog-33-kritik-mineraller.txt"
    return load_path(seed)


@pytest.fixture(scope="module")
def doc(ingested: Document) -> Document:
    return analyze(ingested)


def codes(doc: Document, note: int | None = None) -> list[str]:
    return [f.code for f in doc.findings if note is None or f.note == note]


def test_counts(doc):
    assert [n.number for n in doc.notes] == list(range(1, 18))
    assert len(doc.bibliography) == 9


def test_ibid_chains(doc):
    assert {n.number: n.ibid_of for n in doc.notes} == EXPECTED_IBID


def test_every_note_links_to_its_entry(doc):
    assert {n.number: n.bib_entry for n in doc.notes} == EXPECTED_ENTRY
    assert "Frigerio" in doc.bibliography[FRIGERIO].text
    assert doc.bibliography[HANCOCK].title == "Eurasia"


def test_chapter_knows_its_volume_and_the_volume_is_not_uncited(doc):
    assert doc.bibliography[HANCOCK].container_entry == BORZEL
    assert not [f for f in doc.findings if f.code == "bib_entry_uncited"]


@pytest.mark.parametrize(
    ("number", "host"),
    [(15, "www.reuters.com"), (16, "www.aa.com.tr"), (17, "www.trade.gov")],
)
def test_notes_15_to_17_get_their_urls_from_the_bibliography(doc, number, host):
    note = doc.note(number)
    assert note.url_source == "bibliography"
    assert note.urls and note.urls[0].startswith(f"https://{host}/")


def test_url_sources_of_the_other_notes(doc):
    for number in (1, 5, 12, 13):
        assert doc.note(number).url_source == "note"
    for number in (2, 3, 4, 6, 7, 8, 9, 10, 14):
        note = doc.note(number)
        assert note.url_source == "ibid"
        assert note.urls == doc.note(note.ibid_of).urls
    assert doc.note(11).urls == [] and doc.note(11).url_source is None
    assert doc.note(6).accessed == "2025-11-26"  # from note 5's "ET 26 Kasım 2025"


def test_note_12_doi_and_page_inside_the_range(doc):
    note = doc.note(12)
    assert note.doi == "10.5281/zenodo.7827403"
    assert note.pages == "769"
    assert doc.bibliography[GAUR].pages in {"769-782", "769–782"}
    assert "page_outside_range" not in codes(doc)


def test_claims_of_notes_6_and_17(doc):
    (uranium,) = doc.note(6).claims
    assert "uranyum üretiminin yaklaşık %40" in uranium.text
    assert uranium.text.startswith("Özellikle Kazakistan")
    (deals,) = doc.note(17).claims
    assert "25 milyar doları aşan" in deals.text
    assert all(c.note == n.number for n in doc.notes for c in n.claims)
    assert all(n.claims for n in doc.notes)


def test_findings_flag_note_5_damage_and_the_how_to_cite_year(doc):
    assert "malformed_note" in codes(doc, 5)
    (year,) = [f for f in doc.findings if f.code == "how_to_cite_mismatch"]
    assert year.details["field"] == "year" and year.details["block_value"] == 2026
    assert "2026" in year.message and "2025-12-16" in year.message


def test_no_false_alarms_on_the_seed(doc):
    quiet = {
        "note_no_bib_entry",
        "bib_entry_uncited",
        "page_outside_range",
        "note_bib_mismatch",
        "ibid_no_antecedent",
        "ibid_ambiguous",
        "short_form_unresolved",
        "marker_without_note",
        "note_without_marker",
        "note_numbering",
    }
    assert [f for f in doc.findings if f.code in quiet] == []
    assert [f.note for f in doc.findings if f.code == "malformed_note"] == [5]


def test_input_document_is_not_changed(ingested, doc):
    assert doc is not ingested
    assert all(not n.citations and n.ibid_of is None for n in ingested.notes)
    assert all(e.title is None for e in ingested.bibliography)


def test_a_changed_page_outside_the_range_is_reported(ingested):
    notes = [
        replace(n, text=n.text.replace(": 769,", ": 790,")) if n.number == 12 else n
        for n in ingested.notes
    ]
    doc = analyze(replace(ingested, notes=notes))
    hits = [f for f in doc.findings if f.code == "page_outside_range"]
    assert [(f.note, f.entry, f.severity) for f in hits] == [(12, GAUR, "error")]
    assert "790" in hits[0].message
