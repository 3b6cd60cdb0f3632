"""Article URLs of a site, as a stream: the first step of an audit.

``discover(site_url, client)`` yields each article URL once (de-duplicated by
:func:`citecheck.web.urls.normalize_url`), as soon as it is found:

1. robots.txt is read (robots.py): its rules gate every page of the site we
   fetch and every URL we yield; its Crawl-delay spaces our requests to the
   site; its ``Sitemap:`` lines say where the sitemaps are.
2. Sitemaps (sitemaps.py): those robots.txt names, else ``/sitemap.xml``;
   indexes followed, gzipped files decoded with a cap.
3. Feeds (feeds.py): those the home page announces (``<link rel=alternate>``)
   and any in the settings; paged feeds followed a few pages.
4. A listing-page crawl (from the home page and the settings' seed pages,
   following only links that look like listings or their pagination) when the
   sitemaps gave no article — or always, if the settings say so.

Only URLs on the site whose path matches an article pattern are yielded (AVİM:
``/tr/Analiz/…``, ``/tr/Yorum/…``, ``/Blog/…``, ``/en/…``; patterns are
settings). A file of URLs (:func:`urls_from_file`) skips all of this. Whatever
cannot be used becomes a :class:`DiscoveryProblem` in ``problems``; nothing
raises for a site's bad answers.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from citecheck.audit.feeds import feed_links, page_links, parse_feed
from citecheck.audit.robots import MAX_CRAWL_DELAY, ROBOTS_AGENT, RobotsPolicy, fetch_robots
from citecheck.audit.site import DiscoveryProblem, Pacer, SiteFetcher, XmlError, same_site
from citecheck.audit.sitemaps import (
    MAX_SITEMAP_BYTES,
    MAX_SITEMAP_DEPTH,
    MAX_SITEMAPS,
    walk_sitemaps,
)
from citecheck.web.errors import ProtocolFailure
from citecheck.web.http import FetchResult, HttpClient
from citecheck.web.urls import host_key, normalize_url, validate_url

__all__ = [
    "AVIM_ARTICLE_PATTERNS",
    "AVIM_LISTING_PATTERNS",
    "ArticleClient",
    "Discovery",
    "DiscoveryProblem",
    "DiscoverySettings",
    "discover",
    "urls_from_file",
]

# Article pages on avim.org.tr / avimbulten.org: a section, then the article's slug.
# Section roots (/tr/Yorum) are listings, not articles. Matched against the path
# (and query), case-insensitively.
AVIM_ARTICLE_PATTERNS: tuple[str, ...] = (
    r"^/(?:tr|en)/(?:Analiz|Yorum|Blog|Rapor|Dergi|Bulten|Makale)/[^/?#]+",
    r"^/Blog/[^/?#]+",
)
# Listing pages: section roots and their pagination (?page=2, ?sayfa=2, /page/2).
AVIM_LISTING_PATTERNS: tuple[str, ...] = (
    r"^/(?:(?:tr|en)/)?(?:Analiz|Yorum|Blog|Rapor|Dergi|Bulten|Makale)/?(?:\?.*)?$",
    r"^/(?:tr|en)/?$",
    r"[?&](?:page|sayfa|p|paged)=\d+",
    r"/(?:page|sayfa)/\d+/?$",
)
# Listing pages fetched per run. AVİM lists ~10-20 articles a page: 300 pages
# reach ~5,000 articles, more than the site has; a crawl trap stops there.
MAX_LISTING_PAGES = 300
# Pages of one paged feed (RFC 5005): feeds hold the newest items; older ones are
# the sitemap's or the listing crawl's job.
MAX_FEED_PAGES = 20
FEED_MAX_BYTES = 10 * 1024 * 1024
PAGE_MAX_BYTES = 5 * 1024 * 1024


@dataclass
class DiscoverySettings:
    """How a site's articles are found; defaults suit AVİM."""

    article_patterns: tuple[str, ...] = AVIM_ARTICLE_PATTERNS
    listing_patterns: tuple[str, ...] = AVIM_LISTING_PATTERNS
    listing_seeds: tuple[str, ...] = ()  # extra listing pages (paths or URLs)
    sitemaps: tuple[str, ...] = ()  # extra sitemaps (paths or URLs)
    feeds: tuple[str, ...] = ()  # extra feeds (paths or URLs)
    crawl: str = "fallback"  # listing crawl: "always" | "fallback" (no sitemap articles) | "never"
    agent: str = ROBOTS_AGENT
    max_crawl_delay: float = MAX_CRAWL_DELAY
    max_sitemaps: int = MAX_SITEMAPS
    max_sitemap_depth: int = MAX_SITEMAP_DEPTH
    max_sitemap_bytes: int = MAX_SITEMAP_BYTES
    max_listing_pages: int = MAX_LISTING_PAGES
    max_feed_pages: int = MAX_FEED_PAGES

    def __post_init__(self) -> None:
        if self.crawl not in ("always", "fallback", "never"):
            raise ValueError(f"crawl must be always, fallback or never, not {self.crawl!r}")
        for p in (*self.article_patterns, *self.listing_patterns):
            try:
                re.compile(p)
            except re.error as e:
                raise ValueError(f"bad URL pattern {p!r}: {e}") from e


