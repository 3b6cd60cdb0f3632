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


# --- more conventions: cross-references, reprints, conference papers, web forms ----------


@pytest.mark.parametrize(
    "text",
    [
        "Bu konuda ayrıca bkz. yukarıdaki 3 numaralı dipnot.",
        "See note 12 above.",
        "Bkz. dipnot 4.",
        "Vgl. oben Anm. 4.",
        "См. сноску 3.",
        "Not: Bu rakamlar tahminidir.",
    ],
)
def test_cross_references_and_notes_cite_nothing(text: str) -> None:
    assert parse_note(text) == []


def test_see_after_an_english_lead_in() -> None:
    c = one(
        "For a different view, see Ronald Grigor Suny, “They Can Live in the Desert but "
        "Nowhere Else” (Princeton: Princeton University Press, 2015), 45; emphasis in original."
    )
    assert (c.authors, c.pages, c.publisher) == (
        ["Ronald Grigor Suny"],
        "45",
        "Princeton University Press",
    )


def test_reprint_inside_the_publication_brackets() -> None:
    c = one(
        "Donald Bloxham, The Great Game of Genocide (Oxford: Oxford University Press, 2005; "
        "repr. 2007), 90."
    )
    assert fields(c, "authors", "title", "publisher", "year", "pages") == (
        ["Donald Bloxham"],
        "The Great Game of Genocide",
        "Oxford University Press",
        2005,
        "90",
    )


def test_conference_paper_keeps_title_and_date() -> None:
    c = one(
        'John Smith, "Armenia after 2020" (paper presented at the ASN Convention, New York, '
        "4 May 2023)."
    )
    assert (c.title, c.date, c.publisher) == ("Armenia after 2020", "2023-05-04", None)


def test_wikipedia_last_modified_is_the_date() -> None:
    c = one(
        '"Battle of Sardarabad," Wikipedia, last modified 3 March 2024, '
        "https://en.wikipedia.org/wiki/Battle_of_Sardarabad."
    )
    assert (c.container, c.date, c.kind) == ("Wikipedia", "2024-03-03", "web_page")


def test_x_handle_is_the_author() -> None:
    c = one("@MFA_Armenia, X post, 14 September 2023, https://x.com/MFA_Armenia/status/123.")
    assert c.authors == ["@MFA_Armenia"]
    assert c.date == "2023-09-14"


def test_interview_place_is_not_a_container() -> None:
    c = one("Author's interview with a senior diplomat, Baku, 4 May 2022.")
    assert (c.place, c.container, c.kind) == ("Baku", None, "other")


@pytest.mark.parametrize(
    "text",
    [
        "International Crisis Group, Armenia and Azerbaijan: A Season of Risk, Europe Briefing "
        "No. 91, 26 September 2022.",
        "Andrew Radin, Russian Views of the International Order, RAND Corporation, "
        "RR-1826-OSD, 2017.",
    ],
)
def test_numbered_briefings_and_think_tank_containers_are_reports(text: str) -> None:
    assert one(text).kind == "report"


def test_think_tank_web_commentary_with_url_stays_a_web_page() -> None:
    c = one(
        'Thomas de Waal, "In the South Caucasus," Carnegie Europe, 12 March 2024, '
        "https://carnegieendowment.org/europe/x?utm_source=twitter."
    )
    assert c.kind == "web_page"


def test_gost_web_site_after_double_slash_is_a_web_page() -> None:
    c = one(
        "Заявление МИД России // Официальный сайт МИД России. 2022. 5 марта. "
        "URL: https://mid.ru/ru/x (дата обращения: 10.03.2022)."
    )
    assert (c.container, c.kind, c.accessed) == (
        "Официальный сайт МИД России",
        "web_page",
        "2022-03-10",
    )


