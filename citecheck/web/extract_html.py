"""Main text of an HTML source: trafilatura, a fallback walk, walls and stand-in pages.

Called by :func:`citecheck.web.extract.extract_source` for HTML bodies.
"""

from __future__ import annotations

import copy
import logging
import re

import lxml.etree
import lxml.html

from citecheck.web.extract import (
    MIN_TEXT_CHARS,
    MIN_TEXT_WORDS,
    PROBLEM_BOT_WALL,
    PROBLEM_EMPTY,
    SourceText,
    charset,
    problem,
)
from citecheck.web.extract_lang import tag_language
from citecheck.web.extract_stub import (
    STUB_MAX_CHARS,
    TEASER_MAX_CHARS,
    non_source,
    page_signals,
    script_shell,
)
from citecheck.web.liveness_signals import bot_wall
from citecheck.web.pagemeta import published_date

__all__ = ["MAX_TRAFILATURA_ELEMENTS", "STUB_MAX_CHARS", "html_text"]

# trafilatura scores every element several times: a page of 60,000 elements
# takes it 30 s (a 5,000-word article has ~400). Beyond this the linear
# fallback walk reads the page instead.
MAX_TRAFILATURA_ELEMENTS = 15_000


# a <meta charset> or http-equiv declaration, which libxml2 reads itself
_META_CHARSET = re.compile(rb"<meta[^>]+charset", re.IGNORECASE)


def _parse(body: bytes, content_type: str | None) -> lxml.html.HtmlElement | None:
    declared = charset(content_type)
    if not declared and not _META_CHARSET.search(body[:4096]):
        # undeclared: libxml2 assumes Latin-1, HTML5 and every saved page UTF-8
        try:
            body.decode("utf-8")
            declared = "utf-8"
        except UnicodeDecodeError:
            pass
    try:
        parser = lxml.html.HTMLParser(encoding=declared) if declared else lxml.html.HTMLParser()
    except LookupError:
        parser = lxml.html.HTMLParser()
    try:
        return lxml.html.document_fromstring(body, parser=parser)
    except (lxml.etree.ParserError, ValueError, LookupError):
        return None


def html_text(body: bytes, content_type: str | None, url: str) -> SourceText:
    src = SourceText(url=url, text="", kind="html")
    root = _parse(body, content_type)
    if root is None:
        src.problems.append(problem(PROBLEM_EMPTY, "the page does not parse as HTML"))
        return src
    src.language = tag_language(root.get("lang") or root.get("xml:lang"))
    signals = page_signals(root, body)  # before the fallback walk strips the tree
    dated = published_date(root)
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
    # The page's own tags and dateline first: htmldate's guess (a copyright
    # year as 1 January) is only taken when the page says nothing itself.
    src.published = dated[:10] if dated else src.published  # the day: no time or zone
    # 2. Fallback: every visible text block of the body.
    walked = len(text) < MIN_TEXT_CHARS
    # The page's other text (teasers, sidebars, related articles) before the
    # walk strips them: a figure only there is not the article's (verify/aside.py)
    aside = "" if walked else _aside(root, text)
    if walked:
        text = _visible_text(root)
    # 3. What the text is: a wall, a stub, nothing, or the source.
    wall = bot_wall(None, {}, body)
    if wall:
        why = f"a {wall} page stands in front of the content"
        src.problems.append(problem(PROBLEM_BOT_WALL, why))
        return src
    # Error pages, catalogue records, paywall and login stubs (extract_stub).
    stand_in = non_source(text, signals, url)
    if stand_in:
        src.problems.append(problem(*stand_in))
        return src
    # A JavaScript app's shell: no main text, at most a cookie banner, a
    # "loading" line or its own "enable JavaScript" note.
    shell = script_shell(signals, text, walked) if len(text) < TEASER_MAX_CHARS else None
    if shell:
        src.problems.append(problem(*shell))
        return src
    if len(text.split()) < MIN_TEXT_WORDS:
        why = "the page has no readable text (script-built or empty)"
        src.problems.append(problem(PROBLEM_EMPTY, why))
        return src
    src.text = text
    src.aside = aside
    return src


# htmldate without its extensive text search (see html_text), first-published date
_DATES = {"extensive_search": False, "original_date": True}


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
        # markup dates only: htmldate's text search reads "© 2025" as 2025-01-01
        date_extraction_params=_DATES,
    )
    if doc is None or isinstance(doc, dict):
        return "", *_metadata(root, url)
    return (doc.text or "").strip(), doc.title or None, doc.date or None


def _metadata(root: lxml.html.HtmlElement, url: str) -> tuple[str | None, str | None]:
    from trafilatura.metadata import extract_metadata

    doc = extract_metadata(root, default_url=url, date_config=_DATES, extensive=False)
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
    # stripped by the fallback walk, but lines of their own in the page's other
    # text: a footer does not run on from the last teaser (_aside)
    "nav",
    "header",
    "footer",
    "aside",
    "form",
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


# What a reader never sees, even around the article
_INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe")
# The page text kept beside the article, at most (a teaser box is a few hundred)
MAX_ASIDE_CHARS = 20_000
_FOLD_SPACE = re.compile(r"\s+")


def _aside(root: lxml.html.HtmlElement, text: str) -> str:
    """The lines of the page a reader sees that are not in its main ``text``:
    navigation, teasers, related-article boxes, footers."""
    main = _FOLD_SPACE.sub(" ", text)
    lines = _visible_text(copy.deepcopy(root), _INVISIBLE).split("\n")
    kept = [line for line in lines if _FOLD_SPACE.sub(" ", line) not in main]
    return "\n".join(kept)[:MAX_ASIDE_CHARS]


def _visible_text(root: lxml.html.HtmlElement, skip: tuple[str, ...] = _SKIP) -> str:
    """Visible text with block elements on their own lines (the fallback when
    trafilatura finds no main text, e.g. a page that is one long <div>);
    ``skip``: the elements left out (by default the page's furniture too)."""
    lxml.etree.strip_elements(root, *skip, lxml.etree.Comment, with_tail=False)
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
