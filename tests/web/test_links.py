"""check_links orchestration on the farm: duplicates, order, failures, cache, archive, JSON."""

from __future__ import annotations

import json
import re

from citecheck.codes import LinkStatus
from citecheck.web.http import HttpClient
from citecheck.web.links import LinkSettings, LinkTarget, check_links, links_to_json
from tests.web.conftest import fast_settings
from tests.web.farm import Farm, FarmHost, page

RANDOM_PATH = re.compile(r"^/[0-9a-f]{32}$")
CONTRACT_KEYS = [
    "url",
    "normalized_url",
    "notes",
    "status",
    "http_status",
    "final_url",
    "redirects",
    "reason",
    "attempts",
    "elapsed_ms",
    "checked_at",
    "archive",
]


def settings(**kw: object) -> LinkSettings:
    http = kw.pop("http", None) or fast_settings(retries=1)
    kw.setdefault("archive_lookup", False)
    return LinkSettings(http=http, **kw)  # type: ignore[arg-type]


def live(host: FarmHost, path: str) -> str:
    return host.route(path, page("Makale", "Uzun ve gerçek bir makale metni. " * 20))


def test_duplicates_fetched_once_and_kept_as_cited(host: FarmHost):
    url = live(host, "/yorum/1")
    targets = [
        LinkTarget(url, [1], accessed="2025-11-26"),
        LinkTarget(host.url("/status/404"), [2]),
        LinkTarget(url + "?utm_source=twitter&utm_medium=social", [3]),
        LinkTarget(url, [4]),
        LinkTarget(url + "#section-2", [5]),
        LinkTarget(url.replace("http://", "HTTP://"), [6]),
    ]
    checks = check_links(targets, settings())
    assert len(host.requests(path="/yorum/1")) == 1
    assert [c.url for c in checks] == [
        url,
        host.url("/status/404"),
        url + "?utm_source=twitter&utm_medium=social",
        url + "#section-2",
        url.replace("http://", "HTTP://"),
    ]
    assert checks[0].notes == [1, 4]
    assert checks[2].notes == [3] and checks[3].notes == [5]
    assert {c.normalized_url for c in checks if c.url != host.url("/status/404")} == {url}
    assert [c.status for c in checks] == ["ok", "broken", "ok", "ok", "ok"]


class ExplodingClient(HttpClient):
    """The real client, except that one URL makes it raise."""

    def fetch(self, url: str, **kw):  # type: ignore[no-untyped-def, override]
        if "explode" in url:
            raise RuntimeError("simulated crash\nwith a second line")
        return super().fetch(url, **kw)


def test_one_exploding_url_does_not_stop_the_others(farm: Farm):
    hosts = farm.many_hosts(3)
    urls = [live(h, f"/p/{i}") for i, h in enumerate(hosts)]
    urls.insert(1, hosts[0].url("/explode"))
    client = ExplodingClient(fast_settings())
    try:
        checks = check_links(
            [LinkTarget(u, [i]) for i, u in enumerate(urls)], settings(), client=client
        )
    finally:
        client.close()
    assert [c.url for c in checks] == urls
    assert [c.status for c in checks] == ["ok", "not_checked", "ok", "ok"]
    assert "RuntimeError: simulated crash" in checks[1].reason and "\n" not in checks[1].reason


def test_progress_is_reported_for_every_distinct_link(host: FarmHost):
    urls = [live(host, f"/p/{i}") for i in range(5)]
    seen: list[tuple[int, int, str]] = []
    check_links(
        [LinkTarget(u, [1]) for u in urls + urls],
        settings(),
        progress=lambda done, total, c: seen.append((done, total, c.status)),
    )
    assert [s[0] for s in seen] == [1, 2, 3, 4, 5] and {s[1] for s in seen} == {5}


def test_per_host_limit_is_kept_across_many_links(farm: Farm):
    hosts = farm.many_hosts(3, latency=0.05)
    urls = [h.url(f"/page/{i}") for h in hosts for i in range(8)]
    checks = check_links(
        [LinkTarget(u, [1]) for u in urls],
        settings(http=fast_settings(per_host=2, concurrency=16), soft404_baseline=False),
    )
    assert all(c.status == "ok" for c in checks)
    for h in hosts:
        assert Farm.max_overlap(h.requests()) <= 2


def test_cache_second_run_within_ttl_sends_zero_requests(tmp_path, farm: Farm):
    site = farm.host("127.0.0.2", not_found=lambda ctx: ctx.send(200, b"<p>same for all</p>"))
    urls = [live(site, "/a"), site.url("/status/404"), site.url("/cloudflare"), site.url("/gone")]
    cache = tmp_path / "links.sqlite"
    first = check_links([LinkTarget(u, [1]) for u in urls], settings(cache_path=cache))
    assert len(farm.requests()) >= 4
    farm.clear_log()
    second = check_links([LinkTarget(u, [1]) for u in urls], settings(cache_path=cache))
    assert farm.requests() == []
    assert [c.status for c in second] == [c.status for c in first]
    assert all(c.from_cache for c in second)


