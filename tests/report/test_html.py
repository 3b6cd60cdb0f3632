"""The HTML report without a browser: escaping, CSP, no outside resources, languages."""

from __future__ import annotations

import base64
import copy
import hashlib
import re
from typing import Any

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.report.html import render_html
from citecheck.report.html_base import safe_href
from citecheck.report.json_report import report_to_dict
from tests.report import samples
from tests.report.test_html_samples import realistic_report

PAYLOAD = (
    '"><img src=x onerror=alert(1)><script>alert(1)</script>'
    "' onmouseover='alert(1)' \u202eexe.pdf\u2066 </style><style>*{x:url(http://evil.example/)}"
)
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def realistic() -> dict[str, Any]:
    return report_to_dict(realistic_report())


def parse(page: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(page)


def assert_inert(page: str) -> lxml.html.HtmlElement:
    """Nothing in the page runs, loads or hides: the checks every render must pass."""
    root = parse(page)
    assert not root.xpath("//script | //img | //iframe | //object | //embed | //form | //base")
    assert not BIDI.search(page), "a bidi control reached the page"
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                ok = value.startswith(("https://", "http://", "#")) or (
                    el.tag == "link" and value == "data:,"
                )
                assert ok, (el.tag, name, value)
    styles = root.xpath("//style")
    assert len(styles) == 1
    return root


# --- field paths of outside text in the JSON report -------------------------------------

# (path, shown as text): every string of the report dict the HTML shows or uses.
FIELDS: list[tuple[tuple[Any, ...], bool]] = [
    (("document", "title"), True),
    (("document", "authors", 0), True),
    (("document", "source"), True),
    (("document", "language"), False),
    (("document", "published"), True),
    (("document", "paragraphs", 1, "text"), True),
    (("document", "paragraphs", 1, "markers", 0, "label"), True),
    (("summary", "status"), False),
    (("notes", 0, "text"), True),
    (("notes", 0, "level"), False),
    (("notes", 0, "problems", 0, "category"), False),
    (("notes", 0, "links", 0, "url"), True),
    (("notes", 0, "links", 0, "status"), False),
    (("notes", 0, "links", 0, "reason"), True),
    (("notes", 0, "links", 0, "final_url"), True),
    (("notes", 0, "links", 0, "http_status"), False),
    (("notes", 0, "links", 0, "redirects", 0, "url"), True),
    (("notes", 0, "links", 0, "redirects", 0, "status"), True),
    (("notes", 0, "links", 0, "archive", "url"), True),
    (("notes", 0, "links", 0, "archive", "timestamp"), True),
    (("notes", 0, "identifiers", 0, "doi"), True),
    (("notes", 0, "identifiers", 0, "agency"), True),
    (("notes", 0, "identifiers", 0, "error"), True),
    (("notes", 0, "identifiers", 0, "record", "title"), True),
    (("notes", 0, "findings", 0, "message"), True),
    (("notes", 0, "findings", 0, "code"), False),
    (("notes", 0, "findings", 0, "severity"), False),
    (("notes", 0, "findings", 1, "details", "field"), True),
    (("notes", 0, "findings", 1, "details", "cited"), True),
    (("notes", 0, "findings", 1, "details", "found"), True),
    (("notes", 0, "findings", 1, "details", "source"), True),
    (("notes", 0, "claims", 0, "text"), True),
    (("notes", 0, "claims", 0, "verdict", "label"), False),
    (("notes", 0, "claims", 0, "verdict", "matched", 0), True),
    (("notes", 0, "claims", 0, "verdict", "missing", 0), True),
    (("notes", 0, "claims", 0, "verdict", "conflicts", 0), True),
    (("notes", 0, "claims", 0, "verdict", "reason"), True),
    (("notes", 0, "claims", 0, "verdict", "evidence", 0, "text"), True),
    (("notes", 0, "claims", 0, "verdict", "evidence", 0, "lang"), False),
    (("notes", 0, "claims", 0, "source", "url"), True),
    (("notes", 0, "claims", 0, "source", "title"), True),
    (("notes", 0, "claims", 0, "source", "language"), True),
    (("notes", 0, "claims", 0, "source", "published"), True),
    (("notes", 0, "claims", 0, "source", "problem"), True),
    (("notes", 0, "claims", 0, "quotes", 0, "quote"), True),
    (("notes", 0, "claims", 0, "quotes", 0, "status"), True),
    (("notes", 0, "claims", 0, "temporal", "event_date"), True),
    (("notes", 0, "claims", 0, "temporal", "source_date"), True),
    (("notes", 0, "claims", 0, "archived_source", "url"), True),
    (("notes", 0, "claims", 0, "archived_source", "from_archive", "timestamp"), True),
    (("notes", 0, "claims", 0, "archived_verdict", "evidence", 0, "text"), True),
    (("notes", 0, "claims", 0, "problems", 0, "message"), True),
    (("findings", 0, "message"), True),
    (("problems", 0, "message"), True),
    (("tool", "version"), True),
    (("tool", "name"), True),
    (("generated_at"), True),
    (("schema_version",), True),
]


def full_report() -> dict[str, Any]:
    """A report dict where every field of FIELDS exists (one note carrying everything)."""
    data = report_to_dict(realistic_report())
    data["notes"] = [data["notes"][16]]  # note 17: broken link, archive, drift
    note = data["notes"][0]
    note["links"][0]["final_url"] = "https://example.org/final"
    note["links"][0]["redirects"] = [{"url": "https://example.org/a", "status": 301}]
    note["identifiers"] = [
        {
            "doi": "10.1/x",
            "found_in": "note",
            "registered": False,
            "agency": "crossref",
            "error": "boom",
            "suggested": False,
            "confidence": None,
            "record": {"title": "T"},
        }
    ]
    details = {"field": "title", "cited": "a", "found": "b", "source": "page"}
    note["findings"] = [
        {"code": "malformed_note", "severity": "warning", "message": "m", "details": {}},
        {"code": "title_mismatch", "severity": "error", "message": "t", "details": details},
    ]
    claim = note["claims"][0]
    claim["verdict"].update(matched=["a"], missing=["b"], conflicts=["c"], reason="r")
    claim["verdict"]["evidence"] = [{"text": "e", "lang": "en"}]
    claim["source"].update(title="S", language="en", published="2025-01-01")
    claim["quotes"] = [{"quote": "q", "status": "missing"}]
    claim["temporal"] = {"event_date": "2025-02-02", "source_date": "2025-01-01", "outcome": True}
    claim["problems"] = [{"category": "check_failed", "message": "x", "claim": 0}]
    data["findings"] = [{"code": "how_to_cite_mismatch", "severity": "warning", "message": "f"}]
    data["problems"] = [{"category": "check_failed", "message": "run trouble"}]
    return data


def put(data: Any, path: tuple[Any, ...] | str, value: Any) -> None:
    path = (path,) if isinstance(path, str) else path
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def test_full_report_has_every_field() -> None:
    data = full_report()
    for path, _ in FIELDS:
        path = (path,) if isinstance(path, str) else path
        node: Any = data
        for key in path:
            node = node[key]  # KeyError/IndexError: FIELDS names a field the sample lacks


@pytest.mark.parametrize(("path", "shown"), FIELDS, ids=lambda v: str(v))
def test_outside_text_is_escaped(path: tuple[Any, ...], shown: bool) -> None:
    data = full_report()
    put(data, path, PAYLOAD)
    page = render_html(data, "en")
    root = assert_inert(page)
    assert "<script>alert(1)</script>" not in page
    assert "onerror=alert(1)>" not in page.replace("onerror=alert(1)&gt;", "")
    if shown:
        visible = root.text_content()
        assert "<script>alert(1)</script>" in visible, path
        assert "[U+202E]exe.pdf" in visible, path


@pytest.mark.parametrize("name", sorted(samples.ALL_SAMPLES))
def test_h16_samples_render_inert(name: str) -> None:
    data = report_to_dict(samples.ALL_SAMPLES[name]())
    for lang in ("tr", "en"):
        assert_inert(render_html(data, lang))


def test_hostile_sample_shows_payloads_as_text() -> None:
    page = render_html(report_to_dict(samples.hostile_report()), "en")
    text = assert_inert(page).text_content()
    assert "<script>alert(1)</script>" in text
    assert '"><img src=x onerror=alert(1)>' in text
    assert "[U+202E]gnp.exe[U+202C]" in text
    assert "\x00" not in page and "\x1b" not in page


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/a?b=1&c=2", True),
        ("http://example.org/", True),
        ("  https://example.org/x  ", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("\x01javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox(1)", False),
        ("//evil.example/x", False),
        ("/relative/path", False),
        ("https:evil", False),
        ("https://[::1", False),
        (None, False),
        (42, False),
    ],
)
def test_only_web_addresses_become_links(url: Any, linked: bool) -> None:
    assert (safe_href(url) is not None) is linked


