"""The audit database file: where it lives, and telling ours from any other file.

A file is refused, before SQLite writes anything to it, when it is not SQLite
at all (garbage, a damaged header), when it is SQLite of another program
(``application_id`` differs, or tables without it), or when its schema is newer
than this citecheck knows. An empty file, or an empty SQLite database, is ours
to fill.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from citecheck.audit.migrations import APPLICATION_ID, MIGRATIONS, AuditStoreError

SQLITE_MAGIC = b"SQLite format 3\x00"
# A writer waits this long for another connection's transaction (reports reading
# do not block it in WAL mode; this covers a checkpoint or a second writer).
BUSY_TIMEOUT_MS = 30_000


def default_db_path() -> Path:
    """``$CITECHECK_DATA_DIR/audit.sqlite``, else ``$XDG_DATA_HOME/citecheck/…``,
    else ``~/.local/share/citecheck/audit.sqlite``."""
    explicit = os.environ.get("CITECHECK_DATA_DIR")
    if explicit:
        return Path(explicit) / "audit.sqlite"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "citecheck" / "audit.sqlite"


def refuse(path: Path, why: str) -> AuditStoreError:
    return AuditStoreError(
        f"{path}: {why}; citecheck will not write to it. Give another --db path, "
        "or move the file away if it is a damaged audit database."
    )


def check_header(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite touches it."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise AuditStoreError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if head and head != SQLITE_MAGIC:
        raise refuse(path, "is not an SQLite database (corrupt, or some other file)")


def check_identity(conn: sqlite3.Connection, path: Path) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchone()[0]
    if app_id == 0 and tables == 0:
        return  # an empty SQLite file: ours to fill
    if app_id != APPLICATION_ID:
        raise refuse(path, "is an SQLite database of another program, not a citecheck audit")
    if version > len(MIGRATIONS):
        raise AuditStoreError(
            f"{path}: the audit database has schema version {version}, newer than this "
            f"citecheck knows ({len(MIGRATIONS)}); upgrade citecheck"
        )


def connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn
