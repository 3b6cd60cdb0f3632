"""Years a page names by its own date: "last year", "geçen yıl", "im vergangenen
Jahr", "в прошлом году" (issue 5).

News pages write "Shipments to Russia fell 28% last year" where the claim
writes "2024'te"; without the page's date the claim's year is missing from the
sentence that states it, and a changed figure there is read as another
year's. Given the page's publication date (SourceMeta.published, from the
page's meta tags or dateline) each such phrase is read as the year it names:
the year before the page's, its own, or the one after. A page without a date
names none. "The previous year" and "im Vorjahr" count from the year the
sentence speaks of, not from the page's date, and are left to pairing.py.
Pure: no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache

from citecheck.verify.model import Quantity

__all__ = ["relative_years"]

# (phrase, years after the page's year)
_PHRASES: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE), shift)
    for p, shift in (
        (
            r"last\s+year(?:['’]s)?|geçen\s+yıl(?:ın|da|ki|a)?|"
            r"im\s+(?:vergangenen|letzten)\s+jahr|vergangenes\s+jahr|letztes\s+jahr|"
            r"в\s+прошлом\s+году|прошлого\s+года|за\s+прошлый\s+год",
            -1,
        ),
        (
            r"this\s+year(?:['’]s)?|bu\s+yıl(?:ın|da|ki)?|in\s+diesem\s+jahr|"
            r"dieses\s+jahr(?:es)?|в\s+(?:этом|текущем)\s+году|(?:этого|текущего)\s+года",
            0,
        ),
        (
            r"next\s+year(?:['’]s)?|gelecek\s+yıl(?:ın|da|ki|a)?|önümüzdeki\s+yıl(?:ın|da|ki|a)?|"
            r"im\s+(?:kommenden|nächsten)\s+jahr|nächstes\s+jahr|"
            r"в\s+(?:следующем|будущем)\s+году|(?:следующего|будущего)\s+года",
            1,
        ),
    )
)
_YEAR = re.compile(r"^(\d{4})")
# ... but not where the phrase is what a figure is compared with: "up 8.2% from
# the same period last year", "geçen yılın aynı dönemine göre" (the year of
# the base, not of the figure; "a year earlier" is pairing.py's)
_BASE_BEFORE = re.compile(
    r"(?:from|than|with|over|against|versus|vs\.?|same\s+\w+\s+(?:of\s+)?)\s*$", re.IGNORECASE
)
_BASE_AFTER = re.compile(r"^\S*\s*(?:aynı|göre|kıyasla|oranla)", re.IGNORECASE)


@lru_cache(maxsize=4096)
def relative_years(text: str, published: str | None) -> tuple[Quantity, ...]:
    """The years ``text`` names relative to its page's date ``published`` (ISO,
    possibly partial), as year Quantities at the phrases' offsets; () without a
    date. Cached: every claim cited to a page reads its passages again."""
    m = _YEAR.match(published or "")
    if m is None:
        return ()
    year = int(m.group(1))
    out = []
    for pattern, shift in _PHRASES:
        for hit in pattern.finditer(text):
            before, after = text[max(0, hit.start() - 30) : hit.start()], text[hit.end() :]
            if _BASE_BEFORE.search(before) or _BASE_AFTER.match(after[:30]):
                continue
            y = year + shift
            out.append(Quantity("year", y, y, y, hit.start(), hit.end(), hit.group(), iso=str(y)))
    return tuple(sorted(out, key=lambda q: q.start))
