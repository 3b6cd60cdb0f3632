"""What one source passage shows about a claim: the reading the judge decides on (issue 5).

:func:`claim_facts` takes a claim apart into its key facts — quantities (dates
and years included), names, content words — and :func:`read` looks for each
in one candidate passage: which figures agree, which conflict with the same
quantity of the same entity, which are the right number said of another
name, which names and words are there, and whether the passage's polarity is
the claim's where the shared facts stand. :func:`score` weighs what was found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from citecheck.notes.sentences import split_sentences
from citecheck.verify.entities import extract_entities, find_entity, known_entities
from citecheck.verify.model import Candidate, Entity, Quantity
from citecheck.verify.negation import clauses, negation_cues, scoped_polarity
from citecheck.verify.quantities import compare, extract_quantities
from citecheck.verify.terms import ANTONYMS, Terms, claim_terms, concept_of, passage_terms

__all__ = ["Facts", "Reading", "claim_facts", "merge", "read", "score"]

# Weights of the facts in a claim's score (see judge.py for how the thresholds
# on the score were tuned): a number is the most checkable fact, a date or a
# name counts half as much, all content words together as much as a number.
QUANTITY_WEIGHT = 2.0
DATE_WEIGHT = 1.0
ENTITY_WEIGHT = 1.0
TERMS_WEIGHT = 2.0
# A conflicting number is "the same quantity" when this many content words
# around the claim's figure (same stem or concept) stand around the passage's.
# Unknown names near both figures ("GDP") count as shared words; the known
# name that owns the figure (see _owner) must be in the passage. One shared
# word is not enough: "uranium" alone joins world production and exports to
# China (pair n-related-figure); every contradicted pair shares 2 or more.
ANCHOR_MIN_SHARED = 2
# Dates need one more: "the first C5+1 summit was held in Samarkand in 2015"
# shares "summit" and "held" with a claim about the 2025 summit in Washington
# (pair p-other-summit); a changed date of the same event keeps its place or
# its specific words (c-date: summit, held, White House; c-year-tr: 4 words).
ANCHOR_MIN_SHARED_TIME = 3
ANCHOR_WINDOW = 60  # characters each side of a number read as its context


# Entity kinds that can stand in for each other ("Kazakhstan" vs "Central Asia").
CLASS = {"country": "place", "region": "place", "place": "place", "org": "org", "name": "name"}


@dataclass
class Facts:
    """The key facts of a claim."""

    quantities: list[Quantity]
    entities: list[Entity]
    terms: Terms
    has_cues: bool
    context_terms: Terms | None = None  # terms plus concept words inside names
    owners: list[int | None] = field(default_factory=list)  # entity index owning each quantity

    def weights(self) -> float:
        q = sum(
            DATE_WEIGHT if q.kind in ("year", "date") else QUANTITY_WEIGHT for q in self.quantities
        )
        e = ENTITY_WEIGHT * len(self.entities)
        return q + e + (TERMS_WEIGHT if self.terms.items else 0.0)


@dataclass
class Reading:
    """What one candidate (or two together) shows about the claim."""

    candidates: list[Candidate]
    agree: dict[int, Quantity] = field(default_factory=dict)  # claim quantity index -> match
    conflict: dict[int, Quantity] = field(default_factory=dict)  # anchored conflicts
    misattributed: dict[int, str] = field(default_factory=dict)  # right number, other entity
    weaker: set[int] = field(default_factory=set)  # a looser figure: a year for a day, a bound
    soft: set[int] = field(default_factory=set)  # names not found that a translation may render
    loose: set[int] = field(default_factory=set)  # agreeing figures with nothing shared around
    strong: set[int] = field(default_factory=set)  # ... with ANCHOR_MIN_SHARED words shared
    entities: set[int] = field(default_factory=set)
    covered: set[int] = field(default_factory=set)  # indexes into claim terms
    anchors: list[int] = field(default_factory=list)  # passage offsets of matched facts
    parts: list[tuple[Candidate, list[int]]] = field(default_factory=list)  # for evidence
    flipped: bool = False
    opposites: list[tuple[int, int]] = field(default_factory=list)  # (claim term, passage at)
    score: float = 0.0


def claim_facts(text: str, lang: str | None) -> Facts:
    """The key facts of a claim. A capitalised word that is a known concept
    ("Rusya-Ukrayna Savaşı", "C5+1 Zirvesi": war, summit) counts as a content
    word: other languages do not capitalise it."""
    quantities = list(extract_quantities(text, lang))
    entities = [
        e
        for e in extract_entities(text, lang)
        if e.known or " " in e.key or concept_of(e.key) is None
    ]
    skip = tuple((x.start, x.end) for x in [*quantities, *entities])
    # Words of the claim's names that are common nouns ("Orta *Koridor*", "Grain
    # Initiative") still say what a figure counts: they anchor figures, they are
    # not content words of their own.
    inside = claim_terms(text, tuple((x.start, x.end) for x in quantities))
    named = [t for t in inside.items if t[3] and any(a <= t[0] < b for a, b in skip)]
    facts = Facts(quantities, entities, claim_terms(text, skip), bool(negation_cues(text, lang)))
    facts.context_terms = Terms(sorted([*facts.terms.items, *named]), frozenset())
    for q in quantities:
        owner = _owner(text, facts, q)
        facts.owners.append(None if owner is None else entities.index(owner))
    return facts


def _context(terms: Terms, q: Quantity) -> Terms:
    """The content words near a quantity."""
    lo, hi = q.start - ANCHOR_WINDOW, q.end + ANCHOR_WINDOW
    return Terms([t for t in terms.items if lo <= t[0] <= hi], frozenset())


def _shared_words(claim_near: Terms, passage_near: Terms, *, specific: bool = False) -> int:
    """How many of the claim's words near a figure the passage has near its figure
    (``specific``: not counting the GENERIC words every figure stands near)."""
    return len({
        concept or stem
        for _s, _e, stem, concept in claim_near.items
        if passage_near.covers(stem, concept) and not (specific and concept in GENERIC)
    })  # fmt: skip


# Words that stand next to figures of every kind ("production", "rose",
# "tonnes", "countries", "share"): sharing them does not make two figures the
# same quantity (Kazakhstan's oil output is not its copper output).
GENERIC = frozenset({
    "production", "increase", "decrease", "world", "country", "amount", "large", "small",
    "new", "first", "share", "value", "tonne", "region", "account", "record", "half", "use",
    "need", "today", "various", "wide", "basis", "target",
})  # fmt: skip


# Words of known meaning next to the claim's figure must all be in the sentence
# of the passage's figure for the two to be one measure ("petrol üretimi" and
# "refined copper": oil is missing) unless this many specific words are shared.
SAME_MEASURE_SHARED = 3


def _other_measure(claim_near: Terms, p: Quantity, text: str, lang: str | None) -> bool:
    """Whether a concept word near the claim's figure is absent from the
    sentence of the passage's figure (then the passage counts something else)."""
    sentence = next(((s, e) for s, e in _sentences(text, lang) if s <= p.start < e), None)
    if sentence is None:
        return False
    there = passage_terms(text[sentence[0] : sentence[1]])
    return any(
        concept and concept not in GENERIC and not there.covers(stem, concept)
        for _s, _e, stem, concept in claim_near.items
    )


