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
from citecheck.verify.model import TemporalFlag

__all__ = ["check_temporal", "date_from_url", "published_before"]

# Verbs and nouns of reported results: the claim says something happened
# (signed, announced, agreed), not that it was planned. A past-tense claim
# about a later event is the strong case; a plan may well be in a preview.
_OUTCOME = re.compile(
    r"imzaland|imzalad|açıklan|açıkland|duyurul|kararlaştır|kabul\s+edil|"
    r"anlaşmaya\s+var|gerçekleştiril|vurgulad|ilan\s+edil|"
    r"\b(?:signed|announced|agreed|adopted|concluded|unveiled|launched|pledged|declared)\b|"
    r"unterzeichne|angekündigt|vereinbart|beschlossen|"
    r"подписал|подписан|объявил|объявлен|договорил|принял",
    re.IGNORECASE,
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
) -> TemporalFlag | None:
    """A flag when the source was published before an event the claim dates.

    Events are the claim's dates at month or day precision (a bare year is too
    coarse to place an event); ``context`` (e.g. the claim's paragraph) adds
    dates when the claim itself names none. The latest such date is the event.
    """
    if not source_date:
        return None
    dates = [iso for iso, _, _ in find_dates(claim_text) if len(iso) >= 7]
    if not dates and context:
        dates = [iso for iso, _, _ in find_dates(context) if len(iso) >= 7]
    if not dates:
        return None
    event = max(dates)
    if not published_before(source_date, event):
        return None
    outcome = bool(_OUTCOME.search(claim_text))
    what = "reports the outcome of" if outcome else "refers to"
    return TemporalFlag(
        event_date=event,
        source_date=source_date,
        outcome=outcome,
        message=f"the claim {what} an event of {event}; the source was published {source_date}",
    )
