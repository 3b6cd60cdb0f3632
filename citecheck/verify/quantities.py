"""Numbers in claims and sources, normalised so that languages compare (issue 5).

``extract_quantities(text, lang)`` finds percentages (``%40``, ``yüzde 40``,
``40 percent``, ``40 Prozent``, ``40 процентов``), money with scales
(``1,1 milyar dolar``, ``$1.1 billion``, ``1,1 Milliarden US-Dollar``,
``1.1 млрд долларов``), fractions in words (``dörtte biri``, ``a quarter``,
``ein Viertel``, ``четверть``, ``yarısından fazlası``), ratios (``iki katı``,
``double``), plain counts, years and dates (through citecheck/notes/dates.py),
dates without a year (``28 декабря``, ISO ``--12-28``), cardinals in words
(``Eight``, ``beş``, ``fünf``, ``пять``: number_words.py) and ranks
(``fourth-largest``, ``dördüncü büyük``, ``viertgrößte``).
Each comes with its span, approximation flag (``yaklaşık``, ``about``,
``etwa``, ``около``…) and bound (``more than``, ``aşan``, ``über``, ``более``
make a lower bound). ``compatible(a, b)`` says whether two quantities agree,
conflict or are unrelated.

Separators: Turkish, German and Russian write ``1.250.000`` / ``1 250 000`` and
``1,1``; English ``1,250,000`` and ``1.1``. A single separator followed by
exactly three digits is a thousands separator except where the language uses
that mark for decimals (``1,250`` is 1.25 in Turkish); with no language it is
read as thousands, which is the commoner case in running text.
"""

from __future__ import annotations

import math
import re
from calendar import monthrange
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache

from citecheck.notes.dates import find_dates, fold, month_number
from citecheck.verify.comparison import (
    APPROX_TOLERANCE,
    BOUND_FAR,
    EXACT_TOLERANCE,
    FRACTION_TOLERANCE,
    compare,
    compatible,
)
from citecheck.verify.model import Quantity
from citecheck.verify.number_words import find_word_numbers
from citecheck.verify.units import unit_after

__all__ = [
    "APPROX_TOLERANCE",
    "BOUND_FAR",
    "EXACT_TOLERANCE",
    "FRACTION_TOLERANCE",
    "compare",
    "compatible",
    "extract_quantities",
    "ordinal_value",
]

_DECIMAL_COMMA_LANGS = frozenset({"tr", "de", "ru", "fr", "es", "it", "pt", "nl", "pl"})

# --- vocabulary ---------------------------------------------------------------

_SCALES: list[tuple[str, float]] = [
    # Turkish "bin" takes case endings: "100 binden fazla" (more than 100,000)
    # "mb/d", "kb/d": million and thousand barrels a day, the oil trade's units
    (r"bin(?:den|de|e|i|in|lik)?|thousand|tausend|tsd\.?|тыс\.?|тысяч\w*|kb/d", 1e3),
    (r"milyon\w*|millions?|millionen|mio\.?|mln\.?|млн\.?|миллион\w*|mb/d", 1e6),
    # "bcm": billion cubic metres, the gas trade's unit
    (r"milyar\w*|billions?|milliarden?|mrd\.?|bn|bcm|млрд\.?|миллиард\w*", 1e9),
    (r"trilyon\w*|trillions?|трлн\.?|триллион\w*", 1e12),
    (r"billionen", 1e12),  # German plural: unambiguous 10^12
]
_SCALE_RE = "|".join(f"(?:{p})" for p, _ in _SCALES)
_CURRENCY_BEFORE = r"US\$|USD|\\?\$|€|EUR|£|GBP|₺|TL|₽|RUB|₸|KZT|¥|CNY"
_CURRENCY_AFTER = (
    r"(?:ABD\s+|US-?\s?|U\.S\.\s)?(?:dolar\w*|dollars?|dollar\w*|долл\w*)|"
    r"euros?|euro\w*|avro\w*|евро|lira\w*|TL\b|рубл\w*|rubles?|roubles?|rubel\w*|ruble\w*|"
    r"pounds?|sterlin\w*|yuan|юан\w*|renminbi|tenge\w*|тенге|USD|EUR|RUB|CNY|KZT"
)
_PERCENT_AFTER = r"%|percent|per\s+cent|prozent|процент\w*|pct\.?"

