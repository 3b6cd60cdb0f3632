"""Sentence segmentation: abbreviations, numbers, markers, line structure, properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.notes.sentences import (
    MAX_SENTENCE_CHARS,
    split_passages,
    split_sentences,
    unwrapped,
)
from tests.conftest import FIXTURES


def sents(text: str, lang: str | None = None) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang)]


# --- abbreviations that must not split -----------------------------------------

TURKISH_NO_SPLIT = [
    "Lityum, nikel vb. mineraller önemlidir.",
    "Bu konu Dr. Ahmet Yılmaz tarafından incelendi.",
    "Prof. Dr. Ayşe Kaya ve Doç. Dr. Ali Veli katıldı.",
    "Ayrıntılar için s. 12 ve ss. 45-97 arasına bakılabilir.",
    "Osmanlı 16. yy. Avrupa kaynaklarında sık geçer.",
    "Bu kavram 18. yy Fransız düşüncesinde doğdu.",
    "Konu için bkz. Hancock vd. Eurasia başlıklı bölüm.",
    "Ayrıntı için Bkz. Ek tablo ve örn. Kazakistan verisi.",
    "Eser Ali Veli (der.) Yeni Dünya adıyla yayımlandı.",
    "Metni çev. Mehmet Ak ve haz. Ayşe Su yayına hazırladı.",
    "Kitap Ötüken Yay. İstanbul baskısıdır.",
    "Adres Süleyman Nazif Sok. No. 12 Çankaya olarak verildi.",
    "Merkez Atatürk Cad. Kızılay üzerindedir.",
    "T.C. Dışişleri Bakanlığı açıklama yaptı.",
    "ABC A.Ş. Genel Müdürü ile XYZ Ltd. Şti. Yöneticisi görüştü.",
    "Aynı görüş a.g.e. Sayfa 12'de de yer alır.",
    "Kaynağa E.T. Kasım 2025 tarihinde erişildi.",
    "Lityum, nikel vs. diğer mineraller sayıldı.",
]

ENGLISH_NO_SPLIT = [
    "Mr. Smith met Mrs. Jones and Dr. Brown.",
    "The U.S. Department and the U.K. Foreign Office agreed.",
    "Some metals, e.g. Lithium and Cobalt, are critical.",
    "The largest producer, i.e. Kazakhstan, leads.",
    "Apples, pears, etc. were sold in the market.",
    "The case Smith vs. Jones was heard.",
    "It was issue No. 5 of the series.",
    "Acme Inc. and Foo Corp. signed the deal.",
    "The summit on Jan. 6 and the talks in Sept. 2025 were tense.",
    "See p. 30 and pp. 415-6 of the chapter.",
    "The volume, ed. Tanja Börzel, and the eds. Thomas Risse.",
    "He lives in St. Louis now.",
]

GERMAN_NO_SPLIT = [
    "Seltene Erden, z.B. Neodym, sind wichtig.",
    "Zentralasien, d.h. Kasachstan und Usbekistan, liefert Uran.",
    "Beteiligt waren u.a. Kasachstan bzw. Usbekistan.",
    "China hat ca. 70 % des Abbaus.",
    "Siehe Dokument Nr. 5 des Ministeriums.",
    "Erze, Metalle usw. wurden genannt.",
    "Das Treffen fand am 6. November 2025 statt.",
    "Dr. Müller sprach im Weißen Haus.",
    "Uran, Kupfer etc. sind gefragt.",
    "Das entspricht rd. 40 Prozent.",
    "Die Regierung, d. h. Präsident Tokajew, u. a. Minister, begrüßte das.",
]

RUSSIAN_NO_SPLIT = [
    "Это т.е. Главный вопрос встречи.",
    "Металлы, уран и т.п. важны для экономики.",
    "Встреча прошла в г. Москва на ул. Тверская.",
    "Рост составил 10 млн. Долларов и 2 млрд. Рублей.",
    "Президент В.В. Путин принял гостей.",
    "Это было в 1990-х гг. и позже.",
    "Переговоры прошли 9 окт. 2025 г. в Душанбе.",
    "Компания произвела ок. 23 тыс. т урана.",
]


@pytest.mark.parametrize("text", TURKISH_NO_SPLIT)
def test_turkish_abbreviations_do_not_split(text: str) -> None:
    assert sents(text, "tr") == [text]
    assert sents(text) == [text]


@pytest.mark.parametrize("text", ENGLISH_NO_SPLIT)
def test_english_abbreviations_do_not_split(text: str) -> None:
    assert sents(text, "en") == [text]


@pytest.mark.parametrize("text", GERMAN_NO_SPLIT)
def test_german_abbreviations_do_not_split(text: str) -> None:
    assert sents(text, "de") == [text]
    assert sents(text) == [text]


@pytest.mark.parametrize("text", RUSSIAN_NO_SPLIT)
def test_russian_abbreviations_do_not_split(text: str) -> None:
    assert sents(text, "ru") == [text]


def test_abbreviations_split_when_a_sentence_follows() -> None:
    t = "Lityum, nikel vb. Bu mineraller önemlidir."
    assert sents(t, "tr") == ["Lityum, nikel vb.", "Bu mineraller önemlidir."]
    # Turkish "vs." (vesaire) ends sentences; English "vs." (versus) never does
    t = "Lityum, nikel vs. Bunlar önemlidir."
    assert sents(t, "tr") == ["Lityum, nikel vs.", "Bunlar önemlidir."]
    assert sents(t, "en") == [t]
    t = "Apples, pears etc. The end came."
    assert sents(t, "en") == ["Apples, pears etc.", "The end came."]
    t = "Металлы, уран и т.д. Новое предложение."
    assert sents(t, "ru") == ["Металлы, уран и т.д.", "Новое предложение."]
    # "г." after a year is год and may end a sentence; "г. Москва" is город
    t = "Это было в 2025 г. Президент приехал."
    assert sents(t, "ru") == ["Это было в 2025 г.", "Президент приехал."]


def test_lowercase_no_is_a_word_but_a_locator_before_numbers() -> None:
    assert sents("The answer was no. Then he left.", "en") == [
        "The answer was no.",
        "Then he left.",
    ]
    t = "Social Evolution and History 12, no. 2 (2023): 769."
    assert sents(t, "en") == [t]


# --- numbers, ordinals, dates, initials ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ABD merkezli Cove Capital ile 1,1 milyar dolarlık proje geliştirildi.",
        "Nüfus 1.250.000 kişiye ulaştı ve oran 3.5 oldu.",
        "Die Investition von 1.250.000 Euro und 3,5 Prozent Wachstum.",
        "Rapor 16.12.2025 tarihinde yayımlandı.",
        "2. Dünya Savaşı sonrası düzen değişti.",
        "16. yüzyılda Osmanlı genişledi.",
        "Kazakistan 6. Sırada yer aldı.",
        "II. Dünya Savaşı ve XVI. Yüzyıl karşılaştırıldı.",
        "Kathleen J. Hancock and Alexander Libman wrote Eurasia.",
        "The book by A. B. Smith was cited.",
    ],
)
def test_numbers_ordinals_and_initials_do_not_split(text: str) -> None:
    assert sents(text, "tr") == [text]
    assert sents(text) == [text]


def test_years_and_cardinals_end_sentences() -> None:
    assert sents("Anlaşma 2025. Bu yıl imzalandı.", "tr") == ["Anlaşma 2025.", "Bu yıl imzalandı."]
    assert sents("Danach kam Nr. 5. Dr. Müller sprach.", "de") == [
        "Danach kam Nr. 5.",
        "Dr. Müller sprach.",
    ]
    # English writes ordinals "6th": a number before ". Capital" ends the sentence
    assert sents("The rise was 15. Then it fell.", "en") == ["The rise was 15.", "Then it fell."]
    assert sents("World War II. The end.", "en") == ["World War II.", "The end."]


def test_numbered_headings_stay_whole() -> None:
    text = "1. Giriş\n2. Çok Taraflı İlişkiler\n3. Sonuç"
    assert sents(text, "en") == ["1. Giriş", "2. Çok Taraflı İlişkiler", "3. Sonuç"]


# --- urls, e-mail, ellipsis, quotes ---------------------------------------------------


def test_urls_and_email_addresses() -> None:
    t = (
        "Bkz. https://www.iea.org/topics/Critical.Minerals adresi. "
        "Sonra yazın: info@avim.org.tr. Bitti."
    )
    assert sents(t, "tr") == [
        "Bkz. https://www.iea.org/topics/Critical.Minerals adresi.",
        "Sonra yazın: info@avim.org.tr.",
        "Bitti.",
    ]
    t = "Site www.avim.org.Tr ve avim.org.tr üzerinden erişilebilir."
    assert sents(t, "tr") == [t]


def test_ellipsis_inside_and_at_the_end() -> None:
    assert sents("Bekledik... ve bekledik.", "tr") == ["Bekledik... ve bekledik."]
    assert sents("Bekledik… Sonra döndük.", "tr") == ["Bekledik…", "Sonra döndük."]
    assert sents("Metinde [...] Orta Asya geçer.", "tr") == ["Metinde [...] Orta Asya geçer."]
    assert sents("Metinde […] Orta Asya geçer.", "tr") == ["Metinde […] Orta Asya geçer."]


def test_question_exclamation_and_quotes() -> None:
    t = "Çin'in payı ne? Şüphesiz büyük! İstanbul'da toplandılar. Öyle oldu."
    assert sents(t, "tr") == [
        "Çin'in payı ne?",
        "Şüphesiz büyük!",
        "İstanbul'da toplandılar.",
        "Öyle oldu.",
    ]
    t = "So sagte er. „Ich verstehe die Region“, sagte Trump. „Viele wissen das nicht.“ Er ging."
    assert sents(t, "de") == [
        "So sagte er.",
        "„Ich verstehe die Region“, sagte Trump.",
        "„Viele wissen das nicht.“",
        "Er ging.",
    ]
    t = 'He said "Go!" She left. "Why?" he asked.'
    assert sents(t, "en") == ['He said "Go!"', "She left.", '"Why?" he asked.']


def test_cyrillic_and_turkish_capitals_start_sentences() -> None:
    assert sents("Встреча прошла. Президент уехал.", "ru") == [
        "Встреча прошла.",
        "Президент уехал.",
    ]
    for cap in "İÇŞÖÜĞ":
        t = f"Toplantı bitti. {cap}kinci oturum başladı."
        assert sents(t, "tr") == ["Toplantı bitti.", f"{cap}kinci oturum başladı."]


def test_lowercase_after_period_does_not_split() -> None:
    t = "Toplam 40 milyon vb. kaynaklar ve ca. zehn Länder."
    assert sents(t) == [t]


# --- footnote markers and lost spaces ---------------------------------------------------


def test_footnote_marker_after_the_full_stop_stays_with_its_sentence() -> None:
    t = "Bölgedir.[1] Örneğin lityum önemlidir.(2) Sonra bitti.¹ Yeni cümle. [3] Son."
    assert sents(t, "tr") == [
        "Bölgedir.[1]",
        "Örneğin lityum önemlidir.(2)",
        "Sonra bitti.¹",
        "Yeni cümle. [3]",
        "Son.",
    ]


def test_marker_before_the_full_stop_in_a_source() -> None:
    t = "Kazakistan uranyum üretir[6]. Ayrıca bakır var."
    assert sents(t, "tr") == ["Kazakistan uranyum üretir[6].", "Ayrıca bakır var."]


def test_lost_space_is_split_conservatively() -> None:
    t = "Kazakistan uranyum sağlamaktadır.Bu durum önemlidir."
    assert sents(t, "tr") == ["Kazakistan uranyum sağlamaktadır.", "Bu durum önemlidir."]
    # not in dotted names, e-mail, capitalised words or before an all-caps word
    for t in [
        "Bkz. www.Example.com sitesi.",
        "Adres info@avim.Org olarak verildi.",
        "Türkiye.Bu biçim ayrılmaz.",
        "Proje ABD.ABD ile yapıldı.",
        "Veri ca.Zehn Prozent oldu.",
    ]:
        assert sents(t, "tr") == [t], t


# --- line structure ---------------------------------------------------------------------


def test_lines_of_extracted_web_text_are_sentences() -> None:
    t = (
        "Aufbau wirtschaftlicher Beziehungen\n"
        "Außenminister Marco Rubio begrüßte am Mittwoch die Staats- und Regierungschefs\n"
        "- Energy Integration: Collaborative pipeline projects\n"
        "Kazakhstan | State visit | Energy |"
    )
    assert sents(t) == t.split("\n")


def test_page_break_inside_a_sentence_is_joined() -> None:
    t = "Bu bağlamda, teknolojik dönüşüm\n\nçağında metaller yerleşmiştir."
    assert sents(t, "tr") == [t]
    t = "Zirvede ABD,\nOrta Asya ile anlaştı."
    assert sents(t, "tr") == [t]


def test_blank_line_before_a_capital_ends_a_sentence_without_punctuation() -> None:
    assert sents("Kaynakça\n\nAnadolu Agency bildirdi.") == ["Kaynakça", "Anadolu Agency bildirdi."]


def test_hard_wrapped_text_joins_full_lines() -> None:
    text = (FIXTURES / "sources" / "source-tr-orta-asya-istisare.txt").read_text(encoding="utf-8")
    out = sents(text, "tr")
    first = out[0]
    assert first.startswith("Bölgedeki siyasi")
    assert first.endswith("toplantısı yapılmıştır.")
    assert "\nOrta Asya devletleri" in first and "\nŞavkat" in first
    assert any(s.startswith("Farklı tarihlere") and s.endswith("gerçekleşmiştir.") for s in out)


def test_hard_wrapped_short_line_ends_a_paragraph() -> None:
    line = "Orta Asya ülkeleri devlet başkanlarının ilk istişare toplantısı Kazakistanda "
    t = f"{line}\n{line}\n{line}\n{line}\nKısa başlık\nYeni paragraf {line}"
    out = sents(t, "tr")
    assert out[-1].startswith("Yeni paragraf")
    assert out[-2].endswith("Kısa başlık")


def test_unwrapped_reads_a_wrapping_break_as_a_space() -> None:
    # a passage cut from a PDF is too short to show its line width (step 1)
    text = "Im Jahr 2024 hat Usbekistan die Frist für den vollständigen\nÜbergang verschoben.\nNeu."
    joined = unwrapped(text)
    assert len(joined) == len(text)  # spans of the joined text are offsets into the text
    assert "vollständigen Übergang" in joined
    assert "verschoben.\nNeu." in joined  # a break after a sentence's end stays
    assert unwrapped("40 %,\n  und 3\n\nNeu") == "40 %,   und 3\n\nNeu"  # a blank line stays
    assert next(text[a:b] for a, b in split_sentences(joined, "de")).endswith("verschoben.")


# --- spans, length cap, passages --------------------------------------------------------------


def test_spans_are_trimmed_offsets() -> None:
    t = "  Bir cümle.   İki cümle!\n\n Üç?  "
    spans = split_sentences(t, "tr")
    assert [t[a:b] for a, b in spans] == ["Bir cümle.", "İki cümle!", "Üç?"]
    assert spans[0] == (2, 12)


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t ") == []
    assert split_passages("") == []


def test_overlong_run_without_punctuation_is_cut() -> None:
    t = " ".join(f"kelime{i}" for i in range(600))
    spans = split_sentences(t, "tr")
    assert len(spans) > 1
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert "".join(t[a:b] for a, b in spans).replace(" ", "") == t.replace(" ", "")


def test_passages_are_sentences_and_windows() -> None:
    t = "Bir. İki. Üç. Dört."
    got = [t[a:b] for a, b in split_passages(t, "tr")]
    assert got == ["Bir.", "Bir. İki.", "İki.", "İki. Üç.", "Üç.", "Üç. Dört.", "Dört."]
    got3 = [t[a:b] for a, b in split_passages(t, "tr", window=3)]
    assert got3 == ["Bir.", "Bir. İki. Üç.", "İki.", "İki. Üç. Dört.", "Üç.", "Dört."]
    assert split_passages(t, window=1) == split_sentences(t)
    with pytest.raises(ValueError):
        split_passages(t, window=0)


def test_seed_sources_in_three_languages() -> None:
    de = (FIXTURES / "sources" / "source-de-euronews-c5plus1.txt").read_text(encoding="utf-8")
    out = sents(de, "de")
    assert (
        "Auf China entfallen fast 70 % des weltweiten Abbaus seltener Erden und kontrolliert "
        "etwa 90 % der weltweiten Verarbeitung seltener Erden." in out
    )
    assert any(s.startswith("Außenminister Marco Rubio") and "10. Jahrestag" in s for s in out)
    en = (FIXTURES / "sources" / "source-en-turkiye-central-asia.txt").read_text(encoding="utf-8")
    out = sents(en, "en")
    assert "Closing Remarks" in out
    assert "- Trade volume growth: Over 30% increase between 2019-2023" in out


# --- properties ----------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [*"aAbBçÇğĞıIiİöÖşŞüÜxzZ0129 .,;:!?…\"'“”„«»()[]\n\t-%@/", "\u00a0", "В", "т", "é"]
)


@settings(max_examples=200, deadline=None)
@given(
    st.text(_ALPHABET, max_size=200),
    st.sampled_from([None, "tr", "en", "de", "ru", "xx"]),
    st.lists(st.integers(-3, 210), max_size=4),
)
def test_spans_cover_every_non_blank_character(
    text: str, lang: str | None, breaks: list[int]
) -> None:
    spans = split_sentences(text, lang, breaks=breaks)
    prev_end = 0
    covered = set()
    for a, b in spans:
        assert prev_end <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        covered.update(range(a, b))
        prev_end = b
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    spans = split_sentences(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    for a, b in split_passages(text, window=2):
        assert 0 <= a < b <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        "." * 200_000,
        "Bir." + '"' * 200_000 + " Son.",
        "Bir.\n" + " " * 200_000 + "x",
        "(sağlamaktadır.Bu" * 20_000,
        "6. Ağustos " * 20_000,
    ],
)
def test_degenerate_inputs_stay_linear(text: str) -> None:
    # quadratic backtracking would blow the test timeout on these, not the assertion
    spans = split_sentences(text, "tr")
    assert spans and spans[0][0] >= 0 and spans[-1][1] <= len(text)


def test_numbers_and_signs_start_sentences_after_plain_words() -> None:
    t = "Proje tamamlandı. 25 milyar dolar açıklandı. %40'ı Kazakistan'dan. $1.1 billion came."
    assert sents(t, "tr") == [
        "Proje tamamlandı.",
        "25 milyar dolar açıklandı.",
        "%40'ı Kazakistan'dan.",
        "$1.1 billion came.",
    ]
    # but not after a locator
    assert sents("Bkz. s. 25 ve no. 3 burada.", "tr") == ["Bkz. s. 25 ve no. 3 burada."]


def test_language_tags_are_normalised() -> None:
    t = "The rise was 15. Then it fell."
    assert sents(t, "en-GB") == sents(t, "EN") == ["The rise was 15.", "Then it fell."]
    assert sents(t, "tr-TR") == [t]
