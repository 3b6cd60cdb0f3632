"""Property tests: arbitrary text never crashes the note and entry parsers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.codes import CitationKind
from citecheck.notes.citation import parse_bib_entry, parse_note

KINDS = {k.value for k in CitationKind}

# Pieces real notes are made of, so the generator reaches deep into the cascade.
# fmt: off
PIECES = st.sampled_from(
    [
        "A.g.e", "Ibid.", "age", "Karataş, a.g.e., s. 88", "John Smith", "Hancock, Kathleen J.",
        " and ", " ve ", "vd.", "eds.", "ed. Tanja A. Börzel", "der.", "çev.", "In *Book*",
        '"Title,"', "“Başlık”", "*The Diplomat*", "(Oxford: Oxford University Press, 2016)",
        "12, no. 2", "(2023): 769", "s. 30-33", "pp. 415–6", "c. 2", "Sayı 87", "3(2)",
        "E.T 26 Kasım 2025", "ET", "E.T.", "Erişim Tarihi:", "Accessed", "6 November 2025",
        "31.02.2020", "<https://example.org/a_(b)>", "https://doi.org/10.5281/zenodo.1",
        "doi:10.1000/x", "[ ]", "[…]", ", ", ". ", "; ", ": ", "(", ")", "[", "]", '"', "“", "\\$",
        "\\_", "\n\n", "\x1f", "press release", "Yüksek Lisans Tezi", "Report",
        # Turkish capitals, German, Russian GOST, comments and remarks
        "KANBOLAT, Hasan", "ÇİÇEK, Kemal (2005)", "İletişim Yayınları, İstanbul 2013", "Cilt III",
        "C. 3, S. 58", "Kappeler, Andreas: ", "in: Müller, Hans (Hrsg.): ", "hrsg. von", "S. 45",
        "Ebd.", "a.a.O.", "Dies.", "o.O.", "Иванов И.И. ", " // ", " / под ред. ", ". — ",
        "М.: Наука, 1997", "Т. 18, № 6", "С. 122–135", "312 с.", "Там же", "Указ. соч.",
        "(дата обращения: 20.06.2023)", "2023. 14 июня", "emphasis added", "(vurgu bize ait)",
        "Bu konu aşağıda ele alınacaktır", "See note 3 above", "SWP-Studie 2021/S 05",
        "(paper presented at X, 4 May 2023)", "t.y.", "n.d.", "@handle",
    ]
)
# fmt: on
NOTE_LIKE = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=14).map("".join)


def _check_citations(text: str) -> None:
    citations = parse_note(text)
    last_end = 0
    for c in citations:
        assert 0 <= c.start <= c.end <= len(text)
        assert c.start >= last_end  # in order, never overlapping
        last_end = c.end
        assert text[c.start : c.end] == c.raw
        assert c.kind is None or c.kind in KINDS
        assert c.date is None or len(c.date) in (4, 7, 10)
        assert c.accessed is None or len(c.accessed) in (4, 7, 10)
        assert all(isinstance(a, str) and a for a in c.authors)


def _check_entry(text: str) -> None:
    e = parse_bib_entry(text, 5)
    assert e.index == 5
    assert e.text == text
    assert e.kind is None or e.kind in KINDS
    assert all(isinstance(a, str) and a for a in e.authors + e.editors)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text_never_crashes(text: str) -> None:
    _check_citations(text)
    _check_entry(text)


@settings(max_examples=200, deadline=None)
@given(NOTE_LIKE)
def test_note_like_text_never_crashes(text: str) -> None:
    _check_citations(text)
    _check_entry(text)