_NUMBER = (
    r"(?P<num>\d{1,3}(?:(?P<sep>[.,\u00a0\u202f ])\d{3}(?!\d))(?:(?P=sep)\d{3}(?!\d))*"
    r"(?:(?!(?P=sep))[.,]\d+)?|\d+(?:[.,]\d+)?)"
)
# One pattern for every numeric quantity. The look-behind keeps digits inside
# names (C5+1, G20, F-35) and decimals' tails from being read as numbers.
_QTY_RE = re.compile(
    rf"(?<![\w+\-/.,])(?<![A-Za-z]-)"
    rf"(?:(?P<cur1>{_CURRENCY_BEFORE})\s?)?"
    rf"(?P<pct1>%\s?|yüzde\s+)?"
    rf"{_NUMBER}"
    # a range: "30-40 %", "%30-40", "30 to 40 percent", "2 ila 3 milyar"
    rf"(?:\s?(?:[-–]|to|bis|ila|ile|до)\s?%?(?P<num2>\d+(?:[.,]\d+)?)(?![.,]?\d))?"
    # Turkish distributive before the scale: "150'şer milyon dolar" (150 million each)
    r"(?:['’]ş?[ae]r(?=\s))?"
    rf"(?:(?P<glued>bn|mn|m|k|b)(?![\w]))?"
    rf"(?:\s?(?P<scale>{_SCALE_RE})(?![\w]))?"
    rf"(?:\s?(?P<pct2>{_PERCENT_AFTER}))?"
    rf"(?:\s?(?P<cur2>{_CURRENCY_AFTER}))?"
    # Turkish case suffix glued to a number, with or without the lost apostrophe:
    # %40'ını, %40ını, 1991de
    rf"(?:['’]?(?P<suffix>[a-zçğıöşü]{{1,6}}))?"
    rf"(?!\d)",
    re.IGNORECASE,
)
# A day and month with no year ("28 декабря Путин …", "on 28 December"): news
# gives the year once. ISO 8601 writes such a date "--12-28"; it compares by
# month and day (comparison.py). A month word of three letters ("ara", "kas",
# "mar") is a month only capitalised: lower case it is a Turkish word.
_DAY_MONTH = re.compile(
    r"(?<![\d.,])(?P<day1>[0-3]?\d)(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?P<mon1>[^\W\d_]{3,10})\b"
    r"|\b(?P<mon2>[^\W\d_]{3,10})\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d.,]\d)\b"
)
# A rank in a ranking: "the world's fourth-largest gas reserves", "dünyanın
# dördüncü büyük", "viertgrößte", "четвертые по величине". Only an ordinal with a
# word of size: "the second summit" is no rank. ("the largest" alone is not
# read: a claim's "largest" would then need a source's, which writes "leading".)
_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7,
    "8th": 8, "9th": 9, "10th": 10,
    "ikinci": 2, "üçüncü": 3, "dördüncü": 4, "beşinci": 5, "altıncı": 6, "yedinci": 7,
    "sekizinci": 8, "dokuzuncu": 9, "onuncu": 10,
    "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "acht": 8,
    "neunt": 9, "zehnt": 10,
    "втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4, "пят": 5, "шест": 6, "седьм": 7,
    "восьм": 8, "девят": 9, "десят": 10,
}  # fmt: skip


_RANK = re.compile(
    r"\b(?P<en>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[2-9]th|2nd|3rd|10th)"
    r"[\s-]+(?:largest|biggest|greatest|most\s+populous|highest|richest)\b"
    r"|\b(?P<tr>ikinci|üçüncü|dördüncü|beşinci|altıncı|yedinci|sekizinci|dokuzuncu|onuncu)"
    r"\s+(?:en\s+)?(?:büyük|kalabalık|zengin|yüksek)\w*"
    r"|\b(?P<de>zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt)"
    r"(?:gr[öo]e?ß|reichst|höchst|bevölkerungsreichst)\w*"
    r"|\b(?P<ru>втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)\w*"
    r"\s+(?:по\s+(?:величине|объему|объёму|размеру|запасам)|крупнейш\w*)",
    re.IGNORECASE,
)


def ordinal_value(stem: str) -> int:
    """The number of an ordinal stem of :data:`_ORDINALS` ("second", "Üçüncü",
    "zweit", "втор"), any case; a sentence-initial Turkish "İkinci" too, whose
    dotted capital str.lower() makes "i" plus a combining dot."""
    return _ORDINALS[stem.replace("İ", "i").lower()]


# What may follow a number written in words: "two billion dollars", "beş milyon".
_WORD_TAIL = re.compile(
    rf"(?:\s?(?P<scale>{_SCALE_RE})(?![\w]))?"
    rf"(?:\s?(?P<pct2>{_PERCENT_AFTER}))?"
    rf"(?:\s?(?P<cur2>{_CURRENCY_AFTER}))?",
    re.IGNORECASE,
)
# "three decades" is thirty years ("otuz yıldır"); the count becomes the years
_DECADES = re.compile(r"\s+(?:decades?|jahrzehnten?|десятилети\w*)\b", re.IGNORECASE)
_PERCENT_BEFORE_WORD = re.compile(r"(?:%\s?|yüzde\s+)\Z", re.IGNORECASE)
_GLUED_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}
_CURRENCY_CODES = [
    (re.compile(r"\$|usd|dolar|dollar|долл", re.I), "USD"),
    (re.compile(r"€|eur|avro|евро", re.I), "EUR"),
    (re.compile(r"£|gbp|pound|sterlin", re.I), "GBP"),
    (re.compile(r"₺|tl|lira", re.I), "TRY"),
    (re.compile(r"₽|rub|рубл|roubl", re.I), "RUB"),
    (re.compile(r"¥|cny|yuan|юан|renminbi", re.I), "CNY"),
    (re.compile(r"₸|kzt|tenge|тенге", re.I), "KZT"),
]