def _unit_words(text: str, q: Quantity) -> set[str]:
    """The words a count counts: the two after it ("30 state companies", "12.9
    billion cubic metres", "17 статей")."""
    return {concept or stem for _s, _e, stem, concept in
            passage_terms(text[q.end : q.end + 40]).items[:2]}  # fmt: skip


def _same_unit(claim: str, q: Quantity, text: str, p: Quantity) -> bool:
    """Whether two counts count the same thing, as far as their next words tell."""
    a, b = _unit_words(claim, q), _unit_words(text, p)
    return not a or not b or bool(a & b)


def read(claim: str, claim_lang: str | None, facts: Facts, cand: Candidate) -> Reading:
    text, lang = cand.text, getattr(cand, "lang", None)
    r = Reading([cand])
    pterms = passage_terms(text)
    anchors: list[int] = []  # where in the passage the claim's facts stand
    spans: dict[int, int] = {}  # claim entity index -> its first mention in the passage
    cross = bool(claim_lang and lang and claim_lang[:2] != lang[:2])
    for i, e in enumerate(facts.entities):
        span = find_entity(e, text)
        if span is not None:
            r.entities.add(i)
            anchors.append(span[0])
            spans[i] = span[0]
        elif cross and not e.known and " " in e.key:
            # "Güney Gaz Koridoru", "Qosh Tepa": a multi-word name outside the
            # table is translated or transliterated in another language; its
            # absence is no missing fact
            r.soft.add(i)
    pq = extract_quantities(text, lang)
    passage = getattr(cand, "passage", None)  # retrieval's candidates know their headings
    heading = bool(getattr(passage, "heading", False))
    # A passage figure that matches one claim figure is spoken for: it cannot
    # also contradict another ("40 %" vs the claim's "a quarter" of something else).
    spoken = {id(p) for q in facts.quantities for p in pq if compare(q, p) == "agree"}
    for i, q in enumerate(facts.quantities):
        verdicts = [(compare(q, p), p) for p in pq]
        owner = _owner(claim, facts, q)
        agreeing = [p for v, p in verdicts if v == "agree"]
        time = q.kind in ("year", "date")
        if agreeing:
            # Right number, wrong entity: the passage says it of another name.
            # (A date belongs to its whole sentence, not to one of its names.)
            said = _said_of(owner, facts, agreeing[0], text, lang, strict=time)
            if said is not None and said != "owner":
                # ... and the owner's own figure, if the passage gives one, is
                # looked for below: "Y grew 6.5 %, while X grew 4.8 %".
                r.misattributed[i] = said
            else:
                r.agree[i] = agreeing[0]
                anchors.append(agreeing[0].start)
                anchoring = _anchored(facts, q, agreeing[0], pterms, text, lang, spans)
                if not anchoring:
                    r.loose.add(i)
                elif anchoring >= ANCHOR_MIN_SHARED:
                    r.strong.add(i)
                continue
        if any(v == "weaker" for v, _p in verdicts):
            r.weaker.add(i)
        near_claim = _context(facts.context_terms or facts.terms, q)
        for v, p in verdicts:
            if v != "conflict" or id(p) in spoken:
                continue
            shared = _shared_words(near_claim, _context(pterms, p), specific=True)
            # Other names next to both figures say what is counted ("GDP"); for a
            # date, where it happened too ("White House"): a source's other date
            # is often another event of the same kind (an earlier summit).
            shared += sum(
                1
                for j, at in spans.items()
                if (not facts.entities[j].known or (time and facts.entities[j] is not owner))
                and abs(facts.entities[j].start - q.start) <= ANCHOR_WINDOW
                and abs(at - p.start) <= ANCHOR_WINDOW
            )
            need = ANCHOR_MIN_SHARED_TIME if time else ANCHOR_MIN_SHARED
            if i in r.misattributed and _parallel(agreeing[0], p, text, lang):
                need = 0  # "Y grew 6.5 %, while X grew 4.8 %": the measure is the sentence's
            if time and _one_part_changed(q, p):
                need = ANCHOR_MIN_SHARED  # only the day, month or year changed: the same event
            # the same quantity (shared words) of the same entity (the figure's owner)
            if (
                q.kind in _SHARES
                and p.kind in _SHARES
                and (
                    (_is_change(claim, q) and _is_share(text, p))
                    or (_is_share(claim, q) and _is_change(text, p))
                )
            ):
                continue  # a growth rate ("%86 arttı") is no share ("5 percent of …")
            if time and (heading or _PUBLICATION.search(text, max(0, p.start - 30), p.start)):
                continue  # a dateline or "Updated 7 November" dates the page, not the event
            if q.kind == "count" and not _same_unit(claim, q, text, p):
                continue  # "30 state companies" is no "4,000 tonnes"
            if (
                need
                and not time
                and shared < SAME_MEASURE_SHARED
                and _other_measure(near_claim, p, text, lang)
            ):
                continue  # the claim's figure is of oil, the passage's of copper
            said = _said_of(owner, facts, p, text, lang)
            if said == "owner" and not time and need:
                shared += 1  # the figure's owner named with it: the same entity's figure
            elif said is None and owner is not None and need:
                need += 1  # the passage does not name the claim's owner: say more in common
            if shared >= need and (said == "owner" or (said is None and need > 0)):
                r.conflict[i] = p
                anchors.append(p.start)
                break
    hard = list(anchors)  # names and figures; shared words follow
    for j, (_s, _e, stem, concept) in enumerate(facts.terms.items):
        if pterms.covers(stem, concept):
            r.covered.add(j)
    for s, _e, stem, concept in pterms.items:
        if facts.terms.covers(stem, concept):
            anchors.append(s)
    focus = _focus_sentences(text, lang, hard, anchors)
    # A claim word whose opposite the deciding sentence says ("increase" /
    # "fell", "öncelik" / "peripheral"): the fact is there, with flipped sense.
    for j, (_s, _e, _stem, concept) in enumerate(facts.terms.items):
        if j in r.covered or concept not in ANTONYMS:
            continue
        for s, _e2, _st, pc in pterms.items:
            if pc in ANTONYMS[concept] and any(a <= s < b for a, b in focus):
                r.covered.add(j)
                r.opposites.append((j, s))
                anchors.append(s)
                break
    r.anchors = anchors
    r.parts = [(cand, anchors)]
    r.flipped = _flipped(claim, claim_lang, facts, r, text, lang, focus)
    r.score = score(facts, r)
    return r


