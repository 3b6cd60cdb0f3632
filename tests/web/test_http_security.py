"""Destinations in private ranges are refused unless allowed; every hop and every
connection is checked, and the client connects to exactly the address it checked."""

from __future__ import annotations

import socket

import pytest

from citecheck.codes import LinkStatus
from tests.web.farm import Farm, redirect


def test_loopback_refused_by_default(make_client, farm: Farm) -> None:
    host = farm.host()
    client = make_client(allow_private=False)
    for url in (
        host.url("/page/x"),
        f"http://localhost:{host.port}/page/x",
        f"http://[::ffff:127.0.0.1]:{host.port}/page/x",  # IPv4-mapped IPv6
        f"http://[::1]:{host.port}/page/x",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "http://10.0.0.1/",
        "http://0.0.0.0/",
    ):
        r = client.fetch(url)
        assert r.error_kind == LinkStatus.PRIVATE_ADDRESS, url
        assert r.attempts == 1 and not r.transient and "refused" in (r.error or "")
    assert host.requests() == []  # nothing ever reached the server


def test_allow_private_lets_tests_in(make_client, farm: Farm) -> None:
    host = farm.host()
    r = make_client(allow_private=True).fetch(f"http://localhost:{host.port}/page/x")
    assert r.status == 200


def test_every_redirect_hop_is_checked(make_client, farm: Farm) -> None:
    # A "public" page (allowed network) redirecting into a private one is stopped there.
    public, private = farm.host("127.0.0.1"), farm.host("127.0.0.2")
    public.route("/jump", redirect(private.url("/secret"), 302))
    client = make_client(allow_private=False, allowed_networks=("127.0.0.1/32",))
    r = client.fetch(public.url("/jump"))
    assert r.error_kind == LinkStatus.PRIVATE_ADDRESS
    assert [h.status for h in r.hops] == [302] and r.final_url == private.url("/secret")
    assert private.requests() == [] and len(public.requests()) == 1


def test_connects_to_the_checked_address_only(make_client, farm: Farm) -> None:
    # The name resolves to a refused address and an allowed one (same port on both):
    # the client must connect to the allowed one, whatever order DNS gives.
    allowed = farm.host("127.0.0.2")
    refused = farm.host("127.0.0.3", port=allowed.port)

    def resolver(host: str, port: int) -> list:
        return [
            (socket.AF_INET, ("127.0.0.3", port)),
            (socket.AF_INET, ("127.0.0.2", port)),
        ]

    client = make_client(allow_private=False, allowed_networks=("127.0.0.2/32",), resolver=resolver)
    r = client.fetch(f"http://news.example:{allowed.port}/page/x")
    assert r.status == 200
    assert len(allowed.requests()) == 1 and refused.requests() == []


def test_rebinding_between_lookups_is_caught(make_client, farm: Farm) -> None:
    # The name first resolves to an allowed address, then (DNS rebinding) to a refused
    # one: the redirect's new connection does its own lookup and its own check.
    allowed = farm.host("127.0.0.2")
    refused = farm.host("127.0.0.3")
    answers = iter(["127.0.0.2", "127.0.0.3"])

    def resolver(host: str, port: int) -> list:
        return [(socket.AF_INET, (next(answers), port))]

    allowed.route("/hop", redirect(f"http://rebind.example:{refused.port}/secret", 302))
    client = make_client(allow_private=False, allowed_networks=("127.0.0.2/32",), resolver=resolver)
    r = client.fetch(f"http://rebind.example:{allowed.port}/hop")
    assert r.error_kind == LinkStatus.PRIVATE_ADDRESS and [h.status for h in r.hops] == [302]
    assert len(allowed.requests()) == 1 and refused.requests() == []


def test_resolve_overrides_are_checked_too(make_client, farm: Farm) -> None:
    host = farm.host()
    client = make_client(allow_private=False, resolve_overrides={"avim.org.tr": "127.0.0.1"})
    r = client.fetch(f"http://avim.org.tr:{host.port}/")
    assert r.error_kind == LinkStatus.PRIVATE_ADDRESS and host.requests() == []


def test_resolve_overrides_must_be_addresses(make_client) -> None:
    with pytest.raises(ValueError, match="IP address"):
        make_client(resolve_overrides={"avim.org.tr": "not-an-ip"})


def _closing_page(ctx) -> None:  # type: ignore[no-untyped-def]
    ctx.close_connection()  # every request needs a new connection, hence a lookup
    ctx.send(200, b"<html><body>kapal\xc4\xb1</body></html>", [("Connection", "close")])


def test_checked_addresses_are_cached_per_host(make_client, farm: Farm, monkeypatch) -> None:
    import citecheck.web.addresses as addresses

    host = farm.host("127.0.0.2")
    host.route("/c", _closing_page)
    calls: list[str] = []

    def resolver(name: str, port: int) -> list:
        calls.append(name)
        return [(socket.AF_INET, ("127.0.0.2", port))]

    client = make_client(allow_private=False, allowed_networks=("127.0.0.2/32",), resolver=resolver)
    for _ in range(3):
        assert client.fetch(f"http://cached.example:{host.port}/c").status == 200
    assert calls == ["cached.example"] and len(host.requests("/c")) == 3
    monkeypatch.setattr(addresses, "DNS_CACHE_TTL", 0.0)  # expired at once: asked again
    fresh = make_client(allow_private=False, allowed_networks=("127.0.0.2/32",), resolver=resolver)
    for _ in range(2):
        assert fresh.fetch(f"http://cached.example:{host.port}/c").status == 200
    assert len(calls) == 3


def test_cached_answer_is_the_checked_one(make_client, farm: Farm) -> None:
    # The cache keeps only what passed the check: a later lookup (rebinding to a
    # refused address) is never consulted while the entry lives, and the entry
    # never held the refused address.
    allowed, refused = farm.host("127.0.0.2"), farm.host("127.0.0.3")
    allowed.route("/c", _closing_page)
    answers = iter([["127.0.0.3", "127.0.0.2"], ["127.0.0.3"]])

    def resolver(name: str, port: int) -> list:
        return [(socket.AF_INET, (a, port)) for a in next(answers)]

    client = make_client(allow_private=False, allowed_networks=("127.0.0.2/32",), resolver=resolver)
    for _ in range(3):
        assert client.fetch(f"http://twice.example:{allowed.port}/c").status == 200
    assert refused.requests() == []


def test_names_that_do_not_resolve_are_remembered(make_client) -> None:
    from citecheck.web.errors import DnsNotFound

    calls: list[str] = []

    def resolver(name: str, port: int) -> list:
        calls.append(name)
        raise DnsNotFound(f"host name does not resolve: {name}")

    client = make_client(resolver=resolver)
    for i in range(3):
        r = client.fetch(f"http://gone.example/page/{i}")
        assert r.error_kind == LinkStatus.DNS_ERROR and r.error_code == "dns_not_found"
    assert calls == ["gone.example"]  # not looked up again within the TTL
