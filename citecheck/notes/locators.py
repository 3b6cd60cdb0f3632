"""Locators and publication facts in a citation: pages, volume/issue, place: publisher.

Each ``take_*`` function finds one kind of field in a working string, returns
the value(s) and the string with the matched text replaced by :data:`CUT`, a
field boundary the later name/title steps split on. Taking a field out once it
is understood keeps those steps simple: they only ever see names and titles.
"""

from __future__ import annotations

import re

# Field boundary left where a recognised piece was taken out.
CUT = "\x1f"

_DASH = r"\s*[-–—‐‑]\s*"
# One page or a range: "769", "30-33", "415–6", "xii-xv"; a trailing "ff." / "vd." is dropped.
_PAGE = r"(?:\d{1,5}|[ivxlcdm]{1,7})"
_RANGE = rf"{_PAGE}(?:{_DASH}{_PAGE})?"
_ARABIC_RANGE = rf"\d{{1,5}}(?:{_DASH}\d{{1,5}})?"
# A list of pages after a cue or a closing bracket: "ss. 12 ve 45", "), 12-13, 45".
_LIST_TAIL = rf"(?:\s*(?:,|ve|and|und|&|и)\s*{_ARABIC_RANGE}(?![\w.]))*"
# Roman page numbers are lower case and need the cue's full stop: "p. xii", "pp. xi–xv";
# "3 PM talks" and "pm" are not pages.
_ROMAN_RANGE = r"(?-i:[ivxlcdm]{1,7})(?:" + _DASH + r"(?-i:[ivxlcdm]{1,7}))?"

# Page cues: Turkish s./ss./sf./sayfa, English p./pp./page(s), German S./Seite, Russian
# С./с. (страница) and Стр.
_CUE_WORDS = r"(?:ss?|sf|pp?|sayfa|pages?|seite|S{1,2}|P{1,2}|с|стр|сс)"
# A one-letter cue needs its full stop ("S 03" in "SWP-Studie S 03" is a series number)
_CUE_DOTLESS = r"(?:ss|sf|pp|sayfa|pages?|seite|SS|PP|стр|сс)"
_PAGE_CUE = re.compile(
    rf"(?<![\w./])(?:(?:{_CUE_WORDS}\.|{_CUE_DOTLESS})\s*(?P<pages>{_ARABIC_RANGE}{_LIST_TAIL})|"
    rf"{_CUE_WORDS}\.\s*(?P<roman>{_ROMAN_RANGE}))"
    r"(?:\s*(?:ff|f|vd|и\s+сл)\.?)?(?![\w])",
    re.IGNORECASE,
)
# A total page count, not a locator: "312 с." (GOST), "448 S.", "xii, 312 pp." — cut
# out so it is not read as a title or a page.
_PAGE_COUNT = re.compile(
    r"(?:(?<=^)|(?<=[\s.,\x1f—–-]))(?:[ivxlcdm]+\s*,\s*)?\d{1,4}\s*(?:с|S|pp|p|s|ss|Seiten|sayfa)"
    r"\.?(?=\s*(?:[.,;\x1f—–]|$))"
)
# "(2023): 769", "(2002): 69–75": pages after a closing parenthesis and a colon.
_COLON_PAGES = re.compile(rf"\)\s*:\s*(?P<pages>{_RANGE})(?P<roman>)(?![\w])")
# A bare number or range closing a note: "…2016), 215." — Chicago notes end on the page;
# newspapers number pages by section ("A8").
# A note on the page: "12n3", "12, n. 3" (note 3 on page 12).
_NOTE_ON_PAGE = r"(?:\s*,?\s*n\.?\s?\d{1,3})?"
_TRAILING_PAGES = re.compile(
    rf"(?:(?<=[)\x1f])\s*,\s*(?P<list>{_ARABIC_RANGE}{_LIST_TAIL})|,\s*(?P<pages>{_RANGE}|[A-Z]\d{{1,3}}))"
    rf"{_NOTE_ON_PAGE}\s*[.)]?\s*$"
)
# A chapter or section locator is not a page: "chap. 3", "Bölüm 4", "Kap. 2", "гл. 5"
_CHAPTER = re.compile(
    r"(?<![\w.])(?:chap|ch|chapter|bölüm|kap|kapitel|гл|sec|section|§)\.?\s*\d{1,3}(?![\w])",
    re.IGNORECASE,
)