def test_cache_transient_results_are_asked_again(tmp_path, host: FarmHost):
    urls = [
        live(host, "/a"),
        host.url("/status/404"),
        host.url("/status/503"),
        host.url("/to-home"),
    ]
    cache = tmp_path / "links.sqlite"
    first = check_links([LinkTarget(u, [1]) for u in urls], settings(cache_path=cache))
    assert [c.status for c in first] == ["ok", "broken", "server_error", "soft_404"]
    host.farm.clear_log()
    second = check_links([LinkTarget(u, [2]) for u in urls], settings(cache_path=cache))
    # Only the transient 503 is asked again (and the site's soft-404 yardstick).
    assert {e.path for e in host.requests() if not RANDOM_PATH.match(e.path)} == {"/status/503"}
    assert [c.from_cache for c in second] == [True, True, False, True]
    assert [c.status for c in second] == [c.status for c in first]
    assert second[0].notes == [2]  # notes come from this run, not the cached one

    host.farm.clear_log()
    check_links([LinkTarget(u, [1]) for u in urls], settings(cache_path=cache, refresh=True))
    assert {"/a", "/status/404", "/to-home"} <= {e.path for e in host.requests()}


def test_cache_expiry_refetches(tmp_path, host: FarmHost):
    url = live(host, "/a")
    cache = tmp_path / "links.sqlite"
    check_links([LinkTarget(url, [1])], settings(cache_path=cache, cache_ttl=0))
    check_links([LinkTarget(url, [1])], settings(cache_path=cache, cache_ttl=0))
    assert len(host.requests(path="/a")) == 2


def test_corrupt_cache_does_not_stop_the_run(tmp_path, host: FarmHost):
    cache = tmp_path / "links.sqlite"
    cache.write_bytes(b"garbage" * 1000)
    (c,) = check_links([LinkTarget(live(host, "/a"), [1])], settings(cache_path=cache))
    assert c.status == "ok"
    assert list(tmp_path.glob("links.sqlite.corrupt-*"))


def _fake_wayback(archive: FarmHost, ts: str) -> None:
    def available(ctx) -> None:
        body = {
            "archived_snapshots": {
                "closest": {
                    "status": "200",
                    "available": True,
                    "url": f"http://web.archive.org/web/{ts}/x",
                    "timestamp": ts,
                }
            }
        }
        ctx.send(200, json.dumps(body).encode(), content_type="application/json")

    archive.route("/wayback/available", available)


def test_archive_is_looked_up_for_failing_links_only(farm: Farm):
    site = farm.host("127.0.0.2")
    archive = farm.host("127.0.0.3")
    _fake_wayback(archive, "20251120000000")
    ok = live(site, "/a")
    dead = site.url("/status/404")
    s = settings(archive_lookup=True, wayback_api_base=archive.base, wayback_web_base=archive.base)
    checks = check_links([LinkTarget(ok, [1]), LinkTarget(dead, [2], accessed="2025-11-26")], s)
    assert checks[0].archive is None
    assert checks[1].archive is not None and checks[1].archive.timestamp == "20251120000000"
    (asked,) = archive.requests(path="/wayback/available")
    assert "timestamp=20251126235959" in asked.path


def test_save_archive_for_live_links(farm: Farm):
    site = farm.host("127.0.0.2")
    archive = farm.host("127.0.0.3")
    archive.route(
        f"/save/{site.url('/a')}",
        lambda ctx: ctx.send(302, b"", [("Location", f"/web/20261122000000/{site.url('/a')}")]),
    )
    archive.route(f"/web/20261122000000/{site.url('/a')}", page("arşiv", "kopya"))
    s = settings(save_archive=True, wayback_api_base=archive.base, wayback_web_base=archive.base)
    (c,) = check_links([LinkTarget(live(site, "/a"), [1])], s)
    assert c.status == "ok" and c.archive is not None
    assert c.archive.timestamp == "20261122000000"


def test_json_contract(host: FarmHost):
    targets = [
        LinkTarget(host.url("/redirect/301/1"), [1, 3]),
        LinkTarget(host.url("/status/404"), [2]),
    ]
    doc = links_to_json(check_links(targets, settings()))
    json.dumps(doc)  # JSON-ready
    assert list(doc) == ["links", "summary"]
    for link in doc["links"]:
        assert list(link)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    first = doc["links"][0]
    assert first["status"] == "redirected" and first["notes"] == [1, 3]
    assert first["redirects"] == [{"url": host.url("/redirect/301/1"), "status": 301}]
    assert first["final_url"] == host.url("/page/landed") and first["archive"] is None
    assert doc["summary"]["redirected"] == 1 and doc["summary"]["broken"] == 1
    assert set(doc["summary"]) == {s.value for s in LinkStatus}


def test_empty_input():
    assert check_links([], settings()) == []
    assert links_to_json([])["links"] == []


def test_targets_from_the_seed_article(seed_article):
    from citecheck import ingest
    from citecheck.notes import analyze
    from citecheck.web.links import targets_from_document, targets_from_urls

    doc = analyze(ingest.load_path(seed_article))
    targets = targets_from_document(doc)
    iea = [t for t in targets if "iea.org" in t.url]
    assert [t.notes for t in iea] == [[1], [2], [3], [4]]  # A.g.e. notes 2-4 cite note 1's page
    assert iea[0].accessed == "2025-11-26" and iea[0].fallback_date == doc.published
    assert any("trade.gov" in t.url and t.notes == [17] for t in targets)  # via Kaynakça
    # Checking them groups the four notes into one entry (no network: offline).
    checks = check_links(targets, settings(offline=True))
    (iea_check,) = [c for c in checks if "iea.org" in c.url]
    assert iea_check.notes == [1, 2, 3, 4] and iea_check.status == "not_checked"
    assert [t.url for t in targets_from_urls(["# list", "", " https://a.org/x ", "b"])] == [
        "https://a.org/x",
        "b",
    ]