# Cues read just before or after a quantity. Approximation in every language
# ("nearly"/"fast"/"почти" lean low but are still approximations).
_APPROX_BEFORE = re.compile(
    r"(?:yaklaşık(?:\s+olarak)?|takriben|aşağı\s+yukarı|neredeyse|hemen\s+hemen|ortalama|"
    r"about|around|approximately|approx\.|roughly|nearly|almost|some|circa|ca\.|c\.|"
    r"etwa|rund|fast|knapp|ungefähr|zirka|annähernd|gut|"
    r"около|почти|примерно|приблизительно|порядка|~|≈)(?:\s+(?:the|die|der|das))?\s*\Z",
    re.IGNORECASE,
)
_LOWER_BEFORE = re.compile(
    # "no less than" is "at least"; "no more than" is "at most" (_UPPER_BEFORE)
    r"(?:no[t]?\s+(?:less|fewer)\s+than|nicht\s+weniger\s+als|"
    r"(?<!no\s)(?<!not\s)more\s+than|over|above|at\s+least|in\s+excess\s+of|exceeding|upwards\s+of|"
    # verbs of exceeding set a lower bound too: "exports exceeded $400 million"
    r"exceed(?:s|ed)?|surpass(?:es|ed)?|topp(?:ed)?|tops|"
    r"(?<!nicht\s)mehr\s+als|über|mindestens|überst(?:ieg|iegen|eigt)|überschr(?:itt|itten|eitet)|"
    r"übertr(?:af|afen|ifft)|"
    r"en\s+az|"
    r"более|больше|свыше|не\s+менее|превы(?:сил|сила|сило|сили|шает|шают))"
    r"(?P<article>\s+(?:the|die|der|das))?\s*\Z",
    re.IGNORECASE,
)
_UPPER_BEFORE = re.compile(
    r"(?:no[t]?\s+more\s+than|nicht\s+mehr\s+als|"
    r"less\s+than|under|below|up\s+to|at\s+most|fewer\s+than|"
    r"weniger\s+als|unter|bis\s+zu|höchstens|en\s+fazla|"
    r"менее|меньше|не\s+более)(?P<article>\s+(?:the|die|der|das))?\s*\Z",
    re.IGNORECASE,
)
# Turkish puts bounds after: "25 milyar doları aşan" (aşmıştır, aştı: exceeded), "%40'ın üzerinde",
# "yarısından fazlası"; "civarında" = around.
_AFTER = re.compile(
    r"\s*(?:(?P<lower>aşan|aşkın|aş(?:mış|tı|arak|ıyor|acak|maktadır)\w*|fazla\w*|"
    r"üzerinde|üstünde|\+)|(?P<upper>altında|az\b)|"
    r"(?P<approx>civarında|dolayında|kadar|yakın\w*))",
    re.IGNORECASE,
)
_CUE_WINDOW = 30  # characters looked at around a quantity for cues
# "over the 40 percent mark", "über die 40-Prozent-Marke": a bound after all
_THRESHOLD = re.compile(
    r"[\s-]*(?:percent|per\s+cent|prozent|%)?[\s-]*(?:mark|threshold|marke|schwelle)",
    re.IGNORECASE,
)
# ... but after a noun in the genitive, "üzerinde"/"altında" compare with it
# ("ortalamanın %18 üzerinde", "geçen yılın yüzde 5 altında"); the figure's own
# genitive or ablative ("%40'ın üzerinde") is the bound above
_COMPARED = re.compile(r"(\w{2,}(?:n[ıiuü]n|[ıiuü]n))\s+(?:yaklaşık\s+|yüzde\s+)?\Z", re.IGNORECASE)
_NOT_GENITIVE = frozenset({"için"})  # ends like one; shorter words ("bin") cannot match
_POSITION = re.compile(r"üzerinde|üstünde|altında", re.IGNORECASE)

