"""summary: problem categories, status under --fail-on, --ignore before counting."""

from __future__ import annotations

import pytest

from citecheck.codes import LINK_FAILING, FindingCode, LinkStatus
from citecheck.model import Finding, LinkCheck, NoteReport
from citecheck.report import summary as s
from citecheck.report.summary import Category, Ignore
from tests.report import samples


def _cats(report, ignore=s.NO_IGNORE):
    return [(p.note, p.category) for p in s.problems(report, ignore)]


def test_small_report_problems_in_order():
    assert _cats(samples.small_report()) == [
        (2, "broken_link"),
        (2, "unverifiable"),
        (2, "drifted"),
        (3, "doi_mismatch"),
        (3, "contradicted"),
        (3, "quote_missing"),
        (3, "source_predates_event"),
        (4, "blocked_link"),
        (4, "lint_warning"),
        (None, "lint_warning"),
    ]


def test_status_follows_fail_on():
    report = samples.small_report()
    assert s.status(report) == "fail"
    assert s.status(report, fail_on=set()) == "warn"
    assert s.status(report, fail_on={Category.BLOCKED_LINK}) == "fail"
    assert s.status(samples.no_links_report()) == "pass"
    assert s.status(samples.empty_report()) == "pass"
    # every stage failed: a timeout is a broken link, the rest is incomplete work
    failed = samples.all_failed_report()
    assert s.status(failed) == "fail"
    assert s.status(failed, fail_on=set()) == "warn"
    assert {p.category for p in s.problems(failed)} == {"broken_link", "check_failed"}


def test_default_fail_on_is_issue_6():
    assert {
        "broken_link",
        "contradicted",
        "not_found",
        "doi_mismatch",
        "retracted",
    } == s.DEFAULT_FAIL_ON


@pytest.mark.parametrize("status", sorted(LinkStatus))
def test_every_link_status_has_a_category_or_none(status):
    link = LinkCheck("https://a.example/", "https://a.example/", status, [1])
    nr = NoteReport(samples.no_links_report().notes[0].note, links=[link])
    cats = [p.category for p in s.note_problems(nr)]
    if status in LINK_FAILING:
        assert cats == ["broken_link"]
    elif status == LinkStatus.BLOCKED:
        assert cats == ["blocked_link"]
    else:
        assert cats == []


@pytest.mark.parametrize(
    ("code", "severity", "details", "category"),
    [
        ("doi_not_registered", "error", {}, "doi_mismatch"),
        ("title_mismatch", "error", {"source": "crossref"}, "doi_mismatch"),
        ("author_mismatch", "warning", {"source": "doi.org"}, "doi_mismatch"),
        ("title_mismatch", "error", {"source": "page"}, "metadata_mismatch"),
        ("date_mismatch", "warning", {"source": "datacite"}, "metadata_mismatch"),
        ("container_mismatch", "warning", {"source": "page"}, "metadata_mismatch"),
        ("work_retracted", "error", {}, "retracted"),
        ("work_corrected", "warning", {}, "lint_warning"),
        ("ibid_no_antecedent", "error", {}, "lint_error"),
        ("missing_access_date", "info", {}, None),
        ("doi_suggestion", "info", {}, None),
        ("some_future_code", "error", {}, "lint_error"),
    ],
)
def test_finding_categories(code, severity, details, category):
    assert s.finding_category(Finding(code, severity, "m", 1, details=details)) == category


def test_every_error_or_warning_code_is_a_problem():
    from citecheck.codes import SEVERITY

    for code, sev in SEVERITY.items():
        cat = s.finding_category(Finding(code.value, sev.value, "m"))
        assert (cat is None) == (sev == "info"), code


def test_claim_findings_are_not_counted_twice():
    report = samples.small_report()
    note3 = report.notes[2]
    cats = [p.category for p in s.note_problems(note3)]
    assert cats.count("quote_missing") == 1 and cats.count("source_predates_event") == 1
    # without the claim check, the findings alone still report the problem
    note3.claims.clear()
    cats = [p.category for p in s.note_problems(note3)]
    assert cats.count("quote_missing") == 1 and cats.count("source_predates_event") == 1


def test_worst_for_note_puts_fail_on_first():
    report = samples.small_report()
    by_number = {nr.note.number: nr for nr in report.notes}
    assert s.worst_for_note(by_number[1]) is None
    assert s.note_level(by_number[1]) == "ok"
    assert s.worst_for_note(by_number[2]) == "broken_link"
    assert s.worst_for_note(by_number[3]) == "contradicted"
    assert s.worst_for_note(by_number[4]) == "blocked_link"
    assert s.note_level(by_number[4]) == "warn"
    # with quote_missing as the only failing category, it outranks a contradiction
    assert s.worst_for_note(by_number[3], fail_on={"quote_missing"}) == "quote_missing"
    assert s.note_level(by_number[3], fail_on={"quote_missing"}) == "fail"


