"""DOI suggestions: candidates scored, the decoy rejected, the threshold pinned."""

from __future__ import annotations

import json

from citecheck.identify.records import from_crossref_items
from citecheck.identify.suggest import SUGGEST_MIN, best_candidate, query_terms, score_candidate
from citecheck.model import Citation, WorkRecord
from tests.conftest import FIXTURES

CANDIDATES = from_crossref_items(
    json.loads((FIXTURES / "registry" / "crossref-query-eurasia.json").read_text())
)
HANCOCK = Citation(
    authors=["Kathleen J. Hancock", "Alexander Libman"],
    title="Eurasia",
    container="The Oxford Handbook of Comparative Regionalism",
    year=2016,
    kind="book_chapter",
)


def test_the_right_chapter_beats_the_same_titled_decoy() -> None:
    decoy, right = CANDIDATES[0], CANDIDATES[1]
    assert score_candidate(HANCOCK, right) == 1.0
    assert score_candidate(HANCOCK, decoy) < SUGGEST_MIN  # same title and year, other author
    record, confidence = best_candidate(HANCOCK, CANDIDATES)
    assert record.doi == "10.5555/oxfordhb/9780199682300.013.10" and confidence == 1.0


def test_a_title_that_does_not_agree_is_never_proposed() -> None:
    regionalism = CANDIDATES[2]  # "Eurasian Regionalism Revisited" by Libman
    assert score_candidate(HANCOCK, regionalism) == 0.0


def test_labelled_confidences_around_the_threshold() -> None:
    right = CANDIDATES[1]
    no_year = Citation(authors=HANCOCK.authors, title="Eurasia")
    nobody = Citation(title="Eurasia", year=2016)
    nothing = Citation(title="Eurasia")
    assert score_candidate(no_year, right) >= SUGGEST_MIN  # title and authors: 0.925
    assert score_candidate(nobody, right) >= SUGGEST_MIN  # title and year: 0.875
    assert score_candidate(nothing, right) < SUGGEST_MIN  # a short title alone: 0.80
    wrong_year = Citation(authors=HANCOCK.authors, title="Eurasia", year=2009)
    assert score_candidate(wrong_year, right) < SUGGEST_MIN  # 0.85 - 0.15 year


def test_no_candidate_without_a_doi_or_below_the_threshold() -> None:
    no_doi = WorkRecord(source="crossref", title="Eurasia", authors=["Hancock, K."], year=2016)
    assert best_candidate(HANCOCK, [no_doi]) is None
    assert best_candidate(HANCOCK, []) is None


def test_query_terms() -> None:
    bibliographic, author = query_terms(HANCOCK)
    assert "Eurasia" in bibliographic and "2016" in bibliographic and author == "hancock"
    assert query_terms(Citation(authors=["IEA"])) is None
    assert query_terms(Citation(authors=["International Energy Agency"], title="X"))[1] is None
