"""The audit report (``citecheck audit report``): read from the database, no network.

:class:`AuditReportData` reads the store through :mod:`citecheck.audit.queries`
and hands every section out as an iterator of plain dicts, so a report over
100,000 links streams row by row from an SQLite cursor to the output file:

1. **newly broken** since the previous run (or since ``--since DATE``);
2. **confirmed dead** links (N failures over D days), each with the archived
   copy to link instead and the articles citing it;
3. **recovered** links in the same window;
4. a **per-domain** table: which sources rot most (links, dead, dead %);
5. **link rot by publication year** of the citing articles (a table and the
   chart of :mod:`citecheck.audit.chart`).

Writers: :func:`write_json` (the contract: every row), ``report_md.write_markdown``
and ``report_html.write_html``; :func:`write_reports` writes the chosen formats
and the standalone chart into a directory. Markdown and HTML are both drawn
from one section model (:mod:`citecheck.audit.report_sections`: columns and
plain cell values, in the report's language) and show at most ``max_rows``
rows per section (the JSON has all), saying how many more there are.

The JSON report (``schema``: :data:`SCHEMA`)::

    {"schema", "generated_at", "lang", "database",
     "run": {"id", "started_at", "finished_at", "state", ...} | null,
     "window": {"since", "previous_run", "start"},
     "newly_broken": [link], "confirmed_dead": [link + {"archive": {"url", "timestamp"} | null}],
     "recovered": [link], "domains": [{"host", "links", "dead", "failing", "ok",
     "unverified", "unchecked", "dead_share"}], "rot_by_year": [{"year", "articles",
     "links", "dead", "failing", ..., "dead_share"}],
     "summary": {"links", "dead", "failing", "newly_broken", "confirmed_dead",
                 "recovered", "domains"}}

where a link is ``{"url", "host", "state", "status", "http_status", "reason",
"first_failed_at", "dead_since", "last_checked_at", "failed_checks", "articles":
[{"url", "title", "published", "notes", "cited_as"}]}``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from citecheck.audit import queries
from citecheck.audit.chart import YearBar, standalone_svg
from citecheck.audit.store import AuditStore
from citecheck.report.labels import report_language

__all__ = [
    "FORMATS",
    "SCHEMA",
    "AuditReportData",
    "Capped",
    "parse_since",
    "write_json",
    "write_reports",
]

SCHEMA = "citecheck-audit-report/1"
FORMATS = ("html", "json", "md")
# Rows per section in the Markdown and HTML reports: an editor reads a few hundred
# at most; the JSON report carries every row for tools.
MAX_ROWS = 500
# Domains with fewer links say little about a source's habits; they are still
# counted in the JSON (min_links 1 there).
TABLE_MIN_LINKS = 1
_SINCE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?\Z")


def parse_since(value: str | None) -> str | None:
    """``--since DATE`` (YYYY-MM-DD, or with a time) as a stored-time prefix; ValueError if bad."""
    if value is None:
        return None
    text = value.strip()
    if not _SINCE.match(text):
        raise ValueError(f"--since {value!r}: expected a date like 2026-01-31")
    date = text[:10]
    try:
        datetime.strptime(date, "%Y-%m-%d")
    except ValueError as e:
        raise ValueError(f"--since {value!r}: {e}") from e
    if len(text) == 10:
        return date
    rest = text[11:].rstrip("Z")
    return f"{date}T{rest if len(rest) == 8 else rest + ':00'}Z"


def _article(a: queries.ArticleRef) -> dict[str, Any]:
    return {
        "url": a.url,
        "title": a.title,
        "published": a.published,
        "notes": a.notes,
        "cited_as": a.cited_as,
    }


def _link(row: queries.LinkRow, articles: list[queries.ArticleRef]) -> dict[str, Any]:
    return {
        "url": row.url,
        "host": row.host,
        "state": row.state,
        "status": row.last_status,
        "http_status": row.http_status,
        "reason": row.reason,
        "first_failed_at": row.first_failed_at,
        "dead_since": row.dead_since,
        "last_checked_at": row.last_checked_at,
        "failed_checks": row.fail_count,
        "articles": [_article(a) for a in articles],
    }


@dataclass
class Window:
    since: str | None  # --since, as given (normalized)
    previous_run: int | None  # the baseline run when no --since
    start: str | None  # the earliest time of the window (None: all history)


class AuditReportData:
    """The report's sections over one open store (read-only is enough)."""

    def __init__(self, store: AuditStore, *, since: str | None = None) -> None:
        self.store = store
        self.latest = next(queries.runs(store), None)
        since = parse_since(since)
        prev = None
        if since is None and self.latest is not None:
            prev = queries.previous_run(store, self.latest.id)
        self.window = Window(since, prev.id if prev else None, since)
        if since is None and prev is not None:
            self.window.start = prev.finished_at or prev.started_at

    def _span(self) -> dict[str, Any]:
        if self.window.since is not None:
            return {"since": self.window.since}
        return {"since_run": self.window.previous_run}

    def newly_broken(self) -> Iterator[dict[str, Any]]:
        for row in queries.newly_broken(self.store, **self._span()):
            yield _link(row, queries.citing_articles(self.store, row.id))

    def confirmed_dead(self) -> Iterator[dict[str, Any]]:
        for dead in queries.confirmed_dead(self.store):
            item = _link(dead.link, dead.articles)
            item["archive"] = (
                {"url": dead.snapshot_url, "timestamp": dead.snapshot_timestamp}
                if dead.snapshot_url
                else None
            )
            yield item

    def recovered(self) -> Iterator[dict[str, Any]]:
        for row in queries.recovered(self.store, **self._span()):
            yield _link(row, queries.citing_articles(self.store, row.id))

    def domains(self, min_links: int = TABLE_MIN_LINKS) -> Iterator[dict[str, Any]]:
        for d in queries.domain_stats(self.store, min_links=min_links):
            yield {
                "host": d.host,
                "links": d.links,
                "dead": d.dead,
                "failing": d.failing,
                "ok": d.ok,
                "unverified": d.unverified,
                "unchecked": d.unchecked,
                "dead_share": round(d.dead / d.links, 4) if d.links else 0.0,
            }

    def by_year(self) -> Iterator[dict[str, Any]]:
        for y in queries.rot_by_year(self.store):
            yield {
                "year": y.year,
                "articles": y.articles,
                "links": y.links,
                "dead": y.dead,
                "failing": y.failing,
                "ok": y.ok,
                "unverified": y.unverified,
                "unchecked": y.unchecked,
                "dead_share": round(y.dead / y.links, 4) if y.links else 0.0,
            }

    def year_bars(self) -> list[YearBar]:
        """One bar per year: as many as there are years, never per link."""
        return [YearBar(y["year"], y["links"], y["dead"], y["failing"]) for y in self.by_year()]

    def run_info(self) -> dict[str, Any] | None:
        r = self.latest
        if r is None:
            return None
        return {
            "id": r.id,
            "started_at": r.started_at,
            "finished_at": r.finished_at,
            "state": r.state,
            "stop_reason": r.stop_reason,
            "articles_seen": r.articles_seen,
            "links_checked": r.links_checked,
            "links_failed": r.links_failed,
        }

    def totals(self) -> dict[str, int]:
        """Links by state, and the section sizes (a counting pass: nothing kept)."""
        out = {"links": 0, "dead": 0, "failing": 0, "ok": 0, "unverified": 0, "unchecked": 0}
        for d in self.domains():
            for key in out:
                out[key] += d[key]
        # Counting passes over the same queries: nothing is kept.
        out["newly_broken"] = _count(queries.newly_broken(self.store, **self._span()))
        out["recovered"] = _count(queries.recovered(self.store, **self._span()))
        return out

    def header(self, lang: str, now: str) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "generated_at": now,
            "lang": lang,
            "database": str(self.store.path),
            "run": self.run_info(),
            "window": {
                "since": self.window.since,
                "previous_run": self.window.previous_run,
                "start": self.window.start,
            },
        }


