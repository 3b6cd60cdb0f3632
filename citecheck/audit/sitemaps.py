"""Sitemaps (sitemaps.org protocol): url sets, sitemap indexes, gzipped files.

:func:`walk_sitemaps` follows indexes depth-first from the start sitemaps
(robots.txt ``Sitemap:`` lines, else ``/sitemap.xml``) and yields page URLs as
they are read. Bounded everywhere: index depth, number of sitemaps fetched,
decoded bytes per file (a gzip bomb stops at the cap), URLs per file. Every
failure is a recorded problem; the walk goes on with the next sitemap.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from citecheck.audit.site import (
    SiteFetcher,
    XmlError,
    child_text,
    has_entity_declarations,
    iter_xml,
)
from citecheck.web.body import ContentDecodingError, gunzip_capped

# sitemaps.org: a sitemap holds at most 50,000 URLs and 50 MB (52,428,800 bytes)
# uncompressed, an index at most 50,000 sitemaps. Past these the file is not a
# sitemap any more: we stop reading it and say so.
MAX_SITEMAP_BYTES = 50 * 1024 * 1024
MAX_URLS_PER_SITEMAP = 50_000
# Real sites nest one level (index → sitemaps); three allows index → index →
# sitemap (some CMS plugins) and stops loops the seen-set would miss.
MAX_SITEMAP_DEPTH = 3
# Sitemaps fetched per run: a site of a few thousand articles needs a handful;
# 500 bounds a runaway generator (one sitemap per day of an archive) to minutes.
MAX_SITEMAPS = 500
_TAGS = frozenset({"url", "sitemap"})
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class SitemapEntry:
    kind: str  # "url" (a page) | "sitemap" (from an index)
    loc: str
    lastmod: str | None = None


def parse_sitemap(data: bytes) -> Iterator[SitemapEntry]:
    """Entries of a sitemap or sitemap index, as they are read.

    Raises XmlError for malformed XML (after the entries before the error) and
    for a root that is neither ``urlset`` nor ``sitemapindex``.
    """
    for name, elem in iter_xml(data, _TAGS):
        if name == "<root>":
            root = elem.tag.rsplit("}", 1)[-1]
            if root not in ("urlset", "sitemapindex"):
                raise XmlError(f"not a sitemap: root element <{root}>")
            continue
        loc = child_text(elem, "loc")
        if loc:
            kind = "url" if name == "url" else "sitemap"
            yield SitemapEntry(kind, loc, child_text(elem, "lastmod"))


def decode_sitemap(
    fetcher: SiteFetcher, url: str, data: bytes, cap: int
) -> tuple[bytes | None, bool]:
    """(XML, cut short) of a fetched sitemap: gunzipped (capped) when it is a .gz file."""
    if not data.startswith(_GZIP_MAGIC):
        return data, False
    try:
        xml, truncated = gunzip_capped(data, cap)
    except ContentDecodingError as e:
        fetcher.problem("sitemap_malformed", url, f"gzip file does not decompress: {e}", "sitemap")
        return None, False
    if truncated:
        fetcher.problem(
            "sitemap_too_large",
            url,
            f"decompresses to more than {cap} bytes (a gzip bomb or an oversized sitemap): "
            "only the first part was read",
            "sitemap",
        )
    return xml, truncated


def walk_sitemaps(
    fetcher: SiteFetcher,
    start: list[str],
    *,
    max_depth: int = MAX_SITEMAP_DEPTH,
    max_sitemaps: int = MAX_SITEMAPS,
    max_bytes: int = MAX_SITEMAP_BYTES,
    max_urls: int = MAX_URLS_PER_SITEMAP,
    offered: frozenset[str] = frozenset(),
) -> Iterator[str]:
    """Page URLs of the sitemaps reachable from ``start`` (see module docstring).

    ``offered`` are sitemaps robots.txt names itself: fetched even where its rules
    would disallow their path.
    """
    seen: set[str] = set()
    stack: list[tuple[str, int]] = [(u, 0) for u in reversed(start)]
    fetched = 0
    while stack:
        url, depth = stack.pop()
        if url in seen:
            continue
        seen.add(url)
        if fetched >= max_sitemaps:
            fetcher.problem(
                "sitemap_limit",
                url,
                f"more than {max_sitemaps} sitemaps: the rest were not read",
                "sitemap",
            )
            return
        fetched += 1
        children: list[str] = []
        yield from _read_one(fetcher, url, url not in offered, max_bytes, max_urls, children)
        if children and depth + 1 > max_depth:
            fetcher.problem(
                "sitemap_too_deep",
                url,
                f"sitemap indexes nested deeper than {max_depth}: {len(children)} not read",
                "sitemap",
            )
            continue
        stack.extend((c, depth + 1) for c in reversed(children))


def _read_one(
    fetcher: SiteFetcher,
    url: str,
    robots: bool,
    max_bytes: int,
    max_urls: int,
    children: list[str],
) -> Iterator[str]:
    result = fetcher.get(url, "sitemap", max_bytes=max_bytes, robots=robots)
    if result is None:
        return
    if result.truncated:
        fetcher.problem(
            "sitemap_too_large",
            url,
            f"larger than {max_bytes} bytes: only the first part was read",
            "sitemap",
        )
    if result.sniffed_type == "text/html":
        fetcher.problem("sitemap_not_xml", url, "an HTML page, not a sitemap", "sitemap")
        return
    data, gz_cut = decode_sitemap(fetcher, url, result.body, max_bytes)
    if data is None:
        return
    if has_entity_declarations(data):
        fetcher.problem(
            "xml_entities_ignored",
            url,
            "declares XML entities; they were not expanded (XXE guard)",
            "sitemap",
        )
    base = result.final_url or url
    count = 0
    try:
        for entry in parse_sitemap(data):
            if count >= max_urls:
                fetcher.problem(
                    "sitemap_too_many_urls",
                    url,
                    f"more than {max_urls} entries: the rest were not read",
                    "sitemap",
                )
                return
            count += 1
            loc = urljoin(base, entry.loc)
            if entry.kind == "sitemap":
                children.append(loc)
            else:
                yield loc
    except XmlError as e:
        if not (result.truncated or gz_cut):  # a cut-off file is already reported as too large
            fetcher.problem("sitemap_malformed", url, f"malformed XML: {e}", "sitemap")
