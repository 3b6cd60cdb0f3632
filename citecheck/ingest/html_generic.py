"""Footnoted HTML from any site, and the page pipeline the AVİM reader builds on.

1. parse (lxml, forgiving) — nothing parseable: an ingest problem, empty Document;
2. page metadata from ``citation_*``, Open Graph, Dublin Core and JSON-LD tags,
   ``<title>``, ``<html lang>`` and the canonical link — before scripts are dropped;
3. drop menus, sidebars, sharing widgets and scripts;
4. the article region: ``<article>``/``<main>`` when they hold the text, else the
   densest paragraph container, widened to include the ``<h1>``;
5. notes containers, bibliography sections and the how-to-cite block that sit
   outside the region are added after it;
6. blocks -> shared splitter -> shared assembler.
"""

from __future__ import annotations

from lxml import etree

from citecheck.ingest import furniture, meta
from citecheck.ingest.assemble import build, problem
from citecheck.ingest.html_blocks import html_blocks
from citecheck.ingest.html_common import (
    NOTES_CONTAINER,
    article_heading,
    canonical_url,
    class_id,
    hidden_urls,
    json_ld,
    looks_truncated,
    main_element,
    meta_content,
    parse_html,
    remove_junk,
    text_of,
)
from citecheck.ingest.sections import Block, split_blocks
from citecheck.model import Document

# JSON-LD @type -> Document.kind
_LD_KINDS = {
    "blogposting": "blog",
    "newsarticle": "news",
    "scholarlyarticle": "article",
    "report": "report",
    "analysisnewsarticle": "analysis",
    "opinionnewsarticle": "commentary",
}


def read_html(text: str, source: str) -> Document:
    """A Document from a footnoted HTML page of any site."""
    doc, _root = read_page(text, source, "html")
    return doc


def clean_html(text: str, keep_urls: bool) -> str:
    return hidden_urls(text, keep_urls)


def read_page(text: str, source: str, fmt: str) -> tuple[Document, etree._Element | None]:
    doc = Document(source=source, format=fmt)
    root = parse_html(text)
    if root is None:
        problem(doc, "no HTML could be parsed from the input")
        return doc, None
    if looks_truncated(text):
        problem(doc, "the page looks truncated (it ends without </body> or </html>)")
    page_metadata(doc, root)
    remove_junk(root)
    main = main_element(root)
    region = _with_heading(root, main)
    blocks = html_blocks(region)
    blocks.extend(_outside_parts(root, region))
    build(doc, split_blocks(blocks, clean_html), clean_html)
    if not doc.paragraphs and not doc.notes:
        problem(doc, "no article text was found on the page")
    return doc, root


def page_metadata(doc: Document, root: etree._Element) -> None:
    """Title, authors, date, language and URL from the page's own tags."""
    ld = json_ld(root)
    doc.canonical_url = canonical_url(root) or _ld_value(ld, "url")
    heading = article_heading(root)
    h1 = text_of(heading) if heading is not None else None
    titles = [
        *meta_content(root, "citation_title", "dc.title"),
        *([h1] if h1 else []),
        *meta_content(root, "og:title", "twitter:title"),
        *([str(_ld_value(ld, "headline"))] if _ld_value(ld, "headline") else []),
        *[text_of(t) for t in root.iter("title")],
    ]
    doc.title = next((t for t in (meta.clean_title(x) for x in titles) if t), None)
    authors = meta_content(root, "citation_author", "dc.creator", "author", "article:author")
    if not authors:
        authors = _ld_authors(ld)
    doc.authors = [a for a in authors if a and not a.startswith("http")]
    for value in [
        *meta_content(
            root,
            "citation_publication_date",
            "citation_date",
            "article:published_time",
            "dc.date",
            "date",
        ),
        str(_ld_value(ld, "datePublished") or ""),
    ]:
        doc.published = meta.iso_date(value)
        if doc.published:
            break
    html_lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    langs = [html_lang or "", *meta_content(root, "citation_language", "og:locale", "dc.language")]
    doc.language = next((c for c in map(meta.normalize_language, langs) if c), None)
    ld_type = str(_ld_value(ld, "@type") or "").lower()
    doc.kind = _LD_KINDS.get(ld_type)
    doc.site = meta.site_of(doc.canonical_url or doc.source)


def _ld_value(ld: list[dict[str, object]], key: str) -> object | None:
    for item in ld:
        value = item.get(key)
        if isinstance(value, str | int) and str(value).strip():
            return value
        if isinstance(value, list) and value and isinstance(value[0], str):
            return value[0]
    return None


def _ld_authors(ld: list[dict[str, object]]) -> list[str]:
    for item in ld:
        author = item.get("author")
        people = author if isinstance(author, list) else [author]
        names = [
            p.get("name") if isinstance(p, dict) else p for p in people if isinstance(p, dict | str)
        ]
        names = [n.strip() for n in names if isinstance(n, str) and n.strip()]
        if names:
            return names
    return []


def _with_heading(root: etree._Element, main: etree._Element) -> etree._Element:
    """The lowest element holding both the article text and its <h1>."""
    h1 = article_heading(root)
    if h1 is None:
        return main
    ancestors = {main, *main.iterancestors()}
    for el in (h1, *h1.iterancestors()):
        if el in ancestors:
            return el
    return main


def _outside_parts(root: etree._Element, region: etree._Element) -> list[Block]:
    """Notes, bibliography and how-to-cite blocks that the region does not contain."""
    inside = set(region.iter())
    blocks: list[Block] = []
    taken: list[etree._Element] = []

    def take(el: etree._Element, section: str | None = None) -> None:
        if el in inside or any(el in t.iter() for t in taken):
            return
        taken.append(el)
        found = html_blocks(el)
        if section:
            for b in found:
                b.section = section
        blocks.extend(found)

    for el in root.iter("div", "section", "ol", "ul", "aside"):
        if el not in inside and NOTES_CONTAINER.search(class_id(el)):
            take(el)
    for el in root.iter("h2", "h3", "h4", "h5", "h6", "p", "strong", "b"):
        if el not in inside and furniture.section_heading(text_of(el)):
            parent = el.getparent()
            while parent is not None and parent.tag in ("p", "strong", "b", "span"):
                parent = parent.getparent()
            if parent is not None and parent.tag not in ("body", "html"):
                take(parent)
    for el in root.iter("p", "div", "section"):
        if el in inside or not furniture.HOW_TO_CITE.match(text_of(el)):
            continue
        if any(furniture.HOW_TO_CITE.match(text_of(c)) for c in el if isinstance(c.tag, str)):
            continue  # a child holds it: take the smallest element
        if any(b.section == "cite" for b in blocks):
            break
        take(el, "cite")
    return blocks
