"""HTML readers: what each AVİM page layout and the generic fallback must give."""

from __future__ import annotations

import pytest

from citecheck.ingest import load_bytes, load_path
from citecheck.model import Document
from tests.conftest import FIXTURES

ARTICLES = FIXTURES / "articles"


def html(body: str, source: str = "https://example.org/post") -> Document:
    page = f"<!DOCTYPE html><html><head><title>T</title></head><body>{body}</body></html>"
    return load_bytes(page.encode(), source=source)


def marker_numbers(doc: Document) -> list[int]:
    return [m.number for p in doc.paragraphs for m in p.markers]


@pytest.mark.parametrize(
    ("name", "kind", "number", "language", "site"),
    [
        ("avim-analiz-tr-hazar.html", "analysis", "2025 / 14", "tr", "avim.org.tr"),
        ("avimbulten-blog-41-karadeniz.html", "blog", "41", "tr", "avimbulten.org"),
        ("avim-yorum-en-commentary.html", "commentary", "2024 / 2", "en", "avim.org.tr"),
        ("avim-yorum-tr-malformed-truncated.html", "commentary", "2023 / 5", "tr", "avim.org.tr"),
    ],
)
def test_avim_page_metadata(name: str, kind: str, number: str, language: str, site: str) -> None:
    doc = load_path(ARTICLES / name)
    assert (doc.format, doc.kind, doc.number, doc.language, doc.site) == (
        "avim-html",
        kind,
        number,
        language,
        site,
    )
    assert doc.canonical_url and doc.canonical_url.startswith("https://")
    assert doc.title and "AVİM" not in doc.title and not doc.title.endswith("2025")


def test_avim_analiz_page() -> None:
    doc = load_path(ARTICLES / "avim-analiz-tr-hazar.html")
    assert doc.authors == ["Mehmet Ali TUNA"]
    assert doc.published == "2025-03-03"
    assert marker_numbers(doc) == list(range(1, 10))
    headings = [p.text for p in doc.paragraphs if p.heading]
    assert headings == ["1. Hukuki Statü Sorunu", "2. Çok Taraflı İlişkiler"]
    assert doc.paragraphs[1].markers[0].number == 3  # a marker inside a heading
    body = " ".join(p.text for p in doc.paragraphs)
    for furniture in ("Paylaş", "PDF İndir", "dk okuma", "İlgili Analizler", "Süleyman", "©"):
        assert furniture not in body
    assert "[Türkmenistan ve Azerbaycan]" in body and "3(2), 45-68" in body
    assert "tablonun 15 yıllık" in body
    assert len(doc.notes) == 9 and len(doc.bibliography) == 5
    # a link whose text is not its URL keeps the URL in the note
    assert "<https://www.example.org/trans-caspian-feasibility>" in doc.note(6).text
    assert doc.how_to_cite and doc.how_to_cite.number == "2025 / 14"


def test_word_html_blog_notes_and_br_joined_paragraph() -> None:
    doc = load_path(ARTICLES / "avimbulten-blog-41-karadeniz.html")
    assert [n.label for n in doc.notes] == ["1", "2", "3", "4", "5"]
    assert marker_numbers(doc) == [1, 2, 3, 4, 5]
    assert [m.raw for m in doc.paragraphs[0].markers] == [
        '<a href="#_ftn1">[1]</a>',
        '<a href="#_ftn2">[2]</a>',
    ]
    assert "sürdürülen denge politikasının" in doc.paragraphs[1].text  # <br> inside a sentence
    assert doc.bibliography[2].text.endswith("2024. https://www.example.com/news/mcm-black-sea.")


def test_english_commentary_with_sup_markers() -> None:
    doc = load_path(ARTICLES / "avim-yorum-en-commentary.html")
    assert doc.authors == ["Alev KILIÇ"]
    assert marker_numbers(doc) == [1, 2, 3, 4, 5, 6]
    assert "2,000 km² around" in doc.paragraphs[2].text  # a unit, not note 2
    assert doc.note(2).text == "Ibid."
    cite = doc.how_to_cite
    assert cite and (cite.year, cite.date, cite.accessed) == (2024, "2024-02-05", "2026-05-19")


