"""Check every cited URL once: the library call behind ``citecheck links`` (issue 3).

:func:`check_links` takes :class:`LinkTarget` records (a URL as cited, the notes
citing it, the access date), and returns one :class:`~citecheck.model.LinkCheck`
per distinct cited URL, in order of first appearance:

1. URLs are grouped by :func:`~citecheck.web.urls.normalize_url`; each group is
   fetched once (``?utm_source=x`` and ``#section`` variants share one request),
   while every entry keeps its URL as cited and lists all notes citing it;
2. fresh results come from the :class:`~citecheck.web.cache.LinkCache`;
3. the rest run in a thread pool as large as the client's global limit; jobs
   are handed out per host, never more at once than the per-host limit, so no
   worker sits in the client's per-host gate while another site's slot idles
   (the client still enforces the limits and the delay);
4. each is fetched (GET, body capped) and classified
   (:mod:`citecheck.web.liveness`); links that are not ``ok``/``redirected`` get
   the nearest Wayback capture (:mod:`citecheck.web.archive`);
5. an exception in one link becomes that link's ``not_checked`` result with a
   reason: it never stops the others.

:func:`links_to_json` renders the results as the JSON contract of issue 3.
"""

from __future__ import annotations

import copy
import logging
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citecheck.codes import LINK_OK, LinkStatus
from citecheck.model import Document, LinkCheck
from citecheck.web import liveness, liveness_baseline
from citecheck.web.archive import DEFAULT_API_BASE, DEFAULT_WEB_BASE, Wayback
from citecheck.web.cache import DEFAULT_TTL_SECONDS, LinkCache
from citecheck.web.settings import HttpSettings
from citecheck.web.urls import host_key, normalize_url, validate_url

__all__ = [
    "LinkSettings",
    "LinkTarget",
    "ProgressCallback",
    "check_links",
    "links_to_json",
    "summarize",
    "targets_from_document",
    "targets_from_urls",
]

log = logging.getLogger(__name__)

# Called from the caller's thread after each link: (done, total, result).
ProgressCallback = Callable[[int, int, LinkCheck], None]

# Statuses for which an archived copy is worth looking up: the reader does not
# get the page (blocked included: the wall may never let them through). An
# invalid or private address has no capture to find.
_NO_ARCHIVE = LINK_OK | {LinkStatus.INVALID_URL, LinkStatus.PRIVATE_ADDRESS}


@dataclass
class LinkTarget:
    """One cited URL: as written, the note numbers citing it, the note's access date."""

    url: str
    notes: list[int] = field(default_factory=list)
    accessed: str | None = None  # ISO date, possibly partial
    fallback_date: str | None = None  # the article's date, for archive lookups


def targets_from_document(doc: Document) -> list[LinkTarget]:
    """Every URL of an analyzed document: each note's (ibid notes inherit theirs),
    then bibliography URLs no note reaches (``notes`` empty), in document order."""
    targets: list[LinkTarget] = []
    covered: set[str] = set()
    for note in doc.notes:
        for url in note.urls:
            targets.append(LinkTarget(url, [note.number], note.accessed, doc.published))
            covered.add(normalize_url(url))
    for entry in doc.bibliography:
        for url in entry.urls:
            if normalize_url(url) not in covered:
                covered.add(normalize_url(url))
                targets.append(LinkTarget(url, [], entry.accessed, doc.published))
    return targets


def targets_from_urls(lines: Iterable[str]) -> list[LinkTarget]:
    """URLs given directly or one per line; blank lines and ``#`` comments skipped."""
    return [
        LinkTarget(line.strip(), [])
        for line in lines
        if line.strip() and not line.lstrip().startswith("#")
    ]


@dataclass
class LinkSettings:
    http: HttpSettings = field(default_factory=HttpSettings)
    cache_path: str | Path | None = None  # None: no cache
    cache_ttl: float = DEFAULT_TTL_SECONDS
    refresh: bool = False  # ignore cached results (fresh ones are still stored)
    archive_lookup: bool = True  # find Wayback captures for links that fail
    save_archive: bool = False  # ask the Wayback Machine to capture live links
    wayback_api_base: str = DEFAULT_API_BASE  # availability API host
    wayback_web_base: str = DEFAULT_WEB_BASE  # CDX, /web/ and /save/ host
    offline: bool = False  # no network: every link is not_checked
    soft404_baseline: bool = True  # compare with the site's answer for a random path


