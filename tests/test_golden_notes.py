"""Golden files for `citecheck notes --format json` on every article fixture.

A change in what the notes stage finds shows up as a diff of
fixtures/golden/<article>.notes.json. Regenerate after checking the diff by eye:

    CITECHECK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden_notes.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from citecheck.pipeline import analyse
from citecheck.report.serialize import notes_report
from tests.conftest import FIXTURES, ROOT

ARTICLES = sorted(
    p for p in (FIXTURES / "articles").iterdir() if p.suffix in {".txt", ".md", ".html", ".docx"}
)
GOLDEN = FIXTURES / "golden"


def _report(path: Path) -> dict:
    data = notes_report(analyse(str(path)))
    data["document"]["source"] = str(path.relative_to(ROOT))  # machine-independent
    return data


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_notes_report_matches_golden(article: Path) -> None:
    golden = GOLDEN / f"{article.name}.notes.json"
    actual = _report(article)
    if os.environ.get("CITECHECK_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert golden.exists(), f"no golden file: run with CITECHECK_UPDATE_GOLDEN=1 ({golden})"
    assert actual == json.loads(golden.read_text("utf-8"))
