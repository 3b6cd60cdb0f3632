"""Dates in note and bibliography text: Turkish, English and German forms to ISO.

Results are ISO strings that keep their precision: ``"2025"``, ``"2025-11"`` or
``"2025-11-06"`` (see model.py: a partial date is never padded to a fake day).

Forms recognised (each one pattern below, tried in order of specificity):

1. ``6 Kasım 2025``, ``6 November 2025``, ``6. November 2025``, ``6th of Nov. 2025``
2. ``November 6, 2025``, ``Mayıs 19, 2026``
3. ``24.04.2020``, ``16/12/2025`` (day first; ``/`` with a day > 12 in the middle is
   read as US month/day/year)
4. ``2009-02-13`` (ISO, optionally with a time)
5. ``Kasım 2025``, ``Nov. 2025``; GOST news put the year first: ``2023. 14 июня``
6. ``2025`` (a bare year)

Russian month names (nominative and genitive) are read too. Month names are
matched on a folded key (lower case, diacritics dropped, dotted and
dotless i merged), so ``KASIM``, ``Kasım``, ``kasim`` and ``Kasim`` are one month.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# Plausible publication/access years. Below 1000 a four-digit number is a page or
# an amount, not a year; above 2100 it is an amount or an identifier.
MIN_YEAR = 1000
MAX_YEAR = 2100
# Bare years are only taken from this narrower window: in running text a number
# like 1200 or 2099 is far more often a page, a quantity or an address.
BARE_YEAR_MIN = 1500
BARE_YEAR_MAX = 2099


# Words and names are folded over and over; longer texts are not worth caching.
FOLD_CACHE_MAX_CHARS = 64


def fold(text: str) -> str:
    """Case- and accent-insensitive key: ``"ŞUBAT"``/``"Şubat"``/``"subat"`` -> ``"subat"``.

    Turkish dotless ı and dotted İ both become plain ``i`` so that ``KASIM``
    (upper-case, dotless in Turkish) and ``Kasım`` and ``Kasim`` compare equal.
    """
    return _fold_cached(text) if len(text) <= FOLD_CACHE_MAX_CHARS else _fold(text)


@lru_cache(maxsize=8192)
def _fold_cached(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = text.replace("ı", "i").replace("İ", "I")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    # Turkish full, Turkish three-letter, English full/short, German full/short.
    1: ("ocak", "oca", "january", "jan", "januar", "janner"),
    2: ("subat", "sub", "february", "feb", "februar"),
    3: ("mart", "mar", "march", "marz", "maerz", "mrz"),
    4: ("nisan", "nis", "april", "apr"),
    5: ("mayis", "may", "mai"),
    6: ("haziran", "haz", "june", "jun", "juni"),
    7: ("temmuz", "tem", "july", "jul", "juli"),
    8: ("agustos", "agu", "august", "aug"),
    9: ("eylul", "eyl", "september", "sep", "sept"),
    10: ("ekim", "eki", "october", "oct", "oktober", "okt"),
    11: ("kasim", "kas", "november", "nov"),
    12: ("aralik", "ara", "december", "dec", "dezember", "dez"),
}
# Russian (sources are often Russian-language): nominative, genitive ("6 ноября 2025"),
# prepositional ("в январе 2020"), short.
_RUSSIAN: dict[int, tuple[str, ...]] = {
    1: ("январь", "января", "январе", "янв"),
    2: ("февраль", "февраля", "феврале", "фев"),
    3: ("март", "марта", "марте", "мар"),
    4: ("апрель", "апреля", "апреле", "апр"),
    5: ("май", "мая", "мае"),
    6: ("июнь", "июня", "июне", "июн"),
    7: ("июль", "июля", "июле", "июл"),
    8: ("август", "августа", "августе", "авг"),
    9: ("сентябрь", "сентября", "сентябре", "сен", "сент"),
    10: ("октябрь", "октября", "октябре", "окт"),
    11: ("ноябрь", "ноября", "ноябре", "ноя"),
    12: ("декабрь", "декабря", "декабре", "дек"),
}
# Keys go through fold() like the words looked up ("май" folds to "маи").
MONTHS: dict[str, int] = {
    fold(name): num
    for table in (_MONTH_NAMES, _RUSSIAN)
    for num, names in table.items()
    for name in names
}


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation in Turkish, English, German or Russian, else None."""
    return MONTHS.get(fold(word.rstrip(".")))


# Building blocks. A month is any 3-10 letter word; whether it *is* a month is
# decided by the MONTHS table, which keeps the patterns readable.
_MON = r"(?P<mon>[^\W\d_]{3,10})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|\.)?"
_YEAR = r"(?P<year>\d{4})(?!\d)"

