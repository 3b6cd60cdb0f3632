"""Source text extraction: HTML main text, plain text, unreadable pages (never raises)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.web import extract, extract_html
from citecheck.web.extract import MAX_TEXT_CHARS, SourceText, extract_source
from citecheck.web.extract_lang import detect_language, tag_language
from tests.conftest import FIXTURES
from tests.web.farm import CLOUDFLARE_HTML, DATADOME_HTML

SOURCES = FIXTURES / "sources"


def _read(name: str) -> bytes:
    return (SOURCES / name).read_bytes()


def _codes(src: SourceText) -> list[str]:
    return [p.split(":")[0] for p in src.problems]


def test_news_page_main_text_without_boilerplate() -> None:
    src = extract_source(
        _read("page-en-kazakhstan-us-minerals.html"), "text/html", "https://x.test/a"
    )
    assert src.kind == "html" and src.problems == [] and not src.truncated
    assert src.language == "en"
    assert src.published == "2025-11-06"
    assert src.title == "Kazakhstan, US sign memorandum on cooperation in critical minerals"
    assert "accounts for roughly 40 percent of global output" in src.text
    assert "A $1.1 billion project developed with the US-based firm Cove Capital" in src.text
    # navigation, cookie banner, related articles, reader comments, share bar, footer
    for junk in (
        "We use cookies",
        "Accept all cookies",
        "Related articles",
        "Uzbekistan opens new gold refinery",
        "only 10 percent of the world's uranium",  # a reader comment contradicting the article
        "reader77",
        "All rights reserved",
        "Privacy policy",
        "WhatsApp",
        "Log in",
    ):
        assert junk not in src.text, junk
    # ... kept apart as the page's other text, where a teaser's figure is looked up
    assert "Uzbekistan opens new gold refinery" in src.aside
    assert "A $1.1 billion project" not in src.aside


def test_page_text_language_beats_a_wrong_template_tag() -> None:
    # The Russian page's template says lang="en"; its words say Russian.
    src = extract_source(_read("page-ru-c5plus1-washington.html"), None, "https://x.test/ru")
    assert src.language == "ru"
    assert src.published == "2025-11-08"
    assert "около 40 процентов мировой добычи урана" in src.text
    assert "Главная" not in src.text and "Все права защищены" not in src.text


def test_long_report() -> None:
    src = extract_source(
        _read("long-en-central-asia-critical-minerals.html"), "text/html; charset=utf-8", "u"
    )
    assert 4900 <= len(src.text.split()) <= 5200
    assert src.published == "2025-11-24" and src.language == "en"
    assert "More from the programme" not in src.text and "Donate" not in src.text


@pytest.mark.parametrize(
    ("name", "lang"),
    [
        ("source-de-euronews-c5plus1.txt", "de"),
        ("source-en-turkiye-central-asia.txt", "en"),
        ("source-tr-orta-asya-istisare.txt", "tr"),
    ],
)
def test_plain_text_seeds(name: str, lang: str) -> None:
    body = _read(name)
    src = extract_source(body, "text/plain", "https://x.test/" + name)
    assert src.kind == "text" and src.language == lang and src.problems == []
    assert src.text == body.decode("utf-8").strip()


def test_plain_text_in_a_legacy_turkish_charset() -> None:
    text = (
        "Kazakistan, bu alanda dünya uranyum üretiminin yaklaşık yüzde 40'ını karşılamakta "
        "ve ABD için de önemli bir tedarikçi olarak öne çıkmaktadır. "
    ) * 3
    src = extract_source(text.encode("cp1254"), "text/plain; charset=windows-1254", "u")
    assert src.text == text.strip() and src.language == "tr"


def test_fallback_walk_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    src = extract_source(_read("page-en-kazakhstan-us-minerals.html"), "text/html", "u")
    assert "Kazatomprom, Kazakhstan's state nuclear company" in src.text
    assert "We use cookies" in src.text  # the crude walk keeps banners, drops nav/footer
    assert "Privacy policy" not in src.text and "Economy" not in src.text
    assert src.published == "2025-11-06"  # metadata alone still read


@pytest.mark.parametrize("wall", [CLOUDFLARE_HTML, DATADOME_HTML])
def test_bot_wall_is_a_problem_not_the_source(wall: bytes) -> None:
    src = extract_source(wall, "text/html", "u")
    assert src.text == "" and _codes(src) == ["bot_wall"]


PAYWALL = b"""<html lang="en"><head><title>Uranium deal | Paper</title></head><body>
<article><h1>Uranium deal signed</h1><p>Kazakhstan and the United States signed a deal on
Thursday that could reshape the uranium market for years to come.</p>
<div class="paywall"><p>Subscribe to continue reading. Already a subscriber? Log in.</p></div>
</article></body></html>"""


def test_paywall_stub() -> None:
    src = extract_source(PAYWALL, "text/html", "u")
    assert src.text == "" and _codes(src) == ["paywall"]
    assert src.title  # what the page is about is still known


def test_paywall_flag_in_structured_data() -> None:
    page = (
        b'<html><head><script type="application/ld+json">{"isAccessibleForFree": false}</script>'
        b"</head><body><p>Kazakhstan signed a memorandum with the United States on minerals "
        b"and the deal covers exploration and processing of rare earths.</p></body></html>"
    )
    assert _codes(extract_source(page, "text/html", "u")) == ["paywall"]


def test_a_long_article_mentioning_subscriptions_is_not_a_paywall() -> None:
    paras = "".join(
        f"<p>In {1980 + i} Kazakhstan produced {i + 100} tonnes of ore.</p>" for i in range(60)
    )
    page = (
        f"<html><body><article>{paras}<p>Subscribe to continue reading our newsletter.</p>"
        "</article></body></html>"
    ).encode()
    src = extract_source(page, "text/html", "u")
    assert src.problems == [] and "In 2039 Kazakhstan produced 159 tonnes" in src.text


@pytest.mark.parametrize(
    "page",
    [
        b"<html><head><title>App</title></head><body><div id='root'></div>"
        b"<script>render()</script></body></html>",
        b"<html><body>   </body></html>",
        b"",
        b"   \n ",
    ],
)
def test_empty_pages(page: bytes) -> None:
    src = extract_source(page, "text/html", "u")
    assert src.text == "" and _codes(src) == ["empty"]


def test_binary_garbage() -> None:
    garbage = bytes(range(256)) * 64
    assert _codes(extract_source(garbage, "text/plain", "u")) == ["binary"]
    assert _codes(extract_source(garbage, None, "u")) == ["binary"]
    assert _codes(extract_source(garbage, "image/png", "u")) == ["unsupported_type"]


def test_text_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "MAX_TEXT_CHARS", 1000)
    src = extract_source(_read("source-en-turkiye-central-asia.txt"), "text/plain", "u")
    assert src.truncated and len(src.text) <= 1000 and _codes(src) == ["truncated"]
    assert not src.text.endswith(" ")


def test_language_vote() -> None:
    assert (
        detect_language(
            "Die Region verfügt über große Reserven und ist für die Kernenergie wichtig."
        )
        == "de"
    )
    assert (
        detect_language(
            "Bu bölge için çok önemli bir konu olarak ele alınmıştır ve bu da yeni bir dönem."
        )
        == "tr"
    )
    assert detect_language("Le Kazakhstan est le premier producteur mondial d'uranium.") is None
    assert detect_language("12 345 67 89") is None
    assert (
        tag_language("tr-TR") == "tr"
        and tag_language("DEU") == "de"
        and tag_language("x y") is None
    )


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    body=st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.text(alphabet="<>/ah=\"' tdivpbody%PDF-1.4obj", max_size=800).map(str.encode),
    ),
    content_type=st.sampled_from(
        [
            None,
            "text/html",
            "text/plain",
            "application/pdf",
            "application/octet-stream",
            "text/html; charset=bogus-charset",
            "text/plain; charset=utf-16",
        ]
    ),
)
def test_never_raises(body: bytes, content_type: str | None) -> None:
    src = extract_source(body, content_type, "https://x.test/a")
    assert isinstance(src, SourceText)
    assert len(src.text) <= MAX_TEXT_CHARS
    assert src.text or src.problems


def test_huge_pages_skip_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def fail(*a: object, **k: object) -> None:
        raise AssertionError("trafilatura must not run on a huge tree")

    monkeypatch.setattr(extract_html, "MAX_TRAFILATURA_ELEMENTS", 50)
    monkeypatch.setattr(trafilatura, "bare_extraction", fail)
    src = extract_source(_read("page-en-kazakhstan-us-minerals.html"), "text/html", "u")
    assert "A $1.1 billion project" in src.text and src.problems == []
    assert src.published == "2025-11-06" and src.title


def test_legacy_charset_named_in_a_meta_tag() -> None:
    text = "Kazakistan, bu alanda dünya uranyum üretiminin yaklaşık yüzde 40'ını karşılamaktadır."
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1254">'
        f"</head><body><article><p>{text}</p><p>{text} Ve bu da ikinci paragraftır.</p>"
        "</article></body></html>"
    ).encode("cp1254")
    src = extract_source(page, "text/html", "u")
    assert text in src.text and src.language == "tr"


def test_publication_date_from_the_dateline_not_the_copyright_line() -> None:
    story = " ".join(
        f"Предложение номер {i} о поставках газа через Черное море в Европу." for i in range(40)
    )
    page = (
        "<html lang='ru'><body><article><h1>Поставки газа</h1>"
        "<div class='meta'>АНКАРА, 24 февраля 2023 /Корр. ТАСС/</div>"
        f"<p>{story}</p></article><footer>© ТАСС, 1999–2023 · © 2025</footer></body></html>"
    ).encode()
    assert extract_source(page, "text/html", "https://x.test/ru").published == "2023-02-24"
    # no date on the page but the copyright line: none, never "2025-01-01"
    bare = page.replace("АНКАРА, 24 февраля 2023 /Корр. ТАСС/".encode(), b"")
    assert extract_source(bare, "text/html", "https://x.test/ru").published is None
