"""What an input is, decided from its bytes (the name and Content-Type only help).

1. empty or whitespace-only                      -> EmptyInputError
2. known binary signatures (PNG, JPEG, GIF, PDF)  -> UnknownFormatError
3. a zip with word/document.xml                  -> "docx" (any other zip: unknown)
4. other binary (NUL bytes, many control chars)   -> UnknownFormatError
5. decode to text (BOM, HTTP/meta charset, UTF-8, windows-1254 for Turkish)
6. HTML (a tag near the start): "avim-html" when the page is AVİM's, else "html"
7. BibTeX (``@article{…`` entries make up the text) -> "bibtex"
8. anything else textual                         -> "text" (Markdown is told apart later)
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from citecheck.errors import EmptyInputError, UnknownFormatError

_SIGNATURES: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF file (PDF input is not supported yet; save the page as HTML or text)"),
    (b"\xd0\xcf\x11\xe0", "an old-style Word/Office file (.doc); save it as .docx"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"RIFF", "a RIFF media file"),
]
# More than this share of control characters in the first 4 KiB means binary.
MAX_CONTROL_SHARE = 0.05
# Hosts whose pages follow the AVİM layout.
AVIM_HOSTS = ("avim.org.tr", "avimbulten.org")
_AVIM_MARKS = re.compile(
    r"avim\.org\.tr|avimbulten\.org|Avrasya İncelemeleri Merkezi|Center for Eurasian Studies",
    re.IGNORECASE,
)
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section"
    r"|main|h[1-6]|table|span|ol|ul|a\s|\?xml[^>]*>\s*<(?:!doctype\s+html|html))",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(r"<(?:html|body|p|div|br)\b[^>]*>|</(?:p|div|body)>", re.IGNORECASE)
_BIB_ENTRY = re.compile(r"^\s*@\s*(?:[a-zA-Z]+)\s*[{(]", re.MULTILINE)
_PRIVATE_MARKS = dict.fromkeys(range(0xE000, 0xE005))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.IGNORECASE)


@dataclass
class Detected:
    format: str  # "docx" | "avim-html" | "html" | "bibtex" | "text"
    text: str | None  # decoded text (None for docx)
    encoding: str | None = None


def detect(data: bytes, *, source: str = "", content_type: str | None = None) -> Detected:
    """Format and decoded text of ``data``; raises an InputError for unusable input."""
    name = source or "input"
    if not data.strip(b" \t\r\n\x00\x0b\x0c") or data.strip() in (codecs.BOM_UTF8, b""):
        raise EmptyInputError(f"{name} is empty: there is nothing to read")
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise UnknownFormatError(f"{name} is {what}, not an article citecheck can read")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        if b"word/document.xml" in data:
            return Detected("docx", None)
        raise UnknownFormatError(
            f"{name} is a zip archive without word/document.xml: not a .docx document"
        )
    text, encoding = decode(data, content_type)
    # The readers use private-use characters as in-text markers; input must not forge them.
    text = text.translate(_PRIVATE_MARKS)
    if not text.strip():
        raise EmptyInputError(f"{name} is empty: there is nothing to read")
    if _binary(text):
        raise UnknownFormatError(
            f"{name} looks binary (control characters); expected HTML, text, Markdown, "
            ".docx or BibTeX"
        )
    return Detected(_text_format(text, source, content_type), text, encoding)


def _binary(text: str) -> bool:
    head = text[:4096]
    if "\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > MAX_CONTROL_SHARE * len(head)


def _text_format(text: str, source: str, content_type: str | None) -> str:
    ctype = (content_type or "").split(";")[0].strip().lower()
    suffix = PurePath(urlsplit(source).path if "://" in source else source).suffix.lower()
    looks_html = bool(_HTML_START.match(text[:2000])) or (
        (ctype in ("text/html", "application/xhtml+xml") or suffix in (".html", ".htm", ".xhtml"))
        and bool(_HTML_ANYWHERE.search(text[:20000]))
    )
    if looks_html:
        return "avim-html" if is_avim(text, source) else "html"
    if _is_bibtex(text, suffix):
        return "bibtex"
    return "text"


def is_avim(html: str, source: str) -> bool:
    """An AVİM page: its URL is on an AVİM host, or the page names AVİM as its site."""
    host = (urlsplit(source).hostname or "") if "://" in source else ""
    if any(host == h or host.endswith("." + h) for h in AVIM_HOSTS):
        return True
    head = html[:30000]
    canonical = re.search(
        r"""<(?:link|meta)[^>]+(?:rel=["']canonical["']|property=["']og:url["'])[^>]*>""",
        head,
        re.IGNORECASE,
    )
    if canonical and re.search(r"avim\.org\.tr|avimbulten\.org", canonical[0], re.IGNORECASE):
        return True
    return len(_AVIM_MARKS.findall(html)) >= 2


def _is_bibtex(text: str, suffix: str) -> bool:
    entries = _BIB_ENTRY.findall(text)
    if not entries:
        return False
    if suffix == ".bib":
        return True
    # Most non-blank lines of a .bib file belong to entries; an article quoting one
    # @article{...} example is still an article.
    first = _BIB_ENTRY.search(text)
    before = text[: first.start()] if first else text
    return len(before.strip()) < 200 and len(entries) >= 1


def decode(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Text of ``data`` and the encoding used.

    Order: a BOM; the charset of the Content-Type or an HTML <meta>; UTF-8;
    windows-1254 (Turkish; a superset of Latin-1 for the letters in use); and
    UTF-8 with replacement as the last resort.
    """
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, errors="replace"), enc
    declared = _declared_charset(data, content_type)
    if declared and declared not in ("utf-8", "utf8"):
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared is None or declared in ("utf-8", "utf8"):
        try:
            return data.decode("cp1254"), "windows-1254"
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", errors="replace"), "utf-8"


def _declared_charset(data: bytes, content_type: str | None) -> str | None:
    if content_type:
        m = re.search(r"charset\s*=\s*[\"']?([\w:.-]+)", content_type, re.IGNORECASE)
        if m:
            return _normalize_charset(m[1])
    m = _META_CHARSET.search(data[:4096])
    if m:
        return _normalize_charset(m[1].decode("ascii", "ignore"))
    return None


def _normalize_charset(name: str) -> str | None:
    try:
        return codecs.lookup(name).name.replace("_", "-")
    except LookupError:
        return None
