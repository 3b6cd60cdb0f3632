"""Which addresses the client may connect to, and DNS lookups with a time limit.

:class:`AddressPolicy` resolves host names itself and keeps only addresses that
are not private, loopback, link-local, ... (unless allowed): the connection
classes of ``transport.py`` connect to exactly one of the addresses it returned,
so a DNS answer that changes between check and connect (DNS rebinding) gains
nothing. Checked answers are kept for :data:`DNS_CACHE_TTL` seconds per (host,
port): a run over hundreds of URLs of one site asks the resolver once, and still
connects to what it checked. Through a proxy, :meth:`AddressPolicy.check_via_proxy`
checks what can be checked (see the settings docstring).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from urllib.parse import urlsplit

from citecheck.web.errors import (
    ConnectionFailed,
    DnsNotFound,
    DnsTemporaryFailure,
    FetchError,
    PrivateAddress,
)
from citecheck.web.settings import HttpSettings
from citecheck.web.urls import UrlError, parse_networks, refusal_reason, to_uri

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
        name = name_key(host)
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
        name = name_key(host)
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
        name = name_key(host)
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


def name_key(host: str) -> str:
    """A host name as the cache and the overrides key it."""
    return host.lower().rstrip(".").strip("[]")


def _ascii_host(name: str) -> str:
    """Override keys may be written in Unicode (``türkiye.gov.tr``): compare in punycode."""
    try:
        return urlsplit(to_uri(f"http://{name}/")).hostname or ""
    except UrlError:
        return ""


def _is_literal(name: str) -> bool:
    if not (name[:1].isdigit() or ":" in name):
        return False  # IPv4 literals start with a digit, IPv6 ones hold a colon
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
