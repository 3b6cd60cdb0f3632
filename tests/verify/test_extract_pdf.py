"""PDF sources: text with pypdf, bounded pages; broken, cut and encrypted files are problems."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader, PdfWriter

from citecheck.web import extract_pdf
from citecheck.web.extract import SourceText, extract_source
from tests.conftest import FIXTURES
from tests.verify.pdfbuild import build_pdf

PAGES = [
    [
        "Kazakhstan supplies about 40 percent of the world's uranium and a quarter of",
        "US uranium imports. The state company Kazatomprom is an important sup-",
        "plier to the US nuclear power and defence sectors.",
    ],
    ["A $1.1 billion project with Cove Capital aims at a rare earth value chain."],
]


def _codes(src: SourceText) -> list[str]:
    return [p.split(":")[0] for p in src.problems]


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(BytesIO(build_pdf(PAGES))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_text_and_metadata() -> None:
    body = build_pdf(PAGES, title="Uranium Report", created="20251106")
    # servers often send PDFs as octet-stream: the signature decides
    src = extract_source(body, "application/octet-stream", "https://x.test/r.pdf")
    assert src.kind == "pdf" and src.problems == [] and not src.truncated
    assert src.title == "Uranium Report" and src.published == "2025-11-06" and src.language == "en"
    # a word hyphenated across a line end is joined again
    assert "an important supplier to the US nuclear power" in src.text
    assert "A $1.1 billion project with Cove Capital" in src.text


def test_pdf_fixture() -> None:
    src = extract_source(
        (FIXTURES / "sources" / "report-en-critical-minerals.pdf").read_bytes(),
        "application/pdf",
        "u",
    )
    assert src.kind == "pdf" and src.published == "2025-05-21"
    assert "Demand for critical minerals did not decline in 2024." in " ".join(src.text.split())


def test_cut_short_pdf() -> None:
    body = build_pdf(PAGES)
    src = extract_source(body[: len(body) // 2], "application/pdf", "u")
    assert src.text == "" and _codes(src) == ["pdf_unreadable"]
    assert "cut short" in src.problems[0]


@pytest.mark.parametrize(
    "cut",
    [
        lambda body: body.replace(b"%%EOF", b"%EOF"),  # a writer's misspelt end marker
        lambda body: body[: body.rindex(b"xref")],  # a download cut before its table
    ],
)
def test_a_pdf_without_its_end_marker_is_read_as_far_as_it_goes(cut) -> None:  # type: ignore[no-untyped-def]
    src = extract_source(cut(build_pdf(PAGES)), "application/pdf", "u")
    assert "an important supplier to the US nuclear power" in src.text
    assert src.truncated and _codes(src) == ["truncated"]
    assert "end marker is missing" in src.problems[0]


@pytest.mark.parametrize(
    "body",
    [
        b"%PDF-1.7\n" + bytes(range(256)) * 20,
        b"%PDF-",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF",
    ],
)
def test_garbage_pdf(body: bytes) -> None:
    src = extract_source(body, "application/pdf", "u")
    assert src.text == "" and src.kind == "pdf"
    assert _codes(src)[0] in ("pdf_unreadable", "pdf_no_text")


def test_not_a_pdf_although_the_server_says_so() -> None:
    src = extract_source(b"<html><body><p>Moved</p></body></html>", "application/pdf", "u")
    assert src.kind == "html"


def test_password_protected_pdf() -> None:
    src = extract_source(_encrypted("secret"), "application/pdf", "u")
    assert src.text == "" and _codes(src) == ["pdf_encrypted"]


def test_owner_only_protection_still_reads() -> None:
    src = extract_source(_encrypted(""), "application/pdf", "u")
    assert src.problems == [] and "Kazatomprom" in src.text


def test_pdf_without_text_layer() -> None:
    src = extract_source(build_pdf([[], []]), "application/pdf", "u")
    assert src.text == "" and _codes(src) == ["pdf_no_text"]


def test_page_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_pdf, "MAX_PDF_PAGES", 2)
    body = build_pdf([[f"Page {i} says Kazakhstan mined {i} tonnes."] for i in range(1, 6)])
    src = extract_source(body, "application/pdf", "u")
    assert src.truncated and _codes(src) == ["truncated"]
    assert "Page 2 says" in src.text and "Page 3 says" not in src.text


def test_page_offsets() -> None:
    body = build_pdf([["Page one mentions uranium."], [], ["Page three mentions copper."]])
    src = extract_source(body, "application/pdf", "u")
    assert src.page_starts[1] == -1  # a page without text
    assert src.text[src.page_starts[0] :].startswith("Page one")
    assert src.text[src.page_starts[2] :] == "Page three mentions copper."