@dataclass
class _Group:
    key: str  # normalized URL
    entries: OrderedDict[str, list[int]]  # URL as cited -> notes
    accessed: list[str] = field(default_factory=list)
    fallback_date: str | None = None

    @property
    def first_url(self) -> str:
        return next(iter(self.entries))


def _group(targets: Iterable[LinkTarget]) -> tuple[list[_Group], list[tuple[str, str]]]:
    """Groups by normalized URL, and the (cited URL, key) order of the output."""
    groups: dict[str, _Group] = {}
    order: list[tuple[str, str]] = []
    for t in targets:
        cited = t.url.strip() if isinstance(t.url, str) else str(t.url)
        key = normalize_url(cited) or cited
        g = groups.get(key)
        if g is None:
            g = groups[key] = _Group(key=key, entries=OrderedDict())
        if cited not in g.entries:
            g.entries[cited] = []
            order.append((cited, key))
        g.entries[cited].extend(n for n in t.notes if n not in g.entries[cited])
        if t.accessed:
            g.accessed.append(t.accessed)
        g.fallback_date = g.fallback_date or t.fallback_date
    return list(groups.values()), order


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

    def _fetch_capped(self, url: str, max_bytes: int) -> Any:
        return self.client.fetch(url, method="GET", max_bytes=max_bytes, follow_redirects=True)

    def run(self, group: _Group) -> LinkCheck:
        cited = group.first_url
        problem = validate_url(cited)
        if problem:
            check = liveness.not_checked(cited, group.key, [], "")
            check.status = LinkStatus.INVALID_URL.value
            check.reason = f"This is not a valid web address: {problem}."
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
            # The earliest access date: the page as the author first saw it.
            accessed = min(group.accessed) if group.accessed else None
            check.archive = self.wayback.find_snapshot(
                check.normalized_url, accessed=accessed, fallback_date=group.fallback_date
            )


def _failed(group: _Group, exc: BaseException) -> LinkCheck:
    return liveness.not_checked(
        group.first_url,
        group.key,
        [],
        f"citecheck could not check this link ({type(exc).__name__}: {exc}).".replace("\n", " "),
    )


def check_links(
    targets: Sequence[LinkTarget],
    settings: LinkSettings | None = None,
    *,
    client: Any = None,
    progress: ProgressCallback | None = None,
    problems: list[str] | None = None,
) -> list[LinkCheck]:
    """Check every target (see module doc); one result per distinct cited URL, in order.

    ``progress(done, total, check)`` is called in the caller's thread after each
    distinct URL. Problems of the run itself (an unreadable cache, failing archive
    lookups) are appended to ``problems`` when a list is given.
    """
    settings = settings or LinkSettings()
    groups, order = _group(targets)
    results: dict[str, LinkCheck] = {}
    total = len(groups)
    done = 0

    def finished(g: _Group, check: LinkCheck) -> None:
        nonlocal done
        results[g.key] = check
        done += 1
        if progress:
            progress(done, total, check)

    if settings.offline:
        for g in groups:
            finished(g, liveness.not_checked(g.first_url, g.key, [], "Not checked: offline run."))
        return _expand(order, groups, results)

    cache = (
        LinkCache(settings.cache_path, settings.cache_ttl, refresh=settings.refresh)
        if settings.cache_path
        else None
    )
    pending = []
    for g in groups:  # 2. cached results first: they cost no request at all
        hit = cache.get(g.key) if cache is not None else None
        if hit is not None:
            finished(g, hit)
        else:
            pending.append(g)
    own_client = client is None and bool(pending)
    if own_client:
        from citecheck.web.http import HttpClient  # the one client of the program

        client = HttpClient(settings.http)
    try:
        if pending:
            _run_pending(pending, _Checker(settings, client, cache), client, finished, problems)
    finally:
        if cache is not None:
            if problems is not None:
                problems.extend(cache.problems)
            cache.close()
        if own_client:
            if problems is not None:  # e.g. a malformed proxy variable that was ignored
                problems.extend(str(p) for p in getattr(client, "problems", ()))
            if hasattr(client, "close"):
                client.close()
    return _expand(order, groups, results)


class _HostQueues:
    """Jobs per host, handed out so that no host has more than ``per_host`` running.

    A worker never picks a job for a host whose slots are all taken (it would
    sit in the client's per-host gate while another host's slot stays idle);
    hosts are served round-robin so every site makes progress from the start.
    """

    def __init__(self, per_host: int) -> None:
        self.per_host = max(1, per_host)
        self.queues: OrderedDict[str, deque[Any]] = OrderedDict()
        self.running: dict[str, int] = {}

    def add(self, host: str, job: Any) -> None:
        self.queues.setdefault(host, deque()).append(job)
        self.running.setdefault(host, 0)

    def ready(self) -> list[tuple[str, Any]]:
        """Every job that may start now, interleaved over hosts."""
        out: list[tuple[str, Any]] = []
        progress = True
        while progress:
            progress = False
            for host, q in self.queues.items():
                if q and self.running[host] < self.per_host:
                    self.running[host] += 1
                    out.append((host, q.popleft()))
                    progress = True
        return out

    def done(self, host: str) -> None:
        self.running[host] -= 1


