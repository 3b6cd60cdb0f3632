"""Hostile servers: every case ends with the right error within bounded time and memory.

Bounds are asserted on bytes read, attempts and request counts, never on wall
time; the small timeouts of conftest.FAST keep each case short.
"""

from __future__ import annotations

import threading

import pytest

from citecheck.codes import LinkStatus
from citecheck.web.body import CHUNK, ContentDecodingError, gunzip_capped
from citecheck.web.http import HttpClient
from citecheck.web.transport import BoundedLookups
from tests.conftest import require
from tests.web.farm import Farm, FarmHost, chunked, gzip_bomb_bytes

CAP = 256 * 1024


def test_slowloris_body_hits_the_total_deadline(make_client, host: FarmHost) -> None:
    # One byte every 0.5 s never trips a 1 s read timeout; only the total deadline stops it.
    r = make_client(total_timeout=1.5).fetch(host.url("/slow"))
    assert r.error_kind == LinkStatus.TIMEOUT and r.error_code == "total_timeout"
    assert r.status == 200  # the answer had started
    assert r.attempts == 1  # a whole-request timeout is not retried at once ...
    assert r.transient is True  # ... but never cached either
    assert len(host.requests("/slow")) == 1


def test_slow_headers_hit_the_total_deadline(make_client, host: FarmHost) -> None:
    r = make_client(total_timeout=1.5).fetch(host.url("/slow-headers"))
    assert r.error_kind == LinkStatus.TIMEOUT and r.error_code == "total_timeout"
    assert r.status is None and r.attempts == 1


def test_silent_server_hits_the_read_timeout(make_client, host: FarmHost) -> None:
    host.route("/silent", lambda ctx: ctx.sleep(5))
    r = make_client(read_timeout=0.3, total_timeout=3, retries=1).fetch(host.url("/silent"))
    assert r.error_kind == LinkStatus.TIMEOUT and r.error_code == "read_timeout"
    assert r.attempts == 2 and len(host.requests("/silent")) == 2  # read timeouts are retried


def test_endless_body_is_cut_at_the_cap(make_client, host: FarmHost) -> None:
    r = make_client(max_body_bytes=CAP).fetch(host.url("/endless"))
    assert r.status == 200 and r.error_kind is None
    assert r.truncated and len(r.body) == CAP
    assert r.bytes_read <= CAP + CHUNK  # stopped reading right after the cap


def test_body_far_over_the_cap(make_client, host: FarmHost) -> None:
    r = make_client(max_body_bytes=CAP).fetch(host.url("/big"))  # declares 256 MiB
    assert r.status == 200 and r.truncated and len(r.body) == CAP
    assert r.bytes_read <= CAP + CHUNK


def test_max_bytes_per_call(client: HttpClient, host: FarmHost) -> None:
    r = client.fetch(host.url("/big"), max_bytes=5000)
    assert r.truncated and len(r.body) == 5000 and r.bytes_read <= 5000 + CHUNK


def test_gzip_bomb_stops_at_the_decoded_cap(make_client, host: FarmHost) -> None:
    bomb = gzip_bomb_bytes(64 * 1024 * 1024)
    r = make_client(max_body_bytes=CAP).fetch(host.url("/gzip-bomb"))
    assert r.status == 200 and r.truncated and len(r.body) == CAP
    assert set(r.body) == {0}
    # ~1000:1 compression: a 256 KiB cap needs a few hundred compressed bytes, not 64 MiB.
    assert r.bytes_read < len(bomb) and r.bytes_read <= CHUNK


def test_corrupt_gzip_is_a_decoding_error(client: HttpClient, host: FarmHost) -> None:
    host.route(
        "/bad-gzip",
        lambda ctx: ctx.send(200, b"\x1f\x8b\x08\x00garbage!", [("Content-Encoding", "gzip")]),
    )
    r = client.fetch(host.url("/bad-gzip"))
    assert r.status == 200 and r.error_kind == LinkStatus.CONNECTION_ERROR
    assert r.error_code == "content_decoding" and r.attempts == 1


