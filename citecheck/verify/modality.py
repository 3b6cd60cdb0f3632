"""A plan is no outcome: the source says it will happen, the claim that it did (issue 5).

A preview written before an event ("the ministers are to meet in Ankara in
2025", "COP29 will be held in Baku", "a final decision is expected in 2026")
holds the claim's names, figures and words, yet does not attest that the
event happened ("the ministers met in Ankara and signed …", "COP29 completed
the rules"). temporal.py catches the case when the claim dates the event and
the source's publication date is known; this module catches it in the words:
the claim reports a done deed (an outcome verb in a past form) and the clause
of the source that states it is irrealis (future, plan, expectation, aim).
Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from citecheck.verify.negation import clauses, negation_cues

__all__ = [
    "NEGOTIATED", "irrealis", "reports_outcome", "said_as_done", "stated_as_plan",
    "states_outcome", "still_negotiated",
]  # fmt: skip

# Done deeds in the claim: an outcome verb in a past or perfect form.
_TR_DEEDS = (
    r"imzala|imzalan|açıkla|açıklan|duyur|duyurul|kararlaştır|kararlaştırıl|kabul\s+edil|"
    r"anlaşmaya\s+var|gerçekleştir|gerçekleştiril|tamamla|tamamlan|düzenlen|yapıl|"
    r"bir\s+araya\s+gel|başla|açıl|inşa\s+edil|onayla|onaylan|kurul|ulaş|sona\s+er|seçil|atan|"
    # began working: "faaliyete geçmiştir", "hizmete girdi", "devreye alınmıştır"
    r"faaliyete\s+geç|hizmete\s+gir|devreye\s+gir|devreye\s+alın|işletmeye\s+alın"
)
_OUTCOME = re.compile(
    # Turkish: a deed's stem with a past ending (-dI, -mIş); not "ulaştırma"
    # ("devreye girdiğinde" is "when it comes online", no deed done)
    rf"\b(?:{_TR_DEEDS})(?:d[ıiuü]|t[ıiuü]|m[ıiuü]ş)(?!r|ğ[ıiuü]nd[ae])\w*|\btoplan(?:dı|mış)\w*|"
    r"\b(?:signed|announced|agreed|adopted|concluded|completed|finali[sz]ed|held|met|opened|"
    r"launched|started|began|took\s+place|approved|ratified|established|reached|built|closed|"
    r"ended|took\s+(?:a|the)\s+(?:final\s+)?decision|was\s+taken|were\s+taken)\b|"
    r"unterzeichne|angekündigt|vereinbart|beschlossen|abgeschlossen|eröffnet|fand\s+statt|"
    r"begonnen|gegründet|ratifiziert|endete|in\s+Betrieb\s+genommen|ans\s+Netz\s+gegangen|"
    r"\b(?:commissioned|came\s+online|entered\s+service)\b|введ[её]н\w*\s+в\s+эксплуатацию|"
    r"подписал|подписан|объявил|объявлен|договорил|принял|принят|завершил|завершен|"
    r"состоял|открыл|открыт|начал|ратифицир",
    re.IGNORECASE,
)
# A claim that itself speaks of a plan is no outcome ("plans to", "hedefliyor").
_CLAIM_PLAN = re.compile(
    r"\b(?:will|would|plans?|planned|aims?|expected|expects|intends?|due\s+to|set\s+to|"
    r"scheduled|proposed|to\s+be)\b|"
    r"\w(?:ecek|acak|eceğ|acağ)\w*|planlan|hedefl|öngörül|beklen|amaçla|"
    r"\b(?:wird|werden|soll|sollen|geplant|plant|voraussichtlich)\b|"
    r"будет|будут|планир|ожида|намер",
    re.IGNORECASE,
)
# Irrealis in a source clause: future, plan, expectation, aim, schedule.
_IRREALIS = re.compile(
    r"\b(?:will|would|shall|is\s+to|are\s+to|is\s+due\s+to|are\s+due\s+to|is\s+expected|"
    r"are\s+expected|is\s+not\s+expected|is\s+scheduled|are\s+scheduled|is\s+set\s+to|"
    r"are\s+set\s+to|plans?\s+to|planned|aims?\s+to|intends?\s+to|hopes?\s+to|seeks?\s+to|"
    r"is\s+planned|are\s+planned|proposed|upcoming|ahead\s+of|expected\s+to|priorit(?:y|ies))\b|"
    r"\w+(?:ecek|acak|eceğ|acağ)\w*|planlan\w*|hedeflen\w*|hedefli\w*|öngörül\w*|"
    r"beklen\w*|amaçlan\w*|öncelikleri\s+arasında|"
    r"\b(?:wird|werden|soll|sollen|sollte|geplant|plant|planen|voraussichtlich|erwartet|"
    r"vorgesehen|künftig)\b|"
    r"(?<!\w)(?:будет|будут|планируе\w*|планирует\w*|ожидает\w*|должен|должн\w*|намерен\w*|"
    r"предстоящ\w*)(?!\w)",
    re.IGNORECASE,
)


def reports_outcome(claim: str) -> bool:
    """Whether the claim says a deed was done (and does not speak of a plan)."""
    return bool(_OUTCOME.search(claim)) and not _CLAIM_PLAN.search(claim)


# Any verb said as done, for a claim whose event the source's date precedes
# (temporal.py): there the date already says the source cannot know the
# outcome, so a past tense of any verb suffices ("kazanmış", "yükselmiştir",
# "won", "has raised"). Turkish: the perfect -mIştIr, -mIş or -DI ending a
# clause, or a past participle -DIK ("imzaladığı belirtilmektedir"); English: a
# past auxiliary, an -ed form, or an irregular past.
_TR_DONE = re.compile(
    r"\w+m[ıiuü]şt[ıiuü]r?\b|\w+m[ıiuü]ş(?=\s*(?:[,.;:]|\s+ve\b|\s+olup\b|$))|"
    r"\w{3,}[dt][ıiuü](?=\s*(?:[,.;:]|\s+ve\b|$))|\w+[dt][ıiuü]ğ[ıiuü]\w*",
    re.IGNORECASE,
)
# The reporting verb that ends an AVİM sentence ("… imzalanacağı belirtilmiştir")
# has the report's tense, not the event's.
_TR_REPORTING = re.compile(
    r"\b(?:belirtil|ifade\s+edil|açıklan|vurgulan|kaydedil|aktarıl|bildiril|"
    r"dile\s+getiril|altı\s+çizil|rapor\s+edil|ileri\s+sürül|iddia\s+edil)\w*",
    re.IGNORECASE,
)
_EN_NOT_PAST = (
    "united|based|limited|advanced|related|detailed|need|speed|feed|seed|breed|indeed|"
    "hundred|shed|bed|red|proposed|expected|scheduled|planned"
)
_EN_DONE = re.compile(
    r"\b(?:was|were|had|did|has\s+been|have\s+been)\b|"
    rf"\b(?!(?:{_EN_NOT_PAST})\b)[a-z]{{3,}}ed\b|"
    r"\b(?:won|took|met|became|rose|fell|began|held|made|gave|said|told|sent|left|came|went|"
    r"struck|bought|sold|paid|built|brought|chose|grew|led|lost|spent|stood|wrote|broke|"
    r"overtook|withdrew|found|rejected)\b",
    re.IGNORECASE,
)

_EN_MODAL = re.compile(r"\b(?:may|might|can|cannot|must|should)\b", re.IGNORECASE)


def said_as_done(claim: str, lang: str | None) -> bool:
    """Whether the claim says its event happened, in any verb: a past tense and
    no word of a plan (Turkish and English claims; others by the deed verbs)."""
    body = _TR_REPORTING.sub(" ", claim)
    if _CLAIM_PLAN.search(body):
        return False
    if (lang or "")[:2] == "tr":
        return bool(_TR_DONE.search(body))
    if (lang or "")[:2] == "en":
        # a modal states a rule or a possibility, not an event ("may put … on a
        # register of controlled persons": "controlled" is no past)
        return bool(_EN_DONE.search(claim)) and not _EN_MODAL.search(claim)
    return reports_outcome(claim)


def irrealis(text: str) -> bool:
    return bool(_IRREALIS.search(text))


def _held(text: str, anchors: Iterable[int]) -> list[str]:
    points = sorted(set(anchors))
    return [text[s:e] for s, e in clauses(text) if any(s <= p < e for p in points)]


def stated_as_plan(text: str, anchors: Iterable[int]) -> bool:
    """Whether a clause of ``text`` holding the claim's matched facts speaks of
    the future or a plan ("bir araya geleceğini", "is expected in 2026")."""
    return any(irrealis(h) for h in _held(text, anchors))


def states_outcome(text: str, anchors: Iterable[int]) -> bool:
    """Whether a clause holding the claim's facts states a deed as done, not planned."""
    return any(_OUTCOME.search(h) and not irrealis(h) for h in _held(text, anchors))


