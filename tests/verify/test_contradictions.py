"""Contradictions the word anchors miss: a substituted figure, a negated clause."""

from __future__ import annotations

import pytest

from citecheck.verify.attribution import said_of
from citecheck.verify.entities import extract_entities
from citecheck.verify.judge import judge
from citecheck.verify.model import Evidence, SourceMeta
from citecheck.verify.quantities import extract_quantities

CARGO = (
    "Cargo on the Trans-Caspian International Transport Route, also known as the Middle "
    "Corridor, reached 4.5 million tonnes in 2024, an increase of 62 percent on the previous year."
)
LOCOS = "Kazakhstan Temir Zholy: purchase of up to 300 Wabtec locomotives, valued at $4.2 billion."
REGION = (
    "Die Region Zentralasien produziert etwa die Hälfte des weltweiten Urans. "
    "Kasachstan ist der größte Produzent."
)
MONEY = (
    "Kasachstan lieferte 2023 Mineralien im Wert von 3,07 Milliarden US-Dollar nach China und "
    "1,8 Milliarden US-Dollar nach Russland, verglichen mit 544 Millionen US-Dollar in die USA."
)


def _verdict(claim: str, text: str, lang: str, claim_lang: str = "tr"):  # type: ignore[no-untyped-def]
    return judge(claim, claim_lang, [Evidence(text, 0, len(text), lang)], SourceMeta(lang=lang))


@pytest.mark.parametrize(
    ("claim", "text", "lang"),
    [
        ("Orta Koridor'da taşınan yük 2024'te %40 artarak 4,5 milyon tona ulaştı.", CARGO, "en"),
        ("Kazakistan Demir Yolları 4,2 milyar dolara 500 lokomotif satın alacak.", LOCOS, "en"),
    ],
)
def test_a_changed_figure_in_the_deciding_sentence_contradicts(
    claim: str, text: str, lang: str
) -> None:
    v = _verdict(claim, text, lang)
    assert v.label == "contradicted", v
    assert v.conflicts


@pytest.mark.parametrize(
    ("claim", "text", "lang", "why"),
    [
        # the same digits at another scale: a reading gap, not a changed figure
        ("Orta Koridor'da taşınan yük 2024'te %62 artarak 4,5 bin tona ulaştı.", CARGO, "en",
         "rescaled"),
        # the half is the region's, not Kazakhstan's
        ("Kazakistan, dünya uranyum üretiminin yaklaşık %40'ını karşılamaktadır.", REGION, "de",
         "another name's figure"),
        # three sums in the sentence: which one would have been changed?
        ("Orta Asya ile 25 milyar doları aşan ticari anlaşmalar duyuruldu.", MONEY, "de",
         "several rivals"),
    ],
)  # fmt: skip
def test_no_substitution_without_one_rival_of_the_same_measure(
    claim: str, text: str, lang: str, why: str
) -> None:
    v = _verdict(claim, text, lang)
    assert "different figure in the sentence" not in v.reason, why


def test_the_figure_stated_elsewhere_is_not_substituted() -> None:
    other = "In 2024 cargo on the Middle Corridor grew by 40 percent, officials said."
    cands = [Evidence(CARGO, 0, len(CARGO), "en"), Evidence(other, 500, 500 + len(other), "en")]
    claim = "Orta Koridor'da taşınan yük 2024'te %40 artarak 4,5 milyon tona ulaştı."
    v = judge(claim, "tr", cands, SourceMeta(lang="en"))
    assert "different figure in the sentence" not in v.reason


def test_one_negated_clause_of_a_compound_claim_contradicts_it() -> None:
    text = (
        "The convention on the legal status of the Caspian Sea was signed in Aktau in 2018. "
        "Iran's parliament has not yet ratified the convention."
    )
    claim = (
        "The convention on the legal status of the Caspian Sea was signed in Aktau in 2018, "
        "and Iran's parliament ratified the convention."
    )
    v = judge(claim, "en", [Evidence(text, 0, len(text), "en")], SourceMeta(lang="en"))
    assert v.label == "contradicted", v
    assert "part of the claim" in v.reason
    # the clause said as the source says it is no contradiction
    same = "The convention was signed in Aktau in 2018, but Iran's parliament has not ratified it."
    v = judge(same, "en", [Evidence(text, 0, len(text), "en")], SourceMeta(lang="en"))
    assert v.label != "contradicted", v


