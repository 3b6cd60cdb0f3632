"""HTML helpers shared by the AVİM and generic readers: parsing, page metadata,
junk removal and finding the element that holds the article.

The page is parsed with lxml's forgiving HTML parser (malformed and truncated
pages still give a tree); :mod:`citecheck.ingest.html_blocks` turns the article
element into blocks.
"""

from __future__ import annotations

import json
import re

import lxml.html
from lxml import etree

from citecheck.ingest.textutil import drop_control


def tag_set(names: str) -> frozenset[str]:
    return frozenset(names.split())


URL_OPEN = "\ue002"
URL_CLOSE = "\ue003"
_HIDDEN_URL = re.compile(f"{URL_OPEN}([^{URL_CLOSE}]*){URL_CLOSE}")

DROP_TAGS = tag_set(
    # not <form>: ASP.NET WebForms pages wrap the whole page in one
    "script style noscript template iframe svg canvas button select textarea "
    "input nav object embed video audio map head"
)
# class/id words of page parts that are never the article (menus, sidebars, sharing).
_JUNK = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|sidebar|side-bar|widget|related|share|sharing|social|"
    r"breadcrumbs?|cookie|popup|modal|newsletter|comments?|pagination|pager|tags|search|"
    r"banner|advert|ads|subscribe|skip-link|topbar|mobile-menu|footer|site-footer)(?:$|[\s_-])",
    re.IGNORECASE,
)
# Text that marks a part of the article even inside a junk-looking container.
_KEEP = re.compile(
    r"at[ıi]fta\s+bulunmak|to\s+cite\s+this|kaynak[çc]a|bibliography|dipnot",
    re.IGNORECASE,
)
# Containers of footnotes/endnotes (pandoc, WordPress, Word HTML, MediaWiki, plugins).
NOTES_CONTAINER = re.compile(
    r"footnotes?|endnotes?|doc-endnotes|doc-footnotes|^_?ftn\d+$|^_?edn\d+$|reflist|mw-references|"
    r"fn-list|notes-list",
    re.IGNORECASE,
)


# Fragment of a link to a note ("#_ftn1", "#fn1", "#fn:1", "#footnote-1", "#cite_note-3").
def parse_html(text: str) -> etree._Element | None:
    """The document element of a page, or None when nothing parseable is left."""
    data = drop_control(text).encode("utf-8", errors="replace")
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    return root


def looks_truncated(text: str) -> bool:
    """A page cut off in transfer ends without </html> or </body>."""
    tail = text[-2000:].lower()
    return "<html" in text[:5000].lower() and "</html>" not in tail and "</body>" not in tail


def attr(el: etree._Element, name: str) -> str:
    value = el.get(name)
    return value.strip() if isinstance(value, str) else ""


def class_id(el: etree._Element) -> str:
    return f"{attr(el, 'class')} {attr(el, 'id')} {attr(el, 'role')}".strip()


def remove_junk(root: etree._Element) -> None:
    """Drop scripts, menus, sidebars, sharing widgets and page headers/footers.

    A container is kept when it holds the article's heading or body (<h1>, <article>,
    <main>) or a part the readers need (how-to-cite, Kaynakça, notes): layouts put
    those in odd places.
    """
    doomed = [el for el in root.iter() if isinstance(el.tag, str) and _is_junk(el)]
    for el in doomed:
        if el.getparent() is None:
            continue
        if el.tag not in DROP_TAGS and _holds_article_part(el):
            continue
        el.drop_tree()


def _is_junk(el: etree._Element) -> bool:
    tag = el.tag
    if tag in DROP_TAGS or tag in ("header", "footer"):
        return True
    if tag == "aside":
        return not NOTES_CONTAINER.search(class_id(el))
    return tag in ("div", "section", "ul", "span", "p") and bool(_JUNK.search(class_id(el)))


def _holds_article_part(el: etree._Element) -> bool:
    if el.xpath(".//h1 | .//article | .//main"):
        return True
    if any(NOTES_CONTAINER.search(class_id(d)) for d in el.iter() if isinstance(d.tag, str)):
        return True
    return bool(_KEEP.search(text_of(el)))


def article_heading(root: etree._Element) -> etree._Element | None:
    """The article's <h1>, not the site logo's: inside <article>/<main>, else outside the
    page header, else the one whose text is in <title>."""
    h1s = [h for h in root.iter("h1") if text_of(h)]
    if not h1s:
        return None
    page_title = " ".join(text_of(t) for t in root.iter("title")).casefold()
    groups = [
        [h for h in h1s if any(a.tag in ("article", "main") for a in h.iterancestors())],
        [h for h in h1s if not any(a.tag in ("header", "nav") for a in h.iterancestors())],
        [h for h in h1s if text_of(h).casefold() in page_title],
    ]
    return next((g[0] for g in groups if g), h1s[0])


def text_of(el: etree._Element) -> str:
    return re.sub(r"\s+", " ", el.text_content() or "").strip()


def json_ld(root: etree._Element) -> list[dict[str, object]]:
    """The JSON-LD objects of a page (flattened @graph), ignoring broken ones."""
    found: list[dict[str, object]] = []
    for script in root.iter("script"):
        if "ld+json" not in attr(script, "type").lower():
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack = data if isinstance(data, list) else [data]
        for item in stack:
            if isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    found.extend(g for g in graph if isinstance(g, dict))
    return found


def meta_content(root: etree._Element, *names: str) -> list[str]:
    """Values of <meta name=…>/<meta property=…> tags, in page order."""
    wanted = {n.lower() for n in names}
    values = []
    for m in root.iter("meta"):
        key = (attr(m, "name") or attr(m, "property") or attr(m, "itemprop")).lower()
        if key in wanted and attr(m, "content"):
            values.append(attr(m, "content"))
    return values


def canonical_url(root: etree._Element) -> str | None:
    for link in root.iter("link"):
        if "canonical" in attr(link, "rel").lower().split() and attr(link, "href"):
            return attr(link, "href")
    values = meta_content(root, "og:url")
    return values[0] if values else None


def main_element(root: etree._Element) -> etree._Element:
    """The element that holds the article text: <article>/<main> when they hold most of
    it, else the parent of the most paragraph text (readability's idea, much reduced)."""
    scores: dict[etree._Element, float] = {}
    for el in root.iter("p", "pre", "blockquote", "li", "div", "td"):
        own = len((el.text or "").strip()) + sum(len((c.tail or "").strip()) for c in el)
        if el.tag in ("p", "pre", "blockquote"):
            own = len(text_of(el))
        if own < 25:
            continue
        parent = el.getparent() if el.tag != "div" else el
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0) + own
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + own / 2
    body = root.find("body")
    best = max(scores, key=scores.__getitem__) if scores else (body if body is not None else root)
    for tag in ("article", "main"):
        for el in root.iter(tag):
            if len(text_of(el)) >= 0.5 * len(text_of(best)) and el in best.iterancestors():
                return el
            if best is el or el in best.iterancestors():
                return el
    return best


def hidden_urls(text: str, keep: bool) -> str:
    """Hidden link targets as " <url>" (notes, entries) or dropped (body)."""
    if URL_OPEN not in text:
        return text
    return _HIDDEN_URL.sub(lambda m: f" <{m[1]}>" if keep else "", text)
