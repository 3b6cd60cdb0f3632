"""How check_links runs its checks: host queues, worker threads, streaming input."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from citecheck.web import liveness_baseline as bl
from citecheck.web import liveness_signals as sig
from citecheck.web.links import LinkTarget, check_links
from tests.web.conftest import fast_settings
from tests.web.farm import Farm, FarmHost
from tests.web.test_links import _fake_wayback, live, settings

WORKER_NAME = "citecheck-link"


def _workers() -> int:
    return sum(1 for t in threading.enumerate() if t.name == WORKER_NAME and t.is_alive())


def test_per_host_and_global_limits_with_yardsticks(farm: Farm):
    hosts = farm.many_hosts(5, latency=0.03)
    urls = [h.url(f"/page/{i}") for i in range(6) for h in hosts]  # hosts interleaved
    seen_workers: list[int] = []
    checks = check_links(
        (LinkTarget(u, [1]) for u in urls),  # any iterable, read as the checks run
        settings(http=fast_settings(per_host=2, concurrency=3)),
        progress=lambda done, total, c: seen_workers.append(_workers()),
    )
    assert [c.url for c in checks] == urls
    assert {c.status for c in checks} == {"ok"}
    for h in hosts:
        assert Farm.max_overlap(h.requests()) <= 2
        assert len(h.requests()) == 7  # 6 pages and one yardstick
    assert Farm.max_overlap(farm.requests()) <= 3
    assert max(seen_workers) <= 3
    assert _workers() == 0  # none left behind


def test_every_slot_of_a_host_is_used(farm: Farm):
    (h,) = farm.many_hosts(1, latency=0.05)
    urls = [live(h, f"/p/{i}") for i in range(12)]
    checks = check_links(
        [LinkTarget(u, [1]) for u in urls],
        settings(http=fast_settings(per_host=4, concurrency=8)),
    )
    assert all(c.status == "ok" for c in checks)
    assert Farm.max_overlap(h.requests()) == 4


def _slow_targets(site: FarmHost, dead: str, later: LinkTarget) -> Iterator[LinkTarget]:
    """The dead link, then (once its answer is in) the same link cited again with a date."""
    yield LinkTarget(dead, [1])
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if any(e.end is not None for e in site.requests(path="/status/404")):
            break
        time.sleep(0.01)
    time.sleep(0.05)  # the worker has the answer: without a wait it would ask the archive now
    yield later


def test_archive_lookup_waits_for_access_dates_cited_later(farm: Farm):
    site = farm.host("127.0.0.2")
    archive = farm.host("127.0.0.3")
    _fake_wayback(archive, "20201120000000")
    dead = site.url("/status/404")
    s = settings(
        archive_lookup=True,
        soft404_baseline=False,
        wayback_api_base=archive.base,
        wayback_web_base=archive.base,
    )
    later = LinkTarget(dead + "#section", [2], accessed="2020-11-26")
    checks = check_links(_slow_targets(site, dead, later), s)
    assert [c.url for c in checks] == [dead, dead + "#section"]
    assert checks[0].archive is not None and checks[0].archive.timestamp == "20201120000000"
    (asked,) = archive.requests(path="/wayback/available")
    assert "timestamp=20201126235959" in asked.path  # the date of the later citation


def test_an_error_in_the_progress_callback_stops_the_run(farm: Farm):
    hosts = farm.many_hosts(2, latency=0.02)
    urls = [h.url(f"/page/{i}") for i in range(10) for h in hosts]

    def progress(done: int, total: int, check: object) -> None:
        raise RuntimeError("caller gave up")

    with pytest.raises(RuntimeError, match="caller gave up"):
        check_links([LinkTarget(u, [1]) for u in urls], settings(), progress=progress)
    assert _workers() == 0
    # Queued checks were dropped: far fewer requests than links.
    assert len(farm.requests()) < len(urls)


def test_invalid_and_valid_urls_of_one_run():
    checks = check_links(
        [LinkTarget("ftp://example.org/x", [1]), LinkTarget("not a url", [2])], settings()
    )
    assert [c.status for c in checks] == ["invalid_url", "invalid_url"]
    assert "scheme ftp" in checks[0].reason


# -- page text read lazily ---------------------------------------------------------


def test_blocks_are_the_same_whether_read_first_or_last():
    body = (
        b"<html><head><title>Sayfa</title><style>x{}</style></head><body><h1>Ba\xc5\x9fl\xc4\xb1k"
        b"</h1><script>var a</script>tail<p>one <b>two</b></p><noscript>n</noscript>end</body>"
    )
    first = sig.page_text(body, "text/html; charset=utf-8")
    blocks = first.blocks
    last = sig.page_text(body, "text/html; charset=utf-8")
    assert (last.title, last.headings, last.has_script) == ("Sayfa", ["Başlık"], True)
    assert last.blocks == blocks == ["Başlık", "tail", "one", "two", "end"]
    assert first.text == "Başlık tail one two end"


def test_titles_fold_once_for_both_checks():
    page = sig.PageText(title="SAYFA BULUNAMADI", headings=["Alan adı satılıktır"])
    assert page.titles() == [
        ("SAYFA BULUNAMADI", "sayfa bulunamadi"),
        ("Alan adı satılıktır", "alan adi satiliktir"),
    ]
    assert sig.not_found_wording(page) == "SAYFA BULUNAMADI" and sig.is_parked(page)
    assert sig.PageText().blocks == [] and sig.PageText(blocks=["a"]).text == "a"


def _baseline(body: bytes, size: int | None) -> bl.SiteBaseline:
    return bl.SiteBaseline("http://x/0", 200, None, sig.PageText(), bl.digest(body), body_size=size)


def test_same_body_checks_size_then_digest():
    body = b"<html><script src=app.js></script></html>"
    assert bl.same_body(body, _baseline(body, len(body)))
    assert bl.same_body(body, _baseline(body, None))  # a yardstick without a size
    assert not bl.same_body(body + b" ", _baseline(body, len(body)))
    assert not bl.same_body(body[:-1] + b"X", _baseline(body, len(body)))  # same size
    assert not bl.same_body(b"", _baseline(b"", 0))
    big = b"a" * (sig.MAX_TEXT_BYTES + 10)
    assert bl.same_body(big + b"tail", _baseline(big, sig.MAX_TEXT_BYTES))
