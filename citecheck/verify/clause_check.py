"""Each clause of a compound claim judged on its own (issue 5, judge.py step 7).

A claim often says two things in one sentence: "the cable will be 1,195 km long
*and land near Constanța*", "the field started production in July 2023 *and
will reach 4 bcm by 2028*". The whole-claim score weighs all its facts
together, so one clause stated in full can carry a claim whose other clause the
source never mentions to `supported`, and a long claim whose one clause is
stated word for word can score too low for a partial. The label definitions
(fixtures/eval/CLAIMS.md) are per fact: some key facts stated, others absent, is
`partially_supported`. This module reads every clause as a claim of its own
with the same readings and rules (reading.py, decide.py). Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from citecheck.verify.decide import decide
from citecheck.verify.model import Candidate, VerdictLabel
from citecheck.verify.negation import clauses
from citecheck.verify.reading import Facts, Reading, claim_facts, dates_agreed, read

__all__ = ["ClauseReader", "ClauseReading", "ClauseVerdict", "clause_verdicts"]

# A clause is judged alone only when it says enough to be a fact of its own:
# this many content words, figures and names together ("ratified it in 2025"
# is 2 and leans on the clause before it; "the landing point is near
# Constanța in Romania" is 4).
CLAUSE_MIN_FACTS = 3


@dataclass
class ClauseVerdict:
    text: str
    label: VerdictLabel
    reading: Reading
    facts: int  # content words, figures and names in the clause


@dataclass
class ClauseReading:
    """One clause of a compound claim read as a claim of its own."""

    text: str
    facts: Facts
    readings: list[Reading]  # one per candidate, in the candidates' order


class ClauseReader:
    """The clauses of a compound claim, each read alone against the candidates
    once, when first asked: steps 4c (contradiction.py) and 7 (clause_verdicts)
    both need them."""

    def __init__(
        self,
        claim: str,
        claim_lang: str | None,
        candidates: Sequence[Candidate],
        published: str | None = None,
    ):
        self.claim, self.claim_lang, self.candidates = claim, claim_lang, candidates
        self.published = published  # the page's date (relative_years.py)

    @cached_property
    def parts(self) -> list[ClauseReading]:
        """Every clause but those that negate ("sadece hammadde olarak değil" is
        read with its claim); [] for a claim of one clause."""
        spans = clauses(self.claim)
        if len(spans) < 2 or not self.candidates:
            return []
        out = []
        for s, e in spans:
            part = self.claim[s:e].strip()
            facts = claim_facts(part, self.claim_lang)
            if not facts.has_cues:
                readings = [
                    read(part, self.claim_lang, facts, c, self.published) for c in self.candidates
                ]
                out.append(ClauseReading(part, facts, readings))
        return out


def clause_verdicts(
    reader: ClauseReader, cover: Callable[[str, Facts, Reading], None] | None = None
) -> list[ClauseVerdict]:
    """The verdict on every clause that says enough alone; [] for a one-clause claim."""
    out = []
    for c in reader.parts:
        n = len(c.facts.terms.items) + len(c.facts.quantities) + len(c.facts.entities)
        if n < CLAUSE_MIN_FACTS:
            continue
        best = max(c.readings, key=lambda r: r.score)
        if cover is not None:  # words said in other words (judge.py, wordsim.py)
            cover(c.text, c.facts, best)
        label, _conf, _why = decide(c.facts, best, c.text, dates_agreed(c.facts, c.readings))
        out.append(ClauseVerdict(c.text, label, best, n))
    return out