# Volume and issue.
# "12, no. 2", "3, Sayı 4", "Vol. 3, No. 2", "c. 2, S. 87"
# Russian "Т. 18, № 6" (том, номер), "Вып. 3" (выпуск).
_VOL_ISSUE = re.compile(
    r"(?<![\w.])(?:(?:vol\.?|volume|cilt|c\.|bd\.|jg\.|т\.|том)\s*:?\s*)?(?P<volume>\d{1,4}),?\s*"
    r"(?:no|nr|issue|sayı|sayi|heft|№|вып|выпуск)\.?\s*:?\s*(?P<issue>\d{1,4}(?:[-/]\d{1,4})?)(?![\w])",
    re.IGNORECASE,
)
# A series number with its year: "SWP-Studie 2021/S 05", "SWP-Aktuell 2022/A 40".
_YEAR_SERIES_ISSUE = re.compile(r"(?<![\w/])(?P<issue>(?:19|20)\d\d/[A-Z]{1,2}\s?\d{1,3})(?!\w)")
# "3(2)", "12 (2)": volume(issue) — at most 3 digits in the brackets, "(2023)" is a year.
_VOL_PAREN = re.compile(r"(?<![\w.])(?P<volume>\d{1,4})\s?\((?P<issue>\d{1,3}(?:[-–/]\d{1,3})?)\)")
# "Vol. 3", "c. 2" (cilt = volume), "Bd. 4" (Band); one-letter "c." needs its dot ("C5+1")
# "Cilt III", "Vol. II" of a multi-volume book: a capital roman numeral after the cue.
_VOLUME = re.compile(
    r"(?<![\w.])(?:vol\.?|volume|cilt|c\.|bd\.|jg\.|т\.|том)\s*:?\s*"
    r"(?P<volume>\d{1,4}(?!\w|\.\d)|(?-i:[IVXL]{1,6})(?=\s*(?:[,.;)\x1f]|$)))",
    re.IGNORECASE,
)
# "no. 2", "Sayı 87", "Issue 4", "Nr. 3"; a capital "S. 45" left over by take_pages (Sayı)
_ISSUE = re.compile(
    r"(?<![\w.])(?<!(?:law|Law|LAW|act|Act) )(?<!Kanun )"
    r"(?:[Nn][Oo]|[Nn][Rr]|[Ii]ssue|[Ss]ayı|[Ss]ayi|[Hh]eft|S|№|[Вв]ып)(?:\.|\s*:)?\s*"
    # up to five digits: official gazettes number their issues past 9999 (Sayı: 26530)
    r"(?P<issue>\d{1,5}(?:\s?[-/]\s?\d{1,4})?)(?![\w]|-\w)"
)
# "International Journal of Turkish Studies 8 (2002)": a bare volume between a
# journal name and its year in brackets.
_VOL_BEFORE_YEAR = re.compile(
    r"(?<=[^\W\d_])\s(?P<volume>\d{1,4})\s*(?=\((?:[^\W\d_]+\s+)?\d{4}\))"
)
# "Resolution 2391 (2021)", "Decision 12 (2020)": a document number, not a volume.
_NUMBERED_DOCUMENT = re.compile(
    r"(?:resolution|decision|directive|regulation|law|act|karar|kanun|yönetmelik|beschluss|"
    r"gesetz|решение|резолюция|закон)\s*$",
    re.IGNORECASE,
)
# Above this a "volume" after "c." is a year (c. 1900 = circa).
MAX_VOLUME = 999


def normalize_pages(text: str) -> str:
    """One locator in canonical form: dashes to "-", abbreviated ends expanded.

    ``"415–6"`` -> ``"415-416"``, ``"769–782"`` -> ``"769-782"``, ``"1234-56"`` ->
    ``"1234-1256"``; roman numerals are kept as written.
    """
    parts = [p.strip() for p in re.split(_DASH, text.strip()) if p.strip()]
    if len(parts) != 2 or not (parts[0].isdigit() and parts[1].isdigit()):
        return "-".join(parts)
    start, end = parts
    if len(end) < len(start):
        # Chicago abbreviates the end page to its changed digits: 415–6, 1234–56.
        end = start[: len(start) - len(end)] + end
    return f"{start}-{end}"


def _normalize_list(text: str) -> str:
    """ "12-13, 45" / "12 ve 45" -> "12-13, 45": each locator normalised, joined by ", "."""
    parts = [p for p in re.split(r"\s*(?:,|\bve\b|\band\b|\bund\b|&|\bи\b)\s*", text) if p]
    return ", ".join(normalize_pages(p) for p in parts)