def test_transliterated_gost_with_one_initial() -> None:
    c = one(
        "Markedonov S. Russia and the South Caucasus // Russia in Global Affairs. 2020. "
        "Vol. 18, No. 3. P. 45–60."
    )
    assert (c.authors, c.title, c.container) == (
        ["Markedonov S."],
        "Russia and the South Caucasus",
        "Russia in Global Affairs",
    )
    assert fields(c, "volume", "issue", "pages") == ("18", "3", "45-60")


def test_law_number_is_not_an_issue() -> None:
    c = one("Law No. 5651 on Internet, Official Gazette No. 26530, 23 May 2007.")
    assert (c.issue, c.authors, c.kind) == (None, [], "other")


def test_series_number_with_colon() -> None:
    c = one("Ali Kaya, Kafkasya'da Güvenlik, SETA Analiz, No: 245, Ankara, Nisan 2018.")
    assert (c.issue, c.container, c.kind, c.date) == ("245", "SETA Analiz", "report", "2018-04")


# --- place lists, reprints, no-date forms, author-date and comma-style entries -------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Richard Hovannisian, The Armenian Question (New York; Basingstoke: Palgrave "
            "Macmillan, 2007), 12.",
            "New York; Basingstoke",
        ),
        (
            "Bernard Lewis, The Emergence of Modern Turkey, 3rd ed. (Oxford; New York: Oxford "
            "University Press, 2002), 356.",
            "Oxford; New York",
        ),
    ],
)
def test_semicolon_in_a_place_list_is_not_a_work_separator(text: str, place: str) -> None:
    c = one(text)
    assert (c.place, c.kind) == (place, "book")


@pytest.mark.parametrize(
    "text",
    [
        "Bernard Lewis, The Emergence of Modern Turkey (London: Oxford University Press, 2002; "
        "first published 1961), 356.",
        "Bernard Lewis, The Emergence of Modern Turkey, London: Oxford University Press, 2002; "
        "first published 1961, 356.",
        "Ali Yılmaz, Türk Dış Politikası, Ankara: Nobel Yayınları, 2010; London: Routledge, "
        "2012, s. 4.",
    ],
)
def test_publication_note_after_semicolon_is_the_same_work(text: str) -> None:
    assert len(parse_note(text)) == 1


def test_comment_with_quote_after_semicolon() -> None:
    assert parse_note('The translation is mine; the original reads "millet".') == []


@pytest.mark.parametrize("no_date", ["t.y.", "n.d.", "o.J."])
def test_no_date_in_publication_brackets(no_date: str) -> None:
    c = one(f"Ahmet Kaya, Kafkasya Politikası (Ankara: Nobel, {no_date}), 45.")
    assert (c.title, c.publisher, c.place, c.year, c.pages) == (
        "Kafkasya Politikası",
        "Nobel",
        "Ankara",
        None,
        "45",
    )


def test_turkish_edition_ordinal_is_not_a_field() -> None:
    c = one("Ali Yılmaz, Türk Dış Politikası, 2. Baskı, Siyasal Kitabevi, Ankara, 2010, s. 12.")
    assert (c.title, c.container, c.publisher) == ("Türk Dış Politikası", None, "Siyasal Kitabevi")


def test_german_author_date_entry() -> None:
    e = parse_bib_entry(
        "Halbach, Uwe (2015): Der Südkaukasus, in: Osteuropa 65 (7–10), S. 123–140."
    )
    assert (e.authors, e.title, e.container, e.year) == (
        ["Halbach, Uwe"],
        "Der Südkaukasus",
        "Osteuropa",
        2015,
    )
    assert (e.volume, e.pages, e.kind) == ("65", "123-140", "journal_article")


def test_turkish_author_date_entry_with_publisher_place() -> None:
    e = parse_bib_entry(
        "ÇİÇEK, Kemal (2005), Ermenilerin Zorunlu Göçü, Türk Tarih Kurumu Yayınları, Ankara."
    )
    assert (e.authors, e.title, e.year) == (["ÇİÇEK, Kemal"], "Ermenilerin Zorunlu Göçü", 2005)
    assert (e.publisher, e.place) == ("Türk Tarih Kurumu Yayınları", "Ankara")


