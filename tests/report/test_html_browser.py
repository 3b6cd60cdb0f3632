"""The HTML report in a real headless Chromium, watched through the DevTools protocol.

Proves what unit tests cannot: the page renders, loads nothing from anywhere,
logs no console error or CSP violation, its filters work without scripts, its
print layout shows every card, and a hostile report stays text (no dialog, no
injected element). One browser serves the whole module (~2 s to start).
"""

from __future__ import annotations

import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from citecheck.report.html import render_html
from citecheck.report.json_report import report_to_dict
from tests.conftest import require
from tests.report.browser import Browser, Page, chromium_path
from tests.report.test_html_samples import (
    BODY_SCRIPT,
    IMG,
    SCRIPT,
    hostile_report,
    realistic_report,
)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    binary = chromium_path()
    require(binary is not None, "Chromium (/usr/bin/chromium)")
    assert binary is not None
    b = Browser(binary)
    try:
        yield b
    finally:
        b.close()


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html-report")
    (out / "realistic.html").write_text(
        render_html(report_to_dict(realistic_report())), encoding="utf-8"
    )
    (out / "hostile.html").write_text(
        render_html(report_to_dict(hostile_report()), "tr"), encoding="utf-8"
    )
    return out


def open_page(browser: Browser, path: Path, **kw: object) -> Page:
    return browser.open(path.resolve().as_uri(), **kw)  # type: ignore[arg-type]


