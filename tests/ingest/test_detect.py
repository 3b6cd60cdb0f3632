"""Detection by content, charsets, and the errors for unusable input."""

from __future__ import annotations

import io
import zipfile

import pytest

from citecheck.errors import EmptyInputError, InputError, UnknownFormatError
from citecheck.ingest import load_bytes, load_path
from citecheck.ingest.detect import decode, detect
from tests.conftest import FIXTURES, SEED_ARTICLE

ARTICLES = FIXTURES / "articles"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("avim-analiz-tr-hazar.html", "avim-html"),
        ("avimbulten-blog-41-karadeniz.html", "avim-html"),
        ("avim-yorum-en-commentary.html", "avim-html"),
        ("avim-yorum-tr-malformed-truncated.html", "avim-html"),
        ("generic-pandoc-footnotes.html", "html"),
        ("generic-wordpress-footnotes.html", "html"),
        ("docx-footnotes-tr.docx", "docx"),
        ("bibliography-orta-asya.bib", "bibtex"),
        ("avim-blog-33-kritik-mineraller.txt", "text"),
    ],
)
def test_formats_are_detected_by_content_whatever_the_name(name: str, fmt: str) -> None:
    data = (ARTICLES / name).read_bytes()
    assert detect(data, source="upload.dat").format == fmt
    assert detect(data, source="").format == fmt


def test_avim_is_recognised_from_the_url_alone() -> None:
    html = b"<html><body><h1>T</h1><p>Bir paragraf.</p></body></html>"
    assert detect(html, source="https://avim.org.tr/tr/Yorum/X").format == "avim-html"
    assert detect(html, source="https://www.avimbulten.org/Blog/X").format == "avim-html"
    assert detect(html, source="https://example.org/x").format == "html"


def test_html_fragment_served_as_html() -> None:
    data = b"Intro line\n<p>One</p><p>Two</p>"
    assert detect(data, source="x", content_type="text/html; charset=utf-8").format == "html"
    assert detect(data, source="x.txt").format == "text"


@pytest.mark.parametrize("data", [b"", b"   \n\t ", b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n"])
def test_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInputError, match="empty"):
        load_bytes(data, source="empty.txt")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x00\x01\x02\x03binary\x00\x00", "binary"),
        (b"GIF89a\x01\x00", "GIF"),
    ],
)
def test_binary_input_is_unknown(data: bytes, message: str) -> None:
    with pytest.raises(UnknownFormatError, match=message):
        load_bytes(data, source="blob")


def test_zip_that_is_not_a_docx() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(UnknownFormatError, match=r"not a \.docx"):
        load_bytes(buf.getvalue(), source="archive.zip")


def test_damaged_docx() -> None:
    data = (ARTICLES / "docx-footnotes-tr.docx").read_bytes()
    with pytest.raises(InputError):
        load_bytes(data[: len(data) // 2], source="cut.docx")


def test_charsets() -> None:
    text = "Türkçe: ğüşıöç İĞÜŞÖÇ"
    assert decode(text.encode("utf-8")) == (text, "utf-8")
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"))[0] == text
    assert decode(text.encode("cp1254")) == (text, "windows-1254")
    assert decode(text.encode("utf-16"))[0] == text
    html = f'<html><head><meta charset="iso-8859-9"></head><body>{text}</body></html>'
    assert text in decode(html.encode("iso-8859-9"))[0]
    assert decode(text.encode("cp1254"), "text/plain; charset=windows-1254")[0] == text


def test_windows_1254_html_page_reads_turkish_letters() -> None:
    doc = load_path(ARTICLES / "avimbulten-blog-41-karadeniz.html")
    assert doc.title == "KARADENİZ'DE GÜVENLİK MİMARİSİ VE MONTRÖ"
    assert "Boğazlardan geçişini" in doc.paragraphs[1].text


def test_utf8_bom_text_file() -> None:
    data = b"\xef\xbb\xbf" + SEED_ARTICLE.read_bytes()
    doc = load_bytes(data, source="seed-with-bom.txt")
    assert len(doc.notes) == 17


def test_load_path_errors(tmp_path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        load_path(tmp_path / "missing.html")
    with pytest.raises(InputError, match="directory"):
        load_path(tmp_path)