def test_href_never_carries_raw_quotes_or_bidi() -> None:
    href = safe_href('https://evil.example/\u202egpj.exe?q="><script>')
    assert href is not None
    assert not BIDI.search(href) and '"' not in href and "<" not in href
    assert "%E2%80%AE" in href


def test_csp_meta_allows_only_the_inline_style(realistic: dict[str, Any]) -> None:
    page = render_html(realistic)
    root = parse(page)
    metas = root.xpath('//meta[@http-equiv="Content-Security-Policy"]')
    assert len(metas) == 1
    policy = dict(
        [*d.split(" ", 1), ""][:2] for d in (p.strip() for p in metas[0].get("content").split(";"))
    )
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == "'none'"
    assert policy["img-src"] == "data:"
    assert policy["base-uri"] == "'none'"
    assert policy["form-action"] == "'none'"
    css = root.xpath("//style")[0].text
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    assert policy["style-src"] == f"'sha256-{digest}'"
    # The policy comes before the stylesheet it governs.
    assert page.index("Content-Security-Policy") < page.index("<style>")


def test_no_outside_resources(realistic: dict[str, Any]) -> None:
    page = render_html(realistic)
    root = assert_inert(page)
    css = root.xpath("//style")[0].text
    assert "url(" not in css and "@import" not in css and "@font-face" not in css
    assert not root.xpath("//*[@src]")
    assert not root.xpath("//*[@style]")  # inline style attributes would break the CSP hash
    for el in root.xpath("//link"):
        assert el.get("href") == "data:,", lxml.html.tostring(el)
    for a in root.xpath("//a[starts-with(@href, 'http')]"):
        assert a.get("rel") == "noopener noreferrer"
        assert "url" in a.get("class", "") or "doi" in a.get("class", "")
    # Every in-page link lands on something.
    ids = set(root.xpath("//@id"))
    for href in root.xpath("//a[starts-with(@href, '#')]/@href"):
        assert href[1:] in ids, href