class Capped:
    """The first ``max_rows`` of ``rows`` when iterated; afterwards ``total`` says how
    many there were and ``more`` how many were left out (counted, not kept)."""

    def __init__(self, rows: Iterable[dict[str, Any]], max_rows: int) -> None:
        self._rows = rows
        self.max_rows = max_rows
        self.total = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self._rows:
            self.total += 1
            if self.total <= self.max_rows:
                yield row

    @property
    def more(self) -> int:
        return max(0, self.total - self.max_rows)


def _count(rows: Iterable[object]) -> int:
    return sum(1 for _ in rows)


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- JSON ------------------------------------------------------------------------------


def write_json(
    data: AuditReportData, out: IO[str], *, lang: str = "en", now: str | None = None
) -> None:
    """Every row of every section, streamed; ``summary`` (the counts) comes last."""
    head = data.header(report_language(lang), now or utc_now())
    out.write("{\n")
    for key, value in head.items():
        out.write(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n")
    counts: dict[str, int] = {}
    sections = (
        ("newly_broken", data.newly_broken()),
        ("confirmed_dead", data.confirmed_dead()),
        ("recovered", data.recovered()),
        ("domains", data.domains()),
        ("rot_by_year", data.by_year()),
    )
    totals = {"links": 0, "dead": 0, "failing": 0}
    for key, rows in sections:
        out.write(f"{json.dumps(key)}: [")
        n = 0
        for row in rows:
            out.write(("," if n else "") + "\n  " + json.dumps(row, ensure_ascii=False))
            n += 1
            if key == "domains":
                for t in totals:
                    totals[t] += row[t]
        out.write("\n],\n" if n else "],\n")
        counts[key] = n
    summary = {**totals, **{k: counts[k] for k in ("newly_broken", "confirmed_dead", "recovered")}}
    summary["domains"] = counts["domains"]
    out.write(f'"summary": {json.dumps(summary)}\n}}\n')


# --- all formats -------------------------------------------------------------------------


def write_reports(
    store: AuditStore,
    out_dir: str | Path,
    *,
    formats: Iterable[str] = FORMATS,
    since: str | None = None,
    lang: str = "en",
    now: str | None = None,
    stem: str = "audit-report",
) -> list[Path]:
    """Write the report in ``formats`` (html, json, md) and the chart (``<stem>-rot-by-year.svg``)
    into ``out_dir``; returns the paths written. ValueError for an unknown format or a bad date."""
    from citecheck.audit.report_html import write_html
    from citecheck.audit.report_md import write_markdown

    chosen = [f.strip().lower() for f in formats if f.strip()]
    unknown = sorted(set(chosen) - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown report format(s) {', '.join(unknown)}: use {', '.join(FORMATS)}")
    data = AuditReportData(store, since=since)
    now = now or utc_now()
    lang = report_language(lang)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    writers = {"json": write_json, "md": write_markdown, "html": write_html}
    for fmt in dict.fromkeys(chosen):
        path = out / f"{stem}.{fmt}"
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            writers[fmt](data, fh, lang=lang, now=now)
        written.append(path)
    chart = out / f"{stem}-rot-by-year.svg"
    chart.write_text(standalone_svg(data.year_bars(), lang), encoding="utf-8")
    written.append(chart)
    return written
