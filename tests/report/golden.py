"""Golden-file comparison: CITECHECK_UPDATE_GOLDEN=1 rewrites the files instead."""

from __future__ import annotations

import os

from tests.conftest import FIXTURES

GOLDEN_DIR = FIXTURES / "report"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN_DIR / name
    if os.environ.get("CITECHECK_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"{path} is missing: run with CITECHECK_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from the golden file (CITECHECK_UPDATE_GOLDEN=1)"
