"""What one source passage shows about a claim: the reading the judge decides on (issue 5).

:func:`claim_facts` takes a claim apart into its key facts — quantities (dates
and years included), names, content words — and :func:`read` looks for each
in one candidate passage: which figures agree, which conflict with the same
quantity of the same entity, which are the right number said of another
name, which names and words are there, and whether the passage's polarity is
the claim's where the shared facts stand. :func:`score` weighs what was found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from citecheck.notes.sentences import split_sentences
from citecheck.verify.entities import extract_entities, find_entity, known_entities
from citecheck.verify.model import Candidate, Entity, Quantity
from citecheck.verify.negation import clauses, negation_cues, scoped_polarity
from citecheck.verify.quantities import compatible, extract_quantities
from citecheck.verify.terms import Terms, claim_terms, concept_of, passage_terms

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
    entities: set[int] = field(default_factory=set)
    covered: set[int] = field(default_factory=set)  # indexes into claim terms
    anchors: list[int] = field(default_factory=list)  # passage offsets of matched facts
    parts: list[tuple[Candidate, list[int]]] = field(default_factory=list)  # for evidence
    flipped: bool = False
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
    return Facts(quantities, entities, claim_terms(text, skip), bool(negation_cues(text, lang)))


def _context(terms: Terms, q: Quantity) -> Terms:
    """The content words near a quantity."""
    lo, hi = q.start - ANCHOR_WINDOW, q.end + ANCHOR_WINDOW
    return Terms([t for t in terms.items if lo <= t[0] <= hi], frozenset())


def _shared_words(claim_near: Terms, passage_near: Terms) -> int:
    """How many of the claim's words near a figure the passage has near its figure."""
    return sum(
        1 for _s, _e, stem, concept in claim_near.items if passage_near.covers(stem, concept)
    )


def read(claim: str, claim_lang: str | None, facts: Facts, cand: Candidate) -> Reading:
    text, lang = cand.text, getattr(cand, "lang", None)
    r = Reading([cand])
    pterms = passage_terms(text)
    anchors: list[int] = []  # where in the passage the claim's facts stand
    spans: dict[int, int] = {}  # claim entity index -> its first mention in the passage
    for i, e in enumerate(facts.entities):
        span = find_entity(e, text)
        if span is not None:
            r.entities.add(i)
            anchors.append(span[0])
            spans[i] = span[0]
    pq = extract_quantities(text, lang)
    # A passage figure that matches one claim figure is spoken for: it cannot
    # also contradict another ("40 %" vs the claim's "a quarter" of something else).
    spoken = {id(p) for q in facts.quantities for p in pq if compatible(q, p) == "agree"}
    for i, q in enumerate(facts.quantities):
        verdicts = [(compatible(q, p), p) for p in pq]
        owner = _owner(claim, facts, q)
        agreeing = [p for v, p in verdicts if v == "agree"]
        if agreeing:
            # Right number, wrong entity: the passage says it of another name.
            said = _said_of(owner, facts, agreeing[0], text, lang)
            if said is not None and said != "owner":
                r.misattributed[i] = said
            else:
                r.agree[i] = agreeing[0]
                anchors.append(agreeing[0].start)
            continue
        near_claim = _context(facts.terms, q)
        for v, p in verdicts:
            if v != "conflict" or id(p) in spoken:
                continue
            shared = _shared_words(near_claim, _context(pterms, p))
            # Other names next to both figures say what is counted ("GDP"); for a
            # date, where it happened too ("White House"): a source's other date
            # is often another event of the same kind (an earlier summit).
            time = q.kind in ("year", "date")
            shared += sum(
                1
                for j, at in spans.items()
                if (not facts.entities[j].known or (time and facts.entities[j] is not owner))
                and abs(facts.entities[j].start - q.start) <= ANCHOR_WINDOW
                and abs(at - p.start) <= ANCHOR_WINDOW
            )
            need = ANCHOR_MIN_SHARED_TIME if time else ANCHOR_MIN_SHARED
            # the same quantity (shared words) of the same entity (the figure's owner)
            if shared >= need and _said_of(owner, facts, p, text, lang) in (None, "owner"):
                r.conflict[i] = p
                anchors.append(p.start)
                break
    for j, (_s, _e, stem, concept) in enumerate(facts.terms.items):
        if pterms.covers(stem, concept):
            r.covered.add(j)
    for s, _e, stem, concept in pterms.items:
        if facts.terms.covers(stem, concept):
            anchors.append(s)
    r.anchors = anchors
    r.parts = [(cand, anchors)]
    r.flipped = _flipped(claim, claim_lang, facts, r, text, lang)
    r.score = score(facts, r)
    return r


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
    owner: Entity | None, facts: Facts, p: Quantity, text: str, lang: str | None
) -> str | None:
    """Whom the passage gives figure ``p`` to: "owner" (the claim's name for it),
    the text of another name of the same class, or None when it cannot tell.

    The figure's own sentence decides; a sentence naming nobody (an anaphor:
    "It also supplies a quarter …") defers to the whole passage.
    """
    if owner is None:
        return None
    claim_keys = {e.key for e in facts.entities}
    mentions = known_entities(text)
    for s, e in _sentences(text, lang):
        if s <= p.start < e:
            inside = [m for m in mentions if s <= m.start < e]
            if inside:
                mentions = tuple(inside)
            break
    if any(m.key == owner.key for m in mentions):
        return "owner"
    rivals = [m for m in mentions if CLASS[m.kind] == CLASS[owner.kind] and m.key not in claim_keys]
    return rivals[0].text if rivals else None


def _flipped(
    claim: str, claim_lang: str | None, facts: Facts, r: Reading, text: str, lang: str | None
) -> bool:
    """Polarity of claim and passage differ where their shared facts stand."""
    if not facts.has_cues and not negation_cues(text, lang):
        return False
    mine = [facts.entities[i].start for i in r.entities]
    mine += [facts.quantities[i].start for i in [*r.agree, *r.conflict]]
    mine += [facts.terms.items[j][0] for j in r.covered]
    return scoped_polarity(claim, claim_lang, mine) != scoped_polarity(text, lang, r.anchors)


def score(facts: Facts, r: Reading, also: Iterable[int] = ()) -> float:
    """Share of the claim's fact weight the reading matched (``also``: quantity
    indexes counted as matched, to ask how well a conflicting passage fits)."""
    total = facts.weights()
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
    m.conflict = {i: q for i, q in {**b.conflict, **a.conflict}.items() if i not in m.agree}
    m.misattributed = {
        i: t for i, t in {**b.misattributed, **a.misattributed}.items() if i not in m.agree
    }
    m.entities = a.entities | b.entities
    m.covered = a.covered | b.covered
    m.parts = a.parts + b.parts
    m.flipped = a.flipped and b.flipped
    m.score = score(facts, m)
    return m
