"""Fetching the audited site's own pages politely, and what can go wrong doing it.

:class:`SiteFetcher` is the one way discovery (and the run loop, for article
pages) reads the site: robots.txt is asked first, request starts to the site are
spaced by its Crawl-delay (:class:`Pacer`, on top of the client's own per-host
delay), and an answer that is not what was asked for — an HTTP error, a redirect
to a login page, an HTML error page where XML was expected — becomes a
:class:`DiscoveryProblem`, never an exception.

XML (sitemaps, feeds) is parsed by :func:`iter_xml`: lxml with entities not
resolved, no DTD loaded, no network, no huge-tree mode, so an XXE payload or a
billion-laughs document yields nothing dangerous.
"""

from __future__ import annotations

import io
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import etree

from citecheck.web.http import FetchResult, HttpClient
from citecheck.web.urls import host_key

# Where sites send visitors who must log in first (WordPress, Drupal, ASP.NET
# Identity, Turkish "giriş"/"oturum aç"); a discovery page that lands there is
# not content.
LOGIN_PATH = re.compile(
    r"(?i)(?:^|/)(?:login|log-in|logon|signin|sign-in|sign_in|giris|giri%C5%9F|oturum-ac|"
    r"wp-login\.php|auth|sso|account/login|user/login|uye-girisi)(?:[/?.#]|$)"
)
LOGIN_QUERY = re.compile(r"(?i)(?:^|&)(?:returnurl|return_to|redirect_to|next)=")


@dataclass(frozen=True)
class DiscoveryProblem:
    """Something discovery could not use, recorded instead of raised.

    ``code`` is stable (reports and the store filter on it); ``source`` is the
    discovery step: robots, sitemap, feed, listing, file.
    """

    code: str
    url: str
    message: str
    source: str


def same_site(url: str, site_host: str) -> bool:
    """``url`` is on the audited site: same host, ``www.`` and the scheme aside."""
    host = host_key(url)
    return bool(host) and host.removeprefix("www.") == site_host.removeprefix("www.")


def is_login_page(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(LOGIN_PATH.search(parts.path) or LOGIN_QUERY.search(parts.query))


class Pacer:
    """At least ``delay`` seconds between request starts to one host (thread-safe).

    The client already spaces requests per host by its own ``min_delay``; a site's
    Crawl-delay is usually longer and applies to that site only.
    """

    def __init__(
        self,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sleep = sleep
        self._clock = clock
        self._lock = threading.Lock()
        self._delay: dict[str, float] = {}
        self._next: dict[str, float] = {}

    def set_delay(self, host: str, seconds: float) -> None:
        with self._lock:
            self._delay[host] = max(0.0, seconds)

    def delay(self, host: str) -> float:
        with self._lock:
            return self._delay.get(host, 0.0)

    def wait(self, host: str) -> float:
        """Block until a request to ``host`` may start; returns the seconds waited."""
        with self._lock:
            delay = self._delay.get(host, 0.0)
            if delay <= 0:
                return 0.0
            now = self._clock()
            start = max(now, self._next.get(host, 0.0))
            self._next[host] = start + delay  # reserved: the next caller waits behind us
        if start > now:
            self._sleep(start - now)
        return max(0.0, start - now)


class SiteFetcher:
    """Robots-checked, paced GETs of the site's own pages; problems recorded."""

    def __init__(
        self,
        client: HttpClient,
        site_url: str,
        problems: list[DiscoveryProblem],
        pacer: Pacer | None = None,
        allowed: Callable[[str], bool] = lambda url: True,
    ) -> None:
        self.client = client
        self.site_url = site_url
        self.site_host = host_key(site_url)
        self.problems = problems
        self.pacer = pacer or Pacer()
        self.allowed = allowed
        self.requests = 0

    def problem(self, code: str, url: str, message: str, source: str) -> None:
        self.problems.append(DiscoveryProblem(code, url, message, source))

    def get(
        self, url: str, source: str, *, max_bytes: int | None = None, robots: bool = True
    ) -> FetchResult | None:
        """The page at ``url``, or None (and a problem) when it is not usable content."""
        if robots and same_site(url, self.site_host) and not self.allowed(url):
            self.problem("disallowed", url, "robots.txt disallows this page", source)
            return None
        self.pacer.wait(host_key(url))
        self.requests += 1
        result = self.client.fetch(url, max_bytes=max_bytes)
        final = result.final_url or url
        if result.hops and is_login_page(final) and not is_login_page(url):
            self.problem("login_redirect", url, f"redirects to a login page ({final})", source)
            return None
        if result.status is None or (result.error_kind is not None and not result.body):
            self.problem("fetch_failed", url, result.error or "no answer", source)
            return None
        if result.status >= 400:
            self.problem("http_error", url, f"HTTP {result.status}", source)
            return None
        if result.status >= 300:  # a redirect not followed (no Location, or too many)
            self.problem(
                "http_error", url, f"HTTP {result.status} without a usable redirect", source
            )
            return None
        return result


class XmlError(Exception):
    """The XML document is malformed (what came before the error was still used)."""


def has_entity_declarations(data: bytes) -> bool:
    """A DOCTYPE declaring entities (XXE, billion laughs): never needed by sitemaps or feeds."""
    head = data[:65536]
    return b"<!ENTITY" in head or b"<!entity" in head


def iter_xml(
    data: bytes, tags: frozenset[str], clear: frozenset[str] | None = None
) -> Iterator[tuple[str, etree._Element]]:
    """(local name, element) at the end of each element named in ``tags``, and the root first.

    The root comes as ("<root>", element) at its start. Finished elements named in
    ``clear`` (default: ``tags``) are cleared
    so a 50 MB sitemap takes little memory beyond its bytes. Raises XmlError at the
    first syntax error, after yielding everything before it.
    """
    parser = etree.iterparse(
        io.BytesIO(data),
        events=("start", "end"),
        resolve_entities=False,  # XXE: external and internal entities stay unexpanded
        load_dtd=False,
        no_network=True,
        huge_tree=False,  # libxml2's limits on depth and text size stay on
        remove_comments=True,
        remove_pis=True,
        recover=False,
    )
    clear = tags if clear is None else clear
    root_seen = False
    try:
        for event, elem in parser:
            if not isinstance(elem.tag, str):
                continue  # entity references, comments
            name = etree.QName(elem).localname
            if event == "start":
                if not root_seen:
                    root_seen = True
                    yield "<root>", elem
                continue
            if name in tags:
                yield name, elem
                if name not in clear:
                    continue
                elem.clear(keep_tail=False)
                parent = elem.getparent()
                if parent is not None:  # drop finished siblings: memory stays flat
                    while elem.getprevious() is not None:
                        del parent[0]
    except etree.XMLSyntaxError as e:
        raise XmlError(str(e).splitlines()[0] if str(e) else "malformed XML") from e


def child_text(elem: etree._Element, name: str) -> str | None:
    """Text of the first child named ``name`` (any namespace); entity references dropped."""
    for child in elem:
        if isinstance(child.tag, str) and etree.QName(child).localname == name:
            text = child.text or ""
            return text.strip() or None
    return None
