"""HttpClient against the loopback farm: answers, redirects, HEAD→GET, hooks, encoding."""

from __future__ import annotations

import socket
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.codes import LinkStatus
from citecheck.web.http import HttpClient
from citecheck.web.result import Exchange
from tests.web.conftest import fast_settings
from tests.web.farm import PDF_BYTES, Ctx, Farm, FarmHost, page, redirect, reset, status


def test_page_fetched_with_metadata(client: HttpClient, host: FarmHost) -> None:
    r = client.fetch(host.url("/page/a"))
    assert r.ok and r.status == 200 and r.error_kind is None
    assert r.final_url == host.url("/page/a") and r.hops == []
    assert r.content_type == "text/html" and r.charset == "utf-8"
    assert "Bu sayfa canlı bir makaledir." in r.text()
    assert r.attempts == 1 and r.transient is False
    assert r.fetched_at.endswith("Z") and "T" in r.fetched_at
    assert r.headers["server"] == "citecheck-farm"  # lower-case keys


def test_user_agent_is_truthful_and_avoids_link(client: HttpClient, host: FarmHost) -> None:
    client.fetch(host.url("/page/ua"))
    (entry,) = host.requests("/page/ua")
    ua = entry.headers["user-agent"]
    assert "citecheck/" in ua and "+http" in ua
    assert "link" not in ua.lower()
    assert "gzip" in entry.headers["accept-encoding"]


@pytest.mark.parametrize("code", [404, 410, 403, 401, 400, 501])
def test_permanent_statuses_are_not_retried(client: HttpClient, host: FarmHost, code: int) -> None:
    r = client.fetch(host.url(f"/status/{code}"))
    assert r.status == code and r.error_kind is None
    assert r.attempts == 1 and len(host.requests(f"/status/{code}")) == 1
    assert r.transient is False


@pytest.mark.parametrize("code", [500, 502, 503, 504])
def test_server_errors_are_retried_then_reported(
    client: HttpClient, host: FarmHost, code: int
) -> None:
    r = client.fetch(host.url(f"/status/{code}"))
    assert r.status == code and r.error_kind is None
    assert r.attempts == 3 and len(host.requests(f"/status/{code}")) == 3  # retries=2
    assert r.transient is True  # the cache must not keep it


def test_503_then_200(client: HttpClient, host: FarmHost) -> None:
    r = client.fetch(host.url("/flaky/2"))
    assert r.status == 200 and r.attempts == 3 and r.transient is False
    assert len(host.requests("/flaky/2")) == 3


def test_no_retries_when_disabled(make_client, host: FarmHost) -> None:
    r = make_client(retries=0).fetch(host.url("/flaky/1"))
    assert r.status == 503 and r.attempts == 1


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_redirect_chain_recorded(client: HttpClient, host: FarmHost, code: int) -> None:
    r = client.fetch(host.url(f"/redirect/{code}/3"))
    assert r.status == 200 and r.final_url == host.url("/page/landed")
    assert [h.status for h in r.hops] == [code] * 3
    assert [h.url for h in r.hops] == [
        host.url(f"/redirect/{code}/3"),
        host.url(f"/redirect/{code}/2"),
        host.url(f"/redirect/{code}/1"),
    ]
    assert r.permanent_redirect is (code in (301, 308))


def test_redirect_to_home_page(client: HttpClient, host: FarmHost) -> None:
    r = client.fetch(host.url("/to-home"))
    assert r.status == 200 and r.final_url == host.url("/")
    assert [h.status for h in r.hops] == [301]


def test_redirect_across_hosts(client: HttpClient, farm: Farm) -> None:
    a, b = farm.host("127.0.0.1"), farm.host("127.0.0.2")
    a.route("/moved", redirect(b.url("/page/new"), 301))
    r = client.fetch(a.url("/moved"))
    assert r.status == 200 and r.final_url == b.url("/page/new")
    assert len(b.requests("/page/new")) == 1


def test_redirect_loop_detected(client: HttpClient, host: FarmHost) -> None:
    r = client.fetch(host.url("/loop/a"))
    assert r.error_kind == LinkStatus.BROKEN and r.error_code == "redirect_loop"
    assert [h.url for h in r.hops] == [host.url("/loop/a"), host.url("/loop/b")]
    assert len(host.requests()) == 2 and r.attempts == 1  # permanent: no retry


