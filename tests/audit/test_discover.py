"""Discovery against the loopback AVİM-like site (fixtures/site): sitemaps, feeds,
listing crawl, robots.txt, and the bad answers a real site gives."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from citecheck.audit.discover import Discovery, DiscoverySettings, discover, urls_from_file
from citecheck.audit.site import DiscoveryProblem
from citecheck.web.http import HttpClient
from tests.audit.site_farm import serve_site
from tests.web.conftest import fast_settings
from tests.web.farm import Farm, FarmHost, gzip_bomb_bytes, redirect, status

SITEMAP_ARTICLES = {
    "/tr/Analiz/HAZAR-DA-ENERJI-KORIDORLARI-VE-TURKIYE",
    "/tr/Analiz/ORTA-KORIDOR-VE-LOJISTIK",
    "/tr/Yorum/GUNEY-KAFKASYA-DA-ULASIM-HATLARI",
    "/en/Yorum/THE-MIDDLE-CORRIDOR-AFTER-THE-2024-SUMMITS",
}
FEED_ARTICLES = {
    "/tr/Yorum/KIRIM-TATARLARI-VE-SURGUN",
    "/tr/Yorum/GUNEY-KAFKASYA-DA-ULASIM-HATLARI",
    "/en/Yorum/THE-MIDDLE-CORRIDOR-AFTER-THE-2024-SUMMITS",
    "/en/Yorum/CASPIAN-CONNECTIVITY",
}
LISTING_ONLY = "/Blog/KARADENIZ-DE-GUVENLIK-MIMARISI-VE-MONTRO-05-02-2025"
DISALLOWED = "/tr/Yorum/GIZLI-TASLAK-DEGERLENDIRME"
NO_FEEDS_HOME = b"<!DOCTYPE html><html><head><title>AVIM</title></head><body>x</body></html>"


@pytest.fixture
def farm() -> Iterator[Farm]:
    with Farm() as f:
        yield f


@pytest.fixture
def client() -> Iterator[HttpClient]:
    with HttpClient(fast_settings(retries=0)) as c:
        yield c


def html_page(body: bytes) -> object:
    return lambda ctx: ctx.send(200, body)


def xml(body: bytes, ctype: str = "application/xml") -> object:
    return lambda ctx: ctx.send(200, body, content_type=ctype)


def run(
    site: FarmHost, client: HttpClient, **settings: object
) -> tuple[list[str], list[DiscoveryProblem]]:
    problems: list[DiscoveryProblem] = []
    urls = list(
        discover(site.base, client, settings=DiscoverySettings(**settings), problems=problems)
    )  # type: ignore[arg-type]
    return urls, problems


def paths(urls: list[str], site: FarmHost) -> set[str]:
    assert all(u.startswith(site.base + "/") for u in urls), urls
    return {u[len(site.base) :] for u in urls}


def codes(problems: list[DiscoveryProblem]) -> set[str]:
    return {p.code for p in problems}


def test_every_source_found_once_normalized_and_robots_honoured(
    farm: Farm, client: HttpClient
) -> None:
    site = serve_site(farm)
    urls, problems = run(site, client, crawl="always")
    assert len(urls) == len(set(urls))
    assert paths(urls, site) == SITEMAP_ARTICLES | FEED_ARTICLES | {LISTING_ONLY}
    # utm_source dropped and #top merged with the plain URL: one entry each
    assert not any("utm_" in u or "#" in u for u in urls)
    # the disallowed draft is listed by the sitemap, the RSS feed and a listing page,
    # yet never yielded and never fetched
    assert not farm.requests(path=DISALLOWED)
    assert "articles_disallowed" in codes(problems)
    # non-article pages of the sitemap, the off-site URL and the Atom edit link are filtered
    assert not farm.requests(path="/Admin/edit/1")
    assert not any("BASKA-SITE" in u or "Hakkimizda" in u for u in urls)


def test_listing_crawl_is_a_fallback_when_sitemaps_give_articles(
    farm: Farm, client: HttpClient
) -> None:
    site = serve_site(farm)
    urls, _ = run(site, client)  # crawl="fallback"
    assert paths(urls, site) == SITEMAP_ARTICLES | FEED_ARTICLES
    assert not farm.requests(path="/Blog")


def test_sitemap_index_with_a_gzipped_sitemap(farm: Farm, client: HttpClient) -> None:
    site = serve_site(farm, overrides={"/": html_page(NO_FEEDS_HOME)})
    run_ = Discovery(site.base, client, DiscoverySettings(crawl="never"))
    urls = list(run_)
    assert paths(urls, site) == SITEMAP_ARTICLES
    assert run_.counts["sitemap"] == 4
    assert farm.requests(path="/sitemap-yorum.xml.gz")
    assert run_.robots is not None and run_.robots.sitemaps == [site.url("/sitemap_index.xml")]


def test_rss_and_paged_atom_feeds_announced_by_the_home_page(
    farm: Farm, client: HttpClient
) -> None:
    site = serve_site(farm, overrides={"/sitemap_index.xml": status(404)})
    urls, problems = run(site, client, crawl="never")
    assert paths(urls, site) == FEED_ARTICLES
    assert farm.requests(path="/en/atom")  # both pages: rel="next" followed
    assert any(e.path == "/en/atom?page=2" for e in farm.requests(path="/en/atom"))
    assert "http_error" in codes(problems)  # the missing sitemap index, recorded


def test_listing_crawl_restricted_to_patterns(farm: Farm, client: HttpClient) -> None:
    site = serve_site(farm, overrides={"/sitemap_index.xml": status(404)})
    problems: list[DiscoveryProblem] = []
    urls = list(
        discover(
            site.base,
            client,
            patterns=[r"^/Blog/[^/]+$", r"^/tr/Analiz/[^/]+$"],
            settings=DiscoverySettings(crawl="always"),
            problems=problems,
        )
    )
    assert paths(urls, site) == {
        LISTING_ONLY,
        "/tr/Analiz/HAZAR-DA-ENERJI-KORIDORLARI-VE-TURKIYE",
        "/tr/Analiz/ORTA-KORIDOR-VE-LOJISTIK",  # on listing page 2: pagination followed
    }
    # author pages and the about page are neither articles nor listings: never fetched
    assert not farm.requests(path="/tr/Yazar/mehmet-ali-tuna")
    assert not farm.requests(path="/tr/Hakkimizda")


def test_crawl_delay_spaces_requests_to_the_site(farm: Farm, client: HttpClient) -> None:
    delay = 0.15
    site = serve_site(farm, crawl_delay=delay, overrides={"/": html_page(NO_FEEDS_HOME)})
    run_ = Discovery(site.base, client, DiscoverySettings(crawl="never"))
    urls = list(run_)
    assert len(urls) == 4 and run_.robots is not None and run_.robots.crawl_delay == delay
    starts = [e.start for e in farm.requests(host=site)][1:]  # after robots.txt
    assert len(starts) >= 5
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert min(gaps) >= delay * 0.8  # loosely: the pacing, not the clock, is tested


def test_max_articles_stops_early(farm: Farm, client: HttpClient) -> None:
    site = serve_site(farm)
    urls = list(discover(site.base, client, max_articles=2))
    assert len(urls) == 2
    assert not farm.requests(path="/tr/rss")  # the stream stopped before the feeds


def test_robots_unreachable_means_nothing_is_crawled(farm: Farm, client: HttpClient) -> None:
    site = serve_site(farm, overrides={"/robots.txt": status(503)})
    urls, problems = run(site, client, crawl="always")
    assert urls == []
    assert {"robots_unreachable", "no_articles"} <= codes(problems)
    assert {e.path for e in farm.requests(host=site)} == {"/robots.txt"}


def test_no_robots_txt_allows_everything(farm: Farm, client: HttpClient) -> None:
    site = serve_site(farm, overrides={"/robots.txt": status(404)})
    urls, problems = run(site, client)
    assert DISALLOWED in paths(urls, site)
    assert "robots_unreachable" not in codes(problems)


XXE_SITEMAP = """<?xml version="1.0"?>
<!DOCTYPE urlset [
  <!ENTITY file SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "{base}/xxe-probe">
  <!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{base}/tr/Yorum/&file;</loc></url>
  <url><loc>&remote;</loc></url>
  <url><loc>{base}/tr/Yorum/X-&lol3;</loc></url>
  <url><loc>{base}/tr/Yorum/GUVENLI-MAKALE</loc></url>
</urlset>"""


def test_xxe_and_entity_expansion_refused(farm: Farm, client: HttpClient) -> None:
    site = farm.host()
    body = XXE_SITEMAP.replace("{base}", site.base).encode()
    site.route("/sitemap.xml", xml(body))
    site.route("/", html_page(NO_FEEDS_HOME))
    urls, problems = run(site, client, crawl="never")
    assert not farm.requests(path="/xxe-probe")  # no external entity fetched
    assert not any("root:" in u or "lollol" in u for u in urls)  # nothing expanded
    assert site.url("/tr/Yorum/GUVENLI-MAKALE") in urls
    assert "xml_entities_ignored" in codes(problems)


def test_malformed_sitemap_keeps_what_came_before(farm: Farm, client: HttpClient) -> None:
    site = farm.host()
    body = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site.base}/tr/Yorum/BIRINCI</loc></url>"
        f"<url><loc>{site.base}/tr/Yorum/IKINCI</loc></url><url><loc>broken"
    ).encode()
    site.route("/sitemap.xml", xml(body))
    site.route("/", html_page(NO_FEEDS_HOME))
    urls, problems = run(site, client, crawl="never")
    assert paths(urls, site) == {"/tr/Yorum/BIRINCI", "/tr/Yorum/IKINCI"}
    assert "sitemap_malformed" in codes(problems)


def test_gzip_bomb_sitemap_stops_at_the_cap(farm: Farm, client: HttpClient) -> None:
    site = farm.host()
    robots = f"Sitemap: {site.base}/s.xml.gz".encode()
    site.route("/robots.txt", lambda ctx: ctx.send(200, robots, content_type="text/plain"))
    site.route("/s.xml.gz", xml(gzip_bomb_bytes(64 * 1024 * 1024), "application/gzip"))
    site.route("/", html_page(NO_FEEDS_HOME))
    urls, problems = run(site, client, crawl="never", max_sitemap_bytes=1024 * 1024)
    assert urls == []
    assert "sitemap_too_large" in codes(problems)


def test_bad_answers_are_recorded_not_raised(farm: Farm, client: HttpClient) -> None:
    site = farm.host()
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(
            f"<sitemap><loc>{site.base}{p}</loc></sitemap>"
            for p in ("/html.xml", "/uye.xml", "/gone.xml", "/other.xml", "/sitemap.xml")
        )
        + "</sitemapindex>"
    ).encode()
    site.route("/sitemap.xml", xml(index))  # lists itself too: no loop
    site.route("/html.xml", html_page(b"<!DOCTYPE html><html><body>Hata</body></html>"))
    site.route("/uye.xml", redirect("/Account/Login?ReturnUrl=%2Fuye.xml", 302))
    site.route("/Account/Login", html_page(b"<html><body><form></form></body></html>"))
    site.route("/gone.xml", status(410))
    site.route("/other.xml", xml(b"<?xml version='1.0'?><catalog><item/></catalog>"))
    site.route("/", html_page(NO_FEEDS_HOME))
    urls, problems = run(site, client, crawl="never")
    assert urls == []
    assert {"sitemap_not_xml", "login_redirect", "http_error", "sitemap_malformed"} <= codes(
        problems
    )
    assert len(farm.requests(path="/sitemap.xml")) == 1


def test_sitemap_bounds(farm: Farm, client: HttpClient) -> None:
    site = farm.host()
    many = "".join(f"<url><loc>{site.base}/tr/Yorum/M-{i}</loc></url>" for i in range(30))
    site.route("/sitemap.xml", xml(f'<urlset xmlns="x">{many}</urlset>'.encode()))
    site.route("/", html_page(NO_FEEDS_HOME))
    problems: list[DiscoveryProblem] = []
    from citecheck.audit.site import SiteFetcher
    from citecheck.audit.sitemaps import walk_sitemaps

    fetcher = SiteFetcher(client, site.base, problems)
    got = list(walk_sitemaps(fetcher, [site.url("/sitemap.xml")], max_urls=10))
    assert len(got) == 10 and "sitemap_too_many_urls" in codes(problems)


def test_urls_from_file(tmp_path: Path) -> None:
    f = tmp_path / "urls.txt"
    f.write_text(
        "\ufeff# AVİM articles\n"
        "https://avim.org.tr/tr/Yorum/A?utm_source=x\n"
        "\n"
        "https://AVIM.org.tr/tr/Yorum/A\n"
        "not a url\n"
        "https://avim.org.tr/tr/Analiz/B#notlar\n"
        "https://avim.org.tr/tr/Analiz/C\n",
        encoding="utf-8",
    )
    problems: list[DiscoveryProblem] = []
    urls = list(urls_from_file(f, problems=problems))
    assert urls == [
        "https://avim.org.tr/tr/Yorum/A",
        "https://avim.org.tr/tr/Analiz/B",
        "https://avim.org.tr/tr/Analiz/C",
    ]
    assert [p.message.split(":")[0] for p in problems] == ["line 5"]
    assert list(urls_from_file(f, max_articles=1)) == urls[:1]


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        DiscoverySettings(crawl="sometimes")
    with pytest.raises(ValueError):
        DiscoverySettings(article_patterns=("(",))
    with pytest.raises(ValueError):
        Discovery("ftp://avim.org.tr", None)  # type: ignore[arg-type]
