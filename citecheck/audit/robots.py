"""robots.txt for the audited site's own pages (RFC 9309, with protego).

:func:`fetch_robots` fetches and reads ``/robots.txt`` the way RFC 9309 §2.3.1
says to treat each outcome:

- 2xx: the rules are parsed (protego: wildcards, ``$``, longest match wins,
  ``Crawl-delay``, ``Request-rate``, ``Sitemap:`` lines);
- 4xx (401 and 403 included): "unavailable" — everything may be crawled;
- 5xx, timeouts, refused connections: "unreachable" — nothing may be crawled
  (the site may be down or shielding itself; crawling anyway would be rude);
- an HTML page where the rules should be (a CMS answering every path with its
  home page): treated as no rules, and reported.

Crawl delay is the larger of ``Crawl-delay`` and ``Request-rate`` (n requests
per s seconds → s/n), capped at :data:`MAX_CRAWL_DELAY`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

from protego import Protego

from citecheck.audit.site import DiscoveryProblem
from citecheck.web.http import HttpClient

# The product token matched against User-agent lines (RFC 9309 §2.2.1: the name
# only, no version). Our full User-Agent header starts with it.
ROBOTS_AGENT = "citecheck"
# RFC 9309 §2.5: crawlers must read at least the first 500 KiB of robots.txt.
ROBOTS_MAX_BYTES = 500 * 1024
# A longer Crawl-delay would stretch a weekly audit of a few thousand pages past a
# week; it is capped and reported so the site owner can be asked for an exception.
MAX_CRAWL_DELAY = 60.0


@dataclass
class RobotsPolicy:
    """What robots.txt allows for ``agent``; ``state`` says how it was obtained."""

    url: str
    state: str  # "parsed" | "unavailable" (allow all) | "unreachable" (disallow all)
    agent: str = ROBOTS_AGENT
    crawl_delay: float = 0.0  # seconds between request starts to the site
    sitemaps: list[str] = field(default_factory=list)
    _rules: Protego | None = None

    def allowed(self, url: str) -> bool:
        if self.state == "unreachable":
            return False
        if self._rules is None:
            return True
        try:
            return bool(self._rules.can_fetch(url, self.agent))
        except Exception:  # protego on an odd URL: the rules cannot say no
            return True


def parse_robots(
    text: str,
    url: str,
    agent: str = ROBOTS_AGENT,
    max_delay: float = MAX_CRAWL_DELAY,
    problems: list[DiscoveryProblem] | None = None,
) -> RobotsPolicy:
    """The policy of a robots.txt ``text`` served at ``url``."""
    rules = Protego.parse(text)
    delay = 0.0
    try:
        delay = float(rules.crawl_delay(agent) or 0.0)
        rate = rules.request_rate(agent)
        if rate is not None and rate.requests:
            delay = max(delay, rate.seconds / rate.requests)
    except (TypeError, ValueError, ZeroDivisionError):
        delay = 0.0
    if delay < 0 or delay != delay:  # negative or NaN: ignored
        delay = 0.0
    if delay > max_delay:
        if problems is not None:
            problems.append(
                DiscoveryProblem(
                    "crawl_delay_capped",
                    url,
                    f"Crawl-delay of {delay:g} s capped at {max_delay:g} s",
                    "robots",
                )
            )
        delay = max_delay
    sitemaps = [urljoin(url, s.strip()) for s in rules.sitemaps if s and s.strip()]
    return RobotsPolicy(url, "parsed", agent, delay, sitemaps, rules)


def fetch_robots(
    site_url: str,
    client: HttpClient,
    agent: str = ROBOTS_AGENT,
    max_delay: float = MAX_CRAWL_DELAY,
    problems: list[DiscoveryProblem] | None = None,
) -> RobotsPolicy:
    """Fetch ``/robots.txt`` of ``site_url``'s host and read it (see module docstring)."""
    url = urljoin(site_url, "/robots.txt")
    found = problems if problems is not None else []
    result = client.fetch(url, max_bytes=ROBOTS_MAX_BYTES)
    unreachable = None
    if result.status is None or result.error_kind is not None:
        unreachable = f"could not be read ({result.error or result.status})"
    elif result.status >= 500:
        unreachable = f"answered HTTP {result.status}"
    if unreachable is not None:
        message = f"robots.txt {unreachable}: the site's pages are not crawled (RFC 9309)"
        found.append(DiscoveryProblem("robots_unreachable", url, message, "robots"))
        return RobotsPolicy(url, "unreachable", agent)
    assert result.status is not None
    if result.status >= 400:
        return RobotsPolicy(url, "unavailable", agent)  # no robots.txt: all allowed
    if result.sniffed_type == "text/html" or result.content_type == "text/html":
        found.append(
            DiscoveryProblem(
                "robots_not_text",
                url,
                "robots.txt is an HTML page, not rules: read as no rules",
                "robots",
            )
        )
        return RobotsPolicy(url, "unavailable", agent)
    text = result.body.decode("utf-8", errors="replace")
    return parse_robots(text, url, agent, max_delay, found)
