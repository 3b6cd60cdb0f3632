"""Years a page names by its own date ("last year" of a page dated 2025 is 2024)."""

from __future__ import annotations

import pytest

from citecheck.verify.judge import judge
from citecheck.verify.model import Evidence, SourceMeta
from citecheck.verify.relative_years import relative_years


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Shipments to Russia fell 28% last year, the company said.", 2024),
        ("Geçen yıl 3,1 milyon ton tuz üretildi.", 2024),
        ("Im vergangenen Jahr hat SOCAR Polymer 276.000 Tonnen exportiert.", 2024),
        ("В прошлом году Россия импортировала 420 тыс. тонн.", 2024),
        ("This year's harvest is put at 1.2 million tonnes.", 2025),
        ("Bu yıl hasat 1,2 milyon ton olacak.", 2025),
        ("В этом году поставки вырастут.", 2025),
        ("The plant is due to open next year.", 2026),
        ("Fabrika önümüzdeki yıl açılacak.", 2026),
        ("Das Werk soll im kommenden Jahr öffnen.", 2026),
    ],
)
def test_a_relative_year_is_the_pages_year_shifted(text: str, year: int) -> None:
    (q,) = relative_years(text, "2025-03-14")
    assert (q.kind, q.value, q.iso) == ("year", year, str(year))
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        # the base a figure is compared with, not the figure's year
        "Passenger numbers rose 8.2 percent from the same period last year.",
        "Exports were higher than last year.",
        "Yolcu sayısı geçen yılın aynı dönemine göre yüzde 8,2 arttı.",
        "İhracat geçen yıla göre arttı.",
        # no year named
        "The previous year saw a decline.",
    ],
)
def test_no_year_for_a_comparison_base_or_an_unnamed_year(text: str) -> None:
    assert relative_years(text, "2025-03-14") == ()


def test_a_page_without_a_date_names_no_year() -> None:
    assert relative_years("Shipments fell 28% last year.", None) == ()
    assert relative_years("Shipments fell 28% last year.", "") == ()
    assert relative_years("Shipments fell 28% last year.", "undated") == ()


WIRE = (
    "Aluminium accounted for 3.6 percent of Azerbaijan's non-oil exports last year, according "
    "to figures from the Ministry of Economy."
)


def _verdict(claim: str, published: str | None):  # type: ignore[no-untyped-def]
    meta = SourceMeta(lang="en", published=published)
    return judge(claim, "tr", [Evidence(WIRE, 0, len(WIRE), "en")], meta)


def test_the_claims_year_is_met_by_last_year_on_a_dated_page() -> None:
    claim = "Alüminyum, 2024 yılında Azerbaycan'ın petrol dışı ihracatının %3,6'sını oluşturmuştur."
    v = _verdict(claim, "2025-02-10")
    assert v.label == "supported" and any("last year" in m for m in v.matched), v
    # the page a year later speaks of 2025
    assert not any("last year" in m for m in _verdict(claim, "2026-02-10").matched)
    # undated, the year is missing
    assert not any("last year" in m for m in _verdict(claim, None).matched)


def test_a_changed_figure_of_last_year_contradicts_on_a_dated_page() -> None:
    claim = "Alüminyum, 2024 yılında Azerbaycan'ın petrol dışı ihracatının %3,9'unu oluşturmuştur."
    assert _verdict(claim, "2025-02-10").label == "contradicted"
