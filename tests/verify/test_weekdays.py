"""A day named by its weekday in wire copy (weekdays.py)."""

from __future__ import annotations

from citecheck.verify.quantities import extract_quantities
from citecheck.verify.weekdays import weekday_match


def _date(text: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    return next(q for q in extract_quantities(text, lang) if q.kind == "date")


def test_the_weekday_of_the_claims_date_attests_it() -> None:
    claim = _date("on 17 February 2025")  # a Monday
    text = "ASTANA, Feb 18 (Wire) - Flows fell on Tuesday after an attack on Monday."
    got = weekday_match(claim, text, extract_quantities(text, "en"))
    assert got is not None and got.text == "Monday" and got.iso == "2025-02-17"
    tr = "Anlaşma Pazartesi günü imzalandı."
    assert weekday_match(claim, tr, []) is not None


def test_another_weekday_or_another_week_does_not() -> None:
    claim = _date("on 17 February 2025")
    assert weekday_match(claim, "The attack came on Sunday.", []) is None
    text = "On 3 March 2025, a Monday, the talks resumed."
    assert weekday_match(claim, text, extract_quantities(text, "en")) is None
    # Turkish "pazar" (market) is no Sunday
    sunday = _date("on 16 February 2025")
    assert weekday_match(sunday, "Pazar payı arttı.", []) is None
    # a bare year or month names no day
    assert weekday_match(_date("in February 2025"), "on Monday", []) is None