_SEASONS = (
    "spring|summer|fall|autumn|winter|ilkbahar|bahar|yaz|sonbahar|güz|guz|kış|kis|"
    "frühjahr|frühling|sommer|herbst"
)
# (pattern, precision) — precision 3 = day, 2 = month, 1 = year.
_PATTERNS: list[tuple[re.Pattern[str], int]] = [
    # 1. day month year: "6 Kasım 2025", "6. November 2025", "6th of November 2025"
    (re.compile(rf"\b{_DAY}\s*(?:of\s+)?{_MON},?\s*{_YEAR}"), 3),
    # 1b. GOST news: the year first, then day and month: "2023. 14 июня", "2023, 6 ноября"
    (re.compile(rf"(?<![\d.]){_YEAR}\.?,?\s+{_DAY}\s*{_MON}(?!\w)(?!\.?,?\s*\d)"), 3),
    # 2. month day, year: "November 6, 2025", "Mayıs 19, 2026"
    (re.compile(rf"\b{_MON}\s*{_DAY},?\s+{_YEAR}"), 3),
    # 3. numeric day.month.year: "24.04.2020", "24/04/2020", "24-04-2020"
    (
        re.compile(
            r"(?<![\d.])(?P<day>\d{1,2})(?P<sep>[./-])(?P<mnum>\d{1,2})(?P=sep)"
            r"(?P<year>\d{4})(?!\d)"
        ),
        3,
    ),
    # 4. ISO "2009-02-13", optionally followed by a time we ignore
    (re.compile(r"(?<![\d.])(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?!\d)"), 3),
    # 5. month year: "Kasım 2025", "Nov. 2025"
    (re.compile(rf"\b{_MON},?\s+{_YEAR}"), 2),
    # 6. a season and year, journal issues: "Fall 2005", "Kış 2020", "Bahar 2019" — the
    # year is all the precision a season gives
    (re.compile(rf"\b(?:{_SEASONS})\s+{_YEAR}", re.IGNORECASE), 1),
    # 7. a bare year: "2025", "(2023)", "1991de" (Turkish suffix glued on)
    (re.compile(r"(?<![\d.,/])(?P<year>\d{4})(?![\d])(?!,\d)"), 1),
]

# Extra whole-string forms only parse_date accepts: in running text "2010-11" is
# more often a span of years than a month.
_ISO_MONTH = re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})")
_ISO_TIME = re.compile(
    r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})"
    r"[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)

# Characters stripped from both ends before parse_date tries a whole-string match.
_STRIP = " \t\r\n,.;:()[]{}\"'“”‘’«»"


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO string of a (partial) date, or None when it cannot exist (31.02.2020)."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _from_match(m: re.Match[str], precision: int) -> str | None:
    """Turn a pattern match into ISO, or None when the words/numbers are not a date."""
    groups = m.groupdict()
    year = int(groups["year"])
    if precision == 1:
        return _iso(year) if BARE_YEAR_MIN <= year <= BARE_YEAR_MAX else None
    if groups.get("mon"):
        month = month_number(groups["mon"])
        if month is None:
            return None
    else:
        month = int(groups["mnum"])
    day = int(groups["day"]) if groups.get("day") else None
    if groups.get("sep") == "/" and day is not None and month > 12 and day <= 12:
        day, month = month, day  # US order: 11/26/2025
    return _iso(year, month, day)


def _candidates(text: str) -> Iterator[tuple[str, int, int, int]]:
    """Every date any pattern finds: (iso, start, end, precision); may overlap."""
    for pattern, precision in _PATTERNS:
        for m in pattern.finditer(text):
            iso = _from_match(m, precision)
            if iso is not None:
                yield iso, m.start(), m.end(), precision


def find_dates(text: str) -> list[tuple[str, int, int]]:
    """All dates in ``text`` as (iso, start, end), in text order, never overlapping.

    Where candidates overlap ("6 Kasım 2025" also contains "Kasım 2025" and
    "2025"), the most specific wins, then the longest.
    """
    ranked = sorted(_candidates(text), key=lambda c: (-c[3], -(c[2] - c[1]), c[1]))
    chosen: list[tuple[str, int, int]] = []
    for iso, start, end, _precision in ranked:
        if all(end <= s or start >= e for _, s, e in chosen):
            chosen.append((iso, start, end))
    return sorted(chosen, key=lambda c: c[1])


def date_at(text: str, pos: int, min_precision: int = 1) -> tuple[str, int] | None:
    """The most specific date starting exactly at ``pos``: (iso, end), or None.

    ``min_precision`` 2 asks for at least a month, 3 for a full day.
    """
    best: tuple[int, int, str] | None = None
    for pattern, precision in _PATTERNS:
        if precision < min_precision:
            continue
        m = pattern.match(text, pos)
        if m is None:
            continue
        iso = _from_match(m, precision)
        if iso is not None and (best is None or (precision, m.end()) > best[:2]):
            best = (precision, m.end(), iso)
    return (best[2], best[1]) if best else None


