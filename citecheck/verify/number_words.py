"""Cardinal numbers written as words, in the four languages of the sources.

News and analyses write small counts in words: "Eight Russian citizens were
detained", "beş Orta Asya ülkesi", "fünf Parteien", "пять политических партий".
Without them a count changed from 8 to 18 goes unseen, and a claim's "five
parties" finds no figure to agree with.

Only 2 and up: "one"/"ein"/"bir"/"один" are also the indefinite article or
"the same" and would turn most sentences into counts. Turkish "on" (ten) and
"yüz" (hundred, also "face") are English "on" and a Turkish noun: "on" is read
only in Turkish text, "yüz" never.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

__all__ = ["WordNumber", "find_word_numbers"]

_UNITS_EN = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS_EN = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
             "seventeen", "eighteen", "nineteen"]  # fmt: skip
_TENS_EN = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

_UNITS_DE = ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
_TEENS_DE = ["zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn",
             "siebzehn", "achtzehn", "neunzehn"]  # fmt: skip
_TENS_DE = ["zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig",
            "neunzig"]  # fmt: skip

_UNITS_TR = ["iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz"]
_TENS_TR = ["on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan"]
_HUNDRED_TR = "yüz"
# What may follow Turkish hundreds: the tens and units, "bir" (one) among them
# ("beş yüz bir" is 501; alone, "bir" is the article)
_AFTER_HUNDREDS = re.compile(r" (?=\w)")  # one space, as in the table's "beş yüz"
_ONE_TR = re.compile(r"bir(?!\w)", re.IGNORECASE)

# Russian declines its numerals: every case form of 2-90 that running text uses
_UNITS_RU = [
    ("два|две|двух|двум|двумя", 2), ("три|трех|трёх|трем|трём|тремя", 3),
    ("четыре|четырех|четырёх|четырем|четырём|четырьмя", 4), ("пять|пяти|пятью", 5),
    ("шесть|шести|шестью", 6), ("семь|семи|семью", 7), ("восемь|восьми|восемью", 8),
    ("девять|девяти|девятью", 9),
]  # fmt: skip
_TEENS_RU = [
    ("десять|десяти|десятью", 10), ("одиннадцать|одиннадцати", 11),
    ("двенадцать|двенадцати", 12), ("тринадцать|тринадцати", 13),
    ("четырнадцать|четырнадцати", 14), ("пятнадцать|пятнадцати", 15),
    ("шестнадцать|шестнадцати", 16), ("семнадцать|семнадцати", 17),
    ("восемнадцать|восемнадцати", 18), ("девятнадцать|девятнадцати", 19),
]  # fmt: skip
_TENS_RU = [
    ("двадцать|двадцати", 20), ("тридцать|тридцати", 30), ("сорок|сорока", 40),
    ("пятьдесят|пятидесяти", 50), ("шестьдесят|шестидесяти", 60),
    ("семьдесят|семидесяти", 70), ("восемьдесят|восьмидесяти", 80),
    ("девяносто|девяноста", 90),
]  # fmt: skip


def _compose(
    one: str,
    units: list[str],
    teens: list[str],
    tens_words: list[str],
    first_ten: int,
    joined: Callable[[str, str], tuple[str, ...]],
) -> dict[str, int]:
    """2-9, the teens, the tens from ``first_ten`` and every tens-unit compound."""
    words = {w: i + 2 for i, w in enumerate(units)}
    words.update({w: i + 10 for i, w in enumerate(teens)})
    for t, tens in enumerate(tens_words):
        value = first_ten + 10 * t
        words[tens] = value
        for u, unit in enumerate([one, *units]):
            words.update(dict.fromkeys(joined(tens, unit), value + u + 1))
    return words


def _table(lang: str) -> dict[str, int]:
    if lang == "en":  # twenty-five, twenty five; "a thousand kilometres"
        words = _compose(
            "one", _UNITS_EN, _TEENS_EN, _TENS_EN, 20, lambda t, u: (f"{t}-{u}", f"{t} {u}")
        )
        return {**words, "a thousand": 1000, "one thousand": 1000}
    if lang == "de":  # fünfundzwanzig; "tausend Lkw"
        words = _compose("ein", _UNITS_DE, _TEENS_DE, _TENS_DE, 20, lambda t, u: (f"{u}und{t}",))
        return {**words, "tausend": 1000, "eintausend": 1000}
    if lang == "tr":  # on beş, yirmi beş
        words = _compose("bir", _UNITS_TR, [], _TENS_TR, 10, lambda t, u: (f"{t} {u}",))
        # hundreds after a unit ("beş yüz" is 500, not 5; "yüz" alone is also
        # "face"; the tens and units after them: find_word_numbers), and "bin"
        # alone, with its case endings ("yaklaşık bin tır"); after a number "bin"
        # is a scale (quantities.py: "iki bin", "100 binden")
        words.update({f"{unit} {_HUNDRED_TR}": 100 * (u + 2) for u, unit in enumerate(_UNITS_TR)})
        words.update(dict.fromkeys(("bin", "binden", "binde", "bine", "bini", "binin"), 1000))
        return words
    words: dict[str, int] = {}
    if lang == "ru":
        words.update(dict.fromkeys(("тысяча", "тысячу"), 1000))  # (after a number: a scale)
        for forms, value in [*_UNITS_RU, *_TEENS_RU, *_TENS_RU]:
            words.update(dict.fromkeys(forms.split("|"), value))
        for tens_forms, tens in _TENS_RU:
            for unit_forms, unit in [("один|одного|одному|одним", 1), *_UNITS_RU]:
                for t in tens_forms.split("|"):
                    for u in unit_forms.split("|"):
                        words[f"{t} {u}"] = tens + unit  # двадцать пять
    return words


class WordNumber(NamedTuple):
    """A number written in words: its span and value."""

    start: int
    end: int
    value: int


@lru_cache(maxsize=8)
def _pattern(lang: str | None) -> tuple[re.Pattern[str], dict[str, int]]:
    # Unknown language: English, German and Russian (their words do not collide
    # with each other's running text); Turkish only when the text is Turkish.
    langs = [lang] if lang in ("en", "de", "tr", "ru") else ["en", "de", "ru"]
    words: dict[str, int] = {}
    for lg in langs:
        words.update(_table(lg))
    # longest first, so "twenty-five" wins over "twenty"
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # no hyphenated tail: "two-thirds" is a fraction, read elsewhere
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w]|-(?:thirds?|fifths?|quarters?))",
                      re.IGNORECASE), words  # fmt: skip


# Turkish "altı" after a noun of place is "under", not six: "deniz altı boru
# hattı" (subsea pipeline), "yer altı depolama", "su altı"
_UNDER_TR = re.compile(r"(?<!\w)(?:deniz|yer|su|toprak|buz)\s*$", re.IGNORECASE)


def find_word_numbers(text: str, lang: str | None = None) -> list[WordNumber]:
    """Every cardinal of 2-99 written in words in ``text`` (and a thousand, and
    Turkish hundreds), with its span."""
    lg = (lang or "").lower()[:2] or None
    pattern, words = _pattern(lg)
    found: list[WordNumber] = []
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        pos = m.end()
        key = _key(m.group(0))
        value = words.get(key)
        if value is None:
            continue
        if key == "altı" and _UNDER_TR.search(text, 0, m.start()):
            continue
        if key.endswith(" " + _HUNDRED_TR):  # "beş yüz | elli"
            pos, value = _after_hundreds(text, pos, value, pattern, words)
        found.append(WordNumber(m.start(), pos, value))
    return found


def _key(words: str) -> str:
    return re.sub(r"\s+", " ", words.lower())


def _after_hundreds(
    text: str, end: int, hundreds: int, pattern: re.Pattern[str], words: dict[str, int]
) -> tuple[int, int]:
    """(end, value) of Turkish hundreds with the tens and units after them:
    "beş yüz elli" is 550, "beş yüz on beş" 515, "beş yüz bir" 501."""
    gap = _AFTER_HUNDREDS.match(text, end)
    if gap is None:
        return end, hundreds
    m = pattern.match(text, gap.end())
    small = words.get(_key(m.group(0))) if m else None
    if m is not None and small is not None and small < 100:
        return m.end(), hundreds + small
    one = _ONE_TR.match(text, gap.end())
    return (one.end(), hundreds + 1) if one else (end, hundreds)
