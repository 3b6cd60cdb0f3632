"""The store's writes and the read API for reports, with hand-made checks and a fake clock."""

from __future__ import annotations

import inspect
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from citecheck.audit import queries as q
from citecheck.audit.schedule import LinkSchedule, ScheduleSettings, after_check, format_time
from citecheck.audit.status import audit_status
from citecheck.audit.store import CitationRecord, open_store
from citecheck.model import ArchiveSnapshot, LinkCheck

T0 = datetime(2026, 1, 5, 3, 0, tzinfo=UTC)
S = ScheduleSettings()


def at(days: float) -> str:
    return format_time(T0 + timedelta(days=days))


def cite(url: str, note: int | None) -> CitationRecord:
    host = url.split("/")[2]
    return CitationRecord(url, url, host, note, None, "2024-03-03")


A = "https://a.example/1"  # healthy
B = "https://b.example/gone"  # dies
C = "https://b.example/flaky"  # fails once, recovers
D = "https://c.example/never"  # never checked


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "audit.sqlite", now=at(0)) as s:
        yield s


def check(store, run_id: int, url: str, status: str, days: float, http: int | None = None):
    row = store.conn.execute(
        "SELECT id, state, ok_streak, fail_count, first_failed_at, last_failed_at, dead_since"
        " FROM links WHERE url = ?",
        (url,),
    ).fetchone()
    due = store.due_links(at(days + 60), after_id=row["id"] - 1, limit=1)
    prev = due[0].schedule if due and due[0].id == row["id"] else LinkSchedule()
    when = T0 + timedelta(days=days)
    outcome = after_check(prev, status, when, url, S)
    lc = LinkCheck(url=url, normalized_url=url, status=status, http_status=http)
    lc.checked_at, lc.reason = format_time(when), f"{status} at day {days}"
    return store.record_check(run_id, row["id"], lc, outcome)


def populate(store) -> list[int]:
    """Two articles (2018, 2020) and one undated; four runs over 12 days."""
    r1 = store.begin_run(at(0), {})
    site = store.site_id("avim.org.tr", at(0))
    a1 = store.ensure_article("https://avim.org.tr/a1", site, at(0))
    a2 = store.ensure_article("https://avim.org.tr/a2", site, at(0))
    a3 = store.ensure_article("https://avim.org.tr/a3", site, at(0))
    common = {"run_id": r1, "now": at(0), "status": 200}
    new = store.replace_citations(
        a1, content_hash="h1", title="One", published="2018-02-01",
        citations=[cite(A, 1), cite(B, 2), cite(B, 3)], **common,
    )  # fmt: skip
    new += store.replace_citations(
        a2, content_hash="h2", title="Two", published="2020-06", citations=[cite(B, 4), cite(C, 1)],
        **common,
    )  # fmt: skip
    new += store.replace_citations(
        a3, content_hash="h3", title="Three", published=None, citations=[cite(D, None)], **common
    )
    assert new == 4
    for url, status in ((A, "ok"), (B, "broken"), (C, "timeout")):
        check(store, r1, url, status, 0, 404 if url == B else None)
    store.update_run(r1, state="finished", finished_at=at(0.01))
    r2 = store.begin_run(at(4), {})
    check(store, r2, B, "broken", 4, 404)
    check(store, r2, C, "ok", 4, 200)
    store.update_run(r2, state="finished", finished_at=at(4.01))
    r3 = store.begin_run(at(8), {})
    check(store, r3, B, "broken", 8, 404)
    store.update_run(r3, state="finished", finished_at=at(8.01))
    r4 = store.begin_run(at(12), {})
    check(store, r4, A, "server_error", 12, 503)
    store.update_run(r4, state="finished", finished_at=at(12.01))
    return [r1, r2, r3, r4]


def test_every_read_is_a_generator(store):
    populate(store)
    for fn in (q.runs, q.latest_statuses, q.link_history, q.confirmed_dead, q.domain_stats):
        assert inspect.isgenerator(fn(store))
    assert inspect.isgenerator(q.newly_broken(store, since="2000"))
    assert inspect.isgenerator(q.rot_by_year(store))


def test_latest_status_and_history(store):
    populate(store)
    latest = {r.url: r for r in q.latest_statuses(store)}
    assert {u: (r.state, r.last_status) for u, r in latest.items()} == {
        A: ("failing", "server_error"),
        B: ("dead", "broken"),
        C: ("healthy", "ok"),
        D: ("new", None),
    }
    assert latest[B].http_status == 404 and latest[B].reason == "broken at day 8"
    assert latest[B].dead_since == at(8) and latest[B].fail_count == 3
    history = list(q.link_history(store, url=B))
    assert [(h.run_id, h.checked_at, h.transition) for h in history] == [
        (1, at(0), "broke"),
        (2, at(4), None),
        (3, at(8), "dead"),
    ]
    everything = list(q.link_history(store))
    assert len(everything) == 7 and everything == sorted(
        everything, key=lambda h: (h.link_id, h.checked_at)
    )
    assert [r.url for r in q.latest_statuses(store, state="dead")] == [B]


