"""The message catalogue: every message a Turkish report shows is Turkish.

The producers (lint, ibid, doclint, identify, liveness, the judge) are run for
real, so a changed English wording fails here instead of reaching an editor in
English; the judge's reasons are read from its source (it is not called: its
verdicts are tested in tests/verify).
"""

from __future__ import annotations

import ast
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.codes import FindingCode
from citecheck.model import (
    Citation,
    Document,
    Finding,
    Hop,
    HowToCite,
    Marker,
    Note,
    Paragraph,
    WorkRecord,
)
from citecheck.notes import doclint, ibid
from citecheck.pipeline import analyse
from citecheck.report.html import render_html
from citecheck.report.json_report import report_to_dict
from citecheck.report.markdown import render_markdown
from citecheck.report.message_template import Template
from citecheck.report.messages import (
    FINDING_TEMPLATES,
    TEXT_TEMPLATES,
    finding_message,
    read_finding,
    text_message,
)
from citecheck.report.messages_findings import RECORD_NAMES, RECORD_SOURCES
from citecheck.verify.temporal import check_temporal
from citecheck.web.liveness import classify
from tests.conftest import FIXTURES, ROOT
from tests.report import samples
from tests.report.test_html import PAYLOAD, assert_inert

ARTICLES = sorted(
    p for p in (FIXTURES / "articles").iterdir() if p.suffix in {".txt", ".md", ".html", ".docx"}
)
_FIELD = re.compile(r"\{(\w+)(?::\w)?\}")


def _all_templates() -> list[Template]:
    out: list[Template] = []
    todo = [t for ts in FINDING_TEMPLATES.values() for t in ts] + list(TEXT_TEMPLATES)
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [v for vocab in t.vocab.values() for v in vocab]
    return out


def _tr(f: Finding) -> str:
    said = finding_message(f.code, f.message, "tr", note=f.note, entry=f.entry, details=f.details)
    assert said.lang == "tr", f"no Turkish for {f.code}: {f.message!r}"
    assert "{" not in said.text.replace(f.message, "")
    return said.text


def _tr_text(text: str) -> str:
    said = text_message(text, "tr")
    assert said.lang == "tr", f"no Turkish for {text!r}"
    return said.text


# --------------------------------------------------------------------- the catalogue


def test_every_finding_code_has_a_turkish_template() -> None:
    for code in FindingCode:
        assert FINDING_TEMPLATES.get(code.value), f"no template for {code.value}"
        assert all(t.code == code.value for t in FINDING_TEMPLATES[code.value])


def test_templates_are_well_formed() -> None:
    # Values that read the same in both languages: numbers, a service and a code.
    same = {"HTTP {code:n}", "{service:w}: HTTP {status:n}"}
    for t in _all_templates():
        en = set(_FIELD.findall(t.en))
        tr = set(_FIELD.findall(t.tr))
        assert tr <= en, (t.en, tr - en)
        assert t.tr != t.en or t.en in same, t.en
        assert set(t.vocab) <= en, t.en


@pytest.mark.parametrize("template", _all_templates(), ids=lambda t: t.en[:50])
def test_english_template_reads_back_its_values(template: Template) -> None:
    values = {
        name: {"n": "12", "w": "Crossref"}.get(spec, f"value {i}")
        for i, (name, spec) in enumerate(template.fields.items())
    }
    english = template.render(values, "en", lambda s: None)
    assert english is not None
    assert template.match(english) == values
    turkish = template.render(values, "tr", lambda s: None)
    assert turkish is not None and "{" not in turkish
    assert all(v in turkish for n, v in values.items() if n in template.tr)


# ------------------------------------------------------------------ the producers


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_findings_of_every_fixture_article_are_turkish(article: Path) -> None:
    doc = analyse(str(article))
    for f in doc.findings:
        _tr(f)


def _note(number: int, text: str, *citations: Citation) -> Note:
    return Note(number, text, citations=list(citations))


def test_record_names_follow_identify() -> None:
    from citecheck.identify.compare import _SOURCE_NAMES

    assert RECORD_SOURCES == _SOURCE_NAMES
    assert {t.en for t in RECORD_NAMES} == set(_SOURCE_NAMES.values())


