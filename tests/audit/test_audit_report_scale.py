"""Reports stream: memory does not grow with the number of links and checks.

The stores here are filled in bulk with SQL into the store's own schema (one
transaction; filling 100,000 checks one by one through ``record_check`` would
take far longer than a test may), then reported through the normal path. The
Python heap's peak while writing the reports (tracemalloc) is compared between
a store of 10,000 checks and one of 100,000: a report that lists rows instead of
iterating them would grow tenfold.
"""

from __future__ import annotations

import io
import json
import tracemalloc
from pathlib import Path

from citecheck.audit.report import AuditReportData, write_json
from citecheck.audit.report_html import write_html
from citecheck.audit.report_md import write_markdown
from citecheck.audit.store import AuditStore, open_store

RUNS = 4  # checks per link: one per run
HOSTS = 500
LINKS_PER_ARTICLE = 10


class Sink(io.TextIOBase):
    """A text file that only counts what is written (keeps nothing)."""

    def __init__(self) -> None:
        self.chars = 0

    def write(self, s: str) -> int:
        self.chars += len(s)
        return len(s)


def day(n: int) -> str:
    return f"2026-01-{n + 1:02d}T03:00:00Z"


def fill_bulk(store: AuditStore, checks: int) -> None:
    links = checks // RUNS
    c = store.conn
    c.execute("BEGIN")
    for r in range(RUNS):
        c.execute(
            "INSERT INTO runs (id, started_at, finished_at, state) VALUES (?, ?, ?, 'finished')",
            (r + 1, day(7 * r), day(7 * r)[:11] + "04:00:00Z"),
        )
    c.execute("INSERT INTO sites (id, host, added_at) VALUES (1, 'avim.org.tr', ?)", (day(0),))
    articles = links // LINKS_PER_ARTICLE
    c.executemany(
        "INSERT INTO articles (id, url, site_id, title, published, published_year, first_seen)"
        " VALUES (?, ?, 1, ?, ?, ?, ?)",
        (
            (a, f"https://avim.org.tr/tr/Yorum/M-{a}", f"Makale <{a}>", f"{2010 + a % 16}-05-01",
             2010 + a % 16, day(0))
            for a in range(1, articles + 1)
        ),
    )  # fmt: skip

    def state(i: int) -> tuple[str, str | None, str | None, str]:
        """(state, first_failed_at, dead_since, last status) by link number."""
        k = i % 20
        if k < 2:
            return "dead", day(0), day(21), "broken"
        if k < 4:
            return "failing", day(21), None, "timeout"  # newly broken in the last run
        return "healthy", None, None, "ok"

    c.executemany(
        "INSERT INTO links (id, url, host, first_seen, first_run_id, state, next_check_at,"
        " last_checked_at, last_status, fail_count, first_failed_at, dead_since)"
        " VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
        (
            (i, f"https://h{i % HOSTS}.example.org/p/{i}", f"h{i % HOSTS}.example.org", day(0),
             st[0], day(60), day(21), st[3], 3 if st[0] == "dead" else int(st[0] == "failing"),
             st[1], st[2])
            for i in range(1, links + 1)
            for st in (state(i),)
        ),
    )  # fmt: skip
    c.executemany(
        "INSERT INTO citations (article_id, note, url, link_id) VALUES (?, ?, ?, ?)",
        (
            ((i - 1) // LINKS_PER_ARTICLE + 1, (i - 1) % LINKS_PER_ARTICLE + 1,
             f"https://h{i % HOSTS}.example.org/p/{i}", i)
            for i in range(1, links + 1)
        ),
    )  # fmt: skip

    def checks_of(i: int):  # type: ignore[no-untyped-def]
        st = state(i)
        for r in range(RUNS):
            recovered = st[0] == "healthy" and i % 20 == 4 and r == RUNS - 1
            status = "ok" if st[0] == "healthy" and (r == RUNS - 1 or i % 20 != 4) else "broken"
            if st[0] == "failing":
                status = "timeout" if r == RUNS - 1 else "ok"
            yield (r + 1, i, day(7 * r), status, st[0], "recovered" if recovered else None)

    c.executemany(
        "INSERT INTO checks (run_id, link_id, checked_at, status, state, transition)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (row for i in range(1, links + 1) for row in checks_of(i)),
    )
    c.execute(
        "INSERT INTO archive_suggestions (link_id, snapshot_url, timestamp, source, found_at)"
        " SELECT id, 'https://web.archive.org/web/2019/' || url, '20190101000000', 'wayback', ?"
        " FROM links WHERE state = 'dead'",
        (day(21),),
    )
    c.execute("COMMIT")


def peak_while_reporting(path: Path) -> tuple[int, dict]:
    with open_store(path, readonly=True) as store:
        out = io.StringIO()
        write_json(AuditReportData(store), out)
        summary = json.loads(out.getvalue())["summary"]
        del out
        tracemalloc.start()
        try:
            for writer in (write_json, write_markdown, write_html):
                writer(AuditReportData(store), Sink())
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    return peak, summary


def test_report_memory_is_flat_from_10k_to_100k_checks(tmp_path: Path) -> None:
    peaks = {}
    for checks in (10_000, 100_000):
        path = tmp_path / f"audit-{checks}.sqlite"
        with open_store(path) as store:
            fill_bulk(store, checks)
            assert store.counts()["checks"] == checks
        peaks[checks], summary = peak_while_reporting(path)
        links = checks // RUNS
        assert summary["links"] == links
        assert summary["confirmed_dead"] == links // 10
        assert summary["newly_broken"] == links // 10
        assert summary["recovered"] == links // 20
    # Ten times the rows; the peak may wobble (caches, the statement cache) but
    # must not follow the rows: a listed section of 2,500 dicts alone is > 2 MB.
    assert peaks[100_000] < peaks[10_000] * 1.5 + 512 * 1024, peaks
