"""Source text from real HTTP fetches: the one client against the loopback farm."""

from __future__ import annotations

from citecheck.web.extract import source_from_fetch
from citecheck.web.http import HttpClient
from tests.conftest import FIXTURES
from tests.verify.pdfbuild import build_pdf
from tests.web.conftest import fast_settings
from tests.web.farm import CLOUDFLARE_HTML, Farm, gzipped

PAGE = (FIXTURES / "sources" / "page-en-kazakhstan-us-minerals.html").read_bytes()


def _codes(src) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.split(":")[0] for p in src.problems]


def test_fetched_sources() -> None:
    pdf = build_pdf([["Kazakhstan supplies about 40 percent of the world's uranium."]] * 3)
    with Farm() as farm:
        host = farm.host()
        html_url = host.route("/news", gzipped(PAGE))
        pdf_url = host.route(
            "/report", lambda ctx: ctx.send(200, pdf, content_type="application/octet-stream")
        )
        wall_url = host.route("/wall", lambda ctx: ctx.send(403, CLOUDFLARE_HTML))
        with HttpClient(fast_settings()) as client:
            news = source_from_fetch(client.fetch(html_url))
            report = source_from_fetch(client.fetch(pdf_url))
            cut = source_from_fetch(client.fetch(pdf_url, max_bytes=len(pdf) // 2))
            gone = source_from_fetch(client.fetch(host.url("/status/404")))
            wall = source_from_fetch(client.fetch(wall_url))
            dead = source_from_fetch(client.fetch("http://127.0.0.1:9/nothing-listens-here"))
    assert news.kind == "html" and "A $1.1 billion project" in news.text and news.url == html_url
    assert news.published == "2025-11-06" and news.language == "en"
    assert report.kind == "pdf" and "40 percent" in report.text
    assert cut.text == "" and _codes(cut) == ["pdf_unreadable"]
    assert gone.text == "" and _codes(gone) == ["unreachable"] and "404" in gone.problems[0]
    assert wall.text == "" and _codes(wall) == ["bot_wall"]
    assert dead.text == "" and _codes(dead) == ["unreachable"]


def test_html_cut_at_the_size_cap_is_read_and_marked() -> None:
    with Farm() as farm:
        url = farm.host().route("/news", lambda ctx: ctx.send(200, PAGE))
        with HttpClient(fast_settings()) as client:
            src = source_from_fetch(client.fetch(url, max_bytes=3500))
    assert src.truncated and "truncated" in _codes(src)
