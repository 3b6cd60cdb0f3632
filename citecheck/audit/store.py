"""The audit's SQLite database: opening it safely, and every write an audit makes.

:func:`open_store` refuses, with an :class:`AuditStoreError` (exit 2), any file
that is not ours: not SQLite at all (garbage, a truncated file), SQLite written
by another program (``application_id`` differs, or tables without it), or a
schema from a newer citecheck. It never writes to such a file. A new or empty
file gets the schema (:mod:`citecheck.audit.migrations`).

Connections run in WAL mode (reports read while an audit writes), with foreign
keys on and ``synchronous=NORMAL``: a committed transaction survives the
process being killed (it is in the WAL, in the OS's hands); only a power cut
may lose the last few, never corrupt the file.

Every write is one small transaction: a check is stored together with its
link's schedule update, so a kill at any moment loses at most the checks still
in flight and a rerun never records one twice (``UNIQUE (run_id, link_id)``).
The read API for reports lives in :mod:`citecheck.audit.queries`.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from citecheck.audit.dbfile import check_header, check_identity, connect, default_db_path, refuse
from citecheck.audit.migrations import MIGRATIONS, AuditStoreError, migrate
from citecheck.audit.schedule import LinkSchedule, Outcome, format_time, parse_time
from citecheck.model import ArchiveSnapshot, LinkCheck

__all__ = [
    "ArticleRecord",
    "AuditStore",
    "AuditStoreError",
    "CitationRecord",
    "DueLink",
    "default_db_path",
    "open_store",
]


def open_store(
    path: str | os.PathLike[str] | None = None, *, readonly: bool = False, now: str | None = None
) -> AuditStore:
    """Open (creating or migrating unless ``readonly``) the audit database at ``path``."""
    db = Path(path) if path is not None else default_db_path()
    if readonly and not db.exists():
        raise AuditStoreError(f"{db}: no audit database here yet (run `citecheck audit run`)")
    if db.is_dir():
        raise AuditStoreError(f"{db}: is a directory; --db names the database file")
    if db.exists():
        check_header(db)
    elif not readonly:
        try:
            db.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AuditStoreError(f"{db.parent}: cannot create ({exc.strerror or exc})") from exc
    try:
        conn = connect(db, readonly)
    except sqlite3.Error as exc:
        raise AuditStoreError(f"{db}: cannot open the audit database ({exc})") from exc
    try:
        check_identity(conn, db)
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            migrate(conn, now or format_time(datetime.now().astimezone()))
        elif conn.execute("PRAGMA user_version").fetchone()[0] < len(MIGRATIONS):
            raise AuditStoreError(f"{db}: written by an older citecheck; run an audit to upgrade")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise refuse(db, f"cannot be read as a database ({exc})") from exc
    except BaseException:
        conn.close()
        raise
    conn.row_factory = sqlite3.Row
    return AuditStore(conn, db)


@dataclass
class ArticleRecord:
    id: int
    url: str
    content_hash: str | None
    last_fetched: datetime | None
    gone: bool


@dataclass
class CitationRecord:
    """One URL of one note of an article, as stored."""

    url: str  # as cited
    normalized_url: str
    host: str
    note: int | None
    doi: str | None = None
    accessed: str | None = None


@dataclass
class DueLink:
    id: int
    url: str  # normalized
    schedule: LinkSchedule


class AuditStore:
    """An open audit database: the writes of an audit (reads: ``queries``)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> AuditStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _tx(self) -> _Transaction:
        return _Transaction(self.conn)

    # -- runs -----------------------------------------------------------------

    def interrupt_stale_runs(self, now: str) -> int:
        """Mark runs left 'running' as 'interrupted'. Call only while holding the lock:
        then no live process can own them."""
        with self._tx():
            cur = self.conn.execute(
                "UPDATE runs SET state = 'interrupted', finished_at = ?, "
                "stop_reason = coalesce(stop_reason, 'the process died') WHERE state = 'running'",
                (now,),
            )
        return cur.rowcount

    def begin_run(self, now: str, settings: dict[str, object]) -> int:
        with self._tx():
            cur = self.conn.execute(
                "INSERT INTO runs (started_at, state, pid, hostname, settings) "
                "VALUES (?, 'running', ?, ?, ?)",
                (now, os.getpid(), socket.gethostname(), json.dumps(settings, default=str)),
            )
        return int(cur.lastrowid or 0)

    def update_run(self, run_id: int, **counts: object) -> None:
        """Set counters / state / finished_at / stop_reason of a run."""
        if not counts:
            return
        columns = ", ".join(f"{name} = ?" for name in counts)
        with self._tx():
            self.conn.execute(f"UPDATE runs SET {columns} WHERE id = ?", (*counts.values(), run_id))

    # -- articles and citations -------------------------------------------------

    def site_id(self, host: str, now: str) -> int:
        with self._tx():
            self.conn.execute(
                "INSERT OR IGNORE INTO sites (host, added_at) VALUES (?, ?)", (host, now)
            )
            return int(
                self.conn.execute("SELECT id FROM sites WHERE host = ?", (host,)).fetchone()[0]
            )

    def article(self, url: str) -> ArticleRecord | None:
        row = self.conn.execute(
            "SELECT id, url, content_hash, last_fetched, gone_at FROM articles WHERE url = ?",
            (url,),
        ).fetchone()
        if row is None:
            return None
        return ArticleRecord(
            row["id"], row["url"], row["content_hash"], parse_time(row["last_fetched"]),
            row["gone_at"] is not None,
        )  # fmt: skip

    def ensure_article(self, url: str, site_id: int | None, now: str) -> int:
        """The article's id, created (never fetched yet) when new."""
        with self._tx():
            self.conn.execute(
                "INSERT INTO articles (url, site_id, first_seen) VALUES (?, ?, ?) "
                "ON CONFLICT (url) DO NOTHING",
                (url, site_id, now),
            )
            row = self.conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
        return int(row[0])

    def record_fetch(
        self,
        article_id: int,
        now: str,
        *,
        status: int | None,
        error: str | None,
        gone: bool = False,
    ) -> None:
        """A fetch that changed nothing stored: unchanged content, or a failure (the
        citations stay as they were; a 404/410 marks the article gone)."""
        with self._tx():
            self.conn.execute(
                "UPDATE articles SET last_fetched = ?, fetch_status = ?, fetch_error = ?, "
                "gone_at = CASE WHEN ? THEN coalesce(gone_at, ?) END WHERE id = ?",
                (now, status, error, gone, now, article_id),
            )

    def replace_citations(
        self,
        article_id: int,
        *,
        content_hash: str,
        title: str | None,
        published: str | None,
        status: int | None,
        citations: list[CitationRecord],
        run_id: int,
        now: str,
    ) -> int:
        """Store a (re-)parsed article: the fetch, its fields and citations, all in one
        transaction — a kill before the commit leaves the article due again.

        Links new to the database are created due at once; returns how many.
        """
        year = int(published[:4]) if published and published[:4].isdecimal() else None
        new_links = 0
        with self._tx():
            self.conn.execute(
                "UPDATE articles SET content_hash = ?, title = ?, published = ?,"
                " published_year = ?, last_parsed = ?, last_fetched = ?, fetch_status = ?,"
                " fetch_error = NULL, gone_at = NULL WHERE id = ?",
                (content_hash, title, published, year, now, now, status, article_id),
            )
            self.conn.execute("DELETE FROM citations WHERE article_id = ?", (article_id,))
            for c in citations:
                cur = self.conn.execute(
                    "INSERT INTO links (url, host, first_seen, first_run_id, next_check_at) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING",
                    (c.normalized_url, c.host, now, run_id, now),
                )
                new_links += cur.rowcount
                self.conn.execute(
                    "INSERT INTO citations (article_id, note, url, doi, accessed, link_id) "
                    "SELECT ?, ?, ?, ?, ?, id FROM links WHERE url = ?",
                    (article_id, c.note, c.url, c.doi, c.accessed, c.normalized_url),
                )
        return new_links

    # -- links and checks ---------------------------------------------------------

    def due_links(self, now: str, *, after_id: int = 0, limit: int = 1000) -> list[DueLink]:
        """One batch of links due at ``now`` and cited by a live article, by id after ``after_id``.

        Keyset paging: a checked link is no longer due, and later batches start
        after the last id, so a run streams through any number of links.
        """
        rows = self.conn.execute(
            """SELECT l.id, l.url, l.state, l.ok_streak, l.fail_count, l.first_failed_at,
                      l.last_failed_at, l.dead_since
               FROM links l
               WHERE l.next_check_at <= ? AND l.id > ?
                 AND EXISTS (SELECT 1 FROM citations c JOIN articles a ON a.id = c.article_id
                             WHERE c.link_id = l.id AND a.gone_at IS NULL)
               ORDER BY l.id LIMIT ?""",
            (now, after_id, limit),
        ).fetchall()
        return [DueLink(r["id"], r["url"], _schedule(r)) for r in rows]

    def record_check(self, run_id: int, link_id: int, check: LinkCheck, outcome: Outcome) -> bool:
        """Store one check with the link's new schedule, atomically; False if this run
        already recorded the link (a duplicate is never written)."""
        s = outcome.schedule
        checked_at = check.checked_at or format_time(datetime.now().astimezone())
        with self._tx():
            cur = self.conn.execute(
                "INSERT INTO checks (run_id, link_id, checked_at, status, http_status, final_url,"
                " reason, attempts, elapsed_ms, state, transition)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (
                    run_id, link_id, checked_at, check.status, check.http_status,
                    check.final_url, check.reason, check.attempts, check.elapsed_ms,
                    s.state, outcome.transition,
                ),
            )  # fmt: skip
            if cur.rowcount == 0:
                return False
            self.conn.execute(
                "UPDATE links SET state = ?, next_check_at = ?, last_checked_at = ?,"
                " last_status = ?, ok_streak = ?, fail_count = ?, first_failed_at = ?,"
                " last_failed_at = ?, dead_since = ? WHERE id = ?",
                (
                    s.state, format_time(outcome.next_check_at), checked_at, check.status,
                    s.ok_streak, s.fail_count, _t(s.first_failed_at), _t(s.last_failed_at),
                    _t(s.dead_since), link_id,
                ),
            )  # fmt: skip
        return True

    def needing_archive(
        self, retry_before: str, *, limit: int = 200
    ) -> list[tuple[int, str, str | None, str | None]]:
        """Dead links to look up in the archive: (id, url, earliest access date, earliest
        article date). Those never looked up, and those whose last lookup found
        nothing before ``retry_before`` (the archive may have been down, or has a
        capture now). A separate step, so a kill between check and lookup only
        delays the lookup to the next run."""
        rows = self.conn.execute(
            """SELECT l.id, l.url,
                      (SELECT min(c.accessed) FROM citations c WHERE c.link_id = l.id),
                      (SELECT min(a.published) FROM citations c JOIN articles a
                         ON a.id = c.article_id WHERE c.link_id = l.id)
               FROM links l
               WHERE l.state = 'dead' AND (l.archive_looked_up_at IS NULL
                     OR (l.archive_looked_up_at < ? AND NOT EXISTS
                         (SELECT 1 FROM archive_suggestions s WHERE s.link_id = l.id)))
               ORDER BY l.id LIMIT ?""",
            (retry_before, limit),
        ).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def record_archive(
        self, link_id: int, snapshot: ArchiveSnapshot | None, run_id: int, now: str
    ) -> None:
        with self._tx():
            if snapshot is not None:
                self.conn.execute(
                    "INSERT INTO archive_suggestions"
                    " (link_id, snapshot_url, timestamp, source, found_at, run_id)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (link_id) DO UPDATE SET"
                    " snapshot_url = excluded.snapshot_url, timestamp = excluded.timestamp,"
                    " source = excluded.source, found_at = excluded.found_at,"
                    " run_id = excluded.run_id",
                    (link_id, snapshot.url, snapshot.timestamp, snapshot.source, now, run_id),
                )
            self.conn.execute(
                "UPDATE links SET archive_looked_up_at = ? WHERE id = ?", (now, link_id)
            )

    def counts(self) -> dict[str, int]:
        """Rows per table (for ``audit status`` and tests)."""
        names = ("sites", "articles", "citations", "links", "checks", "archive_suggestions", "runs")
        return {n: int(self.conn.execute(f"SELECT count(*) FROM {n}").fetchone()[0]) for n in names}

    def iter_rows(self, sql: str, params: tuple[object, ...] = ()) -> Iterator[sqlite3.Row]:
        """Stream a query's rows (a cursor, never the whole result in memory)."""
        yield from self.conn.execute(sql, params)


def _t(when: datetime | None) -> str | None:
    return format_time(when) if when is not None else None


def _schedule(row: sqlite3.Row) -> LinkSchedule:
    return LinkSchedule(
        state=row["state"],
        ok_streak=row["ok_streak"],
        fail_count=row["fail_count"],
        first_failed_at=parse_time(row["first_failed_at"]),
        last_failed_at=parse_time(row["last_failed_at"]),
        dead_since=parse_time(row["dead_since"]),
    )


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on any exception)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type is not None else "COMMIT")
