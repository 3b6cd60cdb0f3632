"""The machinery behind :func:`citecheck.web.links.check_links`: groups, workers, archive.

Targets are grouped by normalized URL as they arrive (:class:`_Grouper`); each new
group becomes a job in its host's queue, and worker threads (:class:`_Run`) take
the next job of the host that waited longest with a free slot, never more at once
for one host than the per-host limit. :class:`_Checker` fetches, classifies and
looks up archived copies; :func:`_expand` turns per-group results into one
result per URL as cited. Private to the links module (names keep their underscore).
"""

from __future__ import annotations

import copy
import logging
import queue
import threading
from collections import OrderedDict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from citecheck.codes import LINK_OK, LinkStatus
from citecheck.model import LinkCheck
from citecheck.web import liveness, liveness_baseline
from citecheck.web.archive import Wayback
from citecheck.web.cache import LinkCache
from citecheck.web.urls import host_key, normalize_url, validate_url

if TYPE_CHECKING:
    from citecheck.web.links import LinkSettings, LinkTarget

log = logging.getLogger("citecheck.web.links")

# Statuses for which an archived copy is worth looking up: the reader does not
# get the page (blocked included: the wall may never let them through). An
# invalid or private address has no capture to find.
_NO_ARCHIVE = LINK_OK | {LinkStatus.INVALID_URL, LinkStatus.PRIVATE_ADDRESS}


@dataclass
class _Group:
    key: str  # normalized URL
    first_url: str  # as first cited: the one fetched (a plain field: workers read it
    # while the caller's thread may still add entries)
    entries: dict[str, list[int]] = field(default_factory=dict)  # URL as cited -> notes
    accessed: list[str] = field(default_factory=list)
    fallback_date: str | None = None
    # Why the first cited URL cannot be fetched: checked once, by the worker that needs
    # it first (not while the run starts: the caller's thread is busiest then).
    _problem: str | None = None
    _validated: bool = False

    @property
    def problem(self) -> str | None:
        if not self._validated:  # two threads at once would compute the same answer
            self._problem = validate_url(self.first_url)
            self._validated = True
        return self._problem


class _Grouper:
    """Groups targets by normalized URL as they come, so checks start before the last is read.

    ``add`` returns a group the first time its key is seen; a group's key,
    first URL and its ``problem`` never change after that, so a worker may check it
    while later targets still add cited forms, notes and access dates.
    """

    def __init__(self) -> None:
        self.groups: dict[str, _Group] = {}
        self.order: list[tuple[str, str]] = []  # (cited URL, key): the output order

    def add(self, t: LinkTarget) -> _Group | None:
        cited = t.url.strip() if isinstance(t.url, str) else str(t.url)
        key = normalize_url(cited) or cited
        g = self.groups.get(key)
        new = g is None
        if g is None:
            g = self.groups[key] = _Group(key, cited)
        if cited not in g.entries:
            g.entries[cited] = []
            self.order.append((cited, key))
        g.entries[cited].extend(n for n in t.notes if n not in g.entries[cited])
        if t.accessed:
            g.accessed.append(t.accessed)
        g.fallback_date = g.fallback_date or t.fallback_date
        return g if new else None


def _group(targets: Iterable[LinkTarget]) -> tuple[list[_Group], list[tuple[str, str]]]:
    """Groups by normalized URL, and the (cited URL, key) order of the output."""
    grouper = _Grouper()
    for t in targets:
        grouper.add(t)
    return list(grouper.groups.values()), grouper.order


