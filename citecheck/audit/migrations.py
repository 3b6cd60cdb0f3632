"""Named schema migrations of the audit database, applied in order.

Like sqlite-utils' migrations: each migration is a named function; the ones
not yet recorded in ``migrations(name, applied_at)`` run in list order, each in
its own transaction together with its record and the ``user_version`` bump, so
a migration that fails half-way leaves nothing behind (SQLite DDL is
transactional). Add new migrations at the end; never edit or rename one that
has shipped.

The file header carries ``application_id`` (:data:`APPLICATION_ID`) and
``user_version`` (how many migrations were applied): a database written by
another program, or by a newer citecheck, is recognised before anything is
written to it (see :func:`citecheck.audit.store.open_store`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from citecheck.errors import CitecheckError

# "CCkA" — citecheck audit. Written into the SQLite header so `file` and
# citecheck itself can tell this database from any other SQLite file.
APPLICATION_ID = 0x43436B41


class AuditStoreError(CitecheckError):
    """The audit database cannot be used (foreign, corrupt, newer, locked); exit 2."""


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[sqlite3.Connection], None]


def _initial(conn: sqlite3.Connection) -> None:
    for statement in _INITIAL:
        conn.execute(statement)


# Times are ISO 8601 UTC strings "YYYY-MM-DDTHH:MM:SSZ": they sort as text.
# Status values are citecheck.codes.LinkStatus; link states are
# citecheck.audit.schedule.LinkState values.
_INITIAL = (
    """CREATE TABLE sites (
        id INTEGER PRIMARY KEY,
        host TEXT NOT NULL UNIQUE,          -- lower-case host name of the articles
        added_at TEXT NOT NULL
    )""",
    """CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        state TEXT NOT NULL CHECK (state IN
            ('running', 'finished', 'stopped', 'interrupted', 'failed')),
        pid INTEGER,
        hostname TEXT,
        articles_seen INTEGER NOT NULL DEFAULT 0,
        articles_fetched INTEGER NOT NULL DEFAULT 0,
        articles_parsed INTEGER NOT NULL DEFAULT 0,
        articles_failed INTEGER NOT NULL DEFAULT 0,
        links_new INTEGER NOT NULL DEFAULT 0,
        links_checked INTEGER NOT NULL DEFAULT 0,
        links_failed INTEGER NOT NULL DEFAULT 0,
        links_dead INTEGER NOT NULL DEFAULT 0,   -- confirmed dead in this run
        links_recovered INTEGER NOT NULL DEFAULT 0,
        stop_reason TEXT,                  -- 'budget' | 'max_articles' | error text
        settings TEXT                      -- JSON
    )""",
    """CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,           -- as discovered (normalized)
        site_id INTEGER REFERENCES sites(id),
        title TEXT,
        published TEXT,                     -- ISO date, possibly partial
        published_year INTEGER,
        content_hash TEXT,                  -- of the normalized main content
        first_seen TEXT NOT NULL,
        last_fetched TEXT,
        last_parsed TEXT,
        fetch_status INTEGER,               -- HTTP status of the last fetch
        fetch_error TEXT,                   -- why the last fetch or parse failed
        gone_at TEXT                        -- the page answered 404/410: links not checked
    )""",
    "CREATE INDEX articles_site ON articles(site_id)",
    "CREATE INDEX articles_year ON articles(published_year)",
    """CREATE TABLE links (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,           -- normalized (web.urls.normalize_url)
        host TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        first_run_id INTEGER REFERENCES runs(id),
        -- schedule state (schedule.LinkState), kept here so "what is due" is one index scan
        state TEXT NOT NULL DEFAULT 'new',
        next_check_at TEXT NOT NULL,
        last_checked_at TEXT,
        last_status TEXT,
        ok_streak INTEGER NOT NULL DEFAULT 0,
        fail_count INTEGER NOT NULL DEFAULT 0,  -- failed checks since the last success
        first_failed_at TEXT,
        last_failed_at TEXT,
        dead_since TEXT,
        archive_looked_up_at TEXT
    )""",
    "CREATE INDEX links_due ON links(next_check_at, id)",
    "CREATE INDEX links_host ON links(host)",
    "CREATE INDEX links_state ON links(state)",
    """CREATE TABLE citations (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        note INTEGER,                       -- note number; NULL for a bibliography-only URL
        url TEXT,                           -- as cited
        doi TEXT,
        accessed TEXT,                      -- access date given in the note (ISO)
        link_id INTEGER REFERENCES links(id)
    )""",
    "CREATE INDEX citations_article ON citations(article_id)",
    "CREATE INDEX citations_link ON citations(link_id)",
    """CREATE TABLE checks (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        link_id INTEGER NOT NULL REFERENCES links(id),
        checked_at TEXT NOT NULL,
        status TEXT NOT NULL,
        http_status INTEGER,
        final_url TEXT,
        reason TEXT,
        attempts INTEGER,
        elapsed_ms INTEGER,
        state TEXT NOT NULL,                -- the link's state after this check
        transition TEXT,                    -- 'broke' | 'dead' | 'recovered' | NULL
        UNIQUE (run_id, link_id)            -- a rerun after a kill never records twice
    )""",
    "CREATE INDEX checks_link ON checks(link_id, checked_at)",
    "CREATE INDEX checks_transition ON checks(transition, run_id)",
    """CREATE TABLE archive_suggestions (
        id INTEGER PRIMARY KEY,
        link_id INTEGER NOT NULL UNIQUE REFERENCES links(id),
        snapshot_url TEXT NOT NULL,
        timestamp TEXT NOT NULL,            -- 14-digit Wayback timestamp
        source TEXT NOT NULL,               -- 'wayback' | 'warc'
        found_at TEXT NOT NULL,
        run_id INTEGER REFERENCES runs(id)
    )""",
)


MIGRATIONS: tuple[Migration, ...] = (Migration("0001_initial", _initial),)


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations recorded in the database, in the order applied."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
    ).fetchone()
    if not exists:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY rowid")]


def migrate(
    conn: sqlite3.Connection,
    now: str,
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> list[str]:
    """Apply the migrations not yet recorded; returns the names applied now.

    ``conn`` must be in autocommit mode (``isolation_level=None``): each
    migration runs inside its own ``BEGIN IMMEDIATE`` … ``COMMIT``.
    """
    known = [m.name for m in migrations]
    done = applied(conn)
    if done != known[: len(done)]:
        extra = [name for name in done if name not in known]
        raise AuditStoreError(
            "the audit database was written by a newer or different citecheck "
            f"(unknown migrations: {', '.join(extra) or 'out of order'}); upgrade citecheck"
        )
    ran: list[str] = []
    for index, migration in enumerate(migrations[len(done) :], start=len(done) + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations "
                "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            migration.apply(conn)
            conn.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (migration.name, now)
            )
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {index}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        ran.append(migration.name)
    return ran
