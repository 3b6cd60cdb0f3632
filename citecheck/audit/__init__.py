"""Scheduled link-rot audits over a whole site, with history (issue 7).

Data flow::

    discover.py    article URLs of a site (sitemaps, feeds, listing crawl, robots.txt)
    run.py         run_audit: for each article (articles.py: fetch, hash the main
                   content, re-parse only when changed, store its citations); check
                   the links that are due; look up archived copies of the links
                   confirmed dead; stop cleanly at a time budget
    schedule.py    pure rules: what is due when, when a link counts as dead
    store.py       the SQLite database (WAL; migrations.py, dbfile.py) and every write
    lock.py        one audit at a time per database (flock on <db>.lock)
    queries.py     the streaming read API the reports use
    status.py      the database at a glance (`audit status`)
    report*.py     newly broken, confirmed dead with archived copy, recovered,
                   per-domain table, rot by publication year

The CLI (``citecheck audit run|report|status``) is a thin layer over these.
"""

from __future__ import annotations

from citecheck.audit.lock import AuditLock, AuditLockedError
from citecheck.audit.migrations import AuditStoreError
from citecheck.audit.schedule import LinkState, ScheduleSettings, Transition
from citecheck.audit.store import AuditStore, default_db_path, open_store

__all__ = [
    "AuditLock",
    "AuditLockedError",
    "AuditStore",
    "AuditStoreError",
    "LinkState",
    "ScheduleSettings",
    "Transition",
    "default_db_path",
    "open_store",
]
