"""Golden files: each HTML fixture ``X.html`` beside ``X.expected.json`` (its Document).

Regenerate after a deliberate change with ``CITECHECK_UPDATE_GOLDEN=1 pytest
tests/ingest/test_golden.py`` and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from citecheck.ingest import document_to_dict, load_path
from tests.conftest import FIXTURES

ARTICLES = FIXTURES / "articles"
HTML_FIXTURES = sorted(ARTICLES.glob("*.html"))
UPDATE = os.environ.get("CITECHECK_UPDATE_GOLDEN") == "1"


def golden_dict(path: Path) -> dict[str, object]:
    data = document_to_dict(load_path(path))
    data["source"] = path.name  # the checkout directory is not part of the result
    return data


def test_there_are_html_fixtures() -> None:
    assert len(HTML_FIXTURES) >= 6


@pytest.mark.parametrize("path", HTML_FIXTURES, ids=[p.stem for p in HTML_FIXTURES])
def test_document_matches_golden_file(path: Path) -> None:
    expected_path = path.with_suffix(".expected.json")
    actual = golden_dict(path)
    if UPDATE:
        text = json.dumps(actual, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
        expected_path.write_text(text, encoding="utf-8")
    assert expected_path.exists(), f"run CITECHECK_UPDATE_GOLDEN=1 to create {expected_path.name}"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual == expected
