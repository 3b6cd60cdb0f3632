"""SQLite cache of DOI registry answers (issue 4), built on the link cache's file handling.

:class:`RegistryCache` keeps JSON values under string keys (``doi:10.…``,
``query:…``) with a time-to-live, in its own file and table. Opening, moving a
corrupt file aside and reporting problems are :class:`~citecheck.web.cache.LinkCache`'s;
only the table and the row format differ. Callers store stable answers only
(registered, not registered, a query's candidates): never a timeout or a 429.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from citecheck.web.cache import LinkCache

__all__ = ["DEFAULT_REGISTRY_TTL", "RegistryCache"]

# A week: registry metadata of a published work rarely changes, and a DOI that
# is not registered today seldom is tomorrow. Retraction notices are the
# exception a week's delay costs little for (they take months to appear).
DEFAULT_REGISTRY_TTL = 7 * 24 * 3600

SCHEMA_VERSION = 1
TABLE = "registry_results"


class RegistryCache(LinkCache):
    """Thread-safe JSON key-value cache with a TTL; ``refresh=True`` ignores stored rows."""

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if tables and (version != SCHEMA_VERSION or TABLE not in tables):
                raise sqlite3.DatabaseError(
                    f"not a citecheck registry cache (schema {version}, tables {sorted(tables)})"
                )
            if not tables:
                with conn:
                    conn.execute(
                        f"CREATE TABLE {TABLE} (key TEXT PRIMARY KEY, result TEXT NOT NULL,"
                        " checked_at REAL NOT NULL, expires_at REAL NOT NULL)"
                    )
                    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("PRAGMA quick_check").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn

    def get_json(self, key: str) -> Any | None:
        """The stored value if present and fresh (and not refreshing), else None."""
        if self.refresh or self._conn is None:
            return None
        try:
            with self._lock:
                row = self._conn.execute(
                    f"SELECT result, expires_at FROM {TABLE} WHERE key = ?", (key,)
                ).fetchone()
        except sqlite3.Error as exc:
            self._problem(f"Reading the registry cache failed ({exc}); asking again.")
            return None
        if row is None or row[1] <= self._clock():
            return None
        try:
            return json.loads(row[0])
        except ValueError as exc:
            self._problem(f"A registry cache row for {key} is unreadable ({exc}).")
            return None

    def put_json(self, key: str, value: Any) -> bool:
        if self._conn is None:
            return False
        now = self._clock()
        try:
            with self._lock, self._conn:
                self._conn.execute(
                    f"INSERT OR REPLACE INTO {TABLE} VALUES (?, ?, ?, ?)",
                    (key, json.dumps(value, ensure_ascii=False), now, now + self.ttl_seconds),
                )
        except (sqlite3.Error, TypeError, ValueError) as exc:
            self._problem(f"Writing the registry cache failed ({exc}).")
            return False
        return True

    # The link-result API of the base class does not apply to this table.
    def get(self, normalized_url: str) -> None:  # type: ignore[override]
        raise TypeError("RegistryCache stores JSON values: use get_json()")

    def put(self, check: object) -> bool:  # type: ignore[override]
        raise TypeError("RegistryCache stores JSON values: use put_json()")

    def purge_expired(self) -> int:
        if self._conn is None:
            return 0
        with self._lock, self._conn:
            cur = self._conn.execute(f"DELETE FROM {TABLE} WHERE expires_at <= ?", (self._clock(),))
        return cur.rowcount
