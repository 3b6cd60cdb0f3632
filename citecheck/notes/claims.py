"""Claims: the sentence(s) of the body that each footnote marker supports.

Offsets are into ``Paragraph.text``, the clean text with the markers removed, and
``Marker.offset`` is where a marker stood in it. A claim is always a slice of that
text (``para.text[claim.start:claim.end] == claim.text``), so it never contains
marker text. Every marker occurrence gets its own :class:`Claim` (a note cited
by three markers has three claims), in the order of ``Paragraph.markers``.

Rules, in the order they are tried:

1. Heading paragraph: the claim is the whole heading text.
2. The marker's sentence (sentences from :func:`split_sentences`) is the one
   that contains the offset or ends exactly at it. So a marker right after the
   final punctuation (``bölgedir.[1]``) belongs to the sentence it closes; a
   marker before the full stop (``çevirmiştir[5].``), after a space
   (``gelmiştir [11].``) or glued to a word mid-sentence (``tablonun[2] 15 …``)
   to the sentence it sits in, and the claim is that whole sentence. A marker
   in the blank between two sentences goes to the one before it; one before
   the first sentence to the first. A marker between a full stop and a capital
   is itself taken as a sentence end, so ``the U.S.[2] The …`` splits where
   the abbreviation alone would not.
3. Several markers at different places in one sentence (``X[1], Y[2].``): each
   marker's claim is its clause, from just after the previous marker (or the
   sentence start) up to the marker, when that clause is substantial (at least
   MIN_CLAUSE_WORDS words and MIN_CLAUSE_CHARS characters); otherwise the
   whole sentence. Markers stacked at one place (``.[6][7]``) share the sentence.
4. A marker that closes a passage: when the marker ends the paragraph's last
   sentence and the sentence opens with an explicit connective (Turkish ``Bu``,
   ``Bunun``, ``Ayrıca``, ``Ancak``, ``Nitekim``, ``Dolayısıyla``, ``Öte
   yandan``…; English ``This``, ``These``, ``It``, ``However``…; German
   ``Dies``, ``Außerdem``, ``Jedoch``…; Russian ``Это``, ``Однако``…), the
   sentence before it joins the claim if it carries no marker, and so on back
   while each added sentence is itself linked by a connective, up to
   MAX_PASSAGE_SENTENCES sentences in all. This is deliberately narrow: an
   over-long claim hides the checkable fact from verification (issue 5) more
   than a short one loses context, so anything less explicit stays one sentence.
5. Otherwise the claim is the marker's sentence.

A marker in a blank paragraph yields no claim: there is nothing to check.
Offsets outside the text are clamped to it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from citecheck.model import Claim, Marker, Paragraph
from citecheck.notes.sentences import split_sentences

__all__ = [
    "MAX_PASSAGE_SENTENCES",
    "MIN_CLAUSE_CHARS",
    "MIN_CLAUSE_WORDS",
    "extract_claims",
]

# A clause stands alone as a claim only when it can state a checkable fact:
# subject, verb and object. Tuned by hand on clauses cut by markers:
# "Kazakistan uranyumun %40'ını üretmektedir" (4 words, 41 chars) and "ABD ise
# ithalatının dörtte birini buradan sağlamaktadır" (7, 55) pass; list items
# ("Lityum", "nikel ve kobalt"), noun phrases ("Kazakistan'ın uranyum
# üretimi", 3 words) and predicate-less lists ("Lityum, nikel ve kobalt",
# 4 words but 23 chars) fail and fall back to the whole sentence, which
# still holds the fact. The cost: a terse English clause ("Uranium output
# rose by half", 27 chars) also gets the whole sentence.
MIN_CLAUSE_WORDS = 4
MIN_CLAUSE_CHARS = 30

# Passages (rule 4) span at most this many sentences, the marker's included.
# Beyond three, a run of unmarked sentences is more likely the writer's own
# argument than the cited source's, and a long claim dilutes the facts the
# verifier must find.
MAX_PASSAGE_SENTENCES = 3

# Sentence openers that tie a sentence to the one before it. Multi-word forms
# ("Bu nedenle", "Bunun yanı sıra") are covered by their first word.
_CONNECTIVES = (
    # Turkish
    "Bu",
    "Bunun",
    "Bunlar",
    "Buna",
    "Bununla",
    "Böylece",
    "Ayrıca",
    "Ancak",
    "Nitekim",
    "Dolayısıyla",
    "Öte yandan",
    "Söz konusu",
    # English
    "This",
    "These",
    "It",
    "However",
    "Moreover",
    "Also",
    "Thus",
    "Furthermore",
    "Therefore",
    "In addition",
    # German
    "Dies",
    "Diese",
    "Dieser",
    "Dieses",
    "Außerdem",
    "Jedoch",
    "Zudem",
    "Daher",
    "Somit",
    "Allerdings",
    # Russian
    "Это",
    "Эти",
    "Этот",
    "Эта",
    "Однако",
    "Кроме того",
    "Поэтому",
    "Также",
    "Таким образом",
)
_CONNECTIVE_RE = re.compile(
    r"[\"'“„«(]*(?:" + "|".join(re.escape(c) for c in _CONNECTIVES) + r")(?!\w)"
)
# What may stand between a marker and the end of its sentence for the marker
# to count as closing it: final punctuation and closing quotes/brackets.
_SENTENCE_TAIL_RE = re.compile(r"[\s.!?…\"'”’»“)\]]*")
# Punctuation that separates clauses and is not part of either.
_CLAUSE_PUNCT = ",;:–—-"
# Around a marker that ends a sentence: final punctuation (and up to two
# closing quotes) just before it; whitespace, opening quotes, a capital after.
_BEFORE_MARKER_RE = re.compile(r"[.!?…][\"'”’»)\]]{0,2}\Z")
_AFTER_MARKER_RE = re.compile(r"\s+[\"'“„«‘(]*(\S)")


def extract_claims(paragraphs: list[Paragraph], lang: str | None = None) -> list[Claim]:
    """One :class:`Claim` per marker of every paragraph (see the module docstring)."""
    claims: list[Claim] = []
    for para in paragraphs:
        if para.markers:
            claims.extend(_paragraph_claims(para, lang))
    return claims


def _paragraph_claims(para: Paragraph, lang: str | None) -> list[Claim]:
    text = para.text
    if para.heading:
        span = _trim(text, 0, len(text))
        if span is None:
            return []
        return [_claim(para, m, *span) for m in para.markers]
    offset_of = {id(m): min(max(m.offset, 0), len(text)) for m in para.markers}
    # A marker right after a full stop and before a capital ends a sentence,
    # even after an abbreviation the splitter must not trust ("the U.S.[2] The").
    breaks = [o for o in offset_of.values() if _marker_ends_sentence(text, o)]
    sentences = split_sentences(text, lang, breaks=breaks)
    if not sentences:
        return []
    ends = [e for _, e in sentences]
    sent_of = {id(m): _sentence_index(sentences, ends, offset_of[id(m)]) for m in para.markers}
    # distinct marker positions per sentence, for clauses (rule 3) and passages (rule 4)
    positions: dict[int, list[int]] = {}
    for m in para.markers:
        positions.setdefault(sent_of[id(m)], []).append(offset_of[id(m)])
    for k in positions:
        positions[k] = sorted(set(positions[k]))

    claims = []
    for m in para.markers:
        k, off = sent_of[id(m)], offset_of[id(m)]
        s_start, s_end = sentences[k]
        span: tuple[int, int] | None = None
        if len(positions[k]) > 1:
            span = _clause(text, s_start, s_end, positions[k], off)
        elif k == len(sentences) - 1 and _closes_sentence(text, off, s_end):
            span = (sentences[_passage_start(text, sentences, k, positions)][0], s_end)
        claims.append(_claim(para, m, *(span or (s_start, s_end))))
    return claims


def _marker_ends_sentence(text: str, offset: int) -> bool:
    after = _AFTER_MARKER_RE.match(text, offset)
    if after is None or not after.group(1).isupper():
        return False
    return _BEFORE_MARKER_RE.search(text, max(0, offset - 3), offset) is not None


def _sentence_index(sentences: list[tuple[int, int]], ends: list[int], offset: int) -> int:
    """Rule 2: the sentence containing ``offset`` or ending at it, else the one before."""
    i = bisect_left(ends, offset)
    if i < len(sentences) and sentences[i][0] < offset:
        return i
    return max(i - 1, 0)


def _clause(
    text: str, s_start: int, s_end: int, positions: list[int], offset: int
) -> tuple[int, int] | None:
    """Rule 3: the text from the previous marker (or sentence start) to this one, if substantial."""
    i = positions.index(offset)
    a = positions[i - 1] if i > 0 else s_start
    span = _trim(text, max(a, s_start), min(offset, s_end), _CLAUSE_PUNCT)
    if span is None:
        return None
    clause = text[span[0] : span[1]]
    if len(clause) < MIN_CLAUSE_CHARS or len(clause.split()) < MIN_CLAUSE_WORDS:
        return None
    return span


def _closes_sentence(text: str, offset: int, s_end: int) -> bool:
    """Whether only final punctuation lies between the marker and the sentence end."""
    if offset >= s_end:
        return True
    return _SENTENCE_TAIL_RE.match(text, offset, s_end).end() == s_end


def _passage_start(
    text: str, sentences: list[tuple[int, int]], k: int, positions: dict[int, list[int]]
) -> int:
    """Rule 4: index of the first sentence of the passage ending with sentence ``k``."""
    i = k
    while (
        i > 0
        and k - i + 1 < MAX_PASSAGE_SENTENCES
        and (i - 1) not in positions
        and _CONNECTIVE_RE.match(text, sentences[i][0])
    ):
        i -= 1
    return i


def _trim(text: str, a: int, b: int, extra: str = "") -> tuple[int, int] | None:
    """``(a, b)`` narrowed past whitespace and ``extra`` characters at both ends."""
    seg = text[a:b]
    left = seg
    while (nxt := left.lstrip().lstrip(extra)) != left:
        left = nxt
    body = left
    while (nxt := body.rstrip().rstrip(extra)) != body:
        body = nxt
    if not body:
        return None
    start = a + len(seg) - len(left)
    return start, start + len(body)


def _claim(para: Paragraph, marker: Marker, start: int, end: int) -> Claim:
    return Claim(
        note=marker.number,
        text=para.text[start:end],
        paragraph=para.index,
        start=start,
        end=end,
    )
