"""Proxies: explicit and from the environment, NO_PROXY, CONNECT for https, and the
private-address rule through a proxy (a loopback proxy replaces the network)."""

from __future__ import annotations

import base64
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.codes import LinkStatus
from citecheck.web.errors import DnsNotFound
from citecheck.web.http import HttpClient
from citecheck.web.proxies import bypasses_proxy, parse_proxy, proxy_rules
from citecheck.web.settings import HttpSettings
from citecheck.web.transport import BoundedLookups
from tests.conftest import require
from tests.web.conftest import fast_settings
from tests.web.farm import Farm, FarmHost, page, redirect
from tests.web.proxy import Proxy

NAME = "www.example-avim.test"  # resolves nowhere; only the proxy knows where it is


def no_such_name(host: str, port: int) -> list:
    """A local resolver that knows no outside names (as inside a corporate network)."""
    if host in ("localhost",):
        return [(2, ("127.0.0.1", port))]
    raise DnsNotFound(f"host name does not resolve: {host}")


@pytest.fixture
def proxy(host: FarmHost) -> Iterator[Proxy]:
    with Proxy(routes={NAME: (host.address, host.port)}) as p:
        yield p


def client(environ: dict[str, str] | None = None, resolver=no_such_name, **overrides) -> HttpClient:
    return HttpClient(fast_settings(**overrides), resolver=resolver, environ=environ or {})


def test_unresolvable_name_fetched_through_the_proxy(proxy: Proxy, host: FarmHost) -> None:
    host.route("/x", page("Vekil", "Vekil sunucu üzerinden gelen sayfa."))
    with client(proxy=proxy.url, allow_private=False) as c:  # the proxy itself is on loopback
        r = c.fetch(f"http://{NAME}/x")
        head = c.probe(f"http://{NAME}/x")
    assert r.status == 200 and "Vekil sunucu" in r.text() and r.error_kind is None
    assert head.status == 200
    assert [(e.method, e.target) for e in proxy.entries()] == [
        ("GET", f"http://{NAME}/x"),
        ("HEAD", f"http://{NAME}/x"),
    ]
    assert [e.path for e in host.requests()] == ["/x", "/x"]  # the farm answered
    assert host.requests()[0].headers["host"] == NAME


def test_without_the_proxy_the_name_does_not_resolve(host: FarmHost) -> None:
    with client(allow_private=False) as c:
        r = c.fetch(f"http://{NAME}/x")
    assert r.error_kind == LinkStatus.DNS_ERROR and host.requests() == []


def test_a_failing_local_lookup_is_no_error_through_a_proxy(proxy: Proxy) -> None:
    import threading

    release = threading.Event()
    lookups = BoundedLookups(timeout=0.2, workers=2, lookup=lambda h, p: release.wait(5) or [])
    try:
        with client(proxy=proxy.url, allow_private=False, resolver=lookups) as c:
            r = c.fetch(f"http://{NAME}/page/a")
        assert r.status == 200  # the lookup timed out; the proxy resolved the name
    finally:
        release.set()
        lookups.close()


def test_redirects_through_the_proxy_follow_the_same_rules(proxy: Proxy, host: FarmHost) -> None:
    host.route("/old", redirect(f"http://{NAME}/new", 301))
    host.route("/new", page("Yeni", "Taşınan sayfa."))
    host.route("/evil", redirect("http://10.1.2.3/admin", 302))
    with client(proxy=proxy.url, allow_private=False) as c:
        moved = c.fetch(f"http://{NAME}/old")
        evil = c.fetch(f"http://{NAME}/evil")
    assert moved.status == 200 and [h.status for h in moved.hops] == [301]
    assert evil.error_kind == LinkStatus.PRIVATE_ADDRESS and [h.status for h in evil.hops] == [302]
    assert not any("10.1.2.3" in e.target for e in proxy.entries())  # never sent on


def test_private_destinations_refused_even_through_the_proxy(proxy: Proxy, farm: Farm) -> None:
    other = farm.host("127.0.0.2")
    urls = (
        other.url("/page/x"),  # a literal loopback address
        f"http://localhost:{other.port}/page/x",  # a name resolving locally to loopback
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
    )
    with client(proxy=proxy.url, allow_private=False) as c:
        for url in urls:
            r = c.fetch(url)
            assert r.error_kind == LinkStatus.PRIVATE_ADDRESS, url
            assert r.attempts == 1
    assert proxy.entries() == [] and other.requests() == []
    with client(proxy=proxy.url, allow_private=True) as c:  # tests and intranets allow it
        assert c.fetch(other.url("/page/x")).status == 200
    assert [e.target for e in proxy.entries()] == [other.url("/page/x")]


