"""Scoring Crossref ``query.bibliographic`` candidates for a note without a DOI.

Pure. A candidate is proposed only when its title agrees with the cited title
(compare.title_agrees: the same test a DOI's record must pass) and its overall
confidence reaches SUGGEST_MIN. The suggestion is reported, never applied.
"""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.codes import CitationKind
from citecheck.identify.compare import title_agrees
from citecheck.model import Work, WorkRecord
from citecheck.notes.similarity import authors_match, is_corporate, surname_keys, title_similarity

__all__ = [
    "SCHOLARLY_KINDS",
    "SUGGEST_MIN",
    "best_candidate",
    "query_terms",
    "score_candidate",
]

# Kinds of work that usually carry a DOI worth proposing.
SCHOLARLY_KINDS = frozenset(
    {
        CitationKind.JOURNAL_ARTICLE,
        CitationKind.BOOK_CHAPTER,
        CitationKind.BOOK,
        CitationKind.REPORT,
    }
)

# Weights of the confidence (sum 1): the title decides most; author and year
# separate same-titled works ("Eurasia" is the title of many chapters).
TITLE_WEIGHT = 0.6
AUTHOR_WEIGHT = 0.25
YEAR_WEIGHT = 0.15
# Tuned on the candidates in tests/identify/test_suggest.py: the right work
# with exact title, author and year scores 1.0; with a damaged title ~0.97;
# title and authors without a cited year 0.925; title and year without
# authors 0.875. Rejected: a decoy with the same title and year but other
# authors (0.75), the right title and authors with a year that disagrees
# (0.85: another edition, or another chapter of the same authors), the same
# title with neither author nor year to confirm it (0.80), and any title that
# does not agree (0). 0.86 sits between the two groups.
SUGGEST_MIN = 0.86
UNKNOWN = 0.5  # a part that cannot be compared counts half


def _author_part(cited: Work, candidate: WorkRecord) -> float:
    people = [a for a in cited.authors if not is_corporate(a)]
    if not people or not candidate.authors:
        return UNKNOWN
    from citecheck.notes.similarity import SURNAME_MIN

    return 1.0 if authors_match(people, candidate.authors) >= SURNAME_MIN else 0.0


def _year_part(cited: Work, candidate: WorkRecord) -> float:
    if not cited.year or not candidate.year:
        return UNKNOWN
    if cited.year == candidate.year:
        return 1.0
    # Online first, printed the next year.
    return UNKNOWN if cited.year == candidate.year + 1 else 0.0


def score_candidate(cited: Work, candidate: WorkRecord) -> float:
    """Confidence 0-1 that ``candidate`` is the cited work; 0 when the titles disagree."""
    if not title_agrees(cited.title, candidate.title):
        return 0.0
    title = title_similarity(cited.title, candidate.title) / 100
    score = (
        TITLE_WEIGHT * title
        + AUTHOR_WEIGHT * _author_part(cited, candidate)
        + YEAR_WEIGHT * _year_part(cited, candidate)
    )
    return round(min(1.0, score), 3)


def best_candidate(
    cited: Work, candidates: Sequence[WorkRecord]
) -> tuple[WorkRecord, float] | None:
    """The best-scoring candidate with a DOI at or above SUGGEST_MIN, else None."""
    scored = [(score_candidate(cited, c), i, c) for i, c in enumerate(candidates) if c.doi]
    scored = [s for s in scored if s[0] >= SUGGEST_MIN]
    if not scored:
        return None
    score, _, record = max(scored, key=lambda s: (s[0], -s[1]))
    return record, score


def query_terms(cited: Work) -> tuple[str, str | None] | None:
    """(query.bibliographic, query.author) for ``cited``; None without a title."""
    if not cited.title:
        return None
    parts = [
        ", ".join(cited.authors[:3]),
        cited.title,
        cited.container or "",
        str(cited.year or ""),
    ]
    bibliographic = " ".join(p for p in parts if p).strip()
    people = [a for a in cited.authors if not is_corporate(a)]
    author = " ".join(sorted(surname_keys(people[:1]))) if people else None
    return bibliographic, author or None
