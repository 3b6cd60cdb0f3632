"""Places in a ranking (verify/ranking.py) and the contradiction they make (step 3h)."""

from __future__ import annotations

import pytest

from citecheck.verify.judge import judge
from citecheck.verify.model import Evidence, SourceMeta
from citecheck.verify.ranking import ranks
from citecheck.verify.terms import passage_terms


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Kazakhstan is the world's largest flour exporter.", [(1, "largest")]),
        ("Iraq remains the second-largest crude producer in OPEC.", [(2, "second-largest")]),
        ("Istanbul ranked second in Europe by passengers.", [(2, "ranked second")]),
        ("Forty Turkish firms made the list, second only to China.", [(2, "second only to")]),
        ("Ukrayna buğdayının en büyük alıcısı Mısır olmuştur.", [(1, "en büyük")]),
        ("İran dünyanın en büyük ikinci petrol rezervine sahiptir.", [(2, "en büyük ikinci")]),
        ("Türkiye, İtalya'nın ardından dünyada ikinci sırada yer almaktadır.",
         [(2, "ikinci sırada")]),
        ("İkinci sırada 3,1 milyar dolarla Rusya yer almıştır.", [(2, "İkinci sırada")]),
        ("Antalya 13,4 milyon ziyaretçiyle ilk sırada yer almıştır.", [(1, "ilk sırada")]),
        ("Die EU ist nach China der zweitgroesste Handelspartner.", [(2, "zweitgroesste")]),
        ("Beim Mehlexport liegt Kasachstan auf Platz zwei.", [(2, "auf Platz zwei")]),
        ("Russland war der größte Lieferant Chinas.", [(1, "größte")]),
        ("Турция стала вторым по величине покупателем.", [(2, "вторым по величине")]),
        ("Крупнейшим покупателем остаётся Узбекистан.", [(1, "Крупнейшим")]),
        ("На втором месте оказалась Россия.", [(2, "На втором месте")]),
    ],
)  # fmt: skip
def test_places_are_read_in_four_languages(text: str, places: list[tuple[int, str]]) -> None:
    assert [(r.value, text[r.start : r.end]) for r in ranks(text)] == places


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan is one of the largest producers of uranium.",
        "Kazakistan dünyanın en büyük üreticilerinden biridir.",
        "Kasachstan ist einer der größten Produzenten.",
        "Казахстан — один из крупнейших производителей.",
        "The three largest banks hold half of all deposits.",
        "Rusya'nın en büyük üç alıcısı Mısır, Türkiye ve İran'dır.",
        "Kanun en fazla 5 yıl hapis cezası öngörmektedir.",  # "at most five years"
        "The second ship built at Istanbul was commissioned in December.",
        "The top five exporters account for 80 percent.",
    ],
)
def test_groups_bounds_and_ordinals_of_sequence_are_no_places(text: str) -> None:
    assert ranks(text) == []


def _verdict(claim: str, text: str, lang: str, claim_lang: str):  # type: ignore[no-untyped-def]
    return judge(claim, claim_lang, [Evidence(text, 0, len(text), lang)], SourceMeta(lang=lang))


IRAQ = (
    "Iraq remains the second-largest crude producer in OPEC, with output of about 4.3 million "
    "barrels per day in October 2025, behind Saudi Arabia."
)
FLOUR = (
    "Beim Mehlexport liegt Kasachstan weltweit auf Platz zwei hinter der Türkei; das Land "
    "exportierte 2024 rund 2,1 Millionen Tonnen Mehl."
)
YACHTS = (
    "Türkiye, 24 metreyi aşan süper yat siparişlerinde İtalya'nın ardından dünyada ikinci "
    "sırada yer almaktadır."
)
TRADE = (
    "По итогам 2024 года Китай занял второе место среди торговых партнёров Грузии: "
    "На втором месте оказался Китай с 1,9 млрд долларов."
)


