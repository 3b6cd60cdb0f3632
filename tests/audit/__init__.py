"""Tests of the audit (issue 7), and a loopback "site" for them.

:func:`article_html` writes a pandoc-style footnoted article citing given URLs;
:func:`build_site` puts articles on one farm host and their cited pages on
others (alive, 404, 500 …), as a real site with rotting links would be.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from tests.web.farm import Farm, FarmHost, html, page, status


def article_html(title: str, published: str, urls: list[str], extra: str = "") -> bytes:
    """A footnoted article (pandoc HTML): note i cites urls[i-1]."""
    body = " ".join(
        f'Sentence {i} about the matter.<a href="#fn{i}" class="footnote-ref" id="fnref{i}" '
        f'role="doc-noteref"><sup>{i}</sup></a>'
        for i in range(1, len(urls) + 1)
    )
    notes = "\n".join(
        f'<li id="fn{i}"><p>Author {i}, “Source number {i},” Publisher, 2020, '
        f'<a href="{escape(u)}">{escape(u)}</a>. Accessed 3 March 2024.'
        f'<a href="#fnref{i}" class="footnote-back" role="doc-backlink">↩︎</a></p></li>'
        for i, u in enumerate(urls, start=1)
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="dcterms.date" content="{published}"><title>{escape(title)}</title></head>'
        f'<body><header id="title-block-header"><h1 class="title">{escape(title)}</h1>'
        f'<p class="date">{published}</p></header><p>{body} {escape(extra)}</p>'
        '<section id="footnotes" class="footnotes footnotes-end-of-document" '
        f'role="doc-endnotes"><hr /><ol>{notes}</ol></section></body></html>'
    ).encode()


@dataclass
class Site:
    home: FarmHost
    sources: list[FarmHost]
    articles: list[str] = field(default_factory=list)  # article URLs
    links: list[str] = field(default_factory=list)  # every cited URL
    broken: set[str] = field(default_factory=set)


def build_site(
    farm: Farm,
    *,
    n_articles: int,
    links_per_article: int,
    n_hosts: int = 4,
    latency: float = 0.0,
    article_latency: float = 0.0,
    broken_every: int = 5,
    first_address: int = 2,
) -> Site:
    """Articles on one host citing pages on ``n_hosts`` others; every
    ``broken_every``-th cited page answers 404 (every other of those 500)."""
    home = farm.host("127.0.0.1", latency=article_latency)
    sources = farm.many_hosts(n_hosts, latency=latency, first=first_address)
    site = Site(home, sources)
    k = 0
    for a in range(n_articles):
        urls = []
        for _ in range(links_per_article):
            src = sources[k % n_hosts]
            path = f"/source/{k}"
            if broken_every and k % broken_every == 0:
                url = src.route(path, status(404) if k % 2 == 0 else status(500))
                site.broken.add(url)
            else:
                url = src.route(path, page(f"Source {k}", "A real page " * 30))
            urls.append(url)
            k += 1
        year = 2015 + a % 10
        body = article_html(f"Article {a}", f"{year}-03-0{1 + a % 9}", urls)
        site.articles.append(home.route(f"/articles/{a}", _html_page(body)))
        site.links += urls
    return site


def _html_page(body: bytes):  # type: ignore[no-untyped-def]
    return lambda ctx: ctx.send(200, body)


__all__ = ["Site", "article_html", "build_site", "html"]
