"""Whose figure is it? Figures and names of a source passage (issue 5).

The judge must not accept the right number said of the wrong country ("Y grew
by 6.5 percent, while X grew by 4.8 percent"). :func:`owner_of` finds the name
a claim gives a figure to; :func:`said_of` the name a passage gives one of its
figures to: the figure's contrastive part of its sentence, and in it the
subject (the nearest name before the figure, with the names coordinated with
it, outside relative clauses and prepositions) and the name the figure is "of"
or "to".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from citecheck.notes.sentences import split_sentences, unwrapped
from citecheck.verify.entities import known_entities
from citecheck.verify.model import Entity, Quantity
from citecheck.verify.negation import clauses

__all__ = ["CLASS", "contrast_parts", "owner_of", "said_of", "sentences"]

# Entity kinds that can stand in for each other ("Kazakhstan" vs "Central Asia").
CLASS = {"country": "place", "region": "place", "place": "place", "org": "org", "name": "name"}


# A name's possessive ending right after it: Turkish genitive after an
# apostrophe ("Çin'in", "Rusya'nın"), English "'s".
_GENITIVE = re.compile(r"['’](?:n?[ıiuü]n|s)(?!\w)")


def owner_of(claim: str, entities: Sequence[Entity], q: Quantity) -> Entity | None:
    """Whose figure a claim quantity is: the known name in its clause, else the
    nearest one before it (Turkish and English put the subject first), else after."""
    known = [e for e in entities if e.known]
    if not known:
        return None
    for s, e in clauses(claim):
        if s <= q.start < e:
            inside = [x for x in known if s <= x.start < e]
            # a possessor owns the figure: "Çin'in … ülkesiyle ticareti", "China's trade with …"
            owning = [x for x in inside if x.end <= q.start and _GENITIVE.match(claim, x.end)]
            if owning:
                return owning[-1]
            if inside:
                return min(inside, key=lambda x: abs(x.start - q.start))
    before = [x for x in known if x.end <= q.start]
    return before[-1] if before else known[0]


@lru_cache(maxsize=4096)
def sentences(text: str, lang: str | None) -> list[tuple[int, int]]:
    """The sentences of a passage, a wrapped line of a PDF read as going on."""
    return split_sentences(unwrapped(text), lang)


def sentence_at(text: str, lang: str | None, at: int) -> tuple[int, int] | None:
    """The (start, end) of the sentence of ``text`` that holds offset ``at``."""
    return next(((s, e) for s, e in sentences(text, lang) if s <= at < e), None)


# A count's name right after it says what it counts ("five Central Asian
# leaders", "Eight Russian citizens"): the figure is that name's whatever the
# sentence's subject. Characters between the count and the name.
COUNTED_REACH = 3
_LIST_BREAK = re.compile(r"[,;:]")


def said_of(
    owner: Entity | None,
    claim_keys: set[str],
    p: Quantity,
    text: str,
    lang: str | None,
    *,
    strict: bool = False,
) -> str | None:
    """Whom the passage gives figure ``p`` to: "owner" (the claim's name for it),
    the text of another name of the same class, or None when it cannot tell.

    The figure's own part of its sentence decides (:func:`contrast_parts`: "Y grew by
    6.5 percent, while X grew by 4.8 percent" gives 6.5 to Y), and in it the
    subject: the nearest name before the figure with the names coordinated
    with it ("Kazakhstan and Uzbekistan produce …"), outside relative clauses
    ("Kazakhstan, which sells to China, produces …"). A part naming nobody of
    the owner's kind defers to the parts before it, then to the whole
    sentence; a sentence naming nobody (an anaphor: "It also supplies a
    quarter …") defers to the whole passage. ``strict`` (dates, which belong
    to a whole sentence unless a part sets them apart): only a part decides.
    """
    if owner is None:
        return None
    mentions = known_entities(text)
    kind = CLASS[owner.kind]
    if p.kind == "count" and any(
        m.key == owner.key
        and 0 <= m.start - p.end <= COUNTED_REACH
        and not _LIST_BREAK.search(text, p.end, m.start)  # "3,5 milyon, Türkiye'nin ise …"
        for m in mentions
    ):
        return "owner"  # "all five Central Asian leaders": the name is what is counted

    def relevant(ms: Iterable[Entity]) -> list[Entity]:
        return [m for m in ms if m.key == owner.key or CLASS[m.kind] == kind]

    decided = False
    for s, e in sentences(text, lang):
        if s <= p.start < e:
            inside = [m for m in mentions if s <= m.start < e]
            if not inside and not _ANAPHOR.match(text, s):
                mentions = ()  # "Glaciers in the region lost 30 %": about something unnamed
            if inside:
                mentions = tuple(inside)
                parts = contrast_parts(text, s, e)
                at = next((k for k, (a, b) in enumerate(parts) if a <= p.start < b), None)
                if at is not None and len(parts) > 1:
                    order = [*range(at, -1, -1), *range(at + 1, len(parts))]
                    for k in order:
                        a, b = parts[k]
                        got = relevant(m for m in inside if a <= m.start < b)
                        if got:
                            mentions = tuple(got)
                            decided = True
                            break
            break
    # The owner named beside rivals: the subject of the figure decides.
    # ... and so does it where the figure's part names others only, of the
    # claim's and not ("followed by Turkiye with 19.8 percent and Georgia with
    # 9.1 percent").
    rel = relevant(mentions)
    there = any(m.key == owner.key for m in rel)
    if (there and any(m.key not in claim_keys for m in rel)) or (
        decided and not there and len({m.key for m in rel}) > 1
    ):
        mentions = tuple(_subject(rel, p.start, p.end, text)) or mentions
    if strict and not decided:
        return None
    if any(m.key == owner.key for m in mentions):
        return "owner"
    rivals = [m for m in mentions if CLASS[m.kind] == kind and m.key not in claim_keys]
    return rivals[0].text if rivals else None


# Between two coordinated names: "Kazakhstan and Uzbekistan", "Türkiye, Azerbaycan
# ve Gürcistan", "Russland und die Türkei"; a possessive or case ending may follow.
_COORDINATION = re.compile(
    r"^(?:['’]s|['’]?[a-zçğıöşü]{0,4})?[\s,]*(?:and|or|ve|ile|veya|und|oder|и|или|&)?"
    r"(?:\s+(?:the|die|der|das))?[\s,]*$",
    re.IGNORECASE,
)
# A relative clause set off by commas names a bystander, not the subject.
_RELATIVE = re.compile(
    r",\s*(?:which|who|whose|where|welche[rsm]?|wo|котор\w+|где|ki)\b[^,;]*,", re.IGNORECASE
)


# From a figure to the name it is "of": "45 percent of Tajikistan's GDP", "8 %
# der Exporte Kasachstans" (at most three words between).
_OF_NAME = re.compile(
    r"^\s*(?:[\w-]+\s+)?(?:of|to|into|for|in|von|der|des|nach|für|an|из|от|в|во|для)\s+"
    r"(?:the\s+|die\s+|den\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# A preposition right before a name makes it an object, not a subject.
_PREPOSITION = re.compile(
    r"\b(?:to|into|from|with|of|(?<!followed\s)by|for|nach|aus|mit|(?<!gefolgt\s)von|für|"
    r"в|во|из|с|к|от|для)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


# A figure, its unit, and the preposition that gives it to the name that follows.
_FIGURE_IN = re.compile(
    r"\d[\d.,]*\s*(?:%|[^\W\d_][\w-]*\s+){0,2}(?:in|of|for|von|für|в|во|для)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _subject(ms: list[Entity], at: int, end: int, text: str) -> list[Entity]:
    """The names a figure at ``at`` is said of among ``ms`` (see said_of)."""
    if not ms:
        return []
    hidden = [(m.start(), m.end()) for m in _RELATIVE.finditer(text, 0, at)]
    ms = sorted((m for m in ms if not any(a <= m.start < b for a, b in hidden)),
                key=lambda m: m.start) or sorted(ms, key=lambda m: m.start)  # fmt: skip
    # "45 percent of Tajikistan's GDP", "1.8 billion dollars to Russia": a name
    # right after the figure, joined by "of" or "to", owns it (with the subject).
    after = [m for m in ms if m.start >= end and _OF_NAME.match(text[end : m.start])][:1]
    # The subject: the nearest name before the figure that is not itself the
    # object of a preposition ("… to China and 1.8 billion", "mostly from Russia").
    # ... nor the name another figure is said "in" or "of" ("774 km in
    # Afghanistan and 826 km in Pakistan": Afghanistan is 774's, not 826's).
    before = [
        m
        for m in ms
        if m.end <= at
        and not _PREPOSITION.search(text[: m.start])
        and not (after and _FIGURE_IN.search(text[max(0, m.start - 40) : m.start]))
    ]
    if not before:
        # the subject is a pronoun ("It accounts for …"); other names are objects
        return after
    group = [before[-1]]
    for m in reversed(before[:-1]):
        if not _COORDINATION.match(text[m.end : group[0].start]):
            break
        group.insert(0, m)
    return group + after


# A sentence that opens with a pronoun or "the country" speaks of a name in the
# sentence before: "Kazakhstan is the largest producer. It supplies a quarter …".
_ANAPHOR = re.compile(
    r"\W*(?:it|its|this|these|they|their|the\s+(?:country|republic|company|region|state)|"
    r"bu|ülke|şirket|cumhuriyet|es|sie|er|dies\w*|das\s+land|он|она|оно|они|эт\w+|страна)\b",
    re.IGNORECASE,
)


# Where one sentence sets two subjects' figures side by side: contrastive
# conjunctions and semicolons, not every comma ("Kazakhstan, which sells to
# China, produces 40 %" and "Kazakhstan, Uzbekistan and Turkmenistan produce"
# keep their subject). Turkish joins such clauses with the converb -(I)rken /
# -yorken ("büyürken" = while growing) and the contrastive "ise"; German
# "während", "wohingegen"; Russian ", а", "тогда как", "в то время как".
_CONTRAST = re.compile(
    r";|\s[-–—]\s|,?\s(?:while|whereas|but|compared\s+(?:with|to)|against|versus|"
    # a ranking: "Iraq took 38 percent, followed by Syria with 11 percent"
    r"followed\s+by|gefolgt\s+von|"
    r"verglichen\s+mit|im\s+Vergleich\s+zu|gegenüber|по\s+сравнению\s+с|kıyasla|karşın|"
    r"oysa|buna\s+karşın|während|wohingegen|aber|jedoch|"
    r"а|но|тогда\s+как|в\s+то\s+время\s+как|при\s+этом)\s|"
    r"(?<=[^\W\d_]{2}r)ken\b,?|(?<=yor)ken\b,?|,\s(?=[^,]{0,40}\sise\s)",
    re.IGNORECASE,
)


def contrast_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the contrastive parts of the sentence text[start:end]."""
    spans, prev = [], start
    for m in _CONTRAST.finditer(text, start, end):
        if m.start() > prev:
            spans.append((prev, m.start()))
        prev = m.end()
    if prev < end:
        spans.append((prev, end))
    return spans
