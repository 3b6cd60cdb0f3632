"""Figures given to each other's names: a swap contradicts (pairing.py)."""

from __future__ import annotations

import pytest

from citecheck.verify.judge import judge
from citecheck.verify.model import Evidence, SourceMeta

TIKA = (
    "In 2024 TIKA carried out 1,004 projects in the five Central Asian countries. "
    "Kyrgyzstan accounted for 312 of them, Uzbekistan for 268 and Kazakhstan for 181."
)
SCHOOLS = (
    "Россия уже построила в Таджикистане пять русскоязычных школ, а в Киргизии строятся ещё девять."
)
RAIL = (
    "In 2023 the line carried about 10.4 million tonnes of freight and more than 600,000 "
    "passengers."
)


def _verdict(claim: str, text: str, lang: str, claim_lang: str = "tr"):  # type: ignore[no-untyped-def]
    return judge(claim, claim_lang, [Evidence(text, 0, len(text), lang)], SourceMeta(lang=lang))


@pytest.mark.parametrize(
    ("claim", "claim_lang", "text", "lang"),
    [
        ("TİKA 2024 yılında Özbekistan'da 312, Kırgızistan'da ise 268 proje yürütmüştür.", "tr",
         TIKA, "en"),
        ("Russia has built five Russian-language schools in Kyrgyzstan, while nine more are "
         "under construction in Tajikistan.", "en", SCHOOLS, "ru"),
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
    ],
)  # fmt: skip
def test_the_same_pairs_in_another_order_are_no_swap(
    claim: str, claim_lang: str, text: str, lang: str
) -> None:
    assert _verdict(claim, text, lang, claim_lang).label != "contradicted"