def test_malformed_truncated_page_still_reads() -> None:
    doc = load_path(ARTICLES / "avim-yorum-tr-malformed-truncated.html")
    assert marker_numbers(doc) == [1, 2, 3, 4]
    assert [n.number for n in doc.notes] == [1, 2, 3, 5, 4]
    messages = " | ".join(f.message for f in doc.findings)
    assert "truncated" in messages and "note 2 is defined twice" in messages


def test_generic_pandoc_and_wordpress() -> None:
    pandoc = load_path(ARTICLES / "generic-pandoc-footnotes.html")
    assert pandoc.format == "html" and marker_numbers(pandoc) == [1, 2, 3]
    assert pandoc.note(3).text.endswith("https://www.example.org/syr-darya-1998.")
    assert "↩" not in pandoc.note(1).text
    wordpress = load_path(ARTICLES / "generic-wordpress-footnotes.html")
    assert wordpress.language == "de" and wordpress.published == "2025-11-20"
    assert [n.text for n in wordpress.notes][2] == "Ebd., S. 90."
    assert "Kommentare" not in " ".join(p.text for p in wordpress.paragraphs)


def test_generic_bracket_markers_and_hash_links() -> None:
    doc = html(
        "<article><h1>Title</h1><p>First claim here.[1] Second claim <a href='#fn2'>2</a>.</p>"
        "<p>Third claim.<a href='#note3'>[3]</a></p><h2>Notes</h2>"
        "<p id='fn1'>[1] One.</p><p>[2] Two.</p><p>[3] Three.</p></article>"
    )
    assert marker_numbers(doc) == [1, 2, 3]
    assert [n.text for n in doc.notes] == ["One.", "Two.", "Three."]


def test_meta_tags_and_json_ld() -> None:
    page = """<html><head>
    <meta name="citation_title" content="A Study of Rivers">
    <meta name="citation_author" content="Petrova, Anna">
    <meta name="citation_author" content="Weber, Jonas">
    <meta name="citation_publication_date" content="2023/05/17">
    <script type="application/ld+json">{"@type": "BlogPosting", "inLanguage": "en"}</script>
    </head><body><main><p>Text of the article, long enough to be prose here.</p></main>
    </body></html>"""
    doc = load_bytes(page.encode(), source="https://journal.example.org/a")
    assert doc.title == "A Study of Rivers"
    assert doc.authors == ["Petrova, Anna", "Weber, Jonas"]
    assert doc.kind == "blog"
    assert doc.site == "journal.example.org"


@pytest.mark.parametrize(
    "page",
    [
        "<html><body></body></html>",
        "<html><body><p>[1] Only a note.</p></body></html>",
        "<p>unclosed <b>bold <i>italic",
        "<html><body><script>alert(1)</script></body></html>",
        "<html><body><ol class='footnotes'><li></li><li>Two</li></ol></body></html>",
        "<html><body><sup>1</sup><sup>x</sup><a href='#fn'>[]</a></body></html>",
    ],
)
def test_odd_pages_never_crash(page: str) -> None:
    doc = load_bytes(page.encode(), source="odd.html")
    assert doc.format == "html"


def test_page_wrapped_in_an_aspnet_form_is_still_read() -> None:
    page = (ARTICLES / "avim-analiz-tr-hazar.html").read_text(encoding="utf-8")
    page = page.replace("<body>", '<body><form id="form1" method="post" action="./x">')
    page = page.replace("</body>", "</form></body>")
    doc = load_bytes(page.encode(), source="https://avim.org.tr/tr/Analiz/X")
    assert (len(doc.paragraphs), len(doc.notes), len(doc.bibliography)) == (6, 9, 5)
    assert doc.how_to_cite is not None


