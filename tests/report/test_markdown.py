"""The Markdown report: escaping of hostile text, structure, golden files."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from citecheck.report.markdown import md_link, md_text, render_markdown
from citecheck.report.summary import Ignore
from tests.report import samples
from tests.report.golden import check_golden

OUR_TAGS = {"<details>", "</details>", "<summary>", "</summary>"}


def _html(md: str) -> str:
    # CommonMark with raw HTML allowed, as GitHub renders comments: anything the
    # page injected would show up here as a tag.
    return (
        MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough").render(md)
    )


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_golden_small(lang):
    check_golden(f"small.{lang}.md", render_markdown(samples.small_report(), lang=lang))


def test_language_defaults_to_the_article():
    report = samples.small_report()
    assert render_markdown(report) == render_markdown(report, lang="tr")
    report.document.language = "de"  # no German labels: English
    assert render_markdown(report).startswith("# Citation check:")


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_hostile_text_renders_inert(lang):
    md = render_markdown(samples.hostile_report(), lang=lang)
    assert "\u202e" not in md and "\u202c" not in md and "[U+202E" in md
    assert "\x00" not in md and "\x1b" not in md and "\x0b" not in md
    assert set(re.findall(r"<[^>\n]*>", md)) <= OUR_TAGS
    html = _html(md)
    tags = {t.lower() for t in re.findall(r"<\s*([a-zA-Z][a-zA-Z0-9]*)", html)}
    assert tags <= {
        "h1",
        "h2",
        "h3",
        "p",
        "strong",
        "em",
        "ul",
        "ol",
        "li",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "code",
        "blockquote",
        "br",
        "details",
        "summary",
    }, tags
    assert "<script" not in html and "<img" not in html
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    # the only code spans are ours (status and category names)
    codes = re.findall(r"<code>(.*?)</code>", html)
    assert all(re.fullmatch(r"[a-z_0-9]+", c) for c in codes), codes
    # every table row keeps its column count: no injected pipes
    for table in re.findall(r"<table>.*?</table>", html, re.S):
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
        widths = {len(re.findall(r"<t[hd]", r)) for r in rows}
        assert len(widths) == 1, table


def test_hostile_text_is_still_readable():
    html = _html(render_markdown(samples.hostile_report(), lang="en"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text
    assert "[click](javascript:alert(1))" in html  # literal, not a link
    assert "`code`" in html


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a | b", r"a \| b"),
        ("x `y` z", r"x \`y\` z"),
        ("[t](u)", r"\[t\](u)"),
        ("<b>&", "&lt;b&gt;&amp;"),
        ("line\nbreak\ttab", "line break tab"),
        ("ask @octocat about #12", "ask @\u2060octocat about #\u2060" + "12"),
        ("$x$ ~~y~~ *z* _w_", r"\$x\$ \~\~y\~\~ \*z\* \_w\_"),
        ("10.5281/x", "10.5281/x"),  # mid-line: digits and dots stay plain
        (None, ""),
    ],
)
def test_md_text(raw, expected):
    assert md_text(raw) == expected


def test_md_text_line_start_escapes_block_syntax():
    assert md_text("# h", line_start=True) == r"\# h"
    assert md_text("- item", line_start=True) == r"\- item"
    assert md_text("> q", line_start=True) == r"&gt; q"
    assert md_text("1. one", line_start=True) == r"1\. one"
    assert md_text("a" * 50, limit=10) == "a" * 9 + "…"


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://a.example/x(1)", "https://a.example/x%281%29"),
        ("https://tr.example/TÜRK-DEVLETLERİ", "https://tr.example/T%C3%9CRK-DEVLETLER%C4%B0"),
        ("javascript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("/relative", None),
        ("https://a.example/\u202egpj", None),
        ("http://[bad", None),
    ],
)
def test_md_link(url, linked):
    out = md_link(url)
    if linked is None:
        assert "](" not in out
    else:
        assert out.endswith(f"]({linked})")


def test_notes_without_problems_are_collapsed():
    md = render_markdown(samples.small_report(), lang="en")
    details = md[md.index("<details>") :]
    assert "**1.**" in details and "Uranium in Kazakhstan" in details
    assert "### Note 1" not in md
    for n in (2, 3, 4):
        assert f"### Note {n} —" in md


def test_deciding_quote_with_its_language():
    md = render_markdown(samples.small_report(), lang="tr")
    assert "   > Deals worth \\$2 billion were signed.\n   >\n   > — *İngilizce*" in md
    assert "[Arşivlenmiş kopya (2025-11-20)](https://web.archive.org/web/20251120000000/" in md
    assert "Dipnotta “Renewed Western Interest in Central Asia” / DataCite kaydı" in md


def test_ignore_moves_a_note_to_the_clean_list():
    md = render_markdown(samples.small_report(), lang="en", ignore=Ignore.parse(["note:4"]))
    assert "### Note 4" not in md
    assert "**4.**" in md[md.index("<details>") :]


@pytest.mark.parametrize("name", sorted(samples.ALL_SAMPLES))
def test_every_sample_renders_deterministically(name):
    build = samples.ALL_SAMPLES[name]
    assert render_markdown(build(), lang="en") == render_markdown(build(), lang="en")
    assert render_markdown(build(), lang="tr").endswith("\n")


def test_golden_hostile():
    check_golden("hostile.en.md", render_markdown(samples.hostile_report(), lang="en"))