# How much an anchor counts when choosing the sentence of a passage that decides
# (a window holds two; the negation of the other one is not the claim's): a
# name or a figure outweighs a shared word.
HARD_ANCHOR = 3


def _focus_sentences(
    text: str, lang: str | None, hard: list[int], anchors: list[int]
) -> list[tuple[int, int]]:
    """The sentence(s) of a passage holding most of the matched facts."""
    spans = _sentences(text, lang)
    if len(spans) <= 1:
        return [(0, len(text))]
    hard_set = set(hard)
    weights = [
        sum(HARD_ANCHOR if a in hard_set else 1 for a in anchors if s <= a < e) for s, e in spans
    ]
    top = max(weights)
    if top == 0:
        return [(0, len(text))]
    return [span for span, w in zip(spans, weights, strict=True) if w == top]


def _parallel(a: Quantity, b: Quantity, text: str, lang: str | None) -> bool:
    """Two figures of one kind in one passage (a sentence or two), set side by
    side for two names: "X grew 4.8 %, while Y grew 6.5 %. Z grew by 9 %"."""
    return a.kind == b.kind and a.unit == b.unit


def _anchored(
    facts: Facts,
    q: Quantity,
    p: Quantity,
    pterms: Terms,
    text: str,
    lang: str | None,
    spans: dict[int, int],
) -> int:
    """How well an agreeing figure's context matches: the words near both, or 1
    for (not with dates, which any sentence may carry) a claim name in its
    sentence. A bare coincidence ("2021" of another event) scores 0 and does
    not resolve a conflict."""
    near = _context(facts.context_terms or facts.terms, q)
    shared = _shared_words(near, _context(pterms, p))
    if shared or q.kind in ("year", "date"):
        return shared
    for s, e in _sentences(text, lang):
        if s <= p.start < e:
            return int(any(s <= at < e for at in spans.values()))
    return 0


