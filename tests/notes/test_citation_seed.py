"""The seed article's notes and Kaynakça entries parse into the expected fields."""

from __future__ import annotations

import re

import pytest

from citecheck.model import BibEntry, Citation
from citecheck.notes.citation import parse_bib_entry, parse_note
from tests.conftest import SEED_ARTICLE

_TEXT = SEED_ARTICLE.read_text(encoding="utf-8")
NOTES = {int(n): text for n, text in re.findall(r"^\[(\d+)\] (.+)$", _TEXT.split("\n---")[1], re.M)}


def _entries() -> list[str]:
    block = _TEXT.split("## Kaynakça")[1].split("\n---")[0]
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", block) if p.strip()]
    # Ingest joins an entry split by a page break; here the same, by hand.
    joined: list[str] = []
    for p in paragraphs:
        if joined and re.match(r"^\d{4}\.", p):
            joined[-1] += "\n\n" + p  # keep the stray newlines: the parser must tolerate them
        else:
            joined.append(p)
    return joined


ENTRIES = _entries()


def note(number: int) -> Citation:
    citations = parse_note(NOTES[number])
    assert len(citations) == 1
    return citations[0]


def entry(prefix: str) -> BibEntry:
    index, text = next((i, e) for i, e in enumerate(ENTRIES) if e.startswith(prefix))
    return parse_bib_entry(text, index)


def test_fixture_shape() -> None:
    assert len(NOTES) == 17
    assert len(ENTRIES) == 9


def test_note_1_web_page_without_personal_author() -> None:
    c = note(1)
    assert c.title == "Critical Minerals"
    assert c.container == "IEA"
    assert c.authors == []  # no personal author; the site (IEA) is the container
    assert c.accessed == "2025-11-26"
    assert c.urls == ["https://www.iea.org/topics/critical-minerals"]
    assert c.kind == "web_page"
    assert c.problems == []


@pytest.mark.parametrize("number", [2, 3, 4, 6, 7, 8, 9, 10, 14])
def test_age_notes_are_ibid(number: int) -> None:
    c = note(number)
    assert c.ibid is True
    assert c.pages is None
    assert c.title is None


def test_note_5_damaged() -> None:
    c = note(5)
    assert "hole" in c.problems
    assert c.authors == ["Alberto"]
    assert c.title is not None and "C5+1 Summit" in c.title
    assert c.container == "The Diplomat"
    assert c.accessed == "2025-11-26"
    assert c.kind == "news_article"
    assert c.urls == [
        "https://thediplomat.com/2025/10/c51-summit-whats-at-stake-for-the-us-and-central-asia/"
    ]


def test_note_11_book_chapter() -> None:
    c = note(11)
    assert c.kind == "book_chapter"
    assert c.authors == ["Kathleen J. Hancock", "Alexander Libman"]
    assert c.title == "Eurasia"
    assert c.container == "The Oxford Handbook of Comparative Regionalism"
    assert c.editors == ["Tanja A. Börzel", "Thomas Risse"]
    assert (c.place, c.publisher, c.year) == ("Oxford", "Oxford University Press", 2016)
    assert c.pages == "215"


def test_note_12_journal_article() -> None:
    c = note(12)
    assert c.kind == "journal_article"
    assert c.authors == ["Punit Gaur"]
    assert c.title == "Renewed Western Interest in Central Asia"
    assert c.container == "Social Evolution and History"
    assert (c.volume, c.issue, c.year, c.pages) == ("12", "2", 2023, "769")
    assert c.doi == "10.5281/zenodo.7827403"


def test_note_13_turkish_web_article() -> None:
    c = note(13)
    assert c.authors == ["Bekir Caner Şafak"]
    assert c.title == "ABDnin Orta Asya Stratejisi Bağlamında Vaşington C5+1 Zirvesi"
    assert c.container == "Avrasya İncelemeleri Merkezi (AVİM)"
    assert c.date == "2025-11-18"


@pytest.mark.parametrize(
    ("number", "kind", "author", "title"),
    [
        (
            15,
            "news_article",
            "Reuters",
            "Trump to meet Central Asian presidents as US seeks counter China, Russia influence",
        ),
        (
            16,
            "news_article",
            "Anadolu Agency",
            "Kazakhstan, US sign memorandum on cooperation in critical minerals",
        ),
        (
            17,
            "press_release",
            "U.S. Department of Commerce",
            "Commerce Celebrates $25 Billion C5+1 Deal Zone",
        ),
    ],
)
def test_notes_15_to_17_without_url(number: int, kind: str, author: str, title: str) -> None:
    c = note(number)
    assert c.kind == kind
    assert c.authors == [author]
    assert c.title == title
    assert c.date == "2025-11-06"
    assert c.urls == []
    assert c.problems == []


def test_offsets_cover_the_note() -> None:
    for text in NOTES.values():
        for c in parse_note(text):
            assert text[c.start : c.end] == c.raw


def test_entry_gaur_page_range() -> None:
    e = entry("Gaur")
    assert e.kind == "journal_article"
    assert e.pages == "769-782"
    assert e.container == "Social Evolution and History"
    assert e.doi == "10.5281/zenodo.7827403"
    assert e.authors == ["Gaur, Punit"]


def test_entry_hancock_damaged_chapter() -> None:
    e = entry("Hancock")
    assert e.kind == "book_chapter"
    assert e.container == "The Oxford Handbook of Comparative Regionalism"
    assert e.editors == ["Tanja A. Börzel", "Thomas Risse"]
    assert e.authors == ["Hancock, Kathleen J.", "Alexander Libman"]
    assert "hole" in e.problems
    assert (e.place, e.publisher, e.year) == ("Oxford", "Oxford University Press", 2016)


def test_entry_borzel_edited_volume() -> None:
    e = entry("Börzel")
    assert e.kind == "book"
    assert e.editors == ["Börzel, Tanja A.", "Thomas Risse"]
    assert e.authors == []  # "eds." after the names: they edited the volume
    assert e.title == "The Oxford Handbook of Comparative Regionalism"
    assert e.problems == []


def test_entry_frigerio_across_page_break() -> None:
    e = entry("Frigerio")
    assert e.authors == ["Frigerio, Alberto"]
    assert e.title == "C5+1 Summit: Whats at Stake for the US and Central Asia"
    assert e.container == "The Diplomat"
    assert e.year == 2025
    assert e.urls == [
        "https://thediplomat.com/2025/10/c51-summit-whats-at-stake-for-the-us-and-central-asia/"
    ]


def test_entry_iea_corporate_author() -> None:
    e = entry("International Energy Agency")
    assert e.authors == ["International Energy Agency (IEA)"]
    assert e.title == "Critical Minerals"
    assert e.container == "IEA"
    assert e.accessed == "2025-11-26"


@pytest.mark.parametrize(
    ("prefix", "kind", "date"),
    [
        ("Anadolu", "news_article", "2025-11-06"),
        ("Reuters", "news_article", "2025-11-06"),
        ("U.S. Department", "press_release", "2025-11-06"),
        ("Şafak", "web_page", "2025-11-18"),
    ],
)
def test_entries_kind_and_date(prefix: str, kind: str, date: str) -> None:
    e = entry(prefix)
    assert e.kind == kind
    assert e.date == date
    assert len(e.urls) == 1


def test_entries_have_no_spurious_problems() -> None:
    for i, text in enumerate(ENTRIES):
        e = parse_bib_entry(text, i)
        assert e.index == i
        assert e.problems == (["hole"] if text.startswith("Hancock") else [])
        assert e.title
