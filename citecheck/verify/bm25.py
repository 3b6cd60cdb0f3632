"""Lexical retrieval: folded, lightly stemmed terms and Okapi BM25 over a source's passages.

Written here rather than taken from ``rank-bm25`` or ``bm25s``: a source has a
few hundred to a few thousand passages, so a dictionary of postings scores a
claim in well under a millisecond; both libraries want pre-tokenised input
anyway (the tokenising is the part that matters here: Turkish suffixes, folded
letters, decimal commas), ``bm25s`` pulls in scipy, and ``rank-bm25`` is
unmaintained since 2022 and scores every document for every query term.

Terms: words are folded (:func:`citecheck.notes.similarity.fold`: case,
Turkish letters, accents, apostrophes: ``Kazakistan'ın`` → ``kazakistanin``),
then a light stemmer of the text's language strips inflection
(Turkish by prefix: ``kazakistanin`` → ``kazak``; ``Verarbeitung`` →
``verarbeit``, ``минералов`` → ``минерал``). Numbers are kept whole with one
decimal mark (``1,1`` in Turkish and ``1.1`` in English are both ``1.1``).
Stopwords of the four languages are dropped.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from citecheck.notes.similarity import fold
from citecheck.web.extract_lang import stopwords

__all__ = ["BM25", "stem", "terms"]

# Okapi BM25 constants: the textbook values (k1 1.2, b 0.75). Passages are one
# or two sentences, so length normalisation matters little; on the retrieval
# set of tests/verify/test_retrieval.py b from 0.5 to 0.9 changed no hit.
K1 = 1.2
B = 0.75
# A stem keeps at least this many letters ("uses" → "use", not "us").
MIN_STEM = 3

_DECIMAL_COMMA = frozenset({"tr", "de", "ru"})
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A word keeps its apostrophe suffix ("Kazakistan'ın", "%40'ını") so that the
# suffix can be cut off in Turkish instead of becoming a term of its own.
_WORD_OR_NUMBER = re.compile(r"(\d+(?:[.,]\d+)*|[^\W\d_]+)(?:['’][^\W\d_]+)?")
# "ABDnin", "TDTnin": an acronym with a Turkish suffix whose apostrophe a text
# export lost; the capitals are the name.
_ACRONYM_SUFFIX = re.compile(r"([A-ZÇĞİÖŞÜ]{2,})[a-zçğıöşü]{1,6}")

# Turkish stacks suffixes (ülke-ler-i-nin, karşıla-mak-ta-dır) and a light
# stripper either leaves them or eats into stems ("Kazakistan" is not
# "Kazakis" + ablative "-tan"). Fixed-prefix truncation is the documented
# alternative: Can et al., "Information retrieval on Turkish texts" (JASIST
# 59(3), 2008) found the first five letters retrieve as well as a lemmatiser.
# Folded: "kazakistanin" → "kazak", "uretiminin" → "ureti", "ithalatinin" → "ithal".
TURKISH_PREFIX = 5

# Inflection suffixes for the other languages, longest first, stripped once.
# Derivation is left alone: over-stemming joins unrelated words.
# fmt: off
_SUFFIXES: dict[str, tuple[str, ...]] = {
    "en": ("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "y", "s"),
    "de": ("ungen", "ung", "ern", "em", "en", "er", "es", "e", "s"),
    # Folded: fold() turns "й" into "и", so "-ой" is written "-ои".
    "ru": (
        "ыми", "ими", "ами", "ями", "ого", "его", "ому", "ему", "ых", "их", "ов", "ев",
        "еи", "ии", "ыи", "ои", "ая", "яя", "ое", "ее", "ые", "ие", "ом", "ем", "ам",
        "ям", "ах", "ях", "ую", "юю", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь",
    ),
}
# fmt: on


@lru_cache(maxsize=65536)
def stem(word: str, lang: str | None) -> str:
    """Light stem of a folded word in ``lang`` (unknown language: English plural only)."""
    if lang == "tr":
        return word[:TURKISH_PREFIX]
    if word.endswith(("ss", "us", "is")):
        return word  # "process", "analysis": the "s" is the word's own
    for suf in _SUFFIXES.get(lang or "", ("s",)):
        if word.endswith(suf) and len(word) - len(suf) >= MIN_STEM:
            return word[: -len(suf)]
    return word


def _number(raw: str, lang: str | None) -> str:
    """One spelling for a number: thousands marks dropped, decimal mark ".", no trailing zeros."""
    comma_decimal = (lang or "") in _DECIMAL_COMMA
    groups = re.split(r"([.,])", raw)
    digits, marks = groups[0::2], groups[1::2]
    if not marks:
        return raw.lstrip("0") or "0"
    last = marks[-1]
    # "1.250.000" / "1,250,000": every group of three after a repeated mark = thousands
    thousands = len(set(marks)) == 1 and all(len(g) == 3 for g in digits[1:])
    if thousands and (len(marks) > 1 or (last == ".") == comma_decimal):
        return "".join(digits).lstrip("0") or "0"
    whole = "".join(digits[:-1]).lstrip("0") or "0"
    frac = digits[-1].rstrip("0")
    return f"{whole}.{frac}" if frac else whole


def terms(text: str, lang: str | None) -> list[str]:
    """Index terms of ``text``: folded, stemmed words and normalised numbers, no stopwords."""
    lg = (lang or "").lower()[:2] or None
    stop = stopwords(lg)
    out: list[str] = []
    for m in _WORD_OR_NUMBER.finditer(text):
        tok = m.group(1) if lg == "tr" or m.group(1)[0].isdigit() else m.group()
        if lg == "tr" and (a := _ACRONYM_SUFFIX.fullmatch(tok)):
            tok = a.group(1)
        if tok[0].isdigit():
            out.append(_number(tok, lg))
            continue
        for word in fold(tok).split():
            if word not in stop and len(word) > 1:
                out.append(stem(word, lg))
    return out


class BM25:
    """Okapi BM25 over a fixed list of term lists (one per passage)."""

    def __init__(self, docs: Sequence[Sequence[str]]) -> None:
        self.n = len(docs)
        self.lengths = [len(d) for d in docs]
        self.avg = (sum(self.lengths) / self.n) if self.n else 0.0
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for i, doc in enumerate(docs):
            for term, tf in Counter(doc).items():
                self.postings.setdefault(term, []).append((i, tf))
        self.idf = {
            t: math.log(1 + (self.n - len(p) + 0.5) / (len(p) + 0.5))
            for t, p in self.postings.items()
        }

    def scores(self, query: Sequence[str]) -> list[float]:
        """BM25 score of every passage for ``query`` (repeated query terms count once)."""
        out = [0.0] * self.n
        avg = self.avg or 1.0
        for term in set(query):
            idf = self.idf.get(term)
            if idf is None:
                continue
            for i, tf in self.postings[term]:
                norm = K1 * (1 - B + B * self.lengths[i] / avg)
                out[i] += idf * tf * (K1 + 1) / (tf + norm)
        return out

    def max_score(self, query: Sequence[str], unseen: float = 1.0) -> float:
        """Score of a passage holding every query term once, at average length (for scaling).

        A term no passage has counts with the highest IDF times ``unseen`` (0 to
        leave such terms out: a claim in another language than the source).
        """
        top = math.log(1 + (self.n + 0.5) / 0.5)
        return sum(self.idf.get(t, unseen * top) for t in set(query))
