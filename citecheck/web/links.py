"""Check every cited URL once: the library call behind ``citecheck links`` (issue 3).

:func:`check_links` takes :class:`LinkTarget` records (a URL as cited, the notes
citing it, the access date), and returns one :class:`~citecheck.model.LinkCheck`
per distinct cited URL, in order of first appearance:

1. URLs are grouped by :func:`~citecheck.web.urls.normalize_url`; each group is
   fetched once (``?utm_source=x`` and ``#section`` variants share one request),
   while every entry keeps its URL as cited and lists all notes citing it;
2. fresh results come from the :class:`~citecheck.web.cache.LinkCache`;
3. the rest are queued per host as the targets are read, and worker threads
   (at most the client's global limit) take them, never more at once for one
   host than the per-host limit, so no worker sits in the client's per-host
   gate while another site's slot idles (the client still enforces the limits
   and the delay); see :mod:`citecheck.web.link_run`;
4. each is fetched (GET, body capped) and classified
   (:mod:`citecheck.web.liveness`); links that are not ``ok``/``redirected`` get
   the nearest Wayback capture (:mod:`citecheck.web.archive`);
5. an exception in one link becomes that link's ``not_checked`` result with a
   reason: it never stops the others.

:func:`links_to_json` renders the results as the JSON contract of issue 3.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citecheck.codes import LinkStatus
from citecheck.model import Document, LinkCheck
from citecheck.web import liveness
from citecheck.web.archive import DEFAULT_API_BASE, DEFAULT_WEB_BASE
from citecheck.web.cache import DEFAULT_TTL_SECONDS, LinkCache
from citecheck.web.http import HttpClient  # the one client of the program
from citecheck.web.link_run import _Checker, _expand, _Grouper, _Run
from citecheck.web.settings import HttpSettings
from citecheck.web.urls import normalize_url

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


def check_links(
    targets: Iterable[LinkTarget],
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
    grouper = _Grouper()
    results: dict[str, LinkCheck] = {}
    if settings.offline:
        for t in targets:
            grouper.add(t)
        groups = list(grouper.groups.values())
        for i, g in enumerate(groups, 1):
            check = liveness.not_checked(g.first_url, g.key, [], "Not checked: offline run.")
            results[g.key] = check
            if progress:
                progress(i, len(groups), check)
        return _expand(grouper.order, grouper.groups, results)

    cache = (
        LinkCache(settings.cache_path, settings.cache_ttl, refresh=settings.refresh)
        if settings.cache_path
        else None
    )
    own_client = client is None
    run: _Run | None = None
    try:
        cached: list[tuple[str, LinkCheck]] = []
        for t in targets:  # checks start while the rest of the targets are grouped
            g = grouper.add(t)
            if g is None:
                continue
            hit = cache.get(g.key) if cache is not None else None  # 2. costs no request
            if hit is not None:
                cached.append((g.key, hit))
                continue
            if run is None:
                if client is None:
                    client = HttpClient(settings.http)
                run = _Run(_Checker(settings, client, cache), client)
            run.add(g)
        if run is not None:
            run.close()
        # Results reach the caller's thread in the order they finish, cached ones first;
        # without a progress callback they are collected at the end (no thread switch each).
        total = len(grouper.groups)
        finished = itertools.chain(cached, run.results(live=bool(progress)) if run else ())
        for done, (key, check) in enumerate(finished, 1):
            results[key] = check
            if progress:
                progress(done, total, check)
    finally:
        if run is not None:
            run.stop()  # after an error in the caller's thread: queued checks are dropped
            if problems is not None:
                problems.extend(run.checker.wayback.problems)
        if cache is not None:
            if problems is not None:
                problems.extend(cache.problems)
            cache.close()
        if own_client and client is not None:
            if problems is not None:  # e.g. a malformed proxy variable that was ignored
                problems.extend(str(p) for p in getattr(client, "problems", ()))
            if hasattr(client, "close"):
                client.close()
    return _expand(grouper.order, grouper.groups, results)


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
