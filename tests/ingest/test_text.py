"""Text and Markdown variants: pandoc footnotes, typed notes, roman endnotes, PDF copies."""

from __future__ import annotations

from citecheck.ingest import load_bytes
from citecheck.model import Document


def read(text: str, source: str = "article.md") -> Document:
    return load_bytes(text.encode("utf-8"), source=source)


def markers(doc: Document) -> list[tuple[int, int, str]]:
    """(number, paragraph, the text right before the marker)."""
    return [
        (m.number, m.paragraph, doc.paragraphs[m.paragraph].text[: m.offset][-10:])
        for p in doc.paragraphs
        for m in p.markers
    ]


PANDOC = """\
# Water and Power in Central Asia

Jonas Weber

The Amu Darya carries most of the water.[^1] Upstream states need it in winter[^2].

## Agreements[^3]

The 1998 agreement expired without a **successor**, see <https://example.org/a>.

[^1]: Anna Petrova, *Rivers of Central Asia* (London: Routledge, 2019), 12.
[^2]: Ibid., 15.
[^3]: "Syr Darya Agreement," 17 March 1998, <https://www.example.org/syr-darya-1998>.
"""


def test_pandoc_markdown_footnotes() -> None:
    doc = read(PANDOC)
    assert doc.format == "markdown"
    assert doc.title == "Water and Power in Central Asia"
    assert doc.authors == ["Jonas Weber"]
    assert doc.language == "en"
    assert [(n.number, n.label) for n in doc.notes] == [(1, "1"), (2, "2"), (3, "3")]
    assert (
        doc.notes[0].text == "Anna Petrova, Rivers of Central Asia (London: Routledge, 2019), 12."
    )
    assert doc.notes[2].text.endswith("<https://www.example.org/syr-darya-1998>.")
    heading = doc.paragraphs[1]
    assert heading.heading and heading.text == "Agreements"
    assert markers(doc) == [(1, 0, "the water."), (2, 0, " in winter"), (3, 1, "Agreements")]
    # emphasis and <url> brackets are gone from body text
    assert doc.paragraphs[2].text.endswith("without a successor, see https://example.org/a.")


PLAIN_WITH_NOTES_HEADING = """\
THE MIDDLE CORRIDOR AFTER THE SUMMITS

Commentary No : 2024 / 2
05.02.2024
3 min read

Freight volumes on the route tripled within two years.¹ Tariffs are not harmonised.²

Port capacity at Aktau remains limited (see the figure on page 3).³

Notes
1. Maria Lopez, "Why the Middle Corridor Matters," Eurasia Review, March 3, 2023.
2. Ibid.
3. World Bank, Middle Trade and Transport Corridor (Washington, DC, 2023),
pp. 45–47.

Bibliography:
Lopez, Maria. "Why the Middle Corridor Matters." Eurasia Review, March 3, 2023.
World Bank. Middle Trade and Transport Corridor. Washington, DC, 2023.

To cite this article: KILIÇ, Alev. 2024. "THE MIDDLE CORRIDOR AFTER THE SUMMITS." Center For \
Eurasian Studies (AVİM), Commentary No.2024 / 2. February 05. Accessed May 19, 2026. \
https://avim.org.tr/en/Yorum/THE-MIDDLE-CORRIDOR
"""


def test_plain_text_with_superscripts_numbered_notes_and_english_cite_block() -> None:
    doc = read(PLAIN_WITH_NOTES_HEADING, "article.txt")
    assert doc.format == "text"
    assert doc.title == "THE MIDDLE CORRIDOR AFTER THE SUMMITS"
    assert (doc.number, doc.kind, doc.published) == ("2024 / 2", "commentary", "2024-02-05")
    assert [n.number for n in doc.notes] == [1, 2, 3]
    assert doc.notes[2].text == (
        "World Bank, Middle Trade and Transport Corridor (Washington, DC, 2023), pp. 45–47."
    )
    assert [m[0] for m in markers(doc)] == [1, 2, 3]
    assert [e.text[:10] for e in doc.bibliography] == ["Lopez, Mar", "World Bank"]
    cite = doc.how_to_cite
    assert cite is not None
    assert (cite.year, cite.number, cite.date, cite.accessed) == (
        2024,
        "2024 / 2",
        "2024-02-05",
        "2026-05-19",
    )
    assert cite.url == "https://avim.org.tr/en/Yorum/THE-MIDDLE-CORRIDOR"
    assert "min read" not in " ".join(p.text for p in doc.paragraphs)


