"""Compare a work as cited (note citation, bibliography entry) with a WorkRecord.

Pure: no network, no clock. ``compare_record`` returns findings whose details
carry ``{"field", "cited", "found", "source"}`` (plus ``doi``/``url`` naming
the record), one per disagreeing field:

The agreement rules of each field are in :mod:`citecheck.identify.agree`.

1. title — :func:`~citecheck.notes.similarity.title_similarity` (accent-, case-
   and quote-insensitive; subtitles, ``[ ]`` holes and run-together fields
   tolerated) must reach TITLE_MIN with no content word swapped. A title in
   another language than the record's is *not* a mismatch when the authors and
   the year agree (Turkish notes often translate an English title); with
   nothing else agreeing it is.
2. authors — surnames, order-insensitive, ``Surname, Given`` and ``Given
   Surname`` alike, one letter of spelling tolerated (SURNAME_MIN). A damaged
   one-word name ("Alberto [ ]") may match a given name. Corporate authors are
   compared with the registry's corporate names and publisher; on web pages
   they are not compared (an agency is credited for its own pages, which
   rarely name it the same way).
3. date — see :func:`~citecheck.identify.agree.date_agrees` for the tolerance rules.
4. container — journal, site or book: ``The``, parenthesised acronyms, ISO 4
   abbreviations ("Soc. Evol. Hist."), acronyms ("IEA") and domain names
   ("reuters.com") tolerated; CONTAINER_MIN on the folded names otherwise.
5. pages — the cited page(s) must lie inside the record's page range.
6. updates — retraction/withdrawal/correction notices on record.

Every field is compared only when both sides have it, and a field passes when
any of the cited forms (the note's citation, its bibliography entry) agrees:
a disagreement between note and entry is lint's to report (note_bib_mismatch).
"""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.codes import FindingCode
from citecheck.identify.agree import (
    CONTAINER_MIN,
    DEFAULT_RULES,
    TITLE_MIN,
    CompareRules,
    container_agrees,
    date_agrees,
    instant,
    title_agrees,
    translated,
    unmatched_authors,
)
from citecheck.model import Finding, Work, WorkRecord
from citecheck.notes.findings import finding
from citecheck.notes.pages import outside, parse_pages

__all__ = [
    "CONTAINER_MIN",
    "DEFAULT_RULES",
    "TITLE_MIN",
    "CompareRules",
    "compare_record",
    "container_agrees",
    "date_agrees",
    "metadata_finding",
    "page_findings",
    "title_agrees",
    "update_findings",
]

_SOURCE_NAMES = {
    "doi.org": "the DOI's record at doi.org",
    "crossref": "the Crossref record",
    "datacite": "the DataCite record",
    "page": "the web page",
}


# ---------------------------------------------------------------- the comparison


def metadata_finding(
    code: FindingCode,
    message: str,
    *,
    note: int | None,
    field: str,
    cited: object,
    found: object,
    source: str,
    **extra: object,
) -> Finding:
    """A finding whose details always carry field, cited, found, source (None if absent)."""
    f = finding(code, message, note=note, **extra)
    f.details = {"field": field, "cited": cited, "found": found, "source": source, **f.details}
    return f


def _first(cited: Sequence[Work], attr: str) -> object:
    return next((getattr(w, attr) for w in cited if getattr(w, attr)), None)


def _cited_date(work: Work) -> str | None:
    return work.date or (str(work.year) if work.year else None)


def _show_date(value: str) -> str:
    """ "2025-11-05T16:40:00+00:00" -> "2025-11-05 16:40 UTC"; plain dates unchanged."""
    moment = instant(value)
    if moment is None:
        return value
    offset = moment.strftime("%z")
    zone = "UTC" if offset == "+0000" else f"UTC{offset[:3]}:{offset[3:]}"
    return f"{moment:%Y-%m-%d %H:%M} {zone}"


def _where(record: WorkRecord) -> str:
    return _SOURCE_NAMES.get(record.source, record.source)


