"""The readable text of a fetched source: HTML main text, PDF text, plain text.

:func:`extract_source` is pure given the bytes (the fetch happens in
:mod:`citecheck.web.http`): it never raises, and a source it cannot read comes
back as a :class:`SourceText` with empty ``text`` and a problem saying why, so
claim verification can give the claim ``unverifiable`` with that reason.

The cascade, one step per kind of body:

1. Sniff the kind from the bytes first, the Content-Type second (servers send
   PDFs as ``application/octet-stream`` and HTML as ``text/plain``).
2. HTML: trafilatura's main-text extraction (navigation, cookie banners,
   related-article lists and comments dropped), with its metadata (title,
   publication date via htmldate); when it finds nothing, a plain walk over
   the visible text of the body. Bot walls and paywall stubs are recognised
   and reported instead of being read as the source.
3. PDF: pypdf, at most ``MAX_PDF_PAGES`` pages; encrypted and broken files
   are problems, not exceptions.
4. Plain text: decoded (header charset, UTF-8, else a detected charset);
   binary garbage is a problem.
5. Every kind: text capped at ``MAX_TEXT_CHARS`` (``truncated`` set), the
   language from the page's own tag or a small stopword vote (tr/en/de/ru).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from citecheck.web.extract_lang import detect_language, tag_language
from citecheck.web.liveness_signals import bot_wall

__all__ = [
    "MAX_PDF_PAGES",
    "MAX_TEXT_CHARS",
    "SourceText",
    "extract_source",
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
# trafilatura scores every element several times: a page of 60,000 elements
# takes it 30 s (a 5,000-word article has ~400). Beyond this the linear
# fallback walk reads the page instead.
MAX_TRAFILATURA_ELEMENTS = 15_000
# Below this many characters of text a page says nothing a claim could rest on
# (an empty shell, a "loading..." page, a link list).
MIN_TEXT_CHARS = 80
# A paywall or login stub is short: a teaser paragraph and a subscription box.
# A full article that merely mentions subscriptions is longer than this.
STUB_MAX_CHARS = 1500
# Share of control/replacement characters above which decoded bytes are binary.
BINARY_SHARE = 0.05

# Problem codes (the part of a problem string before the colon).
PROBLEM_EMPTY = "empty"
PROBLEM_BINARY = "binary"
PROBLEM_PDF_ENCRYPTED = "pdf_encrypted"
PROBLEM_PDF_UNREADABLE = "pdf_unreadable"
PROBLEM_PDF_NO_TEXT = "pdf_no_text"
PROBLEM_BOT_WALL = "bot_wall"
PROBLEM_PAYWALL = "paywall"
PROBLEM_TRUNCATED = "truncated"
PROBLEM_UNSUPPORTED = "unsupported_type"

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


def _charset(content_type: str | None) -> str | None:
    m = re.search(r"charset=[\"']?([\w.:-]+)", content_type or "", re.I)
    return m.group(1) if m else None


def _decode(body: bytes, content_type: str | None) -> str:
    declared = _charset(content_type)
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


def _problem(code: str, words: str) -> str:
    return f"{code}: {words}"


def _cap(src: SourceText) -> SourceText:
    if len(src.text) > MAX_TEXT_CHARS:
        cut = src.text.rfind(" ", MAX_TEXT_CHARS - 200, MAX_TEXT_CHARS)
        src.text = src.text[: cut if cut > 0 else MAX_TEXT_CHARS]
        src.truncated = True
        src.page_starts = [p if p < len(src.text) else -1 for p in src.page_starts]
        src.problems.append(
            _problem(PROBLEM_TRUNCATED, f"only the first {MAX_TEXT_CHARS:,} characters were read")
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
            problems=[
                _problem(PROBLEM_EMPTY, f"the source could not be read ({type(e).__name__})")
            ],
        )


def _extract(body: bytes, content_type: str | None, url: str) -> SourceText:
    if not body.strip():
        return SourceText(
            url=url, text="", problems=[_problem(PROBLEM_EMPTY, "the source is empty")]
        )
    kind = _kind(body, content_type)
    if kind == "pdf":
        from citecheck.web.extract_pdf import pdf_text

        src = pdf_text(body, url)
    elif kind == "html":
        src = _html(body[:MAX_HTML_BYTES], content_type, url)
        if len(body) > MAX_HTML_BYTES and src.text:
            src.truncated = True
            why = f"only the first {MAX_HTML_BYTES // 1024 // 1024} MiB of the page were read"
            src.problems.append(_problem(PROBLEM_TRUNCATED, why))
    elif kind == "text":
        src = _plain(body, content_type, url)
    else:
        ct = (content_type or "").split(";")[0].strip()
        return SourceText(
            url=url,
            text="",
            kind="text",
            problems=[_problem(PROBLEM_UNSUPPORTED, f"a {ct} file is not text")],
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
            problems=[_problem(PROBLEM_BINARY, "the source is binary data, not text")],
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = text.strip()
    if len(text) < MIN_TEXT_CHARS:
        return SourceText(
            url=url,
            text="",
            problems=[_problem(PROBLEM_EMPTY, "the source has almost no text")],
        )
    return SourceText(url=url, text=text, kind="text")


# --- HTML --------------------------------------------------------------------

# Paywall and login stubs, folded to lower case. Matched only on short pages
# (STUB_MAX_CHARS): a full article may well mention a subscription.
_PAYWALL = re.compile(
    r"subscribe (?:now )?to (?:continue|read)|to continue reading|this (?:article|content) is "
    r"(?:only )?(?:available )?(?:for|to) (?:subscribers|members)|subscribers only|sign in to "
    r"(?:continue|read)|already a subscriber|log in to read|"
    r"abone ol(?:un|arak)?|okumaya devam etmek için|yalnızca abonelere|üye girişi yap|"
    r"jetzt abonnieren|weiterlesen mit|nur für abonnenten|artikel freischalten|"
    r"подпишитесь|только для подписчиков|чтобы продолжить чтение",
    re.I,
)
_NOT_FREE = re.compile(r'"isAccessibleForFree"\s*:\s*"?(?:false|False)"?')


def _parse(body: bytes, content_type: str | None) -> lxml.html.HtmlElement | None:
    declared = _charset(content_type)
    try:
        parser = lxml.html.HTMLParser(encoding=declared) if declared else lxml.html.HTMLParser()
    except LookupError:
        parser = lxml.html.HTMLParser()
    try:
        return lxml.html.document_fromstring(body, parser=parser)
    except (lxml.etree.ParserError, ValueError, LookupError):
        return None


def _html(body: bytes, content_type: str | None, url: str) -> SourceText:
    src = SourceText(url=url, text="", kind="html")
    root = _parse(body, content_type)
    if root is None:
        src.problems.append(_problem(PROBLEM_EMPTY, "the page does not parse as HTML"))
        return src
    src.language = tag_language(root.get("lang") or root.get("xml:lang"))
    # 1. trafilatura: main text and metadata (title, date via htmldate); not on
    #    huge trees, where its scoring passes take tens of seconds.
    if sum(1 for _ in root.iter()) <= MAX_TRAFILATURA_ELEMENTS:
        text, src.title, src.published = _trafilatura(body, root, url)
    else:  # metadata from <head> alone: the body is too big for its searches too
        head = root.find("head")
        small = lxml.html.document_fromstring(
            b"<html>"
            + (lxml.html.tostring(head) if head is not None else b"")
            + b"<body></body></html>"
        )
        text, src.title, src.published = "", *_metadata(small, url)
    # 2. Fallback: every visible text block of the body.
    if len(text) < MIN_TEXT_CHARS:
        text = _visible_text(root)
    # 3. What the text is: a wall, a stub, nothing, or the source.
    wall = bot_wall(None, {}, body)
    if wall:
        why = f"a {wall} page stands in front of the content"
        src.problems.append(_problem(PROBLEM_BOT_WALL, why))
        return src
    if len(text) < STUB_MAX_CHARS and (
        _PAYWALL.search(text) or _NOT_FREE.search(body.decode("utf-8", "replace"))
    ):
        why = "only a teaser is shown; the text is behind a paywall or login"
        src.problems.append(_problem(PROBLEM_PAYWALL, why))
        return src
    if len(text) < MIN_TEXT_CHARS:
        why = "the page has no readable text (script-built or empty)"
        src.problems.append(_problem(PROBLEM_EMPTY, why))
        return src
    src.text = text
    return src


def _trafilatura(
    body: bytes, root: lxml.html.HtmlElement, url: str
) -> tuple[str, str | None, str | None]:
    """Main text, title and publication date; metadata alone when there is no main text."""
    import trafilatura

    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.ERROR)
    doc = trafilatura.bare_extraction(
        body,
        url=url,
        with_metadata=True,
        include_comments=False,  # reader comments are not the source's claims
        include_tables=True,  # statistics tables carry facts claims cite
        favor_recall=True,  # a missing evidence sentence costs more than a stray line
    )
    if doc is None or isinstance(doc, dict):
        return "", *_metadata(root, url)
    return (doc.text or "").strip(), doc.title or None, doc.date or None


def _metadata(root: lxml.html.HtmlElement, url: str) -> tuple[str | None, str | None]:
    from trafilatura.metadata import extract_metadata

    doc = extract_metadata(root, default_url=url)
    return doc.title or None, doc.date or None


_WS = re.compile(r"[ \t\u00a0]+")
_BLOCKS = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "br",
    "section",
    "article",
    "blockquote",
    "pre",
    "td",
    "th",
    "dd",
    "dt",
    "figcaption",
}
_SKIP = (
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "svg",
    "iframe",
)


def _visible_text(root: lxml.html.HtmlElement) -> str:
    """Visible text with block elements on their own lines (the fallback when
    trafilatura finds no main text, e.g. a page that is one long <div>)."""
    lxml.etree.strip_elements(root, *_SKIP, lxml.etree.Comment, with_tail=False)
    body = root.find("body")
    parts: list[str] = []
    for el in (body if body is not None else root).iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _BLOCKS:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        if el.tail:
            parts.append(el.tail)
    lines = (_WS.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