class _Checker:
    """One run: the client, the per-site yardsticks, the archive, the cache."""

    def __init__(self, settings: LinkSettings, client: Any, cache: LinkCache | None) -> None:
        self.settings = settings
        self.client = client
        self.cache = cache
        self.baselines = (
            liveness_baseline.SiteBaselines(
                self._fetch_capped, max_bytes=settings.http.probe_body_bytes
            )
            if settings.soft404_baseline
            else None
        )
        self.wayback = Wayback(
            client, api_base=settings.wayback_api_base, web_base=settings.wayback_web_base
        )
        # Set once every target is grouped: archive look-ups read all access dates.
        self.grouped = threading.Event()

    def _fetch_capped(self, url: str, max_bytes: int) -> Any:
        return self.client.fetch(url, method="GET", max_bytes=max_bytes, follow_redirects=True)

    def run(self, group: _Group) -> LinkCheck:
        cited = group.first_url
        if group.problem:
            check = liveness.not_checked(cited, group.key, [], "")
            check.status = LinkStatus.INVALID_URL.value
            check.reason = f"This is not a valid web address: {group.problem}."
            return check
        # GET with the probe's small cap: the body is needed anyway (soft-404 and
        # bot-wall checks read it), so HEAD first would only add a request.
        res = self._fetch_capped(cited, self.settings.http.probe_body_bytes)
        check = liveness.classify(
            res, url=cited, normalized_url=group.key, baselines=self.baselines
        )
        self._archive(check, group)
        if self.cache is not None:
            self.cache.put(check)
        return check

    def _archive(self, check: LinkCheck, group: _Group) -> None:
        status = LinkStatus(check.status)
        if self.settings.save_archive and status in LINK_OK:
            check.archive = self.wayback.save_page(check.final_url or check.normalized_url)
        elif self.settings.archive_lookup and status not in _NO_ARCHIVE:
            self.grouped.wait()
            # The earliest access date: the page as the author first saw it.
            accessed = min(group.accessed) if group.accessed else None
            check.archive = self.wayback.find_snapshot(
                check.normalized_url, accessed=accessed, fallback_date=group.fallback_date
            )

    def prefetch(self, url: str) -> None:
        try:
            if self.baselines is not None:
                self.baselines.get(url)
        except Exception:  # a yardstick is an optimisation; run() copes without it
            log.debug("soft-404 yardstick for %s failed", url, exc_info=True)


def _failed(group: _Group, exc: BaseException) -> LinkCheck:
    return liveness.not_checked(
        group.first_url,
        group.key,
        [],
        f"citecheck could not check this link ({type(exc).__name__}: {exc}).".replace("\n", " "),
    )


@dataclass
class _Yardstick:
    """The job of fetching the soft-404 yardstick of this group's site."""

    group: _Group


