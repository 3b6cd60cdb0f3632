"""Quotations in a claim and their look-up in the source (issue 5).

Text an article puts in quotation marks must stand in the source verbatim or
nearly. Both sides are normalised first (case, diacritics, Turkish ı/İ,
quote and dash styles, whitespace runs) with a map back to source offsets;
then an exact substring test, then rapidfuzz ``partial_ratio_alignment`` (the
best-aligned window of the source) against :data:`QUOTE_MIN_SIMILARITY`.
A quote missing from the source is its own finding whatever the verdict.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz

from citecheck.verify.model import QuoteCheck

__all__ = [
    "MIN_QUOTE_CHARS",
    "QUOTE_MIN_SIMILARITY",
    "check_quotes",
    "extract_quotes",
    "find_quote",
    "normalize_with_map",
    "quote_language",
]

# A quote counts as present at this partial_ratio (0-100) after normalisation.
# One changed word in a 12-word quote scores ~92, a dropped article ~96, an
# export's lost apostrophes or "[ ]" holes 93-98; a different sentence on the
# same topic stays under 75. 90 accepts the first group and rejects the second.
QUOTE_MIN_SIMILARITY = 90.0
# Shorter quoted strings are scare quotes or titles of one word ("yeni petrol"
# is still checked; "C5+1" alone is not a quotation).
MIN_QUOTE_CHARS = 8

# Pairs of quotation marks; straight single quotes only around text with a
# space in it and not glued to a word (ABD'nin is an apostrophe, not a quote).
_QUOTE_PATTERNS = [
    re.compile(r"“([^“”\n]{2,600})”"),
    re.compile(r"„([^„“”\n]{2,600})[“”]"),
    re.compile(r"«([^«»\n]{2,600})»"),
    re.compile(r"»([^«»\n]{2,600})«"),  # German guillemets point inwards
    re.compile(r"‘([^‘’\n]*\s[^‘’\n]*)’(?!\w)"),
    re.compile(r"‚([^‚‘’\n]*\s[^‚‘’\n]*)[‘’]"),
    re.compile(r'(?<![\w"])"([^"\n]{2,600})"(?!\w)'),
    re.compile(r"(?<![\w'])'([^'\n]*\s[^'\n]*)'(?!\w)"),
]
_QUOTE_CHARS = "\"'`´‘’‚‛“”„‟«»‹›"
_DASHES = "‐‑‒–—―−"
_TURKISH = {"İ": "i", "I": "i", "ı": "i"}


def extract_quotes(text: str) -> list[tuple[str, int, int]]:
    """(quote, start, end) of every quotation in ``text``; offsets exclude the marks."""
    found: list[tuple[str, int, int]] = []
    for pattern in _QUOTE_PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span(1)
            inner = text[s:e].strip()
            if len(inner) < MIN_QUOTE_CHARS or any(a < e and s < b for _, a, b in found):
                continue
            s += len(text[s:e]) - len(text[s:e].lstrip())
            found.append((inner, s, s + len(inner)))
    return sorted(found, key=lambda q: q[1])


def _fold_char(ch: str) -> str:
    if ch in _TURKISH:
        return _TURKISH[ch]
    if ch in _QUOTE_CHARS:
        return ""
    if ch in _DASHES:
        return "-"
    if ch.isspace():
        return " "
    if ch.isascii():
        return ch.lower()
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base.lower()


_FOLD_CACHE: dict[str, str] = {}


@lru_cache(maxsize=64)
def normalize_with_map(text: str) -> tuple[str, tuple[int, ...]]:
    """Folded ``text`` and, for each of its characters, the source offset it came from."""
    out: list[str] = []
    where: list[int] = []
    last_space = True
    cache = _FOLD_CACHE
    for i, ch in enumerate(text):
        folded = cache.get(ch)
        if folded is None:
            folded = cache[ch] = _fold_char(ch)
        if len(folded) == 1 and folded != " ":  # the common case, kept short
            out.append(folded)
            where.append(i)
            last_space = False
            continue
        for c in folded:
            if c == " ":
                if last_space:
                    continue
                last_space = True
            else:
                last_space = False
            out.append(c)
            where.append(i)
    while out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), tuple(where)


# An elision inside a quotation: "…", "...", "[…]", "(...)".
_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:…|\.{3})\s*\]|\(\s*(?:…|\.{3})\s*\)|…|\.{3})\s*")


def find_quote(quote: str, source_text: str) -> tuple[bool, float, tuple[int, int] | None]:
    """(found, similarity 0-100, span in ``source_text``) of the best match of ``quote``.

    A quotation with elisions ("A … B") is found when each of its parts is,
    in order; its similarity is that of the worst part.
    """
    parts = [p for p in _ELLIPSIS.split(quote) if len(p.strip()) >= MIN_QUOTE_CHARS // 2]
    if len(parts) > 1:
        results = [_find_one(p, source_text) for p in parts]
        spans = [r[2] for r in results if r[2] is not None]
        in_order = all(a[1] <= b[0] for a, b in pairwise(spans))
        sim = min(r[1] for r in results)
        found = all(r[0] for r in results) and in_order
        span = (spans[0][0], spans[-1][1]) if spans and in_order else None
        return found, sim, span
    return _find_one(quote, source_text)


def _find_one(quote: str, source_text: str) -> tuple[bool, float, tuple[int, int] | None]:
    nq, _ = normalize_with_map(quote)
    ns, where = normalize_with_map(source_text)
    if not nq or not ns:
        return False, 0.0, None
    at = ns.find(nq)
    if at >= 0:
        return True, 100.0, _trim(source_text, where[at], where[at + len(nq) - 1] + 1)
    res = fuzz.partial_ratio_alignment(nq, ns)
    if res is None or res.dest_end <= res.dest_start:
        return False, 0.0, None
    span = _trim(source_text, where[res.dest_start], where[res.dest_end - 1] + 1)
    return res.score >= QUOTE_MIN_SIMILARITY, float(res.score), span


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace and quotation marks."""
    strip = _QUOTE_CHARS + " \t\r\n\u00a0"
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def check_quotes(
    claim_text: str, claim_lang: str | None, source_text: str, source_lang: str | None
) -> list[QuoteCheck]:
    """Each quotation of the claim looked up in the source.

    When claim and source are known to be in different languages the quote is
    a translation: it is still searched (authors quote originals too), but a
    miss is ``not_comparable`` rather than ``missing``.
    """
    checks = []
    cross = bool(claim_lang and source_lang and claim_lang[:2] != source_lang[:2])
    for quote, s, e in extract_quotes(claim_text):
        found, sim, span = find_quote(quote, source_text)
        exact = found and sim >= 100.0
        status = "found" if exact else "near" if found else "not_comparable" if cross else "missing"
        where = span if found else (None, None)
        checks.append(QuoteCheck(quote, s, e, status, sim, where[0], where[1]))
    return checks


