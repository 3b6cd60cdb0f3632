"""Link rot by publication year as an SVG bar chart (pure: data in, markup out).

One bar per publication year of the citing articles: its height is the share
of that year's links confirmed dead (solid), with the share still failing (not
yet confirmed) stacked above it (hatched-looking lighter colour), the
percentage written above and the year and link count below. Colours always
come with numbers, so the chart reads in greyscale and for colour-blind eyes.

The same markup goes inline into the HTML report (no script, no style element,
no external reference: presentation attributes only, so the report's
Content-Security-Policy needs nothing more) and into a standalone ``.svg``
file (:func:`standalone_svg`). All text is XML-escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

__all__ = ["YearBar", "rot_chart_svg", "standalone_svg"]

# Geometry in SVG user units (CSS pixels at 100 %): fits the report's 56rem column.
WIDTH = 720
HEIGHT = 300
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 36, 52
MAX_BAR = 48  # a bar never gets wider than this, however few years there are
# Dark red for confirmed dead, amber for failing; both pass 3:1 against white.
DEAD_FILL = "#b3261e"
FAILING_FILL = "#e0a100"
AXIS = "#5f6368"
GRID = "#dadce0"
TEXT = "#202124"

_WORDS = {
    "en": {
        "title": "Link rot by publication year",
        "desc": "Share of each year's cited links that are dead (confirmed) or failing",
        "dead": "dead",
        "failing": "failing",
        "links": "links",
        "unknown": "no date",
        "empty": "No checked links yet.",
    },
    "tr": {
        "title": "Yayın yılına göre bağlantı çürümesi",
        "desc": "Her yılın makalelerinde atıf yapılan bağlantıların ölü (kesinleşmiş) "
        "ya da sorunlu olanlarının payı",
        "dead": "ölü",
        "failing": "sorunlu",
        "links": "bağlantı",
        "unknown": "tarihsiz",
        "empty": "Henüz denetlenmiş bağlantı yok.",
    },
}


@dataclass(frozen=True)
class YearBar:
    year: int | None  # publication year of the citing articles; None: undated
    links: int  # links cited by that year's articles
    dead: int  # of which confirmed dead
    failing: int = 0  # of which failing, not yet confirmed

    @property
    def dead_share(self) -> float:
        return self.dead / self.links if self.links else 0.0

    @property
    def failing_share(self) -> float:
        return self.failing / self.links if self.links else 0.0


def _pct(share: float) -> str:
    value = share * 100
    return f"{value:.0f}%" if value >= 10 or value == 0 else f"{value:.1f}%"


def rot_chart_svg(bars: Iterable[YearBar], lang: str = "en", *, chart_id: str = "rot") -> str:
    """The chart as an ``<svg>`` element (no XML declaration): see the module docstring."""
    w = _WORDS.get(lang, _WORDS["en"])
    rows = [b for b in bars if b.links > 0]
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" font-family="sans-serif" font-size="12">'
        f'<title id="{title_id}">{escape(w["title"])}</title>'
        f'<desc id="{desc_id}">{escape(w["desc"])}</desc>'
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>'
        f'<text x="{LEFT}" y="20" font-size="14" font-weight="bold" fill="{TEXT}">'
        f"{escape(w['title'])}</text>"
    )
    if not rows:
        return (
            head + f'<text x="{WIDTH / 2:g}" y="{HEIGHT / 2:g}" text-anchor="middle" '
            f'fill="{AXIS}">{escape(w["empty"])}</text></svg>'
        )
    plot_h = HEIGHT - TOP - BOTTOM
    plot_w = WIDTH - LEFT - RIGHT
    top_share = max(max(b.dead_share + b.failing_share for b in rows), 0.01)
    # The axis runs to the next 10 % above the tallest bar: small shares stay visible.
    scale_max = min(1.0, (int(top_share * 10) + 1) / 10)
    parts = [head, _axis(scale_max, plot_h, plot_w)]
    slot = plot_w / len(rows)
    bar_w = min(MAX_BAR, slot * 0.7)
    for i, bar in enumerate(rows):
        x = LEFT + i * slot + (slot - bar_w) / 2
        parts.append(_bar(bar, x, bar_w, plot_h, scale_max, w))
    parts.append(_legend(w))
    parts.append("</svg>")
    return "".join(parts)


def _y(share: float, plot_h: float, scale_max: float) -> float:
    return TOP + plot_h * (1 - min(share, scale_max) / scale_max)


def _axis(scale_max: float, plot_h: float, plot_w: float) -> str:
    out = []
    for k in range(5):
        share = scale_max * k / 4
        y = _y(share, plot_h, scale_max)
        out.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + plot_w}" y2="{y:.1f}" '
            f'stroke="{GRID if k else AXIS}" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{AXIS}">'
            f"{_pct(share)}</text>"
        )
    return '<g class="axis">' + "".join(out) + "</g>"


def _bar(bar: YearBar, x: float, bar_w: float, plot_h: float, scale_max: float, w: dict) -> str:
    base = TOP + plot_h
    y_dead = _y(bar.dead_share, plot_h, scale_max)
    y_top = _y(bar.dead_share + bar.failing_share, plot_h, scale_max)
    year = str(bar.year) if bar.year is not None else w["unknown"]
    label = (
        f"{year}: {bar.dead}/{bar.links} {w['links']} {w['dead']} ({_pct(bar.dead_share)}), "
        f"{bar.failing} {w['failing']}"
    )
    cx = x + bar_w / 2
    return (
        f'<g class="bar" data-year={quoteattr(year)} data-links="{bar.links}" '
        f'data-dead="{bar.dead}" data-failing="{bar.failing}">'
        f"<title>{escape(label)}</title>"
        f'<rect class="dead" x="{x:.1f}" y="{y_dead:.1f}" width="{bar_w:.1f}" '
        f'height="{base - y_dead:.1f}" fill="{DEAD_FILL}"/>'
        f'<rect class="failing" x="{x:.1f}" y="{y_top:.1f}" width="{bar_w:.1f}" '
        f'height="{y_dead - y_top:.1f}" fill="{FAILING_FILL}"/>'
        f'<text x="{cx:.1f}" y="{y_top - 4:.1f}" text-anchor="middle" fill="{TEXT}">'
        f"{_pct(bar.dead_share)}</text>"
        f'<text x="{cx:.1f}" y="{base + 16:.1f}" text-anchor="middle" fill="{TEXT}">'
        f"{escape(year)}</text>"
        f'<text x="{cx:.1f}" y="{base + 30:.1f}" text-anchor="middle" fill="{AXIS}" '
        f'font-size="10">{bar.links}</text></g>'
    )


def _legend(w: dict) -> str:
    y = HEIGHT - 10
    x = WIDTH - RIGHT - 300
    return (
        f'<g class="legend"><rect x="{x}" y="{y - 9}" width="10" height="10" fill="{DEAD_FILL}"/>'
        f'<text x="{x + 14}" y="{y}" fill="{TEXT}">{escape(w["dead"])}</text>'
        f'<rect x="{x + 80}" y="{y - 9}" width="10" height="10" fill="{FAILING_FILL}"/>'
        f'<text x="{x + 94}" y="{y}" fill="{TEXT}">{escape(w["failing"])}</text>'
        f'<text x="{x + 170}" y="{y}" fill="{AXIS}" font-size="10">'
        f"{escape('(n = ' + w['links'] + ')')}</text></g>"
    )


def standalone_svg(bars: Iterable[YearBar], lang: str = "en") -> str:
    """The chart as a complete SVG file (UTF-8, with its XML declaration)."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + rot_chart_svg(bars, lang) + "\n"