# A signing the claim reports ("imzalamıştır", "signed", "unterzeichnete",
# "подписал") that the source says is still being negotiated ("ведет
# переговоры о …", "verhandelt mit …", "is in talks", "müzakereler sürüyor"):
# the deal is not signed. Not "discussed", which follows signings as often.
NEGOTIATED = "the source says it is still being negotiated, the claim that it was signed"
_SIGNED = re.compile(
    r"\bimzala(?:d[ıi]|m[ıi]ş|n(?:d[ıi]|m[ıi]ş))\w*|\bsigned\b|\bunterzeichne\w*|"
    r"\bunterschrieb\w*|подписал\w*|подписан\w*",
    re.IGNORECASE,
)
_CLAIM_TALKS = re.compile(r"müzakere|görüşme|negotiat|\btalks\b|verhandl|переговор", re.IGNORECASE)
_NEGOTIATING = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:still\s+)?negotiating\b|"
    r"\b(?:is|are|remains?)\s+(?:still\s+)?(?:in|under)\s+(?:talks|negotiation)\b|"
    r"\bnegotiations\s+(?:are|were|remain)\s+(?:still\s+)?(?:under\s*way|ongoing|continuing)\b|"
    r"\bverhandel(?:t|n)\b|\bVerhandlungen\s+(?:laufen|dauern)\b|\bin\s+Verhandlungen\b|"
    r"(?<!\w)(?:вед[её]т|ведут|продолжает|продолжают)\s+переговоры(?!\w)|"
    r"müzakere\w*\s+(?:sürüyor|sürmekte|devam)|müzakere\s+(?:ediyor|etmekte|edilmekte|ediliyor)|"
    r"görüşmeler\w*\s+(?:sürüyor|sürmekte|devam)",
    re.IGNORECASE,
)


def still_negotiated(claim: str, parts: Iterable[tuple[str, Iterable[int]]]) -> bool:
    """Whether the claim reports a signing that a clause of the source holding
    the claim's facts (``parts``: passage text and the anchors in it) says is
    still being negotiated, and no such clause says it was signed."""
    if not _SIGNED.search(claim) or _CLAIM_TALKS.search(claim):
        return False
    held = [h for text, anchors in parts for h in _held(text, anchors)]
    # (a clause that denies the signing is no outcome: "пока не подписано")
    return any(_NEGOTIATING.search(h) for h in held) and not any(
        _OUTCOME.search(h) and not _NEGOTIATING.search(h) and not negation_cues(h, None)
        for h in held
    )
