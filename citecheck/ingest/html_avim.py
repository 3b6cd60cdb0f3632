"""AVİM article pages: avim.org.tr ``/tr/Analiz/…``, ``/tr/Yorum/…``, ``/en/Yorum/…``,
``/Blog/…`` and avimbulten.org ``/Blog/…``.

The page pipeline is the generic one (:func:`html_generic.read_page`); this module
adds what AVİM pages say about themselves:

- kind from the URL section (Blog -> blog, Analiz/Analysis -> analysis,
  Yorum/Commentary -> commentary, Rapor -> report, Dergi -> journal), else from
  the ``Blog No`` / ``Yorum No`` / ``Commentary No`` header line;
- the author from the ``/Yazar/`` (author page) link or an ``author`` element
  when the page has no author meta tag;
- language from ``<html lang>``, else the ``/tr/`` or ``/en/`` URL prefix, else
  the text; titles lose the `` - 16.12.2025`` and ``| AVİM`` suffixes.
"""

from __future__ import annotations

import re

from lxml import etree

from citecheck.ingest import meta
from citecheck.ingest.html_common import attr, class_id, text_of
from citecheck.ingest.html_generic import read_page
from citecheck.model import Document

_AUTHOR_HREF = re.compile(r"/(?:tr/|en/)?(?:Yazar|Yazarlar|Author|Authors)/", re.IGNORECASE)
_AUTHOR_CLASS = re.compile(r"\b(?:author|yazar)(?:-name|_name|name)?\b", re.IGNORECASE)


def read_avim_html(text: str, source: str) -> Document:
    """A Document from a saved or fetched AVİM article page."""
    doc, root = read_page(text, source, "avim-html")
    url = doc.canonical_url or (source if "://" in source else None)
    doc.kind = meta.kind_from_url(url) or doc.kind
    doc.site = meta.site_of(url) or doc.site
    if doc.language is None:
        doc.language = meta.language_from_url(url)
    if root is not None and not doc.authors:
        doc.authors = _page_authors(root)
    return doc


def _page_authors(root: etree._Element) -> list[str]:
    names: list[str] = []
    for el in root.iter("a", "span", "div", "p"):
        if el.tag == "a" and _AUTHOR_HREF.search(attr(el, "href")):
            name = meta.author_name(text_of(el))
        elif el.tag != "a" and _AUTHOR_CLASS.search(class_id(el)) and len(text_of(el)) < 80:
            value = re.sub(r"^\s*(?:yazar|author)\s*:?\s*", "", text_of(el), flags=re.I)
            name = meta.author_name(value)
        else:
            continue
        if name and name not in names:
            names.append(name)
    return names
