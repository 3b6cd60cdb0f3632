"""What ``citecheck audit status`` shows: the database at a glance, no network.

:func:`audit_status` returns a JSON-ready dict: the database path and size, whether
an audit holds it now (and who), row counts, links per state, how many links are
due now, the latest runs. Readers need no lock (WAL).
"""

from __future__ import annotations

import os
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from citecheck.audit import queries
from citecheck.audit.lock import is_locked
from citecheck.audit.schedule import LinkState, format_time
from citecheck.audit.store import default_db_path, open_store

# Runs listed in the status: enough to see the last weeks of a weekly job.
RECENT_RUNS = 5


def audit_status(
    db_path: str | os.PathLike[str] | None = None, *, now: datetime | None = None
) -> dict[str, Any]:
    """The state of the audit database (raises AuditStoreError when there is none)."""
    path = Path(db_path) if db_path is not None else default_db_path()
    when = format_time(now or datetime.now(UTC))
    with open_store(path, readonly=True) as store:
        states = {s.value: 0 for s in LinkState}
        for state, n in store.conn.execute("SELECT state, count(*) FROM links GROUP BY state"):
            states[state] = n
        due = store.conn.execute(
            "SELECT count(*) FROM links l WHERE l.next_check_at <= ? AND EXISTS"
            " (SELECT 1 FROM citations c JOIN articles a ON a.id = c.article_id"
            "  WHERE c.link_id = l.id AND a.gone_at IS NULL)",
            (when,),
        ).fetchone()[0]
        recent = []
        for run in queries.runs(store):
            recent.append(asdict(run))
            if len(recent) >= RECENT_RUNS:
                break
        counts = store.counts()
    return {
        "database": str(path),
        "size_bytes": path.stat().st_size,
        "running": is_locked(path),  # who holds the lock, or None
        "counts": counts,
        "links_by_state": states,
        "links_due_now": int(due),
        "recent_runs": recent,
        "as_of": when,
    }