def test_huge_header_line(client: HttpClient, host: FarmHost) -> None:
    r = client.fetch(host.url("/huge-header"))
    assert r.error_kind == LinkStatus.CONNECTION_ERROR and r.error_code == "header_too_large"
    assert r.attempts == 1


def test_many_header_lines_past_the_cap(make_client, host: FarmHost) -> None:
    r = make_client(max_header_bytes=16 * 1024).fetch(host.url("/many-headers"))
    assert r.error_kind == LinkStatus.CONNECTION_ERROR and r.error_code == "header_too_large"
    assert "exceed" in (r.error or "")


def test_connection_reset(client: HttpClient, host: FarmHost) -> None:
    r = client.fetch(host.url("/reset"))
    assert r.error_kind == LinkStatus.CONNECTION_ERROR and r.status is None
    assert r.attempts == 3 and len(host.requests("/reset")) == 3  # transient: retried


def test_body_cut_short(client: HttpClient, host: FarmHost) -> None:
    r = client.fetch(host.url("/cut-short"))
    assert r.error_kind == LinkStatus.CONNECTION_ERROR and r.error_code == "connection_closed"
    assert r.attempts == 3


def test_refused_connection(client: HttpClient) -> None:
    r = client.fetch(Farm.closed_port_url("/x"))
    assert r.error_kind == LinkStatus.CONNECTION_ERROR and r.error_code == "connection_refused"
    assert r.error == "connection refused" and r.attempts == 3 and r.transient


def test_unresolvable_host(client: HttpClient) -> None:
    r = client.fetch(Farm.unresolvable_url)
    assert r.error_kind == LinkStatus.DNS_ERROR and r.error_code == "dns_not_found"
    assert r.attempts == 1 and not r.transient  # NXDOMAIN is permanent


def test_dns_failure_from_resolver(make_client) -> None:
    def no_such_name(host: str, port: int) -> list:
        import socket

        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    # A gaierror from a custom resolver is classified like the system's.
    r = make_client(resolver=no_such_name).fetch("http://gone.example/x")
    assert r.error_kind == LinkStatus.DNS_ERROR


def test_tls_spoken_to_plain_http(client: HttpClient, host: FarmHost) -> None:
    r = client.fetch(Farm.tls_mismatch_url(host))
    assert r.error_kind == LinkStatus.TLS_ERROR and r.attempts == 1
    assert r.error and r.error.startswith("TLS handshake failed")


def test_self_signed_certificate(farm: Farm, make_client) -> None:
    require(Farm.can_make_certificates(), "openssl (self-signed certificates)")
    secure = farm.host(tls=True)
    r = make_client().fetch(secure.url("/page/tls"))
    assert r.error_kind == LinkStatus.TLS_ERROR and "certificate" in (r.error or "")
    assert r.attempts == 1
    # The same server works when verification is off: the failure was the certificate.
    ok = make_client(verify_tls=False).fetch(secure.url("/page/tls"))
    assert ok.status == 200 and b"Makale tls" in ok.body