def parse_date(text: str) -> str | None:
    """ISO date of a string that is a date and nothing else, else None.

    ``"6 Kasım 2025"`` -> ``"2025-11-06"``, ``"Kasım 2025"`` -> ``"2025-11"``,
    ``"2025"`` -> ``"2025"``, ``"31.02.2020"`` -> None. Surrounding punctuation
    and brackets are ignored; use :func:`find_dates` to search longer text.
    """
    s = text.strip(_STRIP)
    if not s or len(s) > 40:  # no date form is longer; keeps this O(1) on junk
        return None
    for pattern, precision in [*_PATTERNS, (_ISO_TIME, 3), (_ISO_MONTH, 2)]:
        m = pattern.fullmatch(s)
        if m is None:
            continue
        # a whole-string year need not be in the bare-year window
        iso = _iso(int(m["year"])) if precision == 1 else _from_match(m, precision)
        if iso is not None:
            return iso  # else another form may still read it ("Fall 2005" is no month)
    return None


# Access-date cues with the least precise date each accepts. A cue must be directly
# followed by such a date to count: "E.T." is also a film title ("E.T. 1982" is a
# film and its year, so the abbreviated cues need a full day), and "Erişim
# adresi" introduces a URL, not a date. Nobody records an access date as a bare year.
_ACCESS_CUES: list[tuple[re.Pattern[str], int]] = [
    # E.T / E.T. / ET = Erişim Tarihi (Turkish "date of access"); bare "ET" only in capitals
    (re.compile(r"(?<![\w.])(?:[Ee]\.\s?[Tt]\.?|ET)(?!\w)"), 3),
    # "Erişim Tarihi:", "Erişim tarihi", "Erişim:", "Son erişim", ASCII "Erisim"
    (re.compile(r"(?<!\w)(?:son\s+)?eri[sş]im(?:\s+tarihi)?(?!\w)", re.IGNORECASE), 2),
    # "Accessed", "accessed on", "Last accessed on", "Date accessed", "Access date", "Retrieved"
    (
        re.compile(
            r"(?<!\w)(?:(?:last|date)\s+)?(?:accessed|access\s+date|retrieved|viewed)"
            r"(?:\s+on)?(?!\w)",
            re.IGNORECASE,
        ),
        2,
    ),
    # Russian: "(дата обращения: 20.06.2023)" (date of access), "дата доступа", "обращено"
    (re.compile(r"(?<!\w)(?:дата\s+(?:обращения|доступа)|обращено)(?!\w)", re.IGNORECASE), 2),
    # German: "abgerufen am", "Zugriff am", "Zugriff:", "zuletzt abgerufen am"
    (
        re.compile(
            r"(?<!\w)(?:zuletzt\s+)?(?:abgerufen|zugriff|zugegriffen)(?:\s+am)?(?!\w)",
            re.IGNORECASE,
        ),
        2,
    ),
]
# After the date: "tarihinde erişilmiştir", "tarihinde erişildi", "itibariyle erişilebilir"
_TR_ACCESS_AFTER = re.compile(
    r"\s+(?:tarihinde|itibarıyla|itibariyle)\s+eri[sş]il\w*", re.IGNORECASE
)
# Between cue and date: spaces and one colon/dot/dash ("Erişim Tarihi:24.04.2020").
_CUE_GAP = re.compile(r"\s*[:.\-–]?\s*")
# A bracket opening right before the cue and closing right after the date.
_CLOSERS = {"(": re.compile(r"\s*\)"), "[": re.compile(r"\s*\]")}


def find_access_date(text: str) -> tuple[str, int, int] | None:
    """The first access date in ``text``: (iso, start, end) of the whole phrase.

    The span covers the cue and the date, and the brackets when the phrase is
    bracketed on its own: ``(Erişim Tarihi:24.04.2020)``. A cue with no date right
    after it is not an access date.
    """
    found: list[tuple[str, int, int]] = []
    # Turkish prose puts the date first: "… 20 Ağustos 2025 tarihinde erişilmiştir."
    for m in _TR_ACCESS_AFTER.finditer(text):
        for iso, start, end in find_dates(text[max(0, m.start() - 40) : m.start()]):
            offset = max(0, m.start() - 40)
            if offset + end == m.start() and len(iso) == 10:
                found.append((iso, offset + start, m.end()))
    for cue, min_precision in _ACCESS_CUES:
        for m in cue.finditer(text):
            gap = _CUE_GAP.match(text, m.end())
            at = date_at(text, gap.end() if gap else m.end(), min_precision)
            if at is None:
                continue
            iso, end = at
            start = m.start()
            opener = text[start - 1] if start > 0 else ""
            if opener in _CLOSERS:
                close = _CLOSERS[opener].match(text, end)
                if close:
                    start, end = start - 1, close.end()
            found.append((iso, start, end))
            break  # first date for this cue is enough; earlier cues are compared below
    return min(found, key=lambda f: f[1]) if found else None