NEGATED_SIGNING = [
    ("de", "Armenien und Aserbaidschan haben das Friedensabkommen in Washington noch nicht "
           "unterzeichnet."),
    ("de", "In Washington wurde der Text nur paraphiert; unterzeichnet haben Armenien und "
           "Aserbaidschan das Friedensabkommen bisher nicht."),
    ("ru", "Армения и Азербайджан так и не подписали мирный договор в Вашингтоне."),
    ("ru", "Мирное соглашение между Арменией и Азербайджаном в Вашингтоне подписано не было."),
    ("en", "Armenia and Azerbaijan have yet to sign the peace agreement; in Washington the "
           "text was only initialled."),
    ("en", "The peace agreement between Armenia and Azerbaijan remains unsigned after the "
           "Washington meeting."),
    ("en", "No peace agreement was signed by Armenia and Azerbaijan in Washington."),
    ("tr", "Barış anlaşması Washington'da Ermenistan ve Azerbaycan tarafından henüz "
           "imzalanmış değil."),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text"), NEGATED_SIGNING)
def test_a_negated_signing_contradicts_in_every_language(lang: str, text: str) -> None:
    claim = "Ermenistan ile Azerbaycan barış anlaşmasını Washington'da imzaladı."
    assert _verdict(claim, text, lang).label == "contradicted"


def test_a_sentence_final_negation_decides_beside_a_better_fitting_passage() -> None:
    initialled = (
        "Aserbaidschans Präsident und der armenische Ministerpräsident sind in Washington "
        "zusammengetroffen. Die Außenminister paraphierten dort den Text eines "
        "Friedensabkommens zwischen Armenien und Aserbaidschan."
    )
    unsigned = (
        "Unterzeichnet ist das Friedensabkommen damit aber noch nicht. Aserbaidschan verlangt "
        "vorher eine Änderung der armenischen Verfassung."
    )
    cands = [
        Evidence(initialled, 0, len(initialled), "de"),
        Evidence(unsigned, 200, 200 + len(unsigned), "de"),
    ]
    claim = "Azerbaycan ile Ermenistan arasındaki barış anlaşması Washington'da imzalanmıştır."
    assert judge(claim, "tr", cands, SourceMeta(lang="de")).label == "contradicted"


def test_a_count_changed_against_a_count_in_words_contradicts() -> None:
    text = (
        "On 27 June 2025, Russian police carried out raids in Yekaterinburg. Eight Russian "
        "citizens were also detained in Baku on charges of drug trafficking and cybercrime."
    )
    claim = (
        "Azerbaycan makamları, uyuşturucu kaçakçılığı ve siber suç iddiasıyla Bakü'de "
        "18 Rus vatandaşını gözaltına almıştır."
    )
    v = _verdict(claim, text, "en")
    assert v.label == "contradicted", v
    same = _verdict(claim.replace("18", "sekiz"), text, "en")
    assert same.label != "contradicted", same


def test_a_count_beside_another_count_of_other_things_is_no_rival() -> None:
    # "two wars" is not the number of Armenians who left
    text = (
        "Armenia and Azerbaijan fought two wars over Karabakh, in the early 1990s and in 2020. "
        "After Azerbaijan retook the region in a one-day offensive in September 2023, more than "
        "100,000 ethnic Armenians left for Armenia."
    )
    v = _verdict(
        "Eylül 2023'teki operasyonun ardından 100 binden fazla Ermeni Karabağ'dan ayrıldı.",
        text,
        "en",
    )
    assert v.label != "contradicted", v


def test_a_changed_day_against_a_date_without_a_year() -> None:
    text = (
        "Погибли 38 человек. 28 декабря Путин в телефонном разговоре с Алиевым принес "
        "извинения за то, что «трагический инцидент произошел в воздушном пространстве России»."
    )
    claim = (
        'In a phone call on 26 December 2024, Putin apologised to Aliyev that the "tragic '
        'incident" had taken place in Russian airspace.'
    )
    assert _verdict(claim, text, "ru", "en").label == "contradicted"
    assert _verdict(claim.replace("26", "28"), text, "ru", "en").label != "contradicted"


REFERENDUMS = (
    "Центральная избирательная комиссия Казахстана подвела итоги республиканского референдума, "
    "прошедшего 6 октября 2024 года. За строительство атомной электростанции высказались "
    "71,12% участников голосования. На конституционном референдуме 5 июня 2022 года за поправки "
    "проголосовали 77,18% участников при явке 68,05%."
)


def test_a_figure_of_another_year_on_the_page_does_not_support() -> None:
    # 77.18 % was the vote of the 2022 referendum; the claim's is of 2024
    claim = (
        "In Kazakhstan's referendum of 6 October 2024, 77.18 percent of voters backed the "
        "construction of a nuclear power plant."
    )
    v = _verdict(claim, REFERENDUMS, "ru", "en")
    assert v.label != "supported", v
    right = _verdict(claim.replace("77.18", "71.12"), REFERENDUMS, "ru", "en")
    assert right.label == "supported", right


def test_voluntary_against_mandatory_contradicts() -> None:
    text = (
        "The heads of state recommended that member states take the common alphabet into "
        "account in their educational and publishing activities on a voluntary basis."
    )
    claim = (
        "Devlet başkanları, ortak alfabenin üye ülkelerin eğitim ve yayıncılık faaliyetlerinde "
        "zorunlu olarak kullanılmasını kararlaştırmıştır."
    )
    assert _verdict(claim, text, "en").label == "contradicted"
    same = claim.replace("zorunlu olarak", "gönüllü olarak")
    assert _verdict(same, text, "en").label != "contradicted"


def test_made_up_is_a_share_not_a_rise() -> None:
    text = (
        "Gold is the country's most important export: gold exports amounted to about 7.5 "
        "billion US dollars in 2024, or 28 percent of total exports, helped by record prices."
    )
    claim = (
        "Uzbekistan's gold exports of about 7.5 billion dollars in 2024 made up 38 percent of "
        "the country's total exports."
    )
    assert _verdict(claim, text, "en", "en").label == "contradicted"
    assert _verdict(claim.replace("38", "28"), text, "en", "en").label != "contradicted"


def test_the_exact_figure_of_another_name_before_an_approximate_one() -> None:
    text = (
        "The five Central Asian economies grew by an average of about 6 percent in 2024. The "
        "Kyrgyz Republic was again the fastest-growing economy in the region, with real GDP "
        "growth of 9.0 percent, followed by Tajikistan with 8.4 percent, Uzbekistan with 6.5 "
        "percent and Kazakhstan with 4.8 percent."
    )
    claim = "Kazakistan ekonomisi 2024 yılında yüzde 6,5 büyümüştür."
    assert _verdict(claim, text, "en").label == "contradicted"
    assert _verdict(claim.replace("6,5", "4,8"), text, "en").label == "supported"


def test_a_changed_year_is_not_resolved_by_the_same_year_elsewhere() -> None:
    text = (
        "Georgia's governing party adopted a law on foreign influence in May 2024, and in late "
        "2024 the government suspended talks on accession to the European Union until 2028."
    )
    elsewhere = (
        "Kazakhstan plans to generate 15 percent of its electricity from renewables by 2030."
    )
    claim = "Gürcistan, AB üyelik müzakerelerini 2030'a kadar askıya aldı."
    cands = [
        Evidence(text, 0, len(text), "en"),
        Evidence(elsewhere, 900, 900 + len(elsewhere), "en"),
    ]
    v = judge(claim, "tr", cands, SourceMeta(lang="en"))
    assert v.label == "contradicted", v
    right = judge(claim.replace("2030", "2028"), "tr", cands, SourceMeta(lang="en"))
    assert right.label == "supported", right


def test_a_changed_rank_contradicts() -> None:
    text = (
        "Türkmenistan, kanıtlanmış rezervleriyle dünyanın dördüncü büyük doğal gaz rezervine "
        "sahip olmakla birlikte ihracatı büyük ölçüde Çin'e bağlıdır."
    )
    claim = "Turkmenistan holds the world's second-largest natural gas reserves."
    assert _verdict(claim, text, "tr", "en").label == "contradicted"
    assert _verdict(claim.replace("second", "fourth"), text, "tr", "en").label == "supported"


def test_two_small_counts_in_words_are_no_changed_figure() -> None:
    text = (
        "The ministers met in Tashkent on 14 May. More than three working groups were set up "
        "to prepare the railway agreement."
    )
    claim = (
        "Bakanlar Taşkent'te bir araya gelerek demiryolu anlaşmasını hazırlamak için iki "
        "çalışma grubu kurdu."
    )
    assert _verdict(claim, text, "en").label != "contradicted"
    # one side in digits is a figure like any other: "18" against "Eight"
    assert _verdict(claim.replace("iki", "12"), text, "en").label == "contradicted"


def test_counts_in_words_of_the_same_thing_are_a_changed_figure() -> None:
    text = (
        "The two special envoys for normalisation, Serdar Kılıç for Türkiye and Ruben "
        "Rubinyan for Armenia, have met five times since January 2022."
    )
    claim = (
        "The Turkish and Armenian special envoys for normalisation have met seven times "
        "since January 2022."
    )
    assert _verdict(claim, text, "en", "en").label == "contradicted"
    assert _verdict(claim.replace("seven", "five"), text, "en", "en").label == "supported"
    # "two" points back at names already given ("the two countries"): it counts nothing
    text = (
        "Kyrgyz President Sadyr Japarov and Tajik President Emomali Rahmon signed a treaty on "
        "the state border between the three countries of the valley in Bishkek."
    )
    claim = (
        "Kırgızistan Cumhurbaşkanı Sadır Caparov ile Tacikistan Cumhurbaşkanı İmamali Rahman, "
        "Bişkek'te iki ülke arasındaki devlet sınırı antlaşmasını imzalamıştır."
    )
    assert _verdict(claim, text, "en").label != "contradicted"


@pytest.mark.parametrize(
    ("claim", "claim_lang", "text", "lang"),
    [
        # "remains outside" says what "has not been readmitted" says
        ("Türkiye remains outside the F-35 programme, from which it was removed in 2019.", "en",
         "Türkiye has not been readmitted to the F-35 programme, from which it was removed "
         "in 2019.", "en"),
        # "exempt from" is "does not apply to"
        ("Transit goods are exempt from the new EU tariffs on Russian fertiliser.", "en",
         "Die neuen EU-Zölle auf russischen Dünger gelten nicht für Transitwaren.", "de"),
        # the claim's "not before 2027" is the source's "at the earliest in 2027"
        ("Ermenistan'da anayasa referandumunun 2027'den önce yapılması öngörülmemektedir.", "tr",
         "Ein Verfassungsreferendum in Armenien ist frühestens für 2027 geplant.", "de"),
    ],
)  # fmt: skip
def test_words_of_absence_are_no_opposite_of_a_negation(
    claim: str, claim_lang: str, text: str, lang: str
) -> None:
    assert _verdict(claim, text, lang, claim_lang).label != "contradicted"


def test_a_word_of_absence_in_a_later_clause_leaves_the_claim_readable() -> None:
    claim = (
        "Kazakhstan has joined the Western sanctions against Russia, while exempting oil transit."
    )
    text = "Kazakhstan has not joined the Western sanctions against Russia."
    assert _verdict(claim, text, "en", "en").label == "contradicted"


def test_a_count_in_words_is_no_changed_figure_of_a_large_one() -> None:
    # "два" (two years and a half) is another count, not a changed "1.511" km
    text = (
        "Строительство трубопровода КТК от месторождения Тенгиз до Новороссийска началось "
        "в мае 1999 года и было завершено за два с половиной года."
    )
    claim = "Tengiz sahasından Novorossiysk'e uzanan CPC boru hattının uzunluğu 1.511 km'dir."
    assert _verdict(claim, text, "ru").label != "contradicted"


def test_a_claim_denying_what_the_passage_does_not_speak_of_is_not_contradicted() -> None:
    # the passage says the text was initialled; of the signing it says nothing
    claim = (
        "Azerbaycan ile Ermenistan arasındaki barış anlaşmasının metni 8 Ağustos 2025'te "
        "parafe edilmiş, ancak anlaşma henüz imzalanmamıştır."
    )
    text = (
        "Die Außenminister Aserbaidschans und Armeniens paraphierten am 8. August 2025 in "
        "Washington den Text des Friedensabkommens."
    )
    assert _verdict(claim, text, "de").label != "contradicted"
    # ... but a passage that affirms the denied word contradicts it
    signed = "Aserbaidschan und Armenien unterzeichneten am 8. August 2025 das Friedensabkommen."
    assert _verdict(claim, signed, "de").label == "contradicted"


# Figures given to each other's names: a swap contradicts (pairing.py).
TIKA = (
    "In 2024 TIKA carried out 1,004 projects in the five Central Asian countries. "
    "Kyrgyzstan accounted for 312 of them, Uzbekistan for 268 and Kazakhstan for 181."
)
SCHOOLS = (
    "Россия уже построила в Таджикистане пять русскоязычных школ, а в Киргизии строятся ещё девять."
)
HALKBANK = "Die Halkbank ist seit 2015 in Serbien und seit 2012 in Nordmazedonien aktiv."
RAIL = (
    "In 2023 the line carried about 10.4 million tonnes of freight and more than 600,000 "
    "passengers."
)


@pytest.mark.parametrize(
    ("claim", "claim_lang", "text", "lang"),
    [
        ("TİKA 2024 yılında Özbekistan'da 312, Kırgızistan'da ise 268 proje yürütmüştür.", "tr",
         TIKA, "en"),
        ("Russia has built five Russian-language schools in Kyrgyzstan, while nine more are "
         "under construction in Tajikistan.", "en", SCHOOLS, "ru"),
        # a claim of years alone lists them
        ("Halkbank has been active in Serbia since 2012 and in North Macedonia since 2015.",
         "en", HALKBANK, "de"),
    ],
)  # fmt: skip
def test_figures_swapped_between_names_contradict(
    claim: str, claim_lang: str, text: str, lang: str
) -> None:
    v = _verdict(claim, text, lang, claim_lang)
    assert v.label == "contradicted", v
    assert "swapped" in v.reason and any("other way round" in c for c in v.conflicts)


@pytest.mark.parametrize(
    ("claim", "claim_lang", "text", "lang"),
    [
        # the same pairs, in another word order
        ("TİKA 2024 yılında Kırgızistan'da 312, Özbekistan'da ise 268 proje yürütmüştür.", "tr",
         TIKA, "en"),
        ("Russia has built five Russian-language schools in Tajikistan, while nine more are "
         "under construction in Kyrgyzstan.", "en", SCHOOLS, "ru"),
        # no name for each figure: the verb before an English list and after a
        # Turkish one is no label, so the order of words proves nothing
        ("Angren-Pap hattı 2023 yılında yaklaşık 10,4 milyon ton yük ve 600 binden fazla "
         "yolcu taşımıştır.", "tr", RAIL, "en"),
        ("Halkbank has been active in North Macedonia since 2012 and in Serbia since 2015.",
         "en", HALKBANK, "de"),
    ],
)  # fmt: skip
def test_the_same_pairs_in_another_order_are_no_swap(
    claim: str, claim_lang: str, text: str, lang: str
) -> None:
    assert _verdict(claim, text, lang, claim_lang).label != "contradicted"


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        # both negate, different words: no contradiction by parity
        ("The Mongolian state puts no money of its own into Oyu Tolgoi: Rio Tinto carries "
         "the government's share of the costs.",
         "The Government of Mongolia, which owns 34 percent through Erdenes Oyu Tolgoi, does "
         "not contribute to the financing; its share of the costs is carried by Rio Tinto."),
        # "declined invitations" negates by its meaning, as "refused" does
        ("Mongolia has been an observer in the Shanghai Cooperation Organisation since 2004 "
         "and has repeatedly declined invitations to become a full member.",
         "Mongolia does not belong to any military bloc; it participates in the Shanghai "
         "Cooperation Organisation only as an observer, a status it has held since 2004, and "
         "has repeatedly declined invitations to become a full member."),
    ],
)  # fmt: skip
def test_two_negations_of_different_words_are_no_opposite(claim: str, text: str) -> None:
    assert _verdict(claim, text, "en", "en").label != "contradicted"