# Function words and letters that tell the four languages apart in a short
# quotation (a Turkish claim may quote an English source in English).
_FUNCTION_WORDS = {
    "en": frozenset({
        "the", "of", "and", "or", "to", "a", "an", "is", "are", "was", "were", "be", "been",
        "with", "without", "for", "on", "in", "that", "this", "it", "as", "at", "by", "from",
        "not", "will", "would", "has", "have",
    }),
    "de": frozenset({
        "der", "die", "das", "und", "oder", "nicht", "ist", "sind", "war", "mit", "ohne", "für",
        "auf", "ein", "eine", "zu", "von", "den", "dem", "des", "wird", "werden", "hat", "haben",
    }),
    "tr": frozenset({
        "ve", "ile", "bir", "bu", "için", "olarak", "daha", "çok", "değil", "gibi", "ama", "da",
        "de", "ki", "en", "her", "olan", "olduğunu", "artık",
    }),
}  # fmt: skip
_TURKISH_LETTERS = re.compile(r"[ğışİ]")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def quote_language(text: str) -> str | None:
    """The language a quotation is written in ("en", "de", "tr", "ru"), or None."""
    if _CYRILLIC.search(text):
        return "ru"
    if _TURKISH_LETTERS.search(text):
        return "tr"
    words = re.findall(r"\w+", text.lower())
    counts = {lang: sum(w in fw for w in words) for lang, fw in _FUNCTION_WORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] else None
