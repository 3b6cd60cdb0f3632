"""Locators and publication facts in a citation: pages, volume/issue, place: publisher.

Each ``take_*`` function finds one kind of field in a working string, returns
the value(s) and the string with the matched text replaced by :data:`CUT`, a
field boundary the later name/title steps split on. Taking a field out once it
is understood keeps those steps simple: they only ever see names and titles.
"""

from __future__ import annotations

import re

from citecheck.notes.dates import fold, parse_date

# Field boundary left where a recognised piece was taken out.
CUT = "\x1f"

_DASH = r"\s*[-–—‐‑]\s*"
# One page or a range: "769", "30-33", "415–6", "xii-xv"; a trailing "ff." / "vd." is dropped.
_PAGE = r"(?:\d{1,5}|[ivxlcdm]{1,7})"
_RANGE = rf"{_PAGE}(?:{_DASH}{_PAGE})?"
_ARABIC_RANGE = rf"\d{{1,5}}(?:{_DASH}\d{{1,5}})?"
# Roman page numbers are lower case and need the cue's full stop: "p. xii", "pp. xi–xv";
# "3 PM talks" and "pm" are not pages.
_ROMAN_RANGE = r"(?-i:[ivxlcdm]{1,7})(?:" + _DASH + r"(?-i:[ivxlcdm]{1,7}))?"

