"""Building Finding records: one place that maps a code to its severity."""

from __future__ import annotations

from citecheck.codes import SEVERITY, FindingCode
from citecheck.model import Finding


def finding(
    code: FindingCode,
    message: str,
    *,
    note: int | None = None,
    entry: int | None = None,
    **details: object,
) -> Finding:
    return Finding(
        code=code.value,
        severity=SEVERITY[code].value,
        message=message,
        note=note,
        entry=entry,
        details={k: v for k, v in details.items() if v is not None},
    )
