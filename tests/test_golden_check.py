"""Golden files for `citecheck check` on the example article replayed from its WARC.

The JSON and Markdown reports of the bundled demo, with the run's time and the
machine-specific paths normalized, must equal fixtures/golden/demo.report.json and
demo.report.{tr,en}.md. A change in any stage (parsing, verdicts, rendering) shows
as a diff to read before regenerating:

    CITECHECK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden_check.py
"""

from __future__ import annotations

import json
import os
from dataclasses import replace

import pytest

from citecheck.check import CheckSettings, run_check
from citecheck.report.json_report import report_to_dict
from citecheck.report.markdown import render_markdown
from tests.conftest import FIXTURES, ROOT, SEED_ARTICLE

GOLDEN = FIXTURES / "golden"
DEMO_WARC = FIXTURES / "demo" / "avim-blog-33-sources.warc.gz"
FIXED_TIME = "2026-01-01T00:00:00+00:00"
UPDATE = os.environ.get("CITECHECK_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def demo():
    # Embeddings off: the golden file must not depend on which optional backend is
    # installed (the verdicts with embeddings are covered by tests/test_check.py).
    settings = CheckSettings(archive=DEMO_WARC.relative_to(ROOT), embedder="none")
    cwd = os.getcwd()
    os.chdir(ROOT)  # relative paths in the report, whatever the checkout's location
    try:
        report = run_check(str(SEED_ARTICLE.relative_to(ROOT)), settings)
    finally:
        os.chdir(cwd)
    for note in report.notes:  # "not checked" links still carry the time of the run
        for link in note.links:
            link.checked_at = FIXED_TIME
    return replace(report, generated_at=FIXED_TIME)


def _compare(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file: run with CITECHECK_UPDATE_GOLDEN=1 ({path})"
    assert actual == path.read_text(encoding="utf-8")


def test_demo_json_report_matches_golden(demo) -> None:
    data = report_to_dict(demo)
    _compare("demo.report.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_demo_markdown_report_matches_golden(demo, lang: str) -> None:
    _compare(f"demo.report.{lang}.md", render_markdown(demo, lang))
