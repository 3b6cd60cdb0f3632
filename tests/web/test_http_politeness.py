"""Politeness and retries: per-host and global limits, delays, backoff, Retry-After.

Limits are checked on the farm's own log of concurrent requests, which counts a
request from its arrival until just before the last byte of its answer: the
server can never see more in flight than the client actually had.
"""

from __future__ import annotations

import itertools
import statistics
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from citecheck.web.http import parse_retry_after
from citecheck.web.politeness import HostGate
from citecheck.web.settings import HttpSettings
from tests.web.farm import Farm, FarmHost, retry_after_date


def _fetch_all(client, urls: list[str], threads: int = 16) -> list:
    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(client.fetch, urls))


@pytest.mark.parametrize("per_host", [1, 3])
def test_per_host_limit_never_exceeded(make_client, farm: Farm, per_host: int) -> None:
    host = farm.host(latency=0.03)
    client = make_client(per_host=per_host, concurrency=16)
    results = _fetch_all(client, [host.url(f"/page/{i}") for i in range(24)])
    assert all(r.status == 200 for r in results)
    assert host.max_active <= per_host
    assert host.max_active == per_host  # and the limit is used, not undershot
    assert Farm.max_overlap(host.requests()) <= per_host


def test_hosts_run_in_parallel_each_within_its_limit(make_client, farm: Farm) -> None:
    hosts = farm.many_hosts(3, latency=0.03)
    client = make_client(per_host=2, concurrency=16)
    urls = [h.url(f"/page/{i}") for i in range(10) for h in hosts]
    _fetch_all(client, urls, threads=12)
    assert all(h.max_active <= 2 for h in hosts)
    assert Farm.max_overlap(farm.requests()) > 2  # different hosts overlapped


def test_global_limit_never_exceeded(make_client, farm: Farm) -> None:
    hosts = farm.many_hosts(4, latency=0.03)
    client = make_client(per_host=4, concurrency=3)
    _fetch_all(client, [h.url(f"/page/{i}") for i in range(8) for h in hosts], threads=16)
    assert Farm.max_overlap(farm.requests()) == 3


def test_min_delay_between_requests_to_one_host(make_client, farm: Farm) -> None:
    host, other = farm.host(), farm.host("127.0.0.2")
    client = make_client(per_host=4, min_delay=0.15)
    _fetch_all(client, [host.url(f"/page/{i}") for i in range(5)] + [other.url("/page/o")])
    starts = sorted(e.start for e in host.requests())
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert len(starts) == 5
    # 0.15 s apart as the client schedules them; on arrival, thread scheduling on a
    # busy machine can shift one request, not the whole series: a request that
    # reaches the server late leaves one gap short and the one before it long
    # (seen once: 0.29 s then 0.005 s), so the median gap and the span are read.
    assert statistics.median(gaps) >= 0.1 and starts[-1] - starts[0] >= 0.5
    # The delay is per host: the other host was not made to queue behind them.
    assert other.requests()[0].start < starts[-1]


def test_redirect_hops_each_take_a_politeness_slot(make_client, host: FarmHost) -> None:
    client = make_client(per_host=1, min_delay=0.1)
    r = client.fetch(host.url("/redirect/301/2"))
    starts = [e.start for e in host.requests()]
    assert r.status == 200 and len(starts) == 3
    assert all(b - a >= 0.05 for a, b in itertools.pairwise(starts))  # 0.1 s, less noise
    assert r.wait_ms >= 150


def test_429_without_retry_after_backs_off_and_retries(client, host: FarmHost) -> None:
    r = client.fetch(host.url("/retry-after/none"))
    assert r.status == 429 and r.attempts == 3 and r.retry_after is None
    assert len(host.requests()) == 3 and r.transient


def test_retry_after_seconds_is_honoured(make_client, host: FarmHost) -> None:
    r = make_client(retries=1).fetch(host.url("/retry-after/1"))
    assert r.status == 429 and r.attempts == 2 and r.retry_after == 1.0
    first, second = (e.start for e in host.requests())
    assert second - first >= 0.95  # waited as asked, not the 10 ms backoff


def test_retry_after_date_is_honoured(make_client, host: FarmHost) -> None:
    host.route(
        "/busy",
        lambda ctx: ctx.send(
            429 if ctx.count == 1 else 200,
            b"<html>x</html>",
            [("Retry-After", retry_after_date(2))] if ctx.count == 1 else [],
        ),
    )
    r = make_client(retry_after_cap=5).fetch(host.url("/busy"))
    assert r.status == 200 and r.attempts == 2
    first, second = (e.start for e in host.requests())
    assert second - first >= 0.9  # HTTP-date has 1 s resolution: at least ~1 s of the 2