def test_declined_by_a_figure_is_no_negation() -> None:
    from citecheck.verify.contradiction import implicit_negation

    assert not implicit_negation("Exports declined by 5 percent in 2024.")
    assert implicit_negation("Turkmenistan declined the invitation to join.")


def test_an_opposite_word_of_another_subject_is_no_answer() -> None:
    # "снижается" is said of the EU's share, "rose" of the shipments to Latin America
    claim = (
        "Russian fertiliser shipments to Latin America rose by more than a fifth in the "
        "first half of 2025, the head of the producers' association said."
    )
    share = (
        "Доля стран Евросоюза в поставках снижается, а с 1 июля 2025 года в ЕС действуют "
        "пошлины на российские азотные удобрения."
    )
    rise = (
        "По его словам, за первое полугодие 2025 года отгрузки удобрений в страны "
        "Латинской Америки выросли более чем на 20%."
    )
    passages = [Evidence(t, 0, len(t), "ru") for t in (share, rise)]
    v = judge(claim, "en", passages, SourceMeta(lang="ru"))
    assert v.label != "contradicted", v


def test_a_swap_is_read_where_a_name_stands_once_by_the_figures() -> None:
    # "Shell" twice in the sentence: once by its figure, once after the list (a
    # word of the claim said in the source's sentence too, "Karakum", is a label
    # of its own: it would pin the first figure and hide the swap)
    text = (
        "The venture is owned by Shell (40%), Eni (30%), Petronas (20%) and "
        "Inpex (10%), with Shell acting as operator."
    )
    v = _verdict("Karakum ortaklığında Eni %40, Shell ise %30 paya sahiptir.", text, "en")
    assert v.label == "contradicted" and "swapped" in v.reason, v
    same = "Karakum ortaklığında Shell %40, Eni ise %30 paya sahiptir."
    assert _verdict(same, text, "en").label != "contradicted"


@pytest.mark.parametrize(
    ("claim", "text", "lang"),
    [
        ("Poti limanındaki konteyner elleçlemesi 2024 yılında %9 artmıştır.",
         "Die Containerumschläge im Hafen Poti gingen 2024 nach vorläufigen Angaben um 9 "
         "Prozent zurück.", "de"),
        ("Batum limanına gelen yolcu sayısı 2024 yılında %14 azalmıştır.",
         "Passenger arrivals at the port of Batumi rose 14 percent in 2024.", "en"),
        # a tariff cut against a tariff raised, and the other way round
        ("Gürcistan Demiryolları transit tarifelerini Ocak 2025'ten itibaren yüzde 12 "
         "indirmiştir.",
         "Georgian Railway raised its transit tariffs by 12 percent from January 2025.", "en"),
        ("Gürcistan Demiryolları transit tarifelerini Ocak 2025'ten itibaren yüzde 12 "
         "artırmıştır.",
         "Die georgische Eisenbahn hat ihre Transittarife ab Januar 2025 um 12 Prozent gesenkt.",
         "de"),
    ],
)  # fmt: skip
def test_a_figure_going_the_other_way_contradicts(claim: str, text: str, lang: str) -> None:
    v = _verdict(claim, text, lang)
    assert v.label == "contradicted", v
    assert "other way" in v.reason and any("going" in c for c in v.conflicts)


def test_a_figure_going_the_same_way_is_no_contradiction() -> None:
    text = "Passenger arrivals at the port of Batumi rose 14 percent in 2024."
    claim = "Batum limanına gelen yolcu sayısı 2024 yılında %14 artmıştır."
    assert _verdict(claim, text, "en").label == "supported"


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        # the month of the same year-precise event changed
        ("Kazakistan, Taliban'ı yasaklı örgütler listesinden Aralık 2024'te çıkarmıştır.",
         "Kazakhstan removed the Taliban from its list of banned organisations in December 2023."),
        # a day-precise date beside a year the claim also names ("YEKA GES-2025")
        ("YEKA GES-2025 yarışmaları 23 Eylül 2025'te Ankara'da tamamlanmıştır.",
         "YEKA GES-2025 yarışmaları 23 Ekim 2025 tarihinde Ankara'da tamamlanmıştır."),
    ],
)  # fmt: skip
def test_a_changed_month_or_year_of_the_same_event_contradicts(claim: str, text: str) -> None:
    lang = "tr" if "yarışma" in text else "en"
    assert _verdict(claim, text, lang).label == "contradicted"


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        # the total has no name of its own: the two named figures are read
        ("Kırgızistan 2024 yılında ihraç ettiği 3,1 TWh elektriğin 2,2 TWh'sini Kazakistan'a, "
         "0,9 TWh'sini ise Özbekistan'a satmıştır.",
         "Of its 3.1 TWh of exports, Kyrgyzstan sold 2.2 TWh to Uzbekistan and 0.9 TWh to "
         "Kazakhstan."),
        # two names trade figures while a third keeps its own
        ("Taslak anlaşmada Türkmenistan'a %40, Azerbaycan ve Kazakistan'a ise %30'ar pay "
         "öngörülmektedir.",
         "Under the draft, Azerbaijan would hold 40 percent of the company, and Turkmenistan "
         "and Kazakhstan 30 percent each."),
    ],
)  # fmt: skip
def test_names_that_trade_figures_contradict(claim: str, text: str) -> None:
    v = _verdict(claim, text, "en")
    assert v.label == "contradicted" and "swapped" in v.reason, v


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        ("Kırgızistan 2024 yılında ihraç ettiği 3,1 TWh elektriğin 2,2 TWh'sini Özbekistan'a, "
         "0,9 TWh'sini ise Kazakistan'a satmıştır.",
         "Of its 3.1 TWh of exports, Kyrgyzstan sold 2.2 TWh to Uzbekistan and 0.9 TWh to "
         "Kazakhstan."),
        ("Taslak anlaşmada Azerbaycan'a %40, Türkmenistan ve Kazakistan'a ise %30'ar pay "
         "öngörülmektedir.",
         "Under the draft, Azerbaijan would hold 40 percent of the company, and Turkmenistan "
         "and Kazakhstan 30 percent each."),
    ],
)  # fmt: skip
def test_names_that_keep_their_figures_are_no_swap(claim: str, text: str) -> None:
    assert _verdict(claim, text, "en").label != "contradicted"


ROADMAP = "In January 2023 the three governments signed a roadmap for Kambarata-1 in Bishkek."


def test_the_place_of_an_event_is_read_before_where_something_goes() -> None:
    text = (
        "Uzbekistan, Afghanistan and Pakistan signed the framework agreement in Tashkent on "
        "Thursday; the line would run from Termez to Peshawar."
    )
    claim = (
        "The framework agreement was signed by Uzbekistan, Afghanistan and Pakistan in Islamabad."
    )
    v = _verdict(claim, text, "en", "en")
    assert v.label == "contradicted" and any("Tashkent" in c for c in v.conflicts), v


