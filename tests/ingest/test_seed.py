"""The seed article (an AVİM blog post exported as Markdown text) read end to end."""

from __future__ import annotations

import pytest

from citecheck.ingest import load_path
from citecheck.model import Document
from tests.conftest import SEED_ARTICLE

# Where each marker stands: (paragraph, the words right before it, what follows it).
MARKER_CONTEXT = {
    1: (1, "olmazsa olmazdır.", " Örneğin"),
    2: (1, "kritik rol oynamaktadır.", " Nadir"),
    3: (1, "üretimi için vazgeçilmezdir.", " Ayrıca"),
    4: (1, "gereksinim duyar.", " Bu malzemelere"),
    5: (2, "ülkelerine çevirmiştir", ". Orta Asya"),  # [5] before the full stop
    6: (2, "birini sağlamaktadır", ". Daha geniş"),
    7: (2, "ağırlığa sahiptir", ". Kazakistanın"),
    8: (2, "önemli bir tedarikçidir", ". Ülke"),
    9: (2, "iş birliği yürütmektedir", ". ABD merkezli"),
    10: (2, "oluşturulmasını amaçlamaktadır", "."),
    11: (3, "görünür hale gelmiştir", ". Daha sonrasında"),  # "gelmiştir [11]." after a space
    12: (3, "etkinliğini arttırmaya başlamıştır.", " 6 Kasım"),
    13: (3, "gerçekleştirmeyi hedeflemiştir", ". Bunun yanı"),
    14: (3, "teşvik etmektedir", ". Toplantıda"),
    15: (3, "bir biçimde vurguladı", ". Bu çerçevede"),
    16: (3, "zaptı imzalandı.", " Ayrıca zirve"),
    17: (3, "paketleri duyuruldu.", ""),
}


@pytest.fixture(scope="module")
def doc() -> Document:
    return load_path(SEED_ARTICLE)


def test_metadata(doc: Document) -> None:
    assert doc.format == "markdown"
    assert doc.title == (
        "KRİTİK MİNERALLER ÇAĞINDA ORTA ASYA: C5+1 ZİRVESİ KARARLARI VE TÜRK DEVLETLERİ "
        "TEŞKİLATI'NA YANSIMALARI"
    )
    assert doc.authors == ["Berna SARICA"]
    assert doc.published == "2025-12-16"
    assert doc.language == "tr"
    assert doc.kind == "blog"
    assert doc.number == "33"
    assert doc.findings == []


def test_seventeen_notes_with_their_texts(doc: Document) -> None:
    assert [n.number for n in doc.notes] == list(range(1, 18))
    assert [n.label for n in doc.notes] == [str(i) for i in range(1, 18)]
    by_number = {n.number: n.text for n in doc.notes}
    assert by_number[1] == (
        "Critical Minerals, IEA, E.T 26 Kasım 2025, IEA, <https://www.iea.org/topics/critical-minerals>."
    )
    for ibid in (2, 3, 4, 6, 7, 8, 9, 10, 14):
        assert by_number[ibid] == "A.g.e"
    assert by_number[5].startswith("Alberto [ ] C5+1 Summit: Whats at Stake")
    assert ", The Diplomat, ET 26 Kasım 2025, <https://thediplomat.com/" in by_number[5]
    assert by_number[12] == (
        "Punit Gaur, Renewed Western Interest in Central Asia, Social Evolution and History 12, "
        "no. 2 (2023): 769, <https://doi.org/10.5281/zenodo.7827403>."
    )
    # "\$" in the export is a dollar sign
    assert by_number[17] == (
        "U.S. Department of Commerce, Commerce Celebrates $25 Billion C5+1 Deal Zone, "
        "press release, November 6, 2025."
    )
    assert all(n.position for n in doc.notes)  # line numbers, for provenance
    assert all(n.citations == [] for n in doc.notes)  # parsing notes is citecheck.notes' job


def test_nine_bibliography_entries_frigerio_joined(doc: Document) -> None:
    texts = [e.text for e in doc.bibliography]
    assert len(texts) == 9
    assert [e.index for e in doc.bibliography] == list(range(9))
    assert texts[0].startswith("Anadolu Agency. Kazakhstan, US sign memorandum")
    assert texts[2] == (
        "Frigerio, Alberto. C5+1 Summit: Whats at Stake for the US and Central Asia. "
        "The Diplomat. 2025. "
        "<https://thediplomat.com/2025/10/c51-summit-whats-at-stake-for-the-us-and-central-asia/>."
    )
    assert "Social Evolution and History 12, no. 2 (2023): 769–782." in texts[3]  # no *emphasis*
    assert texts[8].startswith("U.S. Department of Commerce. Commerce Celebrates $25 Billion")
    assert all(e.authors == [] and e.title is None for e in doc.bibliography)


def test_markers_in_the_right_paragraph_at_the_right_offset(doc: Document) -> None:
    markers = [m for p in doc.paragraphs for m in p.markers]
    assert [m.number for m in markers] == list(range(1, 18))
    for m in markers:
        paragraph, before, after = MARKER_CONTEXT[m.number]
        text = doc.paragraphs[m.paragraph].text
        assert m.paragraph == paragraph, m
        assert text[: m.offset].endswith(before), (m.number, text[m.offset - 40 : m.offset])
        assert text[m.offset :].startswith(after), (m.number, text[m.offset : m.offset + 20])
        assert m.raw == f"[{m.number}]"
    assert all("[" + str(n) + "]" not in p.text for p in doc.paragraphs for n in range(1, 18))


def test_page_break_paragraphs_are_joined(doc: Document) -> None:
    texts = [p.text for p in doc.paragraphs]
    assert any("teknolojik dönüşüm çağında enerji jeopolitiğinin" in t for t in texts)
    assert any("Zirvede ABD yönetimi, Orta Asyanın" in t for t in texts)
    assert not any(t.startswith(("çağında", "yönetimi")) for t in texts)
    assert len(doc.paragraphs) == 8
    assert not any(p.heading for p in doc.paragraphs)


def test_furniture_is_not_body_text(doc: Document) -> None:
    body = "\n".join(p.text for p in doc.paragraphs)
    for furniture in (
        "Blog No",
        "16.12.2025",
        "Berna SARICA",
        "Ankara Sosyal Bilimler",
        "Yazar hakkında",
        "Atıfta bulunmak",
        "Süleyman Nazif",
        "Tel:",
        "avimorgtr",
        "facebook",
        "info@avim.org.tr",
        "©",
        "Kaynakça",
        "Critical Minerals, IEA",
    ):
        assert furniture not in body, furniture
    assert "**" not in body and "\\" not in body


def test_how_to_cite(doc: Document) -> None:
    cite = doc.how_to_cite
    assert cite is not None
    assert cite.text.startswith("SARICA, Berna. 2026.")
    assert cite.authors == ["SARICA, Berna"]
    assert cite.year == 2026  # as printed: the notes lint flags it against 2025
    assert cite.title is not None and cite.title.startswith("KRİTİK MİNERALLER ÇAĞINDA")
    assert cite.number == "2025 / 33"
    assert cite.date == "2025-12-16"  # "Aralık 16" in the article's year
    assert cite.accessed == "2026-05-19"
    assert cite.url == (
        "https://avimbulten.org/Blog/KRITIK-MINERALLER-CAGINDA-ORTA-ASYA-C5-1-ZIRVESI-"
        "KARARLARI-VE-TURK-DEVLETLERİ-TESKILATI-NA-YANSIMALARI-16-12-2025"
    )
