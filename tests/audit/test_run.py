"""run_audit against a loopback site: what is fetched, parsed, checked and stored."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs

import pytest

from citecheck.audit import AuditStoreError, open_store
from citecheck.audit import queries as q
from citecheck.audit.run import AuditSettings, run_audit
from citecheck.audit.schedule import ScheduleSettings
from citecheck.ingest import load_bytes
from citecheck.web.links import LinkSettings
from tests.audit import article_html, build_site
from tests.web.conftest import fast_settings
from tests.web.farm import Farm, page, status

T0 = datetime(2026, 1, 5, 3, 0, tzinfo=UTC)


@pytest.fixture
def farm():
    with Farm() as f:
        yield f


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, days: float) -> None:
        self.now += timedelta(days=days)


def make_settings(clock=None, *, archive_base: str | None = None, **http) -> AuditSettings:
    links = LinkSettings(
        http=fast_settings(**http),
        archive_lookup=archive_base is not None,
        wayback_api_base=archive_base or "http://127.0.0.1:9",
        wayback_web_base=archive_base or "http://127.0.0.1:9",
    )
    return AuditSettings(links=links, clock=clock)


def link_requests(farm: Farm, site) -> int:
    names = {h.name for h in site.sources}
    return sum(1 for e in farm.requests() if e.host in names)


def test_first_run_checks_everything_and_a_second_run_requests_nothing(farm, tmp_path):
    site = build_site(farm, n_articles=6, links_per_article=8)
    db = tmp_path / "audit.sqlite"
    first = run_audit(site.articles, db, make_settings())
    assert first.state == "finished"
    assert (first.articles_fetched, first.articles_parsed) == (6, 6)
    assert first.links_new == first.links_checked == 48
    assert first.links_failed == len(site.broken)
    assert link_requests(farm, site) >= 48
    before = len(farm.requests())

    second = run_audit(site.articles, db, make_settings())
    assert len(farm.requests()) == before  # not one request: nothing is due
    assert second.requests == 0
    assert (second.links_checked, second.articles_skipped, second.articles_fetched) == (0, 6, 0)

    with open_store(db, readonly=True) as store:
        latest = {row.url: row for row in q.latest_statuses(store)}
        assert set(latest) == set(site.links)
        assert {u for u, r in latest.items() if r.state == "failing"} == site.broken
        assert all(r.state == "healthy" for u, r in latest.items() if u not in site.broken)
        runs = list(q.runs(store))
        assert [(r.id, r.state, r.links_checked) for r in runs] == [
            (2, "finished", 0),
            (1, "finished", 48),
        ]
        # every citation points at its link, with note number and access date
        rows = store.conn.execute("SELECT note, accessed, link_id FROM citations").fetchall()
        assert len(rows) == 48 and all(r[0] and r[1] == "2024-03-03" and r[2] for r in rows)
        settings_row = json.loads(store.conn.execute("SELECT settings FROM runs").fetchone()[0])
        assert settings_row["schedule"]["dead_after_failures"] == 3


def test_articles_are_reparsed_only_when_their_content_changes(farm, tmp_path):
    site = build_site(farm, n_articles=3, links_per_article=3)
    clock = Clock()
    db = tmp_path / "audit.sqlite"
    run_audit(site.articles, db, make_settings(clock))
    # Article 0 gains a note; article 1 only gets new page furniture (script, sidebar).
    new_url = site.sources[0].route("/source/new", page("New", "A new source " * 20))
    a0 = article_html("Article 0", "2015-03-01", [site.links[0], site.links[1], new_url])
    site.home.route("/articles/0", lambda ctx: ctx.send(200, a0))
    a1 = article_html("Article 1", "2016-03-02", site.links[3:6]).replace(
        b"</body>", b'<script>var csrf="9f8e";</script><aside>Views: 1042</aside></body>'
    )
    site.home.route("/articles/1", lambda ctx: ctx.send(200, a1))

    clock.advance(1)  # articles are not due again yet: nothing is fetched
    assert run_audit(site.articles, db, make_settings(clock)).articles_fetched == 0

    clock.advance(7)
    farm.clear_log()
    third = run_audit(site.articles, db, make_settings(clock))
    assert (third.articles_fetched, third.articles_parsed, third.articles_unchanged) == (3, 1, 2)
    assert third.links_new == 1
    assert len(farm.requests(host=site.sources[0], path="/source/new")) == 1
    with open_store(db, readonly=True) as store:
        cited = [
            r[0]
            for r in store.conn.execute(
                "SELECT c.url FROM citations c JOIN articles a ON a.id = c.article_id"
                " WHERE a.url LIKE '%/articles/0' ORDER BY c.note"
            )
        ]
        assert cited == [site.links[0], site.links[1], new_url]  # link 2 no longer cited
        assert store.counts()["citations"] == 9


def _wayback(ts: str):
    def answer(ctx):
        url = parse_qs(ctx.query)["url"][0]
        body = {
            "archived_snapshots": {
                "closest": {
                    "status": "200",
                    "available": True,
                    "url": f"http://web.archive.org/web/{ts}/{url}",
                    "timestamp": ts,
                }
            }
        }
        ctx.send(200, json.dumps(body).encode(), content_type="application/json")

    return answer


def test_dead_after_confirmation_then_archive_suggestion_then_recovery(farm, tmp_path):
    home, src = farm.host("127.0.0.1"), farm.host("127.0.0.2")
    archive = farm.host("127.0.0.3")
    archive.route("/wayback/available", _wayback("20240101000000"))
    gone, alive = src.route("/gone", status(404)), src.route("/alive", page("A", "x " * 50))
    body = article_html("Old article", "2019-05-01", [gone, alive])
    art = home.route("/a", lambda ctx: ctx.send(200, body))
    clock, db = Clock(), tmp_path / "audit.sqlite"

    def audit():
        return run_audit([art], db, make_settings(clock, archive_base=archive.base))

    first = audit()
    assert (first.links_failed, first.links_dead) == (1, 0)
    clock.advance(3)
    assert audit().links_dead == 0  # two failures in three days: failing, not dead
    clock.advance(5)
    third = audit()
    assert (third.links_dead, third.archive_found) == (1, 1)
    assert len(farm.requests(host=archive)) == 1
    with open_store(db, readonly=True) as store:
        (dead,) = list(q.confirmed_dead(store))
        assert dead.link.url == gone and dead.link.fail_count == 3
        assert dead.snapshot_timestamp == "20240101000000"
        assert dead.snapshot_url and dead.snapshot_url.endswith(gone)
        assert [(a.title, a.notes, a.published) for a in dead.articles] == [
            ("Old article", [1], "2019-05-01")
        ]
        broken = list(q.newly_broken(store, since_run=2))
        assert broken == []  # it broke in run 1
        assert [r.url for r in q.newly_broken(store, since_run=0)] == [gone]
        history = [c.transition for c in q.link_history(store, url=gone)]
        assert history == ["broke", None, "dead"]
        (per_year,) = list(q.rot_by_year(store))
        assert (per_year.year, per_year.links, per_year.dead, per_year.ok) == (2019, 2, 1, 1)
    clock.advance(1)
    assert audit().archive_found == 0  # looked up once: no second request
    assert len(farm.requests(host=archive)) == 1

    src.route("/gone", page("Back", "It is back " * 30))
    clock.advance(40)
    back = audit()
    assert back.links_recovered == 1
    with open_store(db, readonly=True) as store:
        assert [r.url for r in q.recovered(store, since_run=back.run_id - 1)] == [gone]
        assert list(q.confirmed_dead(store)) == []


def test_budget_stops_cleanly_and_the_next_run_checks_the_rest(farm, tmp_path):
    site = build_site(farm, n_articles=4, links_per_article=15, n_hosts=3, latency=0.15)
    db = tmp_path / "audit.sqlite"
    first = run_audit(site.articles, db, make_settings(), budget_seconds=0.6)
    assert first.state == "stopped" and first.stop_reason == "budget"
    assert first.links_checked < 60
    second = run_audit(site.articles, db, make_settings())
    assert second.state == "finished"
    with open_store(db, readonly=True) as store:
        per_link = store.conn.execute("SELECT link_id, count(*) FROM checks GROUP BY link_id")
        counts = dict(per_link.fetchall())
        assert len(counts) == 60 and set(counts.values()) == {1}
        states = [r.state for r in q.runs(store)]
        assert states == ["finished", "stopped"]


def test_max_articles_documents_and_gone_articles(farm, tmp_path):
    site = build_site(farm, n_articles=4, links_per_article=2)
    db = tmp_path / "audit.sqlite"
    capped = run_audit(site.articles, db, make_settings(), max_articles=2)
    assert capped.stop_reason == "max_articles" and capped.state == "finished"
    assert (capped.articles_seen, capped.links_checked) == (2, 4)

    # A document already read (e.g. from a file) is stored under its canonical URL.
    doc = load_bytes(article_html("Local", "2021-01-01", [site.links[6]]), source="draft.html")
    doc.canonical_url = "https://site.example/local"
    more = run_audit([doc], db, make_settings())
    assert (more.articles_fetched, more.articles_parsed, more.links_checked) == (0, 1, 1)

    # An article that disappears (404): its links are no longer checked.
    clock = Clock()
    clock.now = datetime.now(UTC) + timedelta(days=100)
    site.home.route("/articles/0", status(404))
    later = run_audit(site.articles[:2], db, make_settings(clock))
    assert later.articles_failed == 1
    assert later.links_checked == 3  # article 1's two and the local document's one
    with open_store(db, readonly=True) as store:
        gone = store.conn.execute("SELECT gone_at FROM articles WHERE url = ?", (site.articles[0],))
        assert gone.fetchone()[0] is not None


def test_a_run_left_running_is_marked_interrupted(tmp_path):
    db = tmp_path / "audit.sqlite"
    with open_store(db) as store:
        store.begin_run("2026-01-01T00:00:00Z", {})
    summary = run_audit([], db, make_settings())
    assert summary.interrupted_runs == 1
    with open_store(db, readonly=True) as store:
        assert [r.state for r in q.runs(store)] == ["finished", "interrupted"]


def test_an_unreadable_article_is_a_recorded_problem(farm, tmp_path):
    home = farm.host("127.0.0.1")
    bad = home.route("/empty", lambda ctx: ctx.send(200, b"", content_type="text/plain"))
    summary = run_audit([bad, farm.closed_port_url("/x")], tmp_path / "a.sqlite", make_settings())
    assert summary.articles_failed == 2 and len(summary.problems) == 2
    assert summary.state == "finished"


@pytest.mark.parametrize("dead_after", [1])
def test_schedule_settings_reach_the_run(farm, tmp_path, dead_after):
    home, src = farm.host("127.0.0.1"), farm.host("127.0.0.2")
    gone = src.route("/gone", status(410))
    art = home.route("/a", lambda ctx: ctx.send(200, article_html("A", "2020-01-01", [gone])))
    settings = make_settings()
    settings.schedule = ScheduleSettings(dead_after_failures=dead_after, dead_after_days=0)
    assert run_audit([art], tmp_path / "a.sqlite", settings).links_dead == 1


def test_unusable_database_paths_are_clear_errors(tmp_path):
    with pytest.raises(AuditStoreError, match="is a directory"):
        run_audit([], tmp_path, make_settings())
    assert not (tmp_path.parent / (tmp_path.name + ".lock")).exists()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(AuditStoreError, match="cannot create"):
        run_audit([], blocker / "sub" / "audit.sqlite", make_settings())
