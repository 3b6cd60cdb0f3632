"""Conventions beyond Chicago: Turkish and German inverted names, Russian GOST, German
cues, commentary notes, ibid remarks, kinds of work. One test per convention; the
examples are written for these tests (titles of real works cited as facts, the
page numbers and URLs invented)."""

from __future__ import annotations

import pytest

from citecheck.model import BibEntry, Citation
from citecheck.notes.citation import parse_bib_entry, parse_note


def one(text: str) -> Citation:
    citations = parse_note(text)
    assert len(citations) == 1, citations
    return citations[0]


def fields(work: Citation | BibEntry, *names: str) -> tuple[object, ...]:
    return tuple(getattr(work, n) for n in names)


# --- 1. inverted names: Turkish capitals, German colon, initials ----------------------


def test_turkish_capital_surname_chapter_with_publisher_place_year() -> None:
    c = one(
        'KANBOLAT, Hasan, "Türk-Ermeni İlişkileri", Ali Yılmaz (der.), Türk Dış Politikası, '
        "Cilt III, İletişim Yayınları, İstanbul 2013, s. 45."
    )
    assert c.authors == ["KANBOLAT, Hasan"]
    assert (c.title, c.container, c.editors) == (
        "Türk-Ermeni İlişkileri",
        "Türk Dış Politikası",
        ["Ali Yılmaz"],
    )
    assert fields(c, "publisher", "place", "year", "pages") == (
        "İletişim Yayınları",
        "İstanbul",
        2013,
        "45",
    )
    assert c.kind == "book_chapter"


@pytest.mark.parametrize("entry", [False, True])
def test_turkish_capital_surname_book(entry: bool) -> None:
    text = (
        "ÇİÇEK, Kemal, Ermenilerin Zorunlu Göçü 1915-1917, Türk Tarih Kurumu Yayınları, "
        "Ankara 2005."
    )
    c = parse_bib_entry(text) if entry else one(text)
    assert c.authors == ["ÇİÇEK, Kemal"]
    assert c.title == "Ermenilerin Zorunlu Göçü 1915-1917"
    assert fields(c, "publisher", "place", "year") == (
        "Türk Tarih Kurumu Yayınları",
        "Ankara",
        2005,
    )
    assert c.kind == "book"


def test_turkish_two_capital_authors() -> None:
    c = one("KAYA, Ali – DEMİR, Veli, Kafkasya'da Enerji, Nobel Yayınları, Ankara 2019, s. 7–9.")
    assert c.authors == ["KAYA, Ali", "DEMİR, Veli"]
    assert (c.title, c.pages, c.place) == ("Kafkasya'da Enerji", "7-9", "Ankara")


def test_capital_acronym_is_not_a_surname() -> None:
    c = one("NATO, Strategic Concept, Brussels, 2022.")
    assert c.authors == ["NATO"]
    assert c.title == "Strategic Concept"


def test_german_colon_author_chapter_with_editor_in() -> None:
    c = one(
        "Kappeler, Andreas: Russland als Vielvölkerreich, in: Müller, Hans (Hrsg.): "
        "Imperien im Vergleich, Berlin 2018, S. 45–60."
    )
    assert c.authors == ["Kappeler, Andreas"]
    assert c.title == "Russland als Vielvölkerreich"
    assert c.editors == ["Müller, Hans"]
    assert c.container == "Imperien im Vergleich"
    assert fields(c, "place", "year", "pages", "kind") == ("Berlin", 2018, "45-60", "book_chapter")


def test_german_colon_author_book_entry_keeps_subtitle() -> None:
    e = parse_bib_entry(
        "Kappeler, Andreas: Russland als Vielvölkerreich. Entstehung, Geschichte, Zerfall, "
        "München: C.H. Beck, 1992."
    )
    assert e.authors == ["Kappeler, Andreas"]
    assert e.title == "Russland als Vielvölkerreich. Entstehung, Geschichte, Zerfall"
    assert fields(e, "place", "publisher", "year", "kind") == ("München", "C.H. Beck", 1992, "book")


def test_german_two_authors_with_slash() -> None:
    c = one("Müller, Hans/Schmidt, Karl: Die Türkei in Europa, Frankfurt am Main 2010, S. 12.")
    assert c.authors == ["Müller, Hans", "Schmidt, Karl"]
    assert c.title == "Die Türkei in Europa"
    assert (c.place, c.year, c.pages) == ("Frankfurt am Main", 2010, "12")


