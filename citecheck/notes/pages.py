"""Page locators and page ranges: "769", "30-33", "415–6", "xii–xv", "215-", "s. 12, 45".

Front matter is numbered in roman numerals and the body in arabic ones: the two
are separate sequences, so a roman page is only ever compared with a roman
range and an arabic page with an arabic range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN = re.compile(r"^[ivxlcdm]+$")
_PREFIX = re.compile(r"^\s*(?:s{1,2}|pp?|sayfa|pages?|S{1,2}|P{1,2})\.?\s*", re.IGNORECASE)
_DASH = re.compile(r"\s*[-–—‐‑]\s*")
# A locator this large is an identifier or an amount, not a page.
MAX_PAGE = 100_000
# Front-matter numerals are short ("lxxxviii" is 8); longer runs of these
# letters are words or noise.
MAX_ROMAN_CHARS = 12


@dataclass(frozen=True)
class PageRange:
    """An inclusive range; ``end`` None means open-ended ("215-", or start page only)."""

    start: int
    end: int | None
    roman: bool = False

    def contains(self, page: int) -> bool:
        return self.start <= page and (self.end is None or page <= self.end)

    def __str__(self) -> str:
        start = _to_roman(self.start) if self.roman else str(self.start)
        if self.end is None:
            return f"{start}-"
        end = _to_roman(self.end) if self.roman else str(self.end)
        return start if self.end == self.start else f"{start}-{end}"


def roman_to_int(text: str) -> int | None:
    """Value of a lower- or upper-case roman numeral, None when it is not one."""
    text = text.strip().lower()
    if not text or len(text) > MAX_ROMAN_CHARS or not _ROMAN.match(text):
        return None
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[text[i + 1]] if i + 1 < len(text) else 0
        total += -value if value < following else value
    return total if total > 0 and _to_roman(total) == text else None


def _to_roman(value: int) -> str:
    out = []
    for number, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def _number(token: str) -> tuple[int, bool] | None:
    token = token.strip().strip(".")
    if token.isdecimal():  # not isdigit(): "¹" is a digit int() cannot read
        value = int(token)
        return (value, False) if 0 < value <= MAX_PAGE else None
    value = roman_to_int(token)
    return (value, True) if value is not None else None


def parse_pages(text: str | None, *, single_is_start: bool = False) -> list[PageRange]:
    """Page ranges in a locator; unreadable parts are skipped.

    ``"415–6"`` is the abbreviated range 415–416 (Chicago 9.61). A single page
    gives ``PageRange(p, p)``, or ``PageRange(p, None)`` with
    ``single_is_start`` — used for a bibliography entry whose range was cut
    short, where the one page printed is the first page of the work.
    """
    if not text:
        return []
    ranges: list[PageRange] = []
    for part in re.split(r"[,;&]|\band\b|\bve\b", text):
        part = _PREFIX.sub("", part).strip()
        if not part:
            continue
        pieces = _DASH.split(part, maxsplit=1)
        first = _number(pieces[0])
        if first is None:
            continue
        start, roman = first
        if len(pieces) == 1:
            ranges.append(PageRange(start, None if single_is_start else start, roman))
            continue
        if not pieces[1].strip().strip("."):
            ranges.append(PageRange(start, None, roman))  # "215-": open range
            continue
        second = _number(pieces[1])
        if second is None or second[1] != roman:
            ranges.append(PageRange(start, None if single_is_start else start, roman))
            continue
        end = second[0]
        if not roman and end < start:
            digits = str(end)
            end = int(str(start)[: -len(digits)] + digits) if len(digits) < len(str(start)) else 0
        if end >= start:
            ranges.append(PageRange(start, end, roman))
    return ranges


def outside(cited: list[PageRange], span: list[PageRange]) -> list[PageRange]:
    """The cited ranges that fall (partly) outside every range of ``span`` of their kind."""
    bad = []
    for page in cited:
        same_kind = [r for r in span if r.roman == page.roman]
        if not same_kind:
            continue  # roman front matter against an arabic range: not comparable
        last = page.end if page.end is not None else page.start
        if not any(r.contains(page.start) and r.contains(last) for r in same_kind):
            bad.append(page)
    return bad