def test_an_event_placed_in_another_city_contradicts() -> None:
    claim = "Kambarata-1 projesine ilişkin yol haritası Ocak 2023'te Taşkent'te imzalanmıştır."
    v = _verdict(claim, ROADMAP, "en")
    assert v.label == "contradicted" and "another city" in v.reason, v
    assert any("Taşkent" in c and "Bishkek" in c for c in v.conflicts)
    same = claim.replace("Taşkent'te", "Bişkek'te")
    assert _verdict(same, ROADMAP, "en").label == "supported"


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        # two places in the claim: the source naming one of them is no other place
        ("SOFAZ'ın altınları Londra'da ve Bakü'de saklanmaktadır.",
         "The Fund's gold is stored in the vaults of the Bank of England and in Baku."),
        # the source names the claim's city elsewhere in the passage
        ("Bakanlar anlaşmayı Taşkent'te imzalamıştır.",
         "Today in Tashkent the ministers signed the agreement. The joint company will be "
         "registered in Bishkek."),
        # another date: another event, not the claim's in another place
        ("Kambarata-1 yol haritası Mart 2024'te Taşkent'te imzalanmıştır.", ROADMAP),
        # the source's city is the claim's too, named otherwise ("the Ashgabat summit")
        ("At the Ashgabat summit the leaders agreed to hold the next summit in Tehran.",
         "The leaders met in Ashgabat on 29 June 2022."),
    ],
)  # fmt: skip
def test_no_other_place_without_one_event_and_one_city(claim: str, text: str) -> None:
    v = _verdict(claim, text, "en")
    assert "another city" not in v.reason, v


def test_an_event_dated_otherwise_in_its_sentence_contradicts() -> None:
    text = (
        "Traditional Georgian qvevri winemaking was inscribed on UNESCO's list of the "
        "Intangible Cultural Heritage of Humanity in 2013."
    )
    claim = (
        "Georgian qvevri winemaking was inscribed on UNESCO's list of the Intangible "
        "Cultural Heritage of Humanity in 2015."
    )
    # the claim's year is on the page, of something else: it resolves no conflict
    # of the sentence that states the inscription
    other = "In 2015 Georgian qvevri winemaking was shown at UNESCO's heritage fair in Paris."
    passages = [Evidence(text, 0, len(text), "en"), Evidence(other, 200, 200 + len(other), "en")]
    v = judge(claim, "en", passages, SourceMeta(lang="en"))
    assert v.label == "contradicted" and "another time" in v.reason, v
    assert _verdict(claim.replace("2015", "2013"), text, "en", "en").label == "supported"
    # a target year is no other date of an event
    plan = "The list will be reviewed by 2030, the committee decided in December 2024."
    claim = "The committee reviewed the list in 2030."
    assert "another time" not in _verdict(claim, plan, "en", "en").reason


def test_figures_given_for_a_date_changed_in_one_part_contradict() -> None:
    text = (
        "Raporda, 6 Şubat 2023 tarihinde meydana gelen 7,7 ve 7,6 büyüklüğündeki iki depremin "
        "on bir ili etkilediği hatırlatılmaktadır."
    )
    claim = "The report recalls that the magnitude 7.7 and 7.6 earthquakes struck on 6 March 2023."
    v = _verdict(claim, text, "tr", "en")
    assert v.label == "contradicted" and "another time" in v.reason, v
    assert any("6 March 2023" in c and "6 Şubat 2023" in c for c in v.conflicts)
    right = _verdict(claim.replace("March", "February"), text, "tr", "en")
    assert right.label in ("supported", "partially_supported")
    # a date changed in two parts is another date, not this event's
    other = claim.replace("6 March 2023", "9 March 2024")
    assert _verdict(other, text, "tr", "en").label != "contradicted"


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        (
            "Kazakistan Temir Yolları, demiryolu sendikasıyla üç yıllık toplu sözleşmeyi Mart "
            "2023'te imzalamıştır.",
            "Kazakhstan Temir Zholy signed a new three-year collective agreement with the railway "
            "workers' union in March 2024.",
        ),
        (
            "Pakistan Türkiye'den 2019 yılında dört korvet sipariş etti.",
            "Pakistan ordered four corvettes from Türkiye in 2018, the ministry said.",
        ),
    ],
)
def test_figures_given_for_another_year_or_month_contradict(claim: str, text: str) -> None:
    # the claim's figures all said of one other year or month the passage sets
    # against the claim's (before session 17: "given for a different entity")
    v = _verdict(claim, text, "en")
    assert v.label == "contradicted" and "another time" in v.reason, v


def test_a_target_year_the_passage_does_not_set_against_is_no_other_time() -> None:
    claim = "Özbekistan, 2030 yılına kadar 2 milyon hektar yeni orman oluşturmayı planlamaktadır."
    text = "Since 2018 Uzbekistan has planted 2 million hectares of saxaul on the dry Aral seabed."
    assert _verdict(claim, text, "en").label != "contradicted"


def test_a_compound_with_free_is_no_affirmation_to_contradict() -> None:
    text = (
        "Beneficiaries pay for their homes in instalments over 20 years, with no interest "
        "and a two-year grace period; the state covers half the cost."
    )
    claim = "Owners repay their new homes interest-free over 20 years, and the state covers half."
    assert _verdict(claim, text, "en", "en").label != "contradicted"


def test_figures_swapped_between_what_they_count_contradict() -> None:
    text = (
        "The Kars–Dilucu railway will be 224 kilometres long. The design capacity is 5.5 "
        "million passengers and 15 million tonnes of freight a year."
    )
    swapped = (
        "Kars-Dilucu demiryolunun yıllık tasarım kapasitesinin 15 milyon yolcu ve 5,5 milyon "
        "ton yük olduğu ifade edilmiştir."
    )
    v = _verdict(swapped, text, "en")
    assert v.label == "contradicted" and "each other" in v.reason, v
    kept = swapped.replace("15 milyon yolcu ve 5,5 milyon ton", "5,5 milyon yolcu ve 15 milyon ton")
    assert _verdict(kept, text, "en").label != "contradicted"
    grant = "The money consists of a $200 million grant and a $150 million concessional credit."
    claim = "Finansmanın 150 milyon doları hibe, 200 milyon doları ise kredi olarak sağlanacaktır."
    assert _verdict(claim, grant, "en").label == "contradicted"
    right = "Finansmanın 200 milyon doları hibe, 150 milyon doları ise kredi olarak sağlanacaktır."
    assert _verdict(right, grant, "en").label != "contradicted"


def test_rather_than_negates_without_a_cue() -> None:
    text = (
        "Türkmenistan, daimi tarafsızlık statüsü nedeniyle Türk Devletleri Teşkilatı'nın tam "
        "üyesi değildir; ülke 2021 yılından bu yana teşkilatta gözlemci statüsündedir."
    )
    claim = (
        "Because of its permanent neutrality, Turkmenistan has been an observer rather than "
        "a full member of the Organization of Turkic States since 2021."
    )
    assert _verdict(claim, text, "tr", "en").label != "contradicted"


def test_a_duration_in_other_units_is_no_changed_figure() -> None:
    text = (
        "Construction is scheduled to take 36 months, and the terminal is designed to handle "
        "6 million passengers a year, a Limak statement said."
    )
    claim = (
        "Trablus'taki yeni terminalin inşaatının üç yılda tamamlanması ve terminalin yılda "
        "6 milyon yolcuya hizmet vermesi planlanmaktadır."
    )
    assert _verdict(claim, text, "en").label != "contradicted"
    changed = "Construction is scheduled to take 48 months, and the terminal will handle 9 million."
    assert _verdict("The terminal will take 36 months to build.", changed, "en", "en").label == (
        "contradicted"
    )


def test_a_figure_said_in_one_name_of_a_list_is_not_the_name_before() -> None:
    # "774 km in Afghanistan and 826 km in Pakistan": 826 is Pakistan's
    text = (
        "The planned line is 1,814 km long: 214 km in Turkmenistan, 774 km in Afghanistan "
        "and 826 km in Pakistan."
    )
    owner = next(e for e in extract_entities("826 km cross Afghanistan.", "en"))
    figures = {q.value: q for q in extract_quantities(text, "en")}
    assert said_of(owner, {owner.key}, figures[826], text, "en") == "Pakistan"
    assert said_of(owner, {owner.key}, figures[774], text, "en") == "owner"


def test_a_negating_claim_is_not_contradicted_by_a_source_that_negates_in_other_words() -> None:
    # "rather than adopt" says "will not adopt"; "nicht gegründet" stands
    # beside the sentence that decides: neither affirms what the claim denies
    text = (
        "In the Netherlands, the House of Representatives adopted a motion on 22 February 2018 "
        "by 142 votes to 3, while the Dutch government declared that it would keep its own term "
        "rather than adopt the parliament's wording."
    )
    claim = (
        "Hollanda Temsilciler Meclisi 22 Şubat 2018'de 3'e karşı 142 oyla bir önerge kabul "
        "etmiş, ancak Hollanda hükümeti meclisin ifadesini benimsemeyeceğini açıklamıştır."
    )
    assert _verdict(claim, text, "en").label != "contradicted"
    text = (
        "Im Mittelpunkt stand der Verband der serbischen Gemeinden, den Kosovo bereits 2013 "
        "zugesagt hatte. Der Verband, der die zehn mehrheitlich serbischen Gemeinden vereinen "
        "soll, ist bis heute nicht gegründet worden."
    )
    claim = (
        "Kosova'nın 2013 yılında taahhüt ettiği ve on Sırp çoğunluklu belediyeyi bir araya "
        "getirmesi öngörülen Sırp Belediyeler Birliği hâlâ kurulmamıştır."
    )
    assert _verdict(claim, text, "de").label != "contradicted"