def test_https_goes_through_connect(farm: Farm) -> None:
    require(Farm.can_make_certificates(), "openssl")
    secure = farm.host(tls=True)
    url = f"https://localhost:{secure.port}/page/tls"  # the certificate names localhost
    with Proxy() as p, client(proxy=p.url, ca_bundle=str(farm.cert_path)) as c:
        r = c.fetch(url)
        again = c.fetch(url)
        entries = p.entries()
    assert r.status == 200 and b"Makale tls" in r.body and again.status == 200
    assert entries[0].method == "CONNECT" and entries[0].target == f"localhost:{secure.port}"
    assert len(entries) == 1  # the tunnel is kept and reused, like any connection


def test_https_proxy_verified_with_the_same_ca_bundle(farm: Farm, host: FarmHost) -> None:
    require(Farm.can_make_certificates(), "openssl")
    routes = {NAME: (host.address, host.port)}
    with Proxy(address="127.0.0.1", routes=routes, tls=farm.tls_context()) as p:
        url = p.url.replace("127.0.0.1", "localhost")  # the certificate names localhost
        with client(proxy=url, ca_bundle=str(farm.cert_path)) as c:
            assert c.fetch(f"http://{NAME}/page/t").status == 200
        with client(proxy=url) as c:  # the default bundle does not trust it
            r = c.fetch(f"http://{NAME}/page/t")
    assert r.error_kind == LinkStatus.CONNECTION_ERROR and r.error_code == "proxy_error"
    assert [e.target for e in p.entries()] == [f"http://{NAME}/page/t"]


def test_environment_proxies_honoured_unless_trust_env_is_off(proxy: Proxy, farm: Farm) -> None:
    other = farm.host("127.0.0.2")
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        with client(environ={name: proxy.url}, trust_env=True) as c:
            assert c.fetch(other.url(f"/page/{name}")).status == 200
    assert [e.target for e in proxy.entries()] == [
        other.url(f"/page/{n}") for n in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY")
    ]
    with client(environ={"http_proxy": proxy.url}, trust_env=False) as c:
        assert c.fetch(other.url("/page/direct")).status == 200
    assert len(proxy.entries()) == 4 and other.requests("/page/direct")
    # An https_proxy alone leaves plain http direct.
    with client(environ={"https_proxy": proxy.url}, trust_env=True) as c:
        assert c.fetch(other.url("/page/https-only")).status == 200
    assert len(proxy.entries()) == 4


def test_no_proxy_respected(proxy: Proxy, farm: Farm) -> None:
    other = farm.host("127.0.0.2")
    for no_proxy in ("127.0.0.2", "127.0.0.0/8", "*", f"127.0.0.2:{other.port}"):
        env = {"http_proxy": proxy.url, "NO_PROXY": f"example.org, {no_proxy}"}
        with client(environ=env, trust_env=True) as c:
            assert c.fetch(other.url("/page/n")).status == 200
    assert proxy.entries() == []
    with client(proxy=proxy.url, no_proxy=("127.0.0.2",)) as c:  # the setting, env ignored
        assert c.fetch(other.url("/page/n")).status == 200
    assert proxy.entries() == []
    env = {"http_proxy": proxy.url, "no_proxy": "127.0.0.2:1"}  # another port: proxied
    with client(environ=env, trust_env=True) as c:
        assert c.fetch(other.url("/page/p")).status == 200
    assert len(proxy.entries()) == 1


def test_proxy_credentials_sent_to_the_proxy_only(proxy: Proxy, host: FarmHost) -> None:
    url = f"http://citecheck:p%40ss@{proxy.address}:{proxy.port}"
    with client(proxy=url) as c:
        assert c.fetch(f"http://{NAME}/page/a").status == 200
    expected = "Basic " + base64.b64encode(b"citecheck:p@ss").decode()
    assert proxy.entries()[0].headers["proxy-authorization"] == expected
    assert "proxy-authorization" not in host.requests()[0].headers


def test_proxy_down_or_refusing_is_a_proxy_error(host: FarmHost) -> None:
    with client(proxy=Farm.closed_port_url().rstrip("/"), retries=0) as c:
        r = c.fetch(f"http://{NAME}/page/a")
    assert r.error_kind == LinkStatus.CONNECTION_ERROR and r.error_code == "proxy_error"
    with Proxy() as p, client(proxy=p.url, retries=0) as c:
        p.refuse = b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"
        r = c.fetch(f"https://{NAME}/page/a")  # CONNECT refused
    assert r.error_code == "proxy_error" and "403" in (r.error or "")
    assert r.transient  # the link itself was never tried: not cached


def test_unknown_destination_through_the_proxy_is_a_bad_gateway() -> None:
    with Proxy() as p, client(proxy=p.url, retries=0) as c:
        r = c.fetch("http://no-such-host.invalid.example-avim.test/")
    # The proxy could not resolve it either and says so with a 502 answer.
    assert r.status == 502 and r.error_kind is None


def test_invalid_names_fail_fast_even_through_a_proxy(proxy: Proxy) -> None:
    with client(proxy=proxy.url) as c:
        r = c.fetch("http://no-such-host.invalid/page")
    assert r.error_kind == LinkStatus.DNS_ERROR and proxy.entries() == []


