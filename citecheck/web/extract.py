"""The readable text of a fetched source: HTML main text, PDF text, plain text.

:func:`extract_source` is pure given the bytes (the fetch happens in
:mod:`citecheck.web.http`): it never raises, and a source it cannot read comes
back as a :class:`SourceText` with empty ``text`` and a problem saying why, so
claim verification can give the claim ``unverifiable`` with that reason.

The cascade, one step per kind of body:

1. Sniff the kind from the bytes first, the Content-Type second (servers send
   PDFs as ``application/octet-stream`` and HTML as ``text/plain``).
2. HTML (:mod:`citecheck.web.extract_html`): trafilatura's main-text
   extraction (navigation, cookie banners, related-article lists and
   comments dropped), with its metadata (title,
   publication date via htmldate); when it finds nothing, a plain walk over
   the visible text of the body. Bot walls and pages that stand where the
   source should be (:mod:`citecheck.web.extract_stub`: error pages served
   as 200, library/bookshop records of print books, paywall and login stubs,
   JavaScript shells) are recognised and reported instead of being read as
   the source.
3. PDF (:mod:`citecheck.web.extract_pdf`): pypdf, at most ``MAX_PDF_PAGES``
   pages; encrypted and broken files are problems, not exceptions.
4. Plain text: decoded (header charset, UTF-8, else a detected charset);
   binary garbage is a problem; a saved error page or record is one too.
5. Every kind: text capped at ``MAX_TEXT_CHARS`` (``truncated`` set), the
   language from the page's own tag or a small stopword vote (tr/en/de/ru).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Protocol

from citecheck.web.extract_lang import detect_language

__all__ = [
    "MAX_PDF_PAGES",
    "MAX_TEXT_CHARS",
    "MIN_TEXT_WORDS",
    "SourceText",
    "extract_source",
    "source_from_fetch",
]

# 400,000 characters is ~60,000 words: a long report or a book chapter. The
# longest sources AVİM notes cite (IEA reports, journal articles) run 20,000-
# 40,000 words; past the cap the evidence is unlikely to be reached anyway and
# retrieval over more passages gets slow.
MAX_TEXT_CHARS = 400_000
# pypdf needs ~10-40 ms a page; 150 pages bound the work at a few seconds and
# cover journal articles and most reports (a cited page beyond it is reported
# as a truncated source, not as "not found").
MAX_PDF_PAGES = 150
# HTML is parsed from at most this many bytes (the HTTP client caps bodies too).
MAX_HTML_BYTES = 5 * 1024 * 1024
# Below this many characters of text a page says nothing a claim could rest on
# (an empty shell, a "loading..." page, a link list) — main text shorter than
# this is looked for in the page's visible text too.
MIN_TEXT_CHARS = 80
# ... but a short text is still a source when it is a sentence: a transcribed
# book page or a quoted excerpt of one line. Fewer words than this is nothing.
MIN_TEXT_WORDS = 6
# Share of control/replacement characters above which decoded bytes are binary.
BINARY_SHARE = 0.05

# Problem codes (the part of a problem string before the colon).
PROBLEM_EMPTY = "empty"
PROBLEM_BINARY = "binary"
PROBLEM_PDF_ENCRYPTED = "pdf_encrypted"
PROBLEM_PDF_UNREADABLE = "pdf_unreadable"
PROBLEM_PDF_NO_TEXT = "pdf_no_text"  # no text layer: scanned page images
PROBLEM_BOT_WALL = "bot_wall"
PROBLEM_PAYWALL = "paywall"
# Pages that stand where the source should be (citecheck.web.extract_stub).
PROBLEM_ERROR_PAGE = "error_page"  # a "page not found" text served or saved as the page
PROBLEM_CATALOGUE_RECORD = "catalogue_record"  # a library/bookshop record of a book
PROBLEM_LOGIN_WALL = "login_wall"
PROBLEM_SCRIPT_SHELL = "script_shell"  # HTML whose text only JavaScript would build
PROBLEM_TRUNCATED = "truncated"
PROBLEM_UNSUPPORTED = "unsupported_type"
PROBLEM_UNREACHABLE = "unreachable"

_log = logging.getLogger(__name__)


@dataclass
class SourceText:
    """What a cited source says, as text, with where it came from."""

    url: str
    text: str
    title: str | None = None
    language: str | None = None  # "tr" | "en" | "de" | "ru" | other ISO 639-1 | None
    published: str | None = None  # ISO date, possibly partial
    kind: str = "text"  # "html" | "pdf" | "text"
    truncated: bool = False  # text stops at a cap: MAX_TEXT_CHARS or MAX_PDF_PAGES
    # "code: plain words", code one of the PROBLEM_* constants; an unreadable
    # source has empty text and at least one problem.
    problems: list[str] = field(default_factory=list)
    # PDF only: offset in ``text`` where page i+1 starts (-1: page without
    # text), so a note citing "s. 215" can be checked against that page.
    page_starts: list[int] = field(default_factory=list)
    # HTML only: the page's visible lines outside its main text (teasers,
    # sidebars, related articles), which are not the source's statements
    aside: str = ""

    @property
    def readable(self) -> bool:
        return bool(self.text)


# --- sniffing ----------------------------------------------------------------

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p)\b",
    re.I | re.S,
)


def _kind(body: bytes, content_type: str | None) -> str:
    head = body[:1024]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    ct = (content_type or "").split(";")[0].strip().lower()
    if _HTML_START.match(head) or "html" in ct or ct.endswith("+xml"):
        return "html"
    if ct == "application/pdf":
        return "pdf"  # claims to be a PDF, but no signature: read as one, it fails clearly
    if not ct or ct.startswith("text/") or ct in ("application/json", "application/xml"):
        return "text"
    return "other"


def charset(content_type: str | None) -> str | None:
    m = re.search(r"charset=[\"']?([\w.:-]+)", content_type or "", re.I)
    return m.group(1) if m else None


def _decode(body: bytes, content_type: str | None) -> str:
    declared = charset(content_type)
    if declared:
        try:
            return body.decode(declared, errors="replace")
        except LookupError:
            pass
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # requests' own dependency

    best = from_bytes(body[:200_000]).best()
    encoding = best.encoding if best is not None else "utf-8"
    return body.decode(encoding, errors="replace")


def _looks_binary(text: str) -> bool:
    sample = text[:20_000]
    if not sample:
        return False
    bad = sum(1 for c in sample if c == "\ufffd" or (ord(c) < 32 and c not in "\t\n\r\f"))
    return bad / len(sample) > BINARY_SHARE


def problem(code: str, words: str) -> str:
    return f"{code}: {words}"


def _cap(src: SourceText) -> SourceText:
    if len(src.text) > MAX_TEXT_CHARS:
        cut = src.text.rfind(" ", MAX_TEXT_CHARS - 200, MAX_TEXT_CHARS)
        src.text = src.text[: cut if cut > 0 else MAX_TEXT_CHARS]
        src.truncated = True
        src.page_starts = [p if p < len(src.text) else -1 for p in src.page_starts]
        src.problems.append(
            problem(PROBLEM_TRUNCATED, f"only the first {MAX_TEXT_CHARS:,} characters were read")
        )
    return src


# --- entry point -------------------------------------------------------------


def extract_source(body: bytes, content_type: str | None, url: str) -> SourceText:
    """The readable text of ``body`` (served with ``content_type`` from ``url``); never raises."""
    try:
        return _extract(body or b"", content_type, url)
    except Exception as e:  # a source we cannot read is a finding, not a crash
        _log.debug("extraction failed for %s", url, exc_info=True)
        return SourceText(
            url=url,
            text="",
            problems=[problem(PROBLEM_EMPTY, f"the source could not be read ({type(e).__name__})")],
        )


def _extract(body: bytes, content_type: str | None, url: str) -> SourceText:
    if not body.strip():
        return SourceText(
            url=url, text="", problems=[problem(PROBLEM_EMPTY, "the source is empty")]
        )
    kind = _kind(body, content_type)
    if kind == "pdf":
        from citecheck.web.extract_pdf import pdf_text

        src = pdf_text(body, url)
    elif kind == "html":
        from citecheck.web.extract_html import html_text

        src = html_text(body[:MAX_HTML_BYTES], content_type, url)
        if len(body) > MAX_HTML_BYTES and src.text:
            src.truncated = True
            why = f"only the first {MAX_HTML_BYTES // 1024 // 1024} MiB of the page were read"
            src.problems.append(problem(PROBLEM_TRUNCATED, why))
    elif kind == "text":
        src = _plain(body, content_type, url)
    else:
        ct = (content_type or "").split(";")[0].strip()
        return SourceText(
            url=url,
            text="",
            kind="text",
            problems=[problem(PROBLEM_UNSUPPORTED, f"a {ct} file is not text")],
        )
    src = _cap(src)
    if src.text:
        # The text's own words outrank a page tag: templates say lang="en"
        # over Turkish articles. The vote abstains when unsure; the tag stays.
        src.language = detect_language(src.text) or src.language
    return src


def _plain(body: bytes, content_type: str | None, url: str) -> SourceText:
    text = _decode(body, content_type)
    if _looks_binary(text):
        return SourceText(
            url=url,
            text="",
            problems=[problem(PROBLEM_BINARY, "the source is binary data, not text")],
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = text.strip()
    from citecheck.web.extract_stub import non_source

    stand_in = non_source(text, None, url)  # a saved error page, record or paywall stub
    if stand_in:
        return SourceText(url=url, text="", problems=[problem(*stand_in)])
    if len(text.split()) < MIN_TEXT_WORDS:
        return SourceText(
            url=url,
            text="",
            problems=[problem(PROBLEM_EMPTY, "the source has almost no text")],
        )
    from citecheck.web.dateline import dateline

    return SourceText(url=url, text=text, kind="text", published=dateline(text))


class _Fetched(Protocol):
    url: str
    final_url: str | None
    status: int | None
    body: bytes
    truncated: bool
    content_type: str | None
    charset: str | None
    error: str | None


def source_from_fetch(result: _Fetched) -> SourceText:
    """:func:`extract_source` on an ``HttpClient.fetch`` result (citecheck.web.result.FetchResult).

    A fetch that failed or answered an error status gives no text and an
    ``unreachable`` problem, unless its body is a bot wall (then ``bot_wall``:
    the page is probably alive behind it). A body cut at the client's size
    cap is read as far as it goes and marked truncated.
    """
    url = result.final_url or result.url
    ctype = result.content_type
    if ctype and result.charset:
        ctype = f"{ctype}; charset={result.charset}"
    failed = result.status is None or result.status >= 400
    if failed and not result.body:
        why = result.error or (f"HTTP {result.status}" if result.status else "no answer")
        return SourceText(url=url, text="", problems=[problem(PROBLEM_UNREACHABLE, why)])
    src = extract_source(result.body, ctype, url)
    if failed:
        if any(p.startswith(PROBLEM_BOT_WALL) for p in src.problems):
            return SourceText(url=url, text="", problems=src.problems)
        why = result.error or f"the server answered HTTP {result.status}"
        return SourceText(url=url, text="", problems=[problem(PROBLEM_UNREACHABLE, why)])
    if result.truncated and src.text and not src.truncated:
        src.truncated = True
        src.problems.append(problem(PROBLEM_TRUNCATED, "the download stopped at the size cap"))
    return src
