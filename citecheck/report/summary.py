"""What a Report means for the editor: problems, counts and the pass/warn/fail status.

Pure functions over :class:`citecheck.model.Report`; every rendering (JSON, HTML,
Markdown, JUnit) and the exit code of ``citecheck check`` read them, so they all
agree.

Problems
    :func:`problems` turns a report into a flat list of :class:`Problem`, each
    with one :class:`Category` from a stable vocabulary (part of the JSON
    contract: add, never rename):

    ``broken_link``            a cited URL a reader does not get: ``codes.LINK_FAILING``
                               (broken, soft_404, server_error, timeout, dns_error,
                               tls_error, connection_error, invalid_url, private_address)
    ``blocked_link``           a bot wall or login (``blocked``): a person must click it
    ``contradicted``           the source says otherwise (verdict)
    ``not_found``              the source was read and does not say it (verdict)
    ``partially_supported``    some facts of the claim found, others not (verdict)
    ``unverifiable``           no source text to check against (verdict)
    ``quote_missing``          a quotation of the claim is not in the source
    ``drifted``                the archived copy supports the claim, the live page no longer
    ``source_predates_event``  the source was published before the event the claim reports
    ``doi_mismatch``           ``doi_not_registered``; a title/author mismatch against a
                               DOI record (doi.org, Crossref, DataCite)
    ``metadata_mismatch``      a title/author mismatch against the cited page's own
                               metadata; any date/container mismatch
    ``retracted``              ``work_retracted``
    (``quote_missing`` and ``source_predates_event`` also come from the findings
    ``quote_not_found``/``source_predates_event``; a note's finding is not counted
    again when its claim check already reports the same category.)
    ``lint_error``             any other finding of severity ``error``
    ``lint_warning``           any other finding of severity ``warning`` (info findings
                               such as ``missing_access_date`` are not problems)
    ``check_failed``           a step of the check failed (a note's stage, a claim's
                               verification, the run itself): the result is incomplete

    ``not_checked`` links and claims without a verdict (verification off) are not
    problems.

Status
    :func:`status` is ``fail`` when any problem's category is in ``fail_on``
    (default :data:`DEFAULT_FAIL_ON`: broken_link, contradicted, not_found,
    doi_mismatch, retracted — issue 6's "broken links, contradicted or
    unsupported claims, DOI mismatches", plus retractions), ``warn`` when there is
    any other problem, ``pass`` otherwise. :func:`worst_for_note` names the most
    serious category of one note (fail_on categories first, then
    :data:`CATEGORY_ORDER`), used to colour its footnote marker.

Ignore (``--ignore``)
    :class:`Ignore` is parsed from patterns, each one of: a problem category, a
    finding code, a link status, a verdict label (same as its category),
    ``note:N`` or ``note:N-M`` (note numbers), or a URL pattern (anything with
    ``/``, ``.`` or a glob character; ``url:`` forces it). A URL pattern with
    ``*``/``?``/``[`` is an fnmatch glob on the URL as cited, normalized or
    final; without one it is a host (matching its subdomains too) or a URL
    prefix. Ignored problems are dropped, and ignored links, findings and claims
    leave the counts of :func:`summarize`; the report data itself is kept.
    An unknown plain word is a :class:`ValueError` (a usage error for the CLI).
"""

from __future__ import annotations

import fnmatch
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from citecheck.codes import FindingCode, LinkStatus, Severity
from citecheck.model import Claim, ClaimCheck, Finding, LinkCheck, NoteReport, Report
from citecheck.report.categories import (
    CATEGORY_ORDER,
    CATEGORY_RANK,
    CLAIM_FINDINGS,
    DEFAULT_FAIL_ON,
    NOT_VERIFIED,
    VERDICT_CATEGORY,
    Category,
    Problem,
    finding_category,
    level,
    link_category,
    parse_fail_on,
)
from citecheck.verify.model import VerdictLabel

