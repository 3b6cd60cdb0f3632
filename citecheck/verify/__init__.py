"""Claim verification (issue 5): does the cited source say what the sentence claims?

Pure core: quantities, names, negation, quotations and dates are compared by
the modules below and judged by :mod:`citecheck.verify.judge`; no network, no clock.
"""

from citecheck.verify.entities import extract_entities, find_entity
from citecheck.verify.judge import Judge, RuleJudge, judge
from citecheck.verify.model import (
    Entity,
    Evidence,
    Quantity,
    QuoteCheck,
    SourceMeta,
    TemporalFlag,
    Verdict,
    VerdictLabel,
)
from citecheck.verify.negation import negation_cues, polarity
from citecheck.verify.quantities import compatible, extract_quantities
from citecheck.verify.quotes import check_quotes, extract_quotes, find_quote
from citecheck.verify.temporal import check_temporal, date_from_url

__all__ = [
    "Entity",
    "Evidence",
    "Judge",
    "Quantity",
    "QuoteCheck",
    "RuleJudge",
    "SourceMeta",
    "TemporalFlag",
    "Verdict",
    "VerdictLabel",
    "check_quotes",
    "check_temporal",
    "compatible",
    "date_from_url",
    "extract_entities",
    "extract_quantities",
    "extract_quotes",
    "find_entity",
    "find_quote",
    "judge",
    "negation_cues",
    "polarity",
]
