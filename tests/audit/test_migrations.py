"""The audit database: migrations, identity pragmas, foreign and corrupt files refused."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from citecheck.audit import migrations as mig
from citecheck.audit.migrations import APPLICATION_ID, MIGRATIONS, AuditStoreError, Migration
from citecheck.audit.store import default_db_path, open_store
from citecheck.errors import ExitStatus

NOW = "2026-01-05T03:00:00Z"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fresh_database_gets_schema_identity_and_wal(tmp_path):
    db = tmp_path / "sub" / "audit.sqlite"  # the directory is created
    with open_store(db, now=NOW) as store:
        c = store.conn
        assert c.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert c.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert [tuple(r) for r in c.execute("SELECT name, applied_at FROM migrations")] == [
            ("0001_initial", NOW)
        ]
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        expected = {"sites", "articles", "citations", "links", "checks", "runs"}
        assert expected | {"archive_suggestions", "migrations"} <= tables
        indices = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert {"links_due", "checks_link", "citations_link", "links_host"} <= indices
        with pytest.raises(sqlite3.IntegrityError):  # foreign keys are enforced
            c.execute(
                "INSERT INTO checks (run_id, link_id, checked_at, status, state)"
                " VALUES (99, 99, ?, 'ok', 'healthy')",
                (NOW,),
            )


def test_reopening_applies_nothing_and_keeps_data(tmp_path):
    db = tmp_path / "audit.sqlite"
    with open_store(db, now=NOW) as store:
        store.site_id("avim.org.tr", NOW)
    with open_store(db, now="2027-01-01T00:00:00Z") as store:
        assert mig.migrate(store.conn, NOW) == []
        assert store.counts()["sites"] == 1
        assert store.conn.execute("SELECT count(*) FROM migrations").fetchone()[0] == 1


def test_an_empty_file_is_taken_as_new(tmp_path):
    db = tmp_path / "audit.sqlite"
    db.touch()
    with open_store(db, now=NOW) as store:
        assert store.counts()["runs"] == 0


def _broken(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE half (x INTEGER)")
    conn.execute("ALTER TABLE links ADD COLUMN half_done TEXT")
    raise RuntimeError("migration failed half-way")


def test_a_migration_failing_half_way_leaves_nothing(tmp_path):
    db = tmp_path / "audit.sqlite"
    open_store(db, now=NOW).close()
    conn = sqlite3.connect(db, isolation_level=None)
    more = (*MIGRATIONS, Migration("0002_broken", _broken))
    with pytest.raises(RuntimeError, match="half-way"):
        mig.migrate(conn, NOW, more)
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchone() is None
    columns = {r[1] for r in conn.execute("PRAGMA table_info(links)")}
    assert "half_done" not in columns
    assert mig.applied(conn) == ["0001_initial"]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1

    def fixed(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE half (x INTEGER)")

    assert mig.migrate(conn, NOW, (*MIGRATIONS, Migration("0002_fixed", fixed))) == ["0002_fixed"]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    conn.close()
    # This citecheck knows one migration: a database with two is from a newer one.
    with pytest.raises(AuditStoreError, match="newer"):
        open_store(db)


def test_a_failing_first_migration_leaves_an_empty_file(tmp_path):
    db = tmp_path / "audit.sqlite"
    conn = sqlite3.connect(db, isolation_level=None)

    def broken_first(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE sites (id INTEGER PRIMARY KEY)")
        raise RuntimeError("disk full, say")

    with pytest.raises(RuntimeError):
        mig.migrate(conn, NOW, (Migration("0001_broken", broken_first),))
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0
    conn.close()
    open_store(db, now=NOW).close()  # still usable: nothing foreign in it


def _sqlite_file(path: Path, *statements: str) -> Path:
    """An SQLite file another program could have written."""
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path):
    db = _sqlite_file(
        tmp_path / "places.sqlite",
        "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)",
        "INSERT INTO moz_places (url) VALUES ('https://example.org/')",
    )
    before = _digest(db)
    with pytest.raises(AuditStoreError, match="another program") as err:
        open_store(db)
    assert err.value.exit_status == ExitStatus.USAGE
    assert "will not write" in str(err.value)
    assert _digest(db) == before
    assert not Path(str(db) + "-wal").exists()


def test_another_application_id_is_refused(tmp_path):
    db = _sqlite_file(
        tmp_path / "other.sqlite", "PRAGMA application_id = 1234", "CREATE TABLE t (x)"
    )
    with pytest.raises(AuditStoreError, match="another program"):
        open_store(db, readonly=True)


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\x01garbage" * 500,
        b"<html><body>not a database</body></html>",
        b"SQLite format 3\x00" + b"\xff" * 4000,  # the header, then damage
    ],
    ids=["binary", "text", "damaged"],
)
def test_garbage_and_damaged_files_are_refused_untouched(tmp_path, content):
    db = tmp_path / "audit.sqlite"
    db.write_bytes(content)
    with pytest.raises(AuditStoreError) as err:
        open_store(db)
    assert str(db) in str(err.value)
    assert db.read_bytes() == content


def test_a_newer_schema_version_is_refused(tmp_path):
    db = tmp_path / "audit.sqlite"
    open_store(db, now=NOW).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(AuditStoreError, match="upgrade citecheck"):
        open_store(db)


def test_readonly_needs_an_existing_database_and_a_directory_is_refused(tmp_path):
    with pytest.raises(AuditStoreError, match="no audit database"):
        open_store(tmp_path / "missing.sqlite", readonly=True)
    with pytest.raises(AuditStoreError, match="directory"):
        open_store(tmp_path)


def test_default_path_follows_the_data_directories(monkeypatch, tmp_path):
    monkeypatch.setenv("CITECHECK_DATA_DIR", str(tmp_path / "data"))
    assert default_db_path() == tmp_path / "data" / "audit.sqlite"
    monkeypatch.delenv("CITECHECK_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "citecheck" / "audit.sqlite"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert (
        default_db_path() == tmp_path / "home" / ".local" / "share" / "citecheck" / "audit.sqlite"
    )
