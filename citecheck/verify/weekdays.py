"""A day named by its weekday: "on Monday" in a report dated 18 February (issue 5).

Wire copy dates events relative to its dateline ("ASTANA, Feb 18 - … on Monday",
"Perşembe günü Washington'da"), so a claim that gives the calendar date
("17 February 2025") finds no date in the passage that states it. The claim's
date has a weekday; a passage that names that weekday (and states no other day
of the same month) attests it as far as a report can. Pure.
"""

from __future__ import annotations

import datetime as dt
import re

from citecheck.verify.model import Quantity

__all__ = ["weekday_match"]

# Monday first, as datetime.weekday() counts; tr/en/de/ru with their case forms.
_WEEKDAYS = [
    r"monday|pazartesi|montag|понедельник\w*",
    r"tuesday|salı|dienstag|вторник\w*",
    r"wednesday|çarşamba|mittwoch|сред[аеуы]",
    r"thursday|perşembe|donnerstag|четверг\w*",
    r"friday|cuma(?!rtesi)|freitag|пятниц\w*",
    r"saturday|cumartesi|samstag|sonnabend|суббот\w*",
    # Turkish "pazar" is also a market: only "Pazar günü"
    r"sunday|pazar\s+günü|sonntag|воскресень\w*",
]
_PATTERNS = [re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE) for p in _WEEKDAYS]


def weekday_match(claim_date: Quantity, text: str, others: list[Quantity]) -> Quantity | None:
    """A date Quantity standing for the weekday in ``text`` that names the claim's
    day, or None. ``others``: the passage's own dates; a full date of another
    day in the passage (other than a dateline after the event) means the
    weekday may be another week's."""
    iso = claim_date.iso or ""
    if claim_date.kind != "date" or len(iso) != 10:
        return None
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return None
    for p in others:
        if p.kind == "date" and p.iso and len(p.iso) == 10:
            try:
                other = dt.date.fromisoformat(p.iso)
            except ValueError:
                continue
            if not 0 <= (other - day).days <= 6:
                return None  # another week's dates in the passage
    m = _PATTERNS[day.weekday()].search(text)
    if m is None:
        return None
    return Quantity(
        "date", claim_date.value, claim_date.low, claim_date.high, m.start(), m.end(),
        m.group(), iso=iso,
    )  # fmt: skip
