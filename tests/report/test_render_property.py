"""Arbitrary page text never breaks the Markdown or JUnit renderings (hypothesis)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from citecheck.report.json_report import report_to_json
from citecheck.report.junit import render_junit
from citecheck.report.markdown import md_text, render_markdown
from tests.report import samples

# Markup-heavy alphabet plus anything Unicode has (controls, surrogates, bidi).
_MARKUP = st.sampled_from(list("<>&\"'`|[]()*_~$#@!\\-+=.:/\n\r\t\x00\x1b\u202e\u2066\ufffe\ud800"))
TEXT = st.lists(st.one_of(_MARKUP, st.characters()), max_size=80).map("".join)
OUR_TAGS = {"<details>", "</details>", "<summary>", "</summary>"}


def _report(text: str):
    report = samples.small_report()
    report.document.title = text
    nr = report.notes[2]
    nr.note.text = text
    nr.claims[0].claim.text = text
    nr.claims[0].verdict.evidence[0].text = text
    nr.claims[0].verdict.conflicts = [text]
    nr.findings[0].details["found"] = text
    report.notes[1].links[0].reason = text
    return report


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_md_text_is_inert(text):
    out = md_text(text)
    assert "\n" not in out and "<" not in out and ">" not in out
    assert not re.search(r"(?<!\\)`", out)  # every backtick escaped
    assert not re.search(r"(?<!\\)\|", out)
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", out)


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_renderings_survive_any_text(text):
    report = _report(text)
    md = render_markdown(report, lang="en")
    assert set(re.findall(r"<[^>\n]*>", md)) <= OUR_TAGS
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    assert not re.search(r"<(script|img|iframe|style)\b", html)
    md.encode("utf-8")  # no lone surrogate left: the files are written as UTF-8
    ET.fromstring(render_junit(report).encode("utf-8"))
    json.loads(report_to_json(report).encode("utf-8"))
