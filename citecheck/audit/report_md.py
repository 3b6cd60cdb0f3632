"""The audit report in Markdown: for pasting into an issue or a mail, or diffing.

URLs are shown as code, never as live links (they are untrusted text); table
cells are escaped and kept on one line. At most ``max_rows`` rows per section;
the JSON report has every row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Any

from citecheck.audit.report import (
    MAX_ROWS,
    AuditReportData,
    Capped,
    audit_word,
    status_words,
    utc_now,
    window_text,
)
from citecheck.report.labels import report_language

__all__ = ["md", "md_url", "write_markdown"]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md(text: object) -> str:
    """Outside text for a Markdown table cell: markup and pipes escaped, one line."""
    value = " ".join(str(text if text is not None else "").split())
    return _MD_SPECIAL.sub(r"\\\1", value)


def md_url(url: str | None) -> str:
    """A URL as code (never a live link: the text is untrusted), backticks removed."""
    if not url:
        return ""
    return "`" + " ".join(url.replace("`", "%60").split()) + "`"


def _md_articles(articles: list[dict[str, Any]], lang: str) -> str:
    out = []
    for a in articles[:3]:
        notes = ", ".join(str(n) for n in a["notes"])
        title = md(a["title"] or a["url"])
        out.append(f"{title} ({audit_word('note', lang)} {notes})" if notes else title)
    if len(articles) > 3:
        out.append(f"+{len(articles) - 3}")
    return "; ".join(out)


def _md_rows(
    rows: Iterator[dict[str, Any]], max_rows: int, render: Any, lang: str
) -> Iterator[str]:
    capped = Capped(rows, max_rows)
    yield from (render(row) for row in capped)
    if capped.total == 0:
        yield f"\n{audit_word('none', lang)}\n"
    elif capped.more:
        yield f"\n… {capped.more} {audit_word('more', lang)}\n"


def write_markdown(
    data: AuditReportData,
    out: IO[str],
    *,
    lang: str = "en",
    now: str | None = None,
    max_rows: int = MAX_ROWS,
) -> None:
    lang = report_language(lang)
    w = lambda key: audit_word(key, lang)  # noqa: E731
    head = data.header(lang, now or utc_now())
    out.write(f"# {w('title')}\n\n{w('generated')}: {head['generated_at']}  \n")
    out.write(f"{w('database')}: {md_url(head['database'])}  \n")
    run = head["run"]
    if run is None:
        out.write(f"\n{w('no_runs')}\n")
        return
    out.write(f"{w('latest_run')}: #{run['id']} {run['started_at']} ({md(run['state'])})  \n")
    out.write(window_text(data, lang) + "\n\n")
    t = data.totals()
    out.write(f"## {w('summary')}\n\n| | |\n|---|---:|\n")
    for key in ("links", "newly_broken", "dead", "recovered", "failing"):
        name = w("dead") if key == "dead" else w(key if key != "failing" else "state.failing")
        out.write(f"| {md(name)} | {t[key]} |\n")

    def link_row(r: dict[str, Any]) -> str:
        return (
            f"| {md_url(r['url'])} | {md(status_words(r['status'], lang))}"
            f"{' (HTTP ' + str(r['http_status']) + ')' if r['http_status'] else ''} | "
            f"{md((r['first_failed_at'] or '')[:10])} | {_md_articles(r['articles'], lang)} |\n"
        )

    out.write(f"\n## {w('newly_broken')}\n\n{w('newly_broken_help')}\n\n")
    out.write(
        f"| {w('url')} | {w('status')} | {w('since')} | {w('cited_in')} |\n|---|---|---|---|\n"
    )
    out.writelines(_md_rows(data.newly_broken(), max_rows, link_row, lang))

    def dead_row(r: dict[str, Any]) -> str:
        arch = r["archive"]
        copy = md_url(arch["url"]) if arch else md(w("no_archive"))
        return (
            f"| {md_url(r['url'])} | {copy} | {md((r['dead_since'] or '')[:10])} | "
            f"{_md_articles(r['articles'], lang)} |\n"
        )

    out.write(f"\n## {w('dead')}\n\n{w('dead_help')}\n\n")
    out.write(
        f"| {w('url')} | {w('archive')} | {w('dead_since')} | {w('cited_in')} |\n"
        "|---|---|---|---|\n"
    )
    out.writelines(_md_rows(data.confirmed_dead(), max_rows, dead_row, lang))

    def rec_row(r: dict[str, Any]) -> str:
        return (
            f"| {md_url(r['url'])} | {md((r['last_checked_at'] or '')[:10])} | "
            f"{_md_articles(r['articles'], lang)} |\n"
        )

    out.write(f"\n## {w('recovered')}\n\n{w('recovered_help')}\n\n")
    out.write(f"| {w('url')} | {w('checked')} | {w('cited_in')} |\n|---|---|---|\n")
    out.writelines(_md_rows(data.recovered(), max_rows, rec_row, lang))

    def dom_row(r: dict[str, Any]) -> str:
        return (
            f"| {md(r['host'])} | {r['links']} | {r['dead']} | {r['dead_share'] * 100:.1f} | "
            f"{r['failing']} |\n"
        )

    out.write(f"\n## {w('domains')}\n\n")
    out.write(
        f"| {w('host')} | {w('links')} | {w('dead_count')} | {w('dead_pct')} | {w('failing')} |\n"
        "|---|---:|---:|---:|---:|\n"
    )
    out.writelines(_md_rows(data.domains(), max_rows, dom_row, lang))

    out.write(f"\n## {w('by_year')}\n\n{w('by_year_help')}\n\n")
    out.write(
        f"| {w('year')} | {w('articles')} | {w('links')} | {w('dead_count')} | "
        f"{w('dead_pct')} | {w('failing')} |\n|---|---:|---:|---:|---:|---:|\n"
    )

    def year_row(r: dict[str, Any]) -> str:
        year = r["year"] if r["year"] is not None else w("no_date")
        return (
            f"| {year} | {r['articles']} | {r['links']} | {r['dead']} | "
            f"{r['dead_share'] * 100:.1f} | {r['failing']} |\n"
        )

    out.writelines(_md_rows(data.by_year(), max_rows, year_row, lang))