def test_turkish_report(realistic: dict[str, Any]) -> None:
    page = render_html(realistic)  # article language: tr
    root = parse(page)
    assert root.get("lang") == "tr"
    text = root.text_content()
    for words in (
        "Düzeltilmesi gereken sorunlar var",
        "Makale metni",
        "Dipnotlar",
        "Bağlantı çalışmıyor (sayfa bulunamadı)",
        "Kaynak bu iddiayla çelişiyor",
        "Kaynaktan alıntı (İngilizce)",
        "26 Kasım 2025 tarihli arşivlenmiş kopya bu iddiayı destekliyor",
        "Öneri: uygulanmadı",
        "Künye karşılaştırması",
    ):
        assert words in text, words
    assert "Problems to fix" not in text


def test_english_report(realistic: dict[str, Any]) -> None:
    page = render_html(realistic, "en")
    root = parse(page)
    assert root.get("lang") == "en"
    text = root.text_content()
    for words in (
        "Problems to fix",
        "Article text",
        "Link is broken (page not found)",
        "The source says something different",
        "Quote from the source (English)",
        "The archived copy of 26 November 2025 supports this claim",
    ):
        assert words in text, words
    assert "Makale metni" not in text


def test_language_choice() -> None:
    data = report_to_dict(samples.hostile_report())  # an English document
    assert parse(render_html(data)).get("lang") == "en"
    assert parse(render_html(data, "tr")).get("lang") == "tr"
    with pytest.raises(ValueError, match="language"):
        render_html(data, "de")


def test_markers_coloured_by_worst_problem(realistic: dict[str, Any]) -> None:
    root = parse(render_html(realistic))
    marker = {a.get("href"): a.get("class") for a in root.xpath("//sup/a")}
    assert len(marker) == 17
    assert marker["#note-7"] == "m lv-fail"  # contradicted
    assert marker["#note-17"] == "m lv-fail"  # broken link
    assert marker["#note-5"] == "m lv-warn"  # damaged note
    assert marker["#note-1"] == "m lv-ok"
    assert marker["#note-11"] == "m lv-not_checked"  # print book, nothing checked
    # The marker text keeps the article's place: "olmazsa olmazdır." then note 1.
    first = root.xpath('//a[@id="ref-1"]')[0]
    assert first.getparent().getprevious() is None
    assert (first.getparent().getparent().text or "").endswith("olmazsa olmazdır.")
    card = root.xpath('//article[@id="note-7"]')[0]
    assert "lv-fail" in card.get("class") and "c-contradicted" in card.get("class")
    assert card.xpath('.//a[@href="#ref-7"]')


