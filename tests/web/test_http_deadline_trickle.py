"""The total deadline cuts a trickled body however its end is framed.

http.client hands the socket over to the response and drops ``conn.sock`` when
the connection will close after the answer (``Connection: close``, HTTP/1.0, a
body ended by the close). A watchdog that looked for the socket on the
connection found none there and the read went on as long as the server kept
trickling. Each case here is a raw socket server on loopback sending the head at
once and then one byte every 70 ms for far longer than the deadline.

The answer must be a ``total_timeout`` and the server must see the client hang
up before its trickle ends. The elapsed time is checked only against a generous
bound (three deadlines), far below the trickle's length.
"""

from __future__ import annotations

import contextlib
import select
import socket
import ssl
import threading
import time
from collections.abc import Iterator

import pytest

from citecheck.codes import LinkStatus
from citecheck.web.chat import ChatError, ChatTransport
from citecheck.web.http import HttpClient
from citecheck.web.links import LinkSettings, LinkTarget, check_links
from citecheck.web.result import Exchange
from citecheck.web.sources import fetch_sources
from tests.conftest import require
from tests.web.conftest import fast_settings
from tests.web.farm import Farm

DEADLINE = 1.0  # the client's total_timeout in these tests
BOUND = 3 * DEADLINE  # generous: a fetch cut by the watchdog ends just after DEADLINE
TRICKLE_SECONDS = 8.0  # how long the server would go on: well past BOUND
INTERVAL = 0.07  # one byte every 70 ms: never trips the 1 s read timeout

CUT = "cut by the client"
ENDED = "trickle ended"

IDENTITY = b"<p>bir bayt daha</p>\n"
CHUNKED = b"1\r\nx\r\n"  # one-byte chunks, sent a byte at a time like the rest

CASES = {
    "close, no length": (b"HTTP/1.1 200 OK\r\nConnection: close\r\n", IDENTITY),
    "HTTP/1.0, no length": (b"HTTP/1.0 200 OK\r\n", IDENTITY),
    "chunked, close": (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n",
        CHUNKED,
    ),
    "chunked, keep-alive": (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n", CHUNKED),
    "length over what is sent, close": (
        b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nConnection: close\r\n",
        IDENTITY,
    ),
    "length over what is sent, keep-alive": (
        b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n",
        IDENTITY,
    ),
}


class Trickler:
    """A raw loopback HTTP server: every request gets ``head`` at once (GET and HEAD
    alike), then, for GET, the bytes of ``stream`` over and over, one every INTERVAL,
    for TRICKLE_SECONDS. ``outcomes`` says per connection whether the client hung up
    first (CUT) or the trickle ran to its end (ENDED)."""

    def __init__(self, head: bytes, stream: bytes, tls: ssl.SSLContext | None = None) -> None:
        self.head = head + b"Content-Type: text/html; charset=utf-8\r\n\r\n"
        self.stream = stream
        self.tls = tls
        self.outcomes: list[str] = []
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._accept_loop, daemon=True)
        self._accept.start()

    def url(self, path: str = "/kaynak") -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://127.0.0.1:{self._listener.getsockname()[1]}{path}"

    def close(self) -> None:
        self._stop.set()
        self._accept.join(5)
        for t in self._threads:
            t.join(5)
        self._listener.close()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(t)
            t.start()

    def _serve(self, conn: socket.socket) -> None:
        with contextlib.ExitStack() as stack:
            stack.callback(conn.close)
            conn.settimeout(2)
            try:
                if self.tls is not None:
                    conn = self.tls.wrap_socket(conn, server_side=True)
                    stack.callback(conn.close)
                request = b""
                while b"\r\n\r\n" not in request:
                    data = conn.recv(4096)
                    if not data:
                        return
                    request += data
                conn.sendall(self.head)
            except OSError:  # ssl.SSLError included: a client that gave up early
                return
            if request.startswith(b"HEAD "):
                return
            self.outcomes.append(self._trickle(conn))

    def _trickle(self, conn: socket.socket) -> str:
        end = time.monotonic() + TRICKLE_SECONDS
        i = 0
        while time.monotonic() < end and not self._stop.is_set():
            readable, _, _ = select.select([conn], [], [], INTERVAL)
            try:
                # A request body still coming in is read and dropped; end of stream
                # (or a reset) is the client hanging up.
                if readable and not conn.recv(4096):
                    return CUT
                conn.sendall(self.stream[i % len(self.stream) : i % len(self.stream) + 1])
            except OSError:
                return CUT
            i += 1
        return ENDED


@pytest.fixture
def trickler() -> Iterator[list[Trickler]]:
    made: list[Trickler] = []
    yield made
    for t in made:
        t.close()


def _serve(made: list[Trickler], case: str, tls: ssl.SSLContext | None = None) -> Trickler:
    head, stream = CASES[case]
    server = Trickler(head, stream, tls)
    made.append(server)
    return server


def _settings(**overrides: object):
    return fast_settings(total_timeout=DEADLINE, retries=0, **overrides)


def _wait_for_outcome(server: Trickler) -> list[str]:
    """The server notices the hang-up within an interval or two; wait for it (bounded)."""
    end = time.monotonic() + TRICKLE_SECONDS
    while not server.outcomes and time.monotonic() < end:
        time.sleep(0.01)
    return server.outcomes


