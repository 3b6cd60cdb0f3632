"""Negation cues and polarity in tr, en, de, ru (issue 5)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.verify.negation import (
    clauses,
    negation_cues,
    polarity,
    polarity_flipped,
    scoped_polarity,
)


@pytest.mark.parametrize(
    ("text", "lang", "cue"),
    [
        ("The US did not sign the memorandum.", "en", "not"),
        ("The US didn't sign it.", "en", "didn't"),
        ("No agreement was reached.", "en", "No"),
        ("They never met.", "en", "never"),
        ("Neither side agreed.", "en", "Neither"),
        ("Die USA haben das Abkommen nicht unterzeichnet.", "de", "nicht"),
        ("Es gibt keine Einigung.", "de", "keine"),
        ("Russland verhängte keinerlei Beschränkungen.", "de", "keinerlei"),
        ("Sie trafen sich nie.", "de", "nie"),
        ("Bu ülkeler için kültürel değerler öncelikli değildir.", "tr", "değildir"),
        ("Bölgede yeterli yatırım yok.", "tr", "yok"),
        ("Mutabakat zaptı imzalanmadı.", "tr", "imzalanmadı"),
        ("Kazakistan uranyum sağlamamaktadır.", "tr", "sağlamamaktadır"),
        ("Anlaşma yürürlüğe girmeyecek.", "tr", "girmeyecek"),
        ("Toplantı yapılmamış.", "tr", "yapılmamış"),
        ("ABD bölgeye ilgi göstermiyor.", "tr", "göstermiyor"),
        ("США не подписали меморандум.", "ru", "не"),
        ("Соглашения нет.", "ru", "нет"),
        ("The price of the supplies remains undisclosed.", "en", "undisclosed"),
    ],
)
def test_cues(text: str, lang: str, cue: str) -> None:
    cues = negation_cues(text, lang)
    assert [c[2] for c in cues] == [cue]
    s, e, _ = cues[0]
    assert text[s:e] == cue
    assert polarity(text, lang) == -1


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Turkish -ma-/-me- inside positive words
        ("Proje bütüncül bir değer zinciri oluşturmayı amaçlamaktadır.", "tr"),
        ("Ülke hammadde ihracatını sağlamaktadır.", "tr"),
        ("Kazakistan önemli bir tedarikçidir ve iş birliğini tamamlamaktadır.", "tr"),
        ("Yılmaz toplantıya katıldı.", "tr"),
        ("Nadir toprak elementleri vazgeçilmezdir.", "tr"),
        # "not only … but also" affirms
        ("Kazakhstan is not only a producer but also an exporter.", "en"),
        ("Kasachstan ist nicht nur Produzent, sondern auch Exporteur.", "de"),
        ("Казахстан не только производит, но и экспортирует уран.", "ru"),
        (
            "Proje, hammaddenin sadece ihracını değil, ileri işleme aşamalarını da kapsar.",
            "tr",
        ),
        ("Social Evolution and History 12, no. 2 (2023)", "en"),
        ("Olmazsa olmazdır.", "tr"),  # double negation: indispensable
        # -mAzlIk makes a noun ("dispute", "immunity"), not a negated verb
        ("S-400 alımından doğan anlaşmazlık sürüyor.", "tr"),
        ("Milletvekili dokunulmazlığı kaldırıldı.", "tr"),
        # litotes: possible, not denied
        ("A final figure above $6 billion cannot be excluded.", "en"),
        ("Ein Scheitern der Gespräche ist nicht auszuschließen.", "de"),
        ("Эксперты не исключают роста цен.", "ru"),
        # a comment on the statement, not its denial (session 18)
        ("Moldau war dies keine Ueberraschung: Die Regierung hatte den Notstand ausgerufen.", "de"),
        ("It came as no surprise that the deal was signed.", "en"),
        ("Not least, the plant was completed on time.", "en"),
        ("Не случайно соглашение подписано в Баку.", "ru"),
        ("Anlaşmanın Bakü'de imzalanması tesadüf değildir.", "tr"),
    ],
)
def test_affirmative(text: str, lang: str) -> None:
    assert polarity(text, lang) == 1


def test_flip_across_languages() -> None:
    assert polarity_flipped(
        "Mutabakat zaptı imzalanmadı.", "tr", "The US and Kazakhstan signed a memorandum.", "en"
    )
    assert not polarity_flipped(
        "Washington did not sign it.", "en", "Washington hat es nicht unterzeichnet.", "de"
    )


def test_russian_ni_ne_is_one_negation() -> None:
    assert polarity("Ни одна страна не подписала соглашение.", "ru") == -1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["tr", "en", "de", "ru", None]))
def test_arbitrary_text(text: str, lang: str | None) -> None:
    for s, e, cue in negation_cues(text, lang):
        assert text[s:e] == cue
    assert polarity(text, lang) in (-1, 1)


def test_bounds_on_figures_are_no_negation() -> None:
    # "не менее 20 млрд" = at least 20 billion; "no more than" = at most
    assert negation_cues("закупать не менее 20 млрд кубометров газа", "ru") == ()
    assert negation_cues("It will cost no more than 5 billion.", "en") == ()
    assert negation_cues("nicht weniger als 3 Prozent", "de") == ()
    assert negation_cues("Das Abkommen wurde nicht verlängert.", "de") != ()


def test_turkish_negative_possibility() -> None:
    # yapıla-ma-yabilir: "may not be held"
    cues = negation_cues("Referandum 2027'den önce yapılamayabilir.", "tr")
    assert [c[2] for c in cues] == ["yapılamayabilir"]


def test_off_the_agenda_says_what_nicht_auf_die_tagesordnung_says() -> None:
    from citecheck.verify.judge import judge
    from citecheck.verify.model import Evidence, SourceMeta

    text = (
        "Am Abend des 28. November 2024 trat Kobachidse vor die Presse. Georgien werde die "
        "Frage der Beitrittsverhandlungen bis Ende 2028 nicht auf die Tagesordnung setzen."
    )
    claim = (
        "On 28 November 2024 Prime Minister Irakli Kobakhidze announced that Georgia would "
        "keep the question of EU accession negotiations off the agenda until the end of 2028."
    )
    v = judge(claim, "en", [Evidence(text, 0, len(text), "de")], SourceMeta(lang="de"))
    assert v.label != "contradicted", v


def test_refusing_says_what_not_doing_says() -> None:
    from citecheck.verify.judge import judge
    from citecheck.verify.model import Evidence, SourceMeta

    text = "Turkmenistan did not sign the agreement on the Trans-Caspian pipeline in 2024."
    meta = SourceMeta(lang="en")
    for claim, lang in [
        ("Türkmenistan 2024'te Hazar ötesi boru hattı anlaşmasını imzalamayı reddetti.", "tr"),
        ("Turkmenistan refused to sign the agreement on the Trans-Caspian pipeline in 2024.", "en"),
    ]:
        v = judge(claim, lang, [Evidence(text, 0, len(text), "en")], meta)
        assert v.label != "contradicted", (claim, v)
    signed = "Turkmenistan signed the agreement on the Trans-Caspian pipeline in 2024."
    v = judge(signed, "en", [Evidence(text, 0, len(text), "en")], meta)
    assert v.label == "contradicted", v


def test_a_negated_signing_is_not_dated_by_the_next_sentence() -> None:
    from citecheck.verify.judge import judge
    from citecheck.verify.model import Evidence, SourceMeta

    text = (
        "The text of the peace agreement between Armenia and Azerbaijan was initialled by the "
        "two foreign ministers, but it has not been signed. Azerbaijan insists that Armenia "
        "must first amend its constitution, which refers to the 1990 declaration of independence."
    )
    claim = "Ermenistan ile Azerbaycan arasındaki barış anlaşması 8 Ağustos 2025'te imzalandı."
    v = judge(claim, "tr", [Evidence(text, 0, len(text), "en")], SourceMeta(lang="en"))
    assert v.label == "contradicted", v


@pytest.mark.parametrize(
    ("text", "lang", "affirmed", "denied"),
    [
        (
            "Türkiye'nin payı yüzde 20 düzeyindedir; en büyük ticaret ortağı Rusya değil, "
            "Romanya'dır.",
            "tr",
            "ticaret",
            "Rusya",
        ),
        ("The summit was held not in Ankara but in Istanbul.", "en", "summit", "Ankara"),
        ("Der Gipfel fand nicht in Ankara, sondern in Istanbul statt.", "de", "Gipfel", "Ankara"),
        ("Саммит прошел не в Анкаре, а в Стамбуле.", "ru", "Саммит", "Анкаре"),
        # the denied part after the affirmed one
        ("Transport costs, not tariffs, are the main barrier.", "en", "barrier", "tariffs"),
        ("The main barrier is transport costs, not tariffs.", "en", "barrier", "tariffs"),
    ],
)
def test_a_contrastive_negation_denies_only_its_constituent(
    text: str, lang: str, affirmed: str, denied: str
) -> None:
    assert scoped_polarity(text, lang, [text.index(affirmed)]) == 1
    assert scoped_polarity(text, lang, [text.index(denied)]) == -1
    # a predicate denied in contrast stays denied: "not signed but only initialled"
    initialled = "The agreement was not signed but only initialled."
    assert scoped_polarity(initialled, "en", [initialled.index("signed")]) == -1


def test_turkish_names_and_poverty_are_no_negation() -> None:
    # a capitalised word inside a sentence is a name, not a negated verb or "yok"
    assert negation_cues("Bakanlar Termez–Kabil–Peşaver hattını görüştü.", "tr") == ()
    assert negation_cues("Özbekistan İstihdam ve Yoksulluğu Azaltma Bakanı geldi.", "tr") == ()
    assert negation_cues("Bölgede yoksulluk arttı.", "tr") == ()
    assert [c[2] for c in negation_cues("Yapılmadı. Toplantı yapılmadı.", "tr")] == [
        "Yapılmadı",
        "yapılmadı",
    ]


def test_a_verbal_noun_with_its_copula_is_no_negated_verb() -> None:
    # "sözleşme-dir" (it is a contract) is no "-mA-dI" past negative
    assert negation_cues("Bu bir sözleşmedir.", "tr") == ()
    assert negation_cues("Anlaşma henüz imzalanmadı.", "tr")


@pytest.mark.parametrize("text", ["hazırlıklar tamamlanır tamamlanmaz açılacak", "gelir gelmez"])
def test_as_soon_as_is_no_negation(text: str) -> None:
    # Turkish "-Ir -mAz" is "as soon as", not "is not completed"
    assert negation_cues(text, "tr") == ()
    assert negation_cues("proje tamamlanmaz", "tr")


def test_a_negated_attribute_does_not_negate_the_sentence() -> None:
    # "nicht anerkannten" describes the referendum; the vote itself is affirmed
    text = "Bei einem von Chișinău nicht anerkannten Referendum stimmten 98,4 Prozent dafür."
    assert negation_cues(text, "de") == ()
    assert negation_cues("Deutschland ist damit nicht unter den fünf Partnern.", "de")


def test_an_un_participle_before_its_noun_negates_no_sentence() -> None:
    text = "The unresolved status of the sea was removed by the convention signed in Aktau."
    assert negation_cues(text, "en") == ()
    assert negation_cues("The question of the seabed remains unresolved.", "en")


def test_negations_of_two_clauses_do_not_cancel() -> None:
    # "not … never" cancel within one clause; across two clauses the clause
    # holding most of the facts compared decides
    text = (
        "The agreement does not oblige Kazakhstan to expand the capacity of the route, and "
        "Russia has not asked for more than the agreed volume."
    )
    words = ["agreement", "oblige", "Kazakhstan", "expand", "capacity", "Russia"]
    anchors = [text.index(w) for w in words]
    assert scoped_polarity(text, "en", anchors) == -1
    # the facts spread evenly: the parity of both cues, as before (reading any
    # negated clause as negating called 4 more supported claims contradicted
    # over the read sets)
    assert scoped_polarity(text, "en", [text.index("Kazakhstan"), text.index("Russia")]) == 1
    from citecheck.verify.judge import judge
    from citecheck.verify.model import Evidence, SourceMeta

    claim = "The transit agreement obliges Kazakhstan to expand the capacity of the route."
    v = judge(claim, "en", [Evidence(text, 0, len(text), "en")], SourceMeta(lang="en"))
    assert v.label == "contradicted"


def test_olup_joins_two_clauses() -> None:
    # "olup" is Turkish "and": the negation after it is of its own clause
    text = (
        "Poti ile Köstence arasında yeni bir deniz altı veri kablosu planlanmakta olup "
        "Türkiye bu projenin ortakları arasında yer almamaktadır."
    )
    assert next(text[s:e] for s, e in clauses(text)).endswith("planlanmakta")
    anchors = [text.index(w) for w in ("Poti", "Köstence", "kablosu", "planlanmakta")]
    assert scoped_polarity(text, "tr", anchors) == 1
    assert scoped_polarity(text, "tr", [text.index("Türkiye"), text.index("yer")]) == -1


def test_a_turkish_while_converb_ends_a_clause() -> None:
    text = "İhracat yüzde 12 artarken ithalat yüzde 3 gerilemiştir ve erken seçim yapılmıştır."
    parts = [text[s:e] for s, e in clauses(text)]
    assert parts == [
        "İhracat yüzde 12 artarken",
        "ithalat yüzde 3 gerilemiştir",
        "erken seçim yapılmıştır",
    ]


def test_turkish_while_after_a_noun_ends_a_clause_and_a_word_ending_alike_does_not() -> None:
    text = "Novatek %50,1 paya sahipken TotalEnergies'in payı %20'dir; bu etken önemlidir."
    parts = [text[s:e].strip() for s, e in clauses(text)]
    assert parts == [
        "Novatek %50,1 paya sahipken",
        "TotalEnergies'in payı %20'dir",
        "bu etken önemlidir",
    ]