def test_turkish_comma_style_entry_with_editors() -> None:
    e = parse_bib_entry(
        "Aydın, Mustafa ve Çağrı Erhan (ed.), Beyond Turkey's Borders, Londra, Routledge, 2004."
    )
    assert (e.authors, e.editors) == ([], ["Aydın, Mustafa", "Çağrı Erhan"])
    assert (e.title, e.place, e.publisher, e.year) == (
        "Beyond Turkey's Borders",
        "Londra",
        "Routledge",
        2004,
    )


def test_gost_responsibility_statement_is_dropped() -> None:
    e = parse_bib_entry("Иванов И.И. Россия и Кавказ / И.И. Иванов. — М.: Наука, 2010. — 256 с.")
    assert (e.authors, e.title, e.container, e.pages) == (
        ["Иванов И.И."],
        "Россия и Кавказ",
        None,
        None,
    )


# --- comments after a citation, more locator and place forms -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Guenter Lewy, The Armenian Massacres in Ottoman Turkey (Salt Lake City: University of "
        "Utah Press, 2005), 250. Lewy burada tehcir kararının arka planını tartışmaktadır.",
        "Guenter Lewy, The Armenian Massacres in Ottoman Turkey (Salt Lake City: University of "
        "Utah Press, 2005), 250. His figures are disputed by other scholars.",
    ],
)
def test_comment_sentence_after_a_citation(text: str) -> None:
    c = one(text)
    assert (c.title, c.pages) == ("The Armenian Massacres in Ottoman Turkey", "250")


def test_same_author_placeholder_before_op_cit() -> None:
    c = one("Dies., a.a.O., S. 12.")
    assert (c.ibid, c.ibid_author, c.pages) == (True, None, "12")


def test_apa_note_with_two_inverted_initial_names() -> None:
    c = one("Kaya, M. ve Yılmaz, A. (2015). Orta Asya. Ankara: Nobel.")
    assert (c.authors, c.title, c.year) == (["Kaya, M.", "Yılmaz, A."], "Orta Asya", 2015)


@pytest.mark.parametrize(
    "text",
    [
        'Mehmet Kaya, "Kafkasya\'da Güvenlik", Bilig, Cilt: 12, Sayı: 3, 2015, ss. 45-67.',
        'Mehmet Kaya, "Kafkasya\'da Güvenlik", Bilig, C.12, S.3, 2015, ss. 45-67.',
        'Mehmet Kaya, "Kafkasya\'da Güvenlik", Bilig, 12(3), 2015, ss. 45-67.',
    ],
)
def test_turkish_volume_issue_variants(text: str) -> None:
    c = one(text)
    assert fields(c, "volume", "issue", "pages", "container") == ("12", "3", "45-67", "Bilig")


def test_german_volume_and_edition() -> None:
    c = one("Hans Müller, Geschichte Armeniens, Bd. 2, 3. Aufl., München 2010, S. 45.")
    assert fields(c, "title", "container", "volume", "place", "year", "kind") == (
        "Geschichte Armeniens",
        None,
        "2",
        "München",
        2010,
        "book",
    )


def test_no_place_mark() -> None:
    c = one("Müller, Hans: Der Kaukasus, o.O. 2010, S. 45.")
    assert (c.title, c.place, c.year) == ("Der Kaukasus", None, 2010)


def test_gost_volume_and_two_places() -> None:
    c = one("Иванов И.И. История Армении. Т. 2. М.: Наука, 2005. С. 12.")
    assert (c.volume, c.container, c.kind) == ("2", None, "book")
    (c,) = parse_note("Сидоров А.В. Россия и Турция. М.; Л.: Изд-во АН СССР, 1950. 300 с.")
    assert (c.place, c.publisher, c.year) == ("М.; Л.", "Изд-во АН СССР", 1950)