def test_off_its_agenda_negates_without_a_cue() -> None:
    from citecheck.verify.contradiction import implicit_negation

    assert implicit_negation("The cabinet said it would keep EU membership talks off its agenda.")
    assert not implicit_negation("The cabinet put EU membership talks on its agenda.")


def test_a_ranking_gives_each_figure_to_the_name_after_followed_by() -> None:
    # "Iraq … 38 percent, followed by Syria with 11 percent": 38 % is Iraq's,
    # Syria's is 11 % ("followed by" is neither a rise nor the name's preposition)
    text = (
        "In 2022 Turkish wheat flour exports reached 3.55 million tonnes, worth 1.47 billion US "
        "dollars. Iraq was the largest destination in 2022, taking 38 percent of the volume, "
        "followed by Syria with 11 percent and Yemen with 9 percent."
    )
    claim = (
        "Türkiye'nin un ihracatı 2022'de 3,55 milyon ton ve 1,47 milyar dolara ulaşmış, en büyük "
        "pazar ihracatın %38'ini alan Suriye olmuştur."
    )
    v = _verdict(claim, text, "en")
    assert v.label == "contradicted"
    assert any("11 percent" in c for c in v.conflicts)
    assert _verdict(claim.replace("Suriye", "Irak"), text, "en").label == "supported"


def test_the_claims_other_name_after_followed_by_leaves_a_swap_to_read() -> None:
    # 19.8 stands with Turkiye, a name of the claim: not Georgia's, and the
    # two figures are read as traded between Russia and Turkiye
    text = (
        "Russia remained the largest destination of non-oil exports with 31.6 percent, "
        "followed by Turkiye with 19.8 percent and Georgia with 9.1 percent."
    )
    claim = "Petrol dışı ihracatta Rusya'nın payı %19,8, Türkiye'nin payı ise %31,6 olmuştur."
    v = _verdict(claim, text, "en")
    assert v.label == "contradicted"
    assert "swapped" in v.reason


def test_a_count_before_a_comma_does_not_count_the_name_after_it() -> None:
    # "İran'ın 3,5 milyon, Türkiye'nin ise 2,9 milyon": 3,5 milyon is Iran's,
    # though Türkiye follows it within three characters
    text = (
        "Raporda İran'ın 3,5 milyon, Türkiye'nin ise 2,9 milyon mülteci barındırdığı "
        "belirtilmiştir."
    )
    claim = "Türkiye 3,5 milyon mülteci barındırmaktadır."
    owner = next(e for e in extract_entities(claim, "tr") if e.key == "turkey")
    figures = {q.value: q for q in extract_quantities(text, "tr")}
    assert said_of(owner, {owner.key}, figures[3.5e6], text, "tr") == "İran"
    assert said_of(owner, {owner.key}, figures[2.9e6], text, "tr") == "owner"
    assert _verdict(claim, text, "tr").label == "contradicted"


def test_a_german_nicht_that_ends_a_long_clause_negates_it() -> None:
    text = (
        "Im April 2025 meldete das kasachische Industrieministerium einen großen Fund seltener "
        "Erden im Gebiet Karaganda. Eine Förderung seltener Erden im industriellen Maßstab gibt "
        "es in Kasachstan bislang nicht."
    )
    claim = "Kazakhstan already mines rare earth elements on an industrial scale."
    assert _verdict(claim, text, "de", "en").label == "contradicted"
    # "nicht" inside the clause, before what it negates, is read as before
    from citecheck.verify.checks import _clause_final

    inside = "Die Türkei hat die Sanktionen nicht übernommen, sagte er."
    cue = (inside.index("nicht"), inside.index("nicht") + 5, "nicht")
    assert _clause_final(inside, cue, inside.index(","))
    assert not _clause_final(inside, cue, len(inside))


def test_a_changed_tranche_approved_in_german_contradicts() -> None:
    # "bewilligt" is approved and "Tranche" a "dilim": the words that make the
    # two figures one measure
    text = (
        "Die Weltbank hat im Dezember 2024 eine erste Tranche von 350 Millionen Dollar "
        "bewilligt; weitere Geber sind die Asiatische Infrastruktur-Investmentbank."
    )
    claim = (
        "Dünya Bankası Aralık 2024'te Rogun projesi için ilk dilim olarak 530 milyon dolar "
        "onaylamıştır."
    )
    assert _verdict(claim, text, "de").label == "contradicted"
    assert _verdict(claim.replace("530", "350"), text, "de").label != "contradicted"


def test_the_ebrd_and_the_eib_trading_figures_contradict() -> None:
    # "Avrupa Yatırım Bankası" is the EIB, a name of its own, not "Avrupa"
    text = (
        "Of the total, the EBRD indicated up to EUR 1.5 billion and the EIB up to EUR 1.47 "
        "billion for corridor projects; the remainder comes from other Team Europe members."
    )
    claim = (
        "Forumda EBRD'nin 1,47 milyar avroya, Avrupa Yatırım Bankası'nın ise 1,5 milyar avroya "
        "kadar kaynak ayıracağı bildirilmiştir."
    )
    assert _verdict(claim, text, "en").label == "contradicted"
    kept = claim.replace("1,47", "X").replace("1,5 ", "1,47 ").replace("X", "1,5")
    assert _verdict(kept, text, "en").label != "contradicted"


@pytest.mark.parametrize(
    ("claim", "claim_lang", "text", "lang"),
    [
        # "cutting" is the claim's "cut": the source's "raise" answers "lift"
        (
            "Uzbekistan has pledged to cut the emissions intensity of its GDP by 35 percent by "
            "2030 and to lift renewables to 40 percent of power generation.",
            "en",
            "Uzbekistan has committed to cutting greenhouse gas emissions per unit of GDP by 35 "
            "percent by 2030, and aims to raise the share of renewables in power generation to "
            "40 percent by the same year.",
            "en",
        ),
        # "vetosunu" is a veto the claim says too: the source's "Veto" is no opposite
        (
            "Gürcistan Parlamentosu, Cumhurbaşkanı Salome Zurabişvili'nin vetosunu 84 oyla "
            "aşarak yasayı nihai olarak kabul etmiştir.",
            "tr",
            "Das georgische Parlament hat das Gesetz endgültig beschlossen. Die Abgeordneten "
            "überstimmten das Veto von Präsidentin Salome Surabischwili mit 84 Stimmen.",
            "de",
        ),
    ],
)
def test_a_word_the_claim_says_itself_is_no_opposite(
    claim: str, claim_lang: str, text: str, lang: str
) -> None:
    assert _verdict(claim, text, lang, claim_lang).label != "contradicted"


def test_a_negation_beside_a_word_that_qualifies_a_figure_is_no_contradiction() -> None:
    """Step 4b: "did not disclose the total investment" does not negate a claim
    whose "toplam" qualifies its capacity (measures.FIGURE_QUALIFIERS)."""
    first = (
        "TASHKENT, May 9 (CAW) - Uzbekistan's Ministry of Energy on Friday announced the "
        "winners of its latest renewable energy auction, awarding three projects with a "
        "combined capacity of 1.5 gigawatts."
    )
    second = "The ministry did not disclose the total investment value of the three projects."
    claim = (
        "Özbekistan Enerji Bakanlığı'nın 9 Mayıs 2025'te sonuçlarını açıkladığı yenilenebilir "
        "enerji ihalesinde toplam 1,5 GW kapasiteli üç proje için kazananlar belirlenmiştir."
    )
    candidates = [
        Evidence(first, 0, len(first), "en"),
        Evidence(second, 500, 500 + len(second), "en"),
    ]
    v = judge(claim, "tr", candidates, SourceMeta(lang="en"))
    assert v.label != "contradicted", v


def test_a_duration_in_days_is_no_changed_duration_in_hours() -> None:
    """Step 3b: "one to two days" is "24–48 часов" said in hours, not a changed figure."""
    text = (
        "Кроме того, Москва предложила объявить короткие перемирия на 24–48 часов на линии "
        "соприкосновения для эвакуации раненых и тел погибших."
    )
    claim = (
        "Moscow proposed brief truces of one to two days along the front line so that the "
        "wounded and the dead could be evacuated."
    )
    v = _verdict(claim, text, "ru", "en")
    assert v.label != "contradicted", v


CEMENT = (
    "Cement exports reached 31.2 million tonnes in 2024, up from 28.6 million tonnes in 2023, "
    "the producers' association said."
)


