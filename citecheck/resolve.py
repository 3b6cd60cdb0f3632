"""Identifiers and metadata of every note: the library call behind ``citecheck resolve``.

:func:`resolve_document` takes an analysed Document (notes resolved, linked to
the bibliography) and returns one :class:`NoteResolution` per note:

1. plan: per full note, its DOIs (the note's own text, its doi.org links, its
   bibliography entry — normalized), its first web URL (for page metadata) and,
   for a scholarly work without a DOI, a Crossref query; ibid and short-form
   notes share their full note's plan;
2. run: every distinct DOI, page URL and query once, concurrently through the
   one HTTP client (which keeps the per-host limits); a lookup that fails
   becomes that lookup's error and never stops the others;
3. compare (identify/compare.py, pure): each record with the note's citation
   and bibliography entry; ibid notes only check their own page locator.

:func:`resolutions_to_json` renders the results (the JSON of ``citecheck
resolve --format json``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

from citecheck.codes import FindingCode
from citecheck.identify.compare import (
    DEFAULT_RULES,
    CompareRules,
    compare_record,
    metadata_finding,
    page_findings,
)
from citecheck.identify.serialize import resolutions_to_json
from citecheck.identify.suggest import SCHOLARLY_KINDS, best_candidate, query_terms
from citecheck.model import Document, Finding, IdentifierCheck, Note, Work, WorkRecord
from citecheck.notes.identifiers import find_dois, normalize_doi
from citecheck.web.doi import DoiLookup, Registry, RegistrySettings
from citecheck.web.settings import HttpSettings

__all__ = [
    "NoteResolution",
    "ResolveSettings",
    "resolutions_to_json",
    "resolve_document",
]

log = logging.getLogger(__name__)

_DOI_HOSTS = {"doi.org", "dx.doi.org", "www.doi.org"}

# Called in the caller's thread after each lookup: (done, total, what was looked up).
ProgressCallback = Callable[[int, int, str], None]


@dataclass
class ResolveSettings:
    """Everything ``resolve_document`` needs; the CLI builds one from its options."""

    http: HttpSettings = field(default_factory=HttpSettings)
    registry: RegistrySettings = field(default_factory=RegistrySettings)
    rules: CompareRules = DEFAULT_RULES
    page_metadata: bool = True  # fetch web pages and compare their metadata
    suggestions: bool = True  # propose DOIs for scholarly notes without one
    offline: bool = False  # send no request: identifiers are listed, not resolved


@dataclass
class NoteResolution:
    """Identifiers, page metadata and findings of one note."""

    note: int
    identifiers: list[IdentifierCheck]
    page: WorkRecord | None
    findings: list[Finding]
    page_url: str | None = None  # the URL whose metadata ``page`` is
    page_error: str | None = None  # why there is no ``page`` for ``page_url``
    shared_with: int | None = None  # ibid/short form: the full note resolved for it
    problems: list[str] = field(default_factory=list)  # lookups that failed without a finding


@dataclass
class _Plan:
    note: Note
    dois: list[tuple[str, str]] = field(default_factory=list)  # (doi, found_in)
    page_url: str | None = None
    query: tuple[str, str | None] | None = None
    works: list[Work] = field(default_factory=list)  # citation(s) and bibliography entry


def _doi_of_url(url: str) -> str | None:
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    return normalize_doi(url) if host in _DOI_HOSTS else None


def _plan(note: Note, doc: Document, suggestions: bool) -> _Plan:
    plan = _Plan(note)
    entry = next((e for e in doc.bibliography if e.index == note.bib_entry), None)
    citations = [c for c in note.citations if not c.ibid]
    plan.works = [*citations, *([entry] if entry is not None else [])]
    found: list[tuple[str, str]] = []
    # 1. the note's own text: a doi.org link is found "url", a bare or doi: DOI "note"
    for doi, start, end in find_dois(note.text):
        written = note.text[start:end].lower()
        found.append((doi, "url" if written.startswith(("http", "dx.doi", "doi.org")) else "note"))
    # 2. its citations; its resolved URLs (from the note, or taken from its entry)
    for doi in [*(c.doi for c in citations), note.doi]:
        if doi:
            found.append((doi, "note"))
    for url in note.urls:
        if (doi := _doi_of_url(url)) is not None:
            found.append((doi, "bibliography" if note.url_source == "bibliography" else "url"))
    # 3. the bibliography entry
    seen: set[str] = set()
    for doi, where in found:
        doi = normalize_doi(doi) or doi
        if doi not in seen:
            seen.add(doi)
            plan.dois.append((doi, where))
    plan.page_url = next((u for u in note.urls if _doi_of_url(u) is None), None)
    kind = next((w.kind for w in plan.works if w.kind), None)
    if suggestions and not plan.dois and kind in SCHOLARLY_KINDS and plan.works:
        plan.query = query_terms(plan.works[0])
    return plan


def _works_for(plan: _Plan, *, doi: str | None = None, url: str | None = None) -> list[Work]:
    """The cited forms that describe the work a DOI or URL identifies: those naming it,
    and those naming no other (a note and its entry describe one work)."""
    if doi is not None:
        return [w for w in plan.works if w.doi in (None, doi)] or plan.works
    own = [w for w in plan.works if url in w.urls]
    return own or plan.works


class _Runner:
    """Runs each distinct lookup once on a thread pool; results by key."""

    def __init__(self, registry: Registry, client: Any, progress: ProgressCallback | None) -> None:
        self.registry = registry
        self.client = client
        self.progress = progress
        self.dois: dict[str, DoiLookup] = {}
        self.pages: dict[str, tuple[WorkRecord | None, str | None]] = {}
        self.queries: dict[tuple, tuple[list[WorkRecord], str | None]] = {}

    def run(self, plans: Sequence[_Plan], page_metadata: bool) -> None:
        from citecheck.web.pagemeta import fetch_page_record
        from citecheck.web.urls import normalize_url

        jobs: dict[tuple[str, Any], Callable[[], Any]] = {}
        for p in plans:
            for doi, _ in p.dois:
                jobs.setdefault(("doi", doi), lambda d=doi: self.registry.resolve(d))
            if page_metadata and p.page_url:
                key = normalize_url(p.page_url) or p.page_url
                jobs.setdefault(
                    ("page", key), lambda u=p.page_url: fetch_page_record(self.client, u)
                )
            if p.query:
                jobs.setdefault(("query", p.query), lambda q=p.query: self.registry.query(*q))
        # As many workers as the client lets requests run at once; it keeps the per-host limits.
        limit = getattr(getattr(self.client, "settings", None), "concurrency", None) or 8
        workers = max(1, min(len(jobs), int(limit)))
        done = 0
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="citecheck-id") as pool:
            futures = {pool.submit(job): key for key, job in jobs.items()}
            for fut in as_completed(futures):
                kind, key = futures[fut]
                try:
                    value = fut.result()
                except Exception as exc:  # one failing lookup never stops the others
                    log.exception("%s lookup of %s failed", kind, key)
                    value = _failed(kind, key, exc)
                {"doi": self.dois, "page": self.pages, "query": self.queries}[kind][key] = value
                done += 1
                if self.progress:
                    self.progress(done, len(jobs), f"{kind} {key}")

    def page(self, url: str) -> tuple[WorkRecord | None, str | None]:
        from citecheck.web.urls import normalize_url

        return self.pages.get(normalize_url(url) or url, (None, "not fetched"))


def _failed(kind: str, key: Any, exc: BaseException) -> Any:
    reason = f"citecheck could not look this up ({type(exc).__name__}: {exc})".replace("\n", " ")
    if kind == "doi":
        return DoiLookup(doi=key, error=reason)
    if kind == "page":
        return None, reason
    return [], reason


def _identifier_findings(check: IdentifierCheck, plan: _Plan, rules: CompareRules) -> list[Finding]:
    if check.registered is None or check.registered is False:
        code, message = (
            (FindingCode.DOI_NOT_REGISTERED, f"DOI {check.doi} is not registered")
            if check.registered is False
            else (FindingCode.DOI_UNRESOLVED, f"DOI {check.doi} could not be checked")
        )
        reason = check.error or "no registry gave an answer"
        return [
            metadata_finding(
                code,
                f"{message}: {reason}.",
                note=check.note,
                field="doi",
                cited=check.doi,
                found=None,
                source="registries",
                doi=check.doi,
            )
        ]
    if check.record is None:
        return []
    works = _works_for(plan, doi=check.doi)
    return compare_record(works, check.record, note=check.note, pages=plan.note.pages, rules=rules)


def _resolve_full(plan: _Plan, runner: _Runner, settings: ResolveSettings) -> NoteResolution:
    n = plan.note.number
    res = NoteResolution(note=n, identifiers=[], page=None, findings=[], page_url=plan.page_url)
    for doi, where in plan.dois:
        look = runner.dois.get(doi)
        if look is None:  # offline
            check = IdentifierCheck(note=n, doi=doi, found_in=where, error="not checked (offline)")
        else:
            check = IdentifierCheck(
                note=n,
                doi=doi,
                found_in=where,
                registered=look.registered,
                agency=look.agency,
                record=look.record,
                error=look.error,
            )
            res.findings += _identifier_findings(check, plan, settings.rules)
        res.identifiers.append(check)
    if plan.page_url and settings.page_metadata and not settings.offline:
        res.page, res.page_error = runner.page(plan.page_url)
        if res.page is not None:
            works = _works_for(plan, url=plan.page_url)
            res.findings += compare_record(
                works, res.page, note=n, pages=None, rules=settings.rules
            )
    if plan.query and not settings.offline:
        candidates, error = runner.queries.get(plan.query, ([], "not asked"))
        if error:
            res.problems.append(f"DOI suggestion: {error}")
        best = best_candidate(plan.works[0], candidates)
        if best is not None:
            record, confidence = best
            res.identifiers.append(
                IdentifierCheck(
                    note=n,
                    doi=record.doi or "",
                    found_in="suggestion",
                    registered=True,
                    agency="crossref",
                    record=record,
                    suggested=True,
                    confidence=confidence,
                )
            )
            res.findings.append(
                metadata_finding(
                    FindingCode.DOI_SUGGESTION,
                    f"This work may have DOI {record.doi} (Crossref: “{record.title}”, "
                    f"confidence {confidence:.2f}); check it before adding it.",
                    note=n,
                    field="doi",
                    cited=None,
                    found=record.doi,
                    source="crossref",
                    doi=record.doi,
                    confidence=confidence,
                )
            )
    return res


def _resolve_shared(note: Note, full: NoteResolution, plan: _Plan | None) -> NoteResolution:
    """An ibid/short-form note: the full note's identifiers and page, its own locator checked."""
    res = NoteResolution(
        note=note.number,
        identifiers=[replace(c, note=note.number) for c in full.identifiers],
        page=full.page,
        findings=[],
        page_url=full.page_url,
        page_error=full.page_error,
        shared_with=full.note,
    )
    full_pages = plan.note.pages if plan is not None else None
    if note.pages and note.pages != full_pages:
        for check in res.identifiers:
            if check.record is not None and not check.suggested:
                res.findings += page_findings(note.pages, check.record, note=note.number)
    return res