@pytest.mark.parametrize(
    ("claim", "claim_lang", "text", "lang"),
    [
        ("Irak, Ekim 2025 itibarıyla günlük yaklaşık 4,3 milyon varil üretimle OPEC'in en büyük "
         "üreticisi konumundadır.", "tr", IRAQ, "en"),
        ("Kazakhstan is the world's largest flour exporter, ahead of Türkiye.", "en", FLOUR, "de"),
        ("Türkiye, 24 metreyi aşan süper yat siparişlerinde dünyada üçüncü sırada yer "
         "almaktadır.", "tr", YACHTS, "tr"),
    ],
)  # fmt: skip
def test_the_claims_name_placed_otherwise_in_the_same_ranking_is_contradicted(
    claim: str, claim_lang: str, text: str, lang: str
) -> None:
    v = _verdict(claim, text, lang, claim_lang)
    assert v.label == "contradicted", v
    assert v.reason == "the source places it otherwise in the ranking"


@pytest.mark.parametrize(
    ("claim", "claim_lang", "text", "lang"),
    [
        # the place the source gives
        ("Irak, OPEC'in en büyük ikinci ham petrol üreticisi konumundadır.", "tr", IRAQ, "en"),
        ("Türkiye, süper yat siparişlerinde İtalya'nın ardından ikinci sırada yer almaktadır.",
         "tr", YACHTS, "tr"),
        # the rival's place, said of the rival: Saudi Arabia leads, Iraq is second
        ("Saudi Arabia is OPEC's largest crude producer, ahead of Iraq.", "en", IRAQ, "en"),
    ],
)  # fmt: skip
def test_the_place_the_source_gives_is_no_contradiction(
    claim: str, claim_lang: str, text: str, lang: str
) -> None:
    assert _verdict(claim, text, lang, claim_lang).label != "contradicted"


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        # uranium is not flour: the holder's own name, said on both sides, tells
        # nothing of what is ranked
        ("Kazakhstan is the largest producer of uranium.",
         "Kazakhstan is the second-largest producer of wheat flour in the region."),
        ("Türkiye is Azerbaijan's largest export market for gas.",
         "Türkiye ranks second among the buyers of Azerbaijani cotton, behind Russia."),
    ],
)  # fmt: skip
def test_a_place_in_another_ranking_is_no_contradiction(claim: str, text: str) -> None:
    v = _verdict(claim, text, "en", "en")
    assert v.reason != "the source places it otherwise in the ranking", v


@pytest.mark.parametrize(
    ("claim", "claim_lang", "text"),
    [
        ("Rusya'nın en büyük buğday alıcıları Mısır, Türkiye ve İran olmuştur.", "tr",
         "Egypt was the largest buyer of Russian wheat, followed by Türkiye and Iran."),
        # the group before the place: Uzbekistan alone is not "the largest"
        ("Kazakhstan and Uzbekistan are the largest producers of cotton in the region.", "en",
         "Uzbekistan is the second-largest producer of cotton in the region, after "
         "Turkmenistan."),
    ],
)  # fmt: skip
def test_a_group_of_holders_is_not_read_as_one(claim: str, claim_lang: str, text: str) -> None:
    v = _verdict(claim, text, "en", claim_lang)
    assert v.reason != "the source places it otherwise in the ranking", v


def test_gross_domestic_product_written_out_is_gdp() -> None:
    # "GDP" in a claim is "gross domestic product" in an English source
    assert (
        "gdp"
        in passage_terms("Mining contributed 26.4 percent of gross domestic product.").concepts
    )
    assert "gdp" in passage_terms("Das Bruttoinlandsprodukt wuchs um 3 Prozent.").concepts
    assert "gdp" in passage_terms("рост валового внутреннего продукта").concepts
    text = "Mining contributed 26.4 percent of Mongolia's gross domestic product in 2024."
    v = _verdict("Mining accounted for 36.4 percent of Mongolia's GDP in 2024.", text, "en", "en")
    assert v.label == "contradicted", v
