"""The connection layer: urllib3 pools whose connections go only to checked addresses.

**Connect only to checked addresses.** Our connection classes ask the
:class:`~citecheck.web.addresses.AddressPolicy` for the host's addresses (it
refuses private/loopback/link-local/... ones unless allowed) and connect to
exactly one of them — so DNS rebinding gains nothing, and every redirect hop is
checked because every new connection is.

**Proxies** (see ``proxies.py`` for which one): connections then go to the proxy
(its address is allowed: the user configured it), and the destination is
checked beforehand by ``AddressPolicy.check_via_proxy`` — the settings
docstring explains what that can and cannot promise.

The client talks to urllib3 directly (no ``requests.Session``): a session
prepares, merges and re-parses every request, which cost more CPU than the rest
of a request together, and the client needs none of it (it follows redirects,
keeps cookies and retries itself).
"""

from __future__ import annotations

import socket
import ssl
import sys
import threading
from collections.abc import Mapping
from urllib.parse import urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util import make_headers
from urllib3.util.ssl_ import create_urllib3_context

from citecheck.web.addresses import (  # re-exported: the client's public plumbing
    DNS_CACHE_SIZE,
    AddressPolicy,
    BoundedLookups,
    Resolver,
    name_key,
)
from citecheck.web.deadline import current_deadline, watch_connection, watch_socket
from citecheck.web.errors import TlsFailure, closed_before_answer
from citecheck.web.proxies import Proxy, ProxyRules, bypasses_proxy, ca_bundle, proxy_rules
from citecheck.web.settings import HttpSettings
from citecheck.web.urls import DEFAULT_PORTS

__all__ = ["AddressPolicy", "BoundedLookups", "Resolver", "TlsTrust", "Transport"]

# ---------------------------------------------------------------- connections


class _GuardedMixin:
    """Overrides urllib3's connect step; ``policy``/``to_proxy`` are set on subclasses."""

    policy: AddressPolicy
    connect_timeout: float
    to_proxy: bool = False  # connections of the proxy manager always go to the proxy
    # The server's IP address, set on connect (None through a proxy, whose address it
    # would be): conn.sock is gone by the time a Connection: close answer is read.
    peer_address: str | None = None

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
            # Held from the start: a proxy tunnel is read on this socket before
            # connect() returns (and before TLS replaces it by a wrapped one).
            watch_socket(sock)
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
            self.peer_address = None if self.to_proxy else sockaddr[0]
            return sock
        assert error is not None
        raise error

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        # The final socket (TLS-wrapped for https), held by the deadline itself:
        # http.client drops self.sock when the answer will close the connection.
        watch_connection(self)
        self._fresh = True

    def request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        watch_connection(self)  # a connection reused from the pool (a new one: connect())
        # Kept from the pool (connected for an earlier request): the server may have
        # closed it meanwhile, and the request may be lost without an answer.
        _local.reused = self.sock is not None and not getattr(self, "_fresh", False)  # type: ignore[attr-defined]
        try:
            return super().request(*args, **kwargs)  # type: ignore[misc]
        finally:
            self._fresh = False


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

    def __init__(
        self,
        settings: HttpSettings,
        environ: Mapping[str, str] | None = None,
        problems: list[str] | None = None,
    ) -> None:
        self.verify = settings.verify_tls
        self.bundle = ca_bundle(settings, environ, problems) if self.verify else None
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


_local = threading.local()  # whether this thread's last request went on a reused connection


class Transport:
    """Pool managers (direct, and one per proxy); ``open`` sends one request."""

    def __init__(
        self,
        settings: HttpSettings,
        policy: AddressPolicy,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self.policy = policy
        # Bad proxy/CA environment variables: reported here and ignored (see proxies.py).
        self.problems: list[str] = []
        self.rules: ProxyRules = proxy_rules(settings, environ, self.problems)
        self.tls = TlsTrust(settings, environ, self.problems)
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
                # An https:// proxy is verified with the same trust (e.g. a corporate CA).
                proxy_ssl_context=self.tls.context if proxy.url.startswith("https:") else None,
                **common,
            )
            manager.pool_classes_by_scheme = _pool_classes(policy, settings.connect_timeout, True)
            self._proxied[proxy] = manager
        self._routes: dict[tuple[str, str, int], Proxy | None] = {}
        # Every idle connection of a host may have gone stale at once (a server that
        # closes after each answer without saying so): one new try per pooled one.
        self._stale_tries = max(1, settings.per_host, settings.concurrency if self._proxied else 0)

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
            name_key(host) in self.policy.overrides
            or bypasses_proxy(host, port, self.rules.no_proxy)
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
        if scheme == "https" or (proxy is not None and proxy.url.startswith("https:")):
            self.tls.ensure_loaded()
        manager: urllib3.PoolManager = self.direct
        if proxy is not None:
            self.policy.check_via_proxy(host, port)
            manager = self._proxied[proxy]
        for tries_left in range(self._stale_tries, -1, -1):
            _local.reused = False
            try:
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
            except Exception as exc:
                # A kept-alive connection the server had already closed: the request
                # never reached it, so sending it again on a new connection is what
                # browsers do too (GET and HEAD only: they change nothing).
                if not (
                    tries_left
                    and _local.reused
                    and method in ("GET", "HEAD")
                    and closed_before_answer(exc)
                ):
                    raise
        raise AssertionError("unreachable")  # the loop returns or raises

    def close(self) -> None:
        self.direct.clear()
        for manager in self._proxied.values():
            manager.clear()
