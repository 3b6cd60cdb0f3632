"""The pieces of the citation parser: ibid forms, names, locators, field splitting."""

from __future__ import annotations

import pytest

from citecheck.notes.citation import parse_note
from citecheck.notes.fields import split_citations, split_fields, unquote_title
from citecheck.notes.locators import (
    CUT,
    normalize_pages,
    take_pages,
    take_volume_issue,
)
from citecheck.notes.names import (
    is_corporate,
    is_personal_name,
    is_title_case,
    split_names,
    surname,
)
from citecheck.notes.publication import take_publication
from citecheck.notes.shortforms import is_ibid, parse_ibid

# --- ibid forms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pages", "author"),
    [
        ("A.g.e", None, None),  # no final dot, as in the seed article
        ("A.g.e.", None, None),
        ("a.g.e.", None, None),
        ("age", None, None),  # only as a whole note
        ("age, s. 12", "12", None),
        ("A.g.e., s. 12", "12", None),
        ("A.g.e., s. 50.", "50", None),
        ("(a.g.e., s.6)", "6", None),
        ("A.g.m., s. 55.", "55", None),  # adı geçen makale
        ("a.y.", None, None),  # aynı yer
        ("Aynı eser, s. 7.", "7", None),
        ("a.e.", None, None),
        ("Ibid.", None, None),
        ("ibid", None, None),
        ("ibid.", None, None),
        ("[Ibid]", None, None),
        ("Ibid., p. 30.", "30", None),
        ("Ibid, 45.", "45", None),
        ("Ibidem, S. 4.", "4", None),
        ("Id. at 5", "5", None),
        ("op. cit.", None, None),
        ("loc. cit.", None, None),
        ("Karataş, a.g.e., s. 88.", "88", "Karataş"),
        ("Smith, op. cit., p. 4", "4", "Smith"),
        ("Ibid. The author also notes this.", None, None),
    ],
)
def test_ibid_forms(text: str, pages: str | None, author: str | None) -> None:
    form = parse_ibid(text)
    assert form is not None
    assert (form.pages, form.author) == (pages, author)
    (c,) = parse_note(text)
    assert (c.ibid, c.pages, c.ibid_author) == (True, pages, author)


@pytest.mark.parametrize(
    "text",
    [
        "Age of Empires, Microsoft, 1997.",  # "age" is an English word
        "Agenda 2030",
        "Identity politics, 2019.",
        "Ibidem Verlag, Stuttgart, 2003.",
        "Ageing Societies, Report, 2020.",
        "Critical Minerals, IEA, 2025.",
        "Some Title, Kurum, a.g.e.",  # the form must open the note
    ],
)
def test_not_ibid(text: str) -> None:
    assert not is_ibid(text)
    assert not any(c.ibid for c in parse_note(text))


def test_short_forms() -> None:
    (c,) = parse_note('Frigerio, "C5+1 Summit," 4.')
    assert (c.short_form, c.authors, c.title, c.pages) == (True, ["Frigerio"], "C5+1 Summit", "4")
    (c,) = parse_note("Seitkali, Water and Power, 118.")
    assert (c.short_form, c.authors, c.title, c.pages) == (
        True,
        ["Seitkali"],
        "Water and Power",
        "118",
    )
    (c,) = parse_note("Smith and Jones, Water and Power, 118.")
    assert c.short_form and c.authors == ["Smith", "Jones"]


def test_full_notes_are_not_short_forms() -> None:
    for text in [
        "Punit Gaur, Renewed Western Interest in Central Asia, Social Evolution and History "
        "12, no. 2 (2023): 769.",
        "Reuters, Trump to meet Central Asian presidents, 6 Kasım 2025.",
        'Frigerio, "C5+1 Summit," The Diplomat, 2025, https://thediplomat.com/x.',
        "Seitkali, Water and Power (London: Verso, 2020), 118.",
    ]:
        (c,) = parse_note(text)
        assert not c.short_form, text


# --- names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names", "et_al"),
    [
        (
            "Kathleen J. Hancock and Alexander Libman",
            ["Kathleen J. Hancock", "Alexander Libman"],
            False,
        ),
        ("Tanja A. Börzel and Thomas Risse", ["Tanja A. Börzel", "Thomas Risse"], False),
        (
            "Hancock, Kathleen J., and Alexander Libman",
            ["Hancock, Kathleen J.", "Alexander Libman"],
            False,
        ),
        ("Ahmet Yılmaz ve Mehmet Kaya", ["Ahmet Yılmaz", "Mehmet Kaya"], False),
        ("Ahmet Yılmaz vd.", ["Ahmet Yılmaz"], True),
        ("John Smith et al.", ["John Smith"], True),
        ("Smith & Jones", ["Smith", "Jones"], False),
        ("Jane Doe, John Roe, and Bob Poe", ["Jane Doe", "John Roe", "Bob Poe"], False),
        ("SARICA, Berna", ["SARICA, Berna"], False),
        ("Reuters", ["Reuters"], False),
        ("U.S. Department of Commerce", ["U.S. Department of Commerce"], False),
        ("International Energy Agency (IEA)", ["International Energy Agency (IEA)"], False),
        (
            "Bosnia and Herzegovina Ministry of Defence",
            ["Bosnia and Herzegovina Ministry of Defence"],
            False,
        ),
        ("", [], False),
    ],
)
def test_split_names(text: str, names: list[str], et_al: bool) -> None:
    assert split_names(text) == (names, et_al)


