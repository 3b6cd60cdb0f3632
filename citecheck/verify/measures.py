"""Are two figures the same measure? The checks behind a numeric conflict (issue 5).

A different figure contradicts a claim only when it counts the same thing:
a growth rate is no share ("%86 arttı" / "5 percent of traffic"), 30 companies
are no 4,000 tonnes, Kazakhstan's oil output is not its copper output, and a
dateline dates the page, not the event. :mod:`citecheck.verify.reading`
applies these before it records a conflict.
"""

from __future__ import annotations

import re

from citecheck.verify.attribution import sentence_at
from citecheck.verify.comparison import apart
from citecheck.verify.model import Quantity
from citecheck.verify.terms import Terms, passage_terms

__all__ = [
    "FIGURE_QUALIFIERS", "GENERIC", "PUBLICATION", "SAME_MEASURE_SHARED", "SHARES",
    "far_apart", "is_change", "is_share", "named_unit", "one_part_changed", "other_measure",
    "parallel", "same_unit", "shared_unit",
]  # fmt: skip

# Words that stand next to figures of every kind ("production", "rose",
# "tonnes", "countries", "share"): sharing them does not make two figures the
# same quantity (Kazakhstan's oil output is not its copper output).
GENERIC = frozenset({
    "production", "increase", "decrease", "world", "country", "amount", "large", "small",
    "new", "first", "share", "value", "tonne", "region", "account", "record", "half", "use",
    "need", "today", "various", "wide", "basis", "target", "natural",
})  # fmt: skip

# Concepts that qualify a figure (how it is counted: in total, on average, a
# year, a day) rather than say what happens to it: a negation beside one
# ("did not disclose the total investment") is no negation of the claim's
# predicate.
FIGURE_QUALIFIERS = frozenset({"total", "average", "annual", "daily", "week"})


def far_apart(q: Quantity, p: Quantity) -> bool:
    """Whether two counts or sums (not shares, not dates) lie more than
    comparison.RIVAL_FACTOR apart: no changed figure of one another. Values as written:
    read in their units ("1,2 GW" against "230 MW" is five times, not 200)
    this lost one right verdict on the development sets and moved none elsewhere."""
    if q.kind in SHARES or p.kind in SHARES or q.is_time or p.is_time:
        return False
    return apart(q.value or 0.0, p.value or 0.0)


# Words of known meaning next to the claim's figure must all be in the sentence
# of the passage's figure for the two to be one measure ("petrol üretimi" and
# "refined copper": oil is missing) unless this many specific words are shared.
SAME_MEASURE_SHARED = 3


# The words right around a passage's figure that name what it counts ("about a
# quarter of US uranium *imports*"): this many characters before and after it.
NAMING_BEFORE, NAMING_AFTER = 20, 25


def other_measure(claim_near: Terms, claim: str, p: Quantity, text: str, lang: str | None) -> bool:
    """Whether the two figures count different things: a concept word near the
    claim's figure is absent from the sentence of the passage's figure, or a
    concept word naming the passage's figure is absent from the claim (the
    claim's "produces 40 %" against "a quarter of uranium imports")."""
    sentence = sentence_at(text, lang, p.start)
    if sentence is None:
        return False
    there = passage_terms(text[sentence[0] : sentence[1]])
    if any(
        concept and concept not in GENERIC and not there.covers(stem, concept)
        for _s, _e, stem, concept in claim_near.items
    ):
        return True
    naming = passage_terms(text[max(0, p.start - NAMING_BEFORE) : p.end + NAMING_AFTER])
    mine = passage_terms(claim)
    return any(
        concept and concept not in GENERIC and not mine.covers(stem, concept)
        for _s, _e, stem, concept in naming.items
    )


def _unit_words(text: str, q: Quantity) -> set[str]:
    """The words a count counts: the two after it ("30 state companies", "12.9
    billion cubic metres", "17 статей")."""
    return {concept or stem for _s, _e, stem, concept in
            passage_terms(text[q.end : q.end + 40]).items[:2]}  # fmt: skip


def same_unit(claim: str, q: Quantity, text: str, p: Quantity) -> bool:
    """Whether two counts count the same thing, as far as their next words tell."""
    a, b = _unit_words(claim, q), _unit_words(text, p)
    return not a or not b or bool(a & b)


def shared_unit(claim: str, q: Quantity, text: str, p: Quantity) -> bool:
    """Whether two counts name a unit and the same one ("4,5 milyon ton" and
    "2.76 million tonnes"), not merely no unit on one side."""
    if q.unit and q.unit == p.unit:
        return True  # the same currency or unit read with the figure: "64,8 milyar dolar"
    return bool(_unit_words(claim, q) & _unit_words(text, p))


