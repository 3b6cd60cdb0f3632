"""A site audit at scale on a loopback farm: speed, memory, database size, a second run.

    .venv/bin/python benchmarks/audit.py [--links 50000] [--hosts 500] [--ports 2]
                                         [--compare 5000] [--concurrency 64] [--per-host 4]
                                         [--limit 1200]

The parent starts ``--hosts`` servers: ``hosts / ports`` loopback addresses
(127.0.0.2, 127.0.0.3, …: one politeness key each) with ``--ports`` ports each.
Each audit runs in a child process (its own memory and GIL), so peak RSS is the
audit's alone. The child feeds ``run_audit`` with synthetic AVİM-style articles
as ``Document`` objects — 10 notes each, one farm URL per note, the note texts in
AVİM's Turkish style so the real notes stage parses them — generated lazily
(articles are not fetched: that is the discovery/article-fetch path, measured
by the tests; here the link phase and the store are measured). Failures are
injected per host position: 5 % answer 404, 3 % 503, 1 % answer only after 3 s
(a timeout: read timeout 0.5 s, whole request 1 s); the rest are live pages.

Printed per size: run 1 wall time, link-phase time and links/second, peak RSS,
database size per link; run 2 (same articles, nothing due) wall time and its
ratio to run 1. Then peak RSS at ``--compare`` links against ``--links`` links:
memory must stay flat as links grow. Every child runs under ``--limit`` seconds;
the farm is closed on every exit.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NOTES_PER_ARTICLE = 10
SECOND_RUN_TARGET = 0.2  # "a small fraction" of the first run's time
MEMORY_TARGET = 1.5  # peak RSS at N links / at N/10 links: flat, not 10x


def failure_path(i: int) -> str:
    """The path of link ``i``: the same failure mix at every size and on every host
    (a multiplicative hash of ``i`` picks the kind, so neighbours differ)."""
    k = (i * 7919) % 100
    if k < 5:
        return f"/status/404?n={i}"
    if k < 8:
        return f"/status/503?n={i}"
    if k < 9:
        return f"/latency/3?n={i}"
    return f"/page/{i}"


# ------------------------------------------------------------------ the child


def _documents(bases: list[str], links: int):  # type: ignore[no-untyped-def]
    from citecheck.model import Document, Marker, Note, Paragraph

    articles = max(1, links // NOTES_PER_ARTICLE)
    for a in range(articles):
        notes, markers = [], []
        for n in range(1, NOTES_PER_ARTICLE + 1):
            i = a * NOTES_PER_ARTICLE + n - 1
            url = bases[i % len(bases)] + failure_path(i)
            notes.append(
                Note(
                    number=n,
                    text=f"Yazar {n}, “Kaynak {a}-{n},” Kurum, 12 Mart 2024, {url}, "
                    "(Erişim Tarihi: 24.02.2025).",
                )
            )
            markers.append(Marker(number=n, label=str(n), paragraph=0, offset=n))
        year = 2009 + a % 17
        url = f"https://avim.org.tr/tr/Yorum/BENCH-{a}"
        yield Document(
            source=url,
            format="avim-html",
            title=f"Makale {a}",
            published=f"{year}-05-01",
            paragraphs=[Paragraph(index=0, text="Metin cümlesi. " * 10, markers=markers)],
            notes=notes,
            canonical_url=url,
            site="avim.org.tr",
        )


def child(spec: dict) -> dict:
    from citecheck.audit.run import AuditSettings, run_audit
    from citecheck.web.links import LinkSettings
    from citecheck.web.settings import HttpSettings

    http = HttpSettings(
        allow_private=True,
        trust_env=False,
        min_delay=0.0,
        per_host=spec["per_host"],
        concurrency=spec["concurrency"],
        connect_timeout=1.0,
        read_timeout=0.5,
        total_timeout=1.0,
        retries=0,
    )
    settings = AuditSettings(links=LinkSettings(http=http, archive_lookup=False))
    db = spec["db"]
    phase: dict[str, float] = {}

    def progress(name: str, count: int, url: str) -> None:
        now = time.perf_counter()
        phase.setdefault(f"{name}_first", now)
        phase[f"{name}_last"] = now

    out: dict = {}
    for run in (1, 2):
        phase.clear()
        t = time.perf_counter()
        summary = run_audit(
            _documents(spec["bases"], spec["links"]), db, settings, progress=progress
        )
        wall = time.perf_counter() - t
        out[f"run{run}"] = {
            "wall": wall,
            "link_phase": phase.get("link_last", t) - phase.get("link_first", t),
            "links_checked": summary.links_checked,
            "links_failed": summary.links_failed,
            "links_new": summary.links_new,
            "articles_parsed": summary.articles_parsed,
            "articles_unchanged": summary.articles_unchanged,
            "requests": summary.requests,
            "state": summary.state,
            "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        }
    size = sum(os.path.getsize(p) for p in (db, db + "-wal") if os.path.exists(p))
    out["db_bytes"] = size
    return out


# ------------------------------------------------------------------ the parent


def start_farm(hosts: int, ports: int):  # type: ignore[no-untyped-def]
    from tests.web.farm import Farm

    farm = Farm()
    addresses = max(1, hosts // ports)
    try:
        for a in range(addresses):
            n = a + 2  # 127.0.0.2 onwards; 127.0.0.1 is left to other programs
            address = f"127.0.{n // 254}.{n % 254 + 1}"
            for _ in range(ports):
                farm.host(address)
    except BaseException:
        farm.close()
        raise
    return farm


def run_child(spec: dict, limit: float) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(spec, fh)
    try:
        proc = subprocess.run(
            [sys.executable, __file__, "--child", fh.name],
            capture_output=True,
            text=True,
            timeout=limit,
            cwd=ROOT,
        )
    finally:
        os.unlink(fh.name)
    if proc.returncode != 0:
        raise RuntimeError(f"audit child failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def report(links: int, res: dict) -> None:
    r1, r2 = res["run1"], res["run2"]
    rate = r1["links_checked"] / r1["link_phase"] if r1["link_phase"] > 0 else float("nan")
    print(f"\n== {links} links ==")
    print(
        f"run 1: {r1['wall']:.1f} s wall ({r1['articles_parsed']} articles parsed), link phase "
        f"{r1['link_phase']:.1f} s for {r1['links_checked']} links = {rate:.0f} links/s "
        f"({r1['links_checked'] / r1['wall']:.0f} links/s over the whole run); "
        f"{r1['links_failed']} failed; {r1['requests']} requests"
    )
    size = res["db_bytes"]
    print(
        f"peak RSS {r1['peak_rss_kb'] / 1024:.0f} MiB; database "
        f"{size / 1024 / 1024:.1f} MiB = {size / max(1, links):.0f} bytes/link"
    )
    ratio = r2["wall"] / r1["wall"] if r1["wall"] else float("nan")
    print(
        f"run 2 (nothing due): {r2['wall']:.2f} s, {r2['links_checked']} links checked, "
        f"{r2['articles_unchanged']} articles unchanged; ratio run2/run1 = {ratio:.3f} "
        f"({'OK' if ratio <= SECOND_RUN_TARGET else 'ABOVE'} target {SECOND_RUN_TARGET})"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--links", type=int, default=50_000)
    ap.add_argument("--hosts", type=int, default=500)
    ap.add_argument("--ports", type=int, default=2)
    ap.add_argument("--compare", type=int, default=5_000, help="smaller run for memory (0: none)")
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("--per-host", type=int, default=4)
    ap.add_argument("--limit", type=float, default=1200.0, help="seconds per child process")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        spec = json.loads(Path(args.child).read_text("utf-8"))
        print(json.dumps(child(spec)))
        return 0
    farm = start_farm(args.hosts, args.ports)
    results: dict[int, dict] = {}
    try:
        bases = [h.base for h in farm.hosts]
        print(f"farm: {len(bases)} hosts on {len({h.address for h in farm.hosts})} addresses")
        sizes = [n for n in (args.compare, args.links) if n > 0]
        with tempfile.TemporaryDirectory(prefix="citecheck-audit-bench-") as tmp:
            for n in sizes:
                spec = {
                    "bases": bases,
                    "links": n,
                    "db": str(Path(tmp) / f"audit-{n}.sqlite"),
                    "concurrency": args.concurrency,
                    "per_host": args.per_host,
                }
                farm.clear_log()
                results[n] = run_child(spec, args.limit)
                results[n]["farm_requests"] = len(farm.log)
                report(n, results[n])
    finally:
        farm.close()
    if len(results) == 2:
        small, big = sorted(results)
        a = results[small]["run1"]["peak_rss_kb"]
        b = results[big]["run1"]["peak_rss_kb"]
        verdict = "flat" if b / a <= MEMORY_TARGET else "GROWS"
        print(
            f"\nmemory: peak RSS {a / 1024:.0f} MiB at {small} links, {b / 1024:.0f} MiB at "
            f"{big} links: ratio {b / a:.2f} for {big / small:.0f}x the links ({verdict}, "
            f"target <= {MEMORY_TARGET})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
