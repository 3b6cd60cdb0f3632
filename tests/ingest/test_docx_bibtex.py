""".docx (Word footnotes and typed drafts) and BibTeX inputs."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

from citecheck.ingest import load_bytes, load_path
from tests.conftest import FIXTURES, ROOT

ARTICLES = FIXTURES / "articles"


def test_docx_with_word_footnotes() -> None:
    doc = load_path(ARTICLES / "docx-footnotes-tr.docx")
    assert (doc.format, doc.title, doc.authors, doc.language) == (
        "docx",
        "ARAL HAVZASINDA SU DİPLOMASİSİ",
        ["Deniz YILMAZ"],
        "tr",
    )
    assert doc.published == "2025-04-08"
    assert [(n.number, n.label) for n in doc.notes] == [(1, "1"), (2, "2"), (3, "3"), (4, "4")]
    assert doc.note(2).text == "A.g.e., s. 47."
    # a hyperlink in a footnote keeps its target
    assert "BBC haberi <https://www.example.com/aral-golu>, Erişim Tarihi: 20.03.2025." in (
        doc.note(3).text
    )
    markers = [(m.number, m.paragraph, m.raw) for p in doc.paragraphs for m in p.markers]
    assert markers == [
        (1, 0, "w:footnoteReference"),
        (2, 0, "w:footnoteReference"),
        (3, 2, "w:footnoteReference"),
        (4, 2, "w:footnoteReference"),
    ]
    first = doc.paragraphs[0]
    assert first.text[: first.markers[1].offset].endswith("sulamaya bağımlıdır")
    assert doc.paragraphs[1].heading and doc.paragraphs[1].text == "Aral Gölü"


def test_docx_draft_with_typed_notes() -> None:
    doc = load_path(ARTICLES / "docx-draft-manual-notes.docx")
    assert doc.title == "ORTA KORİDOR’DA LOJİSTİK MERKEZLER"
    assert doc.authors == ["Can ÖZTÜRK"]
    assert [n.number for n in doc.notes] == [1, 2, 3]
    assert [(m.number, m.raw) for p in doc.paragraphs for m in p.markers] == [
        (1, "[1]"),
        (2, "[2]"),
        (3, "(3)"),
    ]
    assert "Notlar" not in " ".join(p.text for p in doc.paragraphs)


def test_docx_fixtures_are_reproducible(tmp_path) -> None:
    script = ARTICLES / "make_docx.py"
    committed = {p.name: p.read_bytes() for p in ARTICLES.glob("*.docx")}
    subprocess.run(
        [sys.executable, str(script), str(tmp_path)], check=True, cwd=ROOT, capture_output=True
    )
    assert {p.name: p.read_bytes() for p in tmp_path.glob("*.docx")} == committed


def test_bibtex_entries_and_failed_blocks() -> None:
    doc = load_path(ARTICLES / "bibliography-orta-asya.bib")
    assert doc.format == "bibtex" and doc.paragraphs == [] and doc.notes == []
    by_key = {e.key: e for e in doc.bibliography}
    assert list(by_key) == ["gaur2023", "hancock2016", "kaya2019", "iea-critical", "commerce2025"]
    gaur = by_key["gaur2023"]
    assert (gaur.title, gaur.container, gaur.year, gaur.date) == (
        "Renewed Western Interest in Central Asia",
        "Social Evolution and History",
        2023,
        "2023-11",
    )
    assert (gaur.pages, gaur.volume, gaur.issue, gaur.doi, gaur.accessed, gaur.kind) == (
        "769-782",
        "12",
        "2",
        "10.5281/zenodo.7827403",
        "2025-11-26",
        "journal_article",
    )
    chapter = by_key["hancock2016"]
    assert chapter.authors == ["Hancock, Kathleen J.", "Libman, Alexander"]
    assert chapter.editors == ["Börzel, Tanja A.", "Risse, Thomas"]
    assert (chapter.kind, chapter.place, chapter.publisher) == (
        "book_chapter",
        "Oxford",
        "Oxford University Press",
    )
    assert by_key["kaya2019"].authors == ["Kaya, Ayşe"]
    assert by_key["iea-critical"].urls == ["https://www.iea.org/topics/critical-minerals"]
    assert by_key["iea-critical"].kind == "web_page"
    assert by_key["commerce2025"].title == "Commerce Celebrates $25 Billion C5+1 Deal Zone"
    assert by_key["commerce2025"].date == "2025-11-06"
    assert gaur.text.startswith("@article{gaur2023,")
    failed = [(f.code, f.details.get("line")) for f in doc.findings]
    assert failed == [("ingest_problem", 41), ("ingest_problem", 51)]
    assert "broken-entry" in str(doc.findings[0].details["raw"])
    assert "Duplicate" in doc.findings[1].message


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def minimal_docx(body: str, endnotes: str | None) -> bytes:
    """A bare .docx package: enough parts for Word's endnotes, nothing else."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
        )
        if endnotes is not None:
            z.writestr("word/endnotes.xml", f'<w:endnotes xmlns:w="{W}">{endnotes}</w:endnotes>')
    return buf.getvalue()


def para(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def text(t: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{t}</w:t></w:r>'


def endnote_ref(i: int) -> str:
    return f'<w:r><w:endnoteReference w:id="{i}"/></w:r>'


def test_docx_endnotes_are_roman_and_missing_ones_reported() -> None:
    body = para(text("Başlık Burada")) + para(
        text("Birinci cümle bir nota gider."),
        endnote_ref(2),
        text(" İkinci cümle de öyle."),
        endnote_ref(3),
        text(" Üçüncüsü kayıp bir nota."),
        endnote_ref(9),
    )
    notes = (
        f'<w:endnote w:type="separator" w:id="0">{para(text("—"))}</w:endnote>'
        f'<w:endnote w:id="2">{para(text("Birinci kaynak, s. 3."))}</w:endnote>'
        f'<w:endnote w:id="3">{para(text("A.g.e."))}</w:endnote>'
    )
    doc = load_bytes(minimal_docx(body, notes), source="endnotes.docx")
    assert [(n.number, n.label, n.text) for n in doc.notes] == [
        (1, "i", "Birinci kaynak, s. 3."),
        (2, "ii", "A.g.e."),
    ]
    assert [(m.number, m.label) for p in doc.paragraphs for m in p.markers] == [
        (1, "i"),
        (2, "ii"),
        (3, "iii"),
    ]
    assert [f.message for f in doc.findings] == [
        "note iii is referenced but missing from the notes part"
    ]


def test_docx_with_broken_endnotes_part_still_reads_the_body() -> None:
    body = para(text("Başlık")) + para(text("Metin burada uzun bir cümle olarak yer alır."))
    doc = load_bytes(minimal_docx(body, "<w:endnote"), source="broken.docx")
    assert doc.paragraphs and doc.notes == []
    assert "word/endnotes.xml could not be read" in doc.findings[0].message