def test_redirect_chain_past_the_cap(make_client, host: FarmHost) -> None:
    r = make_client(max_redirects=3).fetch(host.url("/redirect/302/10"))
    assert r.error_kind == LinkStatus.BROKEN and r.error_code == "too_many_redirects"
    assert len(r.hops) == 4 and len(host.requests()) == 4
    assert r.attempts == 1


def test_redirect_with_cookie_to_itself_is_not_a_loop(client: HttpClient, host: FarmHost) -> None:
    # Sites that test for cookies answer 302 to the same URL with Set-Cookie once.
    def cookie_gate(ctx: Ctx) -> None:
        if "seen=1" in (ctx.headers.get("Cookie") or ""):
            ctx.send(200, b"<html><title>ok</title></html>")
        else:
            ctx.send(302, b"", [("Location", "/gate"), ("Set-Cookie", "seen=1; Path=/")])

    host.route("/gate", cookie_gate)
    r = client.fetch(host.url("/gate"))
    assert r.status == 200 and [h.status for h in r.hops] == [302]
    # Cookies live for one fetch only: a new fetch starts without them.
    r2 = client.fetch(host.url("/gate"))
    assert r2.status == 200 and len(r2.hops) == 1


def test_redirect_location_with_turkish_characters(client: HttpClient, host: FarmHost) -> None:
    # The Location header carries raw UTF-8 (common on Turkish sites).
    def raw_location(ctx: Ctx) -> None:
        ctx.write_final(
            b"HTTP/1.1 301 Moved\r\nContent-Length: 0\r\nLocation: /Blog/T\xc3\x9cRK-"
            b"DEVLETLER\xc4\xb0\r\n\r\n"
        )

    host.route("/eski", raw_location)
    host.route("/Blog/T%C3%9CRK-DEVLETLER%C4%B0", page("Türk Devletleri"))
    r = client.fetch(host.url("/eski"))
    assert r.status == 200 and r.final_url == host.url("/Blog/T%C3%9CRK-DEVLETLER%C4%B0")


def test_follow_redirects_off(client: HttpClient, host: FarmHost) -> None:
    r = client.fetch(host.url("/redirect/301/2"), follow_redirects=False)
    assert r.status == 301 and r.headers["location"] == "/redirect/301/1" and r.hops == []


def test_iri_is_encoded_on_the_wire(client: HttpClient, host: FarmHost) -> None:
    path = "/Blog/ORTA-ASYA-TÜRK-DEVLETLERİ?q=İş"
    r = client.fetch(host.url(path))
    assert r.url == host.url("/Blog/ORTA-ASYA-T%C3%9CRK-DEVLETLER%C4%B0?q=%C4%B0%C5%9F")
    (entry,) = host.requests()
    assert entry.path == "/Blog/ORTA-ASYA-T%C3%9CRK-DEVLETLER%C4%B0?q=%C4%B0%C5%9F"


def test_idn_host_goes_out_as_punycode(make_client, host: FarmHost) -> None:
    client = make_client(resolve_overrides={"türkiye.test": "127.0.0.1"})
    r = client.fetch(f"http://türkiye.test:{host.port}/page/idn")
    assert r.status == 200
    (entry,) = host.requests("/page/idn")
    assert entry.headers["host"] == f"xn--trkiye-3ya.test:{host.port}"


def test_resolve_overrides_replay_real_urls(make_client, farm: Farm) -> None:
    h = farm.host("127.0.0.3")
    client = make_client(resolve_overrides={"avimbulten.org": "127.0.0.3"})
    r = client.fetch(f"http://AVIMBULTEN.org:{h.port}/page/x")
    assert r.status == 200
    assert h.requests()[0].headers["host"] == f"avimbulten.org:{h.port}"


def test_invalid_url_never_reaches_the_network(client: HttpClient, host: FarmHost) -> None:
    for bad in ["htp:/x", "javascript:alert(1)", "http://exa mple.com/", "mailto:a@b.c", ""]:
        r = client.fetch(bad)
        assert r.error_kind == LinkStatus.INVALID_URL and r.attempts == 0 and r.error
        assert r.transient is False
    assert host.requests() == []


def test_gzip_body_is_decoded(client: HttpClient, host: FarmHost) -> None:
    r = client.fetch(host.url("/gzipped"))
    assert r.status == 200 and b"gzip ile g" in r.body and not r.truncated
    assert r.bytes_read < len(r.body)  # compressed on the wire


def test_missing_and_wrong_content_type(client: HttpClient, host: FarmHost) -> None:
    r = client.fetch(host.url("/no-content-type"))
    assert r.status == 200 and r.content_type is None and r.sniffed_type == "text/html"
    r = client.fetch(host.url("/wrong-content-type"))
    assert r.content_type == "application/octet-stream" and r.sniffed_type == "text/html"