_SHARES = ("percent", "fraction")
# Words that make a percentage a rate of change ("grew by 6.5 percent", "%86
# arttı", "stiegen um 3 Prozent", "выросла на 6 процентов") rather than a share
# of something ("45 percent of GDP"). Read within CHANGE_WINDOW characters.
_CHANGE = re.compile(
    r"(?<!\w)(?:by|up(?!\s+to)|down|um|на|rose|risen|rise[sn]?|grew|grown|grow(?:s|ing|th)?|fell|"
    r"wachstum|рост\w*|прирост\w*|"
    r"fallen|increas\w*|decreas\w*|declin\w*|dropp?\w*|jump\w*|climb\w*|surg\w*|"
    r"expand\w*|shr[aiu]nk\w*|gestiegen|stieg\w*|gesunken|sank|wuchs|gewachsen|"
    r"вырос\w*|снизи\w*|сократи\w*|увеличи\w*|упа\w*|art[tmaı]\w*|azal\w*|büyü\w*|"
    r"düş\w*|geril\w*|yüksel\w*|oranında)(?!\w)",
    re.IGNORECASE,
)
CHANGE_WINDOW = 25


def _is_change(text: str, q: Quantity) -> bool:
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


def _is_share(text: str, q: Quantity) -> bool:
    """Whether a percentage is a share of something, by its form and what follows."""
    return bool(_SHARE_AFTER.match(text, q.end) or _TR_POSSESSIVE.search(q.text))


