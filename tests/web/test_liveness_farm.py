"""Every link status reached on loopback, through the real client and check_links."""

from __future__ import annotations

import re

from citecheck.web.links import LinkSettings, LinkTarget, check_links
from tests.web.conftest import fast_settings
from tests.web.farm import Farm, FarmHost, html, page, sequence, status

RANDOM_PATH = re.compile(r"^/[0-9a-f]{32}$")

# A site that answers every unknown address with 200 and the same page, without
# any not-found wording: only the random-path comparison can catch it.
TEMPLATE = html(
    "Example News",
    "Example News brings you the latest stories from the region. "
    "Use the menu to browse our sections or subscribe to our newsletter.",
    "en",
)
ARTICLE = html(
    "Example News",
    "Kazakhstan holds some of the largest uranium reserves in the world and "
    "produced about forty percent of global supply last year, according to "
    "the agency's annual review published in March. " * 3,
    "en",
)


def run(urls: list[str], **settings: object) -> list:
    http = settings.pop("http", None) or fast_settings(retries=1)
    ls = LinkSettings(http=http, archive_lookup=False, **settings)  # type: ignore[arg-type]
    return check_links([LinkTarget(u, [i + 1]) for i, u in enumerate(urls)], ls)


def by_url(checks: list) -> dict[str, object]:
    return {c.url: c for c in checks}


def test_http_statuses_on_the_wire(host: FarmHost):
    urls = {
        "/page/a": "ok",
        "/redirect/301/2": "redirected",
        "/redirect/302/1": "redirected",
        "/status/404": "broken",
        "/status/410": "broken",
        "/status/400": "broken",
        "/status/401": "blocked",
        "/status/403": "blocked",
        "/status/999": "blocked",
        "/retry-after/0": "blocked",  # 429 after the retries
        "/status/500": "server_error",
        "/flaky/1": "ok",  # 503 then 200
        "/soft-404": "soft_404",  # not-found wording on a 200 page
        "/to-home": "soft_404",  # a deep link sent to the home page
        "/cloudflare": "blocked",
        "/datadome": "blocked",
        "/doc.pdf": "ok",
        "/head-405": "ok",
        "/loop/a": "broken",
    }
    checks = by_url(run([host.url(p) for p in urls]))
    for path, expected in urls.items():
        c = checks[host.url(path)]
        assert c.status == expected, (path, c.status, c.reason)
        assert c.reason and "\n" not in c.reason and c.checked_at
    r301 = checks[host.url("/redirect/301/2")]
    assert r301.permanent_redirect is True and [h.status for h in r301.redirects] == [301, 301]
    assert r301.final_url == host.url("/page/landed") and r301.http_status == 200
    assert checks[host.url("/redirect/302/1")].permanent_redirect is False
    assert checks[host.url("/flaky/1")].attempts == 2
    assert checks[host.url("/status/404")].reason == "The page was not found (HTTP 404)."
    assert "Cloudflare" in checks[host.url("/cloudflare")].reason
    assert "browser" in checks[host.url("/cloudflare")].reason
    assert "DataDome" in checks[host.url("/datadome")].reason
    assert "home page" in checks[host.url("/to-home")].reason


def test_network_failures_on_the_wire(farm: Farm, host: FarmHost):
    urls = {
        host.url("/slow-headers"): "timeout",
        farm.closed_port_url("/x"): "connection_error",
        host.url("/reset"): "connection_error",
        Farm.tls_mismatch_url(host): "tls_error",
        farm.unresolvable_url: "dns_error",
        "htp:/x": "invalid_url",
        "javascript:alert(1)": "invalid_url",
        "https://exa mple.org/a b": "invalid_url",
    }
    http = fast_settings(retries=0, total_timeout=0.4, read_timeout=0.3)
    checks = by_url(run(list(urls), http=http))
    for url, expected in urls.items():
        assert checks[url].status == expected, (url, checks[url].reason)


def test_private_addresses_refused_unless_allowed(host: FarmHost):
    (c,) = run([host.url("/page/a")], http=fast_settings(allow_private=False))
    assert c.status == "private_address"
    assert host.requests() == []


def test_offline_is_not_checked(host: FarmHost):
    checks = run([host.url("/page/a"), host.url("/status/404")], offline=True)
    assert [c.status for c in checks] == ["not_checked", "not_checked"]
    assert host.requests() == []