def test_one_bad_url_never_stops_the_others(make_client, farm: Farm) -> None:
    host = farm.host()
    client = make_client(total_timeout=1.0, retries=0)
    urls = [
        host.url("/slow"),
        host.url("/endless"),
        host.url("/gzip-bomb"),
        host.url("/reset"),
        Farm.unresolvable_url,
        "htp:/x",
        host.url("/page/good"),
    ]
    results: dict[str, object] = {}

    def run(u: str) -> None:
        results[u] = client.fetch(u, max_bytes=CAP)

    threads = [threading.Thread(target=run, args=(u,)) for u in urls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    assert len(results) == len(urls)
    good = results[host.url("/page/good")]
    assert good.status == 200 and good.error_kind is None  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", ["/slow", "/endless"])
def test_farm_teardown_stops_streaming_handlers(path: str, make_client) -> None:
    farm = Farm()
    h = farm.host()
    make_client(total_timeout=0.5, retries=0).fetch(h.url(path))
    farm.close()
    assert not h._thread.is_alive()


def test_hanging_dns_lookup_is_bounded(make_client) -> None:
    release = threading.Event()

    def hanging_lookup(host: str, port: int) -> list:
        release.wait(5)  # a resolver that does not answer
        return []

    lookups = BoundedLookups(timeout=0.2, workers=2, lookup=hanging_lookup)
    try:
        r = make_client(resolver=lookups, retries=1).fetch("http://slow-dns.example/")
        assert r.error_kind == LinkStatus.DNS_ERROR and r.error_code == "dns_temporary"
        assert r.attempts == 2 and r.transient  # a resolver hiccup is worth a retry
    finally:
        release.set()
        lookups.close()


def test_gunzip_capped_for_sitemap_files() -> None:
    import gzip

    data, truncated = gunzip_capped(gzip.compress(b"<urlset/>"), 1000)
    assert data == b"<urlset/>" and not truncated
    data, truncated = gunzip_capped(gzip_bomb_bytes(64 * 1024 * 1024), CAP)
    assert len(data) == CAP and truncated
    with pytest.raises(ContentDecodingError):
        gunzip_capped(b"<urlset/> not gzip", 1000)


def _closes_silently(code: int, location: str | None = None):  # type: ignore[no-untyped-def]
    """An HTTP/1.1 server that closes after every answer without saying so."""

    def run(ctx) -> None:  # type: ignore[no-untyped-def]
        ctx.close_connection()
        headers = [("Location", location)] if location else []
        ctx.send(code, b"<html><body>Sessizce kapanan sunucu.</body></html>", headers)

    return run


def test_server_closing_kept_alive_connections_silently(make_client, host: FarmHost) -> None:
    # The client keeps the connection for the next request; the server has closed it.
    # That request never arrived: it is sent again at once on a new connection
    # (GET/HEAD only), instead of a connection error for a live page.
    host.route("/a", _closes_silently(302, "/b"))
    host.route("/b", _closes_silently(200))
    client = make_client(retries=0, per_host=2)
    for _ in range(15):
        r, p = client.fetch(host.url("/a")), client.probe(host.url("/b"))
        assert r.status == 200 and [h.status for h in r.hops] == [302], r.error
        assert p.status == 200 and p.attempts == 1, p.error
    assert len(host.requests()) == 45  # no request was answered twice


def test_reset_on_a_fresh_connection_is_not_resent(make_client, host: FarmHost) -> None:
    client = make_client(retries=0)
    r = client.fetch(host.url("/reset"))
    assert r.error_code == "connection_reset" and len(host.requests("/reset")) == 1


def test_chunked_bodies(make_client, host: FarmHost) -> None:
    text = "Parçalı gövde: Türk Devletleri Teşkilatı. " * 500
    body = f"<html><body>{text}</body></html>".encode()
    host.route("/chunked", chunked(body))
    host.route("/chunked-gzip", chunked(body, gzip_it=True, size=333))
    client = make_client()
    for path in ("/chunked", "/chunked-gzip"):
        r = client.fetch(host.url(path))
        assert r.status == 200 and r.body == body and not r.truncated, path
        again = client.fetch(host.url(path))  # the connection came back clean
        assert again.body == body
    assert len({e.client for e in host.requests()}) == 1  # one kept-alive connection
    assert client.probe(host.url("/chunked")).status == 200  # HEAD: no chunks follow


def test_endless_chunked_body_is_cut_at_the_cap(make_client, host: FarmHost) -> None:
    host.route("/chunks", chunked(b"<html>", endless=True))
    r = make_client(max_body_bytes=CAP).fetch(host.url("/chunks"))
    assert r.status == 200 and r.truncated and len(r.body) == CAP and r.error_kind is None
