"""The problem vocabulary of the reports: categories, fail-on, and what maps to what.

:class:`Category` values are a JSON contract (``--fail-on``/``--ignore`` words,
the report's ``problems``): add, never rename. :func:`link_category` and
:func:`finding_category` say which category a link status or a finding is;
:mod:`citecheck.report.summary` (whose docstring documents the whole mapping)
builds the problem list from them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from citecheck.codes import LINK_FAILING, FindingCode, LinkStatus, Severity
from citecheck.model import Finding
from citecheck.verify.model import VerdictLabel

__all__ = [
    "CATEGORY_ORDER",
    "CATEGORY_RANK",
    "CLAIM_FINDINGS",
    "DEFAULT_FAIL_ON",
    "NOT_VERIFIED",
    "VERDICT_CATEGORY",
    "Category",
    "Problem",
    "finding_category",
    "level",
    "link_category",
    "parse_fail_on",
]


class Category(StrEnum):
    """Problem categories: the ``--fail-on``/``--ignore`` vocabulary (a JSON contract)."""

    BROKEN_LINK = "broken_link"
    BLOCKED_LINK = "blocked_link"
    CONTRADICTED = "contradicted"
    NOT_FOUND = "not_found"
    PARTIALLY_SUPPORTED = "partially_supported"
    UNVERIFIABLE = "unverifiable"
    QUOTE_MISSING = "quote_missing"
    DRIFTED = "drifted"
    SOURCE_PREDATES_EVENT = "source_predates_event"
    DOI_MISMATCH = "doi_mismatch"
    METADATA_MISMATCH = "metadata_mismatch"
    RETRACTED = "retracted"
    LINT_ERROR = "lint_error"
    LINT_WARNING = "lint_warning"
    CHECK_FAILED = "check_failed"


DEFAULT_FAIL_ON: frozenset[Category] = frozenset(
    {
        Category.BROKEN_LINK,
        Category.CONTRADICTED,
        Category.NOT_FOUND,
        Category.DOI_MISMATCH,
        Category.RETRACTED,
    }
)

# Most serious first: what an editor must fix before publishing (wrong or dead
# citations), then what misleads a reader, then what a person should look at.
CATEGORY_ORDER: tuple[Category, ...] = (
    Category.CONTRADICTED,
    Category.BROKEN_LINK,
    Category.RETRACTED,
    Category.DOI_MISMATCH,
    Category.NOT_FOUND,
    Category.QUOTE_MISSING,
    Category.DRIFTED,
    Category.SOURCE_PREDATES_EVENT,
    Category.LINT_ERROR,
    Category.METADATA_MISMATCH,
    Category.PARTIALLY_SUPPORTED,
    Category.BLOCKED_LINK,
    Category.UNVERIFIABLE,
    Category.CHECK_FAILED,
    Category.LINT_WARNING,
)
CATEGORY_RANK = {c: i for i, c in enumerate(CATEGORY_ORDER)}

# Verdict counts carry this key for claims that got no verdict (verification off).
NOT_VERIFIED = "not_verified"

VERDICT_CATEGORY = {
    VerdictLabel.CONTRADICTED: Category.CONTRADICTED,
    VerdictLabel.NOT_FOUND: Category.NOT_FOUND,
    VerdictLabel.PARTIALLY_SUPPORTED: Category.PARTIALLY_SUPPORTED,
    VerdictLabel.UNVERIFIABLE: Category.UNVERIFIABLE,
}
# Categories a claim check and a finding can both report (see note_problems).
CLAIM_FINDINGS = frozenset({Category.QUOTE_MISSING, Category.SOURCE_PREDATES_EVENT})
# Registries whose record a DOI resolves to (identify.compare's details["source"]).
_DOI_SOURCES = frozenset({"doi.org", "crossref", "datacite"})


@dataclass(frozen=True)
class Problem:
    """One thing the editor should look at.

    ``code`` is the specific reason: a link status, a finding code, a verdict
    label, or the category itself (quote_missing, drifted, …). ``claim`` is the
    index into the note's claim checks (:func:`claim_checks`).
    """

    category: str
    note: int | None
    message: str
    code: str
    url: str | None = None
    claim: int | None = None

    def __post_init__(self) -> None:  # plain strings, whatever enum the caller passed
        object.__setattr__(self, "category", str(self.category))
        object.__setattr__(self, "code", str(self.code))

    def to_dict(self, fail_on: Iterable[str] = DEFAULT_FAIL_ON) -> dict[str, Any]:
        return {
            "category": self.category,
            "level": level(self.category, fail_on),
            "code": self.code,
            "note": self.note,
            "claim": self.claim,
            "url": self.url,
            "message": self.message,
        }


def level(category: str, fail_on: Iterable[str] = DEFAULT_FAIL_ON) -> str:
    """``fail`` for a category in ``fail_on``, ``warn`` otherwise."""
    return "fail" if category in set(fail_on) else "warn"


def parse_fail_on(values: Iterable[str]) -> frozenset[Category]:
    """``--fail-on`` values (comma lists allowed; ``default``, ``all``, ``none``)."""
    out: set[Category] = set()
    for value in values:
        for word in (w.strip().lower() for w in value.split(",")):
            if not word or word == "none":
                continue
            if word == "default":
                out |= DEFAULT_FAIL_ON
            elif word == "all":
                out |= set(Category)
            elif word in Category.__members__.values():
                out.add(Category(word))
            else:
                known = ", ".join(c.value for c in Category)
                raise ValueError(f"unknown --fail-on category {word!r}; known: {known}")
    return frozenset(out)


def link_category(status: str) -> Category | None:
    if status in LINK_FAILING:
        return Category.BROKEN_LINK
    if status == LinkStatus.BLOCKED:
        return Category.BLOCKED_LINK
    return None


def finding_category(finding: Finding) -> Category | None:
    """The problem category of a finding; None for info findings."""
    code = finding.code
    if code == FindingCode.WORK_RETRACTED:
        return Category.RETRACTED
    if code == FindingCode.DOI_NOT_REGISTERED:
        return Category.DOI_MISMATCH
    if code in (FindingCode.TITLE_MISMATCH, FindingCode.AUTHOR_MISMATCH):
        source = str(finding.details.get("source") or "") if finding.details else ""
        return Category.DOI_MISMATCH if source in _DOI_SOURCES else Category.METADATA_MISMATCH
    if code in (FindingCode.DATE_MISMATCH, FindingCode.CONTAINER_MISMATCH):
        return Category.METADATA_MISMATCH
    if code == FindingCode.QUOTE_NOT_FOUND:
        return Category.QUOTE_MISSING
    if code == FindingCode.SOURCE_PREDATES_EVENT:
        return Category.SOURCE_PREDATES_EVENT
    if finding.severity == Severity.ERROR:
        return Category.LINT_ERROR
    if finding.severity == Severity.WARNING:
        return Category.LINT_WARNING
    return None