def test_known_place_with_a_short_publisher_name() -> None:
    c = one("Svante E. Cornell, Azerbaijan Since Independence, Armonk, M.E. Sharpe, 2011, p. 45.")
    assert (c.place, c.publisher, c.kind) == ("Armonk", "M.E. Sharpe", "book")


# --- editors after "in", APA editors and publishers, numbered press releases --------------


@pytest.mark.parametrize(
    ("text", "editor"),
    [
        (
            'John Smith, "Energy," in Jane Roe (ed.), The Caucasus Reader, London: Routledge, '
            "2012, pp. 45-67.",
            "Jane Roe",
        ),
        (
            'John Smith, "Energy," in J. Roe (ed.), The Caucasus Reader (London: Routledge, '
            "2012), p. 45.",
            "J. Roe",
        ),
    ],
)
def test_editor_named_after_in(text: str, editor: str) -> None:
    c = one(text)
    assert (c.container, c.editors, c.kind) == ("The Caucasus Reader", [editor], "book_chapter")


def test_apa_edited_book_and_chapter_entries() -> None:
    e = parse_bib_entry("Roe, J. (Ed.). (2012). The Caucasus Reader. Routledge.")
    assert (e.authors, e.editors, e.title, e.year, e.publisher, e.kind) == (
        [],
        ["Roe, J."],
        "The Caucasus Reader",
        2012,
        "Routledge",
        "book",
    )
    e = parse_bib_entry(
        "Smith, J. (2012). Energy. In J. Roe (Ed.), The Caucasus Reader (pp. 45–67). Routledge."
    )
    assert (e.authors, e.title, e.container, e.editors, e.pages) == (
        ["Smith, J."],
        "Energy",
        "The Caucasus Reader",
        ["J. Roe"],
        "45-67",
    )


@pytest.mark.parametrize(
    "text",
    [
        'T.C. Dışişleri Bakanlığı, "Barış Anlaşması Hk.", Basın Açıklaması No: 234, '
        "8 Ağustos 2025.",
        'AVİM, "Ermenistan\'daki gelişmeler", Basın Bülteni, 2023/12, 4 Mayıs 2023.',
    ],
)
def test_press_release_number_is_not_an_issue(text: str) -> None:
    c = one(text)
    assert (c.kind, c.issue, c.container) == ("press_release", None, None)


def test_untitled_numbered_press_release_names_its_issuer() -> None:
    c = one(
        "Ministry of Foreign Affairs of Azerbaijan, Press Release No. 412/23, "
        "12 September 2023, https://mfa.gov.az/en/news/x."
    )
    assert (c.authors, c.title, c.kind) == (
        ["Ministry of Foreign Affairs of Azerbaijan"],
        None,
        "press_release",
    )


# --- reviews, media notes, handles, numbered documents, German organisations ---------------


def test_review_keeps_the_reviewer_and_drops_the_reviewed_author() -> None:
    c = one(
        "John Smith, review of Shattering Empires, by Michael Reynolds, Slavic Review 71, "
        "no. 2 (2012): 450."
    )
    assert (c.authors, c.container, c.volume, c.pages) == (
        ["John Smith"],
        "Slavic Review",
        "71",
        "450",
    )


def test_microfilm_newspaper_issue() -> None:
    c = one("Hürriyet, 12 Mart 1965 (mikrofilm), s. 3.")
    assert (c.container, c.date, c.pages, c.kind) == ("Hürriyet", "1965-03-12", "3", "news_article")


def test_name_with_a_handle() -> None:
    c = one(
        'Erdoğan, Recep Tayyip (@RTErdogan), "Azerbaycan\'ın yanındayız", X, 27 Eylül 2020, '
        "https://x.com/RTErdogan/status/1310."
    )
    assert (c.authors, c.container) == (["Erdoğan, Recep Tayyip"], "X")


