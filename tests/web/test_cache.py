"""The SQLite result cache on its own: TTL, transient outcomes, refresh, corruption, threads."""

from __future__ import annotations

import sqlite3
import threading

from citecheck.codes import LinkStatus
from citecheck.model import ArchiveSnapshot, Hop, LinkCheck
from citecheck.web.cache import LinkCache, is_cacheable, linkcheck_from_dict, linkcheck_to_dict


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _check(url: str = "https://example.org/a", status: str = "ok", code: int | None = 200):
    return LinkCheck(
        url=url,
        normalized_url=url,
        status=status,
        notes=[3],
        http_status=code,
        final_url=url + "/",
        redirects=[Hop(url=url, status=301)],
        permanent_redirect=True,
        reason="The page has moved permanently.",
        attempts=1,
        elapsed_ms=12,
        checked_at="2026-11-22T10:00:00Z",
        archive=ArchiveSnapshot(
            url="https://web.archive.org/web/20250101000000/x", timestamp="20250101000000"
        ),
    )


def test_round_trip_keeps_every_field(tmp_path):
    c = _check()
    assert linkcheck_from_dict(linkcheck_to_dict(c)) == c
    with LinkCache(tmp_path / "c.sqlite") as cache:
        assert cache.put(c)
        got = cache.get(c.normalized_url)
    assert got is not None and got.from_cache
    got.from_cache = False
    assert got == c


def test_ttl_expiry(tmp_path):
    clock = Clock()
    cache = LinkCache(tmp_path / "c.sqlite", ttl_seconds=60, clock=clock)
    cache.put(_check())
    clock.now += 59
    assert cache.get("https://example.org/a") is not None
    clock.now += 2
    assert cache.get("https://example.org/a") is None
    assert cache.purge_expired() == 1
    cache.close()


def test_refresh_bypasses_reads_but_writes(tmp_path):
    path = tmp_path / "c.sqlite"
    LinkCache(path).put(_check(status="broken", code=404))
    refreshing = LinkCache(path, refresh=True)
    assert refreshing.get("https://example.org/a") is None
    refreshing.put(_check(status="ok", code=200))
    refreshing.close()
    got = LinkCache(path).get("https://example.org/a")
    assert got is not None and got.status == "ok"


def test_transient_outcomes_are_never_cached(tmp_path):
    cache = LinkCache(tmp_path / "c.sqlite")
    for status, code in [
        (LinkStatus.TIMEOUT, None),
        (LinkStatus.CONNECTION_ERROR, None),
        (LinkStatus.SERVER_ERROR, 503),
        (LinkStatus.BLOCKED, 429),
        (LinkStatus.DNS_ERROR, None),
        (LinkStatus.NOT_CHECKED, None),
        (LinkStatus.PRIVATE_ADDRESS, None),
        (LinkStatus.INVALID_URL, None),
    ]:
        c = _check(url=f"https://example.org/{status}", status=status.value, code=code)
        assert not is_cacheable(c)
        assert not cache.put(c)
        assert cache.get(c.normalized_url) is None
    for status, code in [("blocked", 403), ("broken", 404), ("soft_404", 200), ("redirected", 200)]:
        assert is_cacheable(_check(status=status, code=code))


def test_corrupt_file_is_moved_aside_and_replaced(tmp_path):
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    cache = LinkCache(path)
    assert cache.problems and "moved" in cache.problems[0]
    aside = list(tmp_path.glob("c.sqlite.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")
    assert cache.put(_check()) and cache.get("https://example.org/a") is not None
    cache.close()


def test_foreign_database_is_not_overwritten(tmp_path):
    path = tmp_path / "c.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE important (x)")
    conn.execute("INSERT INTO important VALUES (42)")
    conn.commit()
    conn.close()
    cache = LinkCache(path)
    assert cache.problems
    cache.close()
    (aside,) = [
        p for p in tmp_path.glob("c.sqlite.corrupt-*") if not p.name.endswith(("-wal", "-shm"))
    ]
    assert sqlite3.connect(aside).execute("SELECT x FROM important").fetchone() == (42,)


def test_unusable_location_runs_without_cache(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = LinkCache(blocker / "sub" / "c.sqlite")  # parent is a file
    assert cache.problems
    assert cache.get("https://example.org/a") is None
    assert not cache.put(_check())


def test_many_threads(tmp_path):
    cache = LinkCache(tmp_path / "c.sqlite")
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            for j in range(30):
                url = f"https://example.org/{i}/{j}"
                cache.put(_check(url=url))
                assert cache.get(url) is not None
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert not cache.problems
    cache.close()