def _compile(patterns: Iterable[str]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


class Discovery:
    """One discovery run over a site; iterate it for article URLs.

    ``robots`` and ``problems`` are filled as it goes. :meth:`fetch_page` is the
    robots-checked, Crawl-delay-paced fetch the run loop should use for the
    site's own article pages.
    """

    def __init__(
        self,
        site_url: str,
        client: HttpClient,
        settings: DiscoverySettings | None = None,
        *,
        problems: list[DiscoveryProblem] | None = None,
        pacer: Pacer | None = None,
    ) -> None:
        reason = validate_url(site_url)
        if reason:
            raise ValueError(f"site URL {site_url!r}: {reason}")
        self.site_url = site_url if urlsplit(site_url).path else site_url + "/"
        self.settings = settings or DiscoverySettings()
        self.problems = problems if problems is not None else []
        self.robots: RobotsPolicy | None = None
        self.counts: Counter[str] = Counter()  # URLs per source, and skips per reason
        self._articles = _compile(self.settings.article_patterns)
        self._listings = _compile(self.settings.listing_patterns)
        self._site_host = host_key(self.site_url)
        self._seen: set[str] = set()
        self.fetcher = SiteFetcher(client, self.site_url, self.problems, pacer, self._allowed)
        self._client = client

    # -- public --------------------------------------------------------------------

    def is_article(self, url: str) -> bool:
        path = _path(url)
        return any(p.search(path) for p in self._articles)

    def fetch_page(self, url: str, max_bytes: int | None = None) -> FetchResult | None:
        """A page of the site (robots and Crawl-delay honoured), or None with a problem."""
        self._ensure_robots()
        return self.fetcher.get(url, "page", max_bytes=max_bytes)

    def article_client(self) -> ArticleClient:
        """The run's client for the audit loop: fetches of the site's own pages wait for
        its Crawl-delay and are refused where robots.txt disallows; the rest (link
        checks of cited sources) pass through unchanged."""
        self._ensure_robots()
        return ArticleClient(self._client, self)

    def __iter__(self) -> Iterator[str]:
        self._ensure_robots()
        yield from self._take(self._sitemap_urls(), "sitemap")
        home = self.fetcher.get(self.site_url, "listing", max_bytes=PAGE_MAX_BYTES)
        yield from self._take(self._feed_urls(home), "feed")
        crawl = self.settings.crawl
        if crawl == "always" or (crawl == "fallback" and not self.counts["sitemap"]):
            yield from self._take(self._listing_urls(home), "listing")
        self._report_skips()

    # -- steps -------------------------------------------------------------------------

    def _ensure_robots(self) -> None:
        if self.robots is not None:
            return
        s = self.settings
        self.robots = fetch_robots(
            self.site_url, self._client, s.agent, s.max_crawl_delay, self.problems
        )
        self.fetcher.pacer.set_delay(self._site_host, self.robots.crawl_delay)
        bare = self._site_host.removeprefix("www.")
        for host in (bare, "www." + bare):  # same_site() treats both as the site
            self.fetcher.pacer.set_delay(host, self.robots.crawl_delay)

    def _allowed(self, url: str) -> bool:
        return self.robots is None or self.robots.allowed(url)

    def _take(self, urls: Iterable[str], source: str) -> Iterator[str]:
        """Yield the new, allowed article URLs on the site among ``urls``."""
        for url in urls:
            if not same_site(url, self._site_host):
                self.counts["skip:off_site"] += 1
                continue
            if not self.is_article(url):
                self.counts["skip:not_article"] += 1
                continue
            key = normalize_url(url)
            if key in self._seen:
                continue
            if not self._allowed(url):
                self.counts["skip:disallowed"] += 1
                self._seen.add(key)
                continue
            self._seen.add(key)
            self.counts[source] += 1
            yield key

    def _abs(self, ref: str) -> str:
        return urljoin(self.site_url, ref)

    def _sitemap_urls(self) -> Iterator[str]:
        assert self.robots is not None
        offered = [self._abs(u) for u in (*self.robots.sitemaps, *self.settings.sitemaps)]
        start = offered or [self._abs("/sitemap.xml")]
        s = self.settings
        yield from walk_sitemaps(
            self.fetcher,
            start,
            max_depth=s.max_sitemap_depth,
            max_sitemaps=s.max_sitemaps,
            max_bytes=s.max_sitemap_bytes,
            offered=frozenset(offered),
        )

    def _feed_urls(self, home: FetchResult | None) -> Iterator[str]:
        feeds = [self._abs(f) for f in self.settings.feeds]
        if home is not None and home.sniffed_type in ("text/html", None):
            feeds += [f for f in feed_links(home.body, home.final_url or self.site_url)]
        seen: set[str] = set()
        for start in feeds:
            url: str | None = start
            pages = 0
            while url and url not in seen and pages < self.settings.max_feed_pages:
                seen.add(url)
                pages += 1
                url = yield from self._read_feed(url)

    def _read_feed(self, url: str) -> Iterator[str]:
        """Items of one feed page; returns the next page's URL (or None)."""
        result = self.fetcher.get(url, "feed", max_bytes=FEED_MAX_BYTES)
        if result is None:
            return None
        if result.sniffed_type == "text/html":
            self.fetcher.problem("feed_not_xml", url, "an HTML page, not a feed", "feed")
            return None
        following: str | None = None
        try:
            for kind, link in parse_feed(result.body, result.final_url or url):
                if kind == "next":
                    following = link
                else:
                    yield link
        except XmlError as e:
            self.fetcher.problem("feed_malformed", url, f"malformed feed: {e}", "feed")
        return following

    def _listing_urls(self, home: FetchResult | None) -> Iterator[str]:
        queue: deque[str] = deque(self._abs(u) for u in self.settings.listing_seeds)
        queued = {normalize_url(u) for u in queue} | {normalize_url(self.site_url)}
        pages = 0
        current: tuple[str, FetchResult | None] | None = (self.site_url, home)
        while current is not None:
            url, page = current
            if page is not None and page.sniffed_type in ("text/html", None):
                base = page.final_url or url
                for link in page_links(page.body, base):
                    if not same_site(link, self._site_host):
                        continue
                    if self.is_article(link):
                        yield link
                    elif self._is_listing(link):
                        key = normalize_url(link)
                        if key not in queued:
                            queued.add(key)
                            queue.append(link)
            current = None
            if queue:
                if pages >= self.settings.max_listing_pages:
                    self.fetcher.problem(
                        "listing_limit",
                        queue[0],
                        f"more than {self.settings.max_listing_pages} listing pages: "
                        f"{len(queue)} not read",
                        "listing",
                    )
                    return
                pages += 1
                nxt = queue.popleft()
                current = (nxt, self.fetcher.get(nxt, "listing", max_bytes=PAGE_MAX_BYTES))

    def _is_listing(self, url: str) -> bool:
        path = _path(url)
        return any(p.search(path) for p in self._listings)

    def _report_skips(self) -> None:
        if self.counts["skip:disallowed"]:
            self.fetcher.problem(
                "articles_disallowed",
                self.site_url,
                f"{self.counts['skip:disallowed']} article URL(s) disallowed by robots.txt",
                "robots",
            )
        found = sum(self.counts[s] for s in ("sitemap", "feed", "listing"))
        if not found:
            self.fetcher.problem(
                "no_articles",
                self.site_url,
                "no article URL found (sitemaps, feeds and listing pages; "
                f"{self.counts['skip:not_article']} URL(s) did not match the article patterns)",
                "discover",
            )


class ArticleClient:
    """See :meth:`Discovery.article_client`; every other attribute is the client's."""

    def __init__(self, client: HttpClient, discovery: Discovery) -> None:
        self._client = client
        self._discovery = discovery

    def fetch(self, url: str, **kwargs: Any) -> FetchResult:
        d = self._discovery
        if same_site(url, d._site_host):
            if not d._allowed(url):
                refused = ProtocolFailure(
                    "robots.txt disallows this page", code="robots_disallowed"
                )
                return FetchResult(url=url, method=kwargs.get("method", "GET")).failed(refused)
            d.fetcher.pacer.wait(host_key(url))
        return self._client.fetch(url, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)


def discover(
    site_url: str,
    client: HttpClient,
    *,
    max_articles: int | None = None,
    patterns: Iterable[str] | None = None,
    settings: DiscoverySettings | None = None,
    problems: list[DiscoveryProblem] | None = None,
) -> Iterator[str]:
    """Article URLs of ``site_url``, normalized, each once, as found (module docstring).

    ``patterns`` replaces the settings' article patterns; ``problems`` collects
    what could not be used.
    """
    s = settings or DiscoverySettings()
    if patterns is not None:
        s = dataclasses.replace(s, article_patterns=tuple(patterns))
    run = Discovery(site_url, client, s, problems=problems)
    for count, url in enumerate(run, 1):
        yield url
        if max_articles is not None and count >= max_articles:
            return


def urls_from_file(
    path: str | Path,
    *,
    max_articles: int | None = None,
    problems: list[DiscoveryProblem] | None = None,
) -> Iterator[str]:
    """Article URLs from a text file: one per line, ``#`` comments and blanks skipped,
    de-duplicated by normalized URL; a bad line is a problem naming its number."""
    seen: set[str] = set()
    found = problems if problems is not None else []
    count = 0
    with open(path, encoding="utf-8-sig", errors="replace") as fh:
        for number, line in enumerate(fh, 1):
            url = line.strip()  # a "#" inside a URL is its fragment, not a comment
            if not url or url.startswith("#"):
                continue
            reason = validate_url(url)
            if reason:
                found.append(
                    DiscoveryProblem("invalid_url", url[:200], f"line {number}: {reason}", "file")
                )
                continue
            key = normalize_url(url)
            if key in seen:
                continue
            seen.add(key)
            yield key
            count += 1
            if max_articles is not None and count >= max_articles:
                return
