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

from citecheck.verify.decide import decide
from citecheck.verify.model import Candidate, VerdictLabel
from citecheck.verify.negation import clauses
from citecheck.verify.reading import Facts, Reading, claim_facts, read

__all__ = ["ClauseVerdict", "clause_verdicts"]

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


def clause_verdicts(
    claim: str,
    claim_lang: str | None,
    candidates: Sequence[Candidate],
    cover: Callable[[str, Facts, Reading], None] | None = None,
) -> list[ClauseVerdict]:
    """The verdict on every clause that says enough alone; [] for a one-clause claim."""
    spans = clauses(claim)
    if len(spans) < 2 or not candidates:
        return []
    out = []
    for s, e in spans:
        part = claim[s:e].strip()
        facts = claim_facts(part, claim_lang)
        if facts.has_cues:
            continue  # a negated clause ("sadece hammadde olarak değil") is step 4c's
        n = len(facts.terms.items) + len(facts.quantities) + len(facts.entities)
        if n < CLAUSE_MIN_FACTS:
            continue
        readings = [read(part, claim_lang, facts, c) for c in candidates]
        best = max(readings, key=lambda r: r.score)
        if cover is not None:  # words said in other words (judge.py, wordsim.py)
            cover(part, facts, best)
        dated = frozenset(
            i for x in readings for i in x.agree if facts.quantities[i].kind in ("year", "date")
        )
        label, _conf, _why = decide(facts, best, part, dated)
        out.append(ClauseVerdict(part, label, best, n))
    return out