def test_mediawiki_style_references() -> None:
    doc = html(
        "<div id='content'><h1>Aral</h1><p>The sea shrank by ninety percent since 1960."
        "<sup class='reference'><a href='#cite_note-1'>[1]</a></sup> It split in two."
        "<sup class='reference'><a href='#cite_note-2'>[2]</a></sup></p>"
        "<div class='mw-references-wrap'><ol class='references'>"
        "<li id='cite_note-1'><a href='#cite_ref-1'>^</a> <span>Petrova 2019, p. 12.</span></li>"
        "<li id='cite_note-2'><a href='#cite_ref-2'>^</a> <span>Ibid., p. 14.</span></li>"
        "</ol></div></div>"
    )
    assert marker_numbers(doc) == [1, 2]
    assert [n.text for n in doc.notes] == ["Petrova 2019, p. 12.", "Ibid., p. 14."]


def test_sup_labelled_notes_after_a_rule_without_a_container() -> None:
    doc = html(
        "<article><h1>T</h1><p>First claim of the article is here.<sup>1</sup> Second one."
        "<sup>2</sup></p><hr><p><sup>1</sup> One, p. 3.</p><p><sup>2</sup> Ibid.</p></article>"
    )
    assert [(n.number, n.text) for n in doc.notes] == [(1, "One, p. 3."), (2, "Ibid.")]
    assert marker_numbers(doc) == [1, 2]
    assert len(doc.paragraphs) == 1


def test_input_cannot_forge_reader_tokens() -> None:
    doc = load_bytes(
        "Başlık\n\nMetin \ue0009\ue001 burada bir cümledir ve devam eder.\n".encode(),
        source="x.txt",
    )
    assert [m.number for p in doc.paragraphs for m in p.markers] == []


def test_author_box_and_cite_block_above_the_article() -> None:
    doc = html(
        "<article><h1>Başlık</h1><div>Yazar hakkında :</div><p>Ali VELİ emekli büyükelçidir.</p>"
        '<p>Atıfta bulunmak için: VELİ, Ali. 2024. "Başlık." AVİM, Yorum No.2024 / 3. Mart 2. '
        "Erişim Mayıs 19, 2026. https://avim.org.tr/tr/Yorum/BASLIK</p>"
        "<p>Makalenin ilk cümlesi burada yer alır ve devam eder.[1] İkinci cümle de vardır.</p>"
        "<p>[1] Kaynak, s. 2.</p></article>"
    )
    assert [p.text[:20] for p in doc.paragraphs] == ["Makalenin ilk cümles"]
    assert doc.how_to_cite is not None and doc.how_to_cite.number == "2024 / 3"
    assert [n.text for n in doc.notes] == ["Kaynak, s. 2."]


def test_site_logo_h1_and_page_footer_are_not_the_article() -> None:
    page = """<html><head><title>Water in Central Asia | Eurasia Notes</title></head><body>
    <header><h1 class="logo">Eurasia Notes</h1><p>Analysis since 2009</p></header>
    <div class="wrap"><div class="post"><h1>Water in Central Asia</h1>
    <p>The Amu Darya carries most of the water of the region today.[1] Upstream states
    depend on it.</p><p>[1] Anna Petrova, Rivers (London, 2019), 12.</p></div></div>
    <footer><p>Impressum</p><p>Datenschutz</p><p>Kontakt und Anfahrt</p></footer>
    </body></html>"""
    doc = load_bytes(page.encode(), source="https://eurasia.example.org/water")
    assert doc.title == "Water in Central Asia"
    assert [p.text[:13] for p in doc.paragraphs] == ["The Amu Darya"]
    assert [n.number for n in doc.notes] == [1]


def test_cite_block_in_a_footer_is_kept() -> None:
    page = """<html><body><div class="post"><h1>Başlık</h1>
    <p>Makalenin ilk cümlesi burada yer alır ve devam eder. İkinci cümle de vardır.</p></div>
    <div class="post-footer"><p>Atıfta bulunmak için: VELİ, Ali. 2024. "Başlık." AVİM,
    Yorum No.2024 / 3. Mart 2. Erişim Mayıs 19, 2026. https://avim.org.tr/tr/Yorum/B</p></div>
    </body></html>"""
    doc = load_bytes(page.encode(), source="https://avim.org.tr/tr/Yorum/B")
    assert doc.how_to_cite is not None and doc.how_to_cite.url == "https://avim.org.tr/tr/Yorum/B"