def test_retry_after_beyond_the_cap_gives_up_at_once(make_client, farm: Farm) -> None:
    client = make_client(retry_after_cap=2)
    host, other = farm.host(), farm.host("127.0.0.2")  # the first 429 slows its host down
    r = client.fetch(host.url("/retry-after/3600"))
    assert r.status == 429 and r.attempts == 1 and r.retry_after == 3600
    assert len(host.requests()) == 1 and r.transient  # reported as rate limited, not cached
    r = client.fetch(other.url(f"/retry-after/date:{7 * 86400}"))
    assert r.status == 429 and r.attempts == 1 and r.retry_after > 86400


def test_retry_after_slows_the_whole_host(make_client, host: FarmHost) -> None:
    # A 429 + Retry-After from a host makes other requests to it wait too.
    host.route("/limited", lambda ctx: ctx.send(429, b"", [("Retry-After", "1")]))
    client = make_client(retries=0)
    client.fetch(host.url("/limited"))
    client.fetch(host.url("/page/next"))
    limited, nxt = host.requests()
    assert nxt.start - limited.start >= 0.95


def test_backoff_grows_between_attempts(make_client, host: FarmHost) -> None:
    client = make_client(retries=3, backoff_base=0.1, backoff_max=1.0, backoff_jitter=0.0)
    r = client.fetch(host.url("/status/503"))
    assert r.attempts == 4
    starts = [e.start for e in host.requests()]
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert gaps[0] >= 0.09 and gaps[1] >= 0.19 and gaps[2] >= 0.39  # 0.1, 0.2, 0.4 s


def test_parse_retry_after() -> None:
    now = datetime(2025, 11, 26, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("120", now) == 120
    assert parse_retry_after("0", now) == 0
    later = (now + timedelta(seconds=90)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert parse_retry_after(later, now) == 90
    earlier = (now - timedelta(hours=1)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert parse_retry_after(earlier, now) == 0
    for bad in (None, "", "soon", "-5", "1.5e3", "²"):  # "²" is a digit float() cannot read
        assert parse_retry_after(bad, now) is None


def test_gate_forgets_idle_hosts() -> None:
    gate = HostGate(concurrency=4, per_host=2, min_delay=0.0)
    for i in range(100):
        with gate.slot(f"host{i}.example"):
            pass
    assert gate.hosts_tracked() == 0  # an audit over thousands of hosts stays small


def test_settings_refuse_a_user_agent_naming_link() -> None:
    with pytest.raises(ValueError, match="link"):
        HttpSettings(user_agent="LinkChecker/10")
    assert "link" not in HttpSettings().user_agent.lower()


def test_settings_from_a_config_table() -> None:
    s = HttpSettings.from_dict(
        {
            "per_host": 4,
            "head_unreliable_hosts": ["Example.com"],
            "allowed_networks": ["10.0.0.0/8"],
        }
    )
    assert s.per_host == 4 and s.head_unreliable_hosts == frozenset({"example.com"})
    assert s.allowed_networks == ("10.0.0.0/8",)
    with pytest.raises(ValueError, match="per_hots"):
        HttpSettings.from_dict({"per_hots": 4})
    with pytest.raises(ValueError, match="read_timeout"):
        HttpSettings.from_dict({"read_timeout": "20"})
    with pytest.raises(ValueError, match="per_host"):
        HttpSettings(per_host=0)


def test_gate_limits_each_host_under_contention() -> None:
    # Many threads on a few hosts: inside the slot, never more than per_host per host
    # and never more than the global limit; every thread gets through.
    import threading
    import time

    gate = HostGate(concurrency=5, per_host=2, min_delay=0.0)
    lock = threading.Lock()
    inside: dict[str, int] = {}
    peak: dict[str, int] = {}
    total_peak = [0, 0]  # current, peak

    def work(i: int) -> None:
        host = f"h{i % 3}"
        with gate.slot(host):
            with lock:
                inside[host] = inside.get(host, 0) + 1
                peak[host] = max(peak.get(host, 0), inside[host])
                total_peak[0] += 1
                total_peak[1] = max(total_peak[1], total_peak[0])
            time.sleep(0.002)
            with lock:
                inside[host] -= 1
                total_peak[0] -= 1

    with ThreadPoolExecutor(24) as pool:
        list(pool.map(work, range(240)))
    assert max(peak.values()) == 2 and total_peak[1] <= 5
    assert gate.hosts_tracked() == 0


def test_gate_keeps_a_deferred_host_until_its_delay_passed() -> None:
    import time

    gate = HostGate(concurrency=4, per_host=2, min_delay=0.0)
    gate.defer("slow.example", 0.2)
    assert gate.hosts_tracked() == 1  # forgetting it would forget the Retry-After
    t0 = time.monotonic()
    with gate.slot("slow.example") as waited:
        pass
    assert time.monotonic() - t0 >= 0.15 and waited >= 0.15
    with gate.slot("fast.example") as waited:
        assert waited < 0.1  # another host is not held back
