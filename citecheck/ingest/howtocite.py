"""The "Atıfta bulunmak için" / "To cite this article" block.

AVİM prints a Chicago author-date citation of the article itself::

    SARICA, Berna. 2026. "TITLE." Avrasya İncelemeleri Merkezi (AVİM), Blog No.2025 / 33.
    Aralık 16. Erişim Mayıs 19, 2026. <https://avimbulten.org/Blog/…>

    KILIÇ, Alev. 2024. "TITLE." Center for Eurasian Studies (AVİM), Commentary
    No.2024 / 2. February 5. Accessed May 19, 2026. https://avim.org.tr/en/Yorum/…

The year there is the year the page was *generated*, not always the year of the
article — which is exactly what an editor wants flagged, so each field is read
as printed and compared later (notes lint), never corrected here.
"""

from __future__ import annotations

import re

from citecheck.model import HowToCite
from citecheck.notes.dates import find_access_date, month_number

_URL = re.compile(r"<?(https?://[^\s<>\"]+)>?")
_AUTHORS_YEAR = re.compile(r"^\s*(?P<authors>.+?)\.\s+(?P<year>\d{4})[a-z]?\.\s*")
_TITLE = re.compile(r"[\"“”„](?P<title>.+?)[\"“”]\s*")
_NUMBER = re.compile(
    r"\b(?:blog|yorum|commentary|analiz|analysis|rapor|report)\s*no\s*[.:]?\s*"
    r"(?P<num>\d{4}\s*/\s*\d{1,5}|\d{1,5})",
    re.IGNORECASE,
)
# Month-day without a year right after the number: "Aralık 16", "February 5".
_MONTH_DAY = re.compile(r"(?P<mon>[^\W\d_]{3,9})\.?\s+(?P<day>\d{1,2})\b(?!\s*,?\s*\d{4})")
_DAY_MONTH = re.compile(r"(?P<day>\d{1,2})\.?\s+(?P<mon>[^\W\d_]{3,9})\b(?!\s*,?\s*\d{4})")


def parse_how_to_cite(text: str, article_year: int | None = None) -> HowToCite:
    """Fields of the block as printed; ``article_year`` completes a month-day date."""
    text = re.sub(r"\s+", " ", text).strip()
    cite = HowToCite(text=text)
    url = _URL.search(text)
    if url:
        cite.url = url[1].rstrip(".,;)")
    m = _AUTHORS_YEAR.match(text)
    rest_at = 0
    if m:
        cite.authors = _authors(m["authors"])
        cite.year = int(m["year"])
        rest_at = m.end()
    t = _TITLE.search(text, rest_at)
    if t:
        cite.title = t["title"].strip().rstrip(".,").strip() or None
        rest_at = t.end()
    n = _NUMBER.search(text, rest_at)
    if n:
        cite.number = re.sub(r"\s*/\s*", " / ", n["num"])
        rest_at = n.end()
    access = find_access_date(text)
    if access:
        cite.accessed = access[0]
    limit = access[1] if access else (url.start() if url else len(text))
    cite.date = _month_day(text[rest_at:limit], article_year or cite.year)
    return cite


def _authors(value: str) -> list[str]:
    """ "SARICA, Berna" -> ["SARICA, Berna"]; "KILIÇ, Alev and Berna SARICA" -> two names."""
    parts = re.split(r"\s*(?:;|\band\b|\bve\b|&)\s*", value)
    return [p.strip(" ,") for p in parts if p.strip(" ,")]


def _month_day(segment: str, year: int | None) -> str | None:
    """ISO date of the month-day part ("Aralık 16"), completed with ``year``."""
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for m in pattern.finditer(segment):
            month = month_number(m["mon"])
            day = int(m["day"])
            if month and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}" if year else None
    return None