def test_inverted_name_with_joined_initials() -> None:
    e = parse_bib_entry("Hall, E.T. The Silent Language. New York: Doubleday, 1959.")
    assert e.authors == ["Hall, E.T."]
    assert e.title == "The Silent Language"
    c = one("Hall, E.T., The Silent Language, New York: Doubleday, 1959, p. 12.")
    assert c.authors == ["Hall, E.T."]
    assert (c.title, c.publisher, c.pages) == ("The Silent Language", "Doubleday", "12")


# --- 2. Russian GOST -------------------------------------------------------------------


def test_gost_book_note() -> None:
    c = one(
        "Иванов И.И. Кавказская политика России: история и современность. М.: Наука, 1997. С. 45."
    )
    assert c.authors == ["Иванов И.И."]
    assert c.title == "Кавказская политика России: история и современность"
    assert fields(c, "place", "publisher", "year", "pages", "kind") == (
        "М.",
        "Наука",
        1997,
        "45",
        "book",
    )


def test_gost_page_count_is_not_a_locator() -> None:
    c = one("Петров П.П. Армянский вопрос. — М.: Наука, 2015. — 312 с.")
    assert c.pages is None
    assert (c.title, c.place, c.publisher, c.year) == ("Армянский вопрос", "М.", "Наука", 2015)


def test_gost_journal_article() -> None:
    c = one(
        "Сидоров А.В. Энергетическая политика Казахстана // Вопросы экономики. 2020. "
        "Т. 18, № 6. С. 122–135."
    )
    assert c.authors == ["Сидоров А.В."]
    assert (c.title, c.container) == ("Энергетическая политика Казахстана", "Вопросы экономики")
    assert fields(c, "year", "volume", "issue", "pages", "kind") == (
        2020,
        "18",
        "6",
        "122-135",
        "journal_article",
    )


def test_gost_edited_volume_and_chapter() -> None:
    c = one("История Кавказа / под ред. А.В. Сидорова. СПб.: Алетейя, 2010. С. 77.")
    assert (c.authors, c.editors, c.title) == ([], ["А.В. Сидорова"], "История Кавказа")
    assert fields(c, "place", "publisher", "year", "pages") == ("СПб.", "Алетейя", 2010, "77")
    c = one(
        "Петров П.П. Кавказ в политике России // Россия и Кавказ / под ред. А.В. Сидорова. "
        "Москва: Наука, 2010. С. 45–60."
    )
    assert (c.authors, c.title, c.container) == (
        ["Петров П.П."],
        "Кавказ в политике России",
        "Россия и Кавказ",
    )
    assert (c.editors, c.place, c.pages, c.kind) == (
        ["А.В. Сидорова"],
        "Москва",
        "45-60",
        "book_chapter",
    )


def test_gost_news_with_access_date() -> None:
    c = one(
        "Лавров встретился с главой МИД Армении // РИА Новости. 2023. 14 июня. "
        "URL: https://ria.ru/20230614/lavrov.html (дата обращения: 20.06.2023)."
    )
    assert (c.authors, c.title, c.container) == (
        [],
        "Лавров встретился с главой МИД Армении",
        "РИА Новости",
    )
    assert (c.date, c.accessed, c.kind) == ("2023-06-14", "2023-06-20", "news_article")


def test_gost_bibliography_entry() -> None:
    e = parse_bib_entry("Иванов И.И., Петров П.П. Россия и Турция. М.: Наука, 2001. 256 с.")
    assert e.authors == ["Иванов И.И.", "Петров П.П."]
    assert (e.title, e.place, e.publisher, e.year) == ("Россия и Турция", "М.", "Наука", 2001)


@pytest.mark.parametrize(
    ("text", "pages", "author"),
    [
        ("Там же. С. 45.", "45", None),
        ("Там же, с. 12.", "12", None),
        ("Там же.", None, None),
        ("Иванов И.И. Указ. соч. С. 50.", "50", "Иванов И.И."),
        ("Иванов, указ. соч., с. 7.", "7", "Иванов"),
    ],
)
def test_russian_ibid_and_op_cit(text: str, pages: str | None, author: str | None) -> None:
    c = one(text)
    assert (c.ibid, c.pages, c.ibid_author) == (True, pages, author)


# --- 3. German cues ----------------------------------------------------------------------


def test_german_hrsg_von_and_place_publisher() -> None:
    c = one(
        "Hans Müller, Die Türkei und Europa, hrsg. von Karl Schmidt, München: C.H. Beck, "
        "1992, S. 45."
    )
    assert (c.authors, c.editors, c.title) == (
        ["Hans Müller"],
        ["Karl Schmidt"],
        "Die Türkei und Europa",
    )
    assert fields(c, "place", "publisher", "year", "pages", "kind") == (
        "München",
        "C.H. Beck",
        1992,
        "45",
        "book",
    )