def test_summary_counts():
    out = s.summarize(samples.small_report())
    assert out["status"] == "fail"
    assert out["links"]["ok"] == 1 and out["links"]["broken"] == 1 and out["links"]["blocked"] == 1
    assert sum(out["links"].values()) == 3
    assert out["verdicts"] == {
        "supported": 1,
        "partially_supported": 0,
        "not_found": 0,
        "contradicted": 1,
        "unverifiable": 1,
        "not_verified": 1,
    }
    assert out["findings"] == {"error": 1, "warning": 4, "info": 1}
    assert out["finding_codes"]["title_mismatch"] == 1
    assert out["problems"]["lint_warning"] == 2
    assert out["notes"] == 4 and out["notes_with_problems"] == 3 and out["claims"] == 4


def test_shared_url_counted_once_but_a_problem_per_note():
    report = samples.small_report()
    broken = report.notes[1].links[0]
    report.notes[3].links.append(broken)  # note 4 cites the same dead page
    out = s.summarize(report)
    assert out["links"]["broken"] == 1
    assert out["problems"]["broken_link"] == 2


def test_unchecked_claims_are_listed_not_verified():
    report = samples.small_report()
    report.notes[0].claims.clear()  # verification off for note 1
    checks = s.claim_checks(report.notes[0])
    assert len(checks) == 1 and checks[0].verdict is None
    assert s.summarize(report)["verdicts"]["not_verified"] == 2


# ------------------------------------------------------------------------ ignore


def test_ignore_parse_kinds():
    ign = Ignore.parse(
        ["note:5", "note:7-9", "broken", "ibid_ambiguous", "drifted", "*.gov.tr/*", "url:foo"]
    )
    assert ign.notes == {5, 7, 8, 9}
    assert ign.codes == {"broken", "ibid_ambiguous"}
    assert ign.categories == {"drifted"}
    assert ign.urls == ("*.gov.tr/*", "foo")
    assert not Ignore.parse([]) and not Ignore.parse(["  "])


@pytest.mark.parametrize("bad", ["brokn", "note:9-3", "everything"])
def test_ignore_rejects_unknown_words(bad):
    with pytest.raises(ValueError):
        Ignore.parse([bad])


def test_ignore_by_note_category_code_and_url():
    report = samples.small_report()
    assert (2, "broken_link") not in _cats(report, Ignore.parse(["note:2"]))
    assert all(n != 2 for n, _ in _cats(report, Ignore.parse(["note:2"])))
    cats = _cats(report, Ignore.parse(["lint_warning", "blocked"]))
    assert (4, "lint_warning") not in cats and (4, "blocked_link") not in cats
    assert (None, "lint_warning") not in cats
    # a host covers its paths and subdomains; a glob matches the whole URL
    for pattern in ("news.example", "https://news.example/", "*kz-404"):
        cats = _cats(report, Ignore.parse([pattern]))
        assert (2, "broken_link") not in cats, pattern
        # the claim's problems carry the same source URL, so they go too
        assert (2, "unverifiable") not in cats, pattern
    assert (2, "broken_link") in _cats(report, Ignore.parse(["other.example"]))


def test_ignore_applies_before_counting_and_status():
    report = samples.small_report()
    ign = Ignore.parse(["note:2", "note:3"])
    out = s.summarize(report, ignore=ign)
    assert out["links"]["broken"] == 0 and out["links"]["ok"] == 1
    assert out["verdicts"]["contradicted"] == 0 and out["verdicts"]["unverifiable"] == 0
    assert out["findings"]["error"] == 0
    assert out["status"] == "warn"
    assert out["ignore"] == ["note:2", "note:3"]
    assert s.status(report, ignore=Ignore.parse(["note:2-4", "lint_warning"])) == "pass"


def test_ignore_finding_code_removes_it_from_counts():
    report = samples.small_report()
    out = s.summarize(report, ignore=Ignore.parse(["how_to_cite_mismatch"]))
    assert "how_to_cite_mismatch" not in out["finding_codes"]
    assert out["findings"]["warning"] == 3


def test_parse_fail_on():
    assert s.parse_fail_on(["default"]) == s.DEFAULT_FAIL_ON
    assert s.parse_fail_on(["broken_link, drifted", "none"]) == {"broken_link", "drifted"}
    assert s.parse_fail_on(["all"]) == set(Category)
    with pytest.raises(ValueError, match="unknown"):
        s.parse_fail_on(["broken"])


def test_problems_never_crash_on_odd_records():
    report = samples.no_links_report()
    nr = report.notes[0]
    nr.findings.append(Finding(FindingCode.TITLE_MISMATCH, "error", "x", 1, details={}))
    nr.links.append(LinkCheck("", "", "unknown_status_from_the_future"))
    assert [p.category for p in s.problems(report)] == ["metadata_mismatch"]