def resolve_document(
    doc: Document,
    settings: ResolveSettings | None = None,
    *,
    client: Any = None,
    progress: ProgressCallback | None = None,
    problems: list[str] | None = None,
) -> list[NoteResolution]:
    """One NoteResolution per note of ``doc`` (analysed by citecheck.notes), in note order.

    ``client`` is an HttpClient to share (one is made and closed otherwise);
    ``progress(done, total, label)`` is called after each lookup; problems of
    the run itself (an unreadable cache) are appended to ``problems``.
    """
    settings = settings or ResolveSettings()
    by_number = {n.number: n for n in doc.notes}
    shared = {
        n.number: n.ibid_of
        for n in doc.notes
        if n.ibid_of is not None and n.ibid_of in by_number and n.ibid_of != n.number
    }
    plans = {
        n.number: _plan(n, doc, settings.suggestions) for n in doc.notes if n.number not in shared
    }
    own_client = client is None and not settings.offline
    if own_client:
        from citecheck.web.http import HttpClient  # the one client of the program

        client = HttpClient(settings.http)
    registry = Registry(client, settings.registry)
    runner = _Runner(registry, client, progress)
    try:
        if not settings.offline:
            runner.run(list(plans.values()), settings.page_metadata)
    finally:
        if problems is not None:
            problems.extend(registry.problems)
        registry.close()
        if own_client and client is not None:
            client.close()
    full = {num: _resolve_full(plan, runner, settings) for num, plan in plans.items()}
    out = []
    for note in doc.notes:
        if note.number in full:
            out.append(full[note.number])
            continue
        root, visited = shared[note.number], {note.number}
        while root in shared and root not in visited:  # ibid of an ibid (cycles stop)
            visited.add(root)
            root = shared[root]
        base = full.get(root)
        out.append(
            _resolve_shared(note, base, plans.get(root))
            if base is not None
            else NoteResolution(note=note.number, identifiers=[], page=None, findings=[])
        )
    return out