@pytest.mark.parametrize("case", list(CASES))
def test_trickled_body_is_cut_at_the_total_deadline(trickler: list[Trickler], case: str) -> None:
    server = _serve(trickler, case)
    with HttpClient(_settings()) as client:
        t0 = time.monotonic()
        r = client.fetch(server.url())
        elapsed = time.monotonic() - t0
    assert r.error_kind == LinkStatus.TIMEOUT and r.error_code == "total_timeout", r.error
    assert r.status == 200  # the answer had started
    assert _wait_for_outcome(server) == [CUT]
    assert elapsed < BOUND, f"still reading after {elapsed:.1f} s"


def test_trickled_body_over_tls_is_cut_at_the_total_deadline(trickler: list[Trickler]) -> None:
    require(Farm.can_make_certificates(), "openssl")
    with Farm() as farm:
        server = _serve(trickler, "close, no length", tls=farm.tls_context())
        with HttpClient(_settings(ca_bundle=str(farm.cert_path))) as client:
            t0 = time.monotonic()
            r = client.fetch(server.url())
            elapsed = time.monotonic() - t0
    assert r.error_code == "total_timeout", r.error
    assert _wait_for_outcome(server) == [CUT]
    assert elapsed < BOUND, f"still reading after {elapsed:.1f} s"


def test_link_checker_gets_a_timeout(trickler: list[Trickler]) -> None:
    server = _serve(trickler, "close, no length")
    settings = LinkSettings(http=_settings(), archive_lookup=False, soft404_baseline=False)
    t0 = time.monotonic()
    (check,) = check_links([LinkTarget(server.url(), [1])], settings)
    elapsed = time.monotonic() - t0
    assert check.status == LinkStatus.TIMEOUT, check
    assert _wait_for_outcome(server) == [CUT]
    assert elapsed < BOUND, f"still reading after {elapsed:.1f} s"


def test_source_fetcher_gets_a_timeout(trickler: list[Trickler]) -> None:
    server = _serve(trickler, "close, no length")
    url = server.url()
    with HttpClient(_settings()) as client:
        t0 = time.monotonic()
        fetched = fetch_sources([url], client)[url]
        elapsed = time.monotonic() - t0
    assert fetched.source is None and "within 1 s" in (fetched.problem or ""), fetched.problem
    assert _wait_for_outcome(server) == [CUT]
    assert elapsed < BOUND, f"still reading after {elapsed:.1f} s"


def test_server_address_is_kept_when_the_answer_closes_the_connection(farm: Farm) -> None:
    # The same hand-over took the WARC's IP address away: it was read from conn.sock.
    host = farm.host()
    body = b"<html><body>kapal\xc4\xb1</body></html>"
    closing = host.route("/kapali", lambda ctx: ctx.send(200, body, [("Connection", "close")]))
    kept = host.route("/acik", lambda ctx: ctx.send(200, body, []))
    seen: list[Exchange] = []
    with HttpClient(_settings(), on_response=seen.append) as client:
        for url in (closing, kept):
            assert client.fetch(url).status == 200
    assert [(e.url, e.remote_addr) for e in seen] == [(closing, "127.0.0.1"), (kept, "127.0.0.1")]


class HandshakeTrickler(Trickler):
    """A TLS server in appearance only: the ClientHello is answered by the header of a
    16 KiB handshake record whose bytes then come one at a time."""

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(2)
            try:
                conn.recv(4096)  # the ClientHello
                conn.sendall(b"\x16\x03\x03\x40\x00")
            except OSError:
                return
            self.outcomes.append(self._trickle(conn))


def test_trickled_tls_handshake_is_cut_at_the_total_deadline(trickler: list[Trickler]) -> None:
    # The watchdog cannot reach a socket in the middle of being wrapped; what bounds the
    # handshake is the socket timeout set on connect (never past the deadline), which
    # CPython applies to the handshake as a whole. Long connect/read timeouts show it.
    server = HandshakeTrickler(b"", b"\x00", tls=ssl.create_default_context())
    trickler.append(server)
    with HttpClient(_settings(verify_tls=False, connect_timeout=10, read_timeout=10)) as client:
        t0 = time.monotonic()
        r = client.fetch(server.url())
        elapsed = time.monotonic() - t0
    assert r.error_code == "total_timeout", r.error
    assert r.status is None
    assert _wait_for_outcome(server) == [CUT]
    assert elapsed < BOUND, f"still reading after {elapsed:.1f} s"


def test_chat_transport_shares_the_fix(trickler: list[Trickler]) -> None:
    # The model judge's transport attaches sockets through the same helper.
    server = _serve(trickler, "close, no length")
    chat = ChatTransport(timeout=DEADLINE, retries=0)
    payload = {"messages": [{"role": "user", "content": "uzun bir istek " * 500}]}
    try:
        t0 = time.monotonic()
        with pytest.raises(ChatError) as err:
            chat.post_json(server.url("/v1/chat/completions"), payload)
        elapsed = time.monotonic() - t0
    finally:
        chat.close()
    assert err.value.kind == "timeout", err.value
    assert _wait_for_outcome(server) == [CUT]
    assert elapsed < BOUND, f"still reading after {elapsed:.1f} s"