__all__ = [
    "CATEGORY_ORDER",
    "DEFAULT_FAIL_ON",
    "NOT_VERIFIED",
    "Category",
    "Ignore",
    "Problem",
    "claim_checks",
    "document_problems",
    "finding_category",
    "level",
    "note_level",
    "note_problems",
    "parse_fail_on",
    "problems",
    "status",
    "summarize",
    "worst_for_note",
]


# ------------------------------------------------------------------------- ignore


_NOTE_RE = re.compile(r"note:(\d+)(?:-(\d+))?\Z", re.IGNORECASE)
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Ignore:
    """Parsed ``--ignore`` patterns; see the module docstring."""

    categories: frozenset[str] = frozenset()
    codes: frozenset[str] = frozenset()  # finding codes and link statuses
    notes: frozenset[int] = frozenset()
    urls: tuple[str, ...] = ()
    patterns: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def parse(cls, patterns: Iterable[str]) -> Ignore:
        cats: set[str] = set()
        codes: set[str] = set()
        notes: set[int] = set()
        urls: list[str] = []
        kept: list[str] = []
        vocab_codes = {c.value for c in FindingCode} | {s.value for s in LinkStatus}
        for raw in patterns:
            pattern = raw.strip()
            if not pattern:
                continue
            kept.append(pattern)
            word = pattern.lower()
            if m := _NOTE_RE.match(word):
                first = int(m.group(1))
                last = int(m.group(2) or first)
                if last < first or last - first > 10_000:
                    raise ValueError(f"bad note range in --ignore {pattern!r}")
                notes.update(range(first, last + 1))
            elif word.startswith("url:"):
                urls.append(pattern[4:].strip())
            elif word in Category.__members__.values():
                cats.add(word)
            elif word in vocab_codes:
                codes.add(word)
            elif word in VerdictLabel.__members__.values():  # "supported": nothing to ignore
                cats.add(word)
            elif "/" in pattern or "." in pattern or _GLOB_CHARS & set(pattern):
                urls.append(pattern)
            else:
                raise ValueError(
                    f"unknown --ignore pattern {pattern!r}: expected a problem category, "
                    "a finding code, a link status, note:N or a URL pattern"
                )
        return cls(frozenset(cats), frozenset(codes), frozenset(notes), tuple(urls), tuple(kept))

    def __bool__(self) -> bool:
        return bool(self.categories or self.codes or self.notes or self.urls)

    def url(self, *urls: str | None) -> bool:
        return any(_url_matches(p, u) for p in self.urls for u in urls if u)

    def link(self, link: LinkCheck, note: int | None = None) -> bool:
        category = link_category(link.status)
        return (
            (note is not None and note in self.notes)
            or link.status in self.codes
            or (category is not None and category in self.categories)
            or self.url(link.url, link.normalized_url, link.final_url)
        )

    def finding(self, finding: Finding) -> bool:
        category = finding_category(finding)
        return (
            (finding.note is not None and finding.note in self.notes)
            or finding.code in self.codes
            or (category is not None and category in self.categories)
        )

    def problem(self, problem: Problem) -> bool:
        return (
            problem.category in self.categories
            or problem.code in self.codes
            or (problem.note is not None and problem.note in self.notes)
            or self.url(problem.url)
        )


NO_IGNORE = Ignore()


def _url_matches(pattern: str, url: str) -> bool:
    if _GLOB_CHARS & set(pattern):
        return fnmatch.fnmatchcase(url.lower(), pattern.lower())
    pattern = pattern.lower()
    if "/" not in pattern:  # a host: example.com also covers www.example.com
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return False
        return host == pattern or host.endswith("." + pattern)
    return url.lower().startswith(pattern)


# ----------------------------------------------------------------------- problems


def claim_checks(note_report: NoteReport) -> list[ClaimCheck]:
    """The note's claim checks, plus unchecked claims of the note as bare checks.

    The pipeline may verify only some claims (or none: verification off); the
    report still lists every claim of the note, in the order the checks came.
    """
    checks = list(note_report.claims)
    seen = [c.claim for c in checks]
    for claim in note_report.note.claims:
        if not any(_same_claim(claim, s) for s in seen):
            checks.append(ClaimCheck(claim=claim))
    return checks


