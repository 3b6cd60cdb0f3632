"""Claims: which sentence(s) each footnote marker supports."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.model import Claim, Marker, Paragraph
from citecheck.notes.claims import MAX_PASSAGE_SENTENCES, extract_claims
from tests.conftest import SEED_ARTICLE

_MARK = re.compile(r"\[(\d+)\]")


def para(marked: str, index: int = 0, heading: bool = False) -> Paragraph:
    """A Paragraph built by hand: ``[n]`` in ``marked`` become Markers at their clean offsets."""
    text, markers, last, removed = [], [], 0, 0
    for m in _MARK.finditer(marked):
        text.append(marked[last : m.start()])
        offset = m.start() - removed
        markers.append(Marker(int(m.group(1)), m.group(1), index, offset, m.group()))
        removed += len(m.group())
        last = m.end()
    text.append(marked[last:])
    return Paragraph(index=index, text="".join(text), markers=markers, heading=heading)


def claims_of(*paragraphs: Paragraph, lang: str | None = "tr") -> list[Claim]:
    claims = extract_claims(list(paragraphs), lang)
    by_index = {p.index: p for p in paragraphs}
    for c in claims:  # the invariant every test relies on
        assert by_index[c.paragraph].text[c.start : c.end] == c.text
    return claims


def texts(*paragraphs: Paragraph, lang: str | None = "tr") -> dict[int, str]:
    return {c.note: c.text for c in claims_of(*paragraphs, lang=lang)}


# --- marker positions ----------------------------------------------------------------


def test_marker_after_the_full_stop_belongs_to_that_sentence() -> None:
    p = para("Orta Asya kritik bir bölgedir.[1] Örneğin lityum burada çıkarılır.")
    assert texts(p) == {1: "Orta Asya kritik bir bölgedir."}


def test_marker_before_the_full_stop() -> None:
    p = para(
        "Önce bir giriş yapılır. ABD yönünü Orta Asya ülkelerine çevirmiştir[5]. Sonra devam eder."
    )
    assert texts(p) == {5: "ABD yönünü Orta Asya ülkelerine çevirmiştir."}


def test_marker_after_a_space() -> None:
    p = para(
        "Giriş cümlesi. Bölge 11 Eylül saldırısından sonra görünür hale gelmiştir [11]. Sonra."
    )
    assert texts(p) == {11: "Bölge 11 Eylül saldırısından sonra görünür hale gelmiştir ."}


def test_marker_glued_mid_sentence_gets_the_whole_sentence_only() -> None:
    p = para("Önce. Bu tablonun[2] 15 yıl içinde değiştiği görülmektedir. Sonra.")
    claims = claims_of(p)
    assert [(c.note, c.text) for c in claims] == [
        (2, "Bu tablonun 15 yıl içinde değiştiği görülmektedir.")
    ]


def test_marker_after_closing_parenthesis_or_quote() -> None:
    p = para("Çekya (Czechia)[1] bu formatta yer aldı. Sonra “Kritik Mineraller”[2] raporu çıktı.")
    assert texts(p) == {
        1: "Çekya (Czechia) bu formatta yer aldı.",
        2: "Sonra “Kritik Mineraller” raporu çıktı.",
    }


def test_marker_in_a_heading_claims_the_heading() -> None:
    h = para("  KRİTİK MİNERALLER ÇAĞINDA ORTA ASYA. C5+1 ZİRVESİ[1]  ", heading=True)
    assert texts(h) == {1: "KRİTİK MİNERALLER ÇAĞINDA ORTA ASYA. C5+1 ZİRVESİ"}


def test_marker_in_the_gap_between_sentences_goes_to_the_one_before() -> None:
    p = para("Birinci cümle burada. [3] İkinci cümle burada.")
    assert texts(p) == {3: "Birinci cümle burada."}


def test_marker_at_the_paragraph_start_goes_to_the_first_sentence() -> None:
    p = para("[4]Birinci cümle burada. İkinci cümle burada.")
    assert texts(p) == {4: "Birinci cümle burada."}


def test_lost_space_after_marker() -> None:
    p = para("Birinci cümle burada.[1]İkinci cümle burada.")
    assert texts(p) == {1: "Birinci cümle burada."}


def test_marker_after_an_abbreviation_at_a_sentence_end_splits_there() -> None:
    p = para("Uranium went to the U.S.[2] The next day, Astana signed.", index=0)
    assert texts(p, lang="en") == {2: "Uranium went to the U.S."}
    p = para("Anlaşma Washington, D.C.”[4] Ertesi gün Astana onayladı.[5]")
    assert texts(p) == {4: "Anlaşma Washington, D.C.”", 5: "Ertesi gün Astana onayladı."}
    # without a capital after it, the marker does not end the sentence
    p = para("Prof. Dr.[1] ahmet bey ve diğerleri yazdı. Sonra.")
    assert texts(p) == {1: "Prof. Dr. ahmet bey ve diğerleri yazdı."}


# --- several markers --------------------------------------------------------------------


def test_markers_splitting_a_sentence_into_substantial_clauses() -> None:
    p = para(
        "Kazakistan dünya uranyum üretiminin %40'ını karşılamaktadır[1], "
        "ABD ise ithalatının dörtte birini buradan sağlamaktadır[2]."
    )
    assert texts(p) == {
        1: "Kazakistan dünya uranyum üretiminin %40'ını karşılamaktadır",
        2: "ABD ise ithalatının dörtte birini buradan sağlamaktadır",
    }


def test_short_clauses_fall_back_to_the_sentence() -> None:
    p = para("Lityum[1], nikel[2] ve kobalt[3] bataryalarda kullanılır.")
    whole = "Lityum, nikel ve kobalt bataryalarda kullanılır."
    assert [c.text for c in claims_of(p)] == [whole, whole, whole]
    # four words but no predicate: still the sentence
    p = para("Lityum, nikel ve kobalt[1] bataryalarda, bakır[2] ise şebekelerde kullanılır.")
    whole = "Lityum, nikel ve kobalt bataryalarda, bakır ise şebekelerde kullanılır."
    assert [c.text for c in claims_of(p)] == [whole, whole]


def test_one_substantial_clause_and_one_short() -> None:
    p = para(
        "Kazatomprom[8], ABDnin nükleer enerji ve savunma sektörleri için "
        "önemli bir tedarikçidir[9]."
    )
    assert texts(p) == {
        8: "Kazatomprom, ABDnin nükleer enerji ve savunma sektörleri için önemli bir tedarikçidir.",
        9: "ABDnin nükleer enerji ve savunma sektörleri için önemli bir tedarikçidir",
    }


def test_stacked_markers_share_the_sentence() -> None:
    p = para("Kazakistan uranyum üretiminde dünya lideridir.[6][7] Sonra gelir.")
    claims = claims_of(p)
    assert [(c.note, c.text) for c in claims] == [
        (6, "Kazakistan uranyum üretiminde dünya lideridir."),
        (7, "Kazakistan uranyum üretiminde dünya lideridir."),
    ]


def test_a_note_cited_twice_gets_two_claims() -> None:
    p1 = para("Birinci olgu burada anlatılır.[5] Araya bir cümle girer.", index=0)
    p2 = para("İkinci olgu başka yerde anlatılır.[5]", index=1)
    claims = claims_of(p1, p2)
    assert [(c.note, c.paragraph, c.text) for c in claims] == [
        (5, 0, "Birinci olgu burada anlatılır."),
        (5, 1, "İkinci olgu başka yerde anlatılır."),
    ]


# --- passages ---------------------------------------------------------------------------


def test_connective_extends_the_claim_back_over_unmarked_sentences() -> None:
    p = para(
        "Enerji kaynakları stratejiktir. Bu nedenle devletler rekabet eder. "
        "Nitekim sömürgecilik de buna dayanır.[3]"
    )
    assert texts(p) == {
        3: "Enerji kaynakları stratejiktir. Bu nedenle devletler rekabet eder. "
        "Nitekim sömürgecilik de buna dayanır."
    }


def test_passage_stops_at_the_previous_marker() -> None:
    p = para("Birinci olgu burada.[1] İkinci olgu orada. Bu durum önemlidir.[2]")
    assert texts(p) == {1: "Birinci olgu burada.", 2: "İkinci olgu orada. Bu durum önemlidir."}


def test_passage_stops_where_the_connective_chain_breaks() -> None:
    p = para("Bağımsız bir giriş. Enerji kaynakları stratejiktir. Bu durum önemlidir.[2]")
    assert texts(p) == {2: "Enerji kaynakları stratejiktir. Bu durum önemlidir."}


def test_passage_is_capped() -> None:
    p = para("Bir olgu. Bu iki. Bu üç. Bu dört. Bu beş.[9]")
    (claim,) = claims_of(p)
    assert claim.text == "Bu üç. Bu dört. Bu beş."
    assert claim.text.count(".") == MAX_PASSAGE_SENTENCES


def test_no_passage_without_connective_or_before_the_paragraph_end() -> None:
    # "Bugün" (today) is not the connective "Bu"
    p = para("Enerji stratejiktir. Bugün devletler rekabet eder.[1]")
    assert texts(p) == {1: "Bugün devletler rekabet eder."}
    # the marker's sentence is not the paragraph's last
    p = para("Enerji stratejiktir. Bu nedenle devletler rekabet eder.[1] Son cümle.")
    assert texts(p) == {1: "Bu nedenle devletler rekabet eder."}
    # a marker mid-sentence does not close a passage
    p = para("Enerji stratejiktir. Bu nedenle devletler[1] rekabet eder.")
    assert texts(p) == {1: "Bu nedenle devletler rekabet eder."}


def test_english_and_german_connectives() -> None:
    p = para("Uranium output grew. However, exports fell.[1]")
    assert texts(p, lang="en") == {1: "Uranium output grew. However, exports fell."}
    p = para("Die Region hat Uran. Außerdem gibt es Kupfer.[2]")
    assert texts(p, lang="de") == {2: "Die Region hat Uran. Außerdem gibt es Kupfer."}


# --- abbreviations and numbers inside claims -------------------------------------------------


@pytest.mark.parametrize(
    ("marked", "lang"),
    [
        (
            "Giriş. Dr. Ahmet ve Prof. Dr. Ayşe 16. yüzyılda 1,1 milyar dolar vb. kaynak buldu.[1]",
            "tr",
        ),
        (
            "Giriş. Hancock vd. (der.) s. 215 ve ss. 45-97 arasında T.C. ile A.Ş. der.[1]",
            "tr",
        ),
        ("Intro. Kathleen J. Hancock and A. B. Smith, e.g. in the U.S., cite pp. 415-6.[1]", "en"),
        ("Einleitung. Am 6. November 2025 lieferte China z.B. ca. 70 % bzw. 1.250.000 t.[1]", "de"),
        ("Введение. В.В. Путин, т.е. президент, посетил г. Москва и ул. Тверская.[1]", "ru"),
        ("Giriş. Nüfus 2. Dünya Savaşı sonrası 3.5 kat arttı.[1]", "tr"),
    ],
)
def test_abbreviations_numbers_and_initials_stay_in_one_claim(marked: str, lang: str) -> None:
    p = para(marked)
    expected = p.text.split(". ", 1)[1]
    assert texts(p, lang=lang) == {1: expected}


# --- robustness -------------------------------------------------------------------------------


def test_blank_paragraph_and_out_of_range_offsets() -> None:
    blank = Paragraph(index=0, text="   ", markers=[Marker(1, "1", 0, 2)])
    assert extract_claims([blank]) == []
    far = Paragraph(
        index=1,
        text="Bir cümle. İki cümle.",
        markers=[Marker(2, "2", 1, 500), Marker(3, "3", 1, -7)],
    )
    assert [(c.note, c.text) for c in claims_of(far)] == [(2, "İki cümle."), (3, "Bir cümle.")]


def test_paragraphs_without_markers_give_nothing() -> None:
    assert extract_claims([para("Hiç dipnot yok. Hiç.")]) == []


# --- the seed article ----------------------------------------------------------------------


def _fold(s: str) -> str:
    return re.sub(r"['’]", "", s).rstrip(" .")


def test_seed_article_claims() -> None:
    try:
        from citecheck.ingest import load_path
    except ImportError:
        pytest.skip("citecheck.ingest.load_path is not there yet")
    doc = load_path(SEED_ARTICLE)
    claims = extract_claims(doc.paragraphs, doc.language)
    by_note: dict[int, list[Claim]] = {}
    for c in claims:
        assert doc.paragraphs[c.paragraph].text[c.start : c.end] == c.text
        by_note.setdefault(c.note, []).append(c)
    assert sorted(by_note) == list(range(1, 18))
    assert all(len(v) == 1 for v in by_note.values())
    text = {n: v[0].text for n, v in by_note.items()}
    # the export lost apostrophes in places ("ABDnin"): compare without them
    assert _fold(text[6]) == _fold(
        "Özellikle Kazakistan, dünya uranyum üretiminin yaklaşık %40'ını karşılamakta ve "
        "ABDnin uranyum ithalatının yaklaşık dörtte birini sağlamaktadır"
    )
    assert text[17] == (
        "Zirvede ABD tarafından, Orta Asyayla 25 milyar doları aşan ticari anlaşma ve "
        "yatırım paketleri duyuruldu."
    )
    assert text[11].startswith("ABD açısından bölge ilk defa 11 Eylül saldırısından sonra")
    assert text[11].count(".") == 1
    assert text[12].startswith("Daha sonrasında ise Rusya-Ukrayna Savaşından")
    assert text[12].endswith("başlamıştır.")
    assert text[10].startswith("ABD merkezli Cove Capital ile geliştirilen 1,1 milyar")


# --- properties --------------------------------------------------------------------------------

_ALPHABET = st.sampled_from([*'abcçğıİöşüABÇŞ0129 .,;!?…"“”()[]\n-', "Bu ", "However "])


@st.composite
def paragraph_sets(draw: st.DrawFn) -> list[Paragraph]:
    paragraphs = []
    for i in range(draw(st.integers(0, 3))):
        text = "".join(draw(st.lists(_ALPHABET, max_size=120)))
        offsets = draw(st.lists(st.integers(-5, len(text) + 5), max_size=6))
        markers = [Marker(n + 1, str(n + 1), i, off) for n, off in enumerate(offsets)]
        paragraphs.append(Paragraph(i, text, markers, heading=draw(st.booleans())))
    return paragraphs


@settings(max_examples=200, deadline=None)
@given(paragraph_sets(), st.sampled_from([None, "tr", "en", "de", "ru"]))
def test_arbitrary_paragraphs_never_crash_and_keep_the_slice_invariant(
    paragraphs: list[Paragraph], lang: str | None
) -> None:
    claims = extract_claims(paragraphs, lang)
    markers = sum(len(p.markers) for p in paragraphs)
    assert len(claims) <= markers
    for c in claims:
        text = paragraphs[c.paragraph].text
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.text
        assert c.text == c.text.strip()
    # every marker in a paragraph with any non-blank text gets a claim
    assert len(claims) == sum(len(p.markers) for p in paragraphs if p.text.strip())
