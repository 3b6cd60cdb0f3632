"""One audit run: the library call behind ``citecheck audit run``.

:func:`run_audit`, in order:

1. takes the database's lock (:mod:`citecheck.audit.lock`), opens or migrates
   it, marks runs left ``running`` by a dead process ``interrupted``, and
   records a new run;
2. for each article (URL, path or Document; stops at ``max_articles``) whose
   page is due: fetch through the one client, hash the main content, re-parse
   and store its citations only when new or changed (:mod:`.articles`);
3. checks the links that are due, in batches from the database (never all in
   memory), with :func:`~citecheck.web.links.check_links` — its concurrency,
   per-host limits and soft-404 yardsticks — storing each result the moment it
   completes (check and schedule update in one transaction): a kill loses only
   the checks in flight, and the next run finds those still due;
4. looks up an archived copy for each link newly confirmed dead;
5. stops cleanly when ``budget_seconds`` is spent: requests in flight finish
   and are stored, nothing new starts, the run is ``stopped`` and the rest stays
   due for the next run.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from citecheck.audit.articles import article_key, process_article
from citecheck.audit.lock import AuditLock
from citecheck.audit.migrations import AuditStoreError
from citecheck.audit.schedule import (
    ScheduleSettings,
    Transition,
    after_check,
    article_due,
    format_time,
)
from citecheck.audit.store import AuditStore, DueLink, open_store
from citecheck.codes import LINK_FAILING, LinkStatus
from citecheck.model import Document, LinkCheck
from citecheck.web.archive import Wayback
from citecheck.web.links import LinkSettings, LinkTarget, check_links
from citecheck.web.result import FetchResult
from citecheck.web.urls import normalize_url

__all__ = ["AuditProgress", "AuditSettings", "RunSummary", "run_audit"]

log = logging.getLogger(__name__)

# (phase, count so far, URL): phase is "article", "link" or "archive".
AuditProgress = Callable[[str, int, str], None]

# Links per database batch: one check_links call each. Larger batches keep the
# thread pool full across hosts and cost fewer soft-404 yardstick requests (one
# per host per batch: ~500 hosts in 5,000 links is 10 % more requests); 5,000
# targets and results of a few hundred bytes each stay within a few MB.
BATCH_SIZE = 5000
# Dead links looked up in the archive per batch.
ARCHIVE_BATCH = 100


@dataclass
class AuditSettings:
    links: LinkSettings = field(default_factory=LinkSettings)  # HTTP settings inside
    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    batch_size: int = BATCH_SIZE
    lock_wait: float = 0.0  # seconds to wait for another audit on the same database
    # The clock of schedule decisions (tests move it by days); default: now, UTC.
    clock: Callable[[], datetime] | None = None

    def now(self) -> datetime:
        return self.clock() if self.clock else datetime.now(UTC)


@dataclass
class RunSummary:
    run_id: int
    state: str  # finished | stopped (budget) | interrupted (Ctrl-C) | failed
    stop_reason: str | None = None  # budget | max_articles
    interrupted_runs: int = 0  # earlier runs found dead and marked interrupted
    articles_seen: int = 0
    articles_fetched: int = 0
    articles_parsed: int = 0  # new or changed
    articles_unchanged: int = 0
    articles_skipped: int = 0  # not due for a new fetch
    articles_failed: int = 0
    links_new: int = 0
    links_checked: int = 0
    links_failed: int = 0
    links_dead: int = 0  # newly confirmed dead
    links_recovered: int = 0
    archive_found: int = 0
    requests: int = 0  # HTTP requests put on the wire
    problems: list[str] = field(default_factory=list)

    def run_counts(self) -> dict[str, object]:
        """The columns of the ``runs`` row."""
        names = (
            "articles_seen", "articles_fetched", "articles_parsed", "articles_failed",
            "links_new", "links_checked", "links_failed", "links_dead", "links_recovered",
        )  # fmt: skip
        return {n: getattr(self, n) for n in names}


class _StoppableClient:
    """The run's HttpClient, but once the budget is spent every new fetch comes back
    at once as "not checked" (requests in flight finish normally); check_links has
    no cancel of its own. The skipped URLs are remembered so their results are not
    stored: those links stay due."""

    def __init__(self, client: Any, deadline: float | None) -> None:
        self._client = client
        self.deadline = deadline
        self.skipped: set[str] = set()

    @property
    def expired(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline

    def fetch(self, url: str, **kwargs: Any) -> Any:
        if self.expired:
            self.skipped.add(url)
            return FetchResult(
                url=url,
                error_kind=LinkStatus.NOT_CHECKED.value,
                error_code="budget_spent",
                error="the audit's time budget is spent",
            )
        return self._client.fetch(url, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)


def run_audit(
    articles: Iterable[str | Document],
    db_path: str | Path | None,
    settings: AuditSettings | None = None,
    *,
    max_articles: int | None = None,
    budget_seconds: float | None = None,
    progress: AuditProgress | None = None,
    client: Any = None,
) -> RunSummary:
    """Run one audit (see the module doc); ``db_path`` None is the default database."""
    from citecheck.audit.store import default_db_path

    settings = settings or AuditSettings()
    path = Path(db_path) if db_path is not None else default_db_path()
    if path.is_dir():  # before the lock file is made beside it
        raise AuditStoreError(f"{path}: is a directory; --db names the database file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AuditStoreError(f"{path.parent}: cannot create ({exc.strerror or exc})") from exc
    with AuditLock(path, timeout=settings.lock_wait), open_store(path) as store:
        started = format_time(settings.now())
        interrupted = store.interrupt_stale_runs(started)
        run_id = store.begin_run(started, _settings_record(settings, max_articles, budget_seconds))
        summary = RunSummary(run_id=run_id, state="running", interrupted_runs=interrupted)
        own = client is None
        if own:
            from citecheck.web.http import HttpClient  # the one client of the run

            client = HttpClient(settings.links.http)
        deadline = time.monotonic() + budget_seconds if budget_seconds is not None else None
        stoppable = _StoppableClient(client, deadline)
        sent_before = getattr(client, "requests_sent", 0)
        try:
            _Run(store, settings, summary, stoppable, progress).go(articles, max_articles)
        except sqlite3.Error as exc:  # disk full, database damaged under us: exit 2
            summary.state, summary.stop_reason = "failed", f"database error: {exc}"
            raise AuditStoreError(f"{path}: database error during the audit ({exc})") from exc
        except KeyboardInterrupt:  # Ctrl-C: what was stored stays, the rest is still due
            summary.state, summary.stop_reason = "interrupted", "interrupted by the user"
            raise
        except BaseException as exc:
            summary.state = "failed"
            summary.stop_reason = f"{type(exc).__name__}: {exc}"
            raise
        finally:
            summary.requests = getattr(client, "requests_sent", 0) - sent_before
            summary.problems.extend(str(p) for p in getattr(client, "problems", ()))
            if own:
                client.close()
            if summary.state == "running":
                summary.state = "stopped" if summary.stop_reason == "budget" else "finished"
            # A failed run's database may refuse this too: the next start marks it.
            with contextlib.suppress(sqlite3.Error):
                store.update_run(
                    run_id,
                    state=summary.state,
                    finished_at=format_time(settings.now()),
                    stop_reason=summary.stop_reason,
                    **summary.run_counts(),
                )
    return summary


class _Run:
    def __init__(
        self,
        store: AuditStore,
        settings: AuditSettings,
        summary: RunSummary,
        client: _StoppableClient,
        progress: AuditProgress | None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.summary = summary
        self.client = client
        self.progress = progress
        self.started = settings.now()

    def _tell(self, phase: str, count: int, url: str) -> None:
        if self.progress is not None:
            self.progress(phase, count, url)

    def go(self, articles: Iterable[str | Document], max_articles: int | None) -> None:
        self.articles(articles, max_articles)
        self.links()
        self.archives()

    # 2. articles
    def articles(self, items: Iterable[str | Document], max_articles: int | None) -> None:
        s = self.summary
        for item in items:
            if max_articles is not None and s.articles_seen >= max_articles:
                s.stop_reason = "max_articles"
                break
            if self.client.expired:
                s.stop_reason = "budget"
                return
            s.articles_seen += 1
            key = article_key(item)
            known = self.store.article(key)
            if (
                not isinstance(item, Document)
                and known is not None
                and known.content_hash is not None  # never parsed: due at every run
                and not article_due(known.last_fetched, self.started, self.settings.schedule)
            ):
                s.articles_skipped += 1
                continue
            out = process_article(
                item, self.store, self.client, run_id=s.run_id, now=format_time(self.settings.now())
            )
            s.articles_fetched += out.fetched
            s.articles_parsed += out.parsed
            s.articles_unchanged += out.unchanged
            s.links_new += out.new_links
            if out.failed:
                s.articles_failed += 1
                s.problems.append(f"{key}: {out.failed}")
            self._tell("article", s.articles_seen, key)

    # 3. links
    def links(self) -> None:
        # Links the article step just added are due now; links this phase checks
        # are next due at least a minute after their check, so never twice.
        due_at = format_time(self.settings.now())
        # Archive lookups wait for confirmed deaths (step 4); the database is the cache.
        link_settings = replace(
            self.settings.links, archive_lookup=False, save_archive=False, cache_path=None
        )
        last_id = 0
        while not self.client.expired:
            batch = self.store.due_links(due_at, after_id=last_id, limit=self.settings.batch_size)
            if not batch:
                return
            last_id = batch[-1].id
            by_key = {normalize_url(d.url): d for d in batch}
            problems: list[str] = []
            check_links(
                [LinkTarget(url=d.url) for d in batch],
                link_settings,
                client=self.client,
                progress=lambda _done, _total, check, keys=by_key: self._store_check(check, keys),
                problems=problems,
            )
            self.summary.problems.extend(p for p in problems if p not in self.summary.problems)
            self.store.update_run(self.summary.run_id, **self.summary.run_counts())
        self.summary.stop_reason = self.summary.stop_reason or "budget"

    def _store_check(self, check: LinkCheck, by_key: dict[str, DueLink]) -> None:
        due = by_key.get(check.normalized_url) or by_key.get(normalize_url(check.url))
        if due is None or check.url in self.client.skipped:
            return  # not ours, or never fetched because the budget ran out: stays due
        when = self.settings.now()
        check.checked_at = format_time(when)
        outcome = after_check(due.schedule, check.status, when, due.url, self.settings.schedule)
        if not self.store.record_check(self.summary.run_id, due.id, check, outcome):
            return
        s = self.summary
        s.links_checked += 1
        s.links_failed += check.status in LINK_FAILING
        s.links_dead += outcome.transition == Transition.DEAD
        s.links_recovered += outcome.transition == Transition.RECOVERED
        self._tell("link", s.links_checked, due.url)

    # 4. archived copies for dead links
    def archives(self) -> None:
        ls = self.settings.links
        if not ls.archive_lookup or ls.offline:
            return
        wayback = Wayback(self.client, api_base=ls.wayback_api_base, web_base=ls.wayback_web_base)
        workers = max(1, min(ls.http.per_host, ls.http.concurrency))
        retry_before = format_time(
            self.started - timedelta(days=self.settings.schedule.dead_recheck_days)
        )
        with ThreadPoolExecutor(workers, thread_name_prefix="citecheck-archive") as pool:
            while not self.client.expired:
                batch = self.store.needing_archive(retry_before, limit=ARCHIVE_BATCH)
                if not batch:
                    break

                def look(row: tuple[int, str, str | None, str | None]) -> Any:
                    _id, url, accessed, published = row
                    return wayback.find_snapshot(url, accessed=accessed, fallback_date=published)

                for row, snap in zip(batch, pool.map(look, batch), strict=True):
                    if self.client.expired:
                        return  # the lookup may have been cut short: try again next run
                    self.store.record_archive(
                        row[0], snap, self.summary.run_id, format_time(self.settings.now())
                    )
                    self.summary.archive_found += snap is not None
                    self._tell("archive", self.summary.archive_found, row[1])
        self.summary.problems.extend(wayback.problems)


def _settings_record(
    settings: AuditSettings, max_articles: int | None, budget: float | None
) -> dict[str, object]:
    """What the run was asked to do, for the runs table (no secrets: no proxy URL)."""
    return {
        "schedule": asdict(settings.schedule),
        "batch_size": settings.batch_size,
        "max_articles": max_articles,
        "budget_seconds": budget,
        "per_host": settings.links.http.per_host,
        "concurrency": settings.links.http.concurrency,
        "min_delay": settings.links.http.min_delay,
        "archive_lookup": settings.links.archive_lookup,
    }
