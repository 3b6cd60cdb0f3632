"""The real pipeline's report of the example article (replayed from its WARC, no
network) fits the contract and renders in every format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from citecheck.report.json_report import report_to_json
from citecheck.report.junit import render_junit
from citecheck.report.markdown import render_markdown
from citecheck.report.schema import validate_report
from tests.conftest import FIXTURES, SEED_ARTICLE

WARC = FIXTURES / "demo" / "avim-blog-33-sources.warc.gz"


@pytest.fixture(scope="module")
def seed_report():
    if not WARC.exists():
        pytest.skip("the demo WARC is not in this checkout")
    from citecheck.check import CheckSettings, run_check

    return run_check(str(SEED_ARTICLE), CheckSettings(archive=Path(WARC), embedder="none"))


def test_seed_report_validates(seed_report):
    data = json.loads(report_to_json(seed_report))
    assert validate_report(data) == []
    assert data["summary"]["notes"] == len(seed_report.document.notes) > 0
    numbers = [n["number"] for n in data["notes"]]
    assert numbers == sorted(numbers)


def test_seed_report_renders(seed_report):
    md = render_markdown(seed_report)
    assert md.startswith("# Kaynak denetimi: ")  # the article is Turkish
    root = ET.fromstring(render_junit(seed_report).encode("utf-8"))
    assert int(root.get("tests")) == len(seed_report.notes) + 1
