"""The read API of the audit database, for reports and ``audit status``.

Every function takes an open :class:`~citecheck.audit.store.AuditStore`
(``open_store(path, readonly=True)`` is enough; no lock is needed, WAL lets a
report read while an audit writes) and *yields* rows from a cursor: a report
over 50,000 links never holds them all. Times are ISO 8601 UTC strings.

A link is *failing* after a failed check and *dead* once confirmed (N failures
over at least D days, see :mod:`citecheck.audit.schedule`); ``state`` and
``last_status`` come from the ``links`` table, the history from ``checks``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from citecheck.audit.store import AuditStore

__all__ = [
    "ArticleRef",
    "CheckRow",
    "DeadLink",
    "DomainStats",
    "LinkRow",
    "RunRow",
    "YearRot",
    "citing_articles",
    "confirmed_dead",
    "domain_stats",
    "latest_statuses",
    "link_history",
    "newly_broken",
    "previous_run",
    "recovered",
    "rot_by_year",
    "run",
    "runs",
]


@dataclass
class RunRow:
    id: int
    started_at: str
    finished_at: str | None
    state: str  # running | finished | stopped | interrupted | failed
    articles_seen: int
    articles_fetched: int
    articles_parsed: int
    articles_failed: int
    links_new: int
    links_checked: int
    links_failed: int
    links_dead: int
    links_recovered: int
    stop_reason: str | None


@dataclass
class LinkRow:
    """A link and its latest known status."""

    id: int
    url: str  # normalized
    host: str
    first_seen: str
    state: str  # schedule.LinkState
    last_status: str | None  # codes.LinkStatus of the latest check
    last_checked_at: str | None
    http_status: int | None  # of the latest check
    reason: str | None  # of the latest check
    fail_count: int
    first_failed_at: str | None
    dead_since: str | None
    next_check_at: str


@dataclass
class CheckRow:
    link_id: int
    url: str
    run_id: int
    checked_at: str
    status: str
    http_status: int | None
    final_url: str | None
    reason: str | None
    attempts: int | None
    elapsed_ms: int | None
    state: str  # the link's state after this check
    transition: str | None  # broke | dead | recovered | None


@dataclass
class ArticleRef:
    url: str
    title: str | None
    published: str | None
    notes: list[int]  # note numbers citing the link (empty: bibliography only)
    cited_as: str | None  # the URL as written in the first citing note


@dataclass
class DeadLink:
    link: LinkRow
    snapshot_url: str | None  # the archived copy to link instead
    snapshot_timestamp: str | None
    articles: list[ArticleRef]


@dataclass
class DomainStats:
    host: str
    links: int
    ok: int  # state healthy
    failing: int
    dead: int
    unverified: int  # blocked / not checked only
    unchecked: int  # new


@dataclass
class YearRot:
    year: int | None  # publication year of the citing article (None: unknown)
    articles: int
    links: int  # distinct links cited by that year's articles
    ok: int
    failing: int
    dead: int
    unverified: int
    unchecked: int


_LINK_SELECT = """
SELECT l.id, l.url, l.host, l.first_seen, l.state, l.last_status, l.last_checked_at,
       k.http_status, k.reason, l.fail_count, l.first_failed_at, l.dead_since, l.next_check_at
FROM links l
LEFT JOIN checks k ON k.id = (SELECT id FROM checks WHERE link_id = l.id
                              ORDER BY checked_at DESC, id DESC LIMIT 1)