class _Run:
    """Jobs in one queue per host, and worker threads that take them themselves.

    A host has at most ``per_host`` jobs running (the client's per-host limit),
    so no worker sits in the client's gate while another site's slot idles; the
    client still enforces its limits and delay. A worker that finishes a job
    takes the next one itself (no round trip through the caller's thread): from
    the host that has waited longest with a queued job and a free slot (so
    every site makes progress from the start, and with fewer workers than slots
    a worker does not stay on one site while the site's delay runs). Threads
    are started as slots get work, up to the client's global limit; the results
    go to the caller's thread through a queue.
    """

    def __init__(self, checker: _Checker, client: Any) -> None:
        self.checker = checker
        self.per_host = max(1, _client_setting(client, checker.settings, "per_host"))
        self.max_workers = max(1, _client_setting(client, checker.settings, "concurrency"))
        self._cond = threading.Condition(threading.Lock())
        self._queues: dict[str, deque[_Group | _Yardstick]] = {}
        self._running: dict[str, int] = {}
        self._ready: OrderedDict[str, None] = OrderedDict()  # queued job and a free slot
        self._idle = 0  # workers waiting for a job and not yet woken
        self._threads: list[threading.Thread] = []
        self._reserved = 0  # workers decided on, started or not
        self._wanted = 0  # slots with work: per host, running + queued jobs up to per_host
        self._closed = False
        self._out: queue.SimpleQueue[tuple[str, LinkCheck]] = queue.SimpleQueue()
        self._jobs = 0  # groups added: results() yields as many checks

    def add(self, g: _Group) -> None:
        host = host_key(g.key)
        yardstick = self.checker.baselines is not None
        with self._cond:
            # One yardstick per site, fetched while its first pages are in flight.
            jobs = [_Yardstick(g), g] if yardstick and host not in self._running else [g]
            # A slot no worker will fill: a new worker, started before the job is queued
            # so that it starts idle and this thread does not wait while it fetches.
            load = self._running.get(host, 0) + len(self._queues.get(host, ()))
            wanted = self._wanted + min(len(jobs), max(0, self.per_host - load))
            spawn = wanted > self._reserved and self._reserved < self.max_workers
            self._reserved += spawn
        if spawn:
            t = threading.Thread(target=self._work, name="citecheck-link", daemon=True)
            self._threads.append(t)  # only the caller's thread starts workers
            t.start()
        with self._cond:
            for job in jobs:
                self._push(host, job)
                if self._idle and self._ready:
                    self._idle -= 1  # woken: no longer counts as idle
                    self._cond.notify()
            self._jobs += 1

    def _push(self, host: str, job: _Group | _Yardstick) -> None:
        q = self._queues.get(host)
        if q is None:
            q = self._queues[host] = deque()
            self._running[host] = 0
        if self._running[host] + len(q) < self.per_host:
            self._wanted += 1  # one more slot of this host has work
        q.append(job)
        if self._running[host] < self.per_host and host not in self._ready:
            self._ready[host] = None

    def _take(self) -> tuple[str, _Group | _Yardstick] | None:
        """The next job of the host that has waited longest for a worker (lock held)."""
        host = next(iter(self._ready), None)
        if host is None:
            return None
        q = self._queues[host]
        job = q.popleft()
        self._running[host] += 1
        if not q or self._running[host] >= self.per_host:
            del self._ready[host]
        else:
            self._ready.move_to_end(host)  # round-robin: the others come first
        return host, job

    def _release(self, host: str) -> None:
        self._running[host] -= 1
        if self._running[host] + len(self._queues[host]) < self.per_host:
            self._wanted -= 1
        if self._queues[host]:
            self._ready.setdefault(host, None)

    def _work(self) -> None:
        host: str | None = None
        while True:
            with self._cond:
                if host is not None:
                    self._release(host)
                while (got := self._take()) is None:
                    if self._closed:
                        # Jobs still queued wait for a busy host: its workers take them.
                        return
                    self._idle += 1
                    self._cond.wait()
            host, job = got
            self._do(job)

    def _do(self, job: _Group | _Yardstick) -> None:
        # Nothing may escape: a worker that died would keep its host's slot forever.
        if isinstance(job, _Yardstick):
            try:
                if job.group.problem is None:
                    self.checker.prefetch(job.group.first_url)
            except BaseException:
                log.exception("soft-404 yardstick for %s failed", job.group.first_url)
            return
        try:
            check = self.checker.run(job)
        except BaseException as exc:  # 5. one bad URL never stops the others
            log.exception("checking %s failed", job.first_url)
            check = _failed(job, exc)
        self._out.put((job.key, check))

    def close(self) -> None:
        """No more jobs: idle workers end, the others when their hosts run dry."""
        self.checker.grouped.set()
        with self._cond:
            self._closed = True
            self._idle = 0
            self._cond.notify_all()

    def results(self, *, live: bool) -> Iterator[tuple[str, LinkCheck]]:
        """Every check, each as it finishes (``live``) or all once the workers are done."""
        if not live:
            for t in self._threads:  # workers end when every job is done (after close)
                t.join()
        for _ in range(self._jobs):
            yield self._out.get()

    def stop(self) -> None:
        """Drop queued jobs (after an error in the caller's thread) and end the workers."""
        with self._cond:
            for q in self._queues.values():
                q.clear()
            self._ready.clear()
        self.close()
        for t in self._threads:
            t.join()


def _client_setting(client: Any, settings: LinkSettings, name: str) -> int:
    """The client's own limit (it may have been built with other settings than ours)."""
    value = getattr(getattr(client, "settings", None), name, None)
    return int(value or getattr(settings.http, name))


def _expand(
    order: list[tuple[str, str]], by_key: dict[str, _Group], results: dict[str, LinkCheck]
) -> list[LinkCheck]:
    out = []
    used: set[str] = set()
    for cited, key in order:
        check = results[key]
        if key in used:  # another cited form of one resource: its own copy
            check = copy.copy(check)  # shallow: entries of one group share hops and snapshot
        used.add(key)
        check.url, check.notes = cited, sorted(by_key[key].entries[cited])
        out.append(check)
    return out
