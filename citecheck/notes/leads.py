"""Author lists that open a citation in forms the comma/full-stop field split cannot see.

- Turkish capitals, fields separated by commas: ``KANBOLAT, Hasan, "Başlık", …``,
  ``ÇİÇEK, Kemal, Kitap, TTK Yayınları, Ankara 2005.``, several joined by ``–`` / ``ve``
- German, a colon after the names: ``Kappeler, Andreas: Titel, in: …``,
  ``Müller, Hans/Schmidt, Karl: Titel``; editors ``Müller, Hans (Hrsg.): Sammelband``
- joined initials after the comma: ``Hall, E.T., The Silent Language``,
  ``Hall, E.T. The Silent Language.``
- Russian GOST, the surname before the initials: ``Иванов И.И. Заглавие``,
  ``Иванов И.И., Петров П.П. Заглавие``

take_lead_names finds such a list at the start and cuts it out (locators.CUT), so
that the title is the first field left. take_in_editors does the same for the
editors of a German chapter after ``in:``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.notes.dates import fold
from citecheck.notes.locators import CUT
from citecheck.notes.names import PARTICLES, is_corporate, is_personal_name, is_place_name

_WORD = r"[^\W\d_][^\W\d_'’]*(?:[-'’][^\W\d_]+)*"
_INITIALS = r"[^\W\d_]\.(?:\s?-?[^\W\d_]\.){0,2}"
# "Surname, Given Names" / "Surname, E.T." / "van Dijk, Jan"
_INVERTED = (
    rf"(?:(?:van|von|de|der|al|el)\s+)?{_WORD}(?:\s+{_WORD})?,\s+"
    rf"(?:{_INITIALS}|{_WORD}(?:\s+(?!(?:ve|and|und|ile|et)\s)(?:{_WORD}|{_INITIALS}))?)"
)
# between inverted names; a bare comma only before another surname in capitals ("KAYA, Ali,
# DEMİR, Veli"), so "KAYA, Ahmet, Türkiye, Rusya ve Kafkasya" keeps its title
_JOINER = r"(?:\s*[–—/;&]\s*|\s+-\s+|\s+(?:ve|and|und|ile)\s+|,\s+(?=[A-ZÇĞİÖŞÜ][A-ZÇĞİÖŞÜ'’-]+,))"
# Chicago inverts only the first name: "Aydın, Mustafa ve Çağrı Erhan", "Smith, John, and Jane Roe"
_DIRECT = rf"{_WORD}(?:\s+{_INITIALS})?(?:\s+{_WORD}){{1,2}}"
_INVERTED_LIST = re.compile(
    rf"(?P<names>{_INVERTED}(?:{_JOINER}{_INVERTED}){{0,5}}"
    rf"(?:\s*,?\s+(?:ve|and|und|&)\s+{_DIRECT}(?=\s*(?:\(|[,.:]\s)))?)"
)
# What follows the names: an editor mark, then a colon (German) or a field separator.
_EDITOR_MARK = re.compile(r"\s*\((?:hrsg|hg|eds?|der|ed|ред|yay\.\s?haz|haz)\.?\)", re.IGNORECASE)
_GOST_NAME = rf"{_WORD}\s+{_INITIALS}"
# "Иванов И.И., Петров П.П. и др." (и другие = et al.)
_GOST_LIST = re.compile(
    rf"(?P<names>{_GOST_NAME}(?:,\s+{_GOST_NAME}){{0,4}})(?:\s+(?:и\s+др|et\s+al)\.)?\s+(?=[^\W\d_])"
)
_GERMAN_MARK = re.compile(r"(?<!\w)in:\s|(?<![\w.])S\.\s?\d|\b(?:Hrsg|Hg)\.|\bAufl\.")
_DIRECT_COLON = re.compile(
    rf"(?P<names>{_WORD}(?:\s+{_WORD}){{1,2}}(?:\s*/\s*{_WORD}(?:\s+{_WORD}){{1,2}}){{0,3}})"
    r"(?P<mark>\s*\((?:Hrsg|Hg)\.\))?\s*:\s+(?=\S)"
)
_SPLIT_NOT_COMMA = re.compile(r"\s*[–—/;&]\s*|\s+-\s+|\s+(?:ve|and|und|ile)\s+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_YEAR_PAREN = re.compile(r"\.?\s*\(\d{4}[a-z]?\)")
_IN_CUE = re.compile(r"(?<!\w)in:?\s+", re.IGNORECASE)
_AFTER_MARK = re.compile(r"\s*[:,]\s+")
# Editors in direct order after "in": "Jane Roe", "J. Roe", "Jane Roe and Ann Poe"
_DIRECT_NAME = rf"(?:{_INITIALS}\s*)?{_WORD}(?:\s+(?:{_INITIALS}|{_WORD})){{0,2}}"
_DIRECT_LIST = re.compile(
    rf"(?P<names>{_DIRECT_NAME}(?:(?:\s*,\s*|\s+(?:and|ve|und|&)\s+|\s*&\s*){_DIRECT_NAME}){{0,3}})"
)
_COLON = re.compile(r"\s*:\s+(?=\S)")
# After the names: a comma or full stop (or the stop of a closing initial) and a field.
_FIELD_SEP = re.compile(
    r"(?:\s*[,.]\s+|(?<=\.)\s+)(?!(?:ve|and|und|ile|et)\s)(?=[\"“„«'‘*_]?[^\W\d_])"
)
# All-capital words that are organisations, not surnames, before a comma.
# fmt: off
_ACRONYMS = {
    "nato", "osce", "agit", "unesco", "unicef", "opec", "iaea", "usgs", "sipri", "nasa",
    "avim", "seta", "orsam", "tasam", "tepav", "edam", "csis", "rand", "iiss", "ecfr", "oecd",
    "asean", "csto", "kgao", "ikt", "hrw", "icg", "undp", "unhcr", "imf", "who", "wto", "gao",
    "crs", "eiu", "bbc", "cnn", "afp", "tass", "trt", "ntv", "usaid", "ocha", "irena", "iea",
}
# fmt: on
# A capitalised name list is at most this long: longer is a title or a sentence.
MAX_LEAD_CHARS = 120


@dataclass
class Lead:
    names: list[str]
    editors: bool  # "(Hrsg.)" / "(der.)" after the names: the volume's editors
    style: str  # "colon", "caps", "initials" or "gost"
    year: str = ""  # "2015" from "(2015)" right after the names, kept for the date step


def take_lead_names(text: str, *, gost: bool = False) -> tuple[Lead | None, str]:
    """The name list opening ``text`` in one of the forms above, and the text without it.

    ``gost``: the reference has GOST marks (gost.looks_gost), so a Latin "Markedonov S."
    with a single initial is a GOST name too.
    """
    head = text.lstrip()
    offset = len(text) - len(head)
    lead = _inverted_lead(head) or _gost_lead(head, gost=gost) or _direct_colon_lead(head)
    if lead is None:
        return None, text
    found, end = lead
    kept = f"{found.year}{CUT}" if found.year else ""
    return found, text[:offset] + CUT + kept + head[end:]


def take_in_editors(text: str) -> tuple[list[str], str]:
    """Editors named after "in" and before the book, marked "(Hrsg.)" / "(ed.)":
    ``in: Müller, Hans (Hrsg.): Sammelband``, ``in Jane Roe (ed.), The Reader``,
    APA ``In J. Roe (Ed.), The Reader`` -> the names, and the text with ``in: Sammelband``
    left for the container."""
    for m in _IN_CUE.finditer(text):
        names = _INVERTED_LIST.match(text, m.end()) or _DIRECT_LIST.match(text, m.end())
        if names is None:
            continue
        mark = _EDITOR_MARK.match(text, len(text[: names.end()].rstrip()))
        after = _AFTER_MARK.match(text, mark.end()) if mark else None
        if after is None:
            continue
        return _names(names["names"]), text[: m.start()] + CUT + "in: " + text[after.end() :]
    return [], text


def _names(text: str) -> list[str]:
    """ "KAYA, Ali – DEMİR, Veli" / "Müller, Hans/Schmidt, Karl" -> one "Surname, Given" each."""
    names = []
    for part in _SPLIT_NOT_COMMA.split(text):
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        names += [", ".join(pieces[i : i + 2]) for i in range(0, len(pieces), 2)]
    return names


def _inverted_lead(head: str) -> tuple[Lead, int] | None:
    m = _INVERTED_LIST.match(head)
    if m is None or m.end() > MAX_LEAD_CHARS:
        return None
    names = _names(m["names"])
    end = len(head[: m.end()].rstrip())  # an initial's \s? may have taken the space
    mark = _EDITOR_MARK.match(head, end)
    after = mark.end() if mark else end
    year_m = _YEAR_PAREN.match(head, after)  # author-date: "Halbach, Uwe (2015): …"
    year = re.search(r"\d{4}[a-z]?", year_m.group())[0] if year_m else ""  # type: ignore[index]
    after = year_m.end() if year_m else after
    colon = _COLON.match(head, after)
    if colon:
        if not all(_colon_name(n) for n in names):
            return None  # "Ahmet Davutoğlu, Stratejik Derinlik: …" is author, title: subtitle
        return Lead(names, bool(mark), "colon", year), colon.end()
    sep = _FIELD_SEP.match(head, after)
    if sep is None:
        return None
    if mark:  # "Aydın, Mustafa ve Çağrı Erhan (ed.), Kitap": the volume's editors
        return Lead(names, True, "marked", year), sep.end()
    if all(_capital_surname(n) for n in names):
        return Lead(names, False, "caps", year), sep.end()
    if all(re.fullmatch(_INITIALS, n.partition(",")[2].strip()) for n in names):
        return Lead(names, False, "initials", year), sep.end()
    return None


def _colon_name(name: str) -> bool:
    """ "Kappeler, Andreas" before a colon: a one-word surname (particles aside) and
    given names, neither an organisation ("Reuters, Kazakhstan: …" is not a person)."""
    surname, _, given = name.partition(",")
    words = [w for w in surname.split() if w.lower() not in PARTICLES]
    return len(words) == 1 and not is_corporate(surname) and not is_corporate(given)


def _direct_colon_lead(head: str) -> tuple[Lead, int] | None:
    """German "Hans Müller: Titel, in: …", "Uwe Halbach/Franziska Smolnik: Titel, S. 9".

    "Central Asia: A New Great Game" has the same shape, so this needs a German mark
    elsewhere in the citation ("in:", "S. 45", "Hrsg.") and names of two or three words.
    """
    if ":" not in head or not _GERMAN_MARK.search(head):
        return None
    m = _DIRECT_COLON.match(head)
    if m is None:
        return None
    names = [n.strip() for n in m["names"].split("/")]
    for name in names:
        words = name.split()
        if not 2 <= len(words) <= 3 or is_corporate(name) or not is_personal_name(name):
            return None
        if any(w.isupper() and len(w) > 1 for w in words):
            return None
    return Lead(names, bool(m["mark"]), "colon"), m.end()


def _capital_surname(name: str) -> bool:
    """ "KANBOLAT, Hasan": a surname in capitals and given names that are not a title."""
    surname, _, given = name.partition(",")
    words = surname.split()
    if not words or not all(w.isupper() and len(w) >= 2 for w in words if w.lower() != "al"):
        return False
    if fold(surname).strip() in _ACRONYMS or is_corporate(given):
        return False
    given_words = given.split()
    if any(is_place_name(w) for w in given_words):
        return False
    return 1 <= len(given_words) <= 2 and not any(w.isupper() and len(w) > 1 for w in given_words)


def _gost_lead(head: str, *, gost: bool) -> tuple[Lead, int] | None:
    m = _GOST_LIST.match(head)
    if m is None or m.end() > MAX_LEAD_CHARS:
        return None
    names = [n.strip() for n in m["names"].split(",")]
    if any(n.split()[0].isupper() and len(n.split()[0]) > 1 for n in names):
        return None  # "NATO S.A. …": an acronym, not a surname
    cyrillic = _CYRILLIC.search(m["names"]) is not None
    # Latin "Kathleen J. Hancock" is a direct name with a middle initial; a Latin GOST
    # name ("Ivanov I.I.") needs two initials and no name word right after it.
    if not cyrillic:
        if not gost and any(len(re.findall(r"[^\W\d_]\.", n)) < 2 for n in names):
            return None
        if not gost and re.match(rf"{_WORD}(?:,|\s+(?:and|ve|und|&)\s)", head[m.end() :]):
            return None
    return Lead(names, False, "gost"), m.end()