"""


# Cited now by an article still online: what an editor can still fix.
_CITED = (
    "EXISTS (SELECT 1 FROM citations c JOIN articles a ON a.id = c.article_id"
    " WHERE c.link_id = l.id AND a.gone_at IS NULL)"
)


def _link(r: sqlite3.Row) -> LinkRow:
    return LinkRow(*tuple(r))


# -- runs -------------------------------------------------------------------------------

_RUN_COLUMNS = (
    "id, started_at, finished_at, state, articles_seen, articles_fetched, articles_parsed, "
    "articles_failed, links_new, links_checked, links_failed, links_dead, links_recovered, "
    "stop_reason"
)


def runs(store: AuditStore) -> Iterator[RunRow]:
    """Every run, newest first."""
    for r in store.conn.execute(f"SELECT {_RUN_COLUMNS} FROM runs ORDER BY id DESC"):
        yield RunRow(*tuple(r))


def run(store: AuditStore, run_id: int) -> RunRow | None:
    r = store.conn.execute(f"SELECT {_RUN_COLUMNS} FROM runs WHERE id = ?", (run_id,)).fetchone()
    return RunRow(*tuple(r)) if r else None


def previous_run(store: AuditStore, before: int | None = None) -> RunRow | None:
    """The latest run that checked something before run ``before`` (default: the
    latest run): the baseline of "newly broken since the previous run"."""
    r = store.conn.execute(
        f"SELECT {_RUN_COLUMNS} FROM runs WHERE id < coalesce(?, (SELECT max(id) FROM runs))"
        " AND state != 'running' ORDER BY id DESC LIMIT 1",
        (before,),
    ).fetchone()
    return RunRow(*tuple(r)) if r else None


# -- links ------------------------------------------------------------------------------


def latest_statuses(store: AuditStore, *, state: str | None = None) -> Iterator[LinkRow]:
    """Every link (cited by any article, ever) with its latest status, by id."""
    where = "WHERE l.state = ?" if state else ""
    params = (state,) if state else ()
    for r in store.conn.execute(f"{_LINK_SELECT} {where} ORDER BY l.id", params):
        yield _link(r)


def link_history(
    store: AuditStore, *, link_id: int | None = None, url: str | None = None
) -> Iterator[CheckRow]:
    """Checks in time order: of one link (by id or normalized URL), or of all links."""
    clauses, params = [], []
    if link_id is not None:
        clauses.append("k.link_id = ?")
        params.append(link_id)
    if url is not None:
        clauses.append("l.url = ?")
        params.append(url)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (
        "SELECT k.link_id, l.url, k.run_id, k.checked_at, k.status, k.http_status, k.final_url,"
        " k.reason, k.attempts, k.elapsed_ms, k.state, k.transition"
        f" FROM checks k JOIN links l ON l.id = k.link_id {where}"
        " ORDER BY k.link_id, k.checked_at, k.id"
    )
    for r in store.conn.execute(sql, params):
        yield CheckRow(*tuple(r))


def _window(store: AuditStore, since_run: int | None, since: str | None) -> str:
    """The start of a reporting window: after run ``since_run`` started, or ``since``."""
    if since is not None:
        return since
    if since_run is not None:
        r = store.conn.execute("SELECT started_at FROM runs WHERE id = ?", (since_run + 1,))
        row = r.fetchone()
        if row is None:  # no later run: from the end of that run
            row = store.conn.execute(
                "SELECT coalesce(finished_at, started_at) FROM runs WHERE id = ?", (since_run,)
            ).fetchone()
        return row[0] if row else "9999"
    return ""  # from the beginning


def newly_broken(
    store: AuditStore, *, since_run: int | None = None, since: str | None = None
) -> Iterator[LinkRow]:
    """Links still cited, failing (or dead) now, whose current run of failures began after run
    ``since_run`` (i.e. in later runs) or at/after ``since`` (ISO date or time)."""
    start = _window(store, since_run, since)
    sql = (
        f"{_LINK_SELECT} WHERE l.state IN ('failing', 'dead') AND l.first_failed_at >= ?"
        f" AND {_CITED}"
    )
    for r in store.conn.execute(sql + " ORDER BY l.first_failed_at, l.id", (start,)):
        yield _link(r)


def recovered(
    store: AuditStore, *, since_run: int | None = None, since: str | None = None
) -> Iterator[LinkRow]:
    """Links whose latest recovery (success after failures) lies in the window and
    that are still healthy."""
    start = _window(store, since_run, since)
    sql = (
        f"{_LINK_SELECT} WHERE l.state = 'healthy' AND EXISTS (SELECT 1 FROM checks r"
        " WHERE r.link_id = l.id AND r.transition = 'recovered' AND r.checked_at >= ?)"
        f" AND {_CITED} ORDER BY l.id"
    )
    for r in store.conn.execute(sql, (start,)):
        yield _link(r)


def citing_articles(store: AuditStore, link_id: int) -> list[ArticleRef]:
    """The articles citing a link now (a link has few: a list is fine)."""
    rows = store.conn.execute(
        "SELECT a.url, a.title, a.published, group_concat(c.note), min(c.url)"
        " FROM citations c JOIN articles a ON a.id = c.article_id"
        " WHERE c.link_id = ? AND a.gone_at IS NULL GROUP BY a.id ORDER BY a.published, a.url",
        (link_id,),
    ).fetchall()
    out = []
    for url, title, published, notes, cited in rows:
        numbers = sorted({int(n) for n in (notes or "").split(",") if n})
        out.append(ArticleRef(url, title, published, numbers, cited))
    return out


def confirmed_dead(store: AuditStore) -> Iterator[DeadLink]:
    """Dead links (confirmed) still cited, longest dead first, with the archived copy to use."""
    sql = (
        "SELECT l.id, s.snapshot_url, s.timestamp FROM links l"
        " LEFT JOIN archive_suggestions s ON s.link_id = l.id"
        f" WHERE l.state = 'dead' AND {_CITED} ORDER BY l.dead_since, l.id"
    )
    for link_id, snap, ts in store.iter_rows(sql):
        row = store.conn.execute(f"{_LINK_SELECT} WHERE l.id = ?", (link_id,)).fetchone()
        yield DeadLink(_link(row), snap, ts, citing_articles(store, link_id))


# -- aggregates -------------------------------------------------------------------------

_STATE_SUMS = (
    "sum(l.state = 'healthy'), sum(l.state = 'failing'), sum(l.state = 'dead'),"
    " sum(l.state = 'unverified'), sum(l.state = 'new')"
)


def domain_stats(store: AuditStore, *, min_links: int = 1) -> Iterator[DomainStats]:
    """Per source host: how many links, how many rot; most dead+failing first."""
    sql = (
        f"SELECT l.host, count(*), {_STATE_SUMS} FROM links l"
        f" WHERE {_CITED} GROUP BY l.host HAVING count(*) >= ?"
        " ORDER BY sum(l.state IN ('dead', 'failing')) DESC, count(*) DESC, l.host"
    )
    for r in store.conn.execute(sql, (min_links,)):
        yield DomainStats(*tuple(r))


def rot_by_year(store: AuditStore) -> Iterator[YearRot]:
    """Per publication year of the citing articles: links and their states (a link
    cited from articles of two years counts in both)."""
    sql = (
        "WITH pairs AS (SELECT DISTINCT a.published_year AS year, c.link_id"
        "   FROM citations c JOIN articles a ON a.id = c.article_id"
        "   WHERE c.link_id IS NOT NULL AND a.gone_at IS NULL),"
        " arts AS (SELECT published_year AS year, count(*) AS n FROM articles"
        "   WHERE gone_at IS NULL GROUP BY published_year)"
        f" SELECT p.year, coalesce(max(arts.n), 0), count(*), {_STATE_SUMS}"
        " FROM pairs p JOIN links l ON l.id = p.link_id"
        " LEFT JOIN arts ON arts.year IS p.year"
        " GROUP BY p.year ORDER BY p.year IS NULL, p.year"
    )
    for r in store.conn.execute(sql):
        yield YearRot(*tuple(r))
