"""A farm of real HTTP servers on loopback with scripted, often hostile, behaviours.

Used as pytest fixtures (tests/web/conftest.py) and from benchmark scripts::

    with Farm() as farm:
        a = farm.host()                        # 127.0.0.1:<free port>
        b = farm.host(address="127.0.0.2")     # a separate "host" for politeness keys
        a.route("/article", page("Title", "text"))
        a.url("/redirect/301/3")               # built-in behaviours, see BUILTINS
        farm.requests(host=a, path="/article") # the request log

Every host serves the built-in paths of :data:`BUILTINS` (``/status/404``,
``/redirect/302/5``, ``/slow``, ``/gzip-bomb``, ...); ``route`` adds or
overrides paths; unknown paths get the host's ``not_found`` behaviour (a real
404 page, or a soft-404 page with status 200 for hosts built that way).

Concurrency is measured on the server: a request counts as active from the
moment its request line is read until just BEFORE the last byte of the answer is
sent, so the server's count can never exceed what the client had in flight.
"""

from __future__ import annotations

import contextlib
import http.server
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tests.web.farm_behaviours import (  # re-exported: tests import them from here
    BUILTINS,
    CLOUDFLARE_HTML,
    DATADOME_HTML,
    PDF_BYTES,
    SOFT_404_HTML,
    Behaviour,
    big_body,
    builtin,
    chunked,
    cut_short,
    delayed,
    endless_body,
    gzip_bomb,
    gzip_bomb_bytes,
    gzipped,
    head_differs,
    html,
    huge_header,
    many_headers,
    page,
    redirect,
    reset,
    retry_after_date,
    sequence,
    slow_body,
    slow_headers,
    status,
    too_many_requests,
)

__all__ = [
    "BUILTINS",
    "CLOUDFLARE_HTML",
    "DATADOME_HTML",
    "PDF_BYTES",
    "SOFT_404_HTML",
    "UNRESOLVABLE_URL",
    "Behaviour",
    "Ctx",
    "Farm",
    "FarmHost",
    "LogEntry",
    "big_body",
    "builtin",
    "chunked",
    "cut_short",
    "delayed",
    "endless_body",
    "gzip_bomb",
    "gzip_bomb_bytes",
    "gzipped",
    "head_differs",
    "html",
    "huge_header",
    "many_headers",
    "measure_overhead",
    "page",
    "redirect",
    "reset",
    "retry_after_date",
    "sequence",
    "slow_body",
    "slow_headers",
    "status",
    "too_many_requests",
]

UNRESOLVABLE_URL = "http://no-such-host.invalid/page"  # RFC 6761: .invalid never resolves


@dataclass
class LogEntry:
    host: str  # "address:port"
    method: str
    path: str  # with query
    start: float  # time.monotonic()
    end: float | None = None
    active: int = 0  # requests active on this host when this one started (itself included)
    headers: dict[str, str] = field(default_factory=dict)
    client: str = ""  # "address:port" of the client's socket: same value = connection reused


class Ctx:
    """What a behaviour sees: the request and ways to answer (well or badly)."""

    def __init__(self, handler: _Handler, host: FarmHost, entry: LogEntry, count: int) -> None:
        self.handler = handler
        self.host = host
        self.entry = entry
        self.method = handler.command
        self.path = urlsplit(handler.path).path
        self.query = urlsplit(handler.path).query
        self.headers = handler.headers
        self.count = count  # 1-based: how many times this host saw this path
        self.stopping = host.farm.stopping
        self._done = False

    # -- bookkeeping --

    def done(self) -> None:
        """The request stops counting as active (called before the last byte goes out)."""
        if not self._done:
            self._done = True
            self.host._finish(self.entry)

    # -- answers --

    def send(
        self,
        status: int,
        body: bytes = b"",
        headers: list[tuple[str, str]] | tuple = (),
        content_type: str | None = "text/html; charset=utf-8",
    ) -> None:
        """A complete, well-formed answer (body omitted for HEAD, length kept)."""
        reason = http.server.BaseHTTPRequestHandler.responses.get(status, ("Unknown",))[0]
        lines = [f"HTTP/1.1 {status} {reason}"]
        names = {k.lower() for k, _ in headers}
        if content_type and "content-type" not in names:
            lines.append(f"Content-Type: {content_type}")
        if "content-length" not in names:
            lines.append(f"Content-Length: {len(body)}")
        lines.append("Server: citecheck-farm")
        lines += [f"{k}: {v}" for k, v in headers]
        data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        if self.method != "HEAD":
            data += body
        self.write_final(data)

    def write(self, data: bytes) -> None:
        self.handler.wfile.write(data)

    def write_final(self, data: bytes) -> None:
        """Write ``data``; the request stops counting as active before its last byte."""
        if len(data) > 1:
            self.handler.wfile.write(data[:-1])
        self.done()
        self.handler.wfile.write(data[-1:])

    def close_connection(self) -> None:
        self.handler.close_connection = True

    def sleep(self, seconds: float) -> bool:
        """Sleep unless the farm stops; False when it is stopping."""
        return not self.stopping.wait(seconds)


