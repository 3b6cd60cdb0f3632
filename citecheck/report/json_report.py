"""The JSON report of ``citecheck check``: the versioned contract every other report reads.

``report_to_dict`` builds plain dicts (key order fixed, so the output diffs
cleanly and golden files are stable); ``report_to_json`` dumps them. The shape
is described by ``schema/report.schema.json`` (see :mod:`citecheck.report.schema`)
and documented in the README. Note, citation, bibliography and finding dicts
are those of ``citecheck notes --format json`` (report/serialize.py), links
those of ``citecheck links`` and identifiers those of ``citecheck resolve``:
one vocabulary across commands.

``SCHEMA_VERSION`` changes its major number when a key is removed or changes
meaning, its minor number when keys are added.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import asdict
from enum import Enum
from pathlib import PurePath
from typing import Any

from citecheck.identify.serialize import check_json, record_json
from citecheck.model import ArchiveSnapshot, Document, NoteReport, Report, SourceInfo
from citecheck.report.serialize import (
    bib_entry_dict,
    claim_dict,
    document_dict,
    finding_dict,
    note_dict,
)
from citecheck.report.summary import (
    DEFAULT_FAIL_ON,
    NO_IGNORE,
    Ignore,
    Problem,
    claim_checks,
    document_problems,
    level,
    note_problems,
    summarize,
    worst_for_note,
)
from citecheck.web.links import link_to_json

__all__ = ["SCHEMA_VERSION", "TOOL_NAME", "report_to_dict", "report_to_json"]

SCHEMA_VERSION = "1.2"
_SURROGATE = re.compile("[\ud800-\udfff]")
TOOL_NAME = "citecheck"


def report_to_dict(
    report: Report,
    fail_on: Iterable[str] = DEFAULT_FAIL_ON,
    ignore: Ignore = NO_IGNORE,
) -> dict[str, Any]:
    """The whole report as JSON-ready dicts (see the module docstring)."""
    fail_on = frozenset(fail_on)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": report.tool_version},
        "generated_at": report.generated_at,
        "settings": _jsonable(report.settings),
        "document": _document(report.document),
        "summary": summarize(report, fail_on, ignore),
        "notes": [_note(nr, fail_on, ignore) for nr in report.notes],
        "findings": [finding_dict(f) for f in report.findings],
        "bibliography": [bib_entry_dict(e) for e in report.document.bibliography],
        "problems": [p.to_dict(fail_on) for p in document_problems(report, ignore)],
    }


def report_to_json(
    report: Report,
    fail_on: Iterable[str] = DEFAULT_FAIL_ON,
    ignore: Ignore = NO_IGNORE,
) -> str:
    """``report_to_dict`` as indented UTF-8 JSON text ending in a newline."""
    data = report_to_dict(report, fail_on, ignore)
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    # A lone surrogate (text decoded with surrogateescape) cannot be written as UTF-8.
    return _SURROGATE.sub("\ufffd", text)


def _document(doc: Document) -> dict[str, Any]:
    out = document_dict(doc)
    out["how_to_cite"] = _jsonable(out["how_to_cite"])
    out["paragraphs"] = [
        {
            "index": p.index,
            "text": p.text,
            "heading": p.heading,
            "markers": [
                {"number": m.number, "label": m.label, "offset": m.offset} for m in p.markers
            ],
        }
        for p in doc.paragraphs
    ]
    return out


def _note(nr: NoteReport, fail_on: frozenset[str], ignore: Ignore) -> dict[str, Any]:
    found = note_problems(nr, ignore)
    out = note_dict(nr.note)
    out["links"] = [_jsonable(link_to_json(link)) for link in nr.links]
    out["identifiers"] = [_jsonable(check_json(c)) for c in nr.identifiers]
    out["page_metadata"] = _jsonable(record_json(nr.page))
    out["findings"] = [_jsonable(finding_dict(f)) for f in nr.findings]
    out["claims"] = [
        _claim(check, [p for p in found if p.claim == i], fail_on)
        for i, check in enumerate(claim_checks(nr))
    ]
    worst = worst_for_note(nr, fail_on, ignore)
    out["status"] = worst or "ok"
    out["level"] = "ok" if worst is None else level(worst, fail_on)
    out["problems"] = [p.to_dict(fail_on) for p in found]
    return out


def _claim(check: Any, found: list[Problem], fail_on: frozenset[str]) -> dict[str, Any]:
    out = claim_dict(check.claim)
    out.update(
        verdict=_verdict(check.verdict),
        source=_source(check.source),
        quotes=[
            {
                "quote": q.quote,
                "start": q.start,
                "end": q.end,
                "status": q.status,
                "similarity": _num(q.similarity, 1),
                "source_start": q.source_start,
                "source_end": q.source_end,
            }
            for q in check.quotes
        ],
        temporal=_jsonable(asdict(check.temporal)) if check.temporal is not None else None,
        archived_verdict=_verdict(check.archived_verdict),
        archived_source=_source(check.archived_source),
        drifted=bool(check.drifted),
        problems=[p.to_dict(fail_on) for p in found],
    )
    return out


def _verdict(verdict: Any) -> dict[str, Any] | None:
    if verdict is None:
        return None
    return {
        "label": str(verdict.label),
        "confidence": _num(verdict.confidence, 3),
        "matched": [str(x) for x in verdict.matched],
        "missing": [str(x) for x in verdict.missing],
        "conflicts": [str(x) for x in verdict.conflicts],
        "facts": [
            {"kind": f.kind, "claim": f.claim, "status": f.status, "source": f.source}
            for f in getattr(verdict, "facts", ())
        ],
        "words": _words(getattr(verdict, "words", None)),
        "reason": verdict.reason,
        "evidence": [
            {
                "text": e.text,
                "start": e.start,
                "end": e.end,
                "lang": e.lang,
                "source_url": e.source_url,
                "score": _num(e.score, 4),
            }
            for e in verdict.evidence
        ],
    }


def _words(words: tuple[int, int] | None) -> dict[str, int] | None:
    """The claim's content words the deciding passage says, of all (None: none read)."""
    return None if words is None else {"said": words[0], "total": words[1]}


def _snapshot(snap: ArchiveSnapshot | None) -> dict[str, Any] | None:
    if snap is None:
        return None
    return {"url": snap.url, "timestamp": snap.timestamp, "source": snap.source}


def _source(info: SourceInfo | None) -> dict[str, Any] | None:
    if info is None:
        return None
    return {
        "url": info.url,
        "title": info.title,
        "language": info.language,
        "published": info.published,
        "kind": info.kind,
        "from_archive": _snapshot(info.from_archive),
        "problem": info.problem,
    }


def _num(value: float | None, digits: int) -> float | None:
    """Rounded for stable output; NaN and infinities (not JSON) become null."""
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), digits)


def _jsonable(value: Any) -> Any:
    """Settings and free-form details made JSON-safe and deterministic.

    Paths become strings, sets sorted lists, enums their values, non-finite
    floats null; anything else unknown its ``str``.
    """
    if value is None or isinstance(value, bool | int | str):
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Enum):
        return _jsonable(value.value)
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((_jsonable(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, PurePath):
        return str(value)
    return str(value)
