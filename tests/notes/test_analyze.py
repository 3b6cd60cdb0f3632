"""analyze(): purity, error isolation, field inheritance, claims, findings order."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import citecheck.notes as notes_stage
from citecheck.model import (
    BibEntry,
    Citation,
    Document,
    Finding,
    HowToCite,
    Marker,
    Note,
    Paragraph,
)
from citecheck.notes import analyze

GAUR_URL = "https://doi.org/10.5281/zenodo.7827403"


def doc_of(notes: list[Note], bib: list[BibEntry] | None = None, **kw: object) -> Document:
    return Document(source="t", format="text", notes=notes, bibliography=bib or [], **kw)  # type: ignore[arg-type]


def test_returns_a_new_document_and_leaves_the_input_alone():
    doc = doc_of(
        [
            Note(1, "Punit Gaur, Renewed Western Interest in Central Asia, 2023, 769."),
            Note(2, "A.g.e"),
        ],
        [BibEntry(index=0, text="Gaur, Punit. Renewed Western Interest in Central Asia. 2023.")],
    )
    before = copy.deepcopy(doc)
    out = analyze(doc)
    assert doc == before
    assert out is not doc and out.notes[0] is not doc.notes[0]
    assert out.notes[0].citations and out.notes[1].ibid_of == 1
    assert out.bibliography[0].title and out.notes[0].bib_entry == 0


def test_one_bad_note_becomes_a_finding_and_the_others_are_parsed(monkeypatch):
    real = notes_stage.parse_note

    def flaky(text: str) -> list[Citation]:
        if "boom" in text:
            raise ValueError("unbalanced quote")
        return real(text)

    monkeypatch.setattr(notes_stage, "parse_note", flaky)
    doc = doc_of(
        [
            Note(1, "Punit Gaur, Renewed Western Interest in Central Asia, 2023."),
            Note(2, "boom “"),
            Note(3, "A.g.e"),
        ]
    )
    out = analyze(doc)
    bad = [f for f in out.findings if f.code == "malformed_note"]
    assert [f.note for f in bad] == [2]
    assert "unbalanced quote" in bad[0].message and "ValueError" in bad[0].message
    assert out.notes[0].citations and out.notes[1].citations == []
    # The unreadable note cites nothing, so the ibid after it has no antecedent.
    assert out.notes[2].ibid_of is None
    assert "ibid_no_antecedent" in [f.code for f in out.findings if f.note == 3]


def test_chicago_rules_end_to_end_with_the_note_parser():
    doc = doc_of(
        [
            Note(1, "Punit Gaur, Renewed Western Interest in Central Asia, 2023, 769."),
            Note(2, "Bu konuya aşağıda ayrıca dönülecektir."),
            Note(3, "A.g.e., s. 770."),
            Note(4, "Ayşe Kaya, Hazar Hukuku (Ankara: Orion Yayınevi, 2019), s. 45."),
            Note(5, "Gaur, a.g.e., s. 771."),
            Note(6, 'Kaya, "Hazar Hukuku," 50.'),
        ]
    )
    out = analyze(doc)
    assert [n.ibid_of for n in out.notes] == [None, None, None, None, 1, 4]
    assert [(f.code, f.note) for f in out.findings if f.code.startswith("ibid")] == [
        ("ibid_no_antecedent", 3)
    ]
    assert [n.pages for n in out.notes][4:] == ["771", "50"]


def test_bad_entry_and_failing_claims_are_findings_too(monkeypatch):
    def broken_entry(text: str, index: int = 0) -> BibEntry:
        raise RuntimeError("entry parser failed")

    def broken_claims(paragraphs: list[Paragraph], lang: str | None = None) -> list:
        raise RuntimeError("splitter failed")

    monkeypatch.setattr(notes_stage, "parse_bib_entry", broken_entry)
    monkeypatch.setattr(notes_stage, "extract_claims", broken_claims)
    para = Paragraph(0, "Bir cümle.", markers=[Marker(1, "1", 0, 10, "[1]")])
    doc = doc_of([Note(1, "Gaur, Renewed Western Interest.")], [BibEntry(index=0, text="x")])
    out = analyze(replace_paragraphs(doc, [para]))
    by_code = {f.code: f for f in out.findings}
    assert "entry parser failed" in by_code["malformed_bib_entry"].message
    assert by_code["malformed_bib_entry"].entry == 0
    assert "splitter failed" in by_code["analysis_problem"].message
    assert out.bibliography[0] == doc.bibliography[0]  # kept as it was
    assert [f.code for f in out.findings].count("malformed_bib_entry") == 1


def replace_paragraphs(doc: Document, paragraphs: list[Paragraph]) -> Document:
    return Document(**{**doc.__dict__, "paragraphs": paragraphs})


def test_parsed_entries_and_notes_are_kept_as_they_are():
    entry = BibEntry(index=0, key="gaur2023", authors=["Gaur, Punit"], title="Renewed Interest")
    note = Note(1, "whatever", citations=[Citation(authors=["Gaur"], title="Renewed Interest")])
    out = analyze(doc_of([note], [entry]))
    assert out.bibliography[0] == entry
    assert out.notes[0].citations == note.citations
    assert out.notes[0].bib_entry == 0


def test_urls_doi_access_date_and_pages_are_resolved_in_order():
    entry = BibEntry(
        index=0,
        authors=["Gaur, Punit"],
        title="Renewed Western Interest in Central Asia",
        urls=[GAUR_URL],
        doi="10.5281/zenodo.7827403",
        accessed="2025-11-01",
    )
    gaur = dict(authors=["Punit Gaur"], title="Renewed Western Interest in Central Asia")
    notes = [
        Note(1, "Gaur …", citations=[Citation(**gaur, pages="769")]),  # type: ignore[arg-type]
        Note(2, "A.g.e., s. 770", citations=[Citation(ibid=True, pages="770")]),
        Note(3, "A.g.e", citations=[Citation(ibid=True)]),
        Note(
            4,
            "Gaur … <https://example.org/gaur>, E.T. 2 Kasım 2025",
            citations=[Citation(**gaur, urls=["https://example.org/gaur"], accessed="2025-11-02")],  # type: ignore[arg-type]
        ),
        Note(5, "A.g.e", citations=[Citation(ibid=True)]),
        Note(6, "Nobody, Unlisted.", citations=[Citation(authors=["Nobody"], title="Unlisted")]),
    ]  # fmt: skip
    out = analyze(doc_of(notes, [entry])).notes
    first, ibid_page, ibid_bare, own, ibid_own, unlisted = out
    assert (first.urls, first.url_source, first.doi, first.accessed, first.pages) == (
        [GAUR_URL], "bibliography", "10.5281/zenodo.7827403", "2025-11-01", "769",
    )  # fmt: skip
    assert (ibid_page.ibid_of, ibid_page.url_source, ibid_page.pages) == (1, "ibid", "770")
    assert ibid_page.urls == [GAUR_URL] and ibid_page.accessed == "2025-11-01"
    # An ibid without a locator cites the same work at an unknown page: no page is inherited.
    assert ibid_bare.pages is None and ibid_bare.bib_entry == 0
    assert (own.urls, own.url_source, own.accessed) == (
        ["https://example.org/gaur"],
        "note",
        "2025-11-02",
    )
    assert own.doi == "10.5281/zenodo.7827403"  # the note has a URL but no DOI: the entry's DOI
    assert (ibid_own.ibid_of, ibid_own.urls, ibid_own.accessed) == (4, own.urls, "2025-11-02")
    assert (unlisted.urls, unlisted.url_source, unlisted.bib_entry, unlisted.bib_score) == (
        [], None, None, None,
    )  # fmt: skip
    assert first.bib_score is not None and first.bib_score >= 70


def test_a_note_citing_two_works_links_to_the_first_that_has_an_entry():
    entry = BibEntry(
        index=0, authors=["Gaur, Punit"], title="Renewed Western Interest in Central Asia"
    )
    two = Note(
        1,
        "Nobody, Unlisted; Gaur, Renewed Western Interest in Central Asia.",
        citations=[
            Citation(authors=["Nobody"], title="Unlisted"),
            Citation(authors=["Gaur"], title="Renewed Western Interest in Central Asia"),
        ],
    )
    out = analyze(doc_of([two], [entry]))
    assert out.notes[0].bib_entry == 0
    assert [f.code for f in out.findings] == ["note_no_bib_entry"]  # for the unlisted work


def test_author_ibid_takes_the_urls_of_the_work_it_names_not_of_its_whole_note():
    two = Note(
        1,
        "Gaur …; Kaya …",
        citations=[
            Citation(authors=["Punit Gaur"], title="Renewed Interest", urls=["https://a.example/gaur"]),
            Citation(authors=["Ayşe Kaya"], title="Hazar Hukuku", urls=["https://b.example/kaya"],
                     accessed="2025-01-02"),
        ],
    )  # fmt: skip
    kaya = Note(
        2, "Kaya, a.g.e., s. 9.", citations=[Citation(ibid=True, ibid_author="Kaya", pages="9")]
    )
    out = analyze(doc_of([two, kaya])).notes[1]
    assert (out.ibid_of, out.urls, out.url_source) == (1, ["https://b.example/kaya"], "ibid")
    assert (out.accessed, out.pages) == ("2025-01-02", "9")


def test_doi_taken_from_a_resolver_link_when_no_doi_field_was_parsed():
    cit = Citation(title="Renewed Interest", urls=["https://doi.org/10.5281/ZENODO.7827403"])
    out = analyze(doc_of([Note(1, "…", citations=[cit])]))
    assert out.notes[0].doi == "10.5281/zenodo.7827403"


def test_claims_attach_to_their_notes_and_findings_keep_ingest_problems_first():
    text = "Kazakistan uranyumun %40'ını üretir. ABD 25 milyar dolar açıkladı."
    markers = [Marker(1, "1", 0, text.index(" ABD"), "[1]"), Marker(2, "2", 0, len(text), "[2]")]
    para = Paragraph(0, text, markers=markers)
    ingest_problem = Finding("ingest_problem", "warning", "A table could not be read.")
    doc = Document(
        source="t",
        format="text",
        paragraphs=[para],
        notes=[
            Note(1, "x", citations=[Citation(title="Uranium")]),
            Note(2, "y", citations=[Citation(title="Deals")]),
        ],
        findings=[ingest_problem],
        how_to_cite=HowToCite(text="…", year=2026),
        published="2025-12-16",
    )
    out = analyze(doc)
    assert [c.text for c in out.notes[0].claims] == ["Kazakistan uranyumun %40'ını üretir."]
    assert [c.note for c in out.notes[1].claims] == [2]
    assert "25 milyar" in out.notes[1].claims[0].text
    assert out.findings[0] is ingest_problem
    assert [f.code for f in out.findings[1:]] == ["how_to_cite_mismatch"]


_note_texts = st.one_of(
    st.text(max_size=120),
    st.sampled_from(
        [
            "A.g.e",
            "A.g.e., s. 12",
            "Karataş, a.g.e., s. 88.",
            "Ibid., p. 30.",
            'Frigerio, "C5+1 Summit," 4.',
            "Alberto [ ] C5+1 Summit: Whats at Stake, The Diplomat, ET 26 Kasım 2025",
            "Punit Gaur, Renewed Western Interest, Social Evolution 12, no. 2 (2023): 769, "
            "<https://doi.org/10.5281/zenodo.7827403>.",
            "Critical Minerals, IEA; Reuters, Trump to meet, 6 Kasım 2025.",
            "[ ]",
            "",
        ]
    ),
)
_entry_texts = st.one_of(
    st.text(max_size=120),
    st.sampled_from(
        [
            "Gaur, Punit. Renewed Western Interest. Social Evolution 12 (2023): 769–782.",
            "Börzel, Tanja A., and Thomas Risse, eds. The Oxford Handbook. Oxford, 2016.",
            "Hancock, K. Eurasia. In The Oxford Handbook, edited by T. Börzel, 215 [ ] 2016.",
            "",
        ]
    ),
)


@settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    st.lists(st.tuples(st.integers(min_value=-2, max_value=30), _note_texts), max_size=8),
    st.lists(_entry_texts, max_size=6),
    st.lists(st.integers(min_value=0, max_value=30), max_size=6),
)
def test_analyze_never_crashes_on_arbitrary_notes_and_entries(notes, entries, markers):
    text = "Bir. İki üç. " * 3
    para = Paragraph(0, text, markers=[Marker(n, str(n), 0, min(n, len(text))) for n in markers])
    doc = Document(
        source="fuzz",
        format="text",
        paragraphs=[para],
        notes=[Note(number, body) for number, body in notes],
        bibliography=[BibEntry(index=i, text=body) for i, body in enumerate(entries)],
        how_to_cite=HowToCite(text="x", year=2026, number="2025 / 3", url="avim.org.tr/x"),
        published="2025-12-16",
        number="33",
        canonical_url="https://avim.org.tr/y",
    )
    out = analyze(doc)
    assert len(out.notes) == len(notes)
    indices = {e.index for e in out.bibliography}
    for note in out.notes:
        assert note.bib_entry is None or note.bib_entry in indices
        assert (note.url_source is None) == (not note.urls)
        assert note.url_source in {None, "note", "ibid", "bibliography"}
    for f in out.findings:
        assert f.message and f.severity in {"error", "warning", "info"}


# Other fixture articles (AVİM HTML, Word, generic footnotes): the ibid and
# link expectations a reader of each article would write down.
FIXTURE_EXPECTATIONS = {
    "avim-analiz-tr-hazar.html": {
        "ibid_of": {2: 1, 5: 3, 8: 7, 9: 7},
        "bib_entry": {1: 0, 2: 0, 3: 2, 4: 3, 5: 2, 6: 4, 7: 1, 8: 1, 9: 1},
    },
    "avim-yorum-en-commentary.html": {
        "ibid_of": {2: 1, 5: 1, 6: 1},
        "bib_entry": {1: 1, 2: 1, 3: 2, 4: 0, 5: 1, 6: 1},
    },
    "avimbulten-blog-41-karadeniz.html": {
        "ibid_of": {2: 1, 5: 3},
        "bib_entry": {1: 0, 2: 0, 3: 1, 4: 2, 5: 1},
    },
    "generic-pandoc-footnotes.html": {"ibid_of": {2: 1}, "bib_entry": {}},
}


def _load(name: str) -> Document:
    try:
        from citecheck.ingest import load_path
    except ImportError:  # pragma: no cover
        pytest.skip("citecheck.ingest is not written yet")
    path = Path(__file__).resolve().parents[2] / "fixtures" / "articles" / name
    if not path.exists():  # pragma: no cover
        pytest.skip(f"fixture {name} is not there")
    return load_path(path)


def test_fixture_articles_resolve_and_link_as_a_reader_would():
    for name, expected in FIXTURE_EXPECTATIONS.items():
        out = analyze(_load(name))
        ibid_of = {n.number: n.ibid_of for n in out.notes if n.ibid_of is not None}
        assert ibid_of == expected["ibid_of"], name
        if expected["bib_entry"]:
            assert {n.number: n.bib_entry for n in out.notes} == expected["bib_entry"], name
        assert [f for f in out.findings if f.code == "bib_entry_uncited"] == [], name


def test_analyze_is_idempotent_on_findings() -> None:
    from citecheck.ingest import load_path
    from citecheck.notes import analyze
    from tests.conftest import SEED_ARTICLE

    once = analyze(load_path(SEED_ARTICLE))
    twice = analyze(once)
    assert [(f.code, f.note, f.entry) for f in twice.findings] == [
        (f.code, f.note, f.entry) for f in once.findings
    ]