def _same_claim(a: Claim, b: Claim) -> bool:
    return (a.paragraph, a.start, a.end, a.text) == (b.paragraph, b.start, b.end, b.text)


def _link_message(link: LinkCheck) -> str:
    http = f" (HTTP {link.http_status})" if link.http_status else ""
    reason = f": {link.reason}" if link.reason else ""
    return f"{link.url} is {link.status}{http}{reason}"


def _claim_problems(check: ClaimCheck, note: int, index: int) -> list[Problem]:
    out: list[Problem] = []
    url = check.source.url if check.source else None
    verdict = check.verdict
    if verdict is not None and verdict.label in VERDICT_CATEGORY:
        reason = f": {verdict.reason}" if verdict.reason else ""
        out.append(
            Problem(
                VERDICT_CATEGORY[verdict.label],
                note,
                f"claim {index + 1} is {verdict.label}{reason}",
                verdict.label,
                url,
                index,
            )
        )
    for quote in check.quotes:
        if quote.status == "missing":
            q = Category.QUOTE_MISSING
            out.append(
                Problem(q, note, f"quotation not in the source: “{quote.quote}”", q, url, index)
            )
    if check.temporal is not None:
        t = Category.SOURCE_PREDATES_EVENT
        out.append(Problem(t, note, check.temporal.message, t, url, index))
    if check.drifted:
        d = Category.DRIFTED
        where = check.archived_source.url if check.archived_source else None
        msg = "the archived copy supports the claim; the live page no longer does"
        out.append(Problem(d, note, msg + (f" ({where})" if where else ""), d, url, index))
    c = Category.CHECK_FAILED
    out.extend(Problem(c, note, f"claim {index + 1}: {p}", c, url, index) for p in check.problems)
    return out


def note_problems(note_report: NoteReport, ignore: Ignore = NO_IGNORE) -> list[Problem]:
    """Problems of one note, in a stable order: links, findings, claims, failed stages."""
    n = note_report.note.number
    out: list[Problem] = []
    for link in note_report.links:
        category = link_category(link.status)
        if category is not None:
            out.append(Problem(category, n, _link_message(link), link.status, link.url))
    from_claims = [
        p for i, check in enumerate(claim_checks(note_report)) for p in _claim_problems(check, n, i)
    ]
    claim_categories = {p.category for p in from_claims}
    for f in note_report.findings:
        category = finding_category(f)
        # The pipeline also records quote/temporal results as findings; the claim's
        # own problem (which knows the claim) stands for them.
        if category is None or (category in CLAIM_FINDINGS and category in claim_categories):
            continue
        url = f.details.get("url") if f.details else None
        out.append(Problem(category, n, f.message, f.code, url if isinstance(url, str) else None))
    out.extend(from_claims)
    c = Category.CHECK_FAILED
    out.extend(Problem(c, n, p, c) for p in note_report.problems)
    return [p for p in out if not ignore.problem(p)]


def document_problems(report: Report, ignore: Ignore = NO_IGNORE) -> list[Problem]:
    """Problems outside any note report: document findings, then the run's own trouble."""
    out: list[Problem] = []
    for f in report.findings:
        category = finding_category(f)
        if category is not None:
            out.append(Problem(category, f.note, f.message, f.code))
    c = Category.CHECK_FAILED
    out.extend(Problem(c, None, p, c) for p in report.problems)
    return [p for p in out if not ignore.problem(p)]


def problems(report: Report, ignore: Ignore = NO_IGNORE) -> list[Problem]:
    """Every problem of the report: notes in order, then :func:`document_problems`."""
    out = [p for nr in report.notes for p in note_problems(nr, ignore)]
    return out + document_problems(report, ignore)


def _worst(found: Sequence[Problem], fail_on: Iterable[str]) -> str | None:
    if not found:
        return None
    failing = set(fail_on)
    return min(
        (p.category for p in found),
        key=lambda c: (c not in failing, CATEGORY_RANK.get(c, len(CATEGORY_RANK)), c),  # type: ignore[call-overload]
    )


