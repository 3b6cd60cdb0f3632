"""JUnit XML: well-formed whatever the page text, counts that CI parsers read."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from citecheck.model import ClaimCheck, LinkCheck, NoteReport
from citecheck.report.junit import render_junit, xml_safe
from citecheck.report.summary import Ignore
from citecheck.verify.model import Verdict
from tests.report import samples


def _parse(report, **kw):
    text = render_junit(report, **kw)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(text.encode("utf-8"))
    suite = root.find("testsuite")
    assert suite is not None
    return root, suite, {c.get("name"): c for c in suite.findall("testcase")}


def _assert_counts_consistent(root, suite):
    cases = suite.findall("testcase")
    for element in (root, suite):
        assert element.get("tests") == str(len(cases))
        assert element.get("failures") == str(sum(c.find("failure") is not None for c in cases))
        assert element.get("skipped") == str(sum(c.find("skipped") is not None for c in cases))
        assert element.get("errors") == "0"
        float(element.get("time"))


@pytest.mark.parametrize("name", sorted(samples.ALL_SAMPLES))
def test_every_sample_is_well_formed_with_consistent_counts(name):
    root, suite, _ = _parse(samples.ALL_SAMPLES[name]())
    _assert_counts_consistent(root, suite)


def test_small_report_cases():
    root, suite, cases = _parse(samples.small_report())
    assert suite.get("name") == "Kritik Mineraller ve Orta Asya"
    assert list(cases) == ["note 1", "note 2", "note 3", "note 4", "document"]
    assert cases["note 1"].find("failure") is None
    assert cases["note 2"].find("failure").get("type") == "broken_link"
    failure = cases["note 3"].find("failure")
    assert failure.get("type") == "contradicted"  # the most serious of two
    assert "doi_mismatch (title_mismatch)" in failure.text
    assert cases["note 4"].find("failure") is None  # blocked: a warning
    assert "WARN blocked_link" in cases["note 4"].find("system-out").text
    assert cases["note 3"].find("system-out").text.startswith("Punit Gaur")
    assert root.get("failures") == "2" and root.get("tests") == "5"
    assert cases["note 1"].get("classname") == "citecheck.sample"
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert props["status"] == "fail"


def test_fail_on_and_ignore_change_failures():
    root, _, cases = _parse(samples.small_report(), fail_on={"blocked_link"})
    assert root.get("failures") == "1"
    assert cases["note 4"].find("failure").get("type") == "blocked_link"
    root, _, _ = _parse(samples.small_report(), ignore=Ignore.parse(["note:2-3"]))
    assert root.get("failures") == "0"


def test_nothing_checkable_is_skipped():
    report = samples.no_links_report()
    nr: NoteReport = report.notes[0]
    nr.links.append(LinkCheck("https://a.example/", "https://a.example/", "not_checked", [1]))
    claim = samples.small_report().notes[0].note.claims[0]
    nr.claims.append(ClaimCheck(claim, Verdict("unverifiable", 1.0, reason="print book")))
    root, suite, cases = _parse(report)
    assert cases["note 1"].find("skipped") is not None
    assert cases["note 1"].find("failure") is None
    _assert_counts_consistent(root, suite)
    # one real outcome makes it a test that ran
    nr.links[0].status = "ok"
    _, _, cases = _parse(report)
    assert cases["note 1"].find("skipped") is None
    # a note with nothing to check (a print book, lint passed) simply passes
    _, _, cases = _parse(samples.no_links_report())
    assert cases["note 1"].find("skipped") is None


def test_hostile_text_survives_as_text():
    _, suite, cases = _parse(samples.hostile_report())
    name = suite.get("name")
    assert "<script>" in name  # escaped in the XML, text again after parsing
    assert "\u202e" not in name and "[U+202E]" in name
    out = cases["note 1"].find("system-out").text
    assert "\x00" not in out and "\x1b" not in out and "\ufffe" not in out
    assert "\n" not in cases["note 1"].find("failure").get("message")
    assert len(cases["note 1"].find("failure").get("message")) <= 500


@pytest.mark.parametrize("char", ["\x00", "\x08", "\x0b", "\x1f", "\ud800", "\ufffe", "\uffff"])
def test_xml_safe_removes_what_xml_forbids(char):
    text = render_junit(_with_note_text(f"a{char}b"))
    ET.fromstring(text.encode("utf-8", "surrogatepass"))
    assert xml_safe(f"a{char}b") == "a\ufffdb"


def _with_note_text(text):
    report = samples.no_links_report()
    report.notes[0].note.text = text
    return report