def test_findings_with_their_values_in_details_are_not_parsed() -> None:
    doc = analyse(str(FIXTURES / "articles" / "avim-blog-33-kritik-mineraller.txt"))
    doc.findings += doclint.numbering([_note(1, "a"), _note(1, "b")])
    doc.findings += doclint.markers(
        replace(doc, paragraphs=[Paragraph(0, "x", [Marker(1, "1", 0, 1)])], notes=[_note(2, "")])
    )
    how = {
        f.code: read_finding(f.code, f.message, note=f.note, entry=f.entry, details=f.details)
        for f in doc.findings
    }
    assert how["note_numbering"].how == "structured"  # type: ignore[union-attr]
    assert how["note_without_marker"].how == "structured"  # type: ignore[union-attr]
    assert how["malformed_note"].how == "parsed"  # the excerpt is only in the sentence


def test_ibid_findings_are_turkish() -> None:
    c = Citation
    notes = [
        _note(1, "A.g.e.", c(ibid=True, raw="A.g.e.")),
        _note(2, "Bkz. yukarıda."),
        _note(3, "A.g.e., s. 5.", c(ibid=True, raw="A.g.e., s. 5.")),
        _note(4, "Karataş, a.g.e., s. 88.", c(ibid=True, ibid_author="Karataş", raw="x")),
        _note(5, "Frigerio, C5+1 Summit, 4.", c(short_form=True, authors=["F"], title="T")),
        _note(6, "a; b", c(authors=["Kaya"], title="Hazar"), c(authors=["Veli"], title="Kara")),
        _note(7, "Ibid.", c(ibid=True, raw="Ibid.")),
        _note(8, "x", c(short_form=True, raw="x")),
    ]
    found = ibid.resolve(notes).findings
    codes = {f.code for f in found}
    assert codes == {"ibid_no_antecedent", "ibid_ambiguous", "short_form_unresolved"}
    said = [_tr(f) for f in found]
    assert "1 numaralı dipnot bir A.g.e. atfı (“A.g.e.”), ancak bu ilk dipnot" in said[0]
    assert any("adı verilmemiş bir yazar, başlıksız bir eser" in s for s in said)


def test_document_findings_are_turkish() -> None:
    markers = [Marker(1, "1", 0, 5, "[1]"), Marker(9, "9", 0, 9, "[9]")]
    doc = Document(
        source="x",
        format="text",
        title="Kritik Mineraller",
        authors=["Ayşe Kaya"],
        published="2025-12-16",
        number="33",
        canonical_url="https://avim.org.tr/a",
        paragraphs=[Paragraph(0, "Metin bir iki üç.", markers)],
        notes=[_note(1, "a"), _note(3, "b"), _note(3, "c"), _note(2, "d")],
        how_to_cite=HowToCite(
            "…",
            authors=["Mehmet Demir"],
            year=2026,
            title="Bambaşka Bir Başlık Üzerine",
            number="2025 / 34",
            url="https://avim.org.tr/b",
        ),
    )
    found = doclint.document_findings(doc)
    codes = {f.code for f in found}
    assert {"marker_without_note", "note_without_marker", "note_numbering"} <= codes
    assert len([f for f in found if f.code == "how_to_cite_mismatch"]) == 5
    said = [_tr(f) for f in found]
    assert "“Atıfta bulunmak için” bilgisi yılı 2026 olarak veriyor, ancak makalenin tarihi " in (
        " ".join(said)
    )
    empty = replace(doc, paragraphs=[Paragraph(0, "Metin.")], how_to_cite=None)
    assert [_tr(f) for f in doclint.markers(empty)] == [
        "Belgede 4 dipnot var, ancak metinde hiçbir dipnot işareti bulunamadı."
    ]


def test_metadata_findings_are_turkish() -> None:
    from citecheck.identify.compare import compare_record, update_findings

    cited = Citation(
        authors=["Gaur, Punit"],
        title="Renewed Western Interest in Central Asia",
        container="Social Evolution and History",
        year=2023,
    )
    for source in ("crossref", "datacite", "doi.org", "page"):
        record = WorkRecord(
            source=source,
            title="A Completely Different Study of Baltic Fisheries",
            authors=["Smith, John"],
            container="Journal of Fish Biology",
            date="2019-03-01",
            modified="2020-01-02T10:00:00+00:00" if source == "page" else None,
            pages="10-20",
            doi="10.1/x",
        )
        found = compare_record([cited], record, note=3, pages="769")
        codes = {f.code for f in found}
        assert {"title_mismatch", "author_mismatch", "date_mismatch"} <= codes, source
        for f in found:
            _tr(f)
            # Values in the details: read without parsing the sentence.
            if f.code in ("title_mismatch", "container_mismatch", "page_outside_range"):
                how = read_finding(f.code, f.message, note=f.note, details=f.details)
                assert how is not None and how.how == "structured", f.message
    updates = [
        {"type": "retraction", "doi": "10.1/r", "date": "2024-01-01", "label": "Retraction"},
        {"type": "withdrawal"},
        {"type": "expression_of_concern", "label": "Expression of concern"},
        {"type": "correction", "doi": "10.1/c"},
        {"type": "retraction", "relation": "update-to", "doi": "10.1/w", "label": "Retraction"},
        {"type": "correction", "relation": "update-to"},
    ]
    record = WorkRecord(source="crossref", doi="10.1/x", updates=updates)
    said = [_tr(f) for f in update_findings(record, note=2)]
    assert said[0] == "Eser geri çekilmiş: Retraction (doi:10.1/r, 2024-01-01)."


