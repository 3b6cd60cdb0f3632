"""SIGKILL an audit at several moments, rerun it, compare with an uninterrupted run.

The audit runs in a child process (``python -m tests.audit.test_kill_audit DB URLS``)
against a loopback site with latency; the test watches the database and kills
the child: once while articles are being stored, twice while links are being
checked. Then it runs to the end. Nothing committed may be lost, no link may be
checked twice, and the result must match a run that was never interrupted.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from citecheck.audit.run import AuditSettings, run_audit
from citecheck.web.links import LinkSettings
from tests.audit import build_site
from tests.conftest import ROOT
from tests.web.conftest import fast_settings
from tests.web.farm import Farm

N_ARTICLES, LINKS_PER_ARTICLE = 10, 20
TOTAL = N_ARTICLES * LINKS_PER_ARTICLE
POLL = 0.005  # seconds between looks at the database
WAIT = 60.0  # the child must reach each point within this (it takes ~2 s in all)


def audit_settings() -> AuditSettings:
    http = fast_settings(per_host=2, concurrency=16)
    return AuditSettings(links=LinkSettings(http=http, archive_lookup=False), batch_size=100)


def _child(db: Path, urls: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.audit.test_kill_audit", str(db), str(urls)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _count(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute(sql).fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def _kill_when(proc: subprocess.Popen[bytes], db: Path, sql: str, at_least: int) -> None:
    deadline = time.monotonic() + WAIT
    while _count(db, sql) < at_least:
        if proc.poll() is not None:
            pytest.fail(f"the audit ended before the kill point ({sql} >= {at_least})")
        assert time.monotonic() < deadline, "the audit did not reach the kill point"
        time.sleep(POLL)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL


def _rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()


CHECKS = (
    "SELECT l.url, k.run_id, k.checked_at, k.status FROM checks k JOIN links l ON l.id = k.link_id"
)
LATEST = "SELECT url, last_status, state FROM links ORDER BY url"
CITATIONS = (
    "SELECT a.url, c.note, c.url FROM citations c JOIN articles a ON a.id = c.article_id"
    " ORDER BY 1, 2"
)


def test_killed_audits_lose_nothing_and_duplicate_nothing(tmp_path):
    with Farm() as farm:
        site = build_site(
            farm,
            n_articles=N_ARTICLES,
            links_per_article=LINKS_PER_ARTICLE,
            n_hosts=16,
            latency=0.05,
            article_latency=0.05,
        )
        urls = tmp_path / "articles.txt"
        urls.write_text("# articles of the loopback site\n" + "\n".join(site.articles) + "\n")

        reference = tmp_path / "reference.sqlite"
        ref = run_audit(site.articles, reference, audit_settings())
        assert ref.links_checked == TOTAL

        db = tmp_path / "killed.sqlite"
        # 1. while articles are being stored (7 more take ≥ 0.35 s: no check yet,
        # unless the machine stalls the poller; the comparison holds either way)
        parsed = "SELECT count(*) FROM articles WHERE content_hash IS NOT NULL"
        _kill_when(_child(db, urls), db, parsed, 3)
        assert _count(db, parsed) < N_ARTICLES
        # 2. and 3. while links are being checked
        _kill_when(_child(db, urls), db, "SELECT count(*) FROM checks", TOTAL // 4)
        seen_first = set(_rows(db, CHECKS))
        _kill_when(_child(db, urls), db, "SELECT count(*) FROM checks", (TOTAL * 3) // 4)
        seen_second = set(_rows(db, CHECKS))
        assert seen_first <= seen_second  # nothing committed was lost by the kill
        # 4. to the end
        last = _child(db, urls)
        _, err = last.communicate(timeout=WAIT)
        assert last.returncode == 0, err.decode(errors="replace")

    final = _rows(db, CHECKS)
    assert seen_second <= set(final)  # no committed check lost
    per_link = _rows(db, "SELECT link_id, count(*) FROM checks GROUP BY link_id")
    assert len(per_link) == TOTAL and {n for _, n in per_link} == {1}  # none twice
    assert len({url for url, *_ in final}) == TOTAL
    # The same as the run never interrupted: links, their statuses, citations.
    assert _rows(db, LATEST) == _rows(reference, LATEST)
    assert _rows(db, CITATIONS) == _rows(reference, CITATIONS)
    assert {u for u, s, _ in _rows(db, LATEST) if s != "ok"} == site.broken
    states = _rows(db, "SELECT state FROM runs ORDER BY id")
    assert states == [("interrupted",)] * 3 + [("finished",)]


def main(argv: list[str]) -> int:
    db, urls = Path(argv[0]), Path(argv[1])
    lines = [ln.strip() for ln in urls.read_text().splitlines()]
    articles = [ln for ln in lines if ln and not ln.startswith("#")]
    summary = run_audit(articles, db, audit_settings())
    return 0 if summary.state == "finished" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
