"""Which way a figure goes: "%12 artış" / "um 12 Prozent zurück" (issue 5).

A change or a comparison is written as a figure with a word of direction
beside it: "rose 8.1 percent", "%8,1 artarak", "stieg um 8,1 Prozent",
"вырос на 8,1%"; "about 18 percent below the national average", "ulusal
ortalamanın yaklaşık %18 üzerinde". The same figure with the opposite word is
the opposite statement, and the rules, which compare values, read it as
agreement. Pure: no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache

from citecheck.verify.model import Quantity
from citecheck.verify.negation import clauses

__all__ = ["DOWN", "UP", "figure_direction"]

UP, DOWN = 1, -1

# Verbs and nouns of change, by language, as word beginnings ("$" ends a whole
# word): they may stand on either side of their figure ("rose 12 %" / "%12
# artış" / "um 12 % gestiegen"). Words that only begin like one are kept out:
# "contracts", "fellow", "surgery", Turkish "büyük" (big), "gerilim" (tension),
# German "Sankt", Russian "Ростов".
_CHANGE = {
    "en": (
        r"rose$|rise[sn]?$|rising$|increas|grew$|grow(?:s|n|ing|th)?$|gain(?:s|ed|ing)?$|jump"
        r"|climb|surg(?:e|es|ed|ing)$|soar|rais(?:e|es|ed|ing)$|hik(?:e|es|ed|ing)$",
        r"fell$|fall(?:s|en|ing)?$|declin|decreas|drop(?:s|ped|ping)?$|dipped$|shr[au]nk$"
        r"|contract(?:ed|ion)$|slump|plung|reduc|lower(?:s|ed|ing)$|cut(?:s|ting)?$",
    ),
    "tr": (
        r"art(?:ış|ar|tı|mış|an|ma|acak|ır)|yüksel|büyü(?:me|dü|müş|yen|yerek|yor)",
        r"azal|düş(?:üş|er|tü|müş|en|me)|gerile|küçül|daral|indir",
    ),
    "de": (
        r"stieg|steig|gestiegen|anstieg|zunahm|zugenommen|zuwachs|wuchs|gewachsen|erhöh",
        r"sank(?:en)?$|sink|gesunken|fiel|gefallen|rückgang|zurück|verringer|schrumpf|geschrumpft"
        r"|senkt|gesenkt",
    ),
    "ru": (
        r"вырос|выросл|рост(?:а|у|ом)?$|увелич|прирост|повыс",
        r"снизил|сниж|упал|падени|сократил|сокращ|уменьш|понизил",
    ),
}
# Comparatives: only right after the figure ("18 percent below", "%18
# üzerindedir", "на 18% больше"), where they compare; before it they bound it
# ("more than 18 percent"), which quantities.py reads. Whole words.
_COMPARE = {
    "en": (r"above|higher|more|over", r"below|lower|less|fewer|under"),
    "tr": (r"üzerinde\w*|fazla\w*|yüksek\w*", r"altında\w*|düşük\w*|az|eksik\w*"),
    "de": (r"über|höher\w*|mehr|oberhalb", r"unter|niedriger\w*|weniger|unterhalb"),
    "ru": (r"выше|больше", r"ниже|меньше"),
}
# How far a word of change may stand from its figure, in words: "gingen 2025
# nach vorläufigen Angaben um 12 Prozent zurück" (1 after), "fell to 18 percent
# from 25 percent" (5 before the 25).
CHANGE_WORDS = 5
COMPARE_WORDS = 2  # "18 percent below", "%18 daha fazla": the unit may come between
# "13.8 tonnes of gold in 2024, up from 12.1 tonnes": English tells the change
# of a figure after the comma that ends its clause, so the clause words miss it.
# Only when no other figure (a year may) stands between, and "up"/"down" only
# in this phrase: alone they bound ("up to 10 million") or mean nothing.
_SINCE = re.compile(
    r"^((?:[^\d.;:!?]|\b(?:19|20)\d\d\b){0,80}?),\s+(up|down)\s+(?:from|on)\b", re.IGNORECASE
)
_BOUND_CASE = re.compile(r"(?:[dt][ae]n|n?[ıiuü]n)$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=32)
def _lexicon(lang: str | None, compares: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The (up, down) patterns of a language, or of all four when it is unknown:
    words of change by their beginnings, comparatives as whole words."""
    table = _COMPARE if compares else _CHANGE
    langs = [lang[:2]] if lang and lang[:2] in table else list(table)
    end = "$" if compares else ""
    up, down = ("|".join(table[k][way] for k in langs) for way in (0, 1))
    return (
        re.compile(rf"^(?:{up}){end}", re.IGNORECASE),
        re.compile(rf"^(?:{down}){end}", re.IGNORECASE),
    )


def _words_around(text: str, q: Quantity) -> tuple[list[str], list[str]]:
    """The words of the figure's clause (negation.clauses: "exports rose 5 %,
    while imports fell 12 %") before it, nearest first, and after it."""
    before = text[max(0, q.start - 200) : q.start]
    after = text[q.end : q.end + 200]
    spans = clauses(before)
    before = before[spans[-1][0] :] if spans and spans[-1][1] == len(before) else ""
    spans = clauses(after)
    after = after[: spans[0][1]] if spans and spans[0][0] == 0 else ""
    return _WORD.findall(before)[::-1], _WORD.findall(after)


def figure_direction(text: str, lang: str | None, q: Quantity) -> int:
    """UP, DOWN or 0: the direction the figure's own clause gives it — the
    nearest word of change or, right after the figure, a comparative. 0 when
    none is near or both ways are, and for years and dates."""
    if q.is_time:
        return 0
    before, after = _words_around(text, q)
    found: list[tuple[int, int]] = []  # (distance in words, direction)
    up, down = _lexicon(lang, compares=False)
    for side in (before, after):
        found += _ways(side[:CHANGE_WORDS], up, down)
    since = _SINCE.match(text[q.end : q.end + 120]) if not lang or lang[:2] == "en" else None
    if since:
        found.append(
            (len(_WORD.findall(since.group(1))), UP if since.group(2).lower() == "up" else DOWN)
        )
    if q.bound == "exact":  # a bound's comparative is its bound ("%40'tan fazla")
        up, down = _lexicon(lang, compares=True)
        words = after[:COMPARE_WORDS]
        # Turkish: a comparative after an ablative or genitive bounds the figure
        # ("1,5 metreden fazla", "%18'in üzerinde"); cut the words there
        turkish = not lang or lang[:2] == "tr"
        for k, w in enumerate([q.text, *words][: len(words)]):
            if turkish and _BOUND_CASE.search(w):
                words = words[:k]
                break
        found += _ways(words, up, down)
    if not found:
        return 0
    nearest = min(d for d, _ in found)
    ways = {way for d, way in found if d == nearest}
    return ways.pop() if len(ways) == 1 else 0


def _ways(words: list[str], up: re.Pattern[str], down: re.Pattern[str]) -> list[tuple[int, int]]:
    return [
        (k, UP if up.match(w) else DOWN)
        for k, w in enumerate(words)
        if up.match(w) or down.match(w)
    ]