def test_german_newspaper_in() -> None:
    c = one(
        "Klaus Meier, „Berlin und Ankara“, in: Frankfurter Allgemeine Zeitung, 6.11.2025, S. 3."
    )
    assert (c.title, c.container) == ("Berlin und Ankara", "Frankfurter Allgemeine Zeitung")
    assert (c.date, c.pages, c.kind) == ("2025-11-06", "3", "news_article")


@pytest.mark.parametrize(
    "text",
    [
        "„Neue Sanktionen gegen Russland“, Die Zeit, 12.03.2024, https://www.zeit.de/x, "
        "abgerufen am 14.03.2024.",
        "„Neue Sanktionen“, Süddeutsche Zeitung, 12. März 2024, https://www.sueddeutsche.de/x "
        "(Zugriff am 14.03.2024).",
    ],
)
def test_german_online_news_with_access_date(text: str) -> None:
    c = one(text)
    assert (c.accessed, c.date, c.kind) == ("2024-03-14", "2024-03-12", "news_article")


# --- 4. commentary notes ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Bu konu aşağıda ayrıca ele alınacaktır.",
        "Yazarın notu.",
        "Emphasis added.",
        "(Vurgu bize aittir.)",
        "The author thanks the anonymous reviewers for their comments.",
        "Hervorhebung im Original.",
        "Dieser Aspekt wird unten näher behandelt.",
        "Курсив мой.",
        "Rakamlar yuvarlanmıştır.",
    ],
)
def test_commentary_only_cites_nothing(text: str) -> None:
    assert parse_note(text) == []


def test_comment_before_semicolon_is_not_a_work() -> None:
    (c,) = parse_note(
        "Bu görüş tartışmalıdır; farklı bir yaklaşım için bkz. Guenter Lewy, The Armenian "
        "Massacres in Ottoman Turkey, (Salt Lake City: University of Utah Press, 2005), 250."
    )
    assert (c.authors, c.title, c.pages) == (
        ["Guenter Lewy"],
        "The Armenian Massacres in Ottoman Turkey",
        "250",
    )


@pytest.mark.parametrize("remark", ["emphasis added", "vurgu bize ait", "Hervorhebung d. Verf."])
def test_remark_after_semicolon_is_not_a_work(remark: str) -> None:
    (c,) = parse_note(f"Kemal Çiçek, Ermeniler (Ankara: TTK, 2005), s. 12; {remark}.")
    assert (c.title, c.pages) == ("Ermeniler", "12")


def test_comment_sentence_before_citation() -> None:
    (c,) = parse_note(
        "Bu görüş tartışmalıdır. Guenter Lewy, The Armenian Massacres in Ottoman Turkey "
        "(Salt Lake City: University of Utah Press, 2005), 250."
    )
    assert c.authors == ["Guenter Lewy"]


def test_real_two_work_note_still_splits() -> None:
    citations = parse_note(
        "Lewy, Armenian Massacres, 250; Kemal Çiçek, Ermeniler (Ankara: TTK, 2005), s. 12."
    )
    assert len(citations) == 2


# --- 5. ibid with a remark ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        ("Ibid., p. 7, emphasis in original.", "7"),
        ("A.g.e., s. 12 (vurgu eklenmiştir).", "12"),
        ("Ebd., S. 4, Hervorhebung im Original.", "4"),
        ("Ibid. (emphasis added).", None),
        ("Там же. С. 8 (курсив мой).", "8"),
    ],
)
def test_ibid_with_remark(text: str, pages: str | None) -> None:
    c = one(text)
    assert (c.ibid, c.pages, c.title) == (True, pages, None)


# --- 6. kinds ---------------------------------------------------------------------------------


def test_volume_of_a_multivolume_book_is_not_a_journal() -> None:
    c = one(
        "Richard G. Hovannisian, The Armenian People from Ancient to Modern Times, vol. 2 "
        "(New York: St. Martin's Press, 1997), 45."
    )
    assert (c.volume, c.kind, c.pages) == ("2", "book", "45")
    c = one("Kemal Karpat, Osmanlı Nüfusu, Cilt III, Timaş Yayınları, İstanbul 2003, s. 88.")
    assert (c.volume, c.kind, c.pages) == ("III", "book", "88")