def named_unit(claim: str, q: Quantity, text: str, p: Quantity) -> bool:
    """Whether two counts are followed by the same word for what they count
    ("20 milyon ton tahıl", "32,9 Millionen Tonnen Getreide")."""
    return bool(_unit_words(claim, q) & _unit_words(text, p))


def parallel(a: Quantity, b: Quantity, text: str, lang: str | None) -> bool:
    """Two figures of one kind in one passage (a sentence or two), set side by
    side for two names: "X grew 4.8 %, while Y grew 6.5 %. Z grew by 9 %"."""
    if a.kind != b.kind or a.unit != b.unit:
        return False
    # counts are parallel only when they count the same thing ("5 plants … 3
    # plants"), not "more than 100,000 Armenians" beside "two wars"
    return a.kind != "count" or bool(_unit_words(text, a) & _unit_words(text, b))


SHARES = ("percent", "fraction")
# Words that make a percentage a rate of change ("grew by 6.5 percent", "%86
# arttı", "stiegen um 3 Prozent", "выросла на 6 процентов") rather than a share
# of something ("45 percent of GDP"). Read within CHANGE_WINDOW characters.
_CHANGE = re.compile(
    # ("made up 38 percent of" is a share: "make up" is no rise, nor "followed by")
    r"(?<!\w)(?:(?<!followed\s)by|(?<!made\s)(?<!make\s)(?<!makes\s)(?<!making\s)up(?!\s+to)|down|um|на|rose|risen|rise[sn]?|grew|grown|grow(?:s|ing|th)?|fell|"
    r"wachstum|рост\w*|прирост\w*|"
    r"fallen|increas\w*|decreas\w*|declin\w*|dropp?\w*|jump\w*|climb\w*|surg\w*|"
    r"expand\w*|shr[aiu]nk\w*|gestiegen|stieg\w*|gesunken|sank|wuchs|gewachsen|"
    r"вырос\w*|снизи\w*|сократи\w*|увеличи\w*|упа\w*|art[tmaı]\w*|azal\w*|büyü\w*|"
    r"düş\w*|geril\w*|yüksel\w*|oranında)(?!\w)",
    re.IGNORECASE,
)
CHANGE_WINDOW = 25


def is_change(text: str, q: Quantity) -> bool:
    """Whether a percentage is a rate of change, by the words right around it."""
    before = text[max(0, q.start - CHANGE_WINDOW) : q.start]
    after = text[q.end : q.end + CHANGE_WINDOW]
    return bool(_CHANGE.search(before) or _CHANGE.search(after))


# A percentage of something: "45 percent of GDP", "43 Prozent des Urans",
# "43% мировой" (a genitive follows), Turkish "%40'ını", "%45'i" (a possessive
# ending on the figure itself).
_SHARE_AFTER = re.compile(r"\s*(?:of|der|des|от|из)\b", re.IGNORECASE)
_TR_POSSESSIVE = re.compile(r"['’]?(?:[ıiuü]|s[ıiuü]|[ıiuü]n[ıiuü]|s[ıiuü]n[ıiuü]|"
                            r"[ıiuü]n[ae]|s[ıiuü]n[ae])$")  # fmt: skip


def is_share(text: str, q: Quantity) -> bool:
    """Whether a percentage is a share of something, by its form and what follows."""
    return bool(_SHARE_AFTER.match(text, q.end) or _TR_POSSESSIVE.search(q.text))


# Words that introduce the date of a page rather than of an event.
PUBLICATION = re.compile(
    r"(?:published|updated|posted|last\s+modified|date|yayın\w*|güncel\w*|tarih\w*|"
    r"veröffentlicht|aktualisiert|stand|опубликован\w*|обновлен\w*|дата)\s*:?\s*\S{0,12}\s*$",
    re.IGNORECASE,
)


def one_part_changed(a: Quantity, b: Quantity) -> bool:
    """Two dates of the same precision, day or month, that differ in one part only
    ("5 Kasım 2025" / "15 November 2025", "30 Ekim 2015" / "30 October 2017",
    "Aralık 2024" / "December 2023")."""
    if not (a.iso and b.iso and len(a.iso) == len(b.iso) and len(a.iso) in (7, 10)):
        return False
    if a.iso.startswith("-") or b.iso.startswith("-"):
        return False  # "--11-06": a day without its year
    return sum(x != y for x, y in zip(a.iso.split("-"), b.iso.split("-"), strict=True)) == 1