def test_resolve_overrides_bypass_the_proxy(proxy: Proxy, host: FarmHost) -> None:
    with client(proxy=proxy.url, resolve_overrides={"avim.org.tr": host.address}) as c:
        r = c.fetch(f"http://avim.org.tr:{host.port}/page/o")
    assert r.status == 200 and proxy.entries() == []


# ---------------------------------------------------------------- rules, without a network


def test_bad_proxy_settings_are_usage_errors() -> None:
    with pytest.raises(ValueError, match="socks5"):
        HttpSettings(proxy="socks5://127.0.0.1:1080")
    with pytest.raises(ValueError, match="not a proxy URL"):
        HttpSettings(proxy="http://proxy.example:99999")
    with pytest.raises(ValueError, match="socks5"):
        proxy_rules(HttpSettings(trust_env=True), {"ALL_PROXY": "socks5h://x:1"})
    with pytest.raises(ValueError, match="proxy must be a string"):
        HttpSettings(proxy=8080)  # type: ignore[arg-type]


def test_a_bad_proxy_variable_is_reported_and_ignored(host: FarmHost) -> None:
    # The user did not choose it for this run: no crash, a warning, direct connections.
    env = {"ALL_PROXY": "socks5h://127.0.0.1:1080", "https_proxy": "http://[bad"}
    with client(environ=env, trust_env=True) as c:
        assert c.fetch(host.url("/page/direct")).status == 200
        problems = c.problems
    assert len(problems) == 2 and all("ignored" in p for p in problems)
    assert any("all_proxy" in p and "socks5h" in p for p in problems)


def test_proxy_settings_from_a_config_table() -> None:
    s = HttpSettings.from_dict(
        {"proxy": "http://proxy.example:3128", "no_proxy": ["intranet.example"], "trust_env": False}
    )
    assert s.proxy == "http://proxy.example:3128" and s.no_proxy == ("intranet.example",)
    assert HttpSettings(no_proxy="a.example, b.example").no_proxy == ("a.example", "b.example")
    rules = proxy_rules(s, {"NO_PROXY": "ignored.example"})  # trust_env off: env not read
    assert rules.no_proxy == ("intranet.example",)


def test_proxy_rules_precedence() -> None:
    s = HttpSettings(trust_env=True)
    env = {"HTTP_PROXY": "http://upper:1", "http_proxy": "http://lower:2", "ALL_PROXY": "all:3"}
    rules = proxy_rules(s, env)
    assert rules.http is not None and rules.http.url == "http://lower:2"  # lower case wins
    assert rules.https is not None and rules.https.url == "http://all:3"  # bare host:port = http
    explicit = proxy_rules(HttpSettings(proxy="http://mine:8080"), env)
    assert explicit.http == explicit.https and str(explicit.http) == "http://mine:8080"
    assert not proxy_rules(HttpSettings(trust_env=False), env).any
    assert parse_proxy("https://p.example").port == 443 and parse_proxy("p.example").port == 80
    assert str(parse_proxy("http://u:secret@p:1")) == "http://p:1"  # never shown


@pytest.mark.parametrize(
    ("host", "port", "no_proxy", "expected"),
    [
        ("avim.org.tr", 80, ("avim.org.tr",), True),
        ("www.avim.org.tr", 80, ("avim.org.tr",), True),  # subdomains too
        ("www.avim.org.tr", 80, (".avim.org.tr",), True),
        ("notavim.org.tr", 80, ("avim.org.tr",), False),  # not a suffix match
        ("avim.org.tr", 443, ("avim.org.tr:80",), False),
        ("avim.org.tr", 80, ("*",), True),
        ("10.1.2.3", 80, ("10.0.0.0/8",), True),
        ("::1", 80, ("::1",), True),
        ("10.1.2.3", 80, ("avim.org.tr",), False),
        ("example.com", 80, (), False),
    ],
)
def test_no_proxy_matching(host: str, port: int, no_proxy: tuple, expected: bool) -> None:
    assert bypasses_proxy(host, port, no_proxy) is expected


def test_a_port_of_digits_int_cannot_read_is_no_port() -> None:
    # "²" is a digit to str.isdigit but no number to int (found by the property below)
    assert bypasses_proxy("", 0, (":²",)) is False
    assert bypasses_proxy("example.org", 8080, ("example.org:８０８０",)) is True  # full-width


@given(st.text(max_size=60), st.text(max_size=60), st.integers(0, 70000))
@settings(max_examples=200, deadline=None)
def test_proxy_parsing_never_crashes(value: str, entry: str, port: int) -> None:
    try:
        p = parse_proxy(value)
    except ValueError:
        pass
    else:
        assert p.url.startswith(("http://", "https://")) and 0 < p.port < 65536
    assert bypasses_proxy(value, port, (entry,)) in (True, False)
