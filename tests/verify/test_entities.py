"""Names in claims and their look-up in sources of four languages (issue 5)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.verify.entities import extract_entities, find_entity, key_of, known_entities


def keys(text: str, lang: str = "tr") -> list[str]:
    return [e.key for e in extract_entities(text, lang)]


def test_seed_claims() -> None:
    claim = (
        "Kazakistanın devlet nükleer şirketi Kazatomprom, ABDnin nükleer enerji ve savunma "
        "sektörleri için halihazırda önemli bir tedarikçidir"
    )
    assert keys(claim) == ["kazakhstan", "kazatomprom", "united states"]
    assert keys("ABD merkezli Cove Capital ile geliştirilen proje") == [
        "united states",
        "cove capital",
    ]
    assert keys("ABD ise bu alanda Çine bağımlı kalmak istemediğinden Orta Asyaya döndü") == [
        "united states",
        "china",
        "central asia",
    ]
    assert "c5+1" in keys("ABD bölgede C5+1 formatıyla etkinliğini arttırmıştır.")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Kazakistan'ın", "kazakhstan"), ("Kazakistanın", "kazakhstan"),
        ("Kasachstans", "kazakhstan"), ("Казахстана", "kazakhstan"),
        ("ABD'nin", "united states"), ("ABDnin", "united states"), ("USA", "united states"),
        ("the U.S. said", "united states"), ("Vereinigte Staaten", "united states"),
        ("США", "united states"), ("Çine", "china"), ("Çin'de", "china"), ("Китая", "china"),
        ("Russland", "russia"), ("России", "russia"), ("Rusyayı", "russia"),
        ("Orta Asyanın", "central asia"), ("Central Asian", "central asia"),
        ("zentralasiatischen", "central asia"), ("Центральной Азии", "central asia"),
        ("Özbekistanda", "uzbekistan"), ("Usbekistan", "uzbekistan"),
        ("Kırgızistan", "kyrgyzstan"), ("Kyrgyzstan", "kyrgyzstan"),
        ("Tacikistan", "tajikistan"), ("Таджикистан", "tajikistan"),
        ("Türkmenistan", "turkmenistan"), ("TDTnin", "organization of turkic states"),
        ("der turkmenische Präsident", "turkmenistan"), ("afghanische", "afghanistan"),
        ("пакистанская", "pakistan"),
        ("Organization of Turkic States", "organization of turkic states"),
        ("IEA", "international energy agency"),
        ("Uluslararası Enerji Ajansı", "international energy agency"),
        # demonyms (session 18): "the children of Belarusian citizens" against
        # "детей граждан Белоруссии"
        ("Belarusian citizens", "belarus"), ("белорусские граждане", "belarus"),
        ("Mongolian herders", "mongolia"), ("Egyptian buyers", "egypt"),
        ("ägyptische Käufer", "egypt"),
    ],
)  # fmt: skip
def test_exonyms_with_case_endings_and_scripts(text: str, key: str) -> None:
    assert [e.key for e in known_entities(text)] == [key]


def test_longer_names_win() -> None:
    assert [e.key for e in known_entities("Latin Amerika ve ABD")] == [
        "latin america",
        "united states",
    ]
    assert [e.key for e in known_entities("Türk Devletleri Teşkilatı")] == [
        "organization of turkic states"
    ]


def test_acronyms_need_capitals() -> None:
    assert known_entities("let us see") == ()
    assert known_entities("cins ve çini") == ()  # Turkish words, not China
    assert [e.key for e in known_entities("US imports")] == ["united states"]


def test_unknown_names_match_across_scripts_and_suffixes() -> None:
    (kaz,) = [e for e in extract_entities("Bu tedarikçi Kazatompromun", "tr") if not e.known]
    assert find_entity(kaz, "Казатомпром поставляет уран") == (0, 11)
    assert find_entity(kaz, "Kazatomprom's output") is not None
    (cove,) = [e for e in extract_entities("ABD merkezli Cove Capital ile", "tr") if not e.known]
    assert find_entity(cove, "a deal with US-based Cove Capital") is not None


def test_known_entity_found_in_other_language() -> None:
    (kz,) = [e for e in extract_entities("Kazakistanın uranyumu", "tr")]
    text = "Die Uranproduktion Kasachstans wächst."
    span = find_entity(kz, text)
    assert span is not None and text[span[0] : span[1]] == "Kasachstans"
    assert find_entity(kz, "Uzbekistan produces gold.") is None


def test_sentence_initial_words_are_not_names() -> None:
    assert keys("Özellikle bölge önemlidir.") == []
    assert keys("Tüm bu unsurlar birlikte değerlendirildiğinde") == []
    assert keys("Kasım ayında toplantı yapıldı") == []  # month name
    assert keys("üretim 2023te 21.000 tona ulaştı, 1991de bağımsız oldu") == []
    assert keys("5G ağları") == ["5g"]
    assert keys("The summit ended.", "en") == []
    # German capitalises every noun: only acronyms and table names count there
    assert keys("Die Region Zentralasien verfügt über große Reserven", "de") == ["central asia"]


def test_the_word_that_opens_a_sentence_as_a_name() -> None:
    from citecheck.verify.pairing import opening_name

    name = opening_name("Aktau has a design capacity of 19.5 million tonnes.", "en")
    assert name is not None and name.key == "aktau"
    assert opening_name("Bilateral trade reached 2.9 billion dollars.", "en") is None  # a concept
    assert opening_name("However the port grew.", "en") is None  # a connective
    assert opening_name("The port grew.", "en") is None  # a stop word
    assert opening_name("UNDP said so.", "en") is None  # an acronym: extract_entities has it
    assert opening_name("Aktau Port grew.", "en") is None  # two capitalised words: a name already
    assert opening_name("Aktau hat eine Kapazität.", "de") is None  # German nouns are capitalised


def test_key_of_folds_and_transliterates() -> None:
    assert key_of("Kazakistanın") == "kazakistanin"
    assert key_of("Казахстан") == "kazakhstan"
    assert key_of("Weißen") == "weissen"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["tr", "en", "de", "ru", None]))
def test_arbitrary_text_never_crashes_and_spans_are_slices(text: str, lang: str | None) -> None:
    for e in extract_entities(text, lang):
        assert text[e.start : e.end] == e.text
        span = find_entity(e, text)
        assert span is not None  # a name is always found in its own sentence
        assert 0 <= span[0] < span[1] <= len(text)


def test_names_by_transliteration_skeleton() -> None:
    from citecheck.verify.entities import skeleton

    assert (
        skeleton(key_of("Paşinyan")) == skeleton(key_of("Pashinyan")) == skeleton(key_of("Пашинян"))
    )
    (e,) = [x for x in extract_entities("Dün Cengiz Cabbarov konuştu.", "tr")]
    assert find_entity(e, "Министр Джейхун Джаббаров выступил.") is not None
    assert find_entity(e, "Minister Mikayil Jabbarov spoke.") is not None
    assert find_entity(e, "The minister did not speak.") is None
    # a name coordinated with another at the start of a sentence is a name
    keys = [x.key for x in extract_entities("Paşinyan ve Aliyev bir araya geldi.", "tr")]
    assert keys[:2] == ["pasinyan", "aliyev"]


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        ("Cumhurbaşkanı Tokayev açıkladı.", "Präsident Tokajew sagte am Montag"),
        ("Başbakan Kobahidze konuştu.", "Regierungschef Irakli Kobachidse sagte"),
        ("Cumhurbaşkanı Mirziyoyev imzaladı.", "Präsident Schawkat Mirsijojew unterzeichnete"),
        ("Cumhurbaşkanı Kavelaşvili seçildi.", "Micheil Kawelaschwili wurde gewählt"),
    ],
)
def test_german_transliterations_of_names(claim: str, text: str) -> None:
    (e,) = extract_entities(claim, "tr")
    assert find_entity(e, text) is not None
    assert find_entity(e, "Präsident Lukaschenko sagte am Montag") is None


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # an institution after a table name is part of it, not the next name's start
        ("AB Komisyonu Yeşil Mutabakat kapsamında yatırım yaptı.",
         ["european union", "yesil mutabakat"]),
        ("Rusya Federasyonu enerji ihracatını artırdı.", ["russia"]),
        # an office after a table name, alone, is no name ("Irak Başbakanı ile")
        ("Bakan Fidan, Irak Başbakanı ile görüştü.", ["fidan", "iraq"]),
        # a table name between a title and a surname is a first name: Irakli, not Iraq
        ("Gürcistan Başbakanı İrakli Kobahidze açıkladı.", ["georgia", "irakli kobahidze"]),
        ("Türkiye Cumhurbaşkanı Erdoğan Irak Cumhurbaşkanı Reşid ile görüştü.",
         ["turkey", "erdogan", "iraq", "resid"]),
    ],
)  # fmt: skip
def test_offices_and_institutions_after_table_names(claim: str, expected: list[str]) -> None:
    assert keys(claim) == expected


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        ("CPC terminalinden ilk tanker yüklenmiştir.", "Первый танкер КТК был загружен."),
        ("UAEA heyeti santrali ziyaret etti.", "An IAEA mission visited the plant."),
        ("TürkAkım hattı", "Die Pipeline TurkStream"),
        ("BDT zirvesi", "Саммит СНГ прошёл"),
    ],
)
def test_bodies_whose_acronyms_differ_by_language(claim: str, text: str) -> None:
    (name,) = extract_entities(claim, "tr")
    assert name.known and find_entity(name, text) is not None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ExxonMobil is the second shareholder.", "en"),  # opening the sentence
        ("An dem Projekt ist KazMunayGas beteiligt.", "de"),  # German capitals say nothing
    ],
)
def test_a_word_with_an_inner_capital_is_a_name(text: str, lang: str) -> None:
    keys = [e.key for e in extract_entities(text, lang)]
    assert any(k in ("exxonmobil", "kazmunaygas") for k in keys), keys


def test_an_opening_common_word_is_still_no_name() -> None:
    assert extract_entities("Exports rose in 2024.", "en") == ()