# Page cues: Turkish s./ss./sf./sayfa, English p./pp./page(s), German S./Seite, Russian
# С./с. (страница) and Стр.
_CUE_WORDS = r"(?:ss?|sf|pp?|sayfa|pages?|seite|S{1,2}|P{1,2}|с|стр|сс)"
_PAGE_CUE = re.compile(
    rf"(?<![\w.])(?:{_CUE_WORDS}\.?\s*(?P<pages>{_ARABIC_RANGE})|"
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
_TRAILING_PAGES = re.compile(rf",\s*(?P<pages>{_RANGE}|[A-Z]\d{{1,3}})\s*[.)]?\s*$")

# Volume and issue.
# "12, no. 2", "3, Sayı 4", "Vol. 3, No. 2", "c. 2, S. 87"
_VOL_ISSUE = re.compile(
    r"(?<![\w.])(?:(?:vol\.?|volume|cilt|c\.|bd\.|jg\.)\s*)?(?P<volume>\d{1,4}),?\s*"
    r"(?:no|nr|issue|sayı|sayi|heft)\.?\s*(?P<issue>\d{1,4}(?:[-/]\d{1,4})?)(?![\w])",
    re.IGNORECASE,
)
# "3(2)", "12 (2)": volume(issue) — at most 3 digits in the brackets, "(2023)" is a year.
_VOL_PAREN = re.compile(r"(?<![\w.])(?P<volume>\d{1,4})\s?\((?P<issue>\d{1,3}(?:[-/]\d{1,3})?)\)")
# "Vol. 3", "c. 2" (cilt = volume), "Bd. 4" (Band); one-letter "c." needs its dot ("C5+1")
_VOLUME = re.compile(
    r"(?<![\w.])(?:vol\.?|volume|cilt|c\.|bd\.|jg\.)\s*(?P<volume>\d{1,4})(?![\w.])", re.IGNORECASE
)
# "no. 2", "Sayı 87", "Issue 4", "Nr. 3"; a capital "S. 45" left over by take_pages (Sayı)
_ISSUE = re.compile(
    r"(?<![\w.])(?:[Nn][Oo]|[Nn][Rr]|[Ii]ssue|[Ss]ayı|[Ss]ayi|[Hh]eft|S)\.?\s*"
    r"(?P<issue>\d{1,4}(?:\s?[-/]\s?\d{1,4})?)(?![\w])"
)
# "International Journal of Turkish Studies 8 (2002)": a bare volume between a
# journal name and its year in brackets.
_VOL_BEFORE_YEAR = re.compile(
    r"(?<=[^\W\d_])\s(?P<volume>\d{1,4})\s*(?=\((?:[^\W\d_]+\s+)?\d{4}\))"
)
# Above this a "volume" after "c." is a year (c. 1900 = circa).
MAX_VOLUME = 999

# Publication facts "(Oxford: Oxford University Press, 2016)", "(İstanbul: İletişim Yay., 2005)".
_PUB_PAREN = re.compile(
    r"\((?P<place>[^():;\x1f]{2,60}?)\s*:\s*(?P<publisher>[^():;\x1f]{2,120}?)\s*,\s*"
    r"(?P<when>(?:[^\W\d_]+\.?\s+)?(?:\d{1,2}\.?,?\s+)?(?:[^\W\d_]+\.?\s+)?)"
    r"(?P<year>\d{4})[a-z]?\)"
)
# The same without brackets ("Oxford: Oxford University Press, 2016" in a
# bibliography; APA puts the year after the authors, so "Ankara: Nobel Yayınları."
# may close an entry without one;
# bibliography, "Ankara: Nobel Yayınları, 2010" in a Turkish note). Titles have
# colons too ("C5+1 Summit: What's at Stake"), so here the publisher must carry a
# publisher word; see _PUBLISHER_WORDS.
_PUB_BARE = re.compile(
    r"(?:^|(?<=[.,\x1f]))\s*(?P<place>[A-ZÇĞİÖŞÜ][\w'-]*(?: [\w'-]+){0,3}(?:, [A-Z]{2})?)"
    r"\s*:\s*"
    r"(?P<publisher>[^:;,\x1f]{2,80}?)(?:\s*,\s*(?P<year>\d{4})[a-z]?(?![\w])|(?P<end>\.?\s*$))"
)
# "(Universal, 1982)", "(Yüksek Lisans Tezi, Ankara Üniversitesi, 2015)": publisher, year
# without a place; the thesis words were already taken out, leaving a boundary.
_PUB_NO_PLACE = re.compile(
    r"\([\s,\x1f]*(?P<publisher>[^\d():;\x1f]{2,80}?)\s*,\s*(?P<year>\d{4})[a-z]?\)"
)
# Turkish notes also write "Ankara, AVİM Yayınları, 2015": commas only. That reading
# needs a publisher word and a city known to publish (folded, dates.fold).
_PUB_COMMAS = re.compile(
    r"(?:^|(?<=[,.\x1f]))\s*(?P<place>[A-ZÇĞİÖŞÜ][\w'-]*(?: [\w'-]+)?)\s*,\s*"
    r"(?P<publisher>[^:;,\x1f]{2,80}?)\s*,\s*(?P<year>\d{4})[a-z]?(?![\w])"
)
# fmt: off
_CITIES = {
    "ankara", "istanbul", "izmir", "konya", "bursa", "eskisehir", "erzurum", "trabzon",
    "antalya", "kayseri", "london", "new york", "oxford", "cambridge", "paris", "berlin",
    "washington", "moscow", "moskova", "baku", "yerevan", "erivan", "tbilisi", "tiflis",
    "almaty", "astana", "tashkent", "taskent", "bishkek", "biskek", "boston", "princeton",
    "chicago", "stanford", "leiden", "vienna", "wien", "brussels", "bruksel", "lanham",
    "abingdon", "basingstoke", "cham", "singapore", "munchen", "frankfurt", "hamburg",
}
# fmt: on
_PUBLISHER_WORDS = re.compile(
    r"(?<!\w)(?:press|yay\.|yayın\w*|yayinlar\w*|yayınevi|kitabevi|basımevi|matbaası|publish\w*|"
    r"books|verlag|editions?|éditions|university|üniversitesi|institute|enstitüsü|"
    r"routledge|palgrave|springer|wiley|sage|brill|macmillan|penguin|nobel|iletişim|"
    r"ötüken|türk tarih kurumu|ttk)(?!\w)",
    re.IGNORECASE,
)


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
    for pattern in (_PAGE_CUE, _COLON_PAGES):
        m = _first_page_cue(text) if pattern is _PAGE_CUE else pattern.search(text)
        if m:
            keep = text[: m.start()] + (")" if pattern is _COLON_PAGES else "") + CUT
            return normalize_pages(m["pages"] or m["roman"]), keep + text[m.end() :]
    if trailing:
        m = _TRAILING_PAGES.search(text)
        if m and _plausible_trailing_page(m["pages"], have_year):
            return normalize_pages(m["pages"]), _cut(text, m)
    return None, text


def _first_page_cue(text: str) -> re.Match[str] | None:
    """The page cue to use. Turkish journals write the issue as "S. 45" (Sayı) next
    to "ss. 45-97" (sayfalar); when another page cue is present, a capital "S." is
    left for take_volume_issue."""
    matches = list(_PAGE_CUE.finditer(text))
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


def take_volume_issue(text: str) -> tuple[str | None, str | None, str]:
    """Volume and issue: ``12, no. 2``, ``Vol. 3, No. 2``, ``3(2)``, ``c. 2``, ``Sayı 87``."""
    for pattern in (_VOL_ISSUE, _VOL_PAREN):
        m = pattern.search(text)
        if m and not _year_like(m["volume"]):
            return m["volume"], m["issue"], _cut(text, m)
    volume = issue = None
    m = _VOLUME.search(text)
    if m and int(m["volume"]) <= MAX_VOLUME:
        volume, text = m["volume"], _cut(text, m)
    m = _ISSUE.search(text)
    if m:
        issue, text = m["issue"], _cut(text, m)
    if volume is None and issue is None:
        m = _VOL_BEFORE_YEAR.search(text)
        if m:
            volume, text = m["volume"], text[: m.start("volume")] + CUT + text[m.end("volume") :]
    return volume, issue, text


def take_publication(
    text: str, *, entry: bool = False
) -> tuple[str | None, str | None, int | None, str | None, str]:
    """Place, publisher, year and full date of a publication: ``(Oxford: Oxford
    University Press, 2016)``, ``(Brussels: ICG, 14 November 2006)``.

    Without brackets "Place: Publisher, Year" needs a publisher word, except in a
    bibliography ``entry`` where it stands as a whole field (". Aldershot: Ashgate, 2003.").
    """
    m = _PUB_PAREN.search(text) or _PUB_NO_PLACE.search(text)
    if m is None:
        for bare in _PUB_BARE.finditer(text):
            whole_field = entry and re.match(r"\s*(?:[.\x1f]|$)", text[bare.end() :]) is not None
            words = _PUBLISHER_WORDS.search(bare["publisher"]) or _PUBLISHER_WORDS.search(
                bare["place"]
            )
            if words or (whole_field and bare["year"]):
                m = bare
                break
    if m is None:
        for commas in _PUB_COMMAS.finditer(text):
            if fold(commas["place"]) in _CITIES and _PUBLISHER_WORDS.search(commas["publisher"]):
                m = commas
                break
    if m is None:
        return None, None, None, None, text
    when = f"{m.groupdict().get('when') or ''}{m['year'] or ''}".strip()
    date = parse_date(when) if when else None
    place = m["place"].strip(" .,") if "place" in m.groupdict() else None
    publisher = m["publisher"].strip(" ,")
    year = int(m["year"]) if m["year"] else None
    if re.search(r"\w{4,}\.$", publisher):  # a sentence stop, not "Yay." (Yayınları)
        publisher = publisher[:-1]
    return place or None, publisher, year, date, _cut(text, m)
