"""A changed figure in the sentence that states the rest of the claim (issue 5).

reading.py calls a passage figure a conflict only when it is anchored: words
around it say it is the same quantity of the same entity. Across languages the
words rarely line up ("%40 artarak" / "an increase of 62 percent", "49 yıllık"
/ "for 99 years"), so a changed number in a sentence that otherwise says the
claim word for word in translation was read as a missing fact (partial or not
found) instead of a contradiction.

This check reads the sentence instead of the words: when a reading states every
other fact of the claim (all other figures agree, every name is there) and its
deciding sentence holds exactly one free figure of the same dimension that
conflicts with the claim's, while the claim's own figure is stated nowhere in
the passages retrieval found, the figure was substituted. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from citecheck.verify.attribution import said_of
from citecheck.verify.entities import key_of
from citecheck.verify.measures import SHARES, far_apart, is_change, is_share
from citecheck.verify.model import Quantity
from citecheck.verify.quantities import compare, extract_quantities
from citecheck.verify.reading import Facts, Reading, focus_sentences
from citecheck.verify.terms import passage_terms

__all__ = ["substituted_figures"]

# Characters after a count read for the thing it counts ("500 lokomotif",
# "99 years", "43 kilometres"): a known unit concept on both sides that differs
# means two measures, not one changed figure.
UNIT_REACH = 30
# Counts in words (number_words.py reads 2-99) against a figure in digits this
# large are two different counts, not one changed figure.
WORDS_REACH = 100


def _unit_concepts(text: str, q: Quantity) -> set[str]:
    after = passage_terms(text[q.end : q.end + UNIT_REACH]).items[:2]
    return {concept for _s, _e, _stem, concept in after if concept}


def _rescaled(q: Quantity, p: Quantity) -> bool:
    """The same digits read at another scale ("20 bcm" / "20 milyar metreküp",
    "100 binden" / "100,000"): a reading gap, not a changed figure."""
    if not q.value or not p.value:
        return False
    ratio = abs(p.value / q.value)
    return any(abs(ratio - 10.0**k) < 1e-6 * 10.0**k for k in (-12, -9, -6, -3, 3, 6, 9, 12))


def _same_measure(claim: str, q: Quantity, text: str, p: Quantity) -> bool:
    if _rescaled(q, p) or far_apart(q, p):
        return False
    if q.kind in SHARES and p.kind in SHARES:
        # a growth rate ("%40 artarak") is no share ("40 percent of …")
        return not (
            (is_change(claim, q) and is_share(text, p))
            or (is_share(claim, q) and is_change(text, p))
        )
    if q.kind == "count" or p.kind == "count":
        if q.in_words and p.in_words:
            return False  # "iki" and "more than three": small counts in words recur
        if q.in_words != p.in_words and max(abs(q.value or 0), abs(p.value or 0)) >= WORDS_REACH:
            return False  # "два" is no changed "1.511": a count in words is a small one
        mine, theirs = _unit_concepts(claim, q), _unit_concepts(text, p)
        if mine and theirs and not mine & theirs:
            return False
        a, b = _duration(claim, q), _duration(text, p)
        return not (a and b and a != b)  # "üç yılda" is no changed "36 months"
    return True


# Units of time after a count: a duration in years is not one in months ("üç
# yılda" / "36 months"), whatever the digits. Folded word beginnings.
_DURATIONS = {
    "year": ("yil", "year", "jahr", "god", "let"),
    "month": ("aylik", "aylar", "ayda", "ayi", "ay", "month", "monat", "mesyats", "mesyac"),
    "week": ("hafta", "week", "woche", "nedel"),
    "day": ("gun", "day", "tag", "den", "dnei", "dnya", "sutk"),
    # (часть, a part, is no час: its plural and genitive only)
    "hour": ("saat", "hour", "stund", "chasov", "chasa"),
}
_WORD = re.compile(r"\w+")


def _duration(text: str, q: Quantity) -> str | None:
    m = _WORD.search(text, q.end, q.end + UNIT_REACH)
    if m is None or text[q.end : m.start()].strip(" -'’"):
        return None
    word = key_of(m.group())
    for unit, stems in _DURATIONS.items():
        if any(word == st or (len(st) > 2 and word.startswith(st)) for st in stems):
            return unit
    return None


def substituted_figures(
    claim: str, facts: Facts, r: Reading, stated: Collection[int]
) -> dict[int, Quantity]:
    """Claim figure index → the passage figure that replaced it.

    ``stated``: indexes of claim figures some retrieved passage agrees with (or
    states more loosely); those were not changed, only said elsewhere.

    Every other figure of the claim must agree in this reading and the rival
    stand in its deciding sentence. (A looser form, the claim's other figures
    stated anywhere and the rival anywhere in a window, was right in 18 of 41
    verdicts over fifty sets and in 4 of 15 on the sets kept out: removed in
    session 7.)
    """
    n = len(facts.quantities)
    changed = [i for i in range(n) if i not in r.agree and i not in stated]
    if not changed or any(i in r.misattributed for i in changed):
        return {}
    cand = r.candidates[0]
    text, lang = cand.text, getattr(cand, "lang", None)
    if any(i not in r.agree for i in range(n) if i not in changed):
        return {}  # every other figure of the claim must be said here
    if not r.anchors:
        return {}  # nothing of the claim in the passage: no sentence decides
    s, e = focus_sentences(text, lang, [], r.anchors)[0]  # most facts, the first of ties
    pq = [p for p in extract_quantities(text, lang) if s <= p.start < e]
    # the passage figures the reading matched to the claim's other figures (an
    # approximate "about 1,195" would also "agree" with the rival 1,300)
    spoken = {(p.start, p.end) for p in r.agree.values()}
    keys = {x.key for x in facts.entities}
    out: dict[int, Quantity] = {}
    for i in changed:
        q = facts.quantities[i]
        k = facts.owners[i] if i < len(facts.owners) else None
        owner = facts.entities[k] if k is not None else None
        rivals = [
            p
            for p in pq
            if (p.start, p.end) not in spoken
            and compare(q, p) == "conflict"
            and _same_measure(claim, q, text, p)
        ]
        if len(rivals) > 1:
            # a changed figure keeps its form: "about 82 percent" for "about 92
            # percent", not for "roughly nine-tenths" beside it
            same_form = [p for p in rivals if p.kind == q.kind and p.unit == q.unit]
            rivals = same_form if len(same_form) == 1 else rivals
        if len(rivals) != 1:
            return {}  # none, or several figures it could have been: not one changed figure
        # the figure of another name ("the region produces about half") is no
        # changed figure of the claim's ("Kazakhstan … %40")
        if said_of(owner, keys, rivals[0], text, lang) not in ("owner", None):
            return {}
        out[i] = rivals[0]
    return out