@pytest.mark.parametrize(
    "outlet",
    [
        "Die Zeit",
        "Süddeutsche Zeitung",
        "FAZ",
        "Kommersant",
        "Izvestia",
        "RIA Novosti",
        "TASS",
        "Interfax",
        "Cumhuriyet",
        "Milliyet",
        "Yeni Şafak",
        "Sabah",
        "TRT Haber",
        "Al Jazeera",
        "Eurasianet",
        "RFE/RL",
        "Коммерсантъ",
        "Независимая газета",
        "Der Spiegel",
    ],
)
def test_news_outlets(outlet: str) -> None:
    c = one(f'"Putin meets Erdoğan at 3 PM talks", {outlet}, 12 March 2024.')
    assert c.kind == "news_article"
    assert c.container == outlet
    assert c.title == "Putin meets Erdoğan at 3 PM talks"
    assert c.pages is None


@pytest.mark.parametrize(
    "text",
    [
        "Kadir Üstün, Türkiye'nin Kafkasya Politikası, SETA Analiz, Sayı 120, Ankara 2015.",
        "Ali Kaya, Irak'ta Türkmenler, ORSAM Rapor No. 45, Ankara, 2016.",
        "Thomas de Waal, The South Caucasus in 2024, Chatham House Research Paper, London, 2024.",
        "International Crisis Group, Nagorno-Karabakh: Risking War, Europe Report No. 187, 2007.",
        "Susan Stewart, Russland und die EU, SWP-Studie 2021/S 05, Berlin, 2021.",
        "Andrew Radin, Hostile Measures in the Baltics (Santa Monica: RAND Corporation, 2017).",
        "Eugene Rumer, Russia in Central Asia, Carnegie Endowment for International Peace, "
        "Paper, 2022.",
        "Jeffrey Mankoff, Russia's Caucasus Policy, CSIS Brief, 12 May 2023.",
        "Sabine Fischer, Das Südkaukasus-Dilemma, SWP-Aktuell 2022/A 40, Berlin, 2022.",
    ],
)
def test_think_tank_publications_are_reports(text: str) -> None:
    assert one(text).kind == "report"


def test_swp_issue_number() -> None:
    c = one("Susan Stewart, Russland und die EU, SWP-Studie 2021/S 05, Berlin, 2021.")
    assert c.issue == "2021/S 05"
    assert c.pages is None


@pytest.mark.parametrize(
    "text",
    [
        "5651 Sayılı Kanun, Resmî Gazete, 23 Mayıs 2007, Sayı 26530.",
        "UN Security Council, Resolution 2334, S/RES/2334, 23 December 2016.",
        "Law No. 5651 on the Regulation of Internet Publications, Official Gazette, 23 May 2007.",
        "Anayasa Mahkemesi, E. 2019/1, K. 2020/5, 12 Mart 2020.",
        "UN General Assembly, Report of the Secretary-General, A/78/123, 2023, "
        "https://undocs.org/A/78/123.",
    ],
)
def test_legal_and_official_documents_are_other(text: str) -> None:
    assert one(text).kind == "other"


# --- 7. smaller conventions ---------------------------------------------------------------


def test_turkish_cilt_sayi_with_pages() -> None:
    c = one(
        'Kerem Öktem, "Kısa 20. Yüzyıl ve Türkiye", Toplum ve Bilim, C. 3, S. 58, 2010, s. 12-30.'
    )
    assert fields(c, "volume", "issue", "pages", "kind") == ("3", "58", "12-30", "journal_article")
    c = one("Ayşe Kaya, Türkiye ve Kafkasya, Avrasya Dosyası, C. 15, S. 2, 2009, 45-67.")
    assert fields(c, "volume", "issue", "pages") == ("15", "2", "45-67")


def test_ordinal_inside_unquoted_title() -> None:
    e = parse_bib_entry(
        "Hobsbawm, Eric. Kısa 20. Yüzyıl: 1914-1991 Aşırılıklar Çağı. İstanbul: Everest "
        "Yayınları, 2006."
    )
    assert e.title == "Kısa 20. Yüzyıl: 1914-1991 Aşırılıklar Çağı"
    assert e.authors == ["Hobsbawm, Eric"]


def test_am_pm_inside_titles() -> None:
    c = one('"Talks resume at 10 AM in Baku", Trend, 3 May 2024.')
    assert c.title == "Talks resume at 10 AM in Baku"
    assert c.pages is None


def test_icinde_container() -> None:
    c = one(
        'Ayşe Kaya, "Kafkasya", Ali Veli (der.), Bölgesel Güvenlik içinde, Nobel Yayınları, '
        "Ankara 2019, s. 7–9."
    )
    assert (c.container, c.editors, c.pages, c.kind) == (
        "Bölgesel Güvenlik",
        ["Ali Veli"],
        "7-9",
        "book_chapter",
    )
    assert (c.publisher, c.place, c.year) == ("Nobel Yayınları", "Ankara", 2019)