@pytest.mark.parametrize(
    "text",
    [
        "Council of Europe, Resolution 2391 (2021), 27 September 2021.",
        "Федеральный закон от 31.05.2002 № 62-ФЗ «О гражданстве Российской Федерации».",
    ],
)
def test_document_numbers_are_not_volume_or_issue(text: str) -> None:
    c = one(text)
    assert (c.volume, c.issue, c.kind) == (None, None, "other")


def test_german_organisation_is_one_author() -> None:
    c = one(
        "Stiftung Wissenschaft und Politik, Die EU im Südkaukasus, SWP-Studie 12, Berlin, "
        "Juni 2022."
    )
    assert (c.authors, c.kind) == (["Stiftung Wissenschaft und Politik"], "report")


# --- GOST 7.1-2003 full forms and transliteration ---------------------------------------------


def test_gost_full_form_with_spaced_initials_and_isbn() -> None:
    e = parse_bib_entry(
        "Иванов, И. И. Россия и Кавказ / И. И. Иванов. – Москва : Наука, 2015. – 312 с. – "
        "ISBN 978-5-02-039000-0."
    )
    assert (e.authors, e.title, e.container, e.place, e.publisher, e.year, e.pages) == (
        ["Иванов, И. И."],
        "Россия и Кавказ",
        None,
        "Москва",
        "Наука",
        2015,
        None,
    )


def test_gost_journal_with_dashes_between_areas() -> None:
    c = one("Иванов И. И. Россия и Кавказ // Международная жизнь. – 2020. – № 3. – С. 45–50.")
    assert fields(c, "container", "year", "issue", "pages", "kind") == (
        "Международная жизнь",
        2020,
        "3",
        "45-50",
        "journal_article",
    )


@pytest.mark.parametrize(
    ("text", "pages"),
    [("Там же. — С. 15.", "15"), ("Tam zhe. S. 5.", "5"), ("Ivanov, ukaz. soch., s. 9.", "9")],
)
def test_gost_and_transliterated_ibid(text: str, pages: str) -> None:
    c = one(text)
    assert (c.ibid, c.pages) == (True, pages)


def test_gost_et_al() -> None:
    c = one("Иванов И.И., Петров П.П., Сидоров С.С. и др. Россия в мире. М.: Наука, 2020. С. 5–12.")
    assert (c.authors, c.title, c.pages) == (
        ["Иванов И.И.", "Петров П.П.", "Сидоров С.С."],
        "Россия в мире",
        "5-12",
    )


def test_gost_newspaper_issue() -> None:
    c = one("Коммерсантъ. 2023. 5 октября. С. 2.")
    assert (c.container, c.date, c.pages, c.kind) == (
        "Коммерсантъ",
        "2023-10-05",
        "2",
        "news_article",
    )


# --- more German forms -------------------------------------------------------------------------


def test_german_publisher_and_year_without_comma() -> None:
    c = one("Müller, Hans: Der Kaukasus. Geschichte und Gegenwart, München: Beck 2010, S. 12.")
    assert fields(c, "authors", "title", "place", "publisher", "year", "pages") == (
        ["Müller, Hans"],
        "Der Kaukasus. Geschichte und Gegenwart",
        "München",
        "Beck",
        2010,
        "12",
    )


@pytest.mark.parametrize(
    ("text", "authors", "title"),
    [
        (
            "Hans Müller: Der Kaukasus, in: Osteuropa 12 (2010), S. 3–20.",
            ["Hans Müller"],
            "Der Kaukasus",
        ),
        (
            "Uwe Halbach/Franziska Smolnik: Der Südkaukasus, SWP-Studie 2013/S 03, Berlin, "
            "Februar 2013, S. 9 ff.",
            ["Uwe Halbach", "Franziska Smolnik"],
            "Der Südkaukasus",
        ),
    ],
)
def test_german_direct_names_before_a_colon(text: str, authors: list[str], title: str) -> None:
    c = one(text)
    assert (c.authors, c.title) == (authors, title)


def test_english_title_with_a_colon_is_not_a_name() -> None:
    c = one("Central Asia: A New Great Game, London: Routledge, 2019, p. 4.")
    assert c.authors == []
    assert c.title == "Central Asia: A New Great Game"


