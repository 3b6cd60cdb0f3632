"""A hard deadline per attempt: socket timeouts bound each ``recv`` only.

A server trickling one byte every half second (slowloris) never trips them. A
:class:`Watchdog` thread shuts the socket down when an attempt's deadline
passes, which wakes the reading thread wherever it is blocked (connect, proxy
tunnel, headers or body). Connections used by the attempt put their socket
under the thread's current :class:`Deadline` (:func:`watch_connection`).

The socket object itself is held, never the connection: http.client hands the
socket over to the response and sets ``conn.sock`` to None when the connection
will close after the answer (``Connection: close``, HTTP/1.0, a body ended by
the close), and the body is then read from a socket the connection no longer
names. A watchdog looking on the connection found nothing to shut down there,
and a trickled body ran as long as the server liked.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

_local = threading.local()  # the running attempt's Deadline, per thread


@dataclass(eq=False)
class Deadline:
    """One attempt's deadline; the sockets the attempt uses are attached to it."""

    at: float
    fired: bool = False
    done: bool = False
    _socks: list[socket.socket] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def attach(self, sock: socket.socket) -> None:
        """Shut ``sock`` down when the deadline passes (at once if it has passed)."""
        with self._lock:
            if self.done:
                return
            if not any(s is sock for s in self._socks):  # connect and request both attach
                self._socks.append(sock)
            fired = self.fired
        if fired:
            _shutdown(sock)

    def fire(self) -> None:
        with self._lock:
            if self.done:
                return
            self.fired = True
            socks = list(self._socks)
        for sock in socks:
            _shutdown(sock)

    def remaining(self) -> float:
        return self.at - time.monotonic()


def _shutdown(sock: socket.socket) -> None:
    # The base-class call leaves an SSLSocket's state alone; the reader gets EOF. A
    # socket closed meanwhile has fileno -1 (never another connection's descriptor):
    # the call fails, harmlessly.
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
            d._socks.clear()
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


def watch_socket(sock: socket.socket | None) -> None:
    """Put ``sock`` under the running attempt's deadline (none running: nothing)."""
    d = current_deadline()
    if d is not None and sock is not None:
        d.attach(sock)


def watch_connection(conn: Any) -> None:
    """Put the socket ``conn`` holds now under the running attempt's deadline.

    Call it once the connection is connected (for TLS: the wrapped socket) and
    before each request (a connection reused from the pool): the socket is then
    held even after the connection lets go of it (see the module docstring).
    """
    watch_socket(getattr(conn, "sock", None))
