"""Documents as JSON-ready dicts: the ``citecheck notes --format json`` contract.

Key names are a contract (issue 2): extend, never rename. Every other rendering
(table, later HTML/Markdown) reads the same dicts or the same dataclasses.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from citecheck.model import BibEntry, Citation, Claim, Document, Finding, Note, Work

NOTES_SCHEMA_VERSION = "1"
_WORK_FIELDS = [f.name for f in fields(Work)]


def work_fields(work: Work) -> dict[str, Any]:
    """The bibliographic fields of a Citation or BibEntry, in declaration order."""
    return {name: _plain(getattr(work, name)) for name in _WORK_FIELDS}


def citation_dict(citation: Citation) -> dict[str, Any]:
    out = work_fields(citation)
    out.update(
        raw=citation.raw,
        start=citation.start,
        end=citation.end,
        ibid=citation.ibid,
        ibid_author=citation.ibid_author,
        short_form=citation.short_form,
        problems=list(citation.problems),
    )
    return out


def claim_dict(claim: Claim) -> dict[str, Any]:
    return {
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "paragraph": claim.paragraph,
    }


def note_dict(note: Note) -> dict[str, Any]:
    citations = [citation_dict(c) for c in note.citations]
    return {
        "number": note.number,
        "text": note.text,
        "ibid_of": note.ibid_of,
        "urls": list(note.urls),
        "url_source": note.url_source,
        "doi": note.doi,
        "accessed": note.accessed,
        "pages": note.pages,
        "bib_entry": note.bib_entry,
        # The first cited work; a note citing several works lists them all in "citations".
        "citation": citations[0] if citations else None,
        "citations": citations,
        "bib_score": None if note.bib_score is None else round(note.bib_score, 1),
        "label": note.label,
        "claims": [claim_dict(c) for c in note.claims],
    }


def bib_entry_dict(entry: BibEntry) -> dict[str, Any]:
    out: dict[str, Any] = {
        "index": entry.index,
        "text": entry.text,
        "authors": list(entry.authors),
        "title": entry.title,
        "year": entry.year,
        "urls": list(entry.urls),
        "doi": entry.doi,
    }
    for name, value in work_fields(entry).items():
        out.setdefault(name, value)
    out.update(key=entry.key, container_entry=entry.container_entry, problems=list(entry.problems))
    return out


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity,
        "note": finding.note,
        "message": finding.message,
        "entry": finding.entry,
        "details": _plain(finding.details),
    }


def document_dict(doc: Document) -> dict[str, Any]:
    return {
        "title": doc.title,
        "authors": list(doc.authors),
        "published": doc.published,
        "language": doc.language,
        "kind": doc.kind,
        "number": doc.number,
        "canonical_url": doc.canonical_url,
        "site": doc.site,
        "source": doc.source,
        "format": doc.format,
        "how_to_cite": asdict(doc.how_to_cite) if doc.how_to_cite else None,
    }


def notes_report(doc: Document) -> dict[str, Any]:
    """The whole ``citecheck notes --format json`` output for an analysed document."""
    return {
        "schema_version": NOTES_SCHEMA_VERSION,
        "document": document_dict(doc),
        "notes": [note_dict(n) for n in doc.notes],
        "bibliography": [bib_entry_dict(e) for e in doc.bibliography],
        "findings": [finding_dict(f) for f in doc.findings],
    }


def _plain(value: Any) -> Any:
    """Copy containers so callers can't mutate the document through the dict."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value
