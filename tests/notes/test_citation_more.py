"""More conventions beyond Chicago, found writing examples for the classes of
test_citation_conventions.py: cross-references, reprints, conference papers, web forms,
place lists, author-date and comma-style entries, GOST 7.1-2003 full forms, German
pointers and direct names, author lists in notes. Examples written for these tests."""

from __future__ import annotations

import pytest

from citecheck.notes.citation import parse_bib_entry, parse_note
from tests.notes.test_citation_conventions import fields, one

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
    assert (c.issue, c.authors, c.kind) == ("26530", [], "other")  # the gazette's issue


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


# --- page lists, chapter locators, conjunctions between works, no date after publisher ------


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        ("Ahmet Kaya, Kafkasya (Ankara: Nobel, 2015), 12-13, 45.", "12-13, 45"),
        ("Ahmet Kaya, Kafkasya (Ankara: Nobel, 2015), ss. 12 ve 45.", "12, 45"),
        ("Ahmet Kaya, Kafkasya (Ankara: Nobel, 2015), 12n3.", "12"),
        ("Ahmet Kaya, Kafkasya (Ankara: Nobel, 2015), 45.", "45"),
        ("John Smith, Title (London: Verso, 2015), chap. 3.", None),
    ],
)
def test_page_lists_and_chapter_locators(text: str, pages: str | None) -> None:
    c = one(text)
    assert c.pages == pages
    assert c.title in ("Kafkasya", "Title")


def test_a_year_after_a_link_is_not_a_page() -> None:
    c = one("Title, https://x.com/a, 2015.")
    assert (c.pages, c.year) == (None, 2015)


def test_conjunction_opening_a_second_work() -> None:
    citations = parse_note(
        "See also Cornell, Azerbaijan Since Independence, 45; and de Waal, Black Garden, 12."
    )
    assert [(c.authors, c.title, c.pages) for c in citations] == [
        (["Cornell"], "Azerbaijan Since Independence", "45"),
        (["de Waal"], "Black Garden", "12"),
    ]


def test_publisher_place_and_no_date() -> None:
    c = one("Ahmet Kaya, Kafkasya, Nobel Yay., Ankara, t.y., s. 12.")
    assert (c.publisher, c.place, c.year, c.pages) == ("Nobel Yay.", "Ankara", None, "12")


def test_unbracketed_conference_paper_in_an_entry() -> None:
    e = parse_bib_entry(
        'Smith, John. "Title." Paper presented at the ASN Convention, New York, May 4, 2023.'
    )
    assert (e.title, e.date, e.publisher, e.container, e.kind) == (
        "Title",
        "2023-05-04",
        None,
        None,
        "other",
    )


# --- comments around citations, lead-in phrases, a second work after a sentence -----------


def test_bracketed_comment_closing_a_citation() -> None:
    c = one(
        "Guenter Lewy, The Armenian Massacres (Salt Lake City: University of Utah Press, 2005), "
        "250 (Lewy burada farklı bir görüş ileri sürmektedir)."
    )
    assert (c.title, c.pages) == ("The Armenian Massacres", "250")


def test_bracketed_date_is_not_a_comment() -> None:
    c = one("Karar (12.03.2024)")
    assert (c.container, c.date) == ("Karar", "2024-03-12")


@pytest.mark.parametrize(
    "text",
    [
        "Daha fazla bilgi için: https://www.avim.org.tr/tr/Analiz/x",
        "For more details, see: https://www.osce.org/x.",
    ],
)
def test_lead_in_phrase_before_a_bare_link(text: str) -> None:
    c = one(text)
    assert (c.title, c.kind, len(c.urls)) == (None, "web_page", 1)


def test_argued_by_lead_in() -> None:
    c = one(
        "This point is also made by Thomas de Waal, Black Garden (New York: NYU Press, 2003), 45."
    )
    assert (c.authors, c.title) == (["Thomas de Waal"], "Black Garden")


@pytest.mark.parametrize(
    "text",
    ["Ibid. See also de Waal, Black Garden, 46.", "A.g.e. Ayrıca bkz. Çiçek, a.g.e., s. 50."],
)
def test_see_also_sentence_after_an_ibid_is_a_second_work(text: str) -> None:
    first, second = parse_note(text)
    assert first.ibid and first.pages is None
    assert second.pages in ("46", "50")


# --- titles with a comma in notes --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ahmet Kaya, Türkiye, Rusya ve Kafkasya, Ankara, Nobel, 2015, s. 12.",
        "Ahmet Kaya, Türkiye, Rusya ve Kafkasya (Ankara: Nobel, 2015), 12.",
        "KAYA, Ahmet, Türkiye, Rusya ve Kafkasya, Nobel Yayınları, Ankara 2015, s. 12.",
    ],
)
def test_book_title_with_a_comma(text: str) -> None:
    c = one(text)
    assert (c.title, c.container, c.kind) == ("Türkiye, Rusya ve Kafkasya", None, "book")
    assert c.authors[0].lower().startswith(("ahmet", "kaya"))


def test_series_after_a_book_title_stays_apart() -> None:
    c = one(
        "Svante Cornell, Azerbaijan's Strategic Choices, Silk Road Paper (Washington, DC: "
        "Central Asia-Caucasus Institute, 2023), 12."
    )
    assert c.title == "Azerbaijan's Strategic Choices"


def test_short_form_title_with_a_comma() -> None:
    c = one("Kaya, Türkiye, Rusya ve Kafkasya, s. 14.")
    assert (c.authors, c.title, c.short_form, c.pages) == (
        ["Kaya"],
        "Türkiye, Rusya ve Kafkasya",
        True,
        "14",
    )


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ("Ahmet Kaya. Kitap. Nobel Yayınları, Ankara 2005.", "Nobel Yayınları"),
        ("Hans Müller. Titel. C.H. Beck Verlag, München 1992.", "C.H. Beck Verlag"),
    ],
)
def test_publisher_first_stops_at_a_sentence(text: str, publisher: str) -> None:
    e = parse_bib_entry(text)
    assert e.publisher == publisher
    assert e.title in ("Kitap", "Titel")


@pytest.mark.parametrize(
    "text",
    [
        'Ali Kaya, "Başlık", Türk Dış Politikası, Mehmet Yılmaz (Yay. Haz.), Ankara, Nobel, 2010, '
        "s. 45.",
        'Ali Kaya, "Başlık", Türk Dış Politikası, Ed. by Mehmet Yılmaz, Ankara, Nobel, 2010, '
        "p. 45.",
        'Ali Kaya, "Başlık", Türk Dış Politikası, yay. haz. Mehmet Yılmaz, Ankara, Nobel, 2010, '
        "s. 45.",
    ],
)
def test_more_editor_cues(text: str) -> None:
    c = one(text)
    assert (c.container, c.editors, c.kind) == (
        "Türk Dış Politikası",
        ["Mehmet Yılmaz"],
        "book_chapter",
    )


def test_official_gazette_issue() -> None:
    c = one("Resmî Gazete, 23 Mayıs 2007, Sayı: 26530.")
    assert (c.container, c.issue, c.date, c.kind) == (
        "Resmî Gazete",
        "26530",
        "2007-05-23",
        "other",
    )
