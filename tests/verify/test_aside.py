"""A claim's figure only in a page's teasers or sidebars (issue 5): the page's
other text is kept apart from its article, and a figure only there is not found
in the source, not contradicted by the article's own figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.verify.aside import ASIDE_ONLY, figure_aside
from citecheck.verify.reading import claim_facts
from citecheck.verify.run import verify_file
from citecheck.web.extract import extract_source

# An AVİM-style source: a ministry statement on Ercan airport, with a related-news
# box whose headline gives another year's target.
PAGE = """<!doctype html><html lang="tr"><head><title>Ercan Havalimanı'nda yolcu rekoru</title>
<meta name="date" content="2025-10-14"></head>
<body><nav><a href="/">Ana Sayfa</a> | <a href="/ulasim">Ulaşım</a></nav>
<article><h1>Ercan Havalimanı'nda dokuz ayda 3 milyon 910 bin yolcu</h1>
<p>Ulaştırma ve Altyapı Bakanı Abdulkadir Uraloğlu, Ercan Havalimanı'nda 2025 yılının ilk
dokuz ayında 3 milyon 910 bin yolcuya hizmet verildiğini açıkladı.</p>
<p>Uraloğlu, yeni terminal binasının yıllık 10 milyon yolcu kapasitesiyle bölgenin en modern
tesislerinden biri olduğunu belirtti.</p>
<p>Bakan, Ercan'dan 14 ülkede 37 noktaya tarifeli sefer yapıldığını ve kış döneminde bu
sayının artacağını söyledi.</p>
</article>
<aside><h3>İlgili haberler</h3><ul>
<li><a href="/h1">Ercan'da 2024'te 5,1 milyon yolcu hedefi</a></li>
<li><a href="/h2">Geçitkale'ye yeni pist</a></li></ul></aside>
<footer>© 2025 Haber Ajansı · 12 dk okuma</footer></body></html>"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "ercan.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_the_pages_other_text_is_kept_apart_from_its_article() -> None:
    src = extract_source(PAGE.encode(), "text/html", "https://x.test/ercan")
    assert "3 milyon 910 bin yolcuya" in src.text
    assert "5,1 milyon" not in src.text
    lines = src.aside.split("\n")
    assert "Ercan'da 2024'te 5,1 milyon yolcu hedefi" in lines
    # each teaser and the footer a line of its own: "Geçitkale'ye yeni pist" does not
    # run on into "© 2025 …"
    assert "Geçitkale'ye yeni pist" in lines and "© 2025 Haber Ajansı · 12 dk okuma" in lines
    # the article's own sentences are not repeated there
    assert "Uraloğlu" not in src.aside


def test_no_other_text_for_plain_text_and_walked_pages() -> None:
    assert extract_source(b"Plain words " * 20, "text/plain", "https://x.test/t").aside == ""


def test_a_line_that_states_the_figure_and_a_word_of_the_claim() -> None:
    facts = claim_facts(
        "Ercan Havalimanı için 2024 yılında 5,1 milyon yolcu hedefi belirlenmiştir.", "tr"
    )
    i = next(k for k, q in enumerate(facts.quantities) if q.text == "5,1 milyon")
    aside = "Ana Sayfa | Ulaşım\nİlgili haberler\nErcan'da 2024'te 5,1 milyon yolcu hedefi"
    assert figure_aside(facts, [i], aside, "tr") == (i, "Ercan'da 2024'te 5,1 milyon yolcu hedefi")


def test_a_line_with_the_figure_alone_is_no_teaser_of_the_claim() -> None:
    facts = claim_facts("Programın 12. toplantısı Ankara'da yapıldı.", "tr")
    assert figure_aside(facts, [0], "© 2025 Haber Ajansı · 12 dk okuma", "tr") is None


def test_dates_in_the_other_text_are_not_read() -> None:
    facts = claim_facts("Ercan Havalimanı 2024 yılında açıldı.", "tr")
    assert figure_aside(facts, [0], "Ercan Havalimanı 2024", "tr") is None


def test_a_figure_only_in_a_teaser_is_not_found(page: Path) -> None:
    v = verify_file(
        "Ercan Havalimanı için 2024 yılında 5,1 milyon yolcu hedefi belirlenmiştir.",
        "tr",
        page,
        embedder="none",
    )
    assert (v.label, v.reason) == ("not_found", ASIDE_ONLY)
    assert any("only in the page's other text" in m and "5,1 milyon" in m for m in v.missing)


def test_the_article_stating_the_claim_with_another_figure_still_contradicts(page: Path) -> None:
    # every name and the period of the claim in the article's sentence: a changed
    # figure, whichever teaser the writer took it from
    v = verify_file(
        "Ercan Havalimanı'nda 2025 yılının ilk dokuz ayında 5,1 milyon yolcuya hizmet verilmiştir.",
        "tr",
        page,
        embedder="none",
    )
    assert v.label == "contradicted"