# Fractions in words, as percent. Turkish "dörtte bir" = one in four (lit. "in
# four, one"), with any case suffix ("dörtte birini", "dörtte üçü").
_TR_DIGITS = {
    "bir": 1, "iki": 2, "üç": 3, "dört": 4, "dörd": 4, "beş": 5,
    "altı": 6, "yedi": 7, "sekiz": 8, "dokuz": 9, "on": 10,
}  # fmt: skip
_TR_FRACTION = re.compile(
    r"\b(?P<den>iki|üç|dört|beş|altı|yedi|sekiz|dokuz|on)(?:de|da|te|ta)\s+"
    # "dörtte biri", "beşte dördü" (t softens to d before a vowel)
    r"(?P<num>bir|iki|üç|dört|dörd|beş|altı|yedi|sekiz|dokuz)\w{0,7}",
    re.IGNORECASE,
)
_WORD_FRACTIONS: list[tuple[re.Pattern[str], float, str]] = [
    (re.compile(p, re.IGNORECASE), v, k)
    for p, v, k in [
        # not "yılın ilk yarısında" (the first half of the year)
        (
            r"(?<!ilk )(?<!ikinci )(?<!son )"
            r"\byarı(?:sı|sını|sına|sında|sından|sının|sıyla|dan|ya)\b",
            50.0,
            "fraction",
        ),
        (r"\b(?:three|3)[\s-]+(?:quarters|fourths)\b", 75.0, "fraction"),
        (r"\b(?:a|one)[\s-]+(?:quarter|fourth)\s+of\b(?!\s+a\s+century)", 25.0, "fraction"),
        # "a quarter" alone, not a quarter of the year or of a century
        (
            r"(?<!first )(?<!second )(?<!third )(?<!fourth )(?<!last )(?<!the )"
            r"\b(?:a|one)[\s-]quarter\b(?!\s+(?:century|of\s+a\s+century|of\s+20\d\d))",
            25.0,
            "fraction",
        ),
        (r"\bnine[\s-]tenths\b", 90.0, "fraction"),
        (r"\b(?:four|4)[\s-]fifths\b", 80.0, "fraction"),
        (r"\bone[\s-]tenth\b", 10.0, "fraction"),
        (r"\bone[\s-]third\b", 100 / 3, "fraction"),
        (r"\bone[\s-]fifth\b", 20.0, "fraction"),
        (r"\btwo[\s-]fifths\b", 40.0, "fraction"),
        (r"\bthree[\s-]fifths\b", 60.0, "fraction"),
        (r"\bfour[\s-]fifths\b", 80.0, "fraction"),
        (r"\bzwei\s+fünftel\b", 40.0, "fraction"),
        (r"\b(?:two|2)[\s-]+thirds\b", 200 / 3, "fraction"),
        (r"\b(?:a|one)[\s-]+third\s+of\b", 100 / 3, "fraction"),
        (r"\b(?:a|one)[\s-]+fifth\s+of\b", 20.0, "fraction"),
        (r"\bone\s+in\s+four\b", 25.0, "fraction"),
        (r"\bone\s+in\s+five\b", 20.0, "fraction"),
        (
            r"(?<!first )(?<!second )(?<!latter )\bhalf\b(?!\s*-?\s*(?:year|century|decade))",
            50.0,
            "fraction",
        ),
        (r"\bdrei\s*viertel\b", 75.0, "fraction"),
        (r"\b(?:ein(?:em|en|es)?|1)\s+viertel\b", 25.0, "fraction"),
        (r"\bzwei\s+drittel\b", 200 / 3, "fraction"),
        (r"\b(?:ein(?:em|en|es)?|1)\s+drittel\b", 100 / 3, "fraction"),
        (r"\b(?:ein(?:em|en|es)?)\s+fünftel\b", 20.0, "fraction"),
        (r"(?<!ersten )(?<!zweiten )\bhälfte\b", 50.0, "fraction"),
        (r"\bтри\s+четверти\b", 75.0, "fraction"),
        (r"\bчетверт(?:ь|и|ью)\b", 25.0, "fraction"),
        (r"\bдве\s+трети\b", 200 / 3, "fraction"),
        (r"\bтрет(?:ь|и|ью)\b", 100 / 3, "fraction"),
        (r"\bполовин(?:а|ы|у|е|ой)\b", 50.0, "fraction"),
        # ratios: how many times something is
        (r"\biki\s+kat\w*", 2.0, "ratio"),
        (r"\büç\s+kat\w*", 3.0, "ratio"),
        (r"\b(?:double[ds]?|doubling|twice)\b", 2.0, "ratio"),
        (r"\b(?:triple[ds]?|tripling|threefold)\b", 3.0, "ratio"),
        (r"\b(?:doppelt|verdoppel\w*)\b", 2.0, "ratio"),
        (r"\b(?:вдвое|в\s+два\s+раза)\b", 2.0, "ratio"),
    ]
]

# "seven in ten", "one in three": a share said as a count out of a count.
_EN_DIGITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_IN_FRACTION = re.compile(
    r"\b(?P<num>one|two|three|four|five|six|seven|eight|nine)\s+(?:out\s+)?(?:in|of)\s+"
    r"(?P<den>two|three|four|five|ten)\b",
    re.IGNORECASE,
)

# Fractions in words past the common ones above: "one-sixth", "a sixth of",
# "three tenths", "ein Sechstel", "одна шестая" (numerator, denominator).
_NUMERATORS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ein": 1, "einem": 1, "einen": 1, "eines": 1, "zwei": 2, "drei": 3,
    "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "одна": 1, "одну": 1,
    "одной": 1, "две": 2, "три": 3, "четыре": 4,
}  # fmt: skip
_DENOMINATORS = {
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "drittel": 3, "viertel": 4, "fünftel": 5, "sechstel": 6, "siebtel": 7,
    "achtel": 8, "neuntel": 9, "zehntel": 10, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
    "девят": 9, "десят": 10,
}  # fmt: skip
_FRACTION_WORDS = re.compile(
    # hyphenated: "one-sixth", "three-tenths"
    r"\b(?P<n1>one|two|three|four|five|six|seven|eight|nine)-"
    r"(?P<d1>third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?\b|"
    # "a sixth of", "one tenth of" (not "a sixth term"), "three tenths"
    r"\b(?P<n2>a|one)\s+(?P<d2>sixth|seventh|eighth|ninth|tenth)\s+of\b|"
    r"\b(?P<n3>two|three|four|five|six|seven|eight|nine)\s+"
    r"(?P<d3>sixth|seventh|eighth|ninth|tenth)s\b|"
    r"\b(?P<n4>ein(?:em|en|es)?|zwei|drei|vier|fünf|sechs|sieben|acht|neun)\s+"
    r"(?P<d4>sechstel|siebtel|achtel|neuntel|zehntel|fünftel)\b|"
    r"(?<!\w)(?P<n5>одна|одну|одной|две|три|четыре)\s+"
    r"(?P<d5>пят|шест|седьм|восьм|девят|десят)(?:ая|ую|ой|ых|ые)(?!\w)",
    re.IGNORECASE,
)


# --- extraction ----------------------------------------------------------------


