"""The socket layer under requests: checked addresses and a hard deadline per attempt.

Two guards that requests/urllib3 do not give:

1. **Connect only to checked addresses.** Our connection classes resolve the
   host themselves, refuse private/loopback/link-local/... addresses (unless
   allowed) and connect to exactly an address that passed the check — so a DNS
   answer that changes between check and connect (DNS rebinding) gains nothing,
   and every redirect hop is checked because every new connection is.
2. **A total deadline per attempt.** Socket timeouts bound each ``recv`` only; a
   server trickling one byte every half second (slowloris) never trips them.
   A :class:`Watchdog` thread shuts the socket down when an attempt's deadline
   passes, which wakes the reading thread wherever it is blocked (headers or body).
"""

from __future__ import annotations

import contextlib
import heapq
import ipaddress
import itertools
import socket
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from http.cookiejar import DefaultCookiePolicy
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

from citecheck.web.errors import DnsNotFound, DnsTemporaryFailure, PrivateAddress
from citecheck.web.settings import HttpSettings
from citecheck.web.urls import UrlError, parse_networks, refusal_reason, to_uri

# Names that never resolve (RFC 6761 §6.4: resolver APIs SHOULD answer "no such
# name" at once, without asking the network).
NEVER_RESOLVES = (".invalid",)

Resolver = Callable[[str, int], list[tuple[int, tuple]]]  # (host, port) -> [(family, sockaddr)]

_local = threading.local()  # the running attempt's Deadline, per thread


# ---------------------------------------------------------------- deadlines


@dataclass(eq=False)
class Deadline:
    """One attempt's deadline; connections used by the attempt attach themselves."""

    at: float
    fired: bool = False
    done: bool = False
    _conns: list = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def attach(self, conn: HTTPConnection) -> None:
        with self._lock:
            self._conns.append(conn)
            fired = self.fired
        if fired:
            _shutdown(conn)

    def fire(self) -> None:
        with self._lock:
            if self.done:
                return
            self.fired = True
            conns = list(self._conns)
        for conn in conns:
            _shutdown(conn)

    def remaining(self) -> float:
        return self.at - time.monotonic()


def _shutdown(conn: HTTPConnection) -> None:
    sock = getattr(conn, "sock", None)
    if sock is None:
        return
    # The base-class call leaves an SSLSocket's state alone; the reader gets EOF.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class Watchdog:
    """One daemon thread firing deadlines in time order."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, Deadline]] = []
        self._seq = itertools.count()
        self._live = 0
        self._thread: threading.Thread | None = None
        self._closed = False

    def arm(self, seconds: float) -> Deadline:
        d = Deadline(at=time.monotonic() + seconds)
        with self._cond:
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(
                    target=self._run, name="citecheck-deadlines", daemon=True
                )
                self._thread.start()
            heapq.heappush(self._heap, (d.at, next(self._seq), d))
            self._live += 1
            if self._heap[0][2] is d:
                self._cond.notify()
        return d

    def disarm(self, d: Deadline) -> None:
        with d._lock:
            d.done = True
            d._conns.clear()
        with self._cond:
            self._live -= 1
            # Disarmed entries wait in the heap until their time; rebuild when they pile up.
            if len(self._heap) > 64 and len(self._heap) > 4 * self._live:
                self._heap = [e for e in self._heap if not e[2].done]
                heapq.heapify(self._heap)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()
        if self._thread is not None:
            self._thread.join(timeout=2)

    def _run(self) -> None:
        with self._cond:
            while not self._closed:
                while self._heap and self._heap[0][2].done:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._cond.wait()
                    continue
                wait = self._heap[0][0] - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                d = heapq.heappop(self._heap)[2]
                d.fire()


def set_current_deadline(d: Deadline | None) -> None:
    _local.deadline = d


def current_deadline() -> Deadline | None:
    return getattr(_local, "deadline", None)


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

    def close(self) -> None:
        if self._lookups is not None:
            self._lookups.close()

    def resolve(self, host: str, port: int) -> list[tuple[int, tuple]]:
        """Checked ``(family, sockaddr)`` pairs; raises DnsNotFound, PrivateAddress, ..."""
        name = host.lower().rstrip(".").strip("[]")
        if name in self.overrides:
            addrs = _literal(self.overrides[name], port)
        elif _is_literal(name):
            addrs = _literal(name, port)
        elif name.endswith(NEVER_RESOLVES):
            raise DnsNotFound(f"host name does not resolve: {host} (reserved name)")
        else:
            addrs = self._resolver(name, port)
            if not addrs:
                raise DnsNotFound(f"host name does not resolve: {host}")
        if self.allow_private:
            return addrs
        ok = [a for a in addrs if refusal_reason(a[1][0], self.allowed) is None]
        if not ok:
            reason = refusal_reason(addrs[0][1][0], self.allowed)
            raise PrivateAddress(f"{host} resolves to a refused address: {reason}")
        return ok

    def check_literal(self, host: str) -> None:
        """Fail fast (before waiting for a politeness slot) on a refused IP literal."""
        name = host.strip("[]")
        if self.allow_private or not _is_literal(name):
            return
        reason = refusal_reason(name, self.allowed)
        if reason:
            raise PrivateAddress(f"refused: {reason}")


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

    def __call__(self, host: str, port: int) -> list[tuple[int, tuple]]:
        future = self._pool.submit(self._lookup, host, port)
        try:
            return future.result(timeout=self.timeout)
        except FutureTimeout:
            raise DnsTemporaryFailure(
                f"DNS lookup of {host} took longer than {self.timeout:g} s"
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
    """Overrides urllib3's connect step; the policy is set on per-client subclasses."""

    policy: AddressPolicy
    connect_timeout: float

    def _new_conn(self) -> socket.socket:
        addrs = self.policy.resolve(self._dns_host, self.port)  # type: ignore[attr-defined]
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
            sys.audit("http.client.connect", self, self.host, self.port)  # type: ignore[attr-defined]
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


class GuardedAdapter(HTTPAdapter):
    """requests adapter whose pools use the guarded connection classes."""

    def __init__(self, policy: AddressPolicy, settings: HttpSettings) -> None:
        attrs = {"policy": policy, "connect_timeout": settings.connect_timeout}
        http_conn = type("CitecheckHTTPConnection", (_GuardedMixin, HTTPConnection), attrs)
        https_conn = type("CitecheckHTTPSConnection", (_GuardedMixin, HTTPSConnection), attrs)
        self._pool_classes = {
            "http": type("CitecheckHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http_conn}),
            "https": type(
                "CitecheckHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https_conn}
            ),
        }
        super().__init__(
            # Pools are kept per (scheme, host, port); an audit touches hundreds of hosts.
            pool_connections=max(64, settings.concurrency * 4),
            pool_maxsize=max(settings.per_host, 1),
            max_retries=0,  # retries are ours (tenacity), with backoff and Retry-After
            pool_block=False,
        )

    def init_poolmanager(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = self._pool_classes


def make_session(settings: HttpSettings, policy: AddressPolicy) -> requests.Session:
    session = requests.Session()
    # No proxies or .netrc from the environment: every destination goes through
    # the address check, and runs do not depend on the caller's shell.
    session.trust_env = False
    adapter = GuardedAdapter(policy, settings)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.clear()
    # The session keeps no cookies: they would leak between unrelated fetches and
    # grow without bound over an audit. Each fetch carries its own jar.
    session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
    return session
