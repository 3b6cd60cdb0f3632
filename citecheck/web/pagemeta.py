"""What a web page says about itself: title, authors, dates, site, language.

:func:`page_record` reads fetched HTML (pure); :func:`fetch_page_record` fetches
it through the one client first. For each field the first source that has it
wins, in this order (most deliberate first):

1. Highwire ``citation_*`` tags (scholarly publishers; Google Scholar reads them);
2. JSON-LD of an article-like type (NewsArticle, ScholarlyArticle, BlogPosting,
   Report, …, also inside ``@graph``), then of a WebPage;
3. Open Graph and ``article:*`` tags;
4. Dublin Core (``DC.*``, ``dcterms.*``) and common tags (``author``, ``date``,
   ``pubdate``, ``itemprop``);
5. the page itself: a visible byline (``rel=author``, ``.byline``, "By …"),
   the first ``<time datetime>``, ``<title>`` (site suffix removed), ``<html lang>``.

Dates keep their time and zone when the page gives both
(``2025-11-05T16:40:00+00:00``): the date comparison needs them to tell a
time-zone edge from a wrong day. A URL's date (``…-2025-11-06/``) is not used:
it is when the slug was made, not what the page says.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from citecheck.ingest.html_common import attr, json_ld, meta_content, parse_html, text_of
from citecheck.ingest.meta import clean_title, normalize_language
from citecheck.model import WorkRecord
from citecheck.notes.dates import find_dates, parse_date
from citecheck.notes.identifiers import normalize_doi
from citecheck.notes.similarity import fold

__all__ = [
    "PAGE_BYTES",
    "fetch_page_record",
    "normalize_page_date",
    "page_record",
    "published_date",
]

# Metadata sits in <head> and JSON-LD near it, but news pages inline megabytes of
# script before the byline: 2 MiB holds every page we have seen.
PAGE_BYTES = 2 * 1024 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")

_ARTICLE_TYPES = {
    "newsarticle": "news_article",
    "reportagenewsarticle": "news_article",
    "analysisnewsarticle": "news_article",
    "scholarlyarticle": "journal_article",
    "article": "web_page",
    "blogposting": "web_page",
    "report": "report",
    "techarticle": "web_page",
    "pressrelease": "press_release",
}
_PAGE_TYPES = {"webpage": "web_page", "itempage": "web_page", "collectionpage": "web_page"}

_DATETIME = re.compile(
    r"^\s*(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*"
    r"(Z|[+-]\d{2}:?\d{2})?\s*$",
    re.IGNORECASE,
)
_BY = re.compile(r"^\s*(?:by|yazan|yazar|von|автор)\s*:?\s+", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bve\b|\bund\b)\s*")
# Byline words that name a role, not a person ("By Staff", "Editör", "Haber Merkezi").
_NOT_NAMES = frozenset(
    {
        *("admin", "administrator", "editor", "editors", "editorial", "staff", "newsroom"),
        *("web desk", "news desk", "desk", "team", "guest", "anonymous", "unknown"),
        *("yonetici", "haber merkezi", "redaksiyon", "yazar", "misafir"),  # Turkish, folded
    }
)
_TITLE_SEP = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")


def normalize_page_date(value: str | None) -> str | None:
    """ISO date, or ISO timestamp when a zone is given; None when unreadable."""
    if not value or not isinstance(value, str):
        return None
    m = _DATETIME.match(value)
    if m:
        y, mo, d, hh, mm, ss, zone = m.groups()
        if not zone:
            return f"{y}-{mo}-{d}"
        if zone.upper() == "Z":
            zone = "+00:00"
        elif ":" not in zone:
            zone = f"{zone[:3]}:{zone[3:]}"
        return f"{y}-{mo}-{d}T{hh}:{mm}:{ss or '00'}{zone}"
    head = re.match(r"^\s*(\d{4})[-/](\d{2})[-/](\d{2})\b", value)
    return parse_date("-".join(head.groups()) if head else value.strip())


def _names(value: Any, *, split: bool = True) -> list[str]:
    """Author names from JSON-LD (objects, lists, strings) or meta text; URLs dropped.

    ``split=False`` for tags that hold one name each (``citation_author`` is
    "Surname, Given": its comma is not a list separator).
    """
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        return [n for v in value for n in _names(v, split=split)]
    if not isinstance(value, str):
        return []
    value = _BY.sub("", " ".join(value.split()))
    if not value or "://" in value or value.startswith("/"):
        return []
    parts = _NAME_SPLIT.split(value) if split else [value]
    names = [n.strip(" .") for n in parts if n.strip(" .")]
    return [n for n in names if fold(n) not in _NOT_NAMES]


def _first(*values: Any) -> Any:
    return next((v for v in values if v), None)


def _ld_text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _ld_type(item: dict) -> list[str]:
    t = item.get("@type")
    types = t if isinstance(t, list) else [t]
    return [x.lower() for x in types if isinstance(x, str)]


def _pick_ld(items: list[dict]) -> tuple[dict, str | None]:
    for table in (_ARTICLE_TYPES, _PAGE_TYPES):
        for item in items:
            for t in _ld_type(item):
                if t in table:
                    return item, table[t]
    return {}, None


def _byline(root: Any) -> list[str]:
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("meta", "link", "script", "style"):
            continue
        marks = f"{attr(el, 'rel')} {attr(el, 'class')} {attr(el, 'itemprop')}".lower()
        if re.search(r"\b(author|byline)\b", marks):
            text = text_of(el)
            if 2 < len(text) <= 120:
                return _names(text)
    return []


def _visible_time(root: Any) -> str | None:
    for el in root.iter("time"):
        value = normalize_page_date(attr(el, "datetime") or text_of(el))
        if value:
            return value
    return _dateline(root)


# Elements that hold a page's visible dateline, by their class, id or itemprop
# ("dateline", "meta", "post-date", "article__time", an author line; Turkish
# "tarih", "künye" (an analysis's imprint line), "yazar"; German "datum").
_DATELINE_MARKS = re.compile(
    r"date|time|byline|author|meta|publish|posted|tarih|k[uü]nye|yazar|datum", re.I
)
# A dateline is short ("АНКАРА, 24 февраля 2023 /Корр. ТАСС/ · 21:10", "Published
# 20 August 2025 | Policy Brief No. 47"); a long element is a container whose
# first date may be any date of the story.
DATELINE_MAX_CHARS = 240


def _dateline(root: Any) -> str | None:
    """The first day- or month-precise date of a short element marked as a dateline.

    Read with the multilingual date finder (notes/dates.py), since a news page
    often gives its date only as text in its own language ("24 февраля 2023",
    "6 Kasım 2025"), which htmldate's search misses and replaces with a
    copyright year ("© 2025" read as 2025-01-01). Footers are skipped: they hold
    copyright years and the site's founding date, not the page's."""
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("meta", "link", "script", "style", "footer"):
            continue
        marks = f"{attr(el, 'class')} {attr(el, 'id')} {attr(el, 'itemprop')}"
        if not _DATELINE_MARKS.search(marks) or re.search(r"footer|copyright", marks, re.I):
            continue
        text = text_of(el)
        if not text or len(text) > DATELINE_MAX_CHARS:
            continue
        for iso, _start, _end in find_dates(text):
            if len(iso) >= 7:  # a bare year is a copyright or an archive heading
                return iso
    return None


# A site name shorter than this is only recognised as the whole tail ("AA", "BBC"):
# as a word inside a longer tail it is too often something else.
MIN_SITE_CHARS = 4


def _names_site(tail: str, marks: set[str]) -> bool:
    t = fold(tail)
    for mark in filter(None, map(fold, marks)):
        if t == mark or t.replace(" ", "") == mark.replace(" ", ""):
            return True
        for short, long in ((mark, t), (t, mark)):
            if len(short) >= MIN_SITE_CHARS and f" {short} " in f" {long} ":
                return True
    return False


def _strip_site(title: str | None, site: str | None, host: str) -> str | None:
    """ "Story | Reuters", "Story - Anadolu Ajansı" -> "Story" (the site's part removed)."""
    title = clean_title(title)
    if not title:
        return None
    seps = list(_TITLE_SEP.finditer(title))
    if not seps:
        return title
    last = seps[-1]
    marks = {x for x in (site, host, host.rsplit(".", 2)[0] if host else None) if x}
    if _names_site(title[last.end() :], marks):
        return title[: last.start()].strip() or title
    return title


def _meta_first(root: Any) -> Any:
    def meta(*names: str) -> str | None:
        values = meta_content(root, *names)
        return " ".join(values[0].split()) if values else None

    return meta


def _published(root: Any, meta: Any, ld: dict) -> str | None:
    """Publication date: the deliberate tags first, then a visible time or dateline."""
    return _first(
        *(
            normalize_page_date(v)
            for v in (
                meta("citation_publication_date", "citation_date", "citation_online_date"),
                _ld_text(ld.get("datePublished")),
                meta("article:published_time", "og:published_time"),
                meta("dcterms.issued", "dc.date.issued", "dcterms.created", "dc.date"),
                meta("date", "pubdate", "publish-date", "parsely-pub-date", "datepublished"),
            )
        ),
        _visible_time(root),
    )


def _modified(meta: Any, ld: dict) -> str | None:
    return _first(
        *(
            normalize_page_date(v)
            for v in (
                _ld_text(ld.get("dateModified")),
                meta("article:modified_time", "og:updated_time"),
                meta("dcterms.modified", "dc.date.modified", "datemodified", "last-modified"),
            )
        )
    )


def published_date(root: Any) -> str | None:
    """The date a parsed page gives of its text (see :func:`page_record`): when it
    was published, failing that when it was last modified (a topic page states
    only that, and its text attests nothing later)."""
    meta, ld = _meta_first(root), _pick_ld(json_ld(root))[0]
    return _published(root, meta, ld) or _modified(meta, ld)


def page_record(html: str, url: str | None = None) -> WorkRecord | None:
    """The page's own account of itself; None when the text is not parseable HTML."""
    root = parse_html(html)
    if root is None:
        return None
    meta = _meta_first(root)

    def metas(*names: str, split: bool = True) -> list[str]:
        return [n for v in meta_content(root, *names) for n in _names(v, split=split)]

    ld, ld_kind = _pick_ld(json_ld(root))
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    site = _first(
        meta("og:site_name"),
        _ld_text(ld.get("publisher")),
        _ld_text(ld.get("isPartOf")),
        meta("application-name"),
        meta("citation_publisher", "dc.publisher"),
    )
    published = _published(root, meta, ld)
    modified = _modified(meta, ld)
    title = _first(
        meta("citation_title"),
        _ld_text(ld.get("headline")) or _ld_text(ld.get("name")),
        meta("og:title", "twitter:title"),
        meta("dc.title", "dcterms.title"),
    )
    title_tag = root.find(".//title")
    title = _strip_site(
        title or (text_of(title_tag) if title_tag is not None else None), site, host
    )
    authors = (
        metas("citation_author", "dc.creator", "dcterms.creator", split=False)
        or _names(ld.get("author"))
        or metas("article:author", "author", "parsely-author")
        or _byline(root)
    )
    container = _first(
        meta("citation_journal_title", "citation_conference_title", "citation_book_title"),
        meta("prism.publicationname"),
    )
    first, last = meta("citation_firstpage"), meta("citation_lastpage")
    pages = f"{first}-{last}" if first and last and first != last else first
    doi = normalize_doi(meta("citation_doi", "dc.identifier", "prism.doi") or "")
    kind = "journal_article" if meta("citation_journal_title") else ld_kind
    if kind is None and (meta("og:type") or "").lower() == "article":
        # Open Graph says "article" of any page with a story; a publication time makes it news.
        kind = "news_article" if meta("article:published_time") else "web_page"
    language = normalize_language(
        _first(
            meta("citation_language", "dc.language", "og:locale"),
            _ld_text(ld.get("inLanguage")),
            attr(root, "lang"),
        )
    )
    date = published
    return WorkRecord(
        source="page",
        title=title,
        authors=authors,
        container=container,
        publisher=_first(meta("citation_publisher", "dc.publisher"), _ld_text(ld.get("publisher"))),
        date=date,
        modified=modified,
        year=int(date[:4]) if date and date[:4].isdecimal() else None,
        volume=meta("citation_volume"),
        issue=meta("citation_issue"),
        pages=pages,
        url=url,
        doi=doi,
        kind=kind or "web_page",
        language=language,
        site_name=site or host or None,
    )


def fetch_page_record(client: Any, url: str) -> tuple[WorkRecord | None, str | None]:
    """Fetch ``url`` and read its metadata: (record, None) or (None, one-line reason)."""
    res = client.fetch(url, max_bytes=PAGE_BYTES)
    if res.error_kind is not None:
        return None, f"the page could not be fetched ({res.error})"
    if res.status is None or res.status >= 400:
        return None, f"the page answered HTTP {res.status}"
    kind = res.content_type or res.sniffed_type
    if res.sniffed_type not in HTML_TYPES and kind not in HTML_TYPES:
        return None, f"not an HTML page ({kind or 'unknown type'}): no page metadata to compare"
    record = page_record(res.text(), res.final_url or url)
    if record is None:
        return None, "the page's HTML could not be read"
    return record, None
