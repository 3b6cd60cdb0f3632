"""Which way a figure goes (direction.py): words of change and comparatives."""

from __future__ import annotations

import pytest

from citecheck.verify.direction import DOWN, UP, figure_direction
from citecheck.verify.quantities import extract_quantities


def _ways(text: str, lang: str) -> list[tuple[str, int]]:
    return [(q.text, figure_direction(text, lang, q)) for q in extract_quantities(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "figure", "way"),
    [
        ("Poti limanındaki konteyner elleçlemesi 2024 yılında %9 artmıştır.", "tr", "%9", UP),
        ("Elleçleme %9 azalarak 410 bin TEU'ya geriledi.", "tr", "%9", DOWN),
        ("Container throughput at Poti rose 9 percent in 2024.", "en", "9 percent", UP),
        ("Visitors made 1,185,204 trips, 8.1 percent fewer than in 2023.", "en", "8.1 percent",
         DOWN),
        ("Die Umschläge gingen 2024 nach vorläufigen Angaben um 9 Prozent zurück.", "de",
         "9 Prozent", DOWN),
        ("Die Preise lagen 18 Prozent höher als im Vorjahr.", "de", "18 Prozent", UP),
        ("Экспорт вырос на 12% по сравнению с прошлым годом.", "ru", "12%", UP),
        ("Импорт сократился на 7%.", "ru", "7%", DOWN),
        # the word of change five words before the second figure of a from-to pair
        ("The share of Azeri Light fell to 18 percent from 25 percent.", "en", "25 percent", DOWN),
        ("Ücretler ulusal ortalamadan %18 daha düşüktür.", "tr", "%18", DOWN),
    ],
)  # fmt: skip
def test_a_word_of_direction_by_the_figure(text: str, lang: str, figure: str, way: int) -> None:
    assert dict(_ways(text, lang))[figure] == way


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # bounds, not directions: quantities.py reads them
        ("Hazar Denizi'nin seviyesi 1,5 metreden fazla düştü.", "tr"),  # a fall, no rise
        ("Katılım %40'tan fazla oldu.", "tr"),
        ("More than 40 percent of the total came from Kazakhstan.", "en"),
        # no word of direction near the figure
        ("The port handled 7.46 million tonnes of cargo in 2024.", "en"),
    ],
)
def test_no_rise_where_a_bound_or_nothing_is_said(text: str, lang: str) -> None:
    assert all(way != UP for _figure, way in _ways(text, lang))


def test_each_figure_takes_the_word_of_its_own_clause() -> None:
    ways = dict(_ways("Exports rose 5%, while imports fell 12%.", "en"))
    assert ways["5%"] == UP and ways["12%"] == DOWN


def test_years_have_no_direction() -> None:
    assert dict(_ways("Exports rose in 2024.", "en"))["2024"] == 0


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("New contracts undertaken abroad totalled $23.5 billion in 2024.", "en"),
        ("ENR'ın En Büyük 250 Uluslararası Müteahhit listesinde 40 Türk firması var.", "tr"),
        ("Ein Fellow des Instituts nannte 12 Prozent.", "de"),
        ("Экспорт через Ростов составил 12%.", "ru"),
    ],
)
def test_words_that_only_begin_like_a_word_of_change_are_none(text: str, lang: str) -> None:
    # "contracts" is no "contracted", "Büyük" (big) no "büyüdü", "Ростов" no "рост"
    assert all(way == 0 for _figure, way in _ways(text, lang))


@pytest.mark.parametrize(
    ("text", "figure", "way"),
    [
        ("Kumtor produced 13.8 tonnes of gold in 2024, up from 12.1 tonnes a year earlier.",
         "13.8", UP),
        ("Shipments reached 43.8 million tonnes, down from 55.1 million.", "43.8 million", DOWN),
        ("Remittances were 61 percent of inflows, down on 87 percent in 2022.", "61 percent",
         DOWN),
    ],
)  # fmt: skip
def test_up_from_after_the_comma_tells_the_figure_before_it(
    text: str, figure: str, way: int
) -> None:
    assert dict(_ways(text, "en"))[figure] == way


def test_up_from_belongs_to_the_nearest_figure_and_not_the_old_value() -> None:
    ways = dict(_ways("Exports were 5 bn and imports 3 bn, up from 2 bn.", "en"))
    assert ways == {"5 bn": 0, "3 bn": UP, "2 bn": 0}
    # German and Turkish say it otherwise; the English phrase is not looked for there
    assert dict(_ways("Die Exporte lagen bei 5 Mrd., up from 2 Mrd.", "de"))["5 Mrd."] == 0
