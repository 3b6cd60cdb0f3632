"""Cities a text names, and the one it places an event in (places.py)."""

from __future__ import annotations

import pytest

from citecheck.verify.model import Evidence
from citecheck.verify.places import venues


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("The roadmap was signed in Bishkek in January 2023.", "bishkek"),
        ("Yol haritası Ocak 2023'te Bişkek'te imzalanmıştır.", "bishkek"),
        ("Дорожная карта подписана в Бишкеке в январе 2023 года.", "bishkek"),
        ("Die Roadmap wurde im Januar 2023 in Bischkek unterzeichnet.", "bishkek"),
        ("Zirve Abu Dabi'de yapıldı.", "abudhabi"),
        ("Переговоры прошли в Эр-Рияде.", "riyadh"),
        ("The delegations met in New York.", "newyork"),
        # the way to it, or a visit to it
        ("Fidan travelled to Athens on 8 November 2025.", "athens"),
        ("Gerapetritis reiste am 8. November 2025 nach Ankara.", "ankara"),
        ("Anlaşma, Erdoğan'ın Cidde ziyareti sırasında imzalandı.", "jeddah"),
    ],
)
def test_a_city_named_as_the_place_in_four_languages(text: str, city: str) -> None:
    found = venues(text)
    assert [(v.city, v.located) for v in found] == [(city, True)]
    assert text[found[0].start : found[0].end].lower().startswith(text[found[0].start].lower())


@pytest.mark.parametrize(
    "text",
    [
        "Erdoğan'ın Cidde'deki temasları sürdü.",  # genitive "-ın" is no "in"
        "Rusya, Ankara'ya resmî nota verdi.",  # the dative's recipient, no place
        "Tehran says the talks will resume.",  # a capital as a speaker
        "Bakü-Tiflis-Ceyhan boru hattı",  # names in a name
    ],
)
def test_a_city_not_placed(text: str) -> None:
    assert venues(text) and not any(v.located for v in venues(text))


def test_words_that_only_begin_like_a_city_are_no_city() -> None:
    # short spellings match whole words only; long ones take a case ending, not a word
    assert venues("Bakırköy, Parisli, Antalyaspor ve Kazanç") == ()


def test_coordinated_cities_are_placed_together() -> None:
    # Turkish puts the case on the last name only
    for text in ("kept in London and Baku", "Londra ve Bakü'de saklanıyor"):
        assert [(v.city, v.located) for v in venues(text)] == [("london", True), ("baku", True)]


def test_where_something_goes_is_weaker_than_where_it_happened() -> None:
    found = venues("Signed in Tashkent, the line would link Termez to Peshawar.")
    assert [(v.city, v.located, v.way) for v in found] == [
        ("tashkent", True, False), ("termez", False, False), ("peshawar", True, True),
    ]  # fmt: skip


def test_a_city_is_found_in_any_spelling_of_the_table() -> None:
    from citecheck.verify.reading import _same_city, claim_facts, read

    text = "Число погибших в провинции Хатае достигло 24 тысяч человек."
    claim = "Depremlerde en çok kayıp Hatay'da yaşanmış, 24 bin kişi ölmüştür."
    facts = claim_facts(claim, "tr")
    r = read(claim, "tr", facts, Evidence(text, 0, len(text), "ru"))
    assert any(facts.entities[i].text.startswith("Hatay") for i in r.entities)
    brussels = "Die Kommission sagte in Brüssel eine Milliarde Euro zu."
    claim = "The Commission pledged one billion euros in Brussels."
    facts = claim_facts(claim, "en")
    r = read(claim, "en", facts, Evidence(brussels, 0, len(brussels), "de"))
    assert any(facts.entities[i].text == "Brussels" for i in r.entities)
    # a name that is more than a city is not looked up as the city
    assert _same_city("Aktau Limanı", "The port of Aktau handled 7 million tonnes.") is None