def _parse_number(raw: str, sep: str | None, lang: str | None) -> tuple[float, int] | None:
    """(value, decimals written) of a numeral as the language writes it."""
    s = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if sep is not None and sep in " \u00a0\u202f":
        s = s.replace(" ", "")
    decimal_comma = lang in _DECIMAL_COMMA_LANGS
    if "," in s and "." in s:  # both: the later one is the decimal mark
        dec = "," if s.rfind(",") > s.rfind(".") else "."
    elif s.count(",") + s.count(".") == 1:
        mark = "," if "," in s else "."
        tail = s.split(mark)[1]
        if len(tail) == 3 and sep is not None:
            # "1.250" in Turkish, "1,250" in English; with no language: thousands
            dec = "," if lang is None else ("," if decimal_comma else ".")
            dec = "?" if (mark != dec or lang is None) else dec
        else:
            dec = mark
    else:
        dec = "?"  # no mark, or a mark repeated: grouping only
    whole, _, frac = s.partition(dec) if dec != "?" else (s, "", "")
    digits = whole.replace(",", "").replace(".", "")
    try:
        value = float(f"{digits}.{frac}" if frac else digits)
    except ValueError:
        return None
    return value, len(frac)


def _currency(*parts: str | None) -> str | None:
    for part in parts:
        if part:
            for pattern, code in _CURRENCY_CODES:
                if pattern.search(part):
                    return code
    return None


def _cues(text: str, start: int, end: int, worded: bool = False) -> tuple[bool, str, int, int]:
    """(approx, bound, new_start, new_end): cue words around text[start:end] widen the span
    (``worded``: a number in words)."""
    approx, bound = False, "exact"
    before = text[max(0, start - _CUE_WINDOW) : start]
    for _ in range(2):  # "yaklaşık … en az", "more than about"
        m = _LOWER_BEFORE.search(before) or _UPPER_BEFORE.search(before)
        if (
            m
            and m["article"]
            and (worded or any(c.isdigit() for c in text[start : start + 5]))
            and not _THRESHOLD.match(text, end)
        ):
            # "2.1% more than the 78.9 bcm produced in 2023", "well above the USD
            # 36.8 billion budgeted": a figure with its article is what another
            # is compared with, said exactly ("mehr als die Hälfte" stays a bound);
            # "a dispute over the two countries' frontier" counts the two named
            break
        if m and bound == "exact":
            bound = "lower" if m.re is _LOWER_BEFORE else "upper"
        else:
            m = _APPROX_BEFORE.search(before)
            if m:
                approx = True
        if not m:
            break
        start -= len(before) - m.start()
        before = before[: m.start()]
    after = _AFTER.match(text, end, min(len(text), end + _CUE_WINDOW))
    # (the genitive is looked for only before a position word: _cues runs on every figure)
    compared = (
        _COMPARED.search(before) if after and _POSITION.fullmatch(after.group().strip()) else None
    )
    if compared and compared.group(1).lower() not in _NOT_GENITIVE:
        # "ulusal ortalamanın yaklaşık %18 üzerinde": 18 percent above the
        # average, a comparison direction.py reads, not a bound of the figure
        after = None
    if after:
        if after["lower"] and bound == "exact":
            bound = "lower"
        elif after["upper"] and bound == "exact":
            bound = "upper"
        elif after["approx"]:
            approx = True
        end = after.end()
    return approx, bound, start, end


def _scale(word: str, lang: str | None) -> float:
    """The factor of a scale word ("milyar", "Mio.", "млрд")."""
    word = word.lower()
    if word.startswith("billion") and lang == "de":
        return 1e12  # German "Billion" is 10^12 ("Milliarde" is 10^9)
    return next((f for p, f in _SCALES if re.fullmatch(p, word, re.IGNORECASE)), 1.0)


def _make(kind: str, value: float, unit: str | None, text: str, s: int, e: int,
          approx: bool, bound: str, iso: str | None = None, slack: float = 0.0,
          ) -> Quantity:  # fmt: skip
    top = 100.0 if kind in ("percent", "fraction") else math.inf
    low, high = value, value
    if bound == "lower":
        high = max(top, value)
    elif bound == "upper":
        low = 0.0
    return Quantity(kind, value, low, high, s, e, text[s:e], unit, approx, bound, iso, slack)


def _numerals(text: str, free: Callable[[int, int], bool]) -> Iterator[re.Match[str]]:
    """Matches of _QTY_RE whose number is free. A match that starts on a year
    or date already read ("2016 to 950,000 hectares" as a range) is read again
    from after that year, so the figure after it is not lost."""
    pos = 0
    while (m := _QTY_RE.search(text, pos)) is not None:
        if free(m.start(), m.end("num")):
            yield m
            pos = m.end()
        else:
            pos = m.end("num")


# A day number joined to the day of the date after it.
_DAY_BEFORE = re.compile(
    r"(?<![\d.,])(?P<day>[0-3]?\d)\.?\s*(?:[-–]|\b(?:and|ve|und|и|ila|to|bis)\b)\s*$",
    re.IGNORECASE,
)