def keep_screenshot(shot: Path) -> None:
    """Copy a screenshot to CITECHECK_SCREENSHOT_DIR when set (for people to look at)."""
    target = os.environ.get("CITECHECK_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(target) / shot.name)


def test_report_renders_quietly_and_offline(
    browser: Browser, report_dir: Path, tmp_path: Path
) -> None:
    page = open_page(browser, report_dir / "realistic.html")
    try:
        assert page.eval("document.querySelectorAll('article.card').length") == 17
        assert page.eval("document.querySelectorAll('.article sup a.m').length") == 17
        assert page.eval("document.documentElement.lang") == "tr"
        assert "Düzeltilmesi gereken sorunlar var" in page.eval("document.body.innerText")
        assert page.run.requests == [page.run.url], "the report asked for something else"
        assert page.run.errors == [], page.run.errors
        assert page.run.dialogs == []
        # The first screen: summary and the start of the article.
        shot = page.screenshot(tmp_path / "citecheck-report-tr.png", max_height=4000)
    finally:
        page.close()
    data = shot.read_bytes()
    assert data.startswith(PNG_MAGIC) and len(data) > 20_000
    keep_screenshot(shot)


def test_hostile_report_stays_text(browser: Browser, report_dir: Path, tmp_path: Path) -> None:
    page = open_page(browser, report_dir / "hostile.html")
    try:
        assert page.run.dialogs == [], "an alert() from the payload ran"
        assert page.run.requests == [page.run.url]
        assert page.run.errors == [], page.run.errors
        counts = page.eval(
            "['script', 'img', 'iframe', 'object', 'embed']"
            ".map(t => document.getElementsByTagName(t).length)"
        )
        assert counts == [0, 0, 0, 0, 0]
        handlers = page.eval(
            "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
            ".filter(a => a.name.startsWith('on')).length"
        )
        assert handlers == 0
        hrefs = page.eval("[...document.querySelectorAll('a[href]')].map(a => a.href)")
        assert all(h.startswith(("http://", "https://", "file://")) for h in hrefs), hrefs
        text = page.eval("document.body.innerText")
        for literal in (SCRIPT, IMG, BODY_SCRIPT, "javascript:alert(1)", "[U+202E]"):
            assert literal in text, literal
        assert "\u202e" not in text
        assert page.eval("document.querySelectorAll('article.card').length") == 2
        shot = page.screenshot(tmp_path / "citecheck-report-hostile.png", max_height=3000)
    finally:
        page.close()
    assert shot.read_bytes().startswith(PNG_MAGIC)
    keep_screenshot(shot)


VISIBLE_CARDS = (
    "[...document.querySelectorAll('article.card')]"
    ".filter(c => getComputedStyle(c).display !== 'none').map(c => c.id)"
)


def test_filters_work_without_scripts(browser: Browser, report_dir: Path) -> None:
    page = open_page(browser, report_dir / "realistic.html")
    try:
        assert len(page.eval(VISIBLE_CARDS)) == 17  # everything shows at first
        page.eval("document.querySelector('label[for=f-broken_link]').click()")
        assert page.eval(VISIBLE_CARDS) == ["note-17"]
        page.eval("document.querySelector('label[for=f-any]').click()")
        flagged = page.eval(VISIBLE_CARDS)
        assert "note-7" in flagged and "note-1" not in flagged and len(flagged) < 17
        page.eval("document.querySelector('label[for=f-all]').click()")
        assert len(page.eval(VISIBLE_CARDS)) == 17
        assert page.run.errors == []
    finally:
        page.close()


def test_phone_width_needs_no_sideways_scrolling(browser: Browser, report_dir: Path) -> None:
    page = open_page(browser, report_dir / "realistic.html", width=360)
    try:
        assert page.eval("document.documentElement.scrollWidth") <= 360
    finally:
        page.close()


def test_print_layout_shows_every_card(browser: Browser, report_dir: Path) -> None:
    page = open_page(browser, report_dir / "realistic.html", media="print")
    try:
        page.eval("document.querySelector('#f-broken_link').checked = true")
        assert len(page.eval(VISIBLE_CARDS)) == 17
        assert page.eval("getComputedStyle(document.querySelector('.filters')).display") == "none"
        after = page.eval(
            "getComputedStyle(document.querySelector('a.url:not(.shown-url)'), '::after').content"
        )
        assert "https://" in after  # a titled link prints its address
    finally:
        page.close()


class _CountingHandler(http.server.SimpleHTTPRequestHandler):
    seen: list[str]

    def log_message(self, format: str, *args: object) -> None:  # keep pytest output clean
        pass

    def do_GET(self) -> None:
        self.seen.append(self.path)
        super().do_GET()


def test_served_report_asks_for_nothing_else(browser: Browser, report_dir: Path) -> None:
    """Over HTTP a browser would fetch /favicon.ico and anything referenced: the loopback
    server must see exactly one request."""
    seen: list[str] = []
    handler = type(
        "Handler",
        (_CountingHandler,),
        {"seen": seen, "__init__": _handler_init(str(report_dir))},
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/realistic.html"
        page = browser.open(url)
        try:
            assert page.eval("document.querySelectorAll('article.card').length") == 17
            assert page.run.errors == []
        finally:
            page.close()
    finally:
        server.shutdown()
        server.server_close()
    assert seen == ["/realistic.html"]


def _handler_init(directory: str):
    def init(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        http.server.SimpleHTTPRequestHandler.__init__(self, *args, directory=directory, **kwargs)

    return init


def test_harness_sees_violations(browser: Browser, tmp_path: Path) -> None:
    """The checks above can fail: a page that loads, scripts and alerts is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!doctype html><html><head>"
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
        '</head><body><img src="http://127.0.0.1:9/x.png"><script>alert(1)</script>'
        "</body></html>",
        encoding="utf-8",
    )
    page = open_page(browser, bad)
    try:
        assert "http://127.0.0.1:9/x.png" in page.run.other_requests()
        assert any("Content Security Policy" in e for e in page.run.errors)
    finally:
        page.close()
    unsafe = tmp_path / "unsafe.html"
    unsafe.write_text("<!doctype html><script>alert('hi')</script>", encoding="utf-8")
    page = open_page(browser, unsafe)
    try:
        assert page.run.dialogs == ["hi"]
    finally:
        page.close()
