"""The date a plain-text source gives itself in its head (issue 5).

Press releases and bulletins saved as text open with a dateline: "Ankara, 9
Ocak 2025", "Tarih: 6 Kasım 2025", "Istanbul, April 2025", "WASHINGTON, Nov. 6,
2025". Without it a text source has no publication date, and the temporal
check (verify/temporal.py) cannot tell a preview from a report. The text
counterpart of web/pagemeta._dateline, which reads a page's dateline element;
both take the first month-precise date notes/dates.find_dates finds. Pure.
"""

from __future__ import annotations

import re

from citecheck.notes.dates import find_dates

__all__ = ["dateline"]

# The head: the lines before the body's first paragraph, at most this many.
HEAD_LINES = 12
# A dateline is short: a place or a label and the date.
DATELINE_CHARS = 60
# ... with at most this many words besides the date ("Ankara,", "Tarih:",
# "Basın Bülteni –", "Istanbul, Türkiye,")
DATELINE_WORDS = 3
# A line this long is the body: the head has ended.
BODY_CHARS = 160
# Labels of a date line: Turkish, English, German, Russian.
_LABEL = re.compile(
    r"^(?:tarih|yayın\s+tarihi|date|published|datum|veröffentlicht|дата)\s*:?\s*$", re.IGNORECASE
)


# A dateline that opens a longer line: "Almaty, Kazakhstan, 20 October 2025 -
# Kaspi.kz reports …", "No: 112, 15 Mayıs 2025, Moldova …", "Published 27 March
# 2025 | Investor Relations": the date within this many characters of the
# line's start, this many words before it, and a separator right after it
# (not a case ending: "23 Ekim 1921'de imzalanan …" is a title's event).
LEAD_CHARS = 60
LEAD_WORDS = 5
_AFTER_DATE = re.compile(r"\s*(?:[-–—|,.;:]|$)")


def dateline(text: str) -> str | None:
    """The ISO date (at least the month) of the dateline in the head of
    ``text``, or None when the head has none."""
    seen = 0
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > HEAD_LINES or len(line) > BODY_CHARS:
            return None
        dates = [d for d in find_dates(line) if len(d[0]) >= 7]
        if not dates:
            continue
        iso, start, end = dates[0]
        if len(line) <= DATELINE_CHARS and len(dates) == 1:
            rest = (line[:start] + " " + line[end:]).strip(" ,.:;–—-|/()[]")
            if _LABEL.match(rest) or len(rest.split()) <= DATELINE_WORDS:
                return iso
        lead = line[:start]
        if start <= LEAD_CHARS and len(lead.split()) <= LEAD_WORDS and _AFTER_DATE.match(line, end):
            return iso
    return None