# Ordinals past ten by their first five letters (folded): English, German.
_BIG_ORDINALS = {
    "eleve": 11, "twelf": 12, "thirt": 13, "fourt": 14, "fifte": 15, "sixte": 16,
    "seven": 17, "eight": 18, "ninet": 19, "twent": 20, "elfte": 11, "zwolf": 12,
    "dreiz": 13, "vierz": 14, "funfz": 15, "sechz": 16, "siebz": 17, "achtz": 18,
    "neunz": 19, "zwanz": 20,
}  # fmt: skip
_ORDINAL_WORD = re.compile(
    r"\b(?P<word>eleventh|twelfth|(?:thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen)th|twentieth|elfte[nmrs]?|zwölfte[nmrs]?|"
    r"(?:dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig)ste?[nmrs]?)\b"
    # a Roman numeral of two letters or more before a word in lower case
    r"|(?<![\w.])(?=(?-i:[IVX]{2}))(?P<roman>(?-i:X{0,3}(?:IX|IV|V?I{0,3})))\.?"
    r"(?=\s+(?-i:[a-zа-яäöüё]))",
    re.IGNORECASE,
)


def _roman(numeral: str) -> int:
    """The value of a Roman numeral (II-XXXIX); 0 for one letter or none."""
    if len(numeral) < 2:
        return 0
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for a, b in zip(numeral, numeral[1:] + " ", strict=True):
        v = values[a]
        total += -v if b != " " and values[b] > v else v
    return total


