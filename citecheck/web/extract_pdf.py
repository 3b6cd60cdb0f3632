"""Text of a PDF source with pypdf: bounded pages, encrypted and broken files as problems."""

from __future__ import annotations

import logging
import re
from io import BytesIO

from pypdf import PdfReader

from citecheck.web.extract import (
    MAX_PDF_PAGES,
    MAX_TEXT_CHARS,
    PROBLEM_PDF_ENCRYPTED,
    PROBLEM_PDF_NO_TEXT,
    PROBLEM_PDF_UNREADABLE,
    PROBLEM_TRUNCATED,
    SourceText,
)
from citecheck.web.extract_lang import tag_language

__all__ = ["pdf_text"]

# A word hyphenated across a line end ("öncelik-\nlerimiz", "Verarbei-\ntung")
# is joined; a hyphen before a capital or digit is a real one ("C5+1-\nGipfel").
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_A-ZÇĞİÖŞÜÄА-Я])")
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_SPACES = re.compile(r"[ \t\u00a0]+")
_LETTER = re.compile(r"[^\W\d_]")
# A scanned PDF's only text is what the scanner or a library stamped on it: a
# page number, "Digitized by ...", a shelf mark. Below this many letters per
# page on average, on a PDF whose pages are images, there is no text layer to
# check; a real text page has 1,500-3,000 letters, a sparse title page 50+.
MIN_LETTERS_PER_PAGE = 40


def _iso(raw: object) -> str | None:
    m = _PDF_DATE.match(str(raw or ""))
    if not m:
        return None
    return "-".join(g for g in m.groups() if g)


def pdf_text(body: bytes, url: str) -> SourceText:
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed files warn page by page
    src = SourceText(url=url, text="", kind="pdf")
    try:
        reader, ended = _open(body)
        if reader.is_encrypted and not reader.decrypt(""):  # owner-only protection opens with ""
            src.problems.append(f"{PROBLEM_PDF_ENCRYPTED}: the PDF is password-protected")
            return src
        n_pages = len(reader.pages)
    except Exception as e:  # hostile files raise anything from deep inside pypdf
        src.problems.append(_open_problem(body, e))
        return src
    if not ended:
        src.truncated = True
        why = "the PDF's end marker is missing; read as far as it goes"
        src.problems.append(f"{PROBLEM_TRUNCATED}: {why}")
    _metadata(reader, src)
    parts: list[str] = []
    starts: list[int] = []  # offset of each page's text in the joined text; -1: unreadable
    chars = 0
    failed = 0
    for i in range(min(n_pages, MAX_PDF_PAGES)):
        try:
            page = _clean(reader.pages[i].extract_text() or "")
        except Exception:  # one bad page (a broken content stream) is skipped
            failed += 1
            starts.append(-1)
            continue
        starts.append(chars + 2 * len(parts) if page else -1)
        if page:
            parts.append(page)
            chars += len(page)
        if chars > MAX_TEXT_CHARS:
            break
    text = "\n\n".join(parts)
    src.page_starts = starts
    if n_pages > MAX_PDF_PAGES:
        src.truncated = True
        src.problems.append(
            f"{PROBLEM_TRUNCATED}: only the first {MAX_PDF_PAGES} of {n_pages} pages were read"
        )
    if not text.strip():
        code, why = (
            (PROBLEM_PDF_UNREADABLE, "no page of the PDF could be read")
            if failed and not parts
            else (PROBLEM_PDF_NO_TEXT, "the PDF has no text layer (scanned pages?)")
        )
        src.problems.append(f"{code}: {why}")
        return src
    read = len(starts) - failed
    if len(_LETTER.findall(text)) < MIN_LETTERS_PER_PAGE * max(read, 1) and _scanned(reader):
        why = "the PDF has no text layer (scanned pages?)"  # same words as no text at all
        src.problems.append(f"{PROBLEM_PDF_NO_TEXT}: {why}")
        return src
    src.text = text
    return src


# Pages looked at for images: a scan is images throughout.
SCAN_SAMPLE_PAGES = 5


def _scanned(reader: PdfReader) -> bool:
    """Whether the first pages draw images (the scans) rather than text."""
    try:
        for page in reader.pages[:SCAN_SAMPLE_PAGES]:
            xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
            xobjects = xobjects.get_object() if hasattr(xobjects, "get_object") else xobjects
            if any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values()):
                return True
    except Exception:  # a broken resource dictionary: no evidence of a scan
        return False
    return False


def _clean(page: str) -> str:
    """One page's text: line ends unified, hyphenated words joined, spaces squeezed."""
    page = _HYPHEN_BREAK.sub("", page.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in page.split("\n")).strip()


_END = b"\nstartxref\n0\n%%EOF\n"


def _open(body: bytes) -> tuple[PdfReader, bool]:
    """The reader, and whether the file has its end marker. A download cut
    short, or a writer that spelt the marker "%EOF", leaves pypdf nothing to
    start from even when every object is there: a pointer to no cross-reference
    table and the marker are appended, and pypdf rebuilds the table from the
    objects it finds."""
    try:
        return PdfReader(BytesIO(body), strict=False), True
    except Exception:
        if b"%%EOF" in body[-2048:]:
            raise
        try:
            return PdfReader(BytesIO(body + _END), strict=False), False
        except Exception:
            pass
        raise


def _open_problem(body: bytes, e: Exception) -> str:
    name = type(e).__name__
    if "crypt" in str(e).lower() or name == "DependencyError":
        # AES needs the optional "cryptography" package; without it pypdf cannot open the file.
        return (
            f"{PROBLEM_PDF_ENCRYPTED}: the PDF is encrypted in a way that cannot be opened ({name})"
        )
    if b"%%EOF" not in body[-2048:]:
        return f"{PROBLEM_PDF_UNREADABLE}: the PDF is cut short (its end is missing) ({name})"
    return f"{PROBLEM_PDF_UNREADABLE}: the PDF is broken ({name})"


def _metadata(reader: PdfReader, src: SourceText) -> None:
    """Title, creation date and /Lang of the document; a broken info dictionary is skipped."""
    try:
        meta = reader.metadata or {}
        title = " ".join(str(meta.get("/Title") or "").split())
        src.title = title or None
        src.published = _iso(meta.get("/CreationDate"))
        src.language = tag_language(str(reader.root_object.get("/Lang") or ""))
    except Exception:  # metadata is a bonus; the text is what matters
        return