ROMAN_AND_PAREN = """\
SOVYET SONRASI DÖNEMDE KAZAKİSTAN

Kazakistan bağımsızlığını 1991 yılında kazanmıştır.[i] Başkent 1997'de Astana'ya \
taşınmıştır[ii]. Nüfusun yarısından fazlası kentlerde yaşamaktadır [iii].

Kaynaklar bölümünde [Doğu Türkistan] gibi editoryal ekler, bir çalışma (2016) ve 3(2), 45-68 \
gibi cilt/sayı bilgileri bulunur; […] işaretleri de not değildir.

[i] Ahmet Yıldız, Kazakistan Tarihi (Ankara: Nobel, 2015), s. 30.

[ii] A.g.e., s. 41.

[iii] TÜİK benzeri Kazak istatistik kurumu verileri, 2023.
"""


def test_roman_endnotes_and_editorial_brackets() -> None:
    doc = read(ROMAN_AND_PAREN, "taslak.txt")
    assert [(n.number, n.label) for n in doc.notes] == [(1, "i"), (2, "ii"), (3, "iii")]
    assert [(m.number, m.label) for p in doc.paragraphs for m in p.markers] == [
        (1, "i"),
        (2, "ii"),
        (3, "iii"),
    ]
    second = doc.paragraphs[1].text
    assert "[Doğu Türkistan]" in second and "(2016)" in second and "3(2), 45-68" in second
    assert doc.paragraphs[1].markers == []


PDF_COPY = """\
İSTANBUL'UN FETHİ VE SONRASI

Osmanlı Devleti'nin Karadeniz'e hâkim olması hızlı oldu. Kırım'ı alan Fatih Sultan Mehmet \
idi.1 1475 yılında Kefe alındı ve ticaret yolları değişti.2 Bu süreçte öncelik- \
lerimiz değişti.

1 Halil İnalcık, Osmanlı İmparatorluğu Klasik Çağ (İstanbul: YKY, 2003), s. 30.
2 A.g.e., s. 33.
"""


def test_pdf_copy_with_bare_digit_markers() -> None:
    text = PDF_COPY.replace("1 Halil", "Notlar\n\n1 Halil")
    doc = read(text, "pdf-copy.txt")
    assert [n.number for n in doc.notes] == [1, 2]
    assert [(m.number, m.raw) for p in doc.paragraphs for m in p.markers] == [(1, "1"), (2, "2")]
    assert "idi. 1475 yılında" in doc.paragraphs[0].text


def test_text_with_no_notes_at_all() -> None:
    doc = read("Bir başlık\n\nBu bir paragraftır ve hiçbir dipnotu yoktur. İkinci cümle burada.\n")
    assert doc.notes == [] and doc.bibliography == []
    assert len(doc.paragraphs) == 1 and doc.paragraphs[0].markers == []
    assert doc.title == "Bir başlık"


def test_notes_without_a_body_is_recorded() -> None:
    doc = read("[1] Ayşe Kaya, Hazar Hukuku (Ankara, 2019), s. 45.\n\n[2] A.g.e.\n")
    assert [n.number for n in doc.notes] == [1, 2]
    assert doc.paragraphs == []
    assert [f.code for f in doc.findings] == ["ingest_problem"]


