"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds, and links found in HTML pages.

- :func:`feed_links` finds ``<link rel="alternate" type="application/rss+xml">``
  (and Atom) in a page's head: the feeds a site announces.
- :func:`parse_feed` yields item links (RSS ``<item><link>``, a permalink
  ``<guid>`` when the link is missing; Atom ``<entry><link rel="alternate">``)
  and the next page of a paged feed (RFC 5005 ``<atom:link rel="next">``).
- :func:`page_links` yields every ``<a href>`` of an HTML page, absolute.

HTML is read with lxml's HTML parser, which never loads external entities.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from citecheck.audit.site import XmlError, child_text, iter_xml

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
_FEED_TAGS = frozenset({"item", "entry", "link"})
_FEED_CLEARED = frozenset({"item", "entry"})  # a link is read again with its item


def _html_tree(data: bytes, base: str) -> etree._Element | None:
    if not data.strip():
        return None
    try:
        return lxml.html.document_fromstring(data, base_url=base)
    except (etree.ParserError, ValueError):
        return None


def feed_links(data: bytes, base: str) -> list[str]:
    """Feeds announced by an HTML page, absolute, in page order."""
    tree = _html_tree(data, base)
    if tree is None:
        return []
    found: list[str] = []
    for el in tree.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        kind = (el.get("type") or "").split(";")[0].strip().lower()
        href = (el.get("href") or "").strip()
        if "alternate" in rel and kind in FEED_TYPES and href:
            url = urljoin(base, href)
            if url not in found:
                found.append(url)
    return found


def page_links(data: bytes, base: str) -> Iterator[str]:
    """Absolute URLs of the page's ``<a href>`` links (fragments kept; callers normalize)."""
    tree = _html_tree(data, base)
    if tree is None:
        return
    base_el = tree.find(".//base[@href]")
    if base_el is not None:
        base = urljoin(base, base_el.get("href", ""))
    for el in tree.iter("a"):
        href = (el.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:", "mailto:", "tel:")):
            try:
                yield urljoin(base, href)
            except ValueError:
                continue  # an unparseable href (bad IPv6 literal): not a page


def _atom_href(link: etree._Element) -> str | None:
    rel = (link.get("rel") or "alternate").lower()
    href = (link.get("href") or "").strip()
    return href if rel == "alternate" and href else None


def parse_feed(data: bytes, base: str) -> Iterator[tuple[str, str]]:
    """("item", url) for each entry and ("next", url) for a next feed page.

    Raises XmlError for malformed XML (after what came before) or a document
    that is no feed.
    """
    is_atom = False
    for name, elem in iter_xml(data, _FEED_TAGS, _FEED_CLEARED):
        if name == "<root>":
            root = etree.QName(elem).localname
            if root not in ("rss", "feed", "RDF"):
                raise XmlError(f"not a feed: root element <{root}>")
            is_atom = root == "feed"
            continue
        if name == "link":
            parent = elem.getparent()
            parent_name = etree.QName(parent).localname if parent is not None else ""
            if parent_name in ("feed", "channel") and (elem.get("rel") or "") == "next":
                href = (elem.get("href") or "").strip()
                if href:
                    yield "next", urljoin(base, href)
            continue  # item links are read with their item, below
        url = _entry_url(elem, is_atom)
        if url:
            yield "item", urljoin(base, url)


def _entry_url(elem: etree._Element, is_atom: bool) -> str | None:
    if is_atom or etree.QName(elem).localname == "entry":
        for child in elem:
            if isinstance(child.tag, str) and etree.QName(child).localname == "link":
                href = _atom_href(child)
                if href:
                    return href
        return None
    link = child_text(elem, "link")
    if link:
        return link
    about = elem.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    if about:
        return about  # RSS 1.0: the item's URI
    for child in elem:  # RSS 2.0: a guid is the page's URL unless isPermaLink="false"
        is_guid = isinstance(child.tag, str) and etree.QName(child).localname == "guid"
        if is_guid and (child.get("isPermaLink") or "true").lower() != "false" and child.text:
            return child.text.strip()
    return None
