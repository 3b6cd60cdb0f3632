"""Sources published before the event a claim reports (issue 5).

A claim about the outcome of the 6 November 2025 summit cited to an October
2025 preview cannot be supported by it, whatever the preview says. The check
compares the dates the claim names (and dates from its context, such as the
paragraph, passed by the caller) with the source's publication date, at the
precision both have: ``2025-10`` is before ``2025-11-06``; ``2025-11`` is not
known to be before it.
"""

from __future__ import annotations

import re

from citecheck.notes.dates import find_dates
from citecheck.verify.modality import said_as_done
from citecheck.verify.model import TemporalFlag

__all__ = ["PREDATES", "check_temporal", "date_from_url", "published_before"]

# The verdict's reason when the source predates the outcome the claim reports
# (judge.py); the calibration leaves such a verdict alone.
PREDATES = "the source predates the event the claim reports"
# A deadline is not the event: "31 Aralık 2026'ya kadar uzatılmıştır" (extended
# until), "until 1 January 2066", "bis Ende 2026", "до 2030 года".
_DEADLINE_AFTER = re.compile(r"^['’]?\w{0,4}\s+(?:kadar|dek)\b", re.IGNORECASE)
_DEADLINE_BEFORE = re.compile(
    r"\b(?:until|till|through|bis|до)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE
)
# /2025/10/ or /2025/10/31/ in a URL path: news sites put the publication date there.
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])(?:/(0[1-9]|[12]\d|3[01]))?(?:/|$)")


def date_from_url(url: str | None) -> str | None:
    """Publication date a URL path carries (``…/2025/10/c51-summit…`` -> ``2025-10``)."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if not m:
        return None
    return "-".join(p for p in m.groups() if p)


def published_before(source_date: str, event_date: str) -> bool:
    """True when ``source_date`` is surely earlier than ``event_date`` (ISO, partial ok)."""
    n = min(len(source_date), len(event_date))
    return source_date[:n] < event_date[:n]


def check_temporal(
    claim_text: str,
    source_date: str | None,
    *,
    context: str = "",
    lang: str | None = None,
) -> TemporalFlag | None:
    """A flag when the source was published before an event the claim dates.

    Events are the claim's dates at month or day precision (a bare year is too
    coarse to place an event), deadlines left out; ``context`` (e.g. the
    claim's paragraph) adds dates when the claim itself names none. The latest
    such date is the event. The flag's ``outcome``: the claim says the event
    happened (modality.said_as_done, read in the claim's language ``lang``).
    """
    if not source_date:
        return None
    dates = _event_dates(claim_text)
    if not dates and context:
        dates = _event_dates(context)
    if not dates:
        return None
    event = max(dates)
    if not published_before(source_date, event):
        return None
    outcome = said_as_done(claim_text, lang)
    what = "reports the outcome of" if outcome else "refers to"
    return TemporalFlag(
        event_date=event,
        source_date=source_date,
        outcome=outcome,
        message=f"the claim {what} an event of {event}; the source was published {source_date}",
        earlier=any(not published_before(source_date, d) for d in dates),
    )


# The first day of a span of days: "29-30 Ocak 2024", "29 and 30 January 2024",
# "5. und 6. November": an event that began on the source's day is not after it.
_SPAN_START = re.compile(r"(\d{1,2})\.?\s*(?:[-–]|and|ve|und|и)\s*$", re.IGNORECASE)


def _event_dates(text: str) -> list[str]:
    """Month- or day-precise dates of ``text`` that are not deadlines; a span
    of days is dated by its first."""
    out = []
    for iso, start, end in find_dates(text):
        if (
            len(iso) < 7
            or _DEADLINE_AFTER.match(text[end:])
            or _DEADLINE_BEFORE.search(text[max(0, start - 24) : start])
        ):
            continue
        span = _SPAN_START.search(text[max(0, start - 8) : start])
        if span and len(iso) == 10 and int(span.group(1)) < int(iso[8:]):
            iso = f"{iso[:8]}{int(span.group(1)):02d}"
        out.append(iso)
    return out