# ---------------------------------------------------------------- servers


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    timeout = 30  # idle keep-alive connections are dropped after this

    def log_message(self, format: str, *args: object) -> None:
        pass  # the farm keeps its own log

    def do_GET(self) -> None:
        self.server.farm_host._dispatch(self)

    do_HEAD = do_POST = do_PUT = do_DELETE = do_OPTIONS = do_GET


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256
    farm_host: FarmHost
    ssl_context: ssl.SSLContext | None = None

    def __init__(self, addr: tuple[str, int]) -> None:
        super().__init__(addr, _Handler)
        self.open_sockets: set[socket.socket] = set()
        self.lock = threading.Lock()

    def get_request(self):  # type: ignore[no-untyped-def]
        sock, addr = super().get_request()
        # Answers go out in two writes (see Ctx.write_final): without NODELAY the
        # last byte waits for the client's delayed ACK (~40 ms) on every request.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if self.ssl_context is not None:  # handshake in the handler thread, not here
            sock = self.ssl_context.wrap_socket(
                sock, server_side=True, do_handshake_on_connect=False
            )
        with self.lock:
            self.open_sockets.add(sock)
        return sock, addr

    def shutdown_request(self, request) -> None:  # type: ignore[no-untyped-def]
        with self.lock:
            self.open_sockets.discard(request)
        with contextlib.suppress(OSError):
            super().shutdown_request(request)

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        pass  # clients hanging up mid-answer is the point of most behaviours


