"""robots.txt rules, the pacer, and the XML readers on arbitrary input."""

from __future__ import annotations

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.audit.feeds import feed_links, page_links, parse_feed
from citecheck.audit.robots import parse_robots
from citecheck.audit.site import DiscoveryProblem, Pacer, XmlError, is_login_page
from citecheck.audit.sitemaps import parse_sitemap

ROBOTS = """\
User-agent: Googlebot
Disallow: /

User-agent: *
Disallow: /tr/Yorum/GIZLI-
Allow: /tr/Yorum/GIZLI-ACIK$
Disallow: /*.pdf$
Crawl-delay: 2
Request-rate: 1/5s
Sitemap: /sitemap_index.xml
Sitemap: https://cdn.example.org/avim/sitemap.xml.gz
"""


def test_rules_for_our_agent() -> None:
    policy = parse_robots(ROBOTS, "https://avim.org.tr/robots.txt")
    assert policy.allowed("https://avim.org.tr/tr/Yorum/ABD-VE-TURKIYE")
    assert not policy.allowed("https://avim.org.tr/tr/Yorum/GIZLI-TASLAK")
    assert policy.allowed("https://avim.org.tr/tr/Yorum/GIZLI-ACIK")  # longest match wins
    assert not policy.allowed("https://avim.org.tr/Uploads/rapor.pdf")
    assert policy.crawl_delay == 5.0  # Request-rate 1/5s is stricter than Crawl-delay 2
    assert policy.sitemaps == [
        "https://avim.org.tr/sitemap_index.xml",
        "https://cdn.example.org/avim/sitemap.xml.gz",
    ]


def test_huge_crawl_delay_is_capped_and_reported() -> None:
    problems: list[DiscoveryProblem] = []
    text = "User-agent: *\nCrawl-delay: 3600\n"
    policy = parse_robots(text, "https://x.org/robots.txt", problems=problems)
    assert policy.crawl_delay == 60.0
    assert [p.code for p in problems] == ["crawl_delay_capped"]


def test_garbage_robots_allows_and_has_no_delay() -> None:
    text = "<html><body>Not here</body></html>\nCrawl-delay: -4\n"
    policy = parse_robots(text, "https://x.org/robots.txt")
    assert policy.allowed("https://x.org/tr/Yorum/A")
    assert policy.crawl_delay == 0.0


def test_pacer_reserves_start_times() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        now[0] += s

    pacer = Pacer(sleep=sleep, clock=lambda: now[0])
    pacer.set_delay("avim.org.tr", 2.0)
    for _ in range(3):
        pacer.wait("avim.org.tr")
    pacer.wait("other.org")  # no delay set: never waits
    assert slept == [2.0, 2.0]


def test_login_pages() -> None:
    assert is_login_page("https://avim.org.tr/Account/Login?ReturnUrl=%2Fsitemap.xml")
    assert is_login_page("https://x.org/wp-login.php")
    assert is_login_page("https://x.org/uye?returnUrl=/a")
    assert not is_login_page("https://avim.org.tr/tr/Yorum/LOGIN-SORUNU-VE-DIJITAL-KIMLIK")


def test_feed_links_and_page_links() -> None:
    page = (
        b'<html><head><base href="/tr/"><link rel="alternate" type="application/rss+xml" '
        b'href="rss"><link rel="ALTERNATE" type="application/atom+xml; charset=utf-8" '
        b'href="https://avim.org.tr/en/atom"><link rel="alternate" hreflang="en" href="/en">'
        b'</head><body><a href="Yorum/A">a</a><a href="#top">t</a><a href="mailto:x@y">m</a>'
        b'<a href="http://[::1">bad</a></body></html>'
    )
    assert feed_links(page, "https://avim.org.tr/") == [
        "https://avim.org.tr/rss",
        "https://avim.org.tr/en/atom",
    ]
    assert list(page_links(page, "https://avim.org.tr/")) == ["https://avim.org.tr/tr/Yorum/A"]
    assert feed_links(b"", "https://x.org/") == []


def test_rss1_and_guid_fallbacks() -> None:
    rdf = (
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        b'xmlns="http://purl.org/rss/1.0/"><item rdf:about="https://x.org/a"><title>A</title>'
        b"</item></rdf:RDF>"
    )
    assert list(parse_feed(rdf, "https://x.org/")) == [("item", "https://x.org/a")]
    rss = (
        b"<rss><channel><item><guid>https://x.org/b</guid></item>"
        b'<item><guid isPermaLink="false">tag:x</guid></item></channel></rss>'
    )
    assert list(parse_feed(rss, "https://x.org/")) == [("item", "https://x.org/b")]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_xml_readers_never_crash(data: bytes) -> None:
    for reader in (parse_sitemap, lambda d: parse_feed(d, "https://x.org/")):
        with contextlib.suppress(XmlError):
            list(reader(data))
    feed_links(data, "https://x.org/")
    list(page_links(data, "https://x.org/"))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_robots_parser_never_crashes(text: str) -> None:
    policy = parse_robots(text, "https://x.org/robots.txt")
    policy.allowed("https://x.org/tr/Yorum/A")
    assert 0.0 <= policy.crawl_delay <= 60.0
