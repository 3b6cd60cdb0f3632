"""Ingest + notes throughput: documents per second on one core.

    .venv/bin/python benchmarks/parse.py [--seconds 5]

Reads every article fixture (text, HTML, docx) into memory once, then runs
``ingest.load_bytes`` + ``notes.analyze`` over them round-robin for a fixed
time, and prints documents/second against the target (>= 100/s on one core)
as a ratio. Bytes are preloaded so disk speed does not count.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citecheck import ingest  # noqa: E402
from citecheck.notes import analyze  # noqa: E402

TARGET_DOCS_PER_SECOND = 100.0
SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx"}


def load_batch() -> list[tuple[str, bytes]]:
    folder = ROOT / "fixtures" / "articles"
    return [
        (p.name, p.read_bytes())
        for p in sorted(folder.iterdir())
        if p.suffix in SUFFIXES and not p.name.endswith(".expected.json")
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="how long to run")
    args = parser.parse_args()

    batch = load_batch()
    for name, data in batch:  # warm-up: imports, regex compilation
        analyze(ingest.load_bytes(data, source=name))

    per_format: dict[str, list[float]] = {}
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        for name, data in batch:
            t0 = time.perf_counter()
            doc = analyze(ingest.load_bytes(data, source=name))
            per_format.setdefault(doc.format, []).append(time.perf_counter() - t0)
            done += 1
    elapsed = time.perf_counter() - start

    rate = done / elapsed
    print(f"fixtures: {len(batch)} articles; {done} documents in {elapsed:.2f} s")
    for fmt, times in sorted(per_format.items()):
        print(f"  {fmt:<10} {len(times):>6} docs  mean {1000 * sum(times) / len(times):6.2f} ms")
    print(f"documents/second: {rate:.1f}  (target >= {TARGET_DOCS_PER_SECOND:.0f})")
    print(f"ratio to target: {rate / TARGET_DOCS_PER_SECOND:.2f}x")


if __name__ == "__main__":
    main()
