"""Metadata comparison (pure): labelled pairs that pin the thresholds, tolerance rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.codes import FindingCode
from citecheck.identify.agree import (
    CompareRules,
    container_agrees,
    date_agrees,
    title_agrees,
)
from citecheck.identify.compare import compare_record, page_findings, update_findings
from citecheck.model import BibEntry, Citation, WorkRecord
from citecheck.notes.similarity import title_similarity

# (cited, found, same work?) — the list TITLE_MIN and the word-swap rule were tuned on.
TITLES = [
    # same work: export damage, quotes, holes, subtitles, a dropped "to", transliteration
    ("Renewed Western Interest in Central Asia", "Renewed Western Interest in Central Asia", True),
    (
        "C5+1 Summit: Whats at Stake for the US and Central Asia",
        "C5+1 Summit: What’s at Stake for the US and Central Asia",
        True,
    ),
    (
        "Alberto [ ] C5+1 Summit: Whats at Stake for the US and Central Asia",
        "C5+1 Summit: What’s at Stake for the US and Central Asia",
        True,
    ),
    (
        "Renewed Western Interest in Central Asia",
        "Renewed Western Interest in Central Asia: Geopolitics After 2022",
        True,
    ),
    (
        "ABDnin Orta Asya Stratejisi Bağlamında Vaşington C5+1 Zirvesi",
        "ABD’nin Orta Asya Stratejisi Bağlamında Washington C5+1 Zirvesi",
        True,
    ),
    (
        "Trump to meet Central Asian presidents as US seeks counter China, Russia influence",
        "Trump to meet Central Asian presidents as US seeks to counter China, Russia influence",
        True,
    ),
    (
        "The Oxford Handbook of Comparative Regionalism",
        "Oxford Handbook of Comparative Regionalism",
        True,
    ),
    ("KRİTİK MİNERALLER ÇAĞINDA ORTA ASYA", "Kritik Mineraller Çağında Orta Asya", True),
    # near misses: one word swapped, a number changed, a longer work, same topic
    ("Renewed Western Interest in Central Asia", "Renewed Russian Interest in Central Asia", False),
    (
        "Climate Change and Water Security in Central Asia",
        "Climate Change and Food Security in Central Asia",
        False,
    ),
    (
        "Commerce Celebrates $25 Billion C5+1 Deal Zone",
        "Commerce Celebrates $2.5 Billion Deal Zone",
        False,
    ),
    (
        "Kazakhstan, US sign memorandum on cooperation in critical minerals",
        "Kazakhstan, US sign memorandum on cooperation in energy",
        False,
    ),
    ("Critical Minerals", "Global Critical Minerals Outlook 2024", False),
    ("Central Asia and the Great Powers", "Central Asia and the Great Game", False),
    ("Eurasia", "Eurasian Regionalism", False),
    (
        "Renewed Western Interest in Central Asia",
        "Water Governance and Irrigation Reform in Uzbekistan",
        False,
    ),
]


@pytest.mark.parametrize(("cited", "found", "same"), TITLES)
def test_labelled_titles(cited: str, found: str, same: bool) -> None:
    assert title_agrees(cited, found) is same, title_similarity(cited, found)


def test_title_floor_is_needed_beside_the_word_rule() -> None:
    # the word rule alone would pass a title sharing every word in another order of ideas
    assert not title_agrees("Central Asia", "Central Asia in the Making of Modern Geopolitics")


@pytest.mark.parametrize(
    ("cited", "found", "agrees"),
    [
        ("2025-11-06", "2025-11-06", True),
        # timestamp: the day in its own zone, UTC or the reader's (UTC+3) zone
        ("2025-11-06", "2025-11-05T16:40:00+00:00", False),  # 19:40 in Ankara: still 5 Nov
        ("2025-11-06", "2025-11-05T22:30:00+00:00", True),  # 01:30 on 6 Nov in Ankara
        ("2025-11-06", "2025-11-05T20:00:00-05:00", True),  # 01:00 UTC on 6 Nov
        ("2025-11-05", "2025-11-06T01:30:00+03:00", True),  # 22:30 UTC on 5 Nov
        # a date without a time: ±1 day
        ("2025-11-06", "2025-11-05", True),
        ("2025-11-07", "2025-11-05", False),
        # month and year precision
        ("2025-11", "2025-11-06", True),
        ("2025-10", "2025-11-06", False),
        ("2025", "2025-11-06T10:00:00Z", True),
        ("2024", "2025", False),
        ("2025-11-06", "2025", True),  # compared at the year the record gives
    ],
)
def test_date_rules(cited: str, found: str, agrees: bool) -> None:
    assert date_agrees(cited, found) is agrees


def test_reader_zone_is_a_setting_and_online_first_is_explicit() -> None:
    utc = CompareRules(reader_utc_offset=0)
    assert date_agrees("2025-11-06", "2025-11-05T22:30:00+00:00", rules=utc) is False
    assert date_agrees("2024", "2023") is False
    assert date_agrees("2024", "2023", online_first=True) is True
    assert date_agrees("2022", "2023", online_first=True) is False
    assert date_agrees("2025", None) is None and date_agrees("someday", "2025") is None


@pytest.mark.parametrize(
    ("a", "b", "agrees"),
    [
        ("Social Evolution and History", "Social Evolution & History", True),
        ("Soc. Evol. Hist.", "Social Evolution and History", True),
        ("The Diplomat", "Diplomat", True),
        ("Avrasya İncelemeleri Merkezi (AVİM)", "AVİM", True),
        ("IEA", "International Energy Agency", True),
        ("reuters.com", "Reuters", True),
        ("hurriyetdailynews.com", "Hürriyet Daily News", True),
        ("Centre for Eurasian Studies", "Center for Eurasian Studies", True),
        ("Journal of Eurasian Studies", "Journal of European Studies", False),
        ("The Diplomat", "Foreign Policy", False),
        ("Central Asian Survey", "Central Asian Affairs", False),
    ],
)
def test_containers(a: str, b: str, agrees: bool) -> None:
    assert container_agrees(a, b) is agrees


def _cited(**kw) -> Citation:  # type: ignore[no-untyped-def]
    return Citation(**kw)


GAUR = WorkRecord(
    source="datacite",
    title="Renewed Western Interest in Central Asia",
    authors=["Gaur, Punit"],
    container="Social Evolution and History",
    date="2023-04-14",
    year=2023,
    pages="769-782",
    doi="10.5281/zenodo.7827403",
    kind="journal_article",
)


def test_the_right_record_gives_no_finding() -> None:
    note = _cited(
        authors=["Punit Gaur"],
        title="Renewed Western Interest in Central Asia",
        container="Social Evolution and History",
        year=2023,
        date="2023",
    )
    assert compare_record([note], GAUR, note=12, pages="769") == []


def test_each_disagreement_is_a_finding_with_both_values() -> None:
    note = _cited(
        authors=["Jane Roe"],
        title="Renewed Russian Interest in Central Asia",
        container="Central Asian Survey",
        year=2019,
        date="2019",
    )
    found = {f.code: f for f in compare_record([note], GAUR, note=12, pages="790")}
    assert set(found) == {
        FindingCode.TITLE_MISMATCH,
        FindingCode.AUTHOR_MISMATCH,
        FindingCode.DATE_MISMATCH,
        FindingCode.CONTAINER_MISMATCH,
        FindingCode.PAGE_OUTSIDE_RANGE,
    }
    t = found[FindingCode.TITLE_MISMATCH]
    assert t.details == {
        "field": "title",
        "cited": "Renewed Russian Interest in Central Asia",
        "found": "Renewed Western Interest in Central Asia",
        "source": "datacite",
        "doi": "10.5281/zenodo.7827403",
    }
    assert t.severity == "error" and t.note == 12
    assert found[FindingCode.PAGE_OUTSIDE_RANGE].details["found"] == "769-782"


def test_a_field_passes_when_the_bibliography_entry_agrees() -> None:
    note = _cited(authors=["Alberto"], title="Renewed Western Interest in Central Asia")
    entry = BibEntry(authors=["Gaur, Punit"], year=2023)
    assert compare_record([note, entry], GAUR) == []


def test_damaged_given_name_only_matches_and_author_order_does_not_matter() -> None:
    record = WorkRecord(source="page", title="T", authors=["Alberto Frigerio"])
    assert compare_record([_cited(authors=["Alberto [ ]"], title="T")], record) == []
    two = WorkRecord(source="crossref", title="T", authors=["Libman, Alexander", "Hancock, K. J."])
    cited = _cited(authors=["Kathleen J. Hancock", "Alexander Libman"], title="T")
    assert compare_record([cited], two) == []


def test_corporate_authors_on_pages_are_not_compared_but_on_registries_they_are() -> None:
    page = WorkRecord(source="page", title="T", authors=["Dana Fictional"], site_name="Reuters")
    assert compare_record([_cited(authors=["Reuters"], title="T")], page) == []
    report = WorkRecord(
        source="crossref", title="T", authors=["World Bank"], publisher="World Bank"
    )
    iea = _cited(authors=["International Energy Agency (IEA)"], title="T")
    assert [f.code for f in compare_record([iea], report)] == [FindingCode.AUTHOR_MISMATCH]
    same = _cited(authors=["World Bank"], title="T")
    assert compare_record([same], report) == []


def test_a_translated_title_is_no_mismatch_when_authors_and_year_agree() -> None:
    turkish = _cited(
        authors=["Punit Gaur"], title="Orta Asya'ya Yönelik Yenilenen Batı İlgisi", year=2023
    )
    assert compare_record([turkish], GAUR) == []
    stranger = _cited(
        authors=["Ayşe Yılmaz"], title="Orta Asya'ya Yönelik Yenilenen Batı İlgisi", year=2023
    )
    codes = [f.code for f in compare_record([stranger], GAUR)]
    assert FindingCode.TITLE_MISMATCH in codes


def test_page_modified_date_is_accepted() -> None:
    page = WorkRecord(source="page", title="T", date="2025-10-01", modified="2025-11-06T09:00:00Z")
    assert compare_record([_cited(title="T", date="2025-11-06")], page) == []


def test_pages_in_and_out_of_range() -> None:
    assert page_findings("769", GAUR) == []
    assert page_findings("770-775", GAUR) == []
    (f,) = page_findings("783", GAUR, note=12)
    assert f.code == FindingCode.PAGE_OUTSIDE_RANGE and f.details["cited"] == "783"
    assert page_findings("xii", GAUR) == []  # roman front matter is not comparable


def test_update_findings_name_the_notice() -> None:
    record = WorkRecord(
        source="crossref",
        doi="10.5555/x",
        updates=[
            {
                "type": "retraction",
                "doi": "10.5555/r",
                "date": "2022-05-10",
                "label": "Retraction",
                "relation": "updated-by",
            },
            {
                "type": "correction",
                "doi": "10.5555/c",
                "date": "",
                "label": "Erratum",
                "relation": "updated-by",
            },
            {
                "type": "retraction",
                "doi": "10.5555/y",
                "date": "",
                "label": "Retraction",
                "relation": "update-to",
            },
        ],
    )
    retracted, corrected, notice = update_findings(record, note=3)
    assert retracted.code == FindingCode.WORK_RETRACTED and "10.5555/r" in retracted.message
    assert "2022-05-10" in retracted.message and retracted.severity == "error"
    assert corrected.code == FindingCode.WORK_CORRECTED and "Erratum" in corrected.message
    assert notice.code == FindingCode.WORK_RETRACTED and "itself a notice" in notice.message


@pytest.mark.parametrize(
    ("cited", "found"),
    [
        ("Jan van Dijk", "van Dijk, Jan"),
        ("Gabriel García Márquez", "García Márquez, Gabriel"),
        ("Xi Jinping", "Xi, Jinping"),
        ("K. J. Hancock", "Hancock, Kathleen J."),
        ("Bekir Caner Şafak", "Bekir Caner ŞAFAK"),
        ("Alberto Frigero", "Frigerio, Alberto"),  # one letter dropped
    ],
)
def test_person_name_forms_match(cited: str, found: str) -> None:
    record = WorkRecord(source="crossref", title="T", authors=[found])
    assert compare_record([_cited(authors=[cited], title="T")], record) == []


def test_a_different_person_with_the_same_given_name_is_flagged() -> None:
    record = WorkRecord(source="crossref", title="T", authors=["Smith, Jan"])
    (f,) = compare_record([_cited(authors=["Jan van Dijk"], title="T")], record)
    assert f.code == FindingCode.AUTHOR_MISMATCH and f.details["found"] == ["Smith, Jan"]


def test_page_bylines_naming_an_organisation_are_not_people() -> None:
    page = WorkRecord(source="page", title="T", authors=["International Trade Administration"])
    assert compare_record([_cited(authors=["Jane Roe"], title="T")], page) == []


TEXT = st.one_of(st.none(), st.text(max_size=40))


@settings(max_examples=200, deadline=None)
@given(
    title=TEXT,
    found_title=TEXT,
    date=TEXT,
    found_date=TEXT,
    modified=TEXT,
    pages=TEXT,
    found_pages=TEXT,
    container=TEXT,
    site=TEXT,
    authors=st.lists(st.text(max_size=20), max_size=3),
    found_authors=st.lists(st.text(max_size=20), max_size=3),
)
def test_arbitrary_fields_never_crash(**kw) -> None:  # type: ignore[no-untyped-def]
    cited = Citation(
        title=kw["title"], date=kw["date"], container=kw["container"], authors=kw["authors"]
    )
    for source in ("page", "crossref"):
        record = WorkRecord(
            source=source,
            title=kw["found_title"],
            date=kw["found_date"],
            modified=kw["modified"],
            pages=kw["found_pages"],
            authors=kw["found_authors"],
            site_name=kw["site"],
        )
        for f in compare_record([cited], record, note=1, pages=kw["pages"]):
            assert {"field", "cited", "found", "source"} <= set(f.details)
