"""Lint rules, one test (or a few) per rule, on hand-built documents."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.model import BibEntry, Citation, Document, HowToCite, Marker, Note, Paragraph
from citecheck.notes import analyze, lint
from citecheck.notes.pages import PageRange, outside, parse_pages, roman_to_int

GAUR_TITLE = "Renewed Western Interest in Central Asia"
GAUR_CIT = dict(authors=["Punit Gaur"], title=GAUR_TITLE, kind="journal_article", year=2023)
GAUR_ENTRY = BibEntry(
    index=0,
    authors=["Gaur, Punit"],
    title=GAUR_TITLE,
    year=2023,
    pages="769–782",
    doi="10.5281/zenodo.7827403",
    kind="journal_article",
    text="Gaur, Punit. Renewed Western Interest in Central Asia. Social Evolution and History "
    "12, no. 2 (2023): 769–782.",
)
HANDBOOK = "The Oxford Handbook of Comparative Regionalism"
VOLUME = BibEntry(
    index=1, editors=["Börzel, Tanja A.", "Thomas Risse"], title=HANDBOOK, kind="book"
)
CHAPTER = BibEntry(
    index=2,
    authors=["Hancock, Kathleen J.", "Alexander Libman"],
    title="Eurasia",
    container=HANDBOOK,
    editors=["Tanja A. Börzel", "Thomas Risse"],
    kind="book_chapter",
    pages="215-",
)


def note(number: int, text: str = "", **cit: object) -> Note:
    return Note(number=number, text=text or f"note {number}", citations=[Citation(**cit)])  # type: ignore[arg-type]


def document(notes: list[Note], bib: list[BibEntry] | None = None, **kw: object) -> Document:
    return Document(source="test", format="text", notes=notes, bibliography=bib or [], **kw)  # type: ignore[arg-type]


def found(doc: Document, code: str) -> list:
    return [f for f in analyze(doc).findings if f.code == code]


# note_no_bib_entry ------------------------------------------------------------------


def test_note_without_entry_is_reported_once_and_only_with_a_bibliography():
    notes = [
        note(1, **GAUR_CIT),
        note(2, authors=["Nobody"], title="Unlisted Work on Steppe Trade"),
        note(3, "A.g.e", ibid=True),
    ]
    hits = found(document(notes, [GAUR_ENTRY]), "note_no_bib_entry")
    assert [(f.note, f.severity) for f in hits] == [(2, "warning")]
    assert "Unlisted Work on Steppe Trade" in hits[0].message
    assert found(document(notes), "note_no_bib_entry") == []


def test_comment_notes_need_no_entry():
    notes = [note(1, **GAUR_CIT), note(2, "Bu konuya aşağıda dönülecektir.", raw="Bu konuya …")]
    assert found(document(notes, [GAUR_ENTRY]), "note_no_bib_entry") == []


# bib_entry_uncited ------------------------------------------------------------------


def test_uncited_entry_but_not_the_volume_of_a_cited_chapter():
    notes = [
        note(1, authors=["Kathleen J. Hancock", "Alexander Libman"], title="Eurasia", pages="215"),
    ]
    hits = found(document(notes, [GAUR_ENTRY, VOLUME, CHAPTER]), "bib_entry_uncited")
    assert [f.entry for f in hits] == [0]
    assert GAUR_TITLE in hits[0].message and hits[0].note is None


def test_volume_whose_chapter_is_not_cited_is_uncited():
    notes = [note(1, **GAUR_CIT)]
    hits = found(document(notes, [GAUR_ENTRY, VOLUME, CHAPTER]), "bib_entry_uncited")
    assert sorted(f.entry for f in hits) == [1, 2]


def test_entries_cited_only_through_an_ibid_or_a_second_citation_count_as_cited():
    ibid_only = [note(1, **GAUR_CIT), note(2, "A.g.e", ibid=True)]
    assert found(document(ibid_only, [GAUR_ENTRY]), "bib_entry_uncited") == []
    two = Note(
        1,
        "Gaur …; Hancock and Libman …",
        citations=[Citation(**GAUR_CIT), Citation(authors=["Hancock"], title="Eurasia")],  # type: ignore[arg-type]
    )
    assert found(document([two], [GAUR_ENTRY, VOLUME, CHAPTER]), "bib_entry_uncited") == []


# page_outside_range -----------------------------------------------------------------


def test_page_outside_and_inside_the_entry_range():
    inside = found(
        document([note(12, pages="769", **GAUR_CIT)], [GAUR_ENTRY]), "page_outside_range"
    )
    assert inside == []
    hits = found(document([note(12, pages="790", **GAUR_CIT)], [GAUR_ENTRY]), "page_outside_range")
    assert len(hits) == 1
    f = hits[0]
    assert (f.note, f.entry, f.severity) == (12, 0, "error")
    assert "790" in f.message and "769-782" in f.message
    assert f.details == {"cited": "790", "range": "769–782"}


def test_ibid_page_is_checked_against_the_full_notes_entry():
    notes = [note(1, pages="770", **GAUR_CIT), note(2, "A.g.e., s. 12", ibid=True, pages="12")]
    hits = found(document(notes, [GAUR_ENTRY]), "page_outside_range")
    assert [f.note for f in hits] == [2]


def test_open_range_roman_pages_and_single_page_entries():
    chapter_notes = lambda p: [note(1, authors=["Hancock"], title="Eurasia", pages=p)]  # noqa: E731
    bib = [VOLUME, CHAPTER]
    assert found(document(chapter_notes("300"), bib), "page_outside_range") == []
    assert len(found(document(chapter_notes("200"), bib), "page_outside_range")) == 1
    assert found(document(chapter_notes("xii"), bib), "page_outside_range") == []
    cut_short = [VOLUME, BibEntry(**{**CHAPTER.__dict__, "pages": "215"})]
    assert found(document(chapter_notes("220"), cut_short), "page_outside_range") == []


def test_a_single_number_in_a_book_entry_is_a_page_count_not_a_range():
    book = BibEntry(index=0, authors=["Kaya, Ayşe"], title="Hazar Hukuku", pages="320", kind="book")
    cit = dict(authors=["Ayşe Kaya"], title="Hazar Hukuku", kind="book")
    assert found(document([note(1, pages="45", **cit)], [book]), "page_outside_range") == []
    ranged = BibEntry(**{**book.__dict__, "pages": "300-320"})
    assert len(found(document([note(1, pages="45", **cit)], [ranged]), "page_outside_range")) == 1


def test_messages_quote_long_notes_in_short():
    text = "Alberto [ ] " + "very long title words " * 20
    (hit,) = found(document([note(5, text, title="x")]), "malformed_note")
    assert len(hit.message) < 250 and hit.message.endswith("…”.")


def test_page_parsing():
    assert parse_pages("769–782") == [PageRange(769, 782)]
    assert parse_pages("pp. 415–6") == [PageRange(415, 416)]
    assert parse_pages("ss. 1234-56") == [PageRange(1234, 1256)]
    assert parse_pages("s. 30, 45-47") == [PageRange(30, 30), PageRange(45, 47)]
    assert parse_pages("215-") == [PageRange(215, None)]
    assert parse_pages("xii–xv") == [PageRange(12, 15, roman=True)]
    assert parse_pages("n/a") == [] and parse_pages(None) == []
    assert parse_pages("782-769") == []
    assert (
        roman_to_int("xiv") == 14 and roman_to_int("iiii") is None and roman_to_int("mix") == 1009
    )
    assert outside(parse_pages("780-790"), parse_pages("769-782")) == [PageRange(780, 790)]
    assert outside(parse_pages("iv"), parse_pages("769-782")) == []


# note_bib_mismatch ------------------------------------------------------------------


def test_year_mismatch_has_both_values():
    cit = {**GAUR_CIT, "year": 2022}
    hits = found(document([note(1, **cit)], [GAUR_ENTRY]), "note_bib_mismatch")
    assert len(hits) == 1
    f = hits[0]
    assert f.details["field"] == "year"
    assert (f.details["note_value"], f.details["entry_value"]) == (2022, 2023)
    assert "2022" in f.message and "2023" in f.message


def test_date_mismatch_and_partial_dates_that_agree():
    entry = BibEntry(index=0, authors=["Reuters"], title="Trump to meet leaders", date="2025-11-06")
    cit = dict(authors=["Reuters"], title="Trump to meet leaders")
    hits = found(document([note(1, date="2025-11-07", **cit)], [entry]), "note_bib_mismatch")
    assert [(f.details["field"], f.details["note_value"]) for f in hits] == [("date", "2025-11-07")]
    assert found(document([note(1, date="2025-11", **cit)], [entry]), "note_bib_mismatch") == []
    assert found(document([note(1, date="2025", **cit)], [entry]), "note_bib_mismatch") == []


def test_title_mismatch_when_linked_by_doi():
    cit = dict(authors=["Gaur"], title="Western Powers Return to the Steppe", doi=GAUR_ENTRY.doi)
    hits = found(document([note(1, **cit)], [GAUR_ENTRY]), "note_bib_mismatch")
    assert [f.details["field"] for f in hits] == ["title"]
    assert (
        "Western Powers Return to the Steppe" in hits[0].message and GAUR_TITLE in hits[0].message
    )


def test_export_damage_is_not_a_title_mismatch():
    entry = BibEntry(index=0, authors=["Şafak, Bekir Caner"], title="ABD'nin Orta Asya Stratejisi")
    cit = dict(authors=["Bekir Caner Şafak"], title="ABDnin Orta Asya Stratejisi")
    assert found(document([note(1, **cit)], [entry]), "note_bib_mismatch") == []


# malformed notes and entries -------------------------------------------------------------


def test_hole_in_a_note_and_in_an_entry():
    text = "Alberto [ ] C5+1 Summit: Whats at Stake for the US and Central Asia, The Diplomat"
    hits = found(document([note(5, text, title="C5+1 Summit")]), "malformed_note")
    assert [(f.note, f.details["problems"]) for f in hits] == [(5, ["hole"])]
    assert "[ ]" in hits[0].message
    entry = BibEntry(
        index=0, title="Eurasia", authors=["Hancock"], text="Hancock. Eurasia. 215 [ ] Oxford"
    )
    hits = found(document([], [entry]), "malformed_bib_entry")
    assert [(f.entry, f.details["problems"]) for f in hits] == [(0, ["hole"])]


def test_missing_author_only_where_a_work_should_have_one():
    news = note(1, title="Trump to meet leaders", kind="news_article", problems=["no_author"])
    book = note(2, title="Steppe Empires", kind="book", problems=["no_author"])
    hits = found(document([news, book]), "malformed_note")
    assert [(f.note, f.details["problems"]) for f in hits] == [(2, ["no_author"])]
    assert "no author" in hits[0].message
    # The parser missed the author, but the linked entry's author is named in the note.
    text = "Hazar’ın statüsü için bkz. Ayşe Kaya, Hazar Hukuku (Ankara: Orion, 2019), s. 45."
    missed = note(3, text, title="Hazar’ın statüsü için bkz. Ayşe Kaya", kind="book", pages="45",
                  problems=["no_author"])  # fmt: skip
    kaya = BibEntry(index=0, authors=["Kaya, Ayşe"], title="Hazar Hukuku", kind="book")
    assert found(document([missed], [kaya]), "malformed_note") == []
    assert len(found(document([missed]), "malformed_note")) == 1


# ibid ------------------------------------------------------------------------------


def test_ibid_without_antecedent_and_short_form_rules():
    comment = Note(2, "Bir açıklama.", citations=[Citation(raw="Bir açıklama.")])
    notes = [note(1, **GAUR_CIT), comment, note(3, "A.g.e", ibid=True)]
    hits = found(document(notes), "ibid_no_antecedent")
    assert [(f.note, f.severity) for f in hits] == [(3, "error")]
    # A short form with no earlier full note is fine when the bibliography has the work.
    short = [note(1, "Gaur, Renewed Western Interest, 770.", authors=["Gaur"],
                  title="Renewed Western Interest", pages="770", short_form=True)]  # fmt: skip
    assert found(document(short, [GAUR_ENTRY]), "short_form_unresolved") == []
    assert [f.note for f in found(document(short), "short_form_unresolved")] == [1]


# missing_access_date ---------------------------------------------------------------


def test_missing_access_date_for_web_sources_only():
    url = "https://www.iea.org/topics/critical-minerals"
    notes = [
        note(1, title="Critical Minerals", kind="web_page", urls=[url]),
        note(2, "A.g.e", ibid=True),
        note(3, title="Some Page", kind="web_page", urls=[url + "/x"], accessed="2025-11-26"),
        note(
            4,
            pages="769",
            doi=GAUR_ENTRY.doi,
            urls=["https://doi.org/" + GAUR_ENTRY.doi],
            **GAUR_CIT,
        ),
        note(5, title="No Link", kind="news_article"),
    ]
    hits = found(document(notes), "missing_access_date")
    assert [(f.note, f.severity) for f in hits] == [(1, "info")]
    assert url in hits[0].message


def test_url_inherited_from_the_bibliography_needs_an_access_date_too():
    entry = BibEntry(index=0, authors=["Reuters"], title="Trump to meet leaders",
                     urls=["https://www.reuters.com/x"], kind="news_article")  # fmt: skip
    notes = [note(15, authors=["Reuters"], title="Trump to meet leaders", kind="news_article")]
    assert [f.note for f in found(document(notes, [entry]), "missing_access_date")] == [15]
    dated = BibEntry(**{**entry.__dict__, "accessed": "2025-11-26"})
    assert found(document(notes, [dated]), "missing_access_date") == []


# how to cite ------------------------------------------------------------------------

CANONICAL = "https://avimbulten.org/Blog/KRITIK-MINERALLER-CAGINDA-ORTA-ASYA-16-12-2025"


def article(**how: object) -> Document:
    block = HowToCite(
        text="…",
        authors=["SARICA, Berna"],
        year=2025,
        title="KRİTİK MİNERALLER ÇAĞINDA ORTA ASYA - 16.12.2025",
        number="2025 / 33",
        url="https://avimbulten.org/Blog/KRİTİK-MİNERALLER-ÇAĞINDA-ORTA-ASYA-16-12-2025/",
    )
    block = HowToCite(**{**block.__dict__, **how})
    return document(
        [],
        title="KRİTİK MİNERALLER ÇAĞINDA ORTA ASYA",
        authors=["Berna SARICA"],
        published="2025-12-16",
        number="33",
        canonical_url=CANONICAL,
        how_to_cite=block,
    )


def test_consistent_how_to_cite_block():
    assert found(article(), "how_to_cite_mismatch") == []


def test_how_to_cite_year_number_url_title_author():
    def fields(**how: object) -> list[object]:
        return [f.details["field"] for f in found(article(**how), "how_to_cite_mismatch")]

    hits = found(article(year=2026), "how_to_cite_mismatch")
    assert [f.details["field"] for f in hits] == ["year"]
    assert "2026" in hits[0].message and "2025-12-16" in hits[0].message
    assert hits[0].details["block_value"] == 2026
    assert fields(number="2025 / 34") == ["number"]
    assert fields(number="33") == []
    assert fields(url="https://avimbulten.org/Blog/BASKA-BIR-YAZI") == ["url"]
    assert (
        fields(url="http://www.AVIMBULTEN.org/blog/kritik-mineraller-caginda-orta-asya-16-12-2025")
        == []
    )
    assert fields(title="TÜRK DEVLETLERİ TEŞKİLATI VE ENERJİ") == ["title"]
    assert fields(authors=["KILIÇ, Alev"]) == ["authors"]
    assert fields(year=None, date="2025-12-17") == ["date"]


# markers and numbering ---------------------------------------------------------------


def test_markers_without_notes_and_notes_without_markers():
    para = Paragraph(
        0, "Bir. İki. Üç.", markers=[Marker(1, "1", 0, 4, "[1]"), Marker(3, "3", 0, 9, "[3]")]
    )
    notes = [note(1, **GAUR_CIT), note(2, "A.g.e", ibid=True)]
    doc = document(notes, paragraphs=[para])
    assert [(f.note, f.severity) for f in found(doc, "marker_without_note")] == [(3, "error")]
    assert [f.note for f in found(doc, "note_without_marker")] == [2]
    no_markers = document(notes, paragraphs=[Paragraph(0, "Metin.")])
    hits = found(no_markers, "note_without_marker")
    assert len(hits) == 1 and hits[0].note is None and "no note markers" in hits[0].message


def test_note_numbering_gaps_duplicates_and_order():
    notes = [note(1, **GAUR_CIT), note(3, "A.g.e", ibid=True), note(3, "A.g.e", ibid=True)]
    hits = found(document(notes), "note_numbering")
    assert [f.details.get("missing") or f.details.get("count") for f in hits] == [2, [2]]
    assert "skip 2 (1 missing)" in hits[1].message
    out_of_order = [note(2, **GAUR_CIT), note(1, "A.g.e", ibid=True)]
    assert "order" in found(document(out_of_order), "note_numbering")[0].details
    assert (
        found(document([note(1, **GAUR_CIT), note(2, "A.g.e", ibid=True)]), "note_numbering") == []
    )


def test_a_misread_huge_note_number_is_reported_without_listing_every_gap():
    notes = [note(1, **GAUR_CIT), note(2025, "A.g.e", ibid=True)]
    (hit,) = found(document(notes), "note_numbering")
    assert hit.details["missing_count"] == 2023
    assert hit.details["missing"] == list(range(2, 22))
    assert "2023 missing" in hit.message and len(hit.message) < 200


def test_lint_alone_on_an_empty_document():
    assert lint(document([])) == []


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(max_size=30), st.text(alphabet="0123456789ivxlcdm-–, sp.", max_size=20))
def test_page_parsing_never_crashes(anything, locator):
    for text in (anything, locator):
        for r in parse_pages(text) + parse_pages(text, single_is_start=True):
            assert r.start >= 1 and (r.end is None or r.end >= r.start)
        outside(parse_pages(text), parse_pages(locator, single_is_start=True))
