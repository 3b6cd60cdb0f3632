"""The audit report as one self-contained HTML page, streamed to a file.

Same lock-down as the check report (report/html.py): the CSS is inline
(templates/report.css plus a few audit rules) and allowed by its hash, there
is no script, the Content-Security-Policy forbids loading anything, and the
rot-by-year chart is an inline SVG using presentation attributes only. Every
URL, title and reason from the database is outside text and goes through
report.html_base (escaping, bidi controls shown, only http(s) as links).
The sections come from :mod:`citecheck.audit.report_sections`, the same model
as the Markdown report; this module only formats a section generically.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import IO

from citecheck.audit import report_sections as rs
from citecheck.audit.chart import rot_chart_svg
from citecheck.audit.report import MAX_ROWS, AuditReportData, Capped, utc_now
from citecheck.report.html_base import attr, class_word, date_words, link, text
from citecheck.report.labels import report_language

__all__ = ["write_html"]

_CSP = (
    "default-src 'none'; style-src '{style}'; script-src 'none'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
_AUDIT_CSS = """
/* audit report */
table.rows { width: 100%; border-collapse: collapse; background: var(--card); font-size: .93rem; }
table.rows th, table.rows td {
  border-bottom: 1px solid var(--line); padding: .4rem .5rem; text-align: left; vertical-align: top;
}
table.rows th { background: var(--none-bg); font-weight: 600; }
table.rows td.num, table.rows th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.rows td.url { overflow-wrap: anywhere; max-width: 26rem; }
.st { font-weight: 600; }
.st.s-dead, .st.s-failing { color: var(--fail); }
.st.s-healthy { color: var(--ok); }
.more { color: var(--muted); font-style: italic; }
.chart { margin: 1rem 0; overflow-x: auto; }
.chart svg { max-width: 100%; height: auto; }
ul.cites { margin: 0; padding-left: 1.1rem; }
"""


@cache
def _css() -> str:
    base = (resources.files("citecheck.report") / "templates" / "report.css").read_text("utf-8")
    return base + _AUDIT_CSS


def write_html(
    data: AuditReportData,
    out: IO[str],
    *,
    lang: str = "en",
    now: str | None = None,
    max_rows: int = MAX_ROWS,
) -> None:
    """Write the HTML report to ``out`` (a text file), section by section."""
    lang = report_language(lang)
    for chunk in _page(data, lang, now or utc_now(), max_rows):
        out.write(chunk)


def _page(data: AuditReportData, lang: str, now: str, max_rows: int) -> Iterator[str]:
    w = lambda key: rs.audit_word(key, lang)  # noqa: E731
    css = _css()
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode()
    head = data.header(lang, now)
    yield (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" '
        f'content="{_CSP.format(style="sha256-" + digest)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light">\n<link rel="icon" href="data:,">\n'
        f"<title>{text(w('title'))}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        '<div class="page">\n'
        f'<header><p class="kicker">{text(w("title"))}</p>'
        f"<h1>{text(w('title'))}</h1>"
    )
    run = head["run"]
    meta = [
        f"<span>{text(w('generated'))}: {text(date_words(now[:10], lang))}</span>",
        f"<span>{text(w('database'))}: <code>{text(head['database'])}</code></span>",
    ]
    if run is not None:
        started = date_words(run["started_at"][:10], lang)
        meta.append(f"<span>{text(w('latest_run'))}: #{int(run['id'])}, {text(started)}</span>")
        meta.append(f"<span>{text(rs.window_text(data, lang))}</span>")
    yield f'<p class="meta">{"".join(meta)}</p></header>\n'
    if run is None:
        yield f'<p class="banner s-warn">{text(w("no_runs"))}</p></div></body></html>\n'
        return
    yield _summary(rs.build_summary(data, lang))
    for section in rs.build_sections(data, lang):
        yield from _section(section, lang, max_rows)
    yield "</div>\n</body>\n</html>\n"


def _summary(summary: rs.Summary) -> str:
    level = "s-fail" if summary.alarm else "s-pass"
    cells = "".join(
        f'<tr><td>{text(name)}</td><td class="n" data-count="{attr(key)}">{int(count)}</td></tr>'
        for key, name, count in summary.rows
    )
    return (
        f'<section class="banner {level}" id="summary"><h2>{text(summary.title)}'
        f'</h2><div class="box"><table>{cells}</table></div></section>\n'
    )


def _section(section: rs.Section, lang: str, max_rows: int) -> Iterator[str]:
    """One section as a table: every cell escaped, one row at a time."""
    yield f'<section id="{attr(section.key)}"><h2>{text(section.title)}</h2>'
    if section.help:
        yield f'<p class="hint">{text(section.help)}</p>'
    if section.chart is not None:
        yield f'<figure class="chart">{rot_chart_svg(section.chart, lang)}</figure>'
    cols = section.columns
    heads = "".join(
        f'<th scope="col"{_class(c) if c.kind == "num" else ""}>{text(c.title)}</th>' for c in cols
    )
    yield f'<table class="rows"><thead><tr>{heads}</tr></thead><tbody>'
    capped = Capped(section.rows, max_rows)
    for row in capped:
        cells = "".join(
            f"<td{_class(c)}>{_cell(v, c, lang)}</td>" for c, v in zip(cols, row, strict=True)
        )
        yield f"<tr>{cells}</tr>"
    note = section.empty if capped.total == 0 else rs.more_text(capped.more, lang)
    if capped.total == 0 or capped.more:
        yield f'<tr><td colspan="{len(cols)}" class="more">{text(note)}</td></tr>'
    yield "</tbody></table></section>\n"


def _class(column: rs.Column) -> str:
    return f' class="{column.kind}"' if column.kind in ("num", "url") else ""


def _cell(value: rs.Cell, column: rs.Column, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, rs.Link):
        shown = value.label
        if shown is not None and value.date:
            shown = f"{shown} ({date_words(value.date, lang)})"
        return link(value.url, shown)
    if isinstance(value, rs.Status):
        return f'<span class="st s-{class_word(value.state)}">{text(value.words)}</span>'
    if isinstance(value, rs.Cites):
        return _cites(value)
    if isinstance(value, rs.Absent):
        return f'<span class="muted">{text(value.text)}</span>'
    if column.kind == "date":
        return text(date_words(str(value)[:10], lang))
    return text(value)


def _cites(cites: rs.Cites) -> str:
    items = []
    for c in cites.shown:
        what = link(c.url, c.title or c.url)
        if c.note:
            what += f' <span class="muted">({text(c.note)})</span>'
        items.append(f"<li>{what}</li>")
    if cites.more:
        items.append(f'<li class="muted">+{cites.more}</li>')
    return f'<ul class="cites">{"".join(items)}</ul>' if items else ""