@pytest.mark.parametrize(
    ("claim", "lang"),
    [
        ("Çimento ihracatı 2024 yılında 28,6 milyon tona ulaşmıştır.", "tr"),
        ("Cement exports reached 31.2 million tonnes in 2023.", "en"),
    ],
)
def test_a_figure_of_another_year_in_the_same_sentence_contradicts(claim: str, lang: str) -> None:
    v = _verdict(claim, CEMENT, "en", lang)
    assert v.label == "contradicted", v
    assert any("for 2023" in c or "for 2024" in c for c in v.conflicts), v.conflicts


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        # each figure beside its year in one stretch, after it ...
        ("Çimento ihracatı 2024 yılında 28,6 milyon ton olmuştur.",
         "Cement exports were 28.6 million tonnes in 2023 and 31.2 million tonnes in 2024."),
        ("Primary output at the smelter fell to 118,000 tonnes in 2023.",
         "Primary production fell to 118,000 tonnes in 2022 from 134,000 tonnes in 2021, then "
         "recovered to 131,000 tonnes in 2023."),
        # ... or before it
        ("Cement exports reached 28.6 million tonnes in 2024.",
         "Çimento ihracatı 2023'te 28,6 milyon ton iken 2024'te 31,2 milyon tona çıktı."),
        # a claim of two years with their figures swapped
        ("Orta Doğu'nun Türk çimento ihracatındaki payı 2015'te %17 iken 2024'te %44'e "
         "yükselmiştir.",
         "In 2015 the Middle East (Iraq, Syria, Israel) took 44 percent of Turkish cement "
         "exports; in 2024 its share "
         "was 17 percent."),
    ],
)  # fmt: skip
def test_a_figure_paired_with_another_year_in_one_stretch_contradicts(
    claim: str, text: str
) -> None:
    lang = "tr" if "ç" in text else "en"
    v = _verdict(claim, text, lang, "tr" if "ı" in claim else "en")
    assert v.label == "contradicted" and "another year" in v.reason, v


def test_a_bracketed_abbreviation_does_not_part_a_figure_from_its_year() -> None:
    text = (
        "Uzbekistan produced 47.3 billion cubic metres (bcm) of natural gas in 2024, 4.1% less "
        "than the 49.3 bcm produced in 2023."
    )
    v = _verdict("Uzbekistan produced 49.3 bcm of natural gas in 2024.", text, "en", "en")
    assert v.label == "contradicted" and "for 2023" in " ".join(v.conflicts), v
    right = _verdict("Uzbekistan produced 47.3 bcm of natural gas in 2024.", text, "en", "en")
    assert right.label == "supported", right


def test_a_figure_of_a_year_earlier_is_another_years() -> None:
    text = "Exports reached 31.2 million tonnes in 2024, compared with 28.6 million a year earlier."
    v = _verdict("Çimento ihracatı 2024 yılında 28,6 milyon tona ulaşmıştır.", text, "en")
    assert v.label == "contradicted" and "a year earlier" in " ".join(v.conflicts), v
    right = _verdict("Çimento ihracatı 2024 yılında 31,2 milyon tona ulaşmıştır.", text, "en")
    assert right.label == "supported", right


def test_a_figure_of_another_year_counts_when_the_page_names_the_claims_subject_beside_it() -> None:
    # the deciding sentence says "regional"; the passage read with it names Central Asia
    growth = (
        "The review expects regional growth of around 5.5% in 2025, slightly below the 6.1% "
        "recorded in 2024."
    )
    intro = "This annual review covers economic developments in Central Asia during 2024."
    cands = [Evidence(growth, 0, len(growth), "en"), Evidence(intro, 400, 400 + len(intro), "en")]
    claim = "The review expects Central Asia's economy to grow by around 6.1% in 2025."
    v = judge(claim, "en", cands, SourceMeta(lang="en"))
    assert v.label == "contradicted" and "for 2024" in " ".join(v.conflicts), v


TRADE_SHARES = (
    "The EU bought 41.2 percent of Türkiye's exports in 2024, while 33.8 percent of "
    "Türkiye's imports came from the Union."
)


@pytest.mark.parametrize(
    "claim",
    [
        "The EU bought 33.8 percent of Türkiye's exports in 2024.",
        "Türkiye'nin 2024'teki ithalatının yüzde 41,2'si AB'den gelmiştir.",
    ],
)
def test_a_figure_the_source_gives_for_another_word_contradicts(claim: str) -> None:
    lang = "en" if claim.startswith("The") else "tr"
    v = _verdict(claim, TRADE_SHARES, "en", lang)
    assert v.label == "contradicted" and "something else" in v.reason, v


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        # the claim's figure with the claim's word
        ("The EU bought 41.2 percent of Türkiye's exports in 2024.", TRADE_SHARES),
        # the claim's word with both figures: whose it is cannot be read
        ("The EU bought 33.8 percent of Türkiye's exports in 2024.",
         "Exports to the EU were 41.2 percent in 2024 and exports to Asia 33.8 percent."),
    ],
)  # fmt: skip
def test_no_figure_of_another_word_without_the_word_elsewhere(claim: str, text: str) -> None:
    v = _verdict(claim, text, "en", "en")
    assert "something else" not in v.reason, v


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        # the claim states both figures: it changes nothing
        ("Çimento ihracatı 2023'teki 28,6 milyon tondan 2024'te 31,2 milyon tona çıkmıştır.",
         CEMENT),
        # the claim's figure is the claim year's
        ("Çimento ihracatı 2024 yılında 31,2 milyon tona ulaşmıştır.", CEMENT),
        # the claim pairs its two figures with their years as the source does
        ("Çimento ihracatı 2023'te 28,6 milyon ton iken 2024'te 31,2 milyon tona çıkmıştır.",
         "Cement exports were 28.6 million tonnes in 2023 and 31.2 million tonnes in 2024."),
    ],
)  # fmt: skip
def test_no_figure_of_another_year_without_a_pairing_of_both(claim: str, text: str) -> None:
    assert _verdict(claim, text, "en").label != "contradicted"


def test_years_listed_apart_from_their_figures_pair_none() -> None:
    # "respectively" pairs them by order, which the step does not read (the
    # changed figure in the sentence is another step's finding)
    text = "Cement exports in 2023 and 2024 were 28.6 and 31.2 million tonnes respectively."
    v = _verdict("Çimento ihracatı 2024 yılında 28,6 milyon ton olmuştur.", text, "en")
    assert "another year" not in v.reason, v


# Stretches of the sentence between commas and conjunctions give each figure its
# labels where neither text reads on one side (pairing._crossed_stretches), in
# two sentences side by side too.
GRAIN_PORTS = (
    "Wheat loaded at Aktau in 2024 reached 410,000 tonnes. Barley shipped through Kuryk came "
    "to 95,000 tonnes. Officials gave no figure for maize."
)


@pytest.mark.parametrize(
    "claim",
    [
        "Aktau'dan 95 bin ton buğday ve Kuryk'tan 410 bin ton arpa sevk edilmiştir.",
        # the converb of contrast parts the two figures as "ve" does
        "Aktau'dan 95 bin ton buğday yüklenirken Kuryk'tan 410 bin ton arpa sevk edilmiştir.",
        # and so does "olup" ("being …, and")
        "Aktau'dan yüklenen buğday 95 bin ton olup Kuryk'tan sevk edilen arpa 410 bin tondur.",
    ],
)
def test_figures_swapped_between_the_stretches_of_two_sentences_contradict(claim: str) -> None:
    v = _verdict(claim, GRAIN_PORTS, "en")
    assert v.label == "contradicted" and "swapped" in v.reason, v


@pytest.mark.parametrize(
    "claim",
    [
        # each figure with its own labels
        "Aktau'dan 410 bin ton buğday ve Kuryk'tan 95 bin ton arpa sevk edilmiştir.",
        "Aktau'dan 410 bin ton buğday yüklenirken Kuryk'tan 95 bin ton arpa sevk edilmiştir.",
        "Aktau'dan yüklenen buğday 410 bin ton olup Kuryk'tan sevk edilen arpa 95 bin tondur.",
        # "ve" joins the names before the figures: no stretch holds one name alone
        "Aktau ve Kuryk limanlarından 410 bin ton ve 95 bin ton tahıl yüklenmiştir.",
    ],
)
def test_figures_kept_with_their_stretches_are_no_swap(claim: str) -> None:
    assert _verdict(claim, GRAIN_PORTS, "en").label != "contradicted"


# Two names that trade figures both ways across two sentences were swapped
# (pairing._crossed_stretches), the sentence's subject aside; "sahipken" parts
# the claim's figures as "-rken" does; a company's name that opens with a common
# word ("TotalEnergies": total) is a name.
STAKES = (
    "An Jamal LNG hält der russische Konzern Nowatek 50,1 Prozent. Der französische "
    "Energiekonzern TotalEnergies ist mit 20 Prozent beteiligt."
)


def test_names_traded_both_ways_across_two_sentences_contradict() -> None:
    claim = "Yamal LNG projesinde TotalEnergies %50,1 paya sahipken Novatek'in payı %20'dir."
    v = _verdict(claim, STAKES, "de")
    assert v.label == "contradicted" and "swapped" in v.reason, v


def test_names_kept_with_their_figures_are_no_swap() -> None:
    claim = "Yamal LNG projesinde Novatek %50,1 paya sahipken TotalEnergies'in payı %20'dir."
    assert _verdict(claim, STAKES, "de").label != "contradicted"


ZONES = (
    "Enerjisa Üretim won two zones with a combined 450 MW, while Kalyon Enerji won the "
    "250 MW Kayseri zone, according to the ministry's statement."
)