def test_pdf(client: HttpClient, host: FarmHost) -> None:
    r = client.fetch(host.url("/doc.pdf"))
    assert r.content_type == "application/pdf" and r.body == PDF_BYTES
    assert r.sniffed_type == "application/pdf"


def test_bot_walls_come_back_with_their_signals(client: HttpClient, host: FarmHost) -> None:
    cf = client.fetch(host.url("/cloudflare"))
    assert cf.status == 403 and cf.headers["cf-mitigated"] == "challenge"
    assert b"Just a moment" in cf.body and cf.attempts == 1
    dd = client.fetch(host.url("/datadome"))
    assert dd.status == 403 and dd.headers["x-datadome"] == "protected"
    assert b"captcha-delivery.com" in dd.body


def test_text_falls_back_for_turkish_windows_pages(client: HttpClient, host: FarmHost) -> None:
    host.route(
        "/cp1254",
        lambda ctx: ctx.send(200, "Dış İşleri".encode("cp1254"), content_type="text/html"),
    )
    assert client.fetch(host.url("/cp1254")).text() == "Dış İşleri"


# ---------------------------------------------------------------- probe (HEAD first)


def test_probe_uses_head_when_it_is_enough(client: HttpClient, host: FarmHost) -> None:
    r = client.probe(host.url("/page/p"))
    assert r.method == "HEAD" and r.status == 200 and r.body == b""
    assert len(host.requests("/page/p", "HEAD")) == 1 and host.requests("/page/p", "GET") == []


def test_probe_falls_back_to_get_on_405(client: HttpClient, host: FarmHost) -> None:
    r = client.probe(host.url("/head-405"))
    assert r.method == "GET" and r.status == 200 and r.head_status == 405
    assert r.attempts == 2
    assert len(host.requests("/head-405", "HEAD")) == 1
    assert len(host.requests("/head-405", "GET")) == 1


def test_probe_trusts_get_when_head_lies(client: HttpClient, host: FarmHost) -> None:
    r = client.probe(host.url("/head-404"))
    assert r.status == 200 and r.head_status == 404
    # The host is now known to answer HEAD wrongly: later probes go straight to GET.
    r2 = client.probe(host.url("/page/after"))
    assert r2.method == "GET" and r2.head_status is None
    assert host.requests("/page/after", "HEAD") == []


def test_probe_really_broken_link_is_404_both_ways(client: HttpClient, host: FarmHost) -> None:
    r = client.probe(host.url("/status/404"))
    assert r.status == 404 and r.head_status == 404 and r.method == "GET"


def test_probe_need_body_reads_html_with_small_cap(make_client, host: FarmHost) -> None:
    client = make_client(probe_body_bytes=1000)
    r = client.probe(host.url("/doc.pdf"), need_body=True)
    assert r.method == "HEAD" and r.content_type == "application/pdf"  # not HTML: HEAD will do
    r = client.probe(host.url("/endless"), need_body=True)
    assert r.method == "GET" and r.truncated and len(r.body) == 1000


def test_probe_skips_head_for_known_hosts(make_client, host: FarmHost) -> None:
    client = make_client(head_unreliable_hosts=frozenset({"127.0.0.1"}))
    r = client.probe(host.url("/page/z"))
    assert r.method == "GET" and host.requests(method="HEAD") == []


def test_probe_does_not_repeat_dns_failures(client: HttpClient, farm: Farm) -> None:
    r = client.probe(farm.unresolvable_url)
    assert r.error_kind == LinkStatus.DNS_ERROR and r.method == "HEAD" and r.attempts == 1


# ---------------------------------------------------------------- observers


def test_on_response_sees_every_hop(make_client, host: FarmHost) -> None:
    seen: list[Exchange] = []
    client = make_client(on_response=seen.append)
    client.fetch(host.url("/redirect/301/2"))
    assert [(e.status, e.url) for e in seen] == [
        (301, host.url("/redirect/301/2")),
        (301, host.url("/redirect/301/1")),
        (200, host.url("/page/landed")),
    ]
    last = seen[-1]
    assert b"Makale landed" in last.body and last.remote_addr == "127.0.0.1"
    assert ("Server", "citecheck-farm") in last.headers and last.http_version == "HTTP/1.1"
    assert last.request_headers["User-Agent"].startswith("citecheck/")