def test_newly_broken_recovered_and_dead(store):
    runs = populate(store)
    assert [r.url for r in q.newly_broken(store, since_run=runs[2])] == [A]  # broke in run 4
    assert [r.url for r in q.newly_broken(store, since=at(0))] == [B, A]  # C recovered
    assert [r.url for r in q.newly_broken(store, since=at(13))] == []
    assert [r.url for r in q.recovered(store, since_run=runs[0])] == [C]
    assert list(q.recovered(store, since_run=runs[1])) == []
    (dead,) = list(q.confirmed_dead(store))
    assert dead.link.url == B and dead.snapshot_url is None
    assert [(a.url.rsplit("/", 1)[1], a.notes) for a in dead.articles] == [
        ("a1", [2, 3]),
        ("a2", [4]),
    ]
    assert q.previous_run(store).id == runs[2]
    assert q.previous_run(store, before=runs[1]).id == runs[0]
    assert q.run(store, runs[3]).state == "finished"


def test_archive_lookups_are_recorded_once_and_retried_when_nothing_was_found(store):
    runs = populate(store)
    (link_id, url, accessed, published) = store.needing_archive(at(-30))[0]
    assert (url, accessed, published) == (B, "2024-03-03", "2018-02-01")
    store.record_archive(link_id, None, runs[2], at(8))  # the archive found nothing
    assert store.needing_archive(at(0)) == []  # not again soon …
    assert [r[1] for r in store.needing_archive(at(40))] == [B]  # … but after a while
    snap = ArchiveSnapshot(f"https://web.archive.org/web/20240101000000/{B}", "20240101000000")
    store.record_archive(link_id, snap, runs[3], at(12))
    assert store.needing_archive(at(400)) == []
    (dead,) = list(q.confirmed_dead(store))
    assert (dead.snapshot_url, dead.snapshot_timestamp) == (snap.url, "20240101000000")


def test_domain_and_year_aggregates(store):
    populate(store)
    domains = {d.host: d for d in q.domain_stats(store)}
    assert list(domains) == ["b.example", "a.example", "c.example"]  # most rot first
    b = domains["b.example"]
    assert (b.links, b.dead, b.ok, b.failing) == (2, 1, 1, 0)
    assert (domains["c.example"].unchecked, domains["a.example"].failing) == (1, 1)
    assert [d.host for d in q.domain_stats(store, min_links=2)] == ["b.example"]
    years = [
        (y.year, y.articles, y.links, y.ok, y.failing, y.dead, y.unchecked)
        for y in q.rot_by_year(store)
    ]
    assert years == [
        (2018, 1, 2, 0, 1, 1, 0),  # A failing, B dead (cited twice: counted once)
        (2020, 1, 2, 1, 0, 1, 0),  # B again, C healthy
        (None, 1, 1, 0, 0, 0, 1),  # undated article last
    ]


def test_a_duplicate_check_in_one_run_is_never_recorded(store):
    runs = populate(store)
    before = store.counts()["checks"]
    assert check(store, runs[3], A, "ok", 12.5) is False
    assert store.counts()["checks"] == before
    (a,) = [r for r in q.latest_statuses(store) if r.url == A]
    assert a.state == "failing"  # the schedule did not move either


def test_replacing_citations_is_all_or_nothing(store):
    populate(store)
    (a1,) = store.conn.execute("SELECT id FROM articles WHERE url LIKE '%a1'").fetchone()
    bad = CitationRecord("x", None, "h", 1)  # type: ignore[arg-type]  # no normalized URL
    with pytest.raises(sqlite3.IntegrityError):
        store.replace_citations(
            a1, content_hash="new", title="T", published=None, status=200,
            citations=[cite("https://new.example/", 1), bad], run_id=1, now=at(20),
        )  # fmt: skip
    assert store.article("https://avim.org.tr/a1").content_hash == "h1"
    n = store.conn.execute("SELECT count(*) FROM citations WHERE article_id = ?", (a1,))
    assert n.fetchone()[0] == 3
    gone = store.conn.execute("SELECT count(*) FROM links WHERE url = 'https://new.example/'")
    assert gone.fetchone()[0] == 0


def test_due_links_page_through_by_id_and_skip_gone_articles(store):
    populate(store)
    due = store.due_links(at(100), limit=2)
    assert [d.url for d in due] == [A, B]
    rest = store.due_links(at(100), after_id=due[-1].id, limit=2)
    assert [d.url for d in rest] == [C, D]
    (a3,) = store.conn.execute("SELECT id FROM articles WHERE url LIKE '%a3'").fetchone()
    store.record_fetch(a3, at(20), status=410, error="removed", gone=True)
    assert [d.url for d in store.due_links(at(100))] == [A, B, C]  # D only cited by a3
    assert "c.example" not in {d.host for d in q.domain_stats(store)}
    assert None not in {y.year for y in q.rot_by_year(store)}
    (a1,) = store.conn.execute("SELECT id FROM articles WHERE url LIKE '%a1'").fetchone()
    store.record_fetch(a1, at(20), status=404, error="gone", gone=True)
    (dead,) = list(q.confirmed_dead(store))  # still cited by a2 …
    assert [a.url[-2:] for a in dead.articles] == ["a2"]  # … and only a2 is listed
    (a2,) = store.conn.execute("SELECT id FROM articles WHERE url LIKE '%a2'").fetchone()
    store.record_fetch(a2, at(20), status=410, error="gone", gone=True)
    assert list(q.confirmed_dead(store)) == []  # no article left to fix


def test_status_summary(store, tmp_path):
    populate(store)
    status = audit_status(tmp_path / "audit.sqlite", now=T0 + timedelta(days=100))
    assert status["links_by_state"] == {
        "new": 1, "healthy": 1, "failing": 1, "dead": 1, "unverified": 0,
    }  # fmt: skip
    assert status["links_due_now"] == 4 and status["running"] is None
    assert [r["id"] for r in status["recent_runs"]] == [4, 3, 2, 1]
    assert status["counts"]["checks"] == 7