def worst_for_note(
    note_report: NoteReport,
    fail_on: Iterable[str] = DEFAULT_FAIL_ON,
    ignore: Ignore = NO_IGNORE,
) -> str | None:
    """The most serious problem category of a note (fail_on first), None when clean."""
    return _worst(note_problems(note_report, ignore), fail_on)


def note_level(
    note_report: NoteReport,
    fail_on: Iterable[str] = DEFAULT_FAIL_ON,
    ignore: Ignore = NO_IGNORE,
) -> str:
    """``fail``/``warn``/``ok`` for one note (the colour of its marker)."""
    worst = worst_for_note(note_report, fail_on, ignore)
    return "ok" if worst is None else level(worst, fail_on)


def status(
    report: Report,
    fail_on: Iterable[str] = DEFAULT_FAIL_ON,
    ignore: Ignore = NO_IGNORE,
    *,
    found: Sequence[Problem] | None = None,
) -> str:
    """``pass`` | ``warn`` | ``fail`` (``found``: problems already computed)."""
    found = problems(report, ignore) if found is None else found
    failing = set(fail_on)
    if any(p.category in failing for p in found):
        return "fail"
    return "warn" if found else "pass"


# ------------------------------------------------------------------------- counts


def _unique_links(report: Report, ignore: Ignore) -> list[LinkCheck]:
    """Each cited URL once (by normalized URL), skipping ignored notes and links."""
    seen: dict[str, LinkCheck] = {}
    for nr in report.notes:
        for link in nr.links:
            key = link.normalized_url or link.url
            if key not in seen and not ignore.link(link, nr.note.number):
                seen[key] = link
    return list(seen.values())


def summarize(
    report: Report,
    fail_on: Iterable[str] = DEFAULT_FAIL_ON,
    ignore: Ignore = NO_IGNORE,
) -> dict[str, Any]:
    """The summary block of the JSON report (key order fixed, zero counts kept).

    ``links`` counts each cited URL once; ``verdicts`` counts claims (including
    ``not_verified``); ``findings`` counts severities and ``finding_codes`` codes
    over note and document findings; ``problems`` counts problem occurrences (a
    dead URL cited by two notes is two problems).
    """
    fail_on = frozenset(fail_on)
    found = problems(report, ignore)

    links = Counter(link.status for link in _unique_links(report, ignore))

    verdicts: Counter[str] = Counter()
    for nr in report.notes:
        if nr.note.number in ignore.notes:
            continue
        for check in claim_checks(nr):
            label = check.verdict.label if check.verdict is not None else NOT_VERIFIED
            if label in ignore.categories:
                continue
            verdicts[label] += 1

    findings = [
        f
        for nr in report.notes
        if nr.note.number not in ignore.notes
        for f in nr.findings
        if not ignore.finding(f)
    ]
    findings += [f for f in report.findings if not ignore.finding(f)]
    severities = Counter(f.severity for f in findings)
    codes = Counter(f.code for f in findings)
    categories = Counter(p.category for p in found)

    return {
        "status": status(report, fail_on, found=found),
        "fail_on": sorted(fail_on, key=lambda c: CATEGORY_RANK.get(c, len(CATEGORY_RANK))),  # type: ignore[arg-type]
        "ignore": list(ignore.patterns),
        "notes": len(report.notes),
        "notes_with_problems": len({p.note for p in found if p.note is not None}),
        "claims": sum(verdicts.values()),
        "links": {s.value: links.get(s.value, 0) for s in LinkStatus},
        "verdicts": {
            **{v.value: verdicts.get(v.value, 0) for v in VerdictLabel},
            NOT_VERIFIED: verdicts.get(NOT_VERIFIED, 0),
        },
        "findings": {s.value: severities.get(s.value, 0) for s in Severity},
        "finding_codes": dict(sorted(codes.items())),
        "problems": {c.value: categories.get(c.value, 0) for c in CATEGORY_ORDER},
    }