def test_on_response_failure_does_not_break_the_fetch(make_client, host: FarmHost) -> None:
    def broken_hook(exchange: Exchange) -> None:
        raise OSError("disk full")

    r = make_client(on_response=broken_hook).fetch(host.url("/page/hook"))
    assert r.status == 200 and r.error_kind is None


# ---------------------------------------------------------------- threads


def test_many_threads_one_client(make_client, farm: Farm) -> None:
    hosts = farm.many_hosts(4)
    for h in hosts:
        h.route("/x", status(200, body=b"<html>x</html>"))
    client = make_client(concurrency=8, per_host=2)
    urls = [h.url(f"/page/{i}") for i in range(25) for h in hosts]
    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(client.fetch, urls))
    assert all(r.status == 200 for r in results)
    assert [r.url for r in results] == urls
    assert client.requests_sent == len(urls)
    assert threading.active_count() < 40  # no thread per request


def test_client_never_raises_for_odd_input(client: HttpClient) -> None:
    for odd in [None, 42, b"http://x"]:
        r = client.fetch(odd)  # type: ignore[arg-type]
        assert r.error_kind == LinkStatus.INVALID_URL


def test_connections_are_reused(make_client, host: FarmHost) -> None:
    client = make_client(per_host=1)
    for i in range(5):
        assert client.fetch(host.url(f"/page/{i}")).status == 200
    client.fetch(host.url("/redirect/301/2"))
    client.probe(host.url("/page/head"))
    assert len({e.client for e in host.requests()}) == 1  # one keep-alive connection


def test_redirect_location_with_a_space_is_followed(client: HttpClient, host: FarmHost) -> None:
    host.route("/spaced", redirect("/page/with space", 302))
    r = client.fetch(host.url("/spaced"))
    assert r.status == 200 and r.final_url == host.url("/page/with%20space")


def test_redirect_to_javascript_is_an_invalid_url(client: HttpClient, host: FarmHost) -> None:
    host.route("/js", redirect("javascript:alert(1)", 302))
    r = client.fetch(host.url("/js"))
    assert r.error_kind == LinkStatus.INVALID_URL and [h.status for h in r.hops] == [302]


def test_failed_hop_does_not_show_the_previous_answer(client: HttpClient, host: FarmHost) -> None:
    host.route("/to-reset", redirect("/reset", 302))
    r = client.fetch(host.url("/to-reset"))
    assert r.error_kind == LinkStatus.CONNECTION_ERROR and r.status is None
    assert r.final_url == host.url("/reset") and [h.status for h in r.hops] == [302]


def test_probe_head_refused_host_is_remembered(client: HttpClient, host: FarmHost) -> None:
    host.route("/a", lambda ctx: ctx.send(405 if ctx.method == "HEAD" else 404, b"x"))
    r = client.probe(host.url("/a"))
    assert r.status == 404 and r.head_status == 405
    client.probe(host.url("/page/b"))
    assert host.requests("/page/b", "HEAD") == []  # HEAD is not tried on this host again


def test_probe_falls_back_when_head_hangs_up(client: HttpClient, host: FarmHost) -> None:
    host.route("/x", lambda ctx: (reset() if ctx.method == "HEAD" else page("ok"))(ctx))
    r = client.probe(host.url("/x"))
    assert r.status == 200 and r.method == "GET" and r.head_status is None


def test_probe_does_not_fall_back_on_refused_connection(client: HttpClient) -> None:
    r = client.probe(Farm.closed_port_url())
    assert r.method == "HEAD" and r.error_code == "connection_refused"


@pytest.fixture(scope="module")
def dnsless_client():
    """Every lookup fails in a stub resolver: no packet can leave the machine."""

    def no_dns(name: str, port: int) -> list:
        raise socket.gaierror(socket.EAI_NONAME, "stub resolver")

    with HttpClient(fast_settings(retries=0, allow_private=False), resolver=no_dns) as c:
        yield c


@settings(max_examples=200, deadline=None)
@given(
    scheme=st.sampled_from(["http://", "https://", "htp:/", "javascript:", "", "HTTP://"]),
    host=st.text(alphabet="habcçğışöüİ.-_ %[]:@", min_size=0, max_size=15),
    rest=st.text(max_size=30),
)
def test_fetch_never_raises(dnsless_client: HttpClient, scheme: str, host: str, rest: str) -> None:
    # Host names start with a letter, so never an IP literal that would be connected to.
    r = dnsless_client.fetch(scheme + "h" + host + "/" + rest)
    assert r.status is None and r.error
    assert r.error_kind in {LinkStatus.INVALID_URL, LinkStatus.DNS_ERROR}