def compare_record(
    cited: Sequence[Work],
    record: WorkRecord,
    *,
    note: int | None = None,
    pages: str | None = None,
    rules: CompareRules = DEFAULT_RULES,
) -> list[Finding]:
    """Findings for every field of ``record`` that none of ``cited`` agrees with."""
    cited = [w for w in cited if w is not None]
    ids = {"doi": record.doi, "url": record.url if record.source == "page" else None}
    where = _where(record)
    out: list[Finding] = []

    def add(code: FindingCode, field: str, c: object, f: object, message: str) -> None:
        out.append(
            metadata_finding(
                code, message, note=note, field=field, cited=c, found=f, source=record.source, **ids
            )
        )

    # 1. title
    titles = [w.title for w in cited if w.title]
    if titles and record.title and not any(title_agrees(t, record.title) for t in titles):
        authors_ok = unmatched_authors(_first(cited, "authors") or [], record) == []
        years = [_cited_date(w) for w in cited if _cited_date(w)]
        year_ok = any(date_agrees(y[:4], record.date or str(record.year or "")) for y in years)
        if not (authors_ok and year_ok and translated(titles[0], record.title)):
            add(
                FindingCode.TITLE_MISMATCH,
                "title",
                titles[0],
                record.title,
                f"The title cited, “{titles[0]}”, differs from {where}: “{record.title}”.",
            )
    # 2. authors
    author_lists = [w.authors for w in cited if w.authors]
    if author_lists:
        results = [unmatched_authors(a, record) for a in author_lists]
        if all(r for r in results) and any(r is not None for r in results):
            missing = next(r for r in results if r)
            add(
                FindingCode.AUTHOR_MISMATCH,
                "authors",
                author_lists[0],
                record.authors,
                f"{', '.join(missing)} not among the authors in {where}: "
                f"{'; '.join(record.authors) or 'none given'}.",
            )
    # 3. date
    found_date = record.date or (str(record.year) if record.year else None)
    dates = [_cited_date(w) for w in cited if _cited_date(w)]
    if dates and found_date:
        online_first = record.source != "page" and record.kind == "journal_article"
        verdicts = [
            date_agrees(d, found_date, rules=rules, online_first=online_first)
            or bool(record.modified and date_agrees(d, record.modified, rules=rules))
            for d in dates
        ]
        if not any(verdicts) and any(date_agrees(d, found_date) is not None for d in dates):
            shown = _show_date(found_date)
            if record.modified:
                shown += f" (modified {_show_date(record.modified)})"
            add(
                FindingCode.DATE_MISMATCH,
                "date",
                dates[0],
                found_date,
                f"The note dates the work {dates[0]}; {where} gives {shown}.",
            )
            if record.modified:
                out[-1].details["modified"] = record.modified
    # 4. container
    theirs = [record.container, record.site_name]
    if record.source == "page":
        theirs.append(record.publisher)
    theirs = [t for t in theirs if t]
    containers = [w.container for w in cited if w.container]
    if (
        containers
        and theirs
        and not any(container_agrees(c, t) for c in containers for t in theirs)
    ):
        add(
            FindingCode.CONTAINER_MISMATCH,
            "container",
            containers[0],
            theirs[0],
            f"The note names “{containers[0]}”; {where} gives “{theirs[0]}”.",
        )
    # 5. pages
    out += page_findings(pages, record, note=note)
    # 6. retractions and corrections
    out += update_findings(record, note=note)
    return out


def page_findings(
    pages: str | None, record: WorkRecord, *, note: int | None = None
) -> list[Finding]:
    """PAGE_OUTSIDE_RANGE when the cited page(s) fall outside the record's page range."""
    span = parse_pages(record.pages, single_is_start=True)
    cited = parse_pages(pages)
    bad = outside(cited, span) if span and cited else []
    if not bad:
        return []
    shown = ", ".join(str(p) for p in bad)
    return [
        metadata_finding(
            FindingCode.PAGE_OUTSIDE_RANGE,
            f"The note cites page {shown}, outside the work's pages {record.pages} "
            f"in {_where(record)}.",
            note=note,
            field="pages",
            cited=pages,
            found=record.pages,
            source=record.source,
            doi=record.doi,
            url=record.url if record.source == "page" else None,
        )
    ]


def update_findings(record: WorkRecord, *, note: int | None = None) -> list[Finding]:
    """WORK_RETRACTED / WORK_CORRECTED for the notices on ``record``, each named."""
    out = []
    for u in record.updates:
        kind = u.get("type", "")
        retracted = kind in ("retraction", "withdrawal", "expression_of_concern")
        code = FindingCode.WORK_RETRACTED if retracted else FindingCode.WORK_CORRECTED
        notice = u.get("label") or kind
        bits = ", ".join(x for x in (u.get("doi") and f"doi:{u['doi']}", u.get("date")) if x)
        named = f"{notice} ({bits})" if bits else notice
        if u.get("relation") == "update-to":
            target = f" of doi:{u['doi']}" if u.get("doi") else ""
            message = f"The DOI cited is itself a notice: {notice}{target}; cite the work instead."
        elif kind == "expression_of_concern":
            message = f"An expression of concern is on record for this work: {named}."
        else:
            verb = {"retraction": "retracted", "withdrawal": "withdrawn"}.get(kind, "corrected")
            message = f"The work was {verb}: {named}."
        out.append(
            metadata_finding(
                code,
                message,
                note=note,
                field="updates",
                cited=record.doi,
                found=dict(u),
                source=record.source,
                doi=record.doi,
            )
        )
    return out
