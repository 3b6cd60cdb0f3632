"""Politeness: at most ``per_host`` requests in flight to one host, ``min_delay``
seconds between request starts to one host, ``concurrency`` in flight overall.

The host slot is taken before the global one, so a thread waiting on a busy host
never holds global capacity that requests to other hosts could use.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass
class _HostState:
    active: int = 0
    waiting: int = 0  # threads blocked on this state: it must not be dropped under them
    next_start: float = 0.0  # monotonic time before which no request may start


class HostGate:
    def __init__(self, concurrency: int, per_host: int, min_delay: float) -> None:
        self.per_host = per_host
        self.min_delay = min_delay
        self._global = threading.BoundedSemaphore(concurrency)
        self._cond = threading.Condition()
        self._hosts: dict[str, _HostState] = {}

    @contextmanager
    def slot(self, host: str) -> Iterator[float]:
        """Hold a request slot for ``host``; yields the seconds spent waiting for it."""
        t0 = time.monotonic()
        with self._cond:
            state = self._hosts.setdefault(host, _HostState())
            state.waiting += 1
            while state.active >= self.per_host:
                self._cond.wait()
            state.waiting -= 1
            state.active += 1
            now = time.monotonic()
            start = max(now, state.next_start)
            state.next_start = start + self.min_delay  # reserve: starts stay min_delay apart
        try:
            if start > now:
                time.sleep(start - now)
            with self._global:
                yield time.monotonic() - t0
        finally:
            with self._cond:
                state.active -= 1
                if (
                    state.active == 0
                    and state.waiting == 0
                    and state.next_start <= time.monotonic()
                ):
                    # Idle and no pending delay: forget the host (audits touch thousands).
                    self._hosts.pop(host, None)
                self._cond.notify_all()

    def defer(self, host: str, seconds: float) -> None:
        """No request to ``host`` starts for ``seconds`` (it answered 429/503 + Retry-After)."""
        with self._cond:
            state = self._hosts.setdefault(host, _HostState())
            state.next_start = max(state.next_start, time.monotonic() + seconds)

    def hosts_tracked(self) -> int:
        with self._cond:
            return len(self._hosts)
