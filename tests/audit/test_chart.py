"""The rot-by-year SVG chart: well-formed XML, one bar per year, heights by share."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from citecheck.audit.chart import BOTTOM, HEIGHT, TOP, YearBar, rot_chart_svg, standalone_svg

NS = {"s": "http://www.w3.org/2000/svg"}
PLOT_H = HEIGHT - TOP - BOTTOM


def bars_of(svg: str) -> list[ET.Element]:
    return ET.fromstring(svg).findall(".//s:g[@class='bar']", NS)


def rect(bar: ET.Element, cls: str) -> ET.Element:
    found = bar.find(f"s:rect[@class='{cls}']", NS)
    assert found is not None
    return found


def test_bars_heights_follow_the_dead_share() -> None:
    data = [YearBar(2015, 40, 20, 4), YearBar(2020, 50, 10, 0), YearBar(2025, 10, 0, 1)]
    svg = standalone_svg(data, "en")
    root = ET.fromstring(svg.split("\n", 1)[1])
    assert root.get("role") == "img"
    assert root.find("s:title", NS).text == "Link rot by publication year"  # type: ignore[union-attr]
    bars = bars_of(svg.split("\n", 1)[1])
    assert [b.get("data-year") for b in bars] == ["2015", "2020", "2025"]
    heights = [float(rect(b, "dead").get("height", "0")) for b in bars]
    # axis top: the next 10 % above the tallest bar (50 % dead + 10 % failing → 70 %)
    scale = 0.7
    for h, share in zip(heights, (0.5, 0.2, 0.0), strict=True):
        assert abs(h - PLOT_H * share / scale) < 0.2
    failing = float(rect(bars[0], "failing").get("height", "0"))
    assert abs(failing - PLOT_H * 0.1 / scale) < 0.2
    texts = ["".join(t.itertext()) for t in bars[0].findall("s:text", NS)]
    assert texts == ["50%", "2015", "40"]


def test_undated_years_empty_years_and_turkish() -> None:
    svg = rot_chart_svg([YearBar(None, 4, 1), YearBar(2021, 0, 0), YearBar(2022, 1000, 3)], "tr")
    bars = bars_of(svg)
    assert [b.get("data-year") for b in bars] == ["tarihsiz", "2022"]  # no links: no bar
    assert ET.fromstring(svg).find("s:title", NS).text.startswith("Yayın yılına")  # type: ignore[union-attr]
    texts = ["".join(t.itertext()) for t in bars[1].findall("s:text", NS)]
    assert texts[0] == "0.3%"  # small shares keep a decimal


def test_no_data_is_a_message_not_an_empty_plot() -> None:
    svg = rot_chart_svg([], "en")
    root = ET.fromstring(svg)
    assert not bars_of(svg)
    assert any("No checked links" in (t.text or "") for t in root.iter(f"{{{NS['s']}}}text"))


def test_ids_are_configurable_and_nothing_external() -> None:
    svg = rot_chart_svg([YearBar(2020, 3, 1)], "en", chart_id="c2")
    root = ET.fromstring(svg)
    assert root.get("aria-labelledby") == "c2-title c2-desc"
    for el in root.iter():
        assert not any(k.endswith("href") for k in el.attrib)  # no links, no images
        assert el.tag.split("}")[1] not in ("script", "style", "image", "foreignObject")
