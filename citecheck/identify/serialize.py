"""JSON of ``citecheck resolve --format json``: per note, identifiers, page metadata, findings.

Key names are a contract: extend, never rename. ``schema_version`` changes when
a key changes meaning. Works on the NoteResolution objects of citecheck.resolve.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from citecheck.model import IdentifierCheck, WorkRecord

if TYPE_CHECKING:
    from citecheck.resolve import NoteResolution

__all__ = ["RESOLVE_SCHEMA_VERSION", "resolution_to_json", "resolutions_to_json", "summarize"]

RESOLVE_SCHEMA_VERSION = "1"


def record_json(record: WorkRecord | None) -> dict[str, Any] | None:
    return asdict(record) if record is not None else None


def check_json(check: IdentifierCheck) -> dict[str, Any]:
    return {
        "doi": check.doi,
        "found_in": check.found_in,
        "registered": check.registered,
        "agency": check.agency,
        "error": check.error,
        "suggested": check.suggested,
        "confidence": check.confidence,
        "record": record_json(check.record),
    }


def resolution_to_json(res: NoteResolution) -> dict[str, Any]:
    from citecheck.report.serialize import finding_dict

    return {
        "note": res.note,
        "shared_with": res.shared_with,
        "identifiers": [check_json(c) for c in res.identifiers],
        "page_url": res.page_url,
        "page": record_json(res.page),
        "page_error": res.page_error,
        "findings": [finding_dict(f) for f in res.findings],
        "problems": list(res.problems),
    }


def summarize(resolutions: Sequence[NoteResolution]) -> dict[str, Any]:
    """Counts over full notes (ibid notes repeat their full note's lookups)."""
    full = [r for r in resolutions if r.shared_with is None]
    checks = [c for r in full for c in r.identifiers if not c.suggested]
    findings: dict[str, int] = {}
    for r in resolutions:
        for f in r.findings:
            findings[f.code] = findings.get(f.code, 0) + 1
    return {
        "notes": len(resolutions),
        "dois": len({c.doi for c in checks}),
        "registered": sum(c.registered is True for c in checks),
        "not_registered": sum(c.registered is False for c in checks),
        "unresolved": sum(c.registered is None for c in checks),
        "suggestions": sum(c.suggested for r in full for c in r.identifiers),
        "pages": sum(r.page is not None for r in full),
        "findings": dict(sorted(findings.items())),
    }


def resolutions_to_json(
    resolutions: Sequence[NoteResolution], problems: Sequence[str] = ()
) -> dict[str, Any]:
    """``{"schema_version", "notes": [...], "summary": {...}, "problems": [...]}``."""
    return {
        "schema_version": RESOLVE_SCHEMA_VERSION,
        "notes": [resolution_to_json(r) for r in resolutions],
        "summary": summarize(resolutions),
        "problems": list(problems),
    }