@dataclass
class Res:
    """The fields of web FetchResult that liveness.classify reads."""

    url: str
    status: int | None = 200
    final_url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = (
        b"<html><body><h1>Makale</h1><p>" + b"Uzun bir metin. " * 40 + b"</p></body></html>"
    )
    content_type: str | None = "text/html; charset=utf-8"
    hops: list[Hop] = field(default_factory=list)
    attempts: int = 1
    elapsed_ms: int = 5
    error_kind: str | None = None
    error: str | None = None
    fetched_at: str | None = "2026-11-22T10:00:00Z"


def _link_results() -> list[Res]:
    u = "https://a.org/news/2020/x"
    out = [Res(u, status=code) for code in (401, 403, 407, 408, 410, 418, 429, 451, 500, 999)]
    out += [Res(u, status=None, error_kind=k) for k in ("timeout", "dns_error", "tls_error")]
    out += [Res(u, status=None, error_kind=k, error="boom") for k in ("invalid_url", "weird")]
    out += [
        Res(u, status=None),
        Res(u, status=404),
        Res(u, status=404, final_url="https://a.org/gone", hops=[Hop(u, 301)]),
        Res(u, status=302, hops=[Hop(u, 302)]),
        Res(u, status=101),
        Res(u, final_url="https://a.org/", hops=[Hop(u, 301)]),
        Res(u, final_url="https://a.org/search?q=x", hops=[Hop(u, 302)]),
        Res(u, final_url="https://a.org/login?next=x", hops=[Hop(u, 302)]),
        Res(u, final_url="https://a.org/news/", hops=[Hop(u, 301)]),
        Res(u, final_url="https://b.org/new-home/article", hops=[Hop(u, 301)]),
        Res(u, final_url="https://b.org/new-home/article", hops=[Hop(u, 302)]),
        Res("http://a.org/x", final_url="https://a.org/x/", hops=[Hop("http://a.org/x", 301)]),
        Res("https://doi.org/10.1/x", final_url="https://pub.org/a", hops=[Hop(u, 302)]),
        Res(u, body=b"<html><head><title>404 Not Found</title></head><body></body></html>"),
        Res(u, body=b"<html><title>This domain is for sale!</title></html>"),
        Res(u),
    ]
    return out


def test_link_reasons_are_turkish() -> None:
    reasons = {classify(r).reason for r in _link_results()}
    assert len(reasons) > 25
    for reason in reasons:
        _tr_text(reason)
    for fixed in (
        "Replayed from an archive: the live page was not checked.",
        "Not checked: offline run.",
    ):
        _tr_text(fixed)


def _strings(node: ast.AST | None) -> list[str]:
    """A string constant, or an f-string with "7" for each value (digits fit every field)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        parts = [v.value if isinstance(v, ast.Constant) else "7" for v in node.values]
        return ["".join(str(p) for p in parts)]
    return []


# A reason kept in a module constant: plain lower-case words, maybe a parenthesis.
_PHRASE = re.compile(r"[a-z][a-z' ,;]+(?: \([a-z ]+\))?")
# The verify modules that write verdict reasons and notes (the judge and its steps).
_VERIFY = ("judge.py", "decide.py", "contradiction.py", "clause_check.py", "checks.py")


def _said_by(path: Path) -> set[str]:
    """The reasons and notes a verify module writes: the last argument of _verdict,
    the third item of a returned (label, confidence, reason), ``why``/``.reason``
    assignments, ``*.conflicts.append`` and ``_negation_note``'s returns."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id == "_verdict" and node.args:
                out.update(_strings(node.args[-1]))
            if isinstance(f, ast.Attribute) and f.attr == "append" and node.args:
                owner = f.value
                name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
                if name in ("conflicts", "matched", "missing"):
                    out.update(_strings(node.args[0]))
        elif isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple):
            if len(node.value.elts) == 3:
                out.update(_strings(node.value.elts[2]))
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                name = getattr(target, "id", None) or getattr(target, "attr", None) or ""
                if name in ("why", "reason"):
                    out.update(_strings(node.value))
                elif name.isupper():  # NEGATION = "the source says the opposite (negation)"
                    out.update(s for s in _strings(node.value) if _PHRASE.fullmatch(s))
        elif isinstance(node, ast.FunctionDef) and node.name == "_negation_note":
            for ret in ast.walk(node):
                if isinstance(ret, ast.Return):
                    out.update(_strings(ret.value))
    # Figures and names as written ("40 % = 40 percent") need no words.
    return {s for s in out if re.search(r"[a-z]{3,}", s.replace("7", ""))}