def test_name_predicates() -> None:
    assert is_personal_name("Kathleen J. Hancock")
    assert is_personal_name("Hancock, Kathleen J.")
    assert is_personal_name("Ludwig van Beethoven")
    assert not is_personal_name("Renewed Western Interest in Central Asia")
    assert is_corporate("Anadolu Ajansı")
    assert is_corporate("Dışişleri Bakanlığı")
    assert is_corporate("IEA")
    assert not is_corporate("Punit Gaur")
    assert surname("Hancock, Kathleen J.") == surname("Kathleen J. Hancock") == "Hancock"
    assert is_title_case("Social Evolution and History")
    assert not is_title_case("Russia influence")


# --- locators --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("769–782", "769-782"),
        ("415–6", "415-416"),
        ("1234-56", "1234-1256"),
        ("30 - 33", "30-33"),
        ("xii–xv", "xii-xv"),
        ("215", "215"),
    ],
)
def test_normalize_pages(raw: str, expected: str) -> None:
    assert normalize_pages(raw) == expected


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        ("Book, s. 30-33", "30-33"),
        ("Journal, ss. 45-97", "45-97"),
        ("Journal, SS.45-97", "45-97"),
        ("Book, p. 30", "30"),
        ("Book, pp. 415–6", "415-416"),
        ("Journal 12, no. 2 (2023): 769", "769"),
        ("Journal (2002): 69", "69"),
        ("Book (Oxford: OUP, 2016), 215.", "215"),
        ("Buch, S. 45–67", "45-67"),
        ("Title, 6 Kasım 2025", None),  # a date is not a page
        ("Title, November 6, 2025", None),  # a trailing year is not a page
    ],
)
def test_take_pages(text: str, pages: str | None) -> None:
    assert take_pages(text)[0] == pages


def test_trailing_year_like_page_needs_a_known_year() -> None:
    assert take_pages("Book, 2015", have_year=True)[0] == "2015"
    assert take_pages("Book, 2015")[0] is None
    assert take_pages("Book, 215", trailing=False)[0] is None


@pytest.mark.parametrize(
    ("text", "volume", "issue"),
    [
        ("Journal 12, no. 2", "12", "2"),
        ("Journal, Vol. 3, No. 2", "3", "2"),
        ("Journal 3(2)", "3", "2"),
        ("Dergi, c. 2, Sayı 87", "2", "87"),
        ("Dergi, Cilt 4, Sayı 2", "4", "2"),
        ("Dergi, Sayı 87", None, "87"),
        ("Zeitschrift 70, Heft 3", "70", "3"),
        ("C5+1 Summit", None, None),  # "C5" is not "c. 5"
        ("Nisan 2019, Sayı 87", None, "87"),  # 2019 is a year, not a volume
        ("Journal (2023)", None, None),
    ],
)
def test_take_volume_issue(text: str, volume: str | None, issue: str | None) -> None:
    assert take_volume_issue(text)[:2] == (volume, issue)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Oxford: Oxford University Press, 2016)", ("Oxford", "Oxford University Press", 2016)),
        (
            "Title. Oxford: Oxford University Press, 2016.",
            ("Oxford", "Oxford University Press", 2016),
        ),
        ("Kitap, Ankara: Nobel Yayınları, 2010", ("Ankara", "Nobel Yayınları", 2010)),
        ("Kitap, Ankara: Nobel Yay., 2010", ("Ankara", "Nobel Yay.", 2010)),
        ("Film (Universal, 1982)", (None, "Universal", 1982)),
        ("C5+1 Summit: Whats at Stake for the US, 2025", (None, None, None)),  # a subtitle
    ],
)
def test_take_publication(text: str, expected: tuple[object, ...]) -> None:
    assert take_publication(text)[:3] == expected


# --- splitting -------------------------------------------------------------------------


def test_split_citations_spans() -> None:
    text = 'A. Smith, "X; Y," J 1 (2000): 2; B. Doe, Book (London: Verso, 2001), 3.'
    spans = split_citations(text)
    assert [text[s:e] for s, e in spans] == [
        'A. Smith, "X; Y," J 1 (2000): 2',
        "B. Doe, Book (London: Verso, 2001), 3.",
    ]


def test_split_citations_unbalanced_quote_still_splits() -> None:
    text = 'A. Smith, "Broken title, J 1 (2000): 2; B. Doe, Book, 3.'
    assert len(split_citations(text)) == 2


def test_split_fields_entry_keeps_initials_and_abbreviations() -> None:
    fields = split_fields(
        "Hancock, Kathleen J., and Alexander Libman. Eurasia. U.S. Department of Commerce.",
        commas=False,
    )
    assert fields == [
        "Hancock, Kathleen J., and Alexander Libman",
        "Eurasia",
        "U.S. Department of Commerce",
    ]


def test_split_fields_note_breaks_after_quoted_title() -> None:
    assert split_fields('Frigerio, "C5+1 Summit," The Diplomat', commas=True) == [
        "Frigerio",
        '"C5+1 Summit,"',
        "The Diplomat",
    ]
    assert split_fields(f"A{CUT}B, C", commas=True) == ["A", "B", "C"]


def test_unquote_title() -> None:
    assert unquote_title('"C5+1 Summit,"') == ("C5+1 Summit", True)
    assert unquote_title("“Title”") == ("Title", True)
    assert unquote_title("„Titel“") == ("Titel", True)
    assert unquote_title("Plain") == ("Plain", False)


@pytest.mark.parametrize("text", ["Aynı yerde.", "Ebd., S. 12.", "a.a.O., S. 5.", "a.g.y., s. 3"])
def test_more_ibid_forms(text: str) -> None:
    assert is_ibid(text)
