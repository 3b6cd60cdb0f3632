"""Units of measure after a count, and counts compared in their units (issue 5)."""

from __future__ import annotations

import pytest

from citecheck.verify.comparison import compare
from citecheck.verify.quantities import compatible, extract_quantities
from citecheck.verify.units import DIMENSIONS, unit_after


def one(text: str, lang: str | None = None):
    found = extract_quantities(text, lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "lang", "unit"),
    [
        ("30 GW elektrolizör kapasitesi", "tr", "GW"), ("20 GW of electrolysers", "en", "GW"),
        ("1.200 MW'lık santral", "tr", "MW"), ("400 Megawatt", "de", "MW"),
        ("400 мегаватт", "ru", "MW"), ("1 200 МВт", "ru", "MW"),
        ("12 TWh electricity", "en", "TWh"), ("12 milyar kilovatsaat", "tr", "kWh"),
        ("5 млрд кВт·ч", "ru", "kWh"), ("3 Terawattstunden", "de", "TWh"),
        ("1.195 km uzunluğunda", "tr", "km"), ("410 km'lik hat", "tr", "km"),
        ("97-kilometre pipeline", "en", "km"), ("120 километров", "ru", "km"),
        ("600 metre derinlikte", "tr", "m"), ("600 Meter tief", "de", "m"),
        ("25 deniz mili", "tr", "nmi"), ("15 Seemeilen", "de", "nmi"),
        ("15 nautical miles", "en", "nmi"), ("15 морских миль", "ru", "nmi"),
        ("88 bin hektar", "tr", "ha"), ("88,000 hectares", "en", "ha"), ("300 га", "ru", "ha"),
        ("40 km² area", "en", "km2"), ("40 kilometrekare", "tr", "km2"),
        ("4,5 milyar metreküp", "tr", "m3"), ("4.5 bcm", "en", "m3"),
        ("55 млрд кубометров", "ru", "m3"), ("4,5 Milliarden Kubikmeter", "de", "m3"),
        ("612 bin varil", "tr", "bbl"), ("1.2 mb/d", "en", "bbl"), ("80 баррелей", "ru", "bbl"),
        ("5 milyon tona", "tr", "t"), ("2.76 million tonnes", "en", "t"),
        ("32,9 Millionen Tonnen", "de", "t"), ("20 млн тонн", "ru", "t"),
        ("15 yıl süreyle", "tr", "year"), ("for 15 years", "en", "year"),
        ("36 months", "en", "month"), ("3 ayda", "tr", "month"), ("19 дней", "ru", "day"),
        ("15 güne", "tr", "day"), ("48 saatlik", "tr", "hour"), ("10 yıldır", "tr", "year"),
    ],
)  # fmt: skip
def test_units_read_after_the_figure(text: str, lang: str, unit: str) -> None:
    q = next(q for q in extract_quantities(text, lang) if q.kind == "count")
    assert q.unit == unit
    assert unit in DIMENSIONS


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("5 ülke", "tr"), ("3,2 milyon ons", "tr"), ("five Central Asian leaders", "en"),
        ("2024 yılında", "tr"), ("12 ms", "en"), ("5 yıldızlı otel", "tr"),
        ("30 Gwinnett", "en"), ("15 metroda", "tr"),
    ],
)  # fmt: skip
def test_no_unit_where_none_is_written(text: str, lang: str) -> None:
    assert all(q.unit is None for q in extract_quantities(text, lang) if q.kind == "count")


def test_unit_symbols_are_case_sensitive() -> None:
    # "MW" is megawatts; "mw" or "Mw" in running text is not read as one
    assert unit_after("30 MW", 2) == "MW"
    assert unit_after("30 mw", 2) is None
    assert unit_after("30 Mw", 2) is None


def test_tonnes_after_a_sum_of_money_stay_tonnes() -> None:
    money, tonnes = extract_quantities("150 million dollars and 5 million tonnes", "en")
    assert (money.kind, money.unit) == ("money", "USD")
    assert (tonnes.kind, tonnes.unit) == ("count", "t")


@pytest.mark.parametrize(
    ("claim", "cl", "source", "sl", "want"),
    [
        # one measure at another scale
        ("1,2 GW", "tr", "1,200 MW", "en", "agree"),
        ("1.500 MW", "tr", "1.2 GW", "en", "conflict"),
        ("3 yıl", "tr", "36 months", "en", "agree"),
        ("4,5 milyar metreküp", "tr", "4.5 bcm", "en", "agree"),
        ("55 milyar metreküp", "tr", "55 млрд кубометров", "ru", "agree"),
        ("25 deniz mili", "tr", "10 nautical miles", "en", "conflict"),
        # different dimensions: the same digits measure different things
        ("30 GW", "en", "30 km", "en", "unrelated"),
        ("5 milyon ton", "tr", "5 million barrels", "en", "unrelated"),
        ("10 yıl", "tr", "10 days", "en", "unrelated"),
        # one dimension, units far apart: "25 m deep" is no changed "25 km long"
        ("25 km", "en", "25 metres", "en", "unrelated"),
        # a unit on one side only: compared by the figure as before
        ("30 GW", "en", "30", "en", "agree"),
        ("30 GW", "en", "20", "en", "conflict"),
    ],
)  # fmt: skip
def test_counts_compare_in_their_units(
    claim: str, cl: str, source: str, sl: str, want: str
) -> None:
    a, b = one(claim, cl), one(source, sl)
    assert compare(a, b) == want
    assert compatible(a, b) == want
