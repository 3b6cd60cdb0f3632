"""JUnit XML for CI systems: one test case per note.

Shape (read by Jenkins, GitLab, GitHub test reporters, Azure, pytest-style tools)::

    <testsuites name="citecheck" tests failures errors skipped time>
      <testsuite name="<document title>" tests failures errors skipped time timestamp>
        <properties>status, schema_version, tool version, fail_on</properties>
        <testcase name="note N" classname="citecheck.<document>" time>
          <failure type="<worst failing category>" message="…">each failing problem</failure>
          | <skipped message="…"/>
          <system-out>the note text, then every other problem as WARN lines</system-out>
        </testcase>
        <testcase name="document" …/>   document findings and the run's own trouble
      </testsuite>
    </testsuites>

A note fails when it has a problem in ``fail_on`` (one ``<failure>`` per test
case, as most parsers expect; its ``type`` is the most serious failing
category and its text lists them all). A note is skipped when it has no
failing problem and nothing of it could be checked: every link ``not_checked``
and every claim ``unverifiable`` or not verified. ``time`` is the links'
checking time from the report (never the clock). ``errors`` is always 0:
citecheck's own trouble is a ``check_failed`` problem like any other.

Page text may hold characters XML 1.0 forbids (NUL, ESC, U+FFFE …): they
become U+FFFD; bidirectional controls become a visible ``[U+202E]``. The
ElementTree serializer escapes markup.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence

from citecheck.model import NoteReport, Report
from citecheck.report.json_report import SCHEMA_VERSION
from citecheck.report.summary import (
    CATEGORY_ORDER,
    DEFAULT_FAIL_ON,
    NO_IGNORE,
    NOT_VERIFIED,
    Ignore,
    Problem,
    claim_checks,
    document_problems,
    note_problems,
    status,
)

__all__ = ["render_junit", "xml_safe"]

# Not allowed in XML 1.0 documents (C0 controls but tab/LF/CR, surrogates, U+FFFE/FFFF).
_XML_INVALID = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_NOTHING_CHECKED = frozenset({"not_checked", "unverifiable", NOT_VERIFIED})
MAX_MESSAGE = 500  # characters of a message attribute; the element text has all


def xml_safe(value: object, one_line: bool = False) -> str:
    """Text that serializes to well-formed XML 1.0 and shows bidi controls."""
    s = _XML_INVALID.sub("\ufffd", "" if value is None else str(value))
    s = _BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", s)
    if one_line:
        s = " ".join(s.split())
        if len(s) > MAX_MESSAGE:
            s = s[: MAX_MESSAGE - 1] + "…"
    return s


def _rank(category: str, failing: frozenset[str]) -> tuple[bool, int]:
    order = CATEGORY_ORDER.index(category) if category in CATEGORY_ORDER else len(CATEGORY_ORDER)
    return (category not in failing, order)


def _line(p: Problem) -> str:
    return (
        f"{p.category} ({p.code}): {p.message}"
        if p.code != p.category
        else f"{p.category}: {p.message}"
    )


def _case(
    suite: ET.Element,
    name: str,
    classname: str,
    found: Sequence[Problem],
    failing: frozenset[str],
    out_text: str,
    seconds: float,
    skip_reason: str | None,
) -> str:
    """Append a test case; returns its outcome: "failure", "skipped" or "passed"."""
    case = ET.SubElement(suite, "testcase", name=name, classname=classname, time=f"{seconds:.3f}")
    fails = sorted(
        (p for p in found if p.category in failing), key=lambda p: _rank(p.category, failing)
    )
    outcome = "passed"
    if fails:
        worst = fails[0]
        failure = ET.SubElement(
            case, "failure", type=worst.category, message=xml_safe(worst.message, one_line=True)
        )
        failure.text = xml_safe("\n".join(_line(p) for p in fails))
        outcome = "failure"
    elif skip_reason is not None:
        ET.SubElement(case, "skipped", message=skip_reason)
        outcome = "skipped"
    warns = [f"WARN {_line(p)}" for p in found if p.category not in failing]
    text = "\n".join(x for x in (out_text, *warns) if x)
    if text:
        ET.SubElement(case, "system-out").text = xml_safe(text)
    return outcome


def _slug(source: str | None) -> str:
    """ "fixtures/a/blog-33.txt" or "https://x/tr/blog-33/" -> "blog_33": a classname part."""
    path = (source or "").split("?")[0].split("#")[0].rstrip("/")
    stem = path.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem[1:] else stem
    return re.sub(r"[^A-Za-z0-9]+", "_", stem).strip("_").lower() or "document"


def _skip_reason(nr: NoteReport) -> str | None:
    outcomes = [link.status for link in nr.links]
    outcomes += [c.verdict.label if c.verdict else NOT_VERIFIED for c in claim_checks(nr)]
    if outcomes and all(o in _NOTHING_CHECKED for o in outcomes):
        return "nothing of this note could be checked (links not checked, claims unverifiable)"
    return None


def render_junit(
    report: Report,
    fail_on: Iterable[str] = DEFAULT_FAIL_ON,
    ignore: Ignore = NO_IGNORE,
) -> str:
    """The report as a JUnit XML document (UTF-8 text with an XML declaration)."""
    failing = frozenset(fail_on)
    doc = report.document
    title = xml_safe(doc.title or doc.source or "document", one_line=True)
    classname = "citecheck." + _slug(doc.source)
    root = ET.Element("testsuites", name="citecheck")
    suite = ET.SubElement(root, "testsuite", name=title, timestamp=xml_safe(report.generated_at))
    props = ET.SubElement(suite, "properties")
    for key, value in (
        ("status", status(report, failing, ignore)),
        ("schema_version", SCHEMA_VERSION),
        ("tool_version", report.tool_version),
        ("fail_on", ",".join(sorted(failing))),
    ):
        ET.SubElement(props, "property", name=key, value=xml_safe(value, one_line=True))

    outcomes: list[str] = []
    total = 0.0
    for nr in report.notes:
        seconds = sum(link.elapsed_ms for link in nr.links) / 1000
        total += seconds
        found = note_problems(nr, ignore)
        outcomes.append(
            _case(
                suite,
                f"note {nr.note.number}",
                classname,
                found,
                failing,
                nr.note.text,
                seconds,
                _skip_reason(nr),
            )
        )
    outcomes.append(
        _case(
            suite, "document", classname, document_problems(report, ignore), failing, "", 0.0, None
        )
    )

    counts = {
        "tests": str(len(outcomes)),
        "failures": str(outcomes.count("failure")),
        "errors": "0",
        "skipped": str(outcomes.count("skipped")),
        "time": f"{total:.3f}",
    }
    for element in (root, suite):
        for key, value in counts.items():
            element.set(key, value)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