# A time of day: hours and minutes with a colon, or with a dot where the time
# is said as one (Turkish "13.24'te", "saat 04.17", German "4.17 Uhr").
_CLOCK = re.compile(
    r"(?<![\d.,:%])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])|"
    r"(?<![\d.,:%])(?:[01]?\d|2[0-3])\.[0-5]\d(?=['’](?:te|de|da|ta|ten|den)\b|\s*Uhr\b)|"
    r"(?<=\bsaat )(?:[01]?\d|2[0-3])\.[0-5]\d(?![\d.,])",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def extract_quantities(text: str, lang: str | None = None) -> tuple[Quantity, ...]:
    """Every quantity in ``text``, in text order, spans never overlapping.

    ``lang`` ("tr", "en", "de", "ru" or None) decides ambiguous separators and
    whether "Billion" is 10^9 (English) or 10^12 (German).
    """
    lg = (lang or "").lower()[:2] or None
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    # 1. dates and years first: "6 Kasım 2025" is not the count 6 and the year 2025
    for iso, s, e in find_dates(text):
        kind = "year" if len(iso) == 4 else "date"
        found.append(_make(kind, float(iso[:4]), None, text, s, e, False, "exact", iso))
        taken.append((s, e))
    # 1b. a day and month without a year: "28 декабря", "on 28 December", "December 28"
    # (matches may overlap: "Ашхабаде 12 декабря" is first read as a word and a
    # day, so a match that is no date is read again from its next character)
    pos = 0
    while (m := _DAY_MONTH.search(text, pos)) is not None:
        word = m["mon1"] or m["mon2"]
        month = month_number(word) if len(fold(word)) >= 4 or word[:1].isupper() else None
        day = int(m["day1"] or m["day2"])
        # (a leap year: "29 February" with no year may well exist)
        if month is None or not 1 <= day <= monthrange(2000, month)[1]:
            pos = m.start() + 1
            continue
        pos = m.end()
        if not free(m.start(), m.end()):
            continue
        iso = f"--{month:02d}-{day:02d}"
        found.append(_make("date", math.nan, None, text, m.start(), m.end(), False, "exact", iso))
        taken.append((m.start(), m.end()))
    # 1b'. the first day of a span of days is part of its date, no count:
    # "3-4 Nisan 2025", "on 3 and 4 April", "17–18 марта"
    # (dated to its month, which attests and is attested by either day)
    for k, q in enumerate(found):
        if q.kind == "date" and text[q.start : q.start + 1].isdigit():
            m = _DAY_BEFORE.search(text, max(0, q.start - 12), q.start)
            if m and 1 <= int(m["day"]) <= 31 and free(m.start(), m.end()):
                taken.append((m.start(), q.start))
                if q.iso and len(q.iso) == 10:
                    span = text[m.start() : q.end]
                    found[k] = replace(q, start=m.start(), text=span, iso=q.iso[:7])
    # 1c'. a clock time is no figure: "13:24", "saat 13.24'te", "um 4.17 Uhr"
    for m in _CLOCK.finditer(text):
        if free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
    # 1c. ranks: "fourth-largest", "dördüncü büyük"
    for m in _RANK.finditer(text):
        word = next(g for g in (m["en"], m["tr"], m["de"], m["ru"]) if g)
        if free(m.start(), m.end()):
            found.append(_make("rank", ordinal_value(word), None, text, m.start(), m.end(), False,
                               "exact"))  # fmt: skip
            taken.append((m.start(), m.end()))
    # 2. fractions and ratios in words
    for m in _TR_FRACTION.finditer(text):
        den, num = _TR_DIGITS[m["den"].lower()], _TR_DIGITS.get(m["num"].lower(), 0)
        if 0 < num < den and free(m.start(), m.end()):
            approx, bound, s, e = _cues(text, m.start(), m.end())
            found.append(_make("fraction", 100 * num / den, "%", text, s, e, approx, bound))
            taken.append((s, e))
    for m in _IN_FRACTION.finditer(text):
        num, den = _EN_DIGITS[m["num"].lower()], _EN_DIGITS[m["den"].lower()]
        if 0 < num < den and free(m.start(), m.end()):
            approx, bound, s, e = _cues(text, m.start(), m.end())
            found.append(_make("fraction", 100 * num / den, "%", text, s, e, approx, bound))
            taken.append((s, e))
    for m in _FRACTION_WORDS.finditer(text):
        k = next(i for i in range(1, 6) if m[f"n{i}"])
        num, den = _NUMERATORS[m[f"n{k}"].lower()], _DENOMINATORS[m[f"d{k}"].lower()]
        if 0 < num < den and free(m.start(), m.end()):
            approx, bound, s, e = _cues(text, m.start(), m.end())
            found.append(_make("fraction", 100 * num / den, "%", text, s, e, approx, bound))
            taken.append((s, e))
    for pattern, value, kind in _WORD_FRACTIONS:
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                approx, bound, s, e = _cues(text, m.start(), m.end())
                unit = "%" if kind == "fraction" else "x"
                found.append(_make(kind, value, unit, text, s, e, approx, bound))
                taken.append((s, e))
    # 3. numerals with their signs, scales and units
    for m in _numerals(text, free):
        if text[m.start() - 1 : m.start()] == "[" and text[m.end("num") : m.end("num") + 1] == "]":
            continue  # a footnote marker "[12]", not a quantity
        if (m["suffix"] or "")[:1].isupper() or (
            (m["glued"] or "")[:1].isupper() and not m["cur1"]
        ):
            continue  # a name: 5G, 3D, 4K (Turkish case endings are lower case)
        parsed = _parse_number(m["num"], m["sep"], lg)
        if parsed is None:
            continue
        value, decimals = parsed
        upto = None
        if m["num2"]:
            second = _parse_number(m["num2"], None, lg)
            if second is not None and second[0] > value:
                upto = second[0]
        s, e = m.start(), m.end()
        cur = _currency(m["cur1"], m["cur2"])
        scale = 1.0
        if m["glued"]:
            if cur is None:  # "5m" without a currency is five metres
                e = m.end("num")
            else:
                scale = _GLUED_SCALE[m["glued"].lower()]
        if m["scale"]:
            scale = _scale(m["scale"], lg)
        if m["pct1"] or m["pct2"]:
            kind, unit = "percent", "%"
        elif cur:
            kind, unit = "money", cur
        else:
            kind, unit = "count", None
        if not free(s, e):
            e = m.end("num")
        approx, bound, s, e = _cues(text, s, e)
        # the written precision is part of the tolerance: "1.1 billion" = 1.05-1.15e9
        slack = 0.5 * 10.0**-decimals * scale
        if upto is not None and bound == "exact":
            low, high = value * scale, upto * scale
            q = _make(kind, (low + high) / 2, unit, text, s, e, approx, "range", slack=slack)
            found.append(replace(q, low=low, high=high))
        else:
            found.append(_make(kind, value * scale, unit, text, s, e, approx, bound, slack=slack))
        taken.append((s, e))
    # 3b. ordinals past ten, in words or Roman numerals: "the twelfth summit",
    # "XII саммит", "в XXI веке", "zum elften Treffen" (the count of a Turkish
    # "12. zirvesi" or an English "12th"); smaller ones ("a second phase") are
    # too common to be facts. (A Roman numeral before a capitalised German noun,
    # "im XXI. Jahrhundert", is not read: it could open a name.)
    for m in _ORDINAL_WORD.finditer(text):
        word = m["word"]
        value = _BIG_ORDINALS[fold(word).lower()[:5]] if word else _roman(m["roman"])
        if value and value > 10 and free(m.start(), m.end()):
            found.append(_make("count", value, None, text, m.start(), m.end(), False, "exact"))
            taken.append((m.start(), m.end()))
    # 4. numbers in words: "Eight Russian citizens", "beş ülke", "fünf Parteien"
    for w in find_word_numbers(text, lg):
        if not free(w.start, w.end):
            continue
        tail = _WORD_TAIL.match(text, w.end)
        s, e = w.start, tail.end() if tail else w.end
        scale = 1.0
        decades = e == w.end and _DECADES.match(text, w.end) is not None
        if decades:
            scale = 10.0
        if tail and tail["scale"]:
            scale = _scale(tail["scale"], lg)
        pct_before = _PERCENT_BEFORE_WORD.search(text, 0, s)
        cur = _currency(None, tail["cur2"] if tail else None)
        if pct_before or (tail and tail["pct2"]):
            kind, unit = "percent", "%"
            if pct_before:
                s = pct_before.start()
        elif cur:
            kind, unit = "money", cur
        else:
            # "three decades" is a time span: thirty years, not thirty of anything
            kind, unit = "count", "year" if decades else None
        if not free(s, e):
            continue
        approx, bound, s, e = _cues(text, s, e, worded=True)
        found.append(
            _make(kind, w.value * scale, unit, text, s, e, approx, bound, slack=0.5 * scale)
        )
        taken.append((s, e))
    found.sort(key=lambda q: q.start)
    found = _join_scaled(text, found)
    found = _join_between(text, found, lg)
    found = [_with_unit(text, q) for q in found]
    return tuple(_inherit_currency(text, [_lean_low(q) for q in found]))


def _with_unit(text: str, q: Quantity) -> Quantity:
    """A count with the unit written after it (units.py): "30 GW", "5 milyon
    ton"; the gas and oil trades' scale words carry theirs ("4.5 bcm", "1.2 mb/d")."""
    if q.kind != "count" or q.unit is not None:
        return q
    tail = q.text.rsplit(None, 1)[-1].lower()
    unit = "m3" if tail == "bcm" else "bbl" if tail in ("mb/d", "kb/d") else unit_after(text, q.end)
    return replace(q, unit=unit) if unit else q


# "between 30 and 50 percent", "zwischen 30 und 50 Prozent": a range whose unit
# only the second figure carries ("30 to 50" is read by _QTY_RE itself)
_BETWEEN = re.compile(r"(?:between|zwischen)\s+\Z", re.IGNORECASE)


def _join_between(text: str, found: list[Quantity], lg: str | None) -> list[Quantity]:
    out: list[Quantity] = []
    for q in found:
        joined = _between(text, out[-1], q, lg) if out else None
        if joined is None:
            out.append(q)
        else:
            out[-1] = joined
    return out


def _between(text: str, prev: Quantity, q: Quantity, lg: str | None) -> Quantity | None:
    """The range "between ``prev`` and ``q``", or None when the two are no range."""
    if (
        prev.kind != "count"
        or prev.bound != "exact"
        or q.kind not in ("percent", "money", "count")
        or q.bound != "exact"
        or not _AND_GAP.fullmatch(text, prev.end, q.start)
    ):
        return None
    before = _BETWEEN.search(text, 0, prev.start)
    written = _LEADING_NUMBER.search(q.text)
    parsed = _parse_number(written.group(0), None, lg) if written else None
    if before is None or parsed is None or not parsed[0]:
        return None
    scale = q.value / parsed[0]  # "between 2 and 3 billion": the scale is the second's
    low, high = prev.value * scale, q.value
    if not low < high:
        return None
    joined = _make(q.kind, (low + high) / 2, q.unit, text, before.start(), q.end, False,
                   "range", slack=q.slack)  # fmt: skip
    return replace(joined, low=low, high=high)


_AND_GAP = re.compile(r"\s+(?:and|und)\s+", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"\d[\d.,]*")


_SCALE_WORD = re.compile(r"[^\W\d_]", re.UNICODE)


def _join_scaled(text: str, found: list[Quantity]) -> list[Quantity]:
    """One figure written in scaled parts: "2 milyar 70 milyon dolar" is 2.07
    billion dollars, "1 milyon 620 bin" 1,620,000 (Turkish writes large
    numbers so; "2 Milliarden 70 Millionen", "1 млрд 200 млн" too). A part
    follows the one before with only a space between, the first ends in a scale
    word, the second is a thousand or more ("5 milyon 3 ülke" is two counts)
    and smaller than the first's scale."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind in ("count", "money")
            and q.kind in ("count", "money")
            and prev.bound == "exact"
            and not text[prev.end : q.start].strip()
            and _SCALE_WORD.search(prev.text.split()[-1])
            and prev.value >= 1000
            and 1000 <= q.value < 1000.0 ** math.floor(math.log(prev.value, 1000) + 1e-9)
            and (prev.kind != "money" or q.kind != "money" or prev.unit == q.unit)
        ):
            money = prev if prev.kind == "money" else q if q.kind == "money" else None
            joined = _make(
                "money" if money else "count", prev.value + q.value, money.unit if money else None,
                text, prev.start, q.end, prev.approx or q.approx, q.bound, slack=q.slack,
            )  # fmt: skip
            out[-1] = joined
            continue
        out.append(q)
    return out


# "nearly half", "neredeyse yarısı", "fast 70 Prozent", "knapp 30 Milliarden",
# "почти половина": an approximation from below, so the figure is at most the
# value ("almost half" is no "more than half"), down to the usual tolerance.
_NEARLY = re.compile(
    r"(?:nearly|almost|neredeyse|hemen\s+hemen|fast|knapp|nahezu|beinahe|почти)\b",
    re.IGNORECASE,
)


def _lean_low(q: Quantity) -> Quantity:
    if not q.approx or q.bound != "exact" or q.is_time or not _NEARLY.match(q.text):
        return q
    # the range holds the tolerance already: compared as exact, not widened again
    low = q.value * (1 - APPROX_TOLERANCE)
    return replace(q, bound="range", low=low, high=q.value, approx=False)


# "150 million dollars, ... Azerbaijan and Uzbekistan 75 million each": a bare
# figure with a scale word after a sum of money in the same sentence is money
# in that currency. Looked back at most this many characters, no full stop between.
CURRENCY_REACH = 160
_SCALED = re.compile(rf"(?:{_SCALE_RE})\b", re.IGNORECASE)
# ... unless an acronym after it says what it counts: "600 milyon dolara … yılda
# 900 bin TEU konteyner"
_COUNTED_BY_ACRONYM = re.compile(r"\s+[A-ZÇĞİÖŞÜ]{2,}\b")


def _inherit_currency(text: str, found: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    last: Quantity | None = None
    for q in found:
        if q.kind == "money":
            last = q
        elif (
            q.kind == "count"
            and q.unit is None  # "5 milyon ton" after a sum of money is still tonnes
            and last is not None
            and q.start - last.end <= CURRENCY_REACH
            and _SCALED.search(q.text)
            and not re.search(r"[.!?](?:\s|$)", text[last.end : q.start])
            and not _COUNTED_BY_ACRONYM.match(text, q.end)
        ):
            q = replace(q, kind="money", unit=last.unit)
        out.append(q)
    return out
