"""Page signals and classification rules on plain values (the farm tests cover the wire)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.codes import LinkStatus
from citecheck.model import Hop
from citecheck.web import liveness_signals as sig
from citecheck.web.liveness import classify
from citecheck.web.liveness_baseline import SiteBaseline, unique_text_chars


@dataclass
class Res:
    """The fields of FetchResult that classify() reads."""

    url: str
    status: int | None = 200
    final_url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    hops: list[Hop] = field(default_factory=list)
    attempts: int = 1
    elapsed_ms: int = 5
    error_kind: str | None = None
    error: str | None = None
    fetched_at: str | None = "2026-11-22T10:00:00Z"


def html(title: str, h1: str = "", text: str = "") -> bytes:
    return (
        f"<!doctype html><html><head><title>{title}</title><script>var x='hidden';</script>"
        f"</head><body><nav>Home About</nav><h1>{h1}</h1><p>{text}</p></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "title",
    [
        "Sayfa Bulunamadı",
        "SAYFA BULUNAMADI - AVİM",
        "Aradığınız sayfa bulunamadı",
        "404 Not Found",
        "Page not found | Example News",
        "Seite nicht gefunden",
        "Fehler 404",
        "Страница не найдена",
        "Ошибка 404",
        "Error 404",
        "404",
        "404 - Example News",
        "This domain is for sale!",
    ],
)
def test_not_found_wording_in_four_languages(title):
    assert sig.not_found_wording(sig.page_text(html(title), "text/html"))


@pytest.mark.parametrize(
    "title",
    [
        "Critical minerals and Central Asia",
        "Orta Asya'da kritik mineraller",
        "Warum seltene Erden wichtig sind",
        "Found: a new deposit of 404 tonnes of lithium",
        "404 tonnes of lithium",
        "Makale 404",
        "Law No. 404 on mining",
    ],
)
def test_real_titles_are_not_not_found(title):
    page = sig.page_text(html(title, h1=title, text="The page was not found by the search."), None)
    assert sig.not_found_wording(page) is None


def test_page_text_skips_scripts_and_keeps_tails():
    page = sig.page_text(
        b"<html><body><p>one <b>two</b> three</p><script>x()</script></body>", None
    )
    assert page.blocks == ["one", "two", "three"]
    assert page.has_script


def test_page_text_ignores_non_html():
    assert sig.page_text(b"%PDF-1.7 ...", "application/pdf").blocks == []
    assert sig.page_text(b"", None).blocks == []
    assert sig.page_text(b"\xff\xfe\x00garbage<<", "text/html").title == ""


@pytest.mark.parametrize(
    ("status", "headers", "body", "vendor"),
    [
        (403, {"cf-mitigated": "challenge", "server": "cloudflare"}, b"", "Cloudflare"),
        (
            503,
            {"server": "cloudflare", "cf-ray": "1"},
            b"<title>Just a moment...</title>",
            "Cloudflare",
        ),
        (
            200,
            {"server": "cloudflare"},
            b"<script>window._cf_chl_opt={cvId: '3'}</script>",
            "Cloudflare",
        ),
        (403, {}, b"<title>Attention Required! | Cloudflare</title>", "Cloudflare"),
        (503, {}, b"<p>Incapsula incident ID: 123</p>", "Imperva"),
        (403, {"server": "Sucuri/Cloudproxy"}, b"<h1>Access denied</h1>", "Sucuri"),
        (403, {"x-datadome": "protected"}, b"", "DataDome"),
        (403, {}, b"<script src='https://ct.captcha-delivery.com/c.js'>", "DataDome"),
        (403, {"set-cookie": "_pxhd=abc; path=/"}, b"", "PerimeterX"),
        (200, {}, b"<p>Press &amp; Hold to confirm you are a human</p>", "PerimeterX"),
        (403, {"server": "AkamaiGHost"}, b"<H1>Access Denied</H1> Reference #18.4a2b", "Akamai"),
    ],
)
def test_bot_walls(status, headers, body, vendor):
    assert sig.bot_wall(status, headers, body) == vendor


def test_protected_live_pages_are_no_wall():
    # The services tag every answer of the sites they protect, live pages included.
    jsd = b"<script src='/cdn-cgi/challenge-platform/scripts/jsd/main.js'></script>"
    assert sig.bot_wall(200, {"server": "cloudflare", "cf-ray": "1"}, html("Art") + jsd) is None
    assert sig.bot_wall(200, {"x-datadome": "protected"}, html("Article")) is None
    assert sig.bot_wall(200, {"set-cookie": "_pxhd=abc; path=/"}, html("Article")) is None
    assert sig.bot_wall(200, {"server": "Sucuri/Cloudproxy"}, html("Article")) is None
    assert sig.bot_wall(404, {"server": "cloudflare", "cf-ray": "1"}, html("404 Not Found")) is None


def test_plain_403_is_no_wall():
    assert sig.bot_wall(403, {"server": "nginx"}, b"<h1>403 Forbidden</h1>") is None
    assert sig.bot_wall(200, {"server": "cloudflare", "cf-ray": "1"}, html("Article")) is None


@pytest.mark.parametrize(
    ("url", "home"),
    [
        ("https://a.org/", True),
        ("https://a.org", True),
        ("https://a.org/index.php", True),
        ("https://a.org/tr/", True),
        ("https://a.org/en/home", True),
        ("https://a.org/?lang=tr", True),
        ("https://a.org/tr/yorum/123", False),
        ("https://a.org/?p=123", False),
        ("https://a.org/news", False),
    ],
)
def test_is_home(url, home):
    assert sig.is_home(url) is home


def test_search_and_login_pages():
    assert sig.is_search("https://a.org/arama?q=x")
    assert sig.is_search("https://a.org/?s=mineral")
    assert not sig.is_search("https://a.org/research/2020")
    assert sig.is_login("https://a.org/account/login?next=/x")
    assert sig.is_login("https://a.org/giris")
    assert not sig.is_login("https://a.org/blog/authentic-voices")


def test_fold_handles_turkish_i():
    assert sig.fold("İSTANBUL ILIK") == sig.fold("istanbul ılık") == "istanbul ilik"


# -- classify on hand-made results (the wire is tested in test_liveness_farm) ---


def test_network_kinds_pass_through():
    for kind in ("timeout", "dns_error", "tls_error", "connection_error", "private_address"):
        c = classify(Res("https://a.org/x", status=None, error_kind=kind, error="boom"))
        assert c.status == kind and "boom" in c.reason and "\n" not in c.reason


def test_status_codes():
    cases = {404: "broken", 410: "broken", 400: "broken", 401: "blocked", 403: "blocked"}
    cases |= {429: "blocked", 451: "blocked", 999: "blocked", 500: "server_error"}
    cases |= {503: "server_error", 408: "timeout"}
    for code, status in cases.items():
        assert classify(Res("https://a.org/x", status=code)).status == status, code
    assert (
        classify(Res("https://a.org/x", status=404)).reason == "The page was not found (HTTP 404)."
    )


def test_redirect_kinds():
    hops = [Hop("http://a.org/x", 301), Hop("https://a.org/x", 308)]
    c = classify(
        Res("http://a.org/x", final_url="https://a.org/x/new-slug", hops=hops, body=html("Art"))
    )
    assert c.status == "redirected" and c.permanent_redirect is True
    assert [h.status for h in c.redirects] == [301, 308]
    c = classify(
        Res("https://a.org/x", final_url="https://a.org/y", hops=[Hop("https://a.org/x", 302)])
    )
    assert c.status == "redirected" and c.permanent_redirect is False
    c = classify(Res("https://a.org/news/2020/x", final_url="https://a.org/", hops=[Hop("u", 301)]))
    assert c.status == "soft_404" and "home page" in c.reason
    c = classify(
        Res("https://a.org/news/2020/x", final_url="https://a.org/news/", hops=[Hop("u", 301)])
    )
    assert c.status == "soft_404" and "section" in c.reason
    c = classify(
        Res(
            "https://a.org/doc/12345/old", final_url="https://a.org/doc/12345", hops=[Hop("u", 301)]
        )
    )
    assert c.status == "redirected"
    c = classify(
        Res("https://a.org/r/1", final_url="https://a.org/login?next=/r/1", hops=[Hop("u", 302)])
    )
    assert c.status == "blocked" and "sign-in" in c.reason
    # Only the form changed (http -> https, trailing slash): redirected, never soft_404.
    c = classify(Res("http://a.org/x", final_url="https://a.org/x/", hops=[Hop("u", 301)]))
    assert c.status == "redirected" and "form" in c.reason
    # A redirect that comes back to the cited address (cookie check) is no move.
    c = classify(Res("https://a.org/x", final_url="https://a.org/x", hops=[Hop("u", 302)]))
    assert c.status == "ok"


def _baseline(body: bytes, status: int = 200, final: str | None = None) -> SiteBaseline:
    probe = "https://a.org/0f1e2d3c"
    page = sig.page_text(body, "text/html")
    return SiteBaseline(probe, status, final or probe, page, hashlib.sha256(body).hexdigest())


class FixedBaselines:
    def __init__(self, base: SiteBaseline | None) -> None:
        self.base = base

    def get(self, url: str) -> SiteBaseline | None:
        return self.base


def test_unique_text_ignores_echoed_address():
    a = sig.page_text(html("Oops", "Nothing at /news/some-article-slug"), None)
    b = sig.page_text(html("Oops", "Nothing at /0f1e2d3c"), None)
    assert unique_text_chars(a, b, ("some-article-slug", "0f1e2d3c", "news")) == 0


def test_baseline_comparison():
    template = html("Example", "We looked everywhere", "Try the menu above or go back." * 3)
    base = FixedBaselines(_baseline(template))
    soft = classify(Res("https://a.org/p/1", body=template), baselines=base)  # type: ignore[arg-type]
    assert soft.status == "soft_404"
    article = html("Example", "Minerals", "Kazakhstan holds large uranium reserves. " * 20)
    assert classify(Res("https://a.org/p/2", body=article), baselines=base).status == "ok"  # type: ignore[arg-type]
    # The site answers real 404s: comparison gives nothing, wording still counts.
    proper = FixedBaselines(_baseline(b"nope", status=404))
    assert classify(Res("https://a.org/p/1", body=template), baselines=proper).status == "ok"  # type: ignore[arg-type]


def test_identical_textless_answers():
    blank = b"<html><body><div id='app'></div></body></html>"
    base = FixedBaselines(_baseline(blank))
    c = classify(Res("https://a.org/p/1", body=blank), baselines=base)  # type: ignore[arg-type]
    assert c.status == "soft_404"
    # A script-built shell looks the same for every address: no verdict from comparison.
    shell = b"<html><body><div id='app'></div><script src='/app.js'></script></body></html>"
    base = FixedBaselines(_baseline(shell))
    c = classify(Res("https://a.org/p/1", body=shell), baselines=base)  # type: ignore[arg-type]
    assert c.status == "ok" and "browser" in c.reason


def test_meta_refresh_to_home_is_soft_404():
    body = b'<html><head><meta http-equiv="Refresh" content="0; URL=/"></head><body>x</body></html>'
    c = classify(Res("https://a.org/news/2020/gone", body=body))
    assert c.status == "soft_404" and "home page" in c.reason
    slow = b'<html><head><meta http-equiv="refresh" content="300"></head><body>live</body></html>'
    assert classify(Res("https://a.org/news/2020/live", body=slow)).status == "ok"


def test_persistent_identifiers_are_meant_to_redirect():
    c = classify(
        Res(
            "https://doi.org/10.5281/zenodo.7827403",
            final_url="https://zenodo.org/records/7827403",
            hops=[Hop("https://doi.org/10.5281/zenodo.7827403", 302)],
            body=html("Renewed Western Interest in Central Asia"),
        )
    )
    assert c.status == "ok" and "resolves to https://zenodo.org/records/7827403" in c.reason


def test_broken_after_a_redirect_says_where():
    c = classify(
        Res("https://a.org/old", status=404, final_url="https://a.org/new", hops=[Hop("u", 301)])
    )
    assert c.reason == "The page was not found (HTTP 404) after a redirect to https://a.org/new."


@settings(max_examples=200, deadline=None)
@given(
    body=st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=500).map(lambda t: f"<html><title>{t}</title><h1>{t}</h1>{t}".encode()),
    ),
    status=st.sampled_from([200, 201, 301, 403, 404, 429, 503, 999]),
    ctype=st.sampled_from([None, "text/html", "text/html; charset=bogus-42", "application/pdf"]),
)
def test_arbitrary_bodies_never_crash(body, status, ctype):
    c = classify(Res("https://a.org/x/y", status=status, body=body, content_type=ctype))
    assert c.status in {s.value for s in LinkStatus}
    assert c.reason and "\n" not in c.reason
