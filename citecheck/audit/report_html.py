"""The audit report as one self-contained HTML page, streamed to a file.

Same lock-down as the check report (report/html.py): the CSS is inline
(templates/report.css plus a few audit rules) and allowed by its hash, there
is no script, the Content-Security-Policy forbids loading anything, and the
rot-by-year chart is an inline SVG using presentation attributes only. Every
URL, title and reason from the database is outside text and goes through
report.html_base (escaping, bidi controls shown, only http(s) as links).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from typing import IO, Any

from citecheck.audit.chart import rot_chart_svg
from citecheck.audit.report import (
    MAX_ROWS,
    AuditReportData,
    Capped,
    audit_word,
    status_words,
    utc_now,
    window_text,
)
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
table.rows td.n, table.rows th.n { text-align: right; font-variant-numeric: tabular-nums; }
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


def _rows(
    rows: Iterator[dict[str, Any]], cols: int, max_rows: int, render: Callable, lang: str
) -> Iterator[str]:
    capped = Capped(rows, max_rows)
    yield from (render(row) for row in capped)
    if capped.total == 0:
        yield f'<tr><td colspan="{cols}" class="more">{text(audit_word("none", lang))}</td></tr>'
    elif capped.more:
        more = f"… {capped.more} {audit_word('more', lang)}"
        yield f'<tr><td colspan="{cols}" class="more">{text(more)}</td></tr>'


def _cites(articles: list[dict[str, Any]], lang: str) -> str:
    items = []
    for a in articles[:5]:
        notes = ", ".join(str(n) for n in a["notes"])
        what = link(a["url"], a["title"] or a["url"])
        if notes:
            what += f' <span class="muted">({text(audit_word("note", lang))} {text(notes)})</span>'
        items.append(f"<li>{what}</li>")
    if len(articles) > 5:
        items.append(f'<li class="muted">+{len(articles) - 5}</li>')
    return f'<ul class="cites">{"".join(items)}</ul>' if items else ""


def _status(row: dict[str, Any], lang: str) -> str:
    words = status_words(row["status"], lang)
    code = f" (HTTP {int(row['http_status'])})" if row.get("http_status") else ""
    return f'<span class="st s-{class_word(row["state"])}">{text(words + code)}</span>'


def _table(head: list[tuple[str, bool]], body: Iterator[str]) -> Iterator[str]:
    cells = "".join(f'<th scope="col"{" class=n" if num else ""}>{text(h)}</th>' for h, num in head)
    yield f'<table class="rows"><thead><tr>{cells}</tr></thead><tbody>'
    yield from body
    yield "</tbody></table>"


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
    w = lambda key: audit_word(key, lang)  # noqa: E731
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
        meta.append(f"<span>{text(window_text(data, lang))}</span>")
    yield f'<p class="meta">{"".join(meta)}</p></header>\n'
    if run is None:
        yield f'<p class="banner s-warn">{text(w("no_runs"))}</p></div></body></html>\n'
        return
    yield _summary(data, lang)
    yield from _section_broken(data, lang, max_rows)
    yield from _section_dead(data, lang, max_rows)
    yield from _section_recovered(data, lang, max_rows)
    yield from _section_domains(data, lang, max_rows)
    yield from _section_years(data, lang)
    yield "</div>\n</body>\n</html>\n"


def _summary(data: AuditReportData, lang: str) -> str:
    t = data.totals()
    level = "s-fail" if t["newly_broken"] or t["dead"] else "s-pass"
    rows = (
        ("links", t["links"]),
        ("newly_broken", t["newly_broken"]),
        ("dead", t["dead"]),
        ("recovered", t["recovered"]),
        ("state.failing", t["failing"]),
    )
    cells = "".join(
        f"<tr><td>{text(audit_word(k, lang))}</td>"
        f'<td class="n" data-count="{attr(k)}">{v}</td></tr>'
        for k, v in rows
    )
    return (
        f'<section class="banner {level}" id="summary"><h2>{text(audit_word("summary", lang))}'
        f'</h2><div class="box"><table>{cells}</table></div></section>\n'
    )


def _section_broken(data: AuditReportData, lang: str, max_rows: int) -> Iterator[str]:
    w = lambda key: audit_word(key, lang)  # noqa: E731
    yield f'<section id="newly-broken"><h2>{text(w("newly_broken"))}</h2>'
    yield f'<p class="hint">{text(w("newly_broken_help"))}</p>'

    def row(r: dict[str, Any]) -> str:
        since = date_words((r["first_failed_at"] or "")[:10], lang)
        return (
            f'<tr><td class="url">{link(r["url"])}</td><td>{_status(r, lang)}</td>'
            f"<td>{text(since)}</td><td>{_cites(r['articles'], lang)}</td></tr>"
        )

    head = [(w("url"), False), (w("status"), False), (w("since"), False), (w("cited_in"), False)]
    yield from _table(head, _rows(data.newly_broken(), 4, max_rows, row, lang))
    yield "</section>\n"


def _section_dead(data: AuditReportData, lang: str, max_rows: int) -> Iterator[str]:
    w = lambda key: audit_word(key, lang)  # noqa: E731
    yield f'<section id="dead"><h2>{text(w("dead"))}</h2>'
    yield f'<p class="hint">{text(w("dead_help"))}</p>'

    def row(r: dict[str, Any]) -> str:
        arch = r["archive"]
        if arch:
            when = date_words(arch["timestamp"] or "", lang)
            copy = link(arch["url"], f"{w('archive')} ({when})" if when else None)
        else:
            copy = f'<span class="muted">{text(w("no_archive"))}</span>'
        since = date_words((r["dead_since"] or "")[:10], lang)
        return (
            f'<tr><td class="url">{link(r["url"])}<br>{_status(r, lang)}</td><td>{copy}</td>'
            f"<td>{text(since)}</td><td>{_cites(r['articles'], lang)}</td></tr>"
        )

    head = [(w("url"), False), (w("archive"), False), (w("dead_since"), False)]
    head.append((w("cited_in"), False))
    yield from _table(head, _rows(data.confirmed_dead(), 4, max_rows, row, lang))
    yield "</section>\n"


def _section_recovered(data: AuditReportData, lang: str, max_rows: int) -> Iterator[str]:
    w = lambda key: audit_word(key, lang)  # noqa: E731
    yield f'<section id="recovered"><h2>{text(w("recovered"))}</h2>'
    yield f'<p class="hint">{text(w("recovered_help"))}</p>'

    def row(r: dict[str, Any]) -> str:
        when = date_words((r["last_checked_at"] or "")[:10], lang)
        return (
            f'<tr><td class="url">{link(r["url"])}</td><td>{text(when)}</td>'
            f"<td>{_cites(r['articles'], lang)}</td></tr>"
        )

    head = [(w("url"), False), (w("checked"), False), (w("cited_in"), False)]
    yield from _table(head, _rows(data.recovered(), 3, max_rows, row, lang))
    yield "</section>\n"


def _section_domains(data: AuditReportData, lang: str, max_rows: int) -> Iterator[str]:
    w = lambda key: audit_word(key, lang)  # noqa: E731
    yield f'<section id="domains"><h2>{text(w("domains"))}</h2>'

    def row(r: dict[str, Any]) -> str:
        return (
            f"<tr><td>{text(r['host'])}</td><td class=n>{r['links']}</td>"
            f"<td class=n>{r['dead']}</td><td class=n>{r['dead_share'] * 100:.1f}</td>"
            f"<td class=n>{r['failing']}</td></tr>"
        )

    head = [(w("host"), False), (w("links"), True), (w("dead_count"), True)]
    head += [(w("dead_pct"), True), (w("failing"), True)]
    yield from _table(head, _rows(data.domains(), 5, max_rows, row, lang))
    yield "</section>\n"


def _section_years(data: AuditReportData, lang: str) -> Iterator[str]:
    w = lambda key: audit_word(key, lang)  # noqa: E731
    bars = data.year_bars()
    yield f'<section id="by-year"><h2>{text(w("by_year"))}</h2>'
    yield f'<p class="hint">{text(w("by_year_help"))}</p>'
    yield f'<figure class="chart">{rot_chart_svg(bars, lang)}</figure>'

    def row(r: dict[str, Any]) -> str:
        year = str(r["year"]) if r["year"] is not None else w("no_date")
        return (
            f"<tr><td>{text(year)}</td><td class=n>{r['articles']}</td><td class=n>{r['links']}"
            f"</td><td class=n>{r['dead']}</td><td class=n>{r['dead_share'] * 100:.1f}</td>"
            f"<td class=n>{r['failing']}</td></tr>"
        )

    head = [(w("year"), False), (w("articles"), True), (w("links"), True)]
    head += [(w("dead_count"), True), (w("dead_pct"), True), (w("failing"), True)]
    yield from _table(head, _rows(data.by_year(), 6, 10_000, row, lang))
    yield "</section>\n"