# Words that introduce the date of a page rather than of an event.
_PUBLICATION = re.compile(
    r"(?:published|updated|posted|last\s+modified|date|yayın\w*|güncel\w*|tarih\w*|"
    r"veröffentlicht|aktualisiert|stand|опубликован\w*|обновлен\w*|дата)\s*:?\s*\S{0,12}\s*$",
    re.IGNORECASE,
)


def _one_part_changed(a: Quantity, b: Quantity) -> bool:
    """Two day-precise dates that differ in one of day, month and year only
    ("5 Kasım 2025" / "15 November 2025", "30 Ekim 2015" / "30 October 2017")."""
    if not (a.iso and b.iso and len(a.iso) == len(b.iso) == 10):
        return False
    return sum(x != y for x, y in zip(a.iso.split("-"), b.iso.split("-"), strict=True)) == 1


def _owner(claim: str, facts: Facts, q: Quantity) -> Entity | None:
    """Whose figure a claim quantity is: the known name in its clause, else the
    nearest one before it (Turkish and English put the subject first), else after."""
    known = [e for e in facts.entities if e.known]
    if not known:
        return None
    for s, e in clauses(claim):
        if s <= q.start < e:
            inside = [x for x in known if s <= x.start < e]
            if inside:
                return min(inside, key=lambda x: abs(x.start - q.start))
    before = [x for x in known if x.end <= q.start]
    return before[-1] if before else known[0]


@lru_cache(maxsize=4096)
def _sentences(text: str, lang: str | None) -> list[tuple[int, int]]:
    return split_sentences(text, lang)