def test_verdict_reasons_and_notes_are_turkish() -> None:
    files = [ROOT / "citecheck" / "verify" / name for name in _VERIFY]
    said = {s for path in files if path.exists() for s in _said_by(path)}
    assert "the source states the claim's facts" in said
    assert "claim 7 ≠ source 7" in said
    assert len(said) >= 15
    for text in said:
        _tr_text(text)
    assert _tr_text("the source states the claim's facts") == (
        "kaynak, iddiadaki olguları doğruluyor"
    )
    assert _tr_text("claim 40 % ≠ source 25 %") == "iddia 40 % ≠ kaynak 25 %"
    assert (
        _tr_text("quotation not in the source: “yeni dönem”") == "alıntı kaynakta yok: “yeni dönem”"
    )
    for claim in ("ABD 6 Kasım 2025 tarihinde anlaşmayı imzaladı.", "6 Kasım 2025 zirvesi"):
        flag = check_temporal(claim, "2025-10-01")
        assert flag is not None
        _tr_text(flag.message)


def test_registry_and_source_texts_are_turkish() -> None:
    said = set()
    for name in (
        "web/doi.py",
        "web/extract.py",
        "web/extract_html.py",
        "web/extract_stub.py",
        "web/sources.py",
    ):
        tree = ast.parse((ROOT / "citecheck" / name).read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "reason":
                said.update(_strings(node.value))
            if isinstance(node, ast.Assign) and any(
                getattr(t, "attr", None) == "error" for t in node.targets
            ):
                said.update(_strings(node.value))
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "problem":
                said.update(s for a in node.args[1:] for s in _strings(a))
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "why":
                said.update(_strings(node.value))
    said = {s for s in said if re.search(r"[a-z]{3,} [a-z]", s)}
    assert len(said) >= 15
    for text in said:
        if text.startswith("7"):  # "{service} …": a service name stands there
            text = "Crossref" + text[1:]
        _tr_text(text)


# ------------------------------------------------------------------- the reports


@pytest.fixture(scope="module")
def demo():
    from citecheck.check import CheckSettings, run_check

    archive = FIXTURES / "demo" / "avim-blog-33-sources.warc.gz"
    settings = CheckSettings(archive=archive.relative_to(ROOT), embedder="none")
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return run_check("fixtures/articles/avim-blog-33-kritik-mineraller.txt", settings)
    finally:
        os.chdir(cwd)


def _english_sentences() -> set[str]:
    """Runs of four or more words of fixed English text in the catalogue, minus
    those the Turkish keeps (the "E.T. / Erişim tarihi / Accessed" list)."""
    out = set()
    for t in _all_templates():
        for chunk in _FIELD.split(t.en)[::2]:
            chunk = chunk.strip(' .,:;()“”"')
            if len(re.findall(r"[A-Za-z']+", chunk)) >= 4 and chunk not in t.tr:
                out.add(chunk)
    return out


def test_turkish_demo_report_has_no_english_message(demo) -> None:
    english = _english_sentences()
    assert len(english) > 80
    markdown = render_markdown(demo, "tr")
    page = render_html(report_to_dict(demo), "tr")
    for text in (markdown, page):
        left = sorted(s for s in english if s in text)
        assert not left, left
    assert "Sayfa arşivden okundu; canlı sayfa denetlenmedi." in markdown
    assert "5 numaralı dipnot eksik ya da bozuk görünüyor" in page
    # Every reason and finding is marked Turkish: none fell back to English.
    assert 'class="reason" lang="en"' not in page and 'class="reason" lang="tr"' in page


def test_english_reports_keep_the_producers_words(demo) -> None:
    data = report_to_dict(demo)
    messages = [f["message"] for n in data["notes"] for f in n["findings"]]
    messages += [f["message"] for f in data["findings"]]
    assert messages and all(m in render_html(data, "en") for m in messages)
    for f in demo.findings + [f for nr in demo.notes for f in nr.findings]:
        assert finding_message(f.code, f.message, "en").text == f.message
        assert text_message(f.message, "en").text == f.message


def test_unknown_messages_fall_back_to_english() -> None:
    assert finding_message("malformed_note", "A sentence nobody wrote.", "tr") == (
        "A sentence nobody wrote.",
        "en",
    )
    assert finding_message("a_code_added_later", "Something new.", "tr").text == "Something new."
    assert text_message("the server exploded", "tr") == ("the server exploded", "en")
    assert text_message(None, "tr") == ("", "en")
    assert text_message(404, "tr") == ("404", "en")
    odd = finding_message(
        None, "Note 3 is never referred to in the text (no marker [4]).", "tr", note="x", entry=[]
    )
    assert odd.lang == "en"
    # Structured values that do not rebuild the message are not trusted: parsed instead.
    f = finding_message(
        "note_numbering",
        "Note number 3 is used 2 times.",
        "tr",
        note=3,
        details={"count": 5, "x": object()},
    )
    assert f.text == "3 numarası 2 ayrı dipnotta kullanılmış."
    # A list of joined source problems: the known parts in Turkish, the rest as written.
    mixed = text_message("the source is empty; a brand new problem", "tr")
    assert mixed == ("kaynak boş; a brand new problem", "tr")


def test_turkish_reports_escape_translated_messages() -> None:
    report = samples.small_report()
    nr = report.notes[2]
    nr.findings.append(
        Finding(
            "missing_access_date",
            "info",
            f"Note 3 cites a web source ({PAYLOAD}) without the date it was accessed "
            "(E.T. / Erişim tarihi / Accessed).",
            note=3,
        )
    )
    report.findings.append(
        Finding("how_to_cite_mismatch", "warning", f"The “how to cite this” block gives the "
                f"title “{PAYLOAD}”, but the article's title is “x”.")
    )  # fmt: skip
    report.notes[1].links[0].reason = f"The link now sends readers to the home page ({PAYLOAD})."
    page = render_html(report_to_dict(report), "tr")
    root = assert_inert(page)
    shown = root.text_content()
    assert "erişim tarihi belirtilmeden atıf yapılmış" in shown
    assert "Bağlantı artık okuru sitenin ana sayfasına götürüyor" in shown
    assert "<script>alert(1)</script>" in shown  # as text, not as markup
    markdown = render_markdown(report, "tr")
    assert "<script" not in markdown and "&lt;script&gt;" in markdown
    assert "“Atıfta bulunmak için” bilgisi başlığı “" in markdown


_ODD = ["7", "“", "”", "; ", ", ", "(", ")", "{", "}", "ş", "\u202e", "<b>"]
_PIECES = st.sampled_from(
    [*sorted({c for t in _all_templates() for c in _FIELD.split(t.en)[::2] if c}), *_ODD]
)


@settings(max_examples=200, deadline=None)
@given(
    code=st.sampled_from([c.value for c in FindingCode] + ["unknown"]),
    text=st.lists(_PIECES | st.text(max_size=8), max_size=30).map("".join),
    details=st.dictionaries(st.text(max_size=6), st.integers() | st.text(max_size=6)),
    note=st.none() | st.integers(-3, 30),
)
def test_any_message_renders_without_raising(code, text, details, note) -> None:
    said = finding_message(code, text, "tr", note=note, entry=note, details=details)
    assert isinstance(said.text, str) and said.lang in ("tr", "en")
    assert said.lang == "tr" or said.text == text
    plain = text_message(text, "tr")
    assert plain.lang == "tr" or plain.text == text
    assert finding_message(code, text, "en", note=note, details=details).text == text


def test_very_long_texts_are_shown_as_written() -> None:
    long = "the source is empty; " * 200
    assert text_message(long, "tr") == (long, "en")
    parts = "; ".join(["the source is empty"] * 60)  # more parts than a message lists
    assert text_message(parts, "tr") == (parts, "en")


def test_a_swap_note_is_turkish() -> None:
    note = "the source pairs 312 and 268 the other way round: “Kyrgyzstan 312, Uzbekistan 268”"
    assert _tr_text(note) == (
        "kaynak 312 ve 268 değerlerini tersine eşleştiriyor: “Kyrgyzstan 312, Uzbekistan 268”"
    )