def _run_pending(
    pending: list[_Group],
    checker: _Checker,
    client: Any,
    finished: Callable[[_Group, LinkCheck], None],
    problems: list[str] | None,
) -> None:
    queues = _HostQueues(_client_setting(client, checker.settings, "per_host"))
    seen_hosts: set[str] = set()
    for g in pending:
        host = host_key(g.key)
        if checker.baselines is not None and host not in seen_hosts:
            # One yardstick per site, fetched while its first pages are in flight.
            if validate_url(g.first_url) is None:
                queues.add(host, _Prefetch(g.first_url))
            seen_hosts.add(host)
        queues.add(host, g)
    workers = _client_setting(client, checker.settings, "concurrency")
    workers = max(1, min(workers, len(pending) + len(seen_hosts)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="citecheck-link") as pool:
        running: dict[Future[Any], tuple[str, Any]] = {}

        def submit_ready() -> None:
            for host, job in queues.ready():
                if isinstance(job, _Prefetch):
                    running[pool.submit(_prefetch, checker, job.url)] = (host, job)
                else:
                    running[pool.submit(checker.run, job)] = (host, job)

        submit_ready()
        while running:
            complete, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in complete:
                host, job = running.pop(fut)
                queues.done(host)
                if isinstance(job, _Group):
                    try:
                        check = fut.result()
                    except Exception as exc:  # 5. one bad URL never stops the others
                        log.exception("checking %s failed", job.first_url)
                        check = _failed(job, exc)
                    finished(job, check)
            submit_ready()
    if problems is not None:
        problems.extend(checker.wayback.problems)


@dataclass
class _Prefetch:
    url: str


def _prefetch(checker: _Checker, url: str) -> None:
    try:
        if checker.baselines is not None:
            checker.baselines.get(url)
    except Exception:  # a yardstick is an optimisation; run() copes without it
        log.debug("soft-404 yardstick for %s failed", url, exc_info=True)


def _client_setting(client: Any, settings: LinkSettings, name: str) -> int:
    """The client's own limit (it may have been built with other settings than ours)."""
    value = getattr(getattr(client, "settings", None), name, None)
    return int(value or getattr(settings.http, name))


def _expand(
    order: list[tuple[str, str]], groups: list[_Group], results: dict[str, LinkCheck]
) -> list[LinkCheck]:
    by_key = {g.key: g for g in groups}
    out = []
    for cited, key in order:
        base = results[key]
        check = copy.copy(base)  # shallow: entries of one group share hops and snapshot
        check.url, check.notes = cited, sorted(by_key[key].entries[cited])
        out.append(check)
    return out


# -- JSON contract ----------------------------------------------------------------


def summarize(checks: Iterable[LinkCheck]) -> dict[str, int]:
    """Count per status, every status of the vocabulary present (zeros included)."""
    counts = {s.value: 0 for s in LinkStatus}
    for c in checks:
        counts[c.status] = counts.get(c.status, 0) + 1
    return counts


def link_to_json(check: LinkCheck) -> dict[str, Any]:
    return {
        "url": check.url,
        "normalized_url": check.normalized_url,
        "notes": list(check.notes),
        "status": check.status,
        "http_status": check.http_status,
        "final_url": check.final_url,
        "redirects": [{"url": h.url, "status": h.status} for h in check.redirects],
        "reason": check.reason,
        "attempts": check.attempts,
        "elapsed_ms": check.elapsed_ms,
        "checked_at": check.checked_at,
        "archive": (
            {"url": check.archive.url, "timestamp": check.archive.timestamp}
            if check.archive
            else None
        ),
        # extras after the contract's keys
        "permanent_redirect": check.permanent_redirect,
        "content_type": check.content_type,
        "from_cache": check.from_cache,
    }


def links_to_json(checks: Sequence[LinkCheck]) -> dict[str, Any]:
    """``{"links": [...], "summary": {status: count}}`` — the contract of issue 3."""
    return {"links": [link_to_json(c) for c in checks], "summary": summarize(checks)}
