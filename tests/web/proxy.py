"""A tiny forwarding HTTP proxy on loopback, for tests ("the network replaced").

- absolute-form requests (``GET http://host:port/path HTTP/1.1``) are sent on to
  the destination with ``Connection: close`` and the answer relayed back;
- ``CONNECT host:port`` opens a tunnel and pipes bytes both ways (https);
- ``routes`` maps host names to farm addresses, as a real proxy's DNS would:
  ``www.example-avim.test`` can reach a farm host although it resolves nowhere;
- destinations it cannot reach get ``502 Bad Gateway`` (as Squid does);
- every request is logged (method, target, headers) for assertions.

    with Proxy(routes={"www.example-avim.test": (host.address, host.port)}) as p:
        HttpClient(HttpSettings(proxy=p.url)).fetch("http://www.example-avim.test/x")
"""

from __future__ import annotations

import contextlib
import select
import socket
import socketserver
import ssl
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

HEADER_LIMIT = 64 * 1024  # a request head larger than this is refused


@dataclass
class ProxyEntry:
    method: str
    target: str  # absolute URL, or host:port for CONNECT
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        sock: socket.socket = self.request
        sock.settimeout(5)
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = sock.recv(4096)
            if not chunk or len(head) > HEADER_LIMIT:
                return
            head += chunk
        raw_head, _, rest = head.partition(b"\r\n\r\n")
        lines = raw_head.decode("latin-1").split("\r\n")
        method, target, _version = [*lines[0].split(" "), "", ""][:3]
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        proxy = self.server.proxy
        proxy._log(ProxyEntry(method, target, headers))
        if proxy.refuse is not None:
            sock.sendall(proxy.refuse)
            return
        if method == "CONNECT":
            self._tunnel(sock, target, rest)
        else:
            self._forward(sock, method, target, lines[1:], rest)

    def _connect(self, host: str, port: int) -> socket.socket | None:
        address = self.server.proxy.routes.get(host.lower())
        try:
            return socket.create_connection(address or (host, port), timeout=5)
        except OSError:
            return None

    def _tunnel(self, sock: socket.socket, target: str, rest: bytes) -> None:
        host, _, port = target.rpartition(":")
        upstream = self._connect(host.strip("[]"), int(port or 443))
        if upstream is None:
            sock.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
            return
        with upstream:
            sock.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            if rest:
                upstream.sendall(rest)
            _pipe(sock, upstream, self.server.proxy.stopping)

    def _forward(
        self, sock: socket.socket, method: str, target: str, header_lines: list[str], rest: bytes
    ) -> None:
        parts = urlsplit(target)
        if parts.scheme != "http" or not parts.hostname:
            sock.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            return
        upstream = self._connect(parts.hostname, parts.port or 80)
        if upstream is None:
            sock.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
            return
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        kept = [
            line
            for line in header_lines
            if line.split(":", 1)[0].strip().lower()
            not in ("connection", "proxy-connection", "proxy-authorization", "keep-alive")
        ]
        request = f"{method} {path} HTTP/1.1\r\n" + "".join(line + "\r\n" for line in kept)
        request += "Connection: close\r\n\r\n"
        with upstream:
            upstream.sendall(request.encode("latin-1") + rest)
            head = b""
            while True:  # the answer, until the server closes (it was asked to)
                try:
                    data = upstream.recv(65536)
                except OSError:
                    break
                if not data:
                    break
                if head is not None:
                    head += data
                    if b"\r\n\r\n" not in head and len(head) < HEADER_LIMIT:
                        continue
                    data, head = _closing(head), None
                sock.sendall(data)
            if head:
                sock.sendall(head)


def _closing(answer: bytes) -> bytes:
    """The answer with ``Connection: close``: this proxy closes after each answer, and a
    client that believed it would keep the connection could lose the race for it."""
    head, sep, body = answer.partition(b"\r\n\r\n")
    lines = [
        line
        for line in head.split(b"\r\n")
        if line.split(b":", 1)[0].strip().lower() not in (b"connection", b"keep-alive")
    ]
    return b"\r\n".join([*lines, b"Connection: close"]) + sep + body


def _pipe(a: socket.socket, b: socket.socket, stopping: threading.Event) -> None:
    peers = {a: b, b: a}
    while not stopping.is_set():
        readable, _, _ = select.select(list(peers), [], [], 0.2)
        for s in readable:
            try:
                data = s.recv(65536)
            except OSError:
                return
            if not data:
                return
            peers[s].sendall(data)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    proxy: Proxy
    tls: ssl.SSLContext | None = None

    def get_request(self):  # type: ignore[no-untyped-def]
        sock, addr = super().get_request()
        if self.tls is not None:  # an https:// proxy: TLS to the proxy itself
            sock = self.tls.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, addr


class Proxy:
    """The proxy server; ``url`` is what HttpSettings.proxy / http_proxy take."""

    def __init__(
        self,
        address: str = "127.0.0.1",
        routes: dict[str, tuple[str, int]] | None = None,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.routes = {k.lower(): v for k, v in (routes or {}).items()}
        self.refuse: bytes | None = None  # set to answer every request with these bytes
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self.log: list[ProxyEntry] = []
        self.server = _Server((address, 0), _Handler)
        self.server.proxy = self
        self.server.tls = tls
        self.address, self.port = self.server.server_address[:2]
        self.url = f"{'https' if tls else 'http'}://{self.address}:{self.port}"
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def _log(self, entry: ProxyEntry) -> None:
        with self._lock:
            self.log.append(entry)

    def entries(self) -> list[ProxyEntry]:
        with self._lock:
            return list(self.log)

    def close(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        with contextlib.suppress(OSError):
            self.server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Proxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
