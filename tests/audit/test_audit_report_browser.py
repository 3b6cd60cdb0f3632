"""The audit HTML report in headless Chromium: it renders (chart included), asks
the network for nothing, logs no console error or CSP violation."""

from __future__ import annotations

from pathlib import Path

from citecheck.audit.report import write_reports
from citecheck.audit.store import open_store
from tests.audit.test_audit_report import db  # noqa: F401  (the filled database fixture)
from tests.conftest import require
from tests.report.browser import Browser, chromium_path


def test_audit_report_renders_offline_without_errors(db: Path, tmp_path: Path) -> None:  # noqa: F811
    binary = chromium_path()
    require(binary is not None, "Chromium (/usr/bin/chromium)")
    assert binary is not None
    with open_store(db, readonly=True) as store:
        write_reports(store, tmp_path, formats=["html"], lang="tr")
    page_path = tmp_path / "audit-report.html"
    browser = Browser(binary)
    try:
        page = browser.open(page_path.resolve().as_uri())
        assert page.run.other_requests() == [], "the report asked the network for something"
        assert page.run.errors == []
        assert page.run.dialogs == []
        assert page.eval("document.documentElement.lang") == "tr"
        assert page.eval("document.querySelectorAll('#by-year svg g.bar').length") == 3
        # the chart is laid out (not collapsed by CSP or CSS): bars have height on screen
        height = page.eval(
            "document.querySelector('#by-year svg g.bar rect.dead').getBoundingClientRect().height"
        )
        assert height > 10
        assert page.eval("document.querySelectorAll('#dead tbody tr').length") == 1
        assert "Kesin ölü bağlantılar" in page.eval("document.body.innerText")
        assert page.eval("document.querySelectorAll('script').length") == 0
        page.close()
    finally:
        browser.close()
