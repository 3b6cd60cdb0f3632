"""Who ranks where: a claim's place in a ranking against the source's (issue 5).

"Kazakhstan is the world's largest flour exporter, ahead of Türkiye" against
"Beim Mehlexport liegt Kasachstan weltweit auf Platz zwei hinter der Türkei";
"Irak … OPEC'in en büyük üreticisi" against "Iraq remains the second-largest
crude producer in OPEC"; "İran … Rusya'nın ardından ikinci sırada" against
"Rusya ve Azerbaycan'ın ardından üçüncü sırada". Every name and figure of such
a claim is in the source, so the rules read it as stated; what changed is the
place. quantities.py reads an ordinal with a word of size
("fourth-largest") as a figure that must be found; "the largest" alone is not
read there (a claim's "largest" would then need a source's, which may write
"leading"). Here a place is never a missing fact, only a contradicting one.

:func:`ranks` finds the places a text states: first ("the largest", "en
büyük", "größte", "крупнейший", "ilk sırada", "an erster Stelle") or an
ordinal ("second-largest", "ikinci sırada", "auf Platz zwei", "на втором
месте"); :func:`holder` the name a place is given to (not the rival it is
measured against: "ahead of Türkiye", "Rusya'nın ardından"); and
:func:`ranking_words` what it ranks, so that two places compare only within
one ranking. contradiction.py (step 3h) compares a claim's place with the
source's. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from citecheck.verify.attribution import contrast_parts, sentence_at
from citecheck.verify.entities import find_entity, known_entities
from citecheck.verify.measures import GENERIC
from citecheck.verify.model import Entity
from citecheck.verify.places import said_where
from citecheck.verify.quantities import ordinal_value
from citecheck.verify.terms import passage_terms

__all__ = ["Rank", "cited", "holder", "names_in", "ranking_words", "ranks", "rival_place"]

# "auf Platz zwei": a cardinal after "Platz"/"Rang" (the ordinals are
# quantities.py's)
_CARDINALS = {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5}
_EN = r"second|third|fourth|fifth"
_TR = r"ikinci|üçüncü|dördüncü|beşinci"
_DE = r"zweit|dritt|viert|fünft"
_RU = r"втор|трет|четв[её]рт|пят"
# German writes ß, ss or (in ASCII) oe for ö: größte, groesste, grösste
_GROSST = r"gr(?:ö|oe|o)(?:ß|ss)t"

# A place after the first, with what makes the ordinal a place: a word of size
# or "place" ("the second ship built in Istanbul" is no place).
_ORDINAL = re.compile(
    rf"\b(?P<o1>{_EN})[\s-]+(?:largest|biggest|busiest|place|only\s+to)\b"
    rf"|\b(?:ranked|ranks|came|comes|finished)\s+(?P<o2>{_EN})\b"
    rf"|\bin\s+(?P<o3>{_EN})\s+place\b"
    rf"|\b(?P<o4>{_TR})\s+(?:en\s+)?(?:büyük|kalabalık|yoğun)\w*"
    rf"|\b(?P<o5>{_TR})\s+sıra(?:da|ya|yı)\w*"
    rf"|\ben\s+(?:büyük|fazla|çok)\s+(?P<o6>{_TR})\b"
    rf"|\b(?P<o7>{_DE})(?:{_GROSST}|wichtigst|hoechst|höchst)\w*"
    rf"|\bauf\s+(?:Platz|Rang)\s+(?P<o8>zwei|drei|vier|fünf|[2-5])\b"
    rf"|\ban\s+(?P<o9>{_DE})er\s+Stelle\b"
    rf"|\b(?P<o10>{_RU})\w*\s+(?:по\s+(?:величине|объему|объёму|размеру)|крупнейш\w*|мест\w*)"
    rf"|\bна\s+(?P<o11>{_RU})\w*\s+месте\b",
    re.IGNORECASE,
)
# The first place. "one of the largest" ranks nothing; "en fazla 5 yıl" is "at
# most five years", a bound; "the top five" a group.
_FIRST = re.compile(
    r"(?<!one\sof\sthe\s)(?<!one\sof\s)\b(?:largest|biggest|busiest)\b"
    r"|\btop\b(?!\s+(?:\d|ten|five|three|twenty|spot))"
    r"|\b(?:ranked|ranks|came|comes|finished)\s+first\b|\bin\s+first\s+place\b|\bnumber\s+one\b"
    r"|\ben\s+(?:büyük|yoğun)\b(?!\s+(?:ikinci|üçüncü|dördüncü|beşinci|\d|iki|üç|dört|beş|on)\b)"
    r"|\ben\s+(?:fazla|çok)\b(?!\s*(?:\d|ikinci|üçüncü|dördüncü|beşinci|bir|iki|üç|dört|beş|on\b))"
    r"|\b(?:ilk|birinci)\s+sıra(?:da|ya|yı)\w*"
    rf"|(?<![^\W\d_]){_GROSST}\w*|\ban\s+erster\s+Stelle\b|\bauf\s+(?:Platz|Rang)\s+(?:eins|1)\b"
    r"|(?<![^\W\d_])крупнейш\w*|\bна\s+первом\s+месте\b|\bпервое\s+место\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Rank:
    """A place in a ranking a text states: 1 for "the largest", n for the nth."""

    value: int
    start: int
    end: int


def _ordinal(word: str) -> int:
    if word.isdigit():
        return int(word)
    return _CARDINALS.get(word.lower()) or ordinal_value(word)


# "one of the largest", "einer der größten", "один из крупнейших" and Turkish
# "en büyüklerinden biri" name a group, not a place
_ONE_OF_BEFORE = re.compile(
    r"(?:\bone\s+of(?:\s+the)?|\b(?:einer|eine|eines|einem|einen)\s+der|\bzu\s+den|"
    r"\b(?:один|одна|одно|одним|одной|одного)\s+из)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "the three largest", "die fünf größten": a group of a size
_COUNT_BEFORE = re.compile(
    r"\b(?:two|three|four|five|six|ten|twenty|\d+|zwei|drei|vier|fünf|zehn|два|три|пять|десять)\s+$",
    re.IGNORECASE,
)
_ONE_OF_AFTER = re.compile(r"\s*\w*(?:ler|lar)\w*\s+bir(?:i|isi)\w*", re.IGNORECASE)


def ranks(text: str) -> list[Rank]:
    """The places ``text`` states, in order; an ordinal place hides the "largest"
    it is made of ("second-largest", "en büyük ikinci", "вторым крупнейшим")."""
    out = []
    for m in _ORDINAL.finditer(text):
        word = next(g for g in m.groups() if g)
        out.append(Rank(_ordinal(word), m.start(), m.end()))
    for m in _FIRST.finditer(text):
        if any(r.start <= m.start() < r.end or m.start() <= r.start < m.end() for r in out):
            continue
        if _ONE_OF_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        if _COUNT_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        if _ONE_OF_AFTER.match(text, m.end()):
            continue  # "en büyük|lerinden biri"
        out.append(Rank(1, m.start(), m.end()))
    return sorted(out, key=lambda r: r.start)


# What a place ranks: this many content words either side of it
RANKING_WORDS = 5
# The rival a place is measured against stands right by it: "ahead of Türkiye"
# or "Egypt overtook China as the largest" this many characters from the place,
# "Rusya ve Azerbaycan'ın ardından" this many words before it
RIVAL_CHARS = 40
RIVAL_WORDS = 4
# A holder after its place stands within this many words, in the same clause
AFTER_WORDS = 6
_CITED_BEFORE = re.compile(
    r"\b(?:according\s+to|laut|nach\s+Angaben\s+(?:der|des|von)|по\s+данным|по\s+словам)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CITED_AFTER = re.compile(r"['’]?\w{0,4}\s+göre\b", re.IGNORECASE)
# Names listed together: "Mısır, Türkiye ve İran", "Kazakhstan and Uzbekistan"
_COORDINATED = re.compile(r"^['’]?\w{0,4}\s*(?:,|\s(?:ve|and|und|и|ile))\s*$", re.IGNORECASE)
# A conjunction after a verb that brings in the next clause's subject
_NEW_SUBJECT = re.compile(r"[^\W\d_]{3,}\s+(?:ve|and|und|и)\s+$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r",\s|[;:]|\b(?:and|und|ve|и)\b")
# A case ending after a name (Turkish after an apostrophe, English "'s"): not
# the sentence's subject
_CASE_ENDING = re.compile(r"['’]\w")
# A participle that ties a place to the name after it: "ilk sırada bulunan Çin"
_PARTICIPLE = re.compile(r"\s+(?:bulunan|olan|yer\s+alan|gelen)\s+", re.IGNORECASE)
# A name inside the ranking's possessor: one or two words up to a genitive
# right before the place ("Ukrayna buğdayının en büyük alıcısı")
_POSSESSOR_WORD = re.compile(r"^(?:\s+\w+)?\s+\w+(?:n[ıiuü]n|[ıiuü]n)\s+\S*\s*$")


def ranking_words(text: str, place: Rank, who: Entity) -> set[str]:
    """The concepts (or stems) of the words around a place: what it ranks
    ("flour exporter", "Handelspartner") and among whom ("OPEC's", "hinter der
    Türkei"); not the words of size, generic ones ("world", "country") nor the
    name ``who`` the place is given to (said on both sides, it tells nothing of
    the ranking: "Kazakhstan … largest producer of uranium" is not "Kazakhstan
    … second-largest producer of flour")."""
    lo, hi = sentence_at(text, None, place.start) or (0, len(text))
    items = [t for t in passage_terms(text[lo:hi]).items if not who.start <= lo + t[0] < who.end]
    before = [t for t in items if lo + t[1] <= place.start][-RANKING_WORDS:]
    after = [t for t in items if lo + t[0] >= place.end][:RANKING_WORDS]
    return {concept or stem for _s, _e, stem, concept in before + after if concept not in GENERIC}


# The names a place is measured against, not given to: "ahead of Türkiye",
# "behind China", "Rusya'nın ardından", "nach China", "после Египта" ...
_RIVAL_BEFORE = re.compile(
    r"\b(?:ahead\s+of|after|behind|only\s+to|followed\s+by|overt(?:ook|aken|aking)|replac\w*|"
    r"surpass\w*|outpac\w*|vor|nach|hinter|gefolgt\s+von|überholt\w*|после|впереди|"
    r"опереди\w*|обогна\w*)\s+(?:the\s+|der\s+|dem\s+|den\s+)?$",
    re.IGNORECASE,
)
# ... and in Turkish after the name: "Rusya ve Azerbaycan'ın ardından üçüncü"
_RIVAL_AFTER = re.compile(r"\b(?:ardından|önünde|gerisinde|sonra)\b", re.IGNORECASE)


# The rival's own place, one after the place ("the largest, followed by the
# UAE", "ahead of India", "Çin'in önünde") or one before it ("second only to
# China", "an zweiter Stelle hinter China", "Rusya'nın ardından ikinci"). Not
# "overtook", "replaced" and the like, which tell of a change (the rival may
# have held the place before), nor "nach", which is also "to".
_NEXT_BEFORE = re.compile(
    r"\b(?:ahead\s+of|followed\s+by|gefolgt\s+von|впереди)\s+(?:the\s+|der\s+|dem\s+|den\s+)?$",
    re.IGNORECASE,
)
_PREVIOUS_BEFORE = re.compile(
    r"\b(?:after|behind|only\s+to|hinter|после)\s+(?:the\s+|der\s+|dem\s+|den\s+)?$",
    re.IGNORECASE,
)
_NEXT_AFTER = re.compile(r"^['’]?\w{0,5}\s+önünde\b", re.IGNORECASE)
_PREVIOUS_AFTER = re.compile(r"^['’]?\w{0,5}\s+(?:ardından|gerisinde|sonra)\b", re.IGNORECASE)


def rival_place(text: str, e: Entity, place: Rank) -> int | None:
    """The place ``text`` gives the rival ``e`` of ``place`` by the words that
    make it one ("the largest …, followed by the UAE": 2; "second only to
    China": 1), or None when ``e`` is no such rival."""
    if 0 <= e.start - place.end <= RIVAL_CHARS:
        before = text[max(0, e.start - 30) : e.start]
        if _NEXT_BEFORE.search(before):
            return place.value + 1
        if place.value > 1 and _PREVIOUS_BEFORE.search(before):
            return place.value - 1
    gap = text[e.end : place.start]
    if e.end <= place.start and len(gap.split()) <= RIVAL_WORDS:
        if _NEXT_AFTER.match(gap):
            return place.value + 1
        if place.value > 1 and _PREVIOUS_AFTER.match(gap):
            return place.value - 1
    return None


def names_in(text: str, span: tuple[int, int], owner: Entity) -> list[Entity]:
    """The names of a sentence of the source: those of the entity table, and the
    claim's holder of a place where the sentence says it ("Antalya", "Gaziantep")."""
    lo, hi = span
    out = [m for m in known_entities(text) if lo <= m.start < hi]
    if not owner.known:
        at = find_entity(owner, text[lo:hi])
        if at is not None and not any(m.start <= lo + at[0] < m.end for m in out):
            out.append(replace(owner, start=lo + at[0], end=lo + at[1]))
    return out


def holder(text: str, entities: list[Entity], place: Rank, lang: str | None) -> Entity | None:
    """The name among ``entities`` (of ``text``) that ``text`` gives ``place`` to.

    The name a participle ties the place to ("ilk sırada bulunan Çin"); else,
    in the place's part of the sentence, a name without a case ending (the
    subject: "İran, … ikinci sırada", "en büyük alıcısı … Çin olmuştur"), before
    the place (Turkish: the first; other languages: the nearest), else the
    nearest after it; names with a case ending ("Çin'in en büyük tedarikçisi",
    "China's largest supplier": the ranking's owner) only when no other stands.
    Never the rival the place is measured against ("ahead of Egypt", "Rusya'nın
    ardından ikinci"), a name inside the ranking's possessor ("Ukrayna
    buğdayının en büyük alıcısı"), a place where ("Avrupa'da", "in the South
    Caucasus") or the one cited ("ENR'a göre")."""
    names = list(entities)
    tied = _PARTICIPLE.match(text, place.end)
    if tied:
        after = [e for e in names if e.start == tied.end()]
        if after:
            return after[0]

    def rival(e: Entity) -> bool:
        near = max(e.start - place.end, place.start - e.end) <= RIVAL_CHARS
        if near and _RIVAL_BEFORE.search(text[: e.start]):
            return True
        gap = text[e.end : place.start]
        return len(gap.split()) <= RIVAL_WORDS and bool(_RIVAL_AFTER.search(gap))

    def possessed(e: Entity) -> bool:  # "Ukrayna buğdayının en büyük …"
        gap = text[e.end : place.start]
        return e.end <= place.start and bool(_POSSESSOR_WORD.match(gap))

    held = [
        e
        for e in names
        if not rival(e) and not possessed(e) and not said_where(text, e) and not cited(text, e)
    ]
    bare = [e for e in held if not _CASE_ENDING.match(text, e.end)]
    held = bare or held
    # the place's own part of its sentence ("Irak … ilk sırada yer alırken Rusya …
    # ikinci sırada"): there the first name is the subject ("Türkiye, Özbekistan
    # tekstil sektörüne … ilk sırada": Özbekistan names the sector)
    lo, hi = _part_at(text, place.start, names)
    held = [e for e in held if lo <= e.start < hi] or held
    before = [e for e in held if e.end <= place.start]
    after = [  # "en büyük alıcısı … Çin olmuştur": a few words on, in the same clause
        e
        for e in held
        if e.start >= place.end
        and len(text[place.end : e.start].split()) <= AFTER_WORDS
        and not _CLAUSE_BREAK.search(text, place.end, e.start)
    ]
    # Turkish puts the subject first in its clause, whatever stands between
    # ("Türkiye, Özbekistan tekstil sektörüne … ilk sırada"); the other languages
    # right before the place ("making Russia the country's largest supplier")
    first = (lang or "")[:2] == "tr"
    if before:
        chosen: Entity | None = (
            min(before, key=lambda e: e.start) if first else max(before, key=lambda e: e.end)
        )
    else:
        chosen = min(after, key=lambda e: e.start) if after else None
    if chosen is not None and any(
        _COORDINATED.match(text[chosen.end : e.start])
        or _COORDINATED.match(text[e.end : chosen.start])
        for e in names
    ):
        return None  # "Mısır, Türkiye ve İran": a group holds the places, not one name
    return chosen


def _part_at(text: str, at: int, names: list[Entity]) -> tuple[int, int]:
    """The contrastive part of the sentence of ``text`` that holds offset ``at``,
    also cut where a conjunction brings in a new subject ("… ithal etmiş ve Rusya
    böylece … en büyük tedarikçisi olmuştur")."""
    lo, hi = sentence_at(text, None, at) or (0, len(text))
    lo, hi = next(((a, b) for a, b in contrast_parts(text, lo, hi) if a <= at < b), (lo, hi))
    for e in names:
        if lo < e.start <= at and _NEW_SUBJECT.search(text[lo : e.start]):
            lo = e.start
    return lo, hi


def cited(text: str, e: Entity) -> bool:
    """Whether a name is the one a statement is attributed to: "according to
    the IEA", "ENR'a göre", "laut Rosstat", "по данным Росстата"."""
    return bool(_CITED_BEFORE.search(text[: e.start]) or _CITED_AFTER.match(text, e.end))