def test_filters_have_css_rules(realistic: dict[str, Any]) -> None:
    page = render_html(realistic)
    root = parse(page)
    css = root.xpath("//style")[0].text
    radios = root.xpath('//input[@type="radio"][@name="filter"]')
    keys = [r.get("id")[2:] for r in radios]
    assert keys[:2] == ["all", "any"] and "broken_link" in keys and "drifted" in keys
    assert root.xpath('//input[@id="f-all"]')[0].get("checked") is not None
    for key in keys[1:]:
        assert f"#f-{key}:checked ~ .cards .card:not(.c-{key})" in css
        assert root.xpath(f'//label[@for="f-{key}"]')
    assert "@media print" in css


def test_reports_without_notes_or_paragraphs() -> None:
    empty = render_html(report_to_dict(samples.empty_report()), "tr")
    root = assert_inert(empty)
    assert "Belgede dipnot yok." in root.text_content()
    assert not root.xpath("//article")
    no_paragraphs = report_to_dict(samples.no_links_report())
    root = assert_inert(render_html(no_paragraphs, "en"))
    assert root.xpath('//article[@id="note-1"]')
    assert "no body paragraphs" in root.text_content()
    # A bare minimum dict (a hand-written or older report) still renders.
    assert_inert(render_html({}, "en"))
    assert_inert(render_html({"notes": [None, 3, {"number": "x"}], "document": []}, "tr"))


def test_duplicate_note_numbers_get_unique_anchors(realistic: dict[str, Any]) -> None:
    data = copy.deepcopy(realistic)
    data["notes"].insert(3, copy.deepcopy(data["notes"][2]))  # two notes numbered 3
    root = parse(render_html(data))
    ids = root.xpath("//@id")
    assert len(ids) == len(set(ids))
    assert root.xpath('//article[@id="note-3"]') and root.xpath('//article[@id="note-3-2"]')


def test_title_element_is_plain_text() -> None:
    data = {"document": {"title": "A \u202e<b>B</b>"}}
    title = parse(render_html(data, "en")).xpath("//title")[0].text
    assert title.endswith("A [U+202E]<b>B</b>")


def test_all_failed_report_says_what_failed() -> None:
    text = parse(render_html(report_to_dict(samples.all_failed_report()), "en")).text_content()
    assert "Some checks could not be completed for this note" in text
    assert "links: crashed" in text
    assert "verification crashed: ValueError" in text
    assert "cache not writable" in text


def test_marker_offsets_out_of_range_do_not_lose_text(realistic: dict[str, Any]) -> None:
    data = copy.deepcopy(realistic)
    para = data["document"]["paragraphs"][1]
    para["markers"] = [
        {"number": 1, "label": "1", "offset": 10_000},
        {"number": 2, "label": "2", "offset": -5},
        {"number": 99, "label": "99", "offset": 3},
    ]
    root = parse(render_html(data))
    p = root.xpath("//div[@class='article']/p")[1]
    shown = p.text_content()
    assert shown.startswith("2Kri") and shown.endswith("yol açmıştır.1")
    assert "99" in shown  # a marker without a note is shown, greyed, not linked
    assert root.xpath("//span[contains(@class, 'lv-missing')]")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60), st.sampled_from([p for p, shown in FIELDS if shown]))
def test_any_text_in_any_field_stays_inert(value: str, path: tuple[Any, ...]) -> None:
    data = full_report()
    put(data, path, value)
    assert_inert(render_html(data, "tr"))


def test_counts_are_the_json_summary(realistic: dict[str, Any]) -> None:
    """The HTML shows the JSON report's own numbers (rendered from the same dict)."""
    from citecheck.report.labels import label

    root = parse(render_html(realistic, "en"))
    shown = {
        " ".join(row.xpath("./td[1]")[0].text_content().split()): int(
            row.xpath("./td[2]")[0].text_content()
        )
        for row in root.xpath("//section[contains(@class, 'box')]//tr")
    }
    summary = realistic["summary"]
    for kind, key in (("link", "links"), ("verdict", "verdicts"), ("severity", "findings")):
        for code, n in summary[key].items():
            if n:
                assert shown[label(f"{kind}.{code}", "en")] == n, (kind, code)
    flagged = sum(1 for n in realistic["notes"] if n["level"] != "ok")
    assert f"{flagged} of 17 notes need attention." in root.text_content()
