"""The JSON report: the schema, its vocabularies, determinism, golden file."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from citecheck.codes import CitationKind, FindingCode, LinkStatus, Severity
from citecheck.report.json_report import SCHEMA_VERSION, report_to_dict, report_to_json
from citecheck.report.schema import load_schema, validate_report
from citecheck.report.summary import NOT_VERIFIED, Category, Ignore
from citecheck.verify.model import FACT_KINDS, FACT_STATUSES, VerdictLabel
from tests.report import samples
from tests.report.golden import check_golden


def _roundtrip(report, **kw):
    return json.loads(report_to_json(report, **kw))


def test_schema_is_valid_draft_2020_12():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", sorted(samples.ALL_SAMPLES))
def test_every_sample_validates(name):
    data = _roundtrip(samples.ALL_SAMPLES[name]())
    assert validate_report(data) == []


@pytest.mark.parametrize("name", sorted(samples.ALL_SAMPLES))
def test_validates_with_ignore_and_custom_fail_on(name):
    report = samples.ALL_SAMPLES[name]()
    data = _roundtrip(report, fail_on={"drifted"}, ignore=Ignore.parse(["note:1", "*.example*"]))
    assert validate_report(data) == []


def test_schema_rejects_what_the_contract_forbids():
    data = _roundtrip(samples.small_report())
    data["notes"][0]["links"][0]["status"] = "dead"
    data["summary"]["status"] = "ok"
    data["notes"][1]["surprise"] = 1
    errors = "\n".join(validate_report(data))
    assert "notes/0/links/0/status" in errors
    assert "summary/status" in errors
    assert "surprise" in errors


def _enum(defn):
    return {v for v in defn["enum"] if v is not None}


def test_schema_enums_equal_the_python_vocabularies():
    defs = load_schema()["$defs"]
    assert _enum(defs["link_status"]) == {s.value for s in LinkStatus}
    assert _enum(defs["verdict_label"]) == {v.value for v in VerdictLabel}
    assert _enum(defs["category"]) == {c.value for c in Category}
    assert _enum(defs["severity"]) == {s.value for s in Severity}
    assert _enum(defs["finding_code"]) == {c.value for c in FindingCode}
    assert _enum(defs["citation_kind"]) == {k.value for k in CitationKind}
    assert _enum(defs["fact_kind"]) == set(FACT_KINDS)
    assert _enum(defs["fact_status"]) == set(FACT_STATUSES)


def test_summary_keys_cover_every_vocabulary_value():
    summary = _roundtrip(samples.empty_report())["summary"]
    assert set(summary["links"]) == {s.value for s in LinkStatus}
    assert set(summary["verdicts"]) == {v.value for v in VerdictLabel} | {NOT_VERIFIED}
    assert set(summary["findings"]) == {s.value for s in Severity}
    assert set(summary["problems"]) == {c.value for c in Category}
    assert summary["status"] == "pass" and summary["notes"] == 0


def test_top_level_shape_and_versions():
    data = report_to_dict(samples.small_report())
    assert list(data) == [
        "schema_version",
        "tool",
        "generated_at",
        "settings",
        "document",
        "summary",
        "notes",
        "findings",
        "bibliography",
        "problems",
    ]
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["tool"] == {"name": "citecheck", "version": samples.VERSION}
    assert data["settings"]["formats"] == ["json", "md"]  # tuples become lists


def test_note_entries():
    data = _roundtrip(samples.small_report())
    n2 = data["notes"][1]
    assert n2["number"] == 2 and n2["status"] == "broken_link" and n2["level"] == "fail"
    assert n2["links"][0]["archive"]["timestamp"] == "20251120000000"
    claim = n2["claims"][0]
    assert claim["drifted"] is True
    assert claim["archived_verdict"]["label"] == "supported"
    assert claim["archived_source"]["from_archive"]["source"] == "wayback"
    assert [p["category"] for p in claim["problems"]] == ["unverifiable", "drifted"]
    n3 = data["notes"][2]
    assert n3["identifiers"][0]["record"]["agency"] == "datacite"
    assert n3["claims"][0]["temporal"]["event_date"] == "2025-11-06"
    assert n3["claims"][0]["quotes"][0]["status"] == "missing"
    assert n3["claims"][0]["verdict"]["evidence"][0]["lang"] == "en"
    n4 = data["notes"][3]
    assert n4["claims"][0]["verdict"] is None and n4["level"] == "warn"
    assert data["notes"][0]["status"] == "ok" and data["notes"][0]["problems"] == []
    para = data["document"]["paragraphs"][0]
    assert para["markers"] == [
        {"number": 1, "label": "1", "offset": 73},
        {"number": 2, "label": "2", "offset": len(para["text"])},
    ]
    assert [p["code"] for p in data["problems"]] == ["how_to_cite_mismatch"]


def test_hostile_values_stay_valid_json():
    text = report_to_json(samples.hostile_report())
    data = json.loads(text)
    ev = data["notes"][0]["claims"][0]["verdict"]
    assert ev["confidence"] is None  # NaN is not JSON
    assert ev["evidence"][0]["score"] is None  # nor is infinity
    assert data["settings"]["weird"] == [1, 2]
    assert "\u202e" in data["document"]["title"]  # JSON keeps text as it was; renderers escape


def test_output_is_deterministic():
    assert report_to_json(samples.small_report()) == report_to_json(samples.small_report())


def test_golden_small_json():
    check_golden("small.json", report_to_json(samples.small_report()))


def test_all_failed_note_keeps_every_stage_problem():
    data = _roundtrip(samples.all_failed_report())
    note = data["notes"][0]
    msgs = [p["message"] for p in note["problems"] if p["category"] == "check_failed"]
    assert msgs == [
        "claim 1: verification crashed: ValueError",
        "links: crashed",
        "identify: crashed",
        "source fetch: crashed",
    ]
    assert note["identifiers"][0]["registered"] is None
    assert [p["message"] for p in data["problems"]] == ["cache not writable"]


def test_golden_hostile_json():
    # the hostile sample as JSON: also the input of the HTML report's hostile test
    check_golden("hostile.json", report_to_json(samples.hostile_report()))