def test_duplicate_note_numbers_are_recorded() -> None:
    doc = read(
        "Başlık\n\nBirinci cümle burada yer alır ve bir nota gider.[1] İkinci cümle.[2]\n\n"
        "[1] Birinci not.\n\n[2] İkinci not.\n\n[2] İkinci notun kopyası.\n"
    )
    assert [n.text for n in doc.notes] == ["Birinci not.", "İkinci not."]
    assert [(f.code, f.note) for f in doc.findings] == [("ingest_problem", 2)]


def test_note_defined_but_never_referenced_is_kept() -> None:
    doc = read("Başlık\n\nTek bir cümle var ve tek bir işaret.[1]\n\n[1] Bir.\n\n[2] İki.\n")
    assert [n.number for n in doc.notes] == [1, 2]
    assert [m.number for p in doc.paragraphs for m in p.markers] == [1]


def test_language_detection_from_text() -> None:
    from citecheck.ingest.meta import detect_language

    assert detect_language("Bu bir deneme metnidir ve Türkçe yazılmıştır, çünkü ağır.") == "tr"
    assert detect_language("This is a short text that is written in the English language.") == "en"
    assert detect_language("Das ist ein Text, der auf Deutsch und nicht auf Englisch ist.") == "de"
    assert detect_language("Это текст на русском языке, и он не на английском.") == "ru"
    assert detect_language("12345 67890") is None


def test_text_export_share_and_pdf_lines_are_furniture() -> None:
    doc = read(
        "BAŞLIK\n\nPaylaş : Twitter Facebook LinkedIn\n\nPDF İndir : analiz.pdf\n\n"
        "Asıl metin burada başlar ve bir cümleden fazlasını içerir. İkinci cümle de var.\n"
    )
    assert [p.text[:10] for p in doc.paragraphs] == ["Asıl metin"]


HTML2TEXT_EXPORT = """\
# KARADENİZ'DE GÜVENLİK

Türkiye, Montrö Sözleşmesi'nin tanıdığı yetkiyi kullanmıştır.[[1]](#_ftn1) Bu karar \
dengeli bulunmuştur.[[2]](#_ftn2) Gemi sayısı 3<sup>3</sup> idi.

* * *

[[1]](#_ftnref1) Anadolu Ajansı, 28 Şubat 2022.

[[2]](#_ftnref2) A.g.e.

[[3]](#_ftnref3) A.g.e., s. 4.
"""


def test_html_to_markdown_export_of_word_notes() -> None:
    doc = read(HTML2TEXT_EXPORT)
    assert [(n.number, n.text) for n in doc.notes] == [
        (1, "Anadolu Ajansı, 28 Şubat 2022."),
        (2, "A.g.e."),
        (3, "A.g.e., s. 4."),
    ]
    assert [(m.number, m.raw) for p in doc.paragraphs for m in p.markers] == [
        (1, "[[1]](#_ftn1)"),
        (2, "[[2]](#_ftn2)"),
        (3, "<sup>3</sup>"),
    ]
    assert doc.paragraphs[0].text.endswith("dengeli bulunmuştur. Gemi sayısı 3 idi.")


def test_two_authors_in_the_header() -> None:
    doc = read(
        "ORTA ASYA'DA SU\n\nAlev KILIÇ ve Berna SARICA\n\n"
        "Bu metin iki yazarlıdır ve bir cümleden fazlasını içerir. İkinci cümle burada.\n"
    )
    assert doc.authors == ["Alev KILIÇ", "Berna SARICA"]
    assert doc.title == "ORTA ASYA'DA SU"


def test_pandoc_note_with_indented_continuation() -> None:
    doc = read(
        "# Title\n\nA first sentence of the body is here.[^a] And a second one.\n\n"
        "[^a]: Anna Petrova, Rivers (London, 2019), 12.\n"
        "    See also the 2021 edition, 14.\n"
    )
    assert [(n.number, n.label) for n in doc.notes] == [(1, "a")]
    assert doc.notes[0].text.endswith("12. See also the 2021 edition, 14.")
    assert [m.number for p in doc.paragraphs for m in p.markers] == [1]
