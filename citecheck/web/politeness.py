"""Politeness: at most ``per_host`` requests in flight to one host, ``min_delay``
seconds between request starts to one host, ``concurrency`` in flight overall.

The host slot is taken before the global one, so a thread waiting on a busy host
never holds global capacity that requests to other hosts could use.

Each host has its own lock and condition: threads working on different hosts
never contend, and a freed slot wakes one waiter of that host only (a single
shared condition woke every waiting thread of every host on each release). The
gate-wide lock guards only the host table, for a dictionary look-up.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

# Idle hosts are forgotten (an audit touches thousands); when the table grows past
# this, entries whose pending delay has passed are swept out.
SWEEP_AT = 1024


class _HostState:
    __slots__ = ("active", "cond", "next_start", "users")

    def __init__(self) -> None:
        self.cond = threading.Condition(threading.Lock())
        self.active = 0  # requests holding a slot
        self.users = 0  # threads holding or waiting for a slot: the state must stay
        self.next_start = 0.0  # monotonic time before which no request may start


class HostGate:
    def __init__(self, concurrency: int, per_host: int, min_delay: float) -> None:
        self.per_host = per_host
        self.min_delay = min_delay
        self._global = threading.BoundedSemaphore(concurrency)
        self._lock = threading.Lock()  # the host table only
        self._hosts: dict[str, _HostState] = {}

    def _enter(self, host: str) -> _HostState:
        with self._lock:
            state = self._hosts.get(host)
            if state is None:
                if len(self._hosts) >= SWEEP_AT:
                    self._sweep(time.monotonic())
                state = self._hosts[host] = _HostState()
            state.users += 1
            return state

    def _leave(self, host: str, state: _HostState) -> None:
        with self._lock:
            state.users -= 1
            idle = state.users == 0 and state.next_start <= time.monotonic()
            if idle and self._hosts.get(host) is state:
                del self._hosts[host]  # no pending delay either: forget the host

    def _sweep(self, now: float) -> None:
        for host in [h for h, s in self._hosts.items() if s.users == 0 and s.next_start <= now]:
            del self._hosts[host]

    @contextmanager
    def slot(self, host: str) -> Iterator[float]:
        """Hold a request slot for ``host``; yields the seconds spent waiting for it."""
        t0 = time.monotonic()
        state = self._enter(host)
        try:
            with state.cond:
                while state.active >= self.per_host:
                    state.cond.wait()
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
                with state.cond:
                    state.active -= 1
                    state.cond.notify()  # one slot freed: one waiter can take it
        finally:
            self._leave(host, state)

    def defer(self, host: str, seconds: float) -> None:
        """No request to ``host`` starts for ``seconds`` (it answered 429/503 + Retry-After)."""
        state = self._enter(host)
        try:
            with state.cond:
                state.next_start = max(state.next_start, time.monotonic() + seconds)
        finally:
            self._leave(host, state)

    def hosts_tracked(self) -> int:
        with self._lock:
            return len(self._hosts)
