"""A claim's figure found only around the article, not in it (issue 5).

Pages carry teasers, sidebars and "related articles" boxes whose headlines give
other figures: "Sabiha Gökçen welcomes 41.5 million passengers" under a release
on Istanbul Airport's 80.1 million. An author who cites the page for 41.5
million took it from a teaser: the article does not say it. Read against the
article alone, such a claim meets the article's own figure and looks changed;
the page's other text (web.extract.SourceText.aside) shows where it came from.
Of the contradictions by a changed figure on the development sets whose claim
figure only the page's other text held, the writers had labelled 31 not found
and 11 contradicted (the teaser's figure for the same quantity as the body's).
Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable

from citecheck.verify.entities import find_entity
from citecheck.verify.quantities import compare, extract_quantities
from citecheck.verify.reading import Facts
from citecheck.verify.terms import passage_terms

__all__ = ["ASIDE_ONLY", "figure_aside"]

ASIDE_ONLY = "the claim's figure is only in the page's teasers or sidebars, not in its article"


def figure_aside(
    facts: Facts, indexes: Iterable[int], aside: str, lang: str | None
) -> tuple[int, str] | None:
    """(claim figure index, the line of ``aside`` that states it) for the first
    of ``indexes`` (figures the article gives otherwise) that a line of the
    page's other text states; None when none does."""
    # each line read once: its figures, if it is about the claim at all
    lines = [
        (line.strip(), extract_quantities(line, lang))
        for line in aside.split("\n")
        if line.strip() and _about(facts, line)
    ]
    for i in indexes:
        mine = facts.quantities[i]
        if mine.is_time:
            continue  # a teaser's date says when it was posted, not what happened
        for line, figures in lines:
            if any(compare(mine, q) == "agree" for q in figures):
                return i, line
    return None


def _about(facts: Facts, line: str) -> bool:
    """Whether a line says a name or a content word of the claim besides its
    figure ("25 min read" under a headline is no teaser of the 25th programme)."""
    if any(find_entity(e, line) is not None for e in facts.entities):
        return True
    theirs = passage_terms(line)
    return any(theirs.covers(stem, concept) for _s, _e, stem, concept in facts.terms.items)
