"""A plan is no outcome (modality.py, judge step 8)."""

from __future__ import annotations

import pytest

from citecheck.verify.judge import judge
from citecheck.verify.modality import NEGOTIATED, irrealis, reports_outcome, said_as_done
from citecheck.verify.model import Evidence, SourceMeta


@pytest.mark.parametrize(
    ("claim", "outcome"),
    [
        ("Bakanlar Ankara'da bir araya gelerek bir anlaşma imzalamıştır.", True),
        ("COP29 completed the rules for carbon markets.", True),
        ("Das Abkommen wurde in Washington unterzeichnet.", True),
        ("Anlaşmanın 2026'da imzalanacağı belirtiliyor.", False),  # the claim speaks of a plan
        ("Kazakhstan plans to sign the agreement.", False),
        ("Orta Koridor ulaştırma hattı uzundur.", False),  # ulaştırma is no "ulaştı"
        ("Aktau Limanı'ndaki yeni konteyner merkezi 2026 yılında faaliyete geçmiştir.", True),
        ("Santral Haziran 2025'te işletmeye alınmıştır.", True),
        # "when it comes online": a condition, not a deed done
        ("Santralin reaktörleri devreye girdiğinde elektriğin %2'sini sağlaması beklenir.", False),
    ],
)
def test_reports_outcome(claim: str, outcome: bool) -> None:
    assert reports_outcome(claim) is outcome


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("Bakanların 2025 yılında Ankara'da bir araya geleceğini söyledi.", True),
        ("The conference will be held in Baku in November.", True),
        ("Die Leitung soll 2028 fertig werden.", True),
        ("Строительство планируется завершить в 2027 году.", True),
        ("The conference was held in Baku in November.", False),
    ],
)
def test_irrealis(text: str, plan: bool) -> None:
    assert irrealis(text) is plan


def _verdict(claim: str, text: str, lang: str, claim_lang: str = "tr"):  # type: ignore[no-untyped-def]
    return judge(claim, claim_lang, [Evidence(text, 0, len(text), lang)], SourceMeta(lang=lang))


def test_a_preview_does_not_support_the_outcome() -> None:
    preview = (
        "Bakan, 2025 yılında Türkiye, Azerbaycan, Gürcistan ve Kazakistan ulaştırma "
        "bakanlarının Ankara'da bir araya geleceğini ve tarifeleri uyumlaştıracak bir "
        "anlaşmanın imzalanacağını söyledi."
    )
    claim = (
        "Türkiye, Azerbaycan, Gürcistan ve Kazakistan ulaştırma bakanları 2025 yılında "
        "Ankara'da bir araya gelerek tarifeleri uyumlaştıran bir anlaşma imzalamıştır."
    )
    v = _verdict(claim, preview, "tr")
    assert v.label == "not_found", v
    report = preview.replace("bir araya geleceğini", "bir araya geldiğini").replace(
        "imzalanacağını", "imzalandığını"
    )
    assert _verdict(claim, report, "tr").label == "supported"


@pytest.mark.parametrize(
    ("claim", "lang", "done"),
    [
        ("Seçimi Tufan Erhürman kazanmış, Ersin Tatar ise ikinci kalmıştır.", "tr", True),
        ("Nüfus 50.096'ya yükselmiştir.", "tr", True),
        ("Bakanların anlaşmayı imzaladığı belirtilmektedir.", "tr", True),
        ("Anlaşmanın imzalanacağı belirtilmiştir.", "tr", False),  # the report is past
        ("Toplantının Ankara'da yapılması planlanmaktadır.", "tr", False),
        ("Kazakhstan produced 1.84 million barrels a day.", "en", True),
        ("OPEC+ ministers met online and kept output unchanged.", "en", True),
        ("Putin was scheduled to attend the summit.", "en", False),
        ("The plant will be built by Rosatom.", "en", False),
        (
            "Since 5 February the police may put migrants on a register of controlled persons.",
            "en",
            False,
        ),
    ],
)
def test_said_as_done(claim: str, lang: str, done: bool) -> None:
    assert said_as_done(claim, lang) is done


def test_a_russian_should_start_working_is_no_outcome() -> None:
    # "должен заработать" (is to start working) is a plan, "in Betrieb genommen"
    # a deed done
    assert irrealis("в 2026 году в порту Актау должен заработать новый контейнерный хаб.")
    text = "Кроме того, в 2026 году в порту Актау должен заработать новый контейнерный хаб."
    claim = "Aktau Limanı'ndaki yeni konteyner merkezi 2026 yılında faaliyete geçmiştir."
    v = judge(claim, "tr", [Evidence(text, 0, len(text), "ru")], SourceMeta(lang="ru"))
    assert v.label == "not_found"
    done = "Der Park wurde im Juni 2025 in Betrieb genommen; betrieben wird er von Masdar."
    claim = "Masdar'ın santrali Haziran 2025'te işletmeye alınmıştır."
    v = judge(claim, "tr", [Evidence(done, 0, len(done), "de")], SourceMeta(lang="de"))
    assert v.label != "not_found"


TALKS = (
    "Стамбульская компания Bosfor Lift ведет переговоры о создании сборочного производства "
    "в Нижнем Новгороде мощностью до 1 500 лифтов в год."
)
SIGNING = (
    "Bosfor Lift, Nijniy Novgorod'da yılda 1.500 asansör kapasiteli montaj tesisi kurmak için "
    "bölge yönetimiyle anlaşma imzaladı."
)


def test_a_signing_still_negotiated_contradicts() -> None:
    v = _verdict(SIGNING, TALKS, "ru")
    assert v.label == "contradicted" and v.reason == NEGOTIATED, v
    # ... and the signing denied beside it changes nothing
    denied = TALKS + " Однако соглашение с региональными властями пока не подписано."
    assert _verdict(SIGNING, denied, "ru").label == "contradicted"


@pytest.mark.parametrize(
    ("claim", "text", "lang"),
    [
        # the source says it was signed after the talks
        (SIGNING,
         "Bosfor Lift ведет переговоры с 2023 года; соглашение о сборочном производстве в "
         "Нижнем Новгороде мощностью до 1 500 лифтов в год подписано в марте.", "ru"),
        # the claim itself speaks of talks
        ("Bosfor Lift, Nijniy Novgorod'da 1.500 asansör kapasiteli tesis için müzakere "
         "yürütmektedir.", TALKS, "ru"),
        # a signing told as done, whatever talks came before
        ("Korteks signed a supply contract with a Saxon car-parts maker.",
         "Korteks signed a supply contract with a Saxon car-parts maker after negotiating "
         "for a year.", "en"),
    ],
)  # fmt: skip
def test_no_negotiation_where_the_signing_is_stated_or_the_claim_negotiates(
    claim: str, text: str, lang: str
) -> None:
    assert _verdict(claim, text, lang).reason != NEGOTIATED