def test_a_small_count_beside_a_figure_does_not_hide_a_swap() -> None:
    # "two zones" shares the 450 MW's stretch; read without it, the names trade figures
    claim = (
        "In the auction, Kalyon Enerji won two zones totalling 450 MW, while Enerjisa "
        "Üretim took the 250 MW Kayseri zone."
    )
    v = _verdict(claim, ZONES, "en", "en")
    assert v.label == "contradicted" and "swapped" in v.reason, v
    right = claim.replace("Kalyon Enerji", "X").replace("Enerjisa Üretim", "Kalyon Enerji")
    right = right.replace("X", "Enerjisa Üretim")
    assert _verdict(right, ZONES, "en", "en").label != "contradicted"


def test_a_company_name_opening_the_claim_is_read_as_a_name() -> None:
    # "ExxonMobil" opens the sentence; without it as a name the two shares had
    # one name to pair with and no swap was seen
    text = (
        "TCO's partners are Chevron (50 percent), ExxonMobil (25 percent) and LukArco (5 percent)."
    )
    claim = (
        "ExxonMobil is the largest shareholder in Tengizchevroil with 50 percent, "
        "ahead of Chevron with 25 percent."
    )
    v = _verdict(claim, text, "en", "en")
    assert v.label == "contradicted" and "swapped" in v.reason, v


def test_a_figure_ten_times_off_is_no_changed_figure() -> None:
    # a workforce the page does not give, against the reactors' unit numbers
    # (comparison.RIVAL_FACTOR): a partial claim, not a changed figure
    claim = "Santralin iki reaktörü 2.400 megavat gücünde olacak, inşaatta 6.000 kişi çalışacaktır."
    text = "The plant's two reactors, units 5 and 6, will have a combined capacity of 2,400 MW."
    assert _verdict(claim, text, "en").label == "partially_supported"


def test_a_changed_figure_within_the_rival_factor_still_contradicts() -> None:
    text = "The plant's two reactors will have a combined capacity of 2,400 MW."
    claim = "Santralin iki reaktörü toplam 3.600 megavat gücünde olacaktır."
    assert _verdict(claim, text, "en").label == "contradicted"


SEASONAL = (
    "The United Kingdom's Seasonal Worker scheme has become the most visible alternative: "
    "11,400 Kyrgyz and 9,800 Uzbek nationals received seasonal worker visas in 2024, while "
    "Tajik citizens received fewer than 1,000."
)


def test_a_figure_of_another_name_in_the_same_sentence_contradicts() -> None:
    claim = (
        "İngiltere'nin mevsimlik işçi vizesi alan Kırgız vatandaşlarının sayısı 2024'te 9.800'dür."
    )
    v = _verdict(claim, SEASONAL, "en")
    assert v.label == "contradicted", v
    assert any("9,800 to Uzbek and 11,400 to Kırgız" in c for c in v.conflicts), v.conflicts
    right = _verdict(claim.replace("9.800", "11.400"), SEASONAL, "en")
    assert right.label != "contradicted", right


def test_a_figure_of_the_name_that_opens_the_sentence_contradicts() -> None:
    # "Tengiz" opens the sentence: no name by capitals alone (pairing.opening_name)
    text = (
        "Tengiz accounted for roughly 41 percent of national crude oil production in 2024, "
        "while Karachaganak supplied a further 12 percent."
    )
    claim = (
        "2024 yılında ulusal ham petrol üretiminin yüzde 41'ini Karaçağanak sahası karşılamıştır."
    )
    v = _verdict(claim, text, "en")
    assert v.label == "contradicted", v
    assert any("41 percent to Tengiz" in c for c in v.conflicts), v.conflicts
    assert _verdict(claim.replace("41'ini", "12'sini"), text, "en").label == "supported"


@pytest.mark.parametrize(
    ("claim", "text", "lang", "owner"),
    [
        ("Deprem bölgesinde en yüksek DASK ödemesini 11,4 milyar lira ile Kahramanmaraş "
         "almıştır.",
         "Hatay accounted for the largest share of payments, 11.4 billion lira, followed by "
         "Kahramanmaraş with 7.9 billion lira and Malatya with 4.6 billion lira.", "en", "Hatay"),
        ("Rusya'nın ithal lastik pazarında Türkiye'nin payı %62'dir.",
         "Доля Китая на российском рынке импортных шин, по данным ассоциации, составляет около "
         "62%, доля Турции - 14%.", "ru", "Китая"),
    ],
)  # fmt: skip
def test_a_first_figure_set_off_by_commas_is_the_opening_names(
    claim: str, text: str, lang: str, owner: str
) -> None:
    v = _verdict(claim, text, lang)
    assert v.label == "contradicted" and f"to {owner}" in " ".join(v.conflicts), v


def test_the_opening_name_owns_no_date() -> None:
    text = (
        "Turkish President Recep Tayyip Erdogan travels to Sochi on Monday, 4 September 2023, "
        "for his first meeting with Vladimir Putin since Russia left the grain deal on 17 July."
    )
    claim = "Erdoğan ve Putin, 4 Eylül 2023'te Soçi'de bir anlaşma imzalamıştır."
    assert "another name" not in _verdict(claim, text, "en").reason


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        # the name before the sentence's first figure frames them all
        ("Kırgızistan 2024'te 2,9 TWh elektrik ithal etmiştir.",
         "In 2024 Kyrgyzstan produced 15.2 TWh of electricity and consumed 18.1 TWh, covering "
         "the gap with imports of 2.9 TWh from Kazakhstan, Turkmenistan, Uzbekistan and Russia."),
        # a part of a total: the claim's names stand with the part
        ("Türkiye 2024'te Rusya'dan 21,2 milyar metreküp gaz ithal etmiştir.",
         "Of the 52.3 bcm of gas Türkiye imported in 2024, 21.2 bcm came from Russia through "
         "TurkStream and Blue Stream combined."),
    ],
)  # fmt: skip
def test_a_framing_name_or_a_part_is_no_other_names_figure(claim: str, text: str) -> None:
    assert _verdict(claim, text, "en").label != "contradicted"


def test_the_name_a_claim_cites_is_not_its_subject() -> None:
    text = "Die Türkei hat sich den westlichen Sanktionen gegen Russland nicht angeschlossen."
    claim = (
        "According to the German broadcaster, Türkiye has joined the Western sanctions on Russia."
    )
    assert _verdict(claim, text, "de", "en").label == "contradicted"


def test_a_date_of_another_name_in_the_same_sentence_contradicts() -> None:
    text = (
        "Greece concluded an agreement with Italy on 9 June 2020 and a partial agreement on "
        "the delimitation of exclusive economic zones with Egypt on 6 August 2020."
    )
    claim = (
        "Yunanistan, Mısır ile kısmi münhasır ekonomik bölge sınırlandırma anlaşmasını "
        "9 Haziran 2020'de imzalamıştır."
    )
    v = _verdict(claim, text, "en")
    assert v.label == "contradicted", v
    right = _verdict(claim.replace("9 Haziran", "6 Ağustos"), text, "en")
    assert right.label != "contradicted", right


CONTRACT = (
    "Об этом сообщили турецкая компания BOTAŞ и государственный концерн «Туркменгаз». "
    "Контракт был подписан 11 февраля 2025 года в Ашхабаде."
)


def test_the_sentence_that_dates_the_event_places_it() -> None:
    # the names drew the passage to its first sentence; the date and the city
    # stand in the second
    claim = (
        "BOTAŞ ile Türkmengaz arasındaki gaz tedarik sözleşmesinin 11 Şubat 2025'te "
        "Ankara'da imzalandığı belirtilmektedir."
    )
    v = _verdict(claim, CONTRACT, "ru")
    assert v.label == "contradicted" and "another city" in v.reason, v
    assert _verdict(claim.replace("Ankara'da", "Aşkabat'ta"), CONTRACT, "ru").label == "supported"


def test_a_year_of_another_event_does_not_place_the_claims() -> None:
    text = (
        "The lead ship, PNS Babur, was commissioned in Istanbul in September 2023, followed "
        "by PNS Khaibar in 2024. The fourth ship, PNS Tariq, is expected to join the fleet "
        "in 2026."
    )
    claim = (
        "The fourth Babur-class corvette, PNS Tariq, is due to join the Pakistan Navy in 2026 "
        "after being launched in Karachi in 2024."
    )
    assert "another city" not in _verdict(claim, text, "en", "en").reason


CASPIAN = (
    "The Convention on the Legal Status of the Caspian Sea was signed on 12 August 2018 in "
    "Aktau by the presidents of Azerbaijan, Iran, Kazakhstan, Russia and Turkmenistan."
)


def test_a_day_changed_in_one_part_contradicts_a_loosely_worded_claim() -> None:
    # the sentence shares few of the claim's words, but a full date changed in
    # its year alone is the same signing misdated
    claim = (
        "Hazar Denizi'nin Hukuki Statüsüne Dair Sözleşme, 12 Ağustos 2019'da Aktau'da "
        "kıyıdaş beş devletin liderleri tarafından imzalanmıştır."
    )
    v = _verdict(claim, CASPIAN, "en")
    assert v.label == "contradicted" and "another time" in v.reason, v
    assert any("12 August 2018" in c for c in v.conflicts)
    # changed in two parts: another date, maybe another event
    other = _verdict(claim.replace("12 Ağustos 2019", "12 Eylül 2019"), CASPIAN, "en")
    assert other.label != "contradicted", other


