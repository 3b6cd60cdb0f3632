"""SQLite cache of link-check results, so a re-run within the TTL costs no requests.

One row per normalized URL holding the serialized :class:`~citecheck.model.LinkCheck`
(archive snapshot included), when it was checked and when it expires. Transient
outcomes (timeouts, refused connections, 5xx, rate limiting) are never stored:
the next run must try again instead of repeating yesterday's hiccup.

The cache is an optimisation, never a reason to fail: a corrupt or foreign file is
moved aside (``<name>.corrupt-<time>``), reported through :attr:`LinkCache.problems`
and replaced by a fresh one; a database error during a read or write is reported
and treated as a miss.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from citecheck.codes import LinkStatus
from citecheck.model import ArchiveSnapshot, Hop, LinkCheck

__all__ = [
    "DEFAULT_TTL_SECONDS",
    "LinkCache",
    "TtlCache",
    "is_cacheable",
    "linkcheck_from_dict",
    "linkcheck_to_dict",
]

log = logging.getLogger(__name__)

# One day: an editor re-running a report the same day pays nothing, a weekly
# audit always rechecks. Overridable per run (LinkSettings.cache_ttl).
DEFAULT_TTL_SECONDS = 24 * 3600

# Outcomes that may be different in a minute. A DNS failure is included because
# resolvers fail transiently far more often than domains expire overnight.
TRANSIENT_STATUSES = frozenset(
    {
        LinkStatus.TIMEOUT,
        LinkStatus.CONNECTION_ERROR,
        LinkStatus.SERVER_ERROR,
        LinkStatus.DNS_ERROR,
    }
)
# Outcomes that say nothing about the page, or depend on this run's settings
# (--allow-private, offline), and cost no request to decide again.
UNCACHED_STATUSES = TRANSIENT_STATUSES | {
    LinkStatus.NOT_CHECKED,
    LinkStatus.INVALID_URL,
    LinkStatus.PRIVATE_ADDRESS,
}


def is_cacheable(check: LinkCheck) -> bool:
    """True when ``check`` is a stable outcome worth reusing within the TTL."""
    if check.status in UNCACHED_STATUSES:
        return False
    # 429 says "come back later", not anything about the page.
    return not (check.status == LinkStatus.BLOCKED and check.http_status == 429)


def linkcheck_to_dict(check: LinkCheck) -> dict[str, Any]:
    return asdict(check)


def linkcheck_from_dict(data: dict[str, Any]) -> LinkCheck:
    data = dict(data)
    data["redirects"] = [Hop(**h) for h in data.get("redirects") or []]
    archive = data.get("archive")
    data["archive"] = ArchiveSnapshot(**archive) if archive else None
    known = LinkCheck.__dataclass_fields__
    return LinkCheck(**{k: v for k, v in data.items() if k in known})


class TtlCache:
    """A thread-safe SQLite table of JSON values under string keys, with a time-to-live.

    Subclasses name their table and say what a row holds; opening, moving a corrupt
    or foreign file aside, and turning database errors into reported misses live
    here once. ``refresh=True`` ignores stored rows (fresh ones are still written).
    """

    TABLE = "results"
    LABEL = "cache"  # in messages: "the link cache ..."
    SCHEMA_VERSION = 1  # bumped when the row format changes; other versions are moved aside

    def __init__(
        self,
        path: str | Path,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        *,
        refresh: bool = False,
        clock: Any = time.time,
    ) -> None:
        self.path = Path(path)
        self.ttl_seconds = ttl_seconds
        self.refresh = refresh
        self.problems: list[str] = []  # human-readable, for the run's report
        self._clock = clock
        # One connection shared under a lock: writes are tiny and SQLite
        # serializes writers anyway, so a lock costs nothing and avoids
        # per-thread connections that outlive their threads.
        self._lock = threading.Lock()
        self._conn = self._open()

    # -- opening -----------------------------------------------------------

    def _open(self) -> sqlite3.Connection | None:
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            try:
                aside = self._move_aside()
            except OSError as move_exc:
                self._problem(
                    f"The {self.LABEL} {self.path} could not be read ({exc}) nor moved aside "
                    f"({move_exc}); running without it."
                )
                return None
            self._problem(
                f"The {self.LABEL} {self.path} could not be read ({exc}); "
                f"it was moved to {aside} and a new one started."
            )
        except (sqlite3.Error, OSError) as exc:
            self._problem(
                f"The {self.LABEL} {self.path} cannot be used ({exc}); running without it."
            )
            return None
        try:
            return self._connect()
        except (sqlite3.Error, OSError) as exc:
            self._problem(
                f"The {self.LABEL} {self.path} cannot be used ({exc}); running without it."
            )
            return None

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if tables and (version != self.SCHEMA_VERSION or self.TABLE not in tables):
                raise sqlite3.DatabaseError(
                    f"not a citecheck {self.LABEL} (schema {version}, tables {sorted(tables)})"
                )
            if not tables:
                with conn:
                    conn.execute(
                        f"CREATE TABLE {self.TABLE} (key TEXT PRIMARY KEY, result TEXT NOT NULL,"
                        " checked_at REAL NOT NULL, expires_at REAL NOT NULL)"
                    )
                    conn.execute(f"PRAGMA user_version = {self.SCHEMA_VERSION}")
            conn.execute("PRAGMA quick_check").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(self._clock()))
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(self.path) + suffix)
            if part.exists():
                part.replace(Path(str(aside) + suffix))
        return aside

    def _problem(self, message: str) -> None:
        log.warning("%s", message)
        self.problems.append(message)

    # -- rows --------------------------------------------------------------

    def get_json(self, key: str) -> Any | None:
        """The stored value if present and fresh (and not refreshing), else None."""
        if self.refresh or self._conn is None:
            return None
        try:
            with self._lock:
                row = self._conn.execute(
                    f"SELECT result, expires_at FROM {self.TABLE} WHERE key = ?", (key,)
                ).fetchone()
        except sqlite3.Error as exc:
            self._problem(f"Reading the {self.LABEL} failed ({exc}); asking again.")
            return None
        if row is None or row[1] <= self._clock():
            return None
        try:
            return json.loads(row[0])
        except ValueError as exc:
            self._problem(f"A {self.LABEL} row for {key} is unreadable ({exc}).")
            return None

    def put_json(self, key: str, value: Any) -> bool:
        """Store ``value`` under ``key`` for the TTL; False when the write failed."""
        if self._conn is None:
            return False
        now = self._clock()
        try:
            with self._lock, self._conn:
                self._conn.execute(
                    f"INSERT OR REPLACE INTO {self.TABLE} VALUES (?, ?, ?, ?)",
                    (key, json.dumps(value, ensure_ascii=False), now, now + self.ttl_seconds),
                )
        except (sqlite3.Error, TypeError, ValueError) as exc:
            self._problem(f"Writing the {self.LABEL} failed ({exc}).")
            return False
        return True

    def purge_expired(self) -> int:
        """Delete expired rows; returns how many."""
        if self._conn is None:
            return 0
        with self._lock, self._conn:
            cur = self._conn.execute(
                f"DELETE FROM {self.TABLE} WHERE expires_at <= ?", (self._clock(),)
            )
        return cur.rowcount

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> TtlCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class LinkCache(TtlCache):
    """Link-check results under their normalized URL; transient outcomes never stored."""

    TABLE = "link_results"
    LABEL = "link cache"
    SCHEMA_VERSION = 2  # 2: generic (key, result, ...) rows

    def get(self, normalized_url: str) -> LinkCheck | None:
        """The stored result if present and fresh (and not refreshing), else None."""
        data = self.get_json(normalized_url)
        if data is None:
            return None
        try:
            check = linkcheck_from_dict(data)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            self._problem(f"A link cache row for {normalized_url} is unreadable ({exc}).")
            return None
        check.from_cache = True
        return check

    def put(self, check: LinkCheck) -> bool:
        """Store ``check`` under its normalized URL; False when not cacheable or failed."""
        if not is_cacheable(check):
            return False
        data = linkcheck_to_dict(check)
        data["from_cache"] = False
        return self.put_json(check.normalized_url, data)