def test_soft_404_by_comparison_with_a_random_path(farm: Farm):
    # Without the comparison the template passes for a live page: the test needs it.
    blind = farm.host("127.0.0.6", not_found=lambda ctx: ctx.send(200, TEMPLATE))
    (c,) = run([blind.url("/news/2020/gone-article")], soft404_baseline=False)
    assert c.status == "ok"
    site = farm.host("127.0.0.2", not_found=lambda ctx: ctx.send(200, TEMPLATE))
    site.route("/news/2021/real-article", lambda ctx: ctx.send(200, ARTICLE))
    gone = site.url("/news/2020/gone-article")
    real = site.url("/news/2021/real-article")
    also_gone = site.url("/yorum/2019/5")
    checks = by_url(run([gone, real, also_gone]))
    assert checks[gone].status == "soft_404", checks[gone].reason
    assert "does not exist" in checks[gone].reason
    assert checks[also_gone].status == "soft_404"
    assert checks[real].status == "ok", checks[real].reason
    # The yardstick was fetched once for the site, not once per link.
    assert len([e for e in site.requests() if RANDOM_PATH.match(e.path)]) == 1


def test_soft_404_page_that_echoes_the_address(farm: Farm):
    def echo(ctx) -> None:
        text = f"We could not locate {ctx.path} on this server. Browse our sections."
        ctx.send(200, html("Example", text, "en"))

    site = farm.host("127.0.0.3", not_found=echo)
    site.route("/analysis/minerals", lambda ctx: ctx.send(200, ARTICLE))
    checks = by_url(run([site.url("/analysis/old-piece-2019"), site.url("/analysis/minerals")]))
    assert checks[site.url("/analysis/old-piece-2019")].status == "soft_404"
    assert checks[site.url("/analysis/minerals")].status == "ok"


def test_soft_404_redirect_where_unknown_addresses_go(farm: Farm):
    # Unknown addresses are sent to /notfound.html (200), which is not the home page.
    site = farm.host(
        "127.0.0.4", not_found=lambda ctx: ctx.send(302, b"", [("Location", "/notfound.html")])
    )
    site.route("/notfound.html", page("Example", "Sorry about that."))
    site.route("/live/page", page("Live article", "Bu sayfa canlı bir makaledir. " * 20))
    checks = by_url(run([site.url("/old/article/1"), site.url("/live/page")]))
    assert checks[site.url("/old/article/1")].status == "soft_404"
    assert checks[site.url("/live/page")].status == "ok"


def test_a_real_404_site_keeps_live_pages_ok(host: FarmHost):
    host.route("/yorum/ozbekistan", page("Özbekistan ile ilişkiler", "Uzun bir yorum metni. " * 30))
    (c,) = run([host.url("/yorum/ozbekistan")])
    assert c.status == "ok" and c.http_status == 200


def test_bot_walls_are_never_broken(host: FarmHost):
    host.route("/px", status(403, [("Set-Cookie", "_pxhd=x; path=/")], b"<p>Press &amp; Hold</p>"))
    host.route(
        "/akamai",
        status(403, [("Server", "AkamaiGHost")], b"<H1>Access Denied</H1>Reference #18.1a2b3c"),
    )
    host.route(
        "/cf-200",
        lambda ctx: ctx.send(
            200, b"<title>Just a moment...</title>", [("cf-mitigated", "challenge")]
        ),
    )
    checks = run([host.url("/px"), host.url("/akamai"), host.url("/cf-200")])
    assert [c.status for c in checks] == ["blocked", "blocked", "blocked"]
    assert all("open it in a browser" in c.reason for c in checks)


def test_503_then_200_is_ok_after_retry(host: FarmHost):
    host.route("/busy", sequence(status(503), page("Tamam", "Şimdi geldi. " * 20)))
    (c,) = run([host.url("/busy")], http=fast_settings(retries=2))
    assert c.status == "ok" and c.attempts == 2
    assert len(host.requests(path="/busy")) == 2


def test_turkish_iri_is_checked_encoded(host: FarmHost):
    path = "/TÜRK-DEVLETLERİ-TEŞKİLATI"
    host.route(
        "/T%C3%9CRK-DEVLETLER%C4%B0-TE%C5%9EK%C4%B0LATI",
        page("Türk Devletleri", "Teşkilat hakkında uzun bir metin. " * 10),
    )
    (c,) = run([host.url(path)])
    assert c.status == "ok", c.reason
    assert c.url == host.url(path)  # kept as cited
    assert "%C3%9C" in c.normalized_url


def test_baseline_failure_only_removes_one_signal(farm: Farm):
    # Random paths on this site hang: the page is still judged on its own words.
    site = farm.host("127.0.0.5", not_found=lambda ctx: ctx.sleep(5))
    site.route("/a", page("Sayfa bulunamadı", "yok"))
    site.route("/b", page("Gerçek makale", "Uzun metin. " * 30))
    http = fast_settings(retries=0, total_timeout=0.3, read_timeout=0.3)
    checks = by_url(run([site.url("/a"), site.url("/b")], http=http))
    assert checks[site.url("/a")].status == "soft_404"
    assert checks[site.url("/b")].status == "ok"