def cut_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by a field boundary."""
    for start, end in sorted(set(spans), reverse=True):
        text = text[:start] + CUT + text[end:]
    return text


def _cut(text: str, m: re.Match[str]) -> str:
    return text[: m.start()] + CUT + text[m.end() :]


def take_pages(
    text: str, *, trailing: bool = True, have_year: bool = False
) -> tuple[str | None, str]:
    """Cited page(s): ``s. 30-33``, ``pp. 415–6``, ``(2002): 69``, a trailing ``, 215.``.

    ``trailing`` allows the last resort — a bare number ending the text — which
    is a page in a note but may be a year: a year-like trailing number counts as
    a page only when the year is already known (``have_year``).
    """
    text = _PAGE_COUNT.sub(CUT, text)
    low = text.lower()
    if any(k in low for k in ("ch", "bölüm", "kap", "гл", "sec", "§")):
        text = _CHAPTER.sub(CUT, text)
    for pattern in (_PAGE_CUE, _COLON_PAGES):
        m = _first_page_cue(text) if pattern is _PAGE_CUE else pattern.search(text)
        if m:
            keep = text[: m.start()] + (")" if pattern is _COLON_PAGES else "") + CUT
            pages = _normalize_list(m["pages"]) if m["pages"] else normalize_pages(m["roman"])
            return pages, keep + text[m.end() :]
    if trailing:
        m = _TRAILING_PAGES.search(text)
        listed = m["list"] if m else None
        single = m and (m["pages"] or (listed if "," not in _normalize_list(listed) else None))
        if m and listed and not single:
            return _normalize_list(m["list"]), _cut(text, m)  # "), 12-13, 45"
        if m and single and _plausible_trailing_page(single, have_year):
            return normalize_pages(single), _cut(text, m)
    return None, text


# "C. 15, S. 2": a capital "S." right after a volume is the issue (Sayı), never the page.
_VOLUME_BEFORE = re.compile(r"(?:\bC\.|\bCilt|\bVol\.?|\bBd\.)\s*\d{1,4}\s*,?\s*$", re.IGNORECASE)


def _first_page_cue(text: str) -> re.Match[str] | None:
    """The page cue to use. Turkish journals write the issue as "S. 45" (Sayı) next
    to "ss. 45-97" (sayfalar); when another page cue is present, a capital "S." is
    left for take_volume_issue."""
    matches = [
        m
        for m in _PAGE_CUE.finditer(text)
        if not (m.group().startswith("S") and _VOLUME_BEFORE.search(text, 0, m.start()))
    ]
    if len(matches) > 1:
        others = [m for m in matches if not m.group().startswith("S.") or m.group()[:2] == "SS"]
        return others[0] if others else matches[0]
    return matches[0] if matches else None


def _plausible_trailing_page(pages: str, have_year: bool) -> bool:
    first = re.split(_DASH, pages)[0]
    if re.fullmatch(r"[A-Z]\d{1,3}", first):
        return True  # a newspaper section page
    if not first.isdigit():
        # A lone roman numeral after a comma is more often a word ("I", "C") than a page.
        return False
    return have_year or not _year_like(first)


def _year_like(number: str) -> bool:
    """A four-digit number that reads as a year (1500-2100) rather than a page or volume."""
    return len(number) == 4 and 1500 <= int(number) <= 2100


# Words the volume and issue patterns need (lower case), tested before the patterns.
_VOLUME_KEYS = ("vol", "cilt", "c.", "bd.", "jg.", "т.", "том")
_ISSUE_KEYS = ("no", "nr", "issue", "sayı", "sayi", "heft", "№", "вып")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|„[^“”]*[“”]|«[^»]*»")


def _unquoted(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match outside a quoted title ("No: 234, 15 Eylül 2024, … Hk." is a title)."""
    quoted = [q.span() for q in _QUOTED.finditer(text)]
    for m in pattern.finditer(text):
        if not any(s < m.start() < e for s, e in quoted):
            return m
    return None


def take_volume_issue(text: str) -> tuple[str | None, str | None, str]:
    """Volume and issue: ``12, no. 2``, ``Vol. 3, No. 2``, ``3(2)``, ``c. 2``, ``Sayı 87``."""
    low = text.lower()
    issue_cue = any(k in low for k in _ISSUE_KEYS) or "S" in text
    for pattern in (_VOL_ISSUE, _VOL_PAREN):
        if (pattern is _VOL_ISSUE and not issue_cue) or (pattern is _VOL_PAREN and "(" not in text):
            continue  # cheap tests first: most citations have neither
        m = pattern.search(text)
        if m and not _year_like(m["volume"]):
            return m["volume"], m["issue"], _cut(text, m)
    volume = issue = None
    m = _YEAR_SERIES_ISSUE.search(text) if "/" in text else None
    if m:
        issue, text = m["issue"], text[: m.start()] + " " + CUT + text[m.end() :]
    m = _VOLUME.search(text) if any(k in low for k in _VOLUME_KEYS) else None
    if m and (not m["volume"].isdecimal() or int(m["volume"]) <= MAX_VOLUME):
        volume, text = m["volume"], _cut(text, m)
    m = _unquoted(_ISSUE, text) if issue is None and issue_cue else None
    if m:
        issue, text = m["issue"], _cut(text, m)
    if volume is None and issue is None and "(" in text:
        m = _VOL_BEFORE_YEAR.search(text)
        if m and not _NUMBERED_DOCUMENT.search(text, 0, m.start("volume")):
            volume, text = m["volume"], text[: m.start("volume")] + CUT + text[m.end("volume") :]
    return volume, issue, text