def test_a_figure_turned_where_the_partner_passage_holds_the_names() -> None:
    # the wage sentence says "the sector"; the country is named in the sentence
    # before it, which the rules read with it for support
    named = "Uzbekistan's textile and garment industry employed 620,000 people at the end of 2024."
    wage = (
        "The average monthly wage in the sector was 3.9 million soums, about 18 percent below "
        "the national average."
    )
    passages = [
        Evidence(wage, 100, 100 + len(wage), "en"),
        Evidence(named, 0, len(named), "en"),
    ]
    claim = (
        "Özbekistan tekstil sektöründe ortalama aylık ücret 3,9 milyon som olup ulusal "
        "ortalamanın yaklaşık %18 üzerindedir."
    )
    v = judge(claim, "tr", passages, SourceMeta(lang="en"))
    assert v.label == "contradicted" and "other way" in v.reason, v
    right = judge(claim.replace("üzerindedir", "altındadır"), "tr", passages, SourceMeta(lang="en"))
    assert right.label != "contradicted", right


@pytest.mark.parametrize(
    ("claim", "claim_lang", "text"),
    [
        # the passage says the claim's words and negates one, but names neither
        # the World Bank nor Türkiye: step 4''
        ("Dünya Bankası'nın GRADA hasar tahmini, Türkiye'nin yanı sıra Suriye'deki hasarı da "
         "kapsamaktadır.", "tr",
         "The GRADA estimate does not include damage in the Syrian Arab Republic, which is being "
         "assessed separately."),
        ("Türkiye's talks on a second nuclear plant at Sinop ended in an agreement during 2025.",
         "en",
         "Talks on a plant at Sinop did not result in any agreement during the year. India had 22 "
         "reactors in operation at the end of 2025."),
    ],
)  # fmt: skip
def test_a_negated_statement_contradicts_though_the_subject_is_not_named(
    claim: str, claim_lang: str, text: str
) -> None:
    v = _verdict(claim, text, "en", claim_lang)
    assert v.label == "contradicted", v
    assert "negation" in v.reason


def test_a_negation_that_says_most_of_the_claim_without_its_figures_or_names() -> None:
    # no name of the claim, its year absent, but most of its words said and negated
    text = (
        "Açıklamada, askeri araç ve mühimmat ihracatının bu rakamlara dahil olmadığı, bu "
        "ihracatın ayrı bir kalem altında izlendiği belirtilmiştir."
    )
    claim = (
        "Ticaret Bakanlığı açıklamasına göre askeri araç ihracatı da sektörün 2024 yılı ihracat "
        "rakamına dahil edilmiştir."
    )
    assert _verdict(claim, text, "tr").label == "contradicted"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Gürcistan'da 2023 yılı sonu itibarıyla kurulu güneş enerjisi kapasitesi 410 "
            "megavata, rüzgâr enerjisi kapasitesi ise 125 megavata ulaşmıştır.",
            "tr",
        ),
        (
            "By the end of 2023 Georgia's installed solar capacity had reached 410 megawatts, "
            "and its wind capacity 125 megawatts.",
            "en",
        ),
    ],
)
def test_figures_swapped_after_what_the_whole_sentence_is_about_contradict(
    text: str, lang: str
) -> None:
    # the first stretch also holds the sentence's subject (Georgia, the year, "installed"):
    # it is no label of the first figure alone
    swapped = (
        "Gürcistan'da 2023 yılı sonu itibarıyla kurulu rüzgâr enerjisi kapasitesi 410 "
        "megavata, güneş enerjisi kapasitesi ise 125 megavata ulaşmıştır."
    )
    v = _verdict(swapped, text, lang)
    assert v.label == "contradicted" and "each other" in v.reason, v
    kept = swapped.replace("rüzgâr", "GÜNEŞ").replace("güneş", "rüzgâr").replace("GÜNEŞ", "güneş")
    assert _verdict(kept, text, lang).label != "contradicted"


def test_an_english_claim_of_a_cut_against_a_raise_contradicts() -> None:
    claim = "Georgian Railway lowered its transit tariffs by 12 percent from January 2025."
    text = "Georgian Railway raised its transit tariffs by 12 percent from January 2025."
    v = _verdict(claim, text, "en", "en")
    assert v.label == "contradicted" and "other way" in v.reason, v
    assert _verdict(claim, text.replace("raised", "cut"), "en", "en").label == "supported"


def test_two_target_years_swapped_beside_a_figure_contradict() -> None:
    text = (
        "2024 yılında açıklanan planda 2035 yılına kadar elektrik üretiminde yüzde 30 "
        "yenilenebilir payı ve en geç 2050 yılında karbon nötrlüğü hedeflenmiştir."
    )
    swapped = (
        "2024 yılında açıklanan planda 2050 yılına kadar elektrik üretiminde %30 "
        "yenilenebilir payı ve en geç 2035 yılında karbon nötrlüğü hedeflenmiştir."
    )
    v = _verdict(swapped, text, "tr")
    assert v.label == "contradicted" and "each other" in v.reason, v
    kept = swapped.replace("2050 yılına", "2035 yılına").replace("geç 2035", "geç 2050")
    assert _verdict(kept, text, "tr").label == "supported"


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        # "ahead of" gives the rival the next place
        ("2024'te AB'nin alüminyum hurdası ihracatında en büyük alıcı Hindistan olmuştur.",
         "The EU exported 1.4 million tonnes of aluminium scrap in 2024; Türkiye took 31 "
         "percent, making it the largest destination ahead of India with 24 percent."),
        # "followed by" too
        ("Kazakistan, 2024'te Türkiye'nin en büyük buğday tedarikçisi olmuştur.",
         "Russia was Türkiye's largest wheat supplier in 2024, followed by Kazakhstan."),
        # "behind" gives it the place before
        ("Rusya, 2024'te Türkiye'nin ikinci büyük buğday tedarikçisi olmuştur.",
         "Kazakhstan was Türkiye's second-largest wheat supplier in 2024, behind Russia."),
    ],
)  # fmt: skip
def test_a_rivals_place_next_to_the_claims_contradicts(claim: str, text: str) -> None:
    v = _verdict(claim, text, "en")
    assert v.label == "contradicted" and "ranking" in v.reason, v


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        ("Rusya, 2024'te Türkiye'nin en büyük buğday tedarikçisi olmuştur.",
         "Russia was Türkiye's largest wheat supplier in 2024, followed by Kazakhstan."),
        # a change of place tells nothing of the rival's place now
        ("Rusya, 2024'te Türkiye'nin en büyük buğday tedarikçisi olmuştur.",
         "Kazakhstan overtook Russia as Türkiye's largest wheat supplier in 2024."),
    ],
)  # fmt: skip
def test_no_rivals_place_for_the_holder_or_a_change(claim: str, text: str) -> None:
    assert "ranking" not in _verdict(claim, text, "en").reason


@pytest.mark.parametrize(
    ("claim", "text", "lang"),
    [
        ("Kontrolmatik, 2024 yılını kârla kapatmıştır.",
         "Buna karşın Kontrolmatik'in 2024 yılı finansal sonuçları zarar ile kapanmıştır.", "tr"),
        ("SASA, 2024 yılında 2,1 milyar liralık net kâr elde etmiştir.",
         "SASA reported a net loss of 2.1 billion lira for 2024, citing financing costs.", "en"),
    ],
)  # fmt: skip
def test_a_loss_for_the_claims_profit_contradicts(claim: str, text: str, lang: str) -> None:
    assert _verdict(claim, text, lang).label == "contradicted"


def test_a_decision_is_no_profit() -> None:
    # "karar" opens with "kar": the profit of WHOLE_WORDS is the word alone
    text = "Kontrolmatik'in yönetim kurulu 2024 yılında zarar eden birimi kapatma kararı aldı."
    assert _verdict("Kontrolmatik 2024 yılında bir karar almıştır.", text, "tr").label != (
        "contradicted"
    )


INITIALLED = (
    "The preferential trade agreement with the Republic of Uzbekistan, initialled in June 2024, "
    "has not yet entered into force, as ratification procedures in both countries continue."
)


def test_the_negated_predicate_of_the_subject_after_commas_contradicts() -> None:
    # the claim's predicate ("yürürlüğe girmiştir") is not said; the subject's is
    # negated after the participle that sets it off
    claim = (
        "Azerbaycan ile Özbekistan arasında Haziran 2024'te parafe edilen tercihli ticaret "
        "anlaşması yürürlüğe girmiştir."
    )
    v = _verdict(claim, INITIALLED, "en")
    assert v.label == "contradicted" and "negation" in v.reason, v


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        # the passage says the claim's predicate: the negated one is another's
        ("Azerbaycan ile Özbekistan arasında tercihli ticaret anlaşması Haziran 2024'te parafe "
         "edilmiştir.", INITIALLED),
        # a relative clause is a clause of its own
        ("Kazakistan, dünya uranyum üretiminin yaklaşık %40'ını karşılamaktadır.",
         "Kazakhstan, which is not a member of the EU, accounts for about 40 percent of global "
         "uranium output."),
    ],
)  # fmt: skip
def test_no_subjects_predicate_where_the_claims_is_said_or_a_clause_is_its_own(
    claim: str, text: str
) -> None:
    assert _verdict(claim, text, "en").label != "contradicted"
