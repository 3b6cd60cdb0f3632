"""Page metadata from fixtures/pages; fetched through the client from the farm."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.ingest.html_common import parse_html
from citecheck.web.pagemeta import (
    fetch_page_record,
    normalize_page_date,
    page_record,
    published_date,
)
from tests.conftest import FIXTURES
from tests.web.farm import PDF_BYTES, FarmHost

PAGES = FIXTURES / "pages"


def read(name: str, url: str = "https://www.example.org/story") -> object:
    return page_record((PAGES / name).read_text(encoding="utf-8"), url)


def test_news_article_json_ld_and_open_graph() -> None:
    r = read("reuters-trump-central-asia.html", "https://www.reuters.com/world/x-2025-11-06/")
    assert (
        r.title
        == "Trump to meet Central Asian presidents as US seeks to counter China, Russia influence"
    )
    assert r.authors == ["Dana Fictional", "Olzhas Testov"]  # article:author is a URL: ignored
    assert r.date == "2025-11-05T16:40:00+00:00"  # not the URL's 2025-11-06
    assert r.modified == "2025-11-05T18:02:00+00:00" and r.year == 2025
    assert (r.site_name, r.kind, r.language, r.source) == ("Reuters", "news_article", "en", "page")


def test_highwire_tags_win_over_open_graph() -> None:
    r = read("journal-landing-highwire.html")
    assert r.title == "Renewed Western Interest in Central Asia"  # not og:title
    assert r.authors == ["Gaur, Punit"] and r.date == "2023-04-14"
    assert (r.container, r.volume, r.issue, r.pages) == (
        "Social Evolution and History",
        "12",
        "2",
        "769-782",
    )
    assert r.doi == "10.5281/zenodo.7827403" and r.kind == "journal_article"


def test_json_ld_graph_article_and_site_suffix() -> None:
    r = read("wordpress-graph-byline.html")
    assert r.title == "C5+1 Summit: What’s at Stake for the US and Central Asia"
    assert r.authors == ["Alberto Frigerio"] and r.date.startswith("2025-10-30")
    assert r.site_name == "The Diplomat" and r.language == "en"


def test_dublin_core_and_open_graph_pages() -> None:
    trade = read("trade-gov-c51-deal-zone.html")
    assert (
        trade.title == "Commerce Celebrates $25 Billion C5+1 Deal Zone"
        and trade.date == "2025-11-06"
    )
    assert trade.authors == ["International Trade Administration"]
    aa = read("aa-kazakhstan-us-minerals.html")
    assert aa.date == "2025-11-06T10:12:00+03:00" and aa.site_name == "Anadolu Ajansı"
    assert aa.kind == "news_article"


def test_title_tag_byline_and_html_lang_when_nothing_else() -> None:
    r = read("plain-title-only.html", "https://avim.org.tr/tr/Analiz/x")
    assert (
        r.title == "ABD’nin Orta Asya Stratejisi Bağlamında Vaşington C5+1 Zirvesi"
    )  # "| AVİM" cut
    assert r.authors == ["Bekir Caner ŞAFAK"] and r.language == "tr"
    assert r.site_name == "avim.org.tr" and r.date is None


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2025-11-05T16:40:00Z", "2025-11-05T16:40:00+00:00"),
        ("2025-11-06T10:12:00+0300", "2025-11-06T10:12:00+03:00"),
        ("2025-11-06T10:12", "2025-11-06"),  # no zone: the day only
        ("2023/04/14", "2023-04-14"),
        ("6 Kasım 2025", "2025-11-06"),
        ("November 6, 2025", "2025-11-06"),
        ("yesterday", None),
        ("", None),
    ],
)
def test_page_dates(raw: str, iso: str | None) -> None:
    assert normalize_page_date(raw) == iso


def test_fetch_through_the_client(make_client, host: FarmHost) -> None:
    body = (PAGES / "reuters-trump-central-asia.html").read_bytes()
    url = host.route("/story", lambda ctx: ctx.send(200, body))
    record, error = fetch_page_record(make_client(), url)
    assert error is None and record.site_name == "Reuters" and record.url == url
    host.route("/paper.pdf", lambda ctx: ctx.send(200, PDF_BYTES, content_type="application/pdf"))
    record, error = fetch_page_record(make_client(), host.url("/paper.pdf"))
    assert record is None and "not an HTML page" in error
    record, error = fetch_page_record(make_client(), host.url("/status/404"))
    assert record is None and "404" in error


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes(text: str) -> None:
    for html in (
        text,
        f"<html><head><meta property='og:title' content='{text}'></head></html>",
        f'<script type="application/ld+json">{text}</script><time datetime="{text}">',
    ):
        page_record(html, "https://example.org/")


def test_role_bylines_are_not_authors() -> None:
    html = (
        '<html><head><meta name="author" content="Editör"><title>T</title></head>'
        '<body><div class="byline">By Staff</div></body></html>'
    )
    assert page_record(html).authors == []
    both = '<html><head><meta name="author" content="Jane Doe and Staff"></head></html>'
    assert page_record(both).authors == ["Jane Doe"]


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        ("Story | Reuters", "https://www.reuters.com/x", "Story"),
        ("Story - Anadolu Ajansı", "https://www.aa.com.tr/x", "Story"),  # og:site_name below
        ("Grand bazaar - Bazaar talk", "https://www.aa.com.tr/x", "Grand bazaar - Bazaar talk"),
        ("Story | Hürriyet Daily News", "https://www.hurriyetdailynews.com/x", "Story"),
        ("A - B | The Diplomat", "https://thediplomat.com/x", "A - B"),
        ("Only a title", "https://thediplomat.com/x", "Only a title"),
    ],
)
def test_site_suffixes(title: str, url: str, expected: str) -> None:
    site = '<meta property="og:site_name" content="Anadolu Ajansı">' if "aa.com" in url else ""
    html = f"<html><head><title>{title}</title>{site}</head></html>"
    assert page_record(html, url).title == expected


def _dated(body: str) -> str | None:
    root = parse_html(f"<html><body>{body}</body></html>")
    assert root is not None
    return published_date(root)


@pytest.mark.parametrize(
    ("body", "iso"),
    [
        # a wire's dateline in its own language, which htmldate's search misses
        (
            '<div class="meta">АНКАРА, 24 февраля 2023 /Корр. ТАСС/ · 21:10</div>'
            "<p>Число погибших 6 февраля достигло 50 096 человек.</p>",
            "2023-02-24",
        ),
        ('<p class="kunye">Yorum No: 2025 / 31 · 23.04.2025 · Mehmet TULUN</p>', "2025-04-23"),
        (
            '<p class="meta">Policy Brief No. 47 | Published 20 August 2025</p>'
            "<p>Resolution 2231 is due to expire on 18 October 2025.</p>",
            "2025-08-20",
        ),
        ('<span class="post-date">6 Kasım 2025</span>', "2025-11-06"),
        # a copyright year is not a publication date, nor a story's dates
        ("<p>The summit of 6 November 2025 ended.</p><footer>© 2025 Agency</footer>", None),
        ('<div class="footer-meta">© ТАСС, 1999–2023</div>', None),
        ('<div class="article-meta">' + "Long text of the story. " * 20 + "6 May 2024</div>", None),
    ],
)
def test_visible_datelines(body: str, iso: str | None) -> None:
    assert _dated(body) == iso
