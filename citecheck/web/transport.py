"""The connection layer: urllib3 pools whose connections go only to checked addresses.

**Connect only to checked addresses.** Our connection classes resolve the host
themselves, refuse private/loopback/link-local/... addresses (unless allowed)
and connect to exactly an address that passed the check — so a DNS answer that
changes between check and connect (DNS rebinding) gains nothing, and every
redirect hop is checked because every new connection is. Checked answers are
kept for :data:`DNS_CACHE_TTL` seconds per (host, port): a run over hundreds of
URLs of one site asks the resolver once, and still connects to what it checked.

**Proxies** (see ``proxies.py`` for which one): connections then go to the proxy
(its address is allowed: the user configured it), and the destination is
checked beforehand by :meth:`AddressPolicy.check_via_proxy` — the settings
docstring explains what that can and cannot promise.

The client talks to urllib3 directly (no ``requests.Session``): a session
prepares, merges and re-parses every request, which cost more CPU than the rest
of a request together, and the client needs none of it (it follows redirects,
keeps cookies and retries itself).
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import sys
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from urllib.parse import urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util import make_headers
from urllib3.util.ssl_ import create_urllib3_context

from citecheck.web.deadline import current_deadline
from citecheck.web.errors import (
    ConnectionFailed,
    DnsNotFound,
    DnsTemporaryFailure,
    FetchError,
    PrivateAddress,
    TlsFailure,
)
from citecheck.web.proxies import Proxy, ProxyRules, bypasses_proxy, ca_bundle, proxy_rules
from citecheck.web.settings import HttpSettings
from citecheck.web.urls import DEFAULT_PORTS, UrlError, parse_networks, refusal_reason, to_uri

# Names that never resolve (RFC 6761 §6.4: resolver APIs SHOULD answer "no such
# name" at once, without asking the network).
NEVER_RESOLVES = (".invalid",)
# Checked DNS answers are reused this long: about the TTL big sites publish
# (60-300 s), short enough that a moved site is seen in the same run.
DNS_CACHE_TTL = 60.0
DNS_CACHE_SIZE = 4096  # host names remembered; an audit touches hundreds
# Through a proxy the local lookup is only a check; behind corporate proxies it
# often cannot succeed, so it must not cost the full connect timeout per host.
PROXY_LOOKUP_TIMEOUT = 2.0

Resolver = Callable[[str, int], list[tuple[int, tuple]]]  # (host, port) -> [(family, sockaddr)]


# ---------------------------------------------------------------- addresses


class AddressPolicy:
    """Resolves host names and keeps only the addresses we may connect to."""

    def __init__(self, settings: HttpSettings, resolver: Resolver | None = None) -> None:
        self.allow_private = settings.allow_private
        self.allowed = parse_networks(settings.allowed_networks)
        self.overrides = {
            _ascii_host(k): v for k, v in settings.resolve_overrides.items() if _ascii_host(k)
        }
        for name, address in self.overrides.items():
            if not _is_literal(address):
                raise ValueError(f"resolve_overrides[{name!r}] must be an IP address: {address!r}")
        self._lookups: BoundedLookups | None = None
        if resolver is None:
            self._lookups = BoundedLookups(settings.connect_timeout, settings.concurrency)
            resolver = self._lookups
        self._resolver = resolver
        self._cache: dict[tuple[str, int], tuple[float, list | FetchError]] = {}
        self._cache_lock = threading.Lock()

    def close(self) -> None:
        if self._lookups is not None:
            self._lookups.close()

    def resolve(self, host: str, port: int) -> list[tuple[int, tuple]]:
        """Checked ``(family, sockaddr)`` pairs; raises DnsNotFound, PrivateAddress, ..."""
        name = _name(host)
        if name in self.overrides:
            addrs = _literal(self.overrides[name], port)
        elif _is_literal(name):
            addrs = _literal(name, port)
        else:
            addrs = self._lookup(name, port, None)
        if self.allow_private:
            return addrs
        ok = [a for a in addrs if refusal_reason(a[1][0], self.allowed) is None]
        if not ok:
            reason = refusal_reason(addrs[0][1][0], self.allowed)
            raise PrivateAddress(f"{host} resolves to a refused address: {reason}")
        return ok

    def resolve_proxy(self, host: str, port: int) -> list[tuple[int, tuple]]:
        """The proxy's addresses, unchecked: the user configured it (often on loopback)."""
        name = _name(host)
        try:
            return _literal(name, port) if _is_literal(name) else self._lookup(name, port, None)
        except FetchError as e:
            raise ConnectionFailed(f"proxy {host}: {e}", code="proxy_error") from None

    def check_literal(self, host: str) -> None:
        """Fail fast (before waiting for a politeness slot) on a refused IP literal."""
        name = host.strip("[]")
        if self.allow_private or not _is_literal(name):
            return
        reason = refusal_reason(name, self.allowed)
        if reason:
            raise PrivateAddress(f"refused: {reason}")

    def check_via_proxy(self, host: str, port: int) -> None:
        """What can be checked of a destination the proxy will resolve (see settings.py).

        Refused: a private/... IP literal, a reserved never-resolving name, and a
        name whose local lookup gives ANY refused address (the proxy may pick that
        one). A local lookup that fails or times out is not an error here.
        """
        name = _name(host)
        if name.endswith(NEVER_RESOLVES):
            raise DnsNotFound(f"host name does not resolve: {host} (reserved name)")
        if self.allow_private:
            return
        if _is_literal(name):
            self.check_literal(name)
            return
        try:
            addrs = self._lookup(name, port, PROXY_LOOKUP_TIMEOUT)
        except (DnsNotFound, DnsTemporaryFailure):
            return  # the proxy resolves names we cannot
        for _family, sockaddr in addrs:
            reason = refusal_reason(sockaddr[0], self.allowed)
            if reason:
                raise PrivateAddress(f"{host} resolves to a refused address: {reason}")

    def _lookup(self, name: str, port: int, timeout: float | None) -> list[tuple[int, tuple]]:
        """A cached lookup; "no such name" is cached too, a temporary failure is not."""
        if name.endswith(NEVER_RESOLVES):
            raise DnsNotFound(f"host name does not resolve: {name} (reserved name)")
        key = (name, port)
        now = time.monotonic()
        with self._cache_lock:
            hit = self._cache.get(key)
        if hit is not None and hit[0] > now:
            if isinstance(hit[1], FetchError):
                raise type(hit[1])(str(hit[1]))
            return hit[1]
        try:
            if timeout is not None and isinstance(self._resolver, BoundedLookups):
                addrs = self._resolver(name, port, timeout=timeout)
            else:
                addrs = self._resolver(name, port)
            if not addrs:
                raise DnsNotFound(f"host name does not resolve: {name}")
        except DnsNotFound as e:
            self._remember(key, now, e)
            raise
        self._remember(key, now, addrs)
        return addrs

    def _remember(self, key: tuple[str, int], now: float, value: list | FetchError) -> None:
        with self._cache_lock:
            if len(self._cache) >= DNS_CACHE_SIZE:
                # Drop the expired, else the oldest half (dicts keep insertion order).
                live = {k: v for k, v in self._cache.items() if v[0] > now}
                if len(live) >= DNS_CACHE_SIZE:
                    live = dict(list(live.items())[DNS_CACHE_SIZE // 2 :])
                self._cache = live
            self._cache[key] = (now + DNS_CACHE_TTL, value)


def _name(host: str) -> str:
    return host.lower().rstrip(".").strip("[]")


def _ascii_host(name: str) -> str:
    """Override keys may be written in Unicode (``türkiye.gov.tr``): compare in punycode."""
    try:
        return urlsplit(to_uri(f"http://{name}/")).hostname or ""
    except UrlError:
        return ""


def _is_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name.split("%")[0])
    except ValueError:
        return False
    return True


def _literal(address: str, port: int) -> list[tuple[int, tuple]]:
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6:
        return [(socket.AF_INET6, (str(ip), port, 0, 0))]
    return [(socket.AF_INET, (str(ip), port))]


class BoundedLookups:
    """The system resolver with a time limit.

    ``getaddrinfo`` cannot be interrupted and a broken resolver can block it for
    tens of seconds; lookups run on a small pool and the caller stops waiting
    after ``timeout`` seconds (the lookup finishes in the background).
    """

    def __init__(self, timeout: float, workers: int, lookup: Resolver | None = None) -> None:
        self.timeout = timeout
        self._lookup = lookup or _system_resolver
        self._pool = ThreadPoolExecutor(max(2, workers), thread_name_prefix="citecheck-dns")

    def __call__(
        self, host: str, port: int, timeout: float | None = None
    ) -> list[tuple[int, tuple]]:
        limit = self.timeout if timeout is None else min(timeout, self.timeout)
        future = self._pool.submit(self._lookup, host, port)
        try:
            return future.result(timeout=limit)
        except FutureTimeout:
            raise DnsTemporaryFailure(
                f"DNS lookup of {host} took longer than {limit:g} s"
            ) from None

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _system_resolver(host: str, port: int) -> list[tuple[int, tuple]]:
    try:
        infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    except socket.gaierror as e:
        if e.errno == socket.EAI_AGAIN:
            raise DnsTemporaryFailure(f"DNS lookup failed for now: {host}: {e}") from e
        raise DnsNotFound(f"host name does not resolve: {host}") from e
    except UnicodeError as e:
        raise DnsNotFound(f"host name cannot be looked up: {host}") from e
    seen: set[tuple] = set()
    out = []
    for family, _type, _proto, _canon, sockaddr in infos:
        if family in (socket.AF_INET, socket.AF_INET6) and sockaddr not in seen:
            seen.add(sockaddr)
            out.append((family, sockaddr))
    return out


# ---------------------------------------------------------------- connections


class _GuardedMixin:
    """Overrides urllib3's connect step; ``policy``/``to_proxy`` are set on subclasses."""

    policy: AddressPolicy
    connect_timeout: float
    to_proxy: bool = False  # connections of the proxy manager always go to the proxy

    def _new_conn(self) -> socket.socket:
        host, port = self._dns_host, self.port  # type: ignore[attr-defined]
        if self.to_proxy:
            addrs = self.policy.resolve_proxy(host, port)
        else:
            addrs = self.policy.resolve(host, port)
        deadline = current_deadline()
        error: Exception | None = None
        for family, sockaddr in addrs:
            timeout = self.connect_timeout
            if deadline is not None:
                timeout = max(0.001, min(timeout, deadline.remaining()))
            sock = socket.socket(family, socket.SOCK_STREAM)
            try:
                for opt in self.socket_options or ():  # type: ignore[attr-defined]
                    sock.setsockopt(*opt)
                sock.settimeout(timeout)
                sock.connect(sockaddr)
            except TimeoutError as e:
                sock.close()
                error = ConnectTimeoutError(self, f"connect to {sockaddr[0]} timed out")
                error.__cause__ = e
                continue
            except OSError as e:
                sock.close()
                error = NewConnectionError(self, f"cannot connect to {sockaddr[0]}: {e}")  # type: ignore[arg-type]
                error.__cause__ = e
                continue
            sys.audit("http.client.connect", self, host, port)
            return sock
        assert error is not None
        raise error

    def connect(self) -> None:
        d = current_deadline()
        if d is not None:
            d.attach(self)  # type: ignore[arg-type]
        super().connect()  # type: ignore[misc]

    def request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        d = current_deadline()
        if d is not None:
            d.attach(self)  # type: ignore[arg-type]
        return super().request(*args, **kwargs)  # type: ignore[misc]


def _pool_classes(policy: AddressPolicy, connect_timeout: float, to_proxy: bool) -> dict:
    attrs = {"policy": policy, "connect_timeout": connect_timeout, "to_proxy": to_proxy}
    http_conn = type("CitecheckHTTPConnection", (_GuardedMixin, HTTPConnection), attrs)
    https_conn = type("CitecheckHTTPSConnection", (_GuardedMixin, HTTPSConnection), attrs)
    return {
        "http": type("CitecheckHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http_conn}),
        "https": type("CitecheckHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https_conn}),
    }


class TlsTrust:
    """One SSL context for every connection, its CA bundle loaded on first use.

    Loading a bundle costs ~20 ms (certifi's 150 roots): once per client, not per
    connection as urllib3 would, and not at all in a run without https. The bundle
    is checked for existence and PEM content at once, so a wrong path is a usage
    error, not a tls_error on every link.
    """

    def __init__(self, settings: HttpSettings, environ: Mapping[str, str] | None = None) -> None:
        self.verify = settings.verify_tls
        self.bundle = ca_bundle(settings, environ) if self.verify else None
        if self.bundle is not None and self.bundle.is_file():
            try:
                with self.bundle.open("rb") as f:
                    pem = b"-----BEGIN CERTIFICATE-----" in f.read()
            except OSError as e:
                raise ValueError(f"CA bundle {self.bundle} cannot be read: {e}") from None
            if not pem:
                raise ValueError(f"CA bundle {self.bundle} holds no PEM certificate")
        if self.verify:
            self.context = create_urllib3_context(cert_reqs=ssl.CERT_REQUIRED)
        else:
            self.context = create_urllib3_context(cert_reqs=ssl.CERT_NONE)
            self.context.check_hostname = False
        self._loaded = not self.verify
        self._lock = threading.Lock()

    def ensure_loaded(self) -> None:
        if self._loaded:
            return
        with self._lock:
            if self._loaded:
                return
            try:
                if self.bundle is None:
                    import certifi  # requests' default bundle: the same trust on every OS

                    self.context.load_verify_locations(cafile=certifi.where())
                elif self.bundle.is_dir():
                    self.context.load_verify_locations(capath=str(self.bundle))
                else:
                    self.context.load_verify_locations(cafile=str(self.bundle))
            except (ssl.SSLError, OSError) as e:
                raise TlsFailure(f"CA bundle {self.bundle} cannot be loaded: {e}") from None
            self._loaded = True


class Transport:
    """Pool managers (direct, and one per proxy); ``open`` sends one request."""

    def __init__(
        self,
        settings: HttpSettings,
        policy: AddressPolicy,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self.policy = policy
        self.rules: ProxyRules = proxy_rules(settings, environ)
        self.tls = TlsTrust(settings, environ)
        self.timeout = urllib3.Timeout(connect=settings.connect_timeout, read=settings.read_timeout)
        common = {
            # Pools are kept per (scheme, host, port); an audit touches hundreds of hosts.
            "num_pools": max(64, settings.concurrency * 4),
            "block": False,
            "retries": False,  # retries are ours (tenacity), with backoff and Retry-After
            "ssl_context": self.tls.context,
        }
        # A host never has more than per_host requests in flight: more connections idle.
        self.direct = urllib3.PoolManager(maxsize=max(1, settings.per_host), **common)
        self.direct.pool_classes_by_scheme = _pool_classes(policy, settings.connect_timeout, False)
        self._proxied: dict[Proxy, urllib3.ProxyManager] = {}
        for proxy in {p for p in (self.rules.http, self.rules.https) if p is not None}:
            manager = urllib3.ProxyManager(
                proxy.url,
                # Plain-http requests of every host share the pool to the proxy.
                maxsize=max(1, settings.concurrency),
                proxy_headers=make_headers(proxy_basic_auth=proxy.auth) if proxy.auth else None,
                **common,
            )
            manager.pool_classes_by_scheme = _pool_classes(policy, settings.connect_timeout, True)
            self._proxied[proxy] = manager
        self._routes: dict[tuple[str, str, int], Proxy | None] = {}

    def proxy_for(self, scheme: str, host: str, port: int) -> Proxy | None:
        """The proxy a request to ``host`` goes through (memoised: NO_PROXY is a scan)."""
        if not self._proxied:
            return None
        key = (scheme, host, port)
        try:
            return self._routes[key]
        except KeyError:
            pass
        proxy = self.rules.https if scheme == "https" else self.rules.http
        if proxy is not None and (
            _name(host) in self.policy.overrides or bypasses_proxy(host, port, self.rules.no_proxy)
        ):
            proxy = None
        if len(self._routes) > DNS_CACHE_SIZE:
            self._routes.clear()
        self._routes[key] = proxy
        return proxy

    def open(self, method: str, url: str, headers: dict[str, str]) -> urllib3.BaseHTTPResponse:
        """Send one request; the body is left unread (``preload_content=False``)."""
        parts = urlsplit(url)
        scheme, host = parts.scheme, parts.hostname or ""
        port = parts.port or DEFAULT_PORTS.get(scheme, 80)
        proxy = self.proxy_for(scheme, host, port)
        if scheme == "https":
            self.tls.ensure_loaded()
        manager: urllib3.PoolManager = self.direct
        if proxy is not None:
            self.policy.check_via_proxy(host, port)
            manager = self._proxied[proxy]
        return manager.urlopen(
            method,
            url,
            headers=headers,
            redirect=False,
            retries=False,
            preload_content=False,
            decode_content=False,  # body.read_body decodes within the cap
            timeout=self.timeout,
        )

    def close(self) -> None:
        self.direct.clear()
        for manager in self._proxied.values():
            manager.clear()