def test_note_pointer_makes_a_short_form() -> None:
    c = one("Müller (Anm. 3), S. 12.")
    assert (c.short_form, c.authors, c.pages) == (True, ["Müller"], "12")
    c = one("Müller, a.a.O. (Anm. 3), S. 14.")
    assert (c.ibid, c.ibid_author, c.pages) == (True, "Müller", "14")


def test_newspaper_issue_date_after_vom() -> None:
    c = one("FAZ vom 12.3.2024, S. 5.")
    assert (c.container, c.date, c.pages, c.kind) == ("FAZ", "2024-03-12", "5", "news_article")


@pytest.mark.parametrize(
    "text",
    [
        "Zit. nach: Hans Müller, Der Kaukasus, München 2010, S. 45.",
        "Siehe hierzu ausführlich Hans Müller, Der Kaukasus, München 2010, S. 45.",
        "See, for example, Hans Müller, Der Kaukasus, München 2010, S. 45.",
    ],
)
def test_lead_in_cues_with_fillers(text: str) -> None:
    c = one(text)
    assert (c.authors, c.title, c.pages) == (["Hans Müller"], "Der Kaukasus", "45")


def test_german_editor_mark_hg() -> None:
    c = one(
        "Dietrich Geyer (Hg.), Wirtschaft und Gesellschaft im vorrevolutionären Rußland, Köln 1975."
    )
    assert (c.authors, c.editors, c.place, c.year) == ([], ["Dietrich Geyer"], "Köln", 1975)


def test_one_letter_page_cue_needs_its_stop() -> None:
    e = parse_bib_entry("Halbach, Uwe/Smolnik, Franziska (2013): Der Südkaukasus. SWP-Studie S 03.")
    assert e.pages is None


# --- author lists in notes ------------------------------------------------------------------


def test_inverted_name_without_capitals_in_a_note() -> None:
    c = one("Kaya, Ahmet, Kafkasya Politikası, Ankara, Nobel, 2015, s. 12.")
    assert (c.authors, c.title, c.publisher) == (["Kaya, Ahmet"], "Kafkasya Politikası", "Nobel")


@pytest.mark.parametrize(
    ("text", "authors", "title"),
    [
        ("Cornell, Azerbaijan, s. 47.", ["Cornell"], "Azerbaijan"),
        ("Seitkali, Water and Power, 118.", ["Seitkali"], "Water and Power"),
        ("Reuters, Kazakhstan signs deal, 3 March 2024.", ["Reuters"], "Kazakhstan signs deal"),
    ],
)
def test_short_forms_and_headlines_are_not_inverted_names(
    text: str, authors: list[str], title: str
) -> None:
    c = one(text)
    assert (c.authors, c.title) == (authors, title)


def test_comma_separated_author_list_closed_by_ve() -> None:
    c = one("Ahmet Kaya, Mehmet Demir ve Ayşe Yılmaz, Kafkasya (Ankara: Nobel, 2015), 12.")
    assert (c.authors, c.title) == (["Ahmet Kaya", "Mehmet Demir", "Ayşe Yılmaz"], "Kafkasya")


def test_arabic_article_in_a_surname() -> None:
    e = parse_bib_entry("al-Rasheed, Madawi. A History of Saudi Arabia. Cambridge: CUP, 2010.")
    assert (e.authors, e.title) == (["al-Rasheed, Madawi"], "A History of Saudi Arabia")


def test_quoted_piece_in_an_encyclopedia_is_a_chapter() -> None:
    c = one(
        'Ömer Turan, "Ermeni Meselesi", Türkler, C. 13, Yeni Türkiye Yay., Ankara 2002, s. 45-67.'
    )
    assert (c.container, c.volume, c.publisher, c.kind) == (
        "Türkler",
        "13",
        "Yeni Türkiye Yay.",
        "book_chapter",
    )