class FarmHost:
    """One server (address:port) of the farm."""

    def __init__(
        self,
        farm: Farm,
        address: str,
        port: int,
        latency: float,
        not_found: Behaviour | None,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.farm = farm
        self.latency = latency
        self.not_found = not_found or status(404, body=html("404", "Not Found", "en"))
        self.routes: dict[str, Behaviour] = {}
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()
        self.active = 0
        self.max_active = 0
        self.server = _Server((address, port))
        self.server.farm_host = self
        self.server.ssl_context = tls
        self.address, self.port = self.server.server_address[:2]
        self.scheme = "https" if tls else "http"
        self.name = f"{self.address}:{self.port}"
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def base(self) -> str:
        return f"{self.scheme}://{self.address}:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.base + (path if path.startswith("/") else "/" + path)

    def route(self, path: str, behaviour: Behaviour) -> str:
        """Serve ``behaviour`` at ``path`` (exact, query ignored); returns its URL."""
        self.routes[path] = behaviour
        return self.url(path)

    def requests(self, path: str | None = None, method: str | None = None) -> list[LogEntry]:
        return self.farm.requests(host=self, path=path, method=method)

    def _dispatch(self, handler: _Handler) -> None:
        path = urlsplit(handler.path).path
        with self._lock:
            self.active += 1
            self.max_active = max(self.max_active, self.active)
            count = self._counts[path] = self._counts.get(path, 0) + 1
            entry = LogEntry(
                host=self.name,
                method=handler.command,
                path=handler.path,
                start=time.monotonic(),
                active=self.active,
                headers={k.lower(): v for k, v in handler.headers.items()},
                client=f"{handler.client_address[0]}:{handler.client_address[1]}",
            )
        self.farm._log(entry)
        ctx = Ctx(handler, self, entry, count)
        try:
            if self.latency and not ctx.sleep(self.latency):
                return
            behaviour = self.routes.get(path) or builtin(ctx) or self.not_found
            behaviour(ctx)
        except OSError:
            handler.close_connection = True  # the client hung up: expected here
        finally:
            ctx.done()

    def _finish(self, entry: LogEntry) -> None:
        with self._lock:
            self.active -= 1
            entry.end = time.monotonic()

    def close(self) -> None:
        self.server.shutdown()
        with self.server.lock:
            socks = list(self.server.open_sockets)
        for s in socks:  # wake handler threads blocked on idle keep-alive connections
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
        self.server.server_close()
        self._thread.join(timeout=5)


class Farm:
    """A set of loopback hosts with one request log; use as a context manager."""

    def __init__(self) -> None:
        self.hosts: list[FarmHost] = []
        self.stopping = threading.Event()
        self._log_lock = threading.Lock()
        self.log: list[LogEntry] = []
        self._tmp: tempfile.TemporaryDirectory | None = None

    def host(
        self,
        address: str = "127.0.0.1",
        port: int = 0,
        *,
        latency: float = 0.0,
        not_found: Behaviour | None = None,
        tls: bool = False,
    ) -> FarmHost:
        """Start one more server. ``tls`` serves HTTPS with a self-signed certificate."""
        context = self._tls_context() if tls else None
        h = FarmHost(self, address, port, latency, not_found, context)
        self.hosts.append(h)
        return h

    def many_hosts(self, n: int, *, latency: float = 0.0, first: int = 2) -> list[FarmHost]:
        """``n`` hosts on 127.0.0.<first>…, each its own politeness key."""
        return [self.host(f"127.0.0.{first + i}", latency=latency) for i in range(n)]

    def requests(
        self, host: FarmHost | None = None, path: str | None = None, method: str | None = None
    ) -> list[LogEntry]:
        with self._log_lock:
            entries = list(self.log)
        return [
            e
            for e in entries
            if (host is None or e.host == host.name)
            and (path is None or urlsplit(e.path).path == path)
            and (method is None or e.method == method)
        ]

    @staticmethod
    def max_overlap(entries: list[LogEntry]) -> int:
        """Most of ``entries`` active at one moment (each from start to just before its end)."""
        events = []
        for e in entries:
            events.append((e.start, 1))
            events.append((e.end if e.end is not None else float("inf"), -1))
        events.sort(key=lambda ev: (ev[0], ev[1]))  # an end before a start at the same instant
        best = cur = 0
        for _, delta in events:
            cur += delta
            best = max(best, cur)
        return best

    def clear_log(self) -> None:
        with self._log_lock:
            self.log.clear()

    def _log(self, entry: LogEntry) -> None:
        with self._log_lock:
            self.log.append(entry)

    # -- failures that need no behaviour --

    @staticmethod
    def closed_port_url(path: str = "/") -> str:
        """A URL whose port refuses connections (bound, then closed at once)."""
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        return f"http://127.0.0.1:{port}{path}"

    @staticmethod
    def tls_mismatch_url(host: FarmHost, path: str = "/page/x") -> str:
        """HTTPS spoken to a plain-HTTP port: the TLS handshake fails."""
        return f"https://{host.address}:{host.port}{path}"

    unresolvable_url = UNRESOLVABLE_URL

    @property
    def cert_path(self) -> Path:
        """The self-signed certificate of the farm's TLS hosts (a CA bundle for tests)."""
        if self._tmp is None:
            raise RuntimeError("no TLS host yet: farm.host(tls=True) makes the certificate")
        return Path(self._tmp.name) / "cert.pem"

    @staticmethod
    def can_make_certificates() -> bool:
        return shutil.which("openssl") is not None

    def tls_context(self) -> ssl.SSLContext:
        """A server context with the farm's self-signed certificate (127.0.0.1, localhost)."""
        return self._tls_context()

    def _tls_context(self) -> ssl.SSLContext:
        if not self.can_make_certificates():
            raise RuntimeError("openssl is needed for a self-signed certificate")
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="citecheck-farm-")
            d = Path(self._tmp.name)
            subprocess.run(
                [
                    "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", str(d / "key.pem"), "-out", str(d / "cert.pem"),
                    "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                ],
                check=True,
                capture_output=True,
                timeout=60,
            )  # fmt: skip
        d = Path(self._tmp.name)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(d / "cert.pem", d / "key.pem")
        return ctx

    def close(self) -> None:
        self.stopping.set()
        for h in self.hosts:
            h.close()
        if self._tmp is not None:
            self._tmp.cleanup()

    def __enter__(self) -> Farm:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------- measurement


def measure_overhead(n: int = 500, batches: int = 5) -> dict[str, float]:
    """Per-request cost on loopback: bare requests.Session vs HttpClient.fetch/probe.

    Run: ``python -m tests.web.farm [N]``. Every variant reuses one keep-alive
    connection; the difference is what the client adds (address check, deadline,
    politeness slot, retry machinery, capped body read, result building). The
    variants run interleaved in batches and the median batch is reported, so a
    busy machine disturbs all of them alike.
    """
    import statistics

    import requests

    from citecheck.web.http import HttpClient
    from citecheck.web.settings import HttpSettings

    per = max(1, n // batches)
    times: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    with Farm() as farm, requests.Session() as session:
        session.trust_env = False  # as in HttpClient: no proxy/netrc lookups per request
        h = farm.host()
        settings = HttpSettings(allow_private=True, min_delay=0.0, per_host=1, trust_env=False)
        with HttpClient(settings) as c:
            variants = {
                "requests.Session.get": lambda u: session.get(u).content,  # trust_env off
                "HttpClient.fetch": c.fetch,
                "HttpClient.probe": c.probe,
            }
            for call in variants.values():
                call(h.url("/page/warm-up"))
            for b in range(batches):
                for name, call in variants.items():
                    urls = [h.url(f"/page/{name}/{b}/{i}") for i in range(per)]
                    t, c0 = time.perf_counter(), time.thread_time()
                    for u in urls:
                        call(u)
                    cpu.setdefault(name, []).append((time.thread_time() - c0) / per)
                    times.setdefault(name, []).append((time.perf_counter() - t) / per)
    # CPU time of the calling thread: what the client costs, whatever else the machine runs.
    return {
        **{f"{name} wall": statistics.median(ts) for name, ts in times.items()},
        **{f"{name} cpu": statistics.median(ts) for name, ts in cpu.items()},
    }


if __name__ == "__main__":
    import sys

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    res = measure_overhead(count)
    for name, sec in res.items():
        base = res["requests.Session.get " + name.rsplit(" ", 1)[1]]
        print(f"{name:27} {sec * 1e6:7.0f} µs/request  ({(sec - base) * 1e6:+6.0f} µs vs requests)")