def _said_of(
    owner: Entity | None,
    facts: Facts,
    p: Quantity,
    text: str,
    lang: str | None,
    *,
    strict: bool = False,
) -> str | None:
    """Whom the passage gives figure ``p`` to: "owner" (the claim's name for it),
    the text of another name of the same class, or None when it cannot tell.

    The figure's own part of its sentence decides (:func:`_parts`: "Y grew by
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
    claim_keys = {e.key for e in facts.entities}
    mentions = known_entities(text)
    kind = CLASS[owner.kind]

    def relevant(ms: Iterable[Entity]) -> list[Entity]:
        return [m for m in ms if m.key == owner.key or CLASS[m.kind] == kind]

    decided = False
    for s, e in _sentences(text, lang):
        if s <= p.start < e:
            inside = [m for m in mentions if s <= m.start < e]
            if not inside and not _ANAPHOR.match(text, s):
                mentions = ()  # "Glaciers in the region lost 30 %": about something unnamed
            if inside:
                mentions = tuple(inside)
                parts = _parts(text, s, e)
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
    rel = relevant(mentions)
    if any(m.key == owner.key for m in rel) and any(m.key not in claim_keys for m in rel):
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
    r"\b(?:to|into|from|with|of|by|for|nach|aus|mit|von|für|в|во|из|с|к|от|для)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


def _subject(ms: list[Entity], at: int, end: int, text: str) -> list[Entity]:
    """The names a figure at ``at`` is said of among ``ms`` (see _said_of)."""
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
    before = [m for m in ms if m.end <= at and not _PREPOSITION.search(text[: m.start])]
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
    r"verglichen\s+mit|im\s+Vergleich\s+zu|gegenüber|по\s+сравнению\s+с|kıyasla|karşın|"
    r"oysa|buna\s+karşın|während|wohingegen|aber|jedoch|"
    r"а|но|тогда\s+как|в\s+то\s+время\s+как|при\s+этом)\s|"
    r"(?<=[^\W\d_]{2}r)ken\b,?|(?<=yor)ken\b,?|,\s(?=[^,]{0,40}\sise\s)",
    re.IGNORECASE,
)


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the contrastive parts of the sentence text[start:end]."""
    spans, prev = [], start
    for m in _CONTRAST.finditer(text, start, end):
        if m.start() > prev:
            spans.append((prev, m.start()))
        prev = m.end()
    if prev < end:
        spans.append((prev, end))
    return spans


def _flipped(
    claim: str,
    claim_lang: str | None,
    facts: Facts,
    r: Reading,
    text: str,
    lang: str | None,
    focus: list[tuple[int, int]],
) -> bool:
    """Polarity of claim and passage differ where their shared facts stand.

    Only the deciding sentence(s) of the passage count (``focus``): a window's
    other sentence may negate something else. A claim word said by its
    opposite in that sentence (:data:`ANTONYMS`) flips the polarity once.
    """
    flip = bool(r.opposites)
    if not facts.has_cues and not negation_cues(text, lang):
        return flip
    mine = [facts.entities[i].start for i in r.entities]
    mine += [facts.quantities[i].start for i in [*r.agree, *r.conflict]]
    mine += [facts.terms.items[j][0] for j in r.covered]
    theirs = [a for a in r.anchors if any(s <= a < e for s, e in focus)]
    differ = scoped_polarity(claim, claim_lang, mine) != scoped_polarity(text, lang, theirs)
    return differ != flip


def score(facts: Facts, r: Reading, also: Iterable[int] = ()) -> float:
    """Share of the claim's fact weight the reading matched (``also``: quantity
    indexes counted as matched, to ask how well a conflicting passage fits)."""
    total = facts.weights() - ENTITY_WEIGHT * len(r.soft)
    if total <= 0:
        return 0.0
    got = sum(
        DATE_WEIGHT if facts.quantities[i].kind in ("year", "date") else QUANTITY_WEIGHT
        for i in {*r.agree, *also}
    )
    got += ENTITY_WEIGHT * len(r.entities)
    if facts.terms.items:
        got += TERMS_WEIGHT * len(r.covered) / len(facts.terms.items)
    return got / total


def merge(facts: Facts, a: Reading, b: Reading) -> Reading:
    m = Reading(a.candidates + b.candidates)
    m.agree = {**b.agree, **a.agree}
    m.loose = {i for i in m.agree if i in (a.loose if i in a.agree else b.loose)}
    m.strong = {i for i in m.agree if i in (a.strong if i in a.agree else b.strong)}
    m.conflict = {i: q for i, q in {**b.conflict, **a.conflict}.items() if i not in m.agree}
    m.misattributed = {
        i: t for i, t in {**b.misattributed, **a.misattributed}.items() if i not in m.agree
    }
    m.weaker = (a.weaker | b.weaker) - set(m.agree)
    m.entities = a.entities | b.entities
    m.covered = a.covered | b.covered
    m.parts = a.parts + b.parts
    m.flipped = a.flipped and b.flipped  # one flipped half: judge step 4b
    m.soft = (a.soft | b.soft) - m.entities
    m.opposites = a.opposites + b.opposites
    m.score = score(facts, m)
    return m
