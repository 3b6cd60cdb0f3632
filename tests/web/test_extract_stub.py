"""Pages that stand where a source should be: error pages, catalogue records, walls, shells.

Each stand-in page gives no text and one problem (so its claims are
``unverifiable``); each near miss (a long article that mentions "404" or a
subscription, a book review, a journal landing page, a short news item headed
"not found") stays readable.
"""

from __future__ import annotations

from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject, NumberObject

from citecheck.web.extract import SourceText, extract_source
from citecheck.web.extract_html import _parse
from citecheck.web.extract_stub import STUB_MAX_CHARS, non_source, page_signals
from tests.verify.pdfbuild import build_pdf


def _codes(src: SourceText) -> list[str]:
    return [p.split(":")[0] for p in src.problems]


def _html(body: str, *, title: str, lang: str, head: str = "") -> bytes:
    """A page with the furniture real sites carry around the content."""
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{title}</title>{head}</head><body>
<div class="cookie-consent">Cookies / Çerezler / Куки <button>OK</button></div>
<header><a href="/">Logo</a><nav><a href="/a">Politika</a> <a href="/b">Ekonomi</a>
<a href="/c">Dünya</a> <a href="/abone">Abone Ol</a> <a href="/login">Login</a></nav></header>
<main>{body}</main>
<footer><p>© 2025 Medya A.Ş. Tüm hakları saklıdır.</p><a href="/kvkk">KVKK</a></footer>
</body></html>""".encode()


def _stand_in(body: bytes, code: str, content_type: str = "text/html") -> SourceText:
    """A stand-in page: no text, exactly one problem, of ``code``."""
    src = extract_source(body, content_type, "https://x.test/a")
    assert src.text == "" and _codes(src) == [code], (src.problems, src.text[:300])
    return src


def _read(page: bytes, needle: str) -> SourceText:
    """A near miss: read as the source, no problem, the evidence sentence kept."""
    src = extract_source(page, "text/html", "u")
    assert src.problems == [] and needle in src.text, (src.problems, src.text[:300])
    return src


def _article(sentences: list[str], repeat: int) -> str:
    return "".join(f"<p>{' '.join(sentences)} ({i + 1})</p>" for i in range(repeat))


# --- error pages --------------------------------------------------------------------

ERROR_PAGES = {
    "tr-soft-404": _html(
        "<h1>404</h1><h2>Sayfa Bulunamadı</h2><p>Aradığınız sayfa taşınmış, adı "
        "değiştirilmiş ya da kaldırılmış olabilir.</p><p><a href='/'>Ana sayfaya dön</a></p>"
        "<h3>Popüler Haberler</h3><ul><li><a href='/x'>Kazakistan'da uranyum üretimi %12 "
        "arttı</a></li><li><a href='/y'>Hazar'da yeni boru hattı</a></li></ul>",
        title="Sayfa Bulunamadı | Haber Portalı",
        lang="tr",
    ),
    "ru-404": _html(
        "<h1>Ошибка 404</h1><p>Запрашиваемая страница не существует или была удалена.</p>"
        "<p>Проверьте адрес или воспользуйтесь поиском.</p>",
        title="Страница не найдена — Информагентство",
        lang="ru",
    ),
    "en-wordpress-noindex": _html(
        "<h1>Oops! That page can’t be found.</h1><p>It looks like nothing was found at this "
        "location. Maybe try one of the links below or a search?</p><form><input "
        "type='search'></form>",
        title="Page not found – Caspian Policy Review",
        lang="en",
        head='<meta name="robots" content="noindex, follow">',
    ),
    "tr-unreachable-generic-title": _html(
        "<div class='error'><h2>Ups! Aradığınız sayfaya ulaşılamıyor.</h2><p>Bağlantı hatalı "
        "olabilir ya da içerik yayından kaldırılmış olabilir.</p></div>",
        title="Ekonomi Gazetesi",
        lang="tr",
    ),
    "nginx-saved": (
        b"<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1>"
        b"</center><hr><center>nginx/1.18.0</center></body></html>"
    ),
    "de-410": _html(
        "<h1>410 – Inhalt entfernt</h1><p>Diese Seite existiert nicht mehr. Der Beitrag wurde "
        "aus unserem Angebot entfernt.</p>",
        title="Fehler 410 | Wirtschaftsdienst Ost",
        lang="de",
    ),
}


@pytest.mark.parametrize("name", sorted(ERROR_PAGES))
def test_error_pages_served_as_pages(name: str) -> None:
    src = _stand_in(ERROR_PAGES[name], "error_page")
    assert "error page" in src.problems[0]


@pytest.mark.parametrize(
    "text",
    [
        "Fehler 404 – Die angeforderte Seite konnte leider nicht gefunden werden.\n"
        "Möglicherweise wurde sie verschoben oder gelöscht. Zur Startseite",
        "Sayfa bulunamadı\nAradığınız içerik yayından kaldırılmış olabilir. Ana sayfa",
        "Страница не найдена\nВозможно, она была удалена или перемещена. На главную",
        "404 Not Found\nThe requested URL was not found on this server.\nApache/2.4.41",
    ],
)
def test_error_page_saved_as_text(text: str) -> None:
    _stand_in(text.encode(), "error_page", "text/plain")


def test_a_news_item_headed_not_found_is_read() -> None:
    # "bulunamadı" heads news items too; no page wording, no code, no noindex.
    page = _html(
        "<article><h1>Kayıp dağcılar hâlâ bulunamadı</h1><p>Erciyes Dağı'nda iki gün önce "
        "kaybolan iki dağcıyı arama çalışmaları üçüncü gününde sürüyor. AFAD ekipleri "
        "bölgede 120 personel ve iki helikopterle çalışıyor.</p><p>Valilik, hava koşulları "
        "nedeniyle aramaların gece ara verileceğini açıkladı.</p></article>",
        title="Kayıp dağcılar hâlâ bulunamadı - Haber Portalı",
        lang="tr",
    )
    _read(page, "120 personel")


def test_a_long_article_mentioning_404_is_read() -> None:
    body = _article(
        [
            "After the reorganisation the ministry's uranium page returned an error 404 and the",
            "text 'page not found' for several weeks.",
            "Kazakhstan nevertheless remained the largest producer, with about 40 percent of",
            "world output, and Kazatomprom confirmed its production plan for 2026.",
        ],
        8,
    )
    page = _html(f"<article><h1>Where did the data go?</h1>{body}</article>", title="Where did"
                 " the data go? | Page not found in Astana", lang="en")  # fmt: skip
    _read(page, "about 40 percent")


# --- catalogue records ------------------------------------------------------------

CATALOGUES = {
    "tr-university-opac": _html(
        "<h1>Orta Asya'da Su Politikaları</h1><dl><dt>Yazar</dt><dd>Aydın, Mehmet</dd>"
        "<dt>Yayın Bilgisi</dt><dd>İstanbul : Kronik Kitap, 2023</dd><dt>Sayfa Sayısı</dt>"
        "<dd>296</dd><dt>ISBN</dt><dd>9786258431205</dd><dt>Yer Numarası</dt>"
        "<dd>HD1698.A783 A93 2023</dd><dt>Durum</dt><dd>Rafta – Merkez Kütüphane</dd></dl>"
        "<p><a href='/ayirt'>Ayırt</a> <a href='/cite'>Kaynak göster</a></p>",
        title="Orta Asya'da Su Politikaları / Katalog - Üniversite Kütüphanesi",
        lang="tr",
    ),
    "en-bookshop": _html(
        "<div class='product'><h1>Pipelines and Power: Energy Politics of the Caspian</h1>"
        "<p class='blurb'>A vivid account of how pipelines from Baku to Ceyhan and from "
        "Turkmenistan to China remade the politics of the region. Drawing on interviews with "
        "officials and engineers, the author shows how routes were chosen and why some were "
        "never built.</p><ul><li>Publisher: Routledge</li><li>Publication date: 12 March "
        "2024</li><li>Format: Paperback</li><li>Pages: 312</li><li>ISBN-13: 978-1-032-45678-"
        "9</li><li>Language: English</li></ul><p>In stock. <button>Add to basket</button></p>"
        "</div>",
        title="Pipelines and Power | Bookshop",
        lang="en",
        head='<meta property="og:type" content="book"><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@type": "Book", "isbn": "9781032456789", '
        '"name": "Pipelines and Power"}</script>',
    ),
    "de-national-library": _html(
        "<h1>Titeldaten</h1><table><tr><th>Titel</th><td>Der Mittlere Korridor : Handel "
        "zwischen Europa und Zentralasien</td></tr><tr><th>Verlag</th><td>Berlin : Ostverlag"
        "</td></tr><tr><th>Erscheinungsjahr</th><td>2022</td></tr><tr><th>Umfang</th><td>248 "
        "S. ; 22 cm</td></tr><tr><th>ISBN</th><td>978-3-16-148410-0</td></tr><tr><th>Sprache"
        "</th><td>Deutsch</td></tr><tr><th>Signatur</th><td>2022 A 41187</td></tr><tr><th>"
        "Medienart</th><td>Druckausgabe</td></tr></table>",
        title="Der Mittlere Korridor - Katalog der Bibliothek",
        lang="de",
    ),
    "en-loc-record": _html(
        "<h1>Energy security in the Caspian</h1><table><tr><th>LC control no.</th><td>2019012345"
        "</td></tr><tr><th>Type of material</th><td>Text (Book)</td></tr><tr><th>Personal name"
        "</th><td>Smith, John, 1965- author.</td></tr><tr><th>Main title</th><td>Energy "
        "security in the Caspian / John Smith.</td></tr><tr><th>Published/Produced</th><td>"
        "London ; New York : Routledge, 2019.</td></tr><tr><th>Description</th><td>xiv, 288 "
        "pages : maps ; 24 cm</td></tr><tr><th>ISBN</th><td>9781138123456 (hardback)</td></tr>"
        "<tr><th>LC classification</th><td>HD9576.C37 S65 2019</td></tr></table>",
        title="Energy security in the Caspian | Library of Congress",
        lang="en",
    ),
    "de-dnb-slashed-labels": _html(
        "<table><tr><td>Titel</td><td>Zentralasien im Wandel</td></tr><tr><td>Person(en)</td>"
        "<td>Müller, Anna (Verfasser)</td></tr><tr><td>Verlag</td><td>München : C.H. Beck</td>"
        "</tr><tr><td>Umfang/Format</td><td>320 Seiten ; 22 cm</td></tr><tr><td>ISBN/Einband/"
        "Preis</td><td>978-3-406-12345-6 Festeinband : EUR 28.00</td></tr><tr><td>Sprache(n)"
        "</td><td>Deutsch (ger)</td></tr></table>",
        title="Katalog der Deutschen Nationalbibliothek",
        lang="de",
    ),
    "ru-library": _html(
        "<h1>Энергетика Каспийского региона</h1><table><tr><td>Автор</td><td>Иванов И. И."
        "</td></tr><tr><td>Издательство</td><td>М. : Наука</td></tr><tr><td>Год издания"
        "</td><td>2021</td></tr><tr><td>Количество страниц</td><td>412</td></tr><tr><td>ISBN"
        "</td><td>978-5-02-040512-3</td></tr><tr><td>Шифр</td><td>31.3 И20</td></tr><tr><td>"
        "Вид издания</td><td>печатное издание</td></tr></table><p>Экземпляры: 2, читальный "
        "зал</p>",
        title="Энергетика Каспийского региона — Электронный каталог",
        lang="ru",
    ),
}


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_catalogue_records(name: str) -> None:
    src = _stand_in(CATALOGUES[name], "catalogue_record")
    assert "no text of the work" in src.problems[0]
    if name != "en-bookshop":
        assert "library catalogue record" in src.problems[0]


def test_catalogue_record_saved_as_text() -> None:
    text = (
        "Kafkasya'da Enerji Güvenliği\nYazar: Demir, Ayşe\nYayınevi: Nobel\nBasım Yılı: 2021\n"
        "Sayfa Sayısı: 240\nISBN: 978-605-133-123-4\nMateryal Türü: Basılı Kitap\n"
    )
    src = extract_source(text.encode(), "text/plain", "u")
    assert _codes(src) == ["catalogue_record"]


def test_a_book_review_is_read() -> None:
    review = _article(
        [
            "Aydemir's book argues that the Trans-Caspian pipeline would cost more than",
            "5 billion dollars and that Turkmenistan's gas could reach Europe through Azerbaijan.",
            "The chapters on Georgia's transit role are the strongest part of the volume.",
        ],
        10,
    )
    page = _html(
        f"<article><h1>Review: Energy Geopolitics in the Caucasus</h1><ul><li>Publisher: "
        f"Astana</li><li>Pages: 348</li><li>ISBN: 978-625-6890-41-7</li></ul>{review}"
        "</article>",
        title="Review | Caucasus Survey",
        lang="en",
    )
    _read(page, "more than 5 billion dollars")


def test_a_journal_landing_page_with_an_abstract_is_read() -> None:
    abstract = (
        "This article examines the water-energy nexus in the Amu Darya basin. Drawing on "
        "discharge data from 1990 to 2022, it shows that Uzbekistan's irrigation withdrawals "
        "fell by 11 percent while Afghanistan's Qosh Tepa canal is expected to divert up to "
        "a fifth of the river's flow once completed. "
    )
    page = _html(
        f"<h1>Water and Power on the Amu Darya</h1><p>Abstract</p><p>{abstract * 2}</p><dl>"
        "<dt>Publisher</dt><dd>Taylor &amp; Francis</dd><dt>ISSN</dt><dd>0263-4937</dd><dt>"
        "Pages</dt><dd>45-68</dd><dt>Language</dt><dd>English</dd></dl>",
        title="Water and Power on the Amu Darya | Central Asian Survey",
        lang="en",
    )
    _read(page, "Qosh Tepa")


# --- paywall and login stubs ---------------------------------------------------------

PAYWALLS = {
    "tr": (
        "<article><h1>Orta Koridor'da yük hacmi rekor kırdı</h1><p>Hazar geçişli taşımacılık "
        "2024'te ivme kazandı.</p><div class='premium-box'><p>Abonelere özel</p><p>Bu içeriğin "
        "devamını okumak için abone olun.</p></div></article>"
    ),
    "de": (
        "<article><h1>Kasachstan setzt auf Uran</h1><p>Der Staatskonzern will die Förderung "
        "ausweiten.</p><div class='abo-teaser'><p>Dieser Artikel ist exklusiv für Abonnenten."
        "</p><p>Weiterlesen mit Abo</p></div></article>"
    ),
    "ru": (
        "<article><h1>Туркмения и Каспийский газ</h1><p>Ашхабад ведёт переговоры о поставках."
        "</p><div class='paywall'><p>Только для подписчиков</p><p>Подпишитесь, чтобы читать "
        "дальше.</p></div></article>"
    ),
    "ru-full-version": (
        "<article><h1>Газ Туркмении</h1><p>Ашхабад обсуждает новые поставки в Европу.</p><p>"
        "Полная версия статьи доступна по подписке.</p></article>"
    ),
    "de-plus": (
        "<article><h1>Kasachstan</h1><p>Der Konzern weitet die Förderung aus.</p><p>Lesen Sie "
        "jetzt mit SZ Plus weiter.</p></article>"
    ),
    "tr-devami": (
        "<article><h1>Hazar</h1><p>Boru hattı için yeni adım atıldı.</p><p>Bu haberin devamı "
        "abonelerimize özeldir.</p></article>"
    ),
    "en": (
        "<article><h1>The Trump Route</h1><p>A corridor through Armenia.</p><div class="
        "'piano-offer'><p>This story is available to subscribers only. Subscribe to unlock the "
        "full article.</p></div></article>"
    ),
}


@pytest.mark.parametrize("name", sorted(PAYWALLS))
def test_paywall_stubs(name: str) -> None:
    _stand_in(_html(PAYWALLS[name], title="T", lang=name[:2]), "paywall")


@pytest.mark.parametrize("lang", ["tr", "de"])
def test_an_article_with_a_subscribe_box_is_read(lang: str) -> None:
    sentences = {
        "tr": [
            "Kazakistan dünya uranyum üretiminin yaklaşık yüzde 40'ını karşılıyor.",
            "Kazatomprom 2026 üretim planını açıkladı ve ABD ile yeni bir anlaşma imzaladı.",
        ],
        "de": [
            "Kasachstan liefert rund 40 Prozent der weltweiten Uranförderung.",
            "Kazatomprom hat seinen Förderplan für 2026 bestätigt und mit den USA verhandelt.",
        ],
    }[lang]
    box = {
        "tr": "<div class='subscribe'>Abonelere özel içerikler için abone olun.</div>",
        "de": "<div class='abo-box'>Unabhängiger Journalismus kostet Geld. Jetzt abonnieren "
        "und ein Jahr lang 50 % sparen.</div>",
    }[lang]
    page = _html(f"<article><h1>Uran</h1>{_article(sentences, 6)}{box}</article>", title="U",
                 lang=lang)  # fmt: skip
    # Shorter than a stub may be (a brief news item): the box's wording is a
    # promotion, not a cut-off, and the text is read.
    assert len(_read(page, "Kazatomprom").text) < STUB_MAX_CHARS


def test_a_long_article_with_a_cut_off_box_is_read() -> None:
    # Metered sites print the cut-off box under articles they do show in full.
    sentences = [
        "Türkmenistan'ın Çin'e doğal gaz ihracatı 2024 yılında 40 milyar metreküpe ulaştı.",
        "Bakanlık, Trans-Hazar boru hattının fizibilite çalışmalarının sürdüğünü açıkladı.",
    ]
    box = (
        "<div class='paywall-offer'>Abonelere özel. Bu içeriğin devamını okumak için abone "
        "olun.</div>"
    )
    page = _html(f"<article><h1>Gaz</h1>{_article(sentences, 12)}{box}</article>", title="G",
                 lang="tr")  # fmt: skip
    assert len(_read(page, "40 milyar metreküpe").text) > STUB_MAX_CHARS


def test_a_short_news_item_with_a_newsletter_box_is_read() -> None:
    page = _html(
        "<article><h1>Türkmenistan gaz ihracatını artırdı</h1><p>Türkmenistan'ın Çin'e gaz "
        "ihracatı 2024'te 40 milyar metreküpe ulaştı. Bakanlık, Hazar ötesi hattın "
        "fizibilitesinin sürdüğünü açıkladı.</p></article><div class='newsletter-subscribe'>"
        "Bültenimize abone olun, haberler e-postanıza gelsin.</div>",
        title="Türkmenistan gaz ihracatını artırdı",
        lang="tr",
    )
    _read(page, "40 milyar metreküpe")


@pytest.mark.parametrize(
    ("lang", "item", "promo"),
    [
        (
            "ru",
            "<p>Казахстан в 2024 году увеличил добычу урана на 4 процента, сообщил "
            "Казатомпром.</p>",
            "<p>Подпишитесь на наш Telegram-канал, чтобы первыми узнавать новости.</p>",
        ),
        (
            "de",
            "<p>Kasachstan hat 2024 die Uranförderung um 4 Prozent gesteigert, teilte "
            "Kazatomprom mit.</p>",
            "<div class='newsletter'>Unseren Newsletter jetzt abonnieren!</div>",
        ),
    ],
)
def test_a_wire_item_with_a_channel_or_newsletter_promo_is_read(
    lang: str, item: str, promo: str
) -> None:
    _read(_html(f"<article><h1>Uran</h1>{item}{promo}</article>", title="U", lang=lang), "4 ")


LOGIN_PAGES = {
    "en": ("Sign in", "<h1>Sign in</h1><p>Please sign in to continue reading this report.</p>"),
    "tr": (
        "Üye Girişi",
        "<h1>Üye Girişi</h1><p>Bu raporu görüntülemek için giriş yapmanız gerekmektedir.</p>",
    ),
    "de": ("Anmeldung", "<h1>Anmeldung</h1><p>Bitte melden Sie sich an, um den Bericht zu lesen."),
    "ru": ("Вход", "<h1>Вход</h1><p>Войдите, чтобы прочитать материал полностью.</p>"),
}


@pytest.mark.parametrize("lang", sorted(LOGIN_PAGES))
def test_login_walls(lang: str) -> None:
    title, body = LOGIN_PAGES[lang]
    form = "<form><input type='text' name='user'><input type='password' name='pw'></form>"
    _stand_in(_html(body + form, title=title, lang=lang), "login_wall")


@pytest.mark.parametrize(
    "banner",
    [
        "",
        "<div class='consent'>Bu sitede çerezler kullanılmaktadır. Siteyi kullanmaya devam "
        "ederek çerez politikamızı kabul etmiş olursunuz. <button>Tamam</button></div>",
    ],
)
def test_script_shell(banner: str) -> None:
    page = (
        "<!doctype html><html><head><title>Report viewer</title>"
        '<script src="/static/js/main.3f2a.js" defer></script></head><body>'
        f"{banner}<noscript>You need to enable JavaScript to run this app.</noscript>"
        '<div id="root"></div></body></html>'
    ).encode()
    src = _stand_in(page, "script_shell")
    assert "JavaScript" in src.problems[0]


def test_a_server_rendered_app_page_is_read() -> None:
    body = _article(["Kazakhstan produced about 40 percent of the world's uranium in 2024."], 3)
    page = (
        '<!doctype html><html><head><title>Uranium</title><script src="/_next/main.js">'
        f'</script></head><body><div id="__next"><article><h1>Uranium</h1>{body}</article>'
        "</div></body></html>"
    ).encode()
    _read(page, "about 40 percent")


# --- scanned PDF ----------------------------------------------------------------------


def _scanned_pdf(stamp: str) -> bytes:
    """Two pages, each a full-page image plus a stamped line of text (a page number)."""
    writer = PdfWriter(clone_from=PdfReader(BytesIO(build_pdf([[stamp], [stamp]]))))
    image = DecodedStreamObject()
    image.set_data(b"\x80" * 16)
    image.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(4),
            NameObject("/Height"): NumberObject(4),
            NameObject("/ColorSpace"): NameObject("/DeviceGray"),
            NameObject("/BitsPerComponent"): NumberObject(8),
        }
    )
    ref = writer._add_object(image)
    for page in writer.pages:
        resources = page["/Resources"]
        resources[NameObject("/XObject")] = DictionaryObject({NameObject("/Im1"): ref})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def test_scanned_pdf_with_only_a_stamp_has_no_text() -> None:
    src = _stand_in(_scanned_pdf("- 1 -  Digitized by"), "pdf_no_text", "application/pdf")
    assert "no text layer" in src.problems[0]


def test_pdf_with_an_image_and_real_text_is_read() -> None:
    line = "Kazakhstan supplies about 40 percent of the world's uranium output in 2024."
    src = extract_source(_scanned_pdf(line), "application/pdf", "u")
    assert src.problems == [] and "40 percent" in src.text


# --- never raises -----------------------------------------------------------------------

_WORDS = [
    "404", "Sayfa bulunamadı", "ISBN", "Yayınevi:", "Verlag:", "Издательство |", "Abonelere özel",
    "Weiterlesen mit Abo", "Подпишитесь", "\n", " ", "|", "Basılı Kitap", "Sign in", "é", "й",
]  # fmt: skip


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    text=st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=30)), max_size=60).map(
        "".join
    ),
    markup=st.text(alphabet="<>/=\"' {}[]:ahtmlitpdvsrcnoqu@type", max_size=400),
)
def test_arbitrary_text_and_markup_never_raise(text: str, markup: str) -> None:
    found = non_source(text, None, "u")
    assert found is None or (found[0] and found[1])
    root = _parse(f"<html><head>{markup}</head><body>{markup}{text}</body></html>".encode(), None)
    if root is not None:
        non_source(text, page_signals(root, markup.encode()), "https://x.test/login")
