"""Ordinals that number an event or a thing (ordinals.py) and step 3j."""

from __future__ import annotations

import pytest

from citecheck.verify.judge import judge
from citecheck.verify.model import Evidence, SourceMeta
from citecheck.verify.ordinals import numbered, ordinals
from citecheck.verify.terms import passage_terms


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("the second such agreement", [2]),
        ("Визит стал первым визитом Эрдогана", [1]),
        ("üçüncü toplantı ve dördüncü tur", [3, 4]),
        ("der zweite Besuch", [2]),
        # a weekday, "originally", a rank and half a year number nothing
        ("во вторник первоначально", []),
        ("the second-largest producer, ikinci büyük ihracatçı", []),
        ("in the first half of 2024", []),
    ],
)
def test_ordinals(text: str, values: list[int]) -> None:
    assert [o.value for o in ordinals(text)] == values


def test_the_numbered_word_is_read_across_languages() -> None:
    a, b = "ikinci ziyaret", "первым визитом"
    assert numbered(ordinals(a)[0], passage_terms(a)) & numbered(ordinals(b)[0], passage_terms(b))
    # a word more than a short word away is not the one numbered
    far = "the first, and so far only, agreement"
    assert not numbered(ordinals(far)[0], passage_terms(far))


def _label(claim: str, text: str, lang: str, claim_lang: str = "tr") -> str:
    v = judge(claim, claim_lang, [Evidence(text, 0, len(text), lang)], SourceMeta(lang=lang))
    return str(v.label)


def test_the_thing_numbered_otherwise_contradicts() -> None:
    text = (
        "On 4 December 2025 Eni and TotalEnergies signed a host government agreement with the "
        "Republic of Cyprus for the Cronos field, the first such agreement for any Cypriot "
        "gas field."
    )
    claim = (
        "Eni ve TotalEnergies'in 4 Aralık 2025'te Kıbrıs ile imzaladığı ev sahibi hükümet "
        "anlaşması, Kıbrıs gaz sahaları için imzalanan ikinci anlaşmadır."
    )
    assert _label(claim, text, "en") == "contradicted"
    assert _label(claim.replace("ikinci", "ilk"), text, "en") != "contradicted"


def test_a_source_that_numbers_it_both_ways_does_not_contradict() -> None:
    text = "The first phase opened in 2013 and the second phase opened in 2019 near Mary."
    claim = "The second phase opened in 2019 near Mary."
    assert _label(claim, text, "en", "en") != "contradicted"
