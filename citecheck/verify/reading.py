"""What one source passage shows about a claim: the reading the judge decides on (issue 5).

:func:`claim_facts` takes a claim apart into its key facts — quantities (dates
and years included), names, content words — and :func:`read` looks for each
in one candidate passage: which figures agree (``comparison.compare``), which
conflict with the same measure (measures.py) of the same entity
(attribution.py), which are the right number said of another name, which
names and words are there, and whether the passage's polarity is the claim's
in the sentence that decides (negation cues in the clauses holding the shared
facts, or a claim word said by its opposite). :func:`score` weighs what was
found.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from citecheck.verify.attribution import owner_of, said_of, sentence_at, sentences
from citecheck.verify.entities import (
    camel_case,
    extract_entities,
    find_all,
    find_entity,
    known_entities,
)
from citecheck.verify.measures import (
    GENERIC,
    PUBLICATION,
    SAME_MEASURE_SHARED,
    SHARES,
    far_apart,
    is_change,
    is_share,
    named_unit,
    one_part_changed,
    other_measure,
    parallel,
    same_unit,
    shared_unit,
)
from citecheck.verify.model import Candidate, Entity, Quantity
from citecheck.verify.negation import negation_cues, scoped_polarity
from citecheck.verify.places import venues
from citecheck.verify.quantities import compare, compatible, extract_quantities
from citecheck.verify.quotes import extract_quotes
from citecheck.verify.relative_years import relative_years
from citecheck.verify.terms import ANTONYMS, Terms, claim_terms, concept_of, passage_terms
from citecheck.verify.weekdays import weekday_match

__all__ = ["Facts", "Reading", "claim_facts", "focus_sentences", "merge", "read", "score"]

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
# name that owns the figure (see owner_of) must be in the passage. One shared
# word is not enough: "uranium" alone joins world production and exports to
# China (pair n-related-figure); every contradicted pair shares 2 or more.
ANCHOR_MIN_SHARED = 2
# Dates need one more: "the first C5+1 summit was held in Samarkand in 2015"
# shares "summit" and "held" with a claim about the 2025 summit in Washington
# (pair p-other-summit); a changed date of the same event keeps its place or
# its specific words (c-date: summit, held, White House; c-year-tr: 4 words).
ANCHOR_MIN_SHARED_TIME = 3
ANCHOR_WINDOW = 60  # characters each side of a number read as its context
# ... and, for a passage figure that may conflict, its own sentence this far:
# a sentence names its measure once, often at its start ("Cargo volumes … rose
# to 2.76 million tonnes in 2023, up 86 percent").
SENTENCE_WINDOW = 100
# Counts in words at or below this are read as pointing back, not counting
# ("the two countries", "iki taraf"); see _counted_alike.
DEICTIC_COUNT = 2


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
        q = sum(DATE_WEIGHT if q.is_time else QUANTITY_WEIGHT for q in self.quantities)
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
    side_by_side: set[int] = field(default_factory=set)  # conflicts set beside a rival's figure
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
        if e.known or " " in e.key or concept_of(e.key) is None or camel_case(e.text)
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
        owner = owner_of(text, facts.entities, q)
        facts.owners.append(None if owner is None else entities.index(owner))
    return facts


def _same_city(name: str, text: str) -> tuple[int, int] | None:
    """Where ``text`` names the city that ``name`` is, in any spelling of the
    city table (places.py): "Brüksel" / "Brussels" / "Brüssel", "Hatay" /
    "Antakya" / "Хатае", which the name's own tokens and skeletons miss."""
    cities = venues(name)
    if len(cities) != 1 or cities[0].start != 0 or cities[0].end < len(name.rstrip("'’ ")) - 4:
        return None  # the name is not one city ("Aktau Limanı" is a port)
    return next(((v.start, v.end) for v in venues(text) if v.city == cities[0].city), None)


def dates_agreed(facts: Facts, readings: Iterable[Reading]) -> frozenset[int]:
    """The claim's years and dates some reading agrees with: stated somewhere in
    the source (decide.py, contradiction step 3g)."""
    return frozenset(i for r in readings for i in r.agree if facts.quantities[i].is_time)


def _context(terms: Terms, q: Quantity) -> Terms:
    """The content words near a quantity."""
    lo, hi = q.start - ANCHOR_WINDOW, q.end + ANCHOR_WINDOW
    return Terms([t for t in terms.items if lo <= t[0] <= hi], frozenset())


def _sentence_context(terms: Terms, p: Quantity, text: str, lang: str | None) -> Terms:
    """The content words near a passage figure: ANCHOR_WINDOW characters, and
    in its own sentence up to SENTENCE_WINDOW ("Die Weizenpreise an der Börse
    in Chicago stiegen nach der Ankündigung um rund 3 Prozent")."""
    sent = sentence_at(text, lang, p.start) or (p.start, p.end)
    lo = min(p.start - ANCHOR_WINDOW, max(sent[0], p.start - SENTENCE_WINDOW))
    hi = max(p.end + ANCHOR_WINDOW, min(sent[1], p.end + SENTENCE_WINDOW))
    return Terms([t for t in terms.items if lo <= t[0] <= hi], frozenset())


def _shared_words(claim_near: Terms, passage_near: Terms, *, specific: bool = False) -> int:
    """How many of the claim's words near a figure the passage has near its figure
    (``specific``: not counting the GENERIC words every figure stands near)."""
    return len({
        concept or stem
        for _s, _e, stem, concept in claim_near.items
        if passage_near.covers(stem, concept) and not (specific and concept in GENERIC)
    })  # fmt: skip


def read(
    claim: str,
    claim_lang: str | None,
    facts: Facts,
    cand: Candidate,
    published: str | None = None,
) -> Reading:
    text, lang = cand.text, getattr(cand, "lang", None)
    r = Reading([cand])
    pterms = passage_terms(text)
    anchors: list[int] = []  # where in the passage the claim's facts stand
    spans: dict[int, int] = {}  # claim entity index -> its first mention in the passage
    cross = bool(claim_lang and lang and claim_lang[:2] != lang[:2])
    for i, e in enumerate(facts.entities):
        span = find_entity(e, text) or _same_city(e.text, text)
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
    # "last year" of a page dated 2025 is 2024 (relative_years.py)
    named = relative_years(text, published)
    if named:
        pq = sorted([*pq, *named], key=lambda q: q.start)
    passage = getattr(cand, "passage", None)  # retrieval's candidates know their headings
    heading = bool(getattr(passage, "heading", False))
    # A passage figure that matches one claim figure is spoken for: it cannot
    # also contradict another ("40 %" vs the claim's "a quarter" of something else).
    spoken = {id(p) for q in facts.quantities for p in pq if compare(q, p) == "agree"}
    # ... but a claim's bare year does not speak for a passage's date against the
    # claim's own date: "23 Ekim 2025" answers "23 Eylül 2025" of "YEKA GES-2025"
    by_year = {
        id(p)
        for p in pq
        if p.kind == "date"
        and not any(compare(q, p) == "agree" for q in facts.quantities if q.kind != "year")
    }
    claim_keys = {e.key for e in facts.entities}
    # years and dates first: a figure's conflict reads whether its sentence has the claim's year
    order = sorted(range(len(facts.quantities)), key=lambda k: not facts.quantities[k].is_time)
    for i in order:
        q = facts.quantities[i]
        verdicts = [(compare(q, p), p) for p in pq]
        owner = owner_of(claim, facts.entities, q)
        # a bound that holds for a count of something else proves nothing: "25'ten
        # fazla toplantı" is not "около 1000 километров" (the same number may
        # name its unit differently: "285-km" and "285 kilometre")
        agreeing = [
            p
            for v, p in verdicts
            if v == "agree"
            and (q.kind != "count" or p.value == q.value or same_unit(claim, q, text, p))
        ]
        time = q.is_time
        # the source's own figure before a looser one that also agrees: the
        # claim's "6,5" is Uzbekistan's "6.5 percent", not the region's "about 6"
        agreeing.sort(key=lambda p: (p.approx and not q.approx, _distance(q, p)))
        if agreeing and not time:
            dated = [*pq, *(r.agree[k] for k in r.agree)]  # "on Monday" (weekdays.py)
            other = _dated_otherwise(facts, agreeing[0], dated, text, lang, heading)
            if other is not None:
                # Right number, wrong time: "77.18 %" was the vote of the 2022
                # referendum, the claim's is of 2024 (the page gives both)
                r.misattributed[i] = other.text
                continue
        if agreeing:
            # Right number, wrong entity: the passage says it of another name.
            # (A date belongs to its whole sentence, not to one of its names.)
            said = said_of(owner, claim_keys, agreeing[0], text, lang, strict=time)
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
        if q.kind == "date" and not agreeing:
            named = weekday_match(q, text, pq)  # "on Monday" in a report of Feb 18
            if named is not None:
                r.agree[i] = named
                anchors.append(named.start)
                continue
        if any(v == "weaker" for v, _p in verdicts):
            r.weaker.add(i)
        near_claim = _context(facts.context_terms or facts.terms, q)
        for v, p in verdicts:
            if v != "conflict" or (id(p) in spoken and not (q.kind == "date" and id(p) in by_year)):
                continue
            shared = _shared_words(
                near_claim, _sentence_context(pterms, p, text, lang), specific=True
            )
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
            if (
                not time
                and _dated_together(facts, r, p, text, lang)
                and shared_unit(claim, q, text, p)
            ):
                shared += 1  # "… rose to 2.76 million tonnes in 2023": the claim's year, its unit
            need = ANCHOR_MIN_SHARED_TIME if time else ANCHOR_MIN_SHARED
            side_by_side = i in r.misattributed and parallel(agreeing[0], p, text, lang)
            if side_by_side:
                need = 0  # "Y grew 6.5 %, while X grew 4.8 %": the measure is the sentence's
            same_event = time and one_part_changed(q, p)
            if same_event:
                # only the day, month or year changed: the same event, and a date
                # belongs to its sentence, so its owner need not be named, and the
                # words it dates are the sentence's ("In June 2024 the European
                # Council concluded that … the accession process had been halted")
                need = ANCHOR_MIN_SHARED
                lo, hi = sentence_at(text, lang, p.start) or (p.start, p.end)
                sentence = Terms([t for t in pterms.items if lo <= t[0] < hi], frozenset())
                shared = max(shared, _shared_words(facts.terms, sentence, specific=True))
            # the same quantity (shared words) of the same entity (the figure's owner)
            if (
                q.kind in SHARES
                and p.kind in SHARES
                and (
                    (is_change(claim, q) and is_share(text, p))
                    or (is_share(claim, q) and is_change(text, p))
                )
            ):
                continue  # a growth rate ("%86 arttı") is no share ("5 percent of …")
            if time and _dates_the_page(text, p, heading):
                continue  # a dateline or "Updated 7 November" dates the page, not the event
            if far_apart(q, p):
                continue  # "14 destinations" is no changed "over 350 weekly flights"
            if q.kind == "count" and not same_unit(claim, q, text, p):
                continue  # "30 state companies" is no "4,000 tonnes"
            if (
                q.kind == "count"
                and q.in_words
                and p.in_words
                and not _counted_alike(claim, q, text, p)
            ):
                continue  # "üç gün" and "the two countries": small counts in words recur
            if (
                need
                and not time
                and shared < SAME_MEASURE_SHARED
                and not (
                    q.kind == "count"
                    and shared >= ANCHOR_MIN_SHARED
                    and named_unit(claim, q, text, p)
                )
                and other_measure(near_claim, claim, p, text, lang)
            ):
                continue  # the claim's figure is of oil, the passage's of copper
            said = said_of(owner, claim_keys, p, text, lang)
            if said == "owner" and need and (not time or len(spans) == len(facts.entities)):
                # the figure's owner named with it: the same entity's figure (a date:
                # and every name of the claim in the passage, else another event)
                shared += 1
            elif said is None and owner is not None and need and not same_event:
                need += 1  # the passage does not name the claim's owner: say more in common
            if shared >= need and (said == "owner" or (said is None and need > 0)):
                r.conflict[i] = p
                if side_by_side:
                    r.side_by_side.add(i)
                anchors.append(p.start)
                break
    hard = list(anchors)  # names and figures; shared words follow
    for j, (_s, _e, stem, concept) in enumerate(facts.terms.items):
        if pterms.covers(stem, concept):
            r.covered.add(j)
    for s, _e, stem, concept in pterms.items:
        if facts.terms.covers(stem, concept):
            anchors.append(s)
    _nearest_mentions(facts, text, spans, anchors, hard)
    focus = focus_sentences(text, lang, hard, anchors)
    # A claim word whose opposite the deciding sentence says ("increase" /
    # "fell", "öncelik" / "peripheral"): the fact is there, with flipped sense.
    claim_concepts = {c for _s, _e, _st, c in facts.terms.items if c}
    for j, (_s, _e, _stem, concept) in enumerate(facts.terms.items):
        if j in r.covered or concept not in ANTONYMS:
            continue
        if ANTONYMS[concept] & claim_concepts:
            continue  # the claim says both ("Russia's influence fell, so the US raised its own")
        for s, _e2, _st, pc in pterms.items:
            if pc in ANTONYMS[concept] and any(a <= s < b for a, b in focus):
                r.covered.add(j)
                r.opposites.append((j, s))
                anchors.append(s)
                break
    r.anchors = anchors
    r.parts = [(cand, anchors)]
    # The claim's predicate may stand in another sentence than its names: "The
    # text of the peace agreement was initialled …, but it has not been signed.
    # Azerbaijan insists that Armenia …" (the names' sentence wins the focus).
    words = [a for a in anchors[len(hard) :]]
    said = focus_sentences(text, lang, [], words) if len(r.covered) >= PREDICATE_MIN_WORDS else []
    scope = focus + [span for span in said if span not in focus and len(said) == 1]
    r.flipped = _flipped(claim, claim_lang, facts, r, text, lang, scope)
    r.score = score(facts, r)
    return r


def _nearest_mentions(
    facts: Facts, text: str, spans: dict[int, int], anchors: list[int], hard: list[int]
) -> None:
    """Anchor a name mentioned more than once at the mention nearest the
    claim's words, not at its first: "None … has recognised the Taliban
    government, but … Kazakhstan removed the Taliban from its list of banned
    organisations" (the claim is the second mention's clause, not the first's).
    Updates ``spans``, ``anchors`` and ``hard`` in place."""
    words = anchors[len(hard) :]
    if not words or not spans:
        return
    centre = sorted(words)[len(words) // 2]
    mentions = known_entities(text)
    for i, at in list(spans.items()):
        e = facts.entities[i]
        starts = [m.start for m in mentions if m.key == e.key] if e.known else find_all(e, text)
        if len(starts) < 2:
            continue
        best = min(starts, key=lambda x: abs(x - centre))
        if best != at:
            spans[i] = best
            for lst in (anchors, hard):
                if at in lst:
                    lst[lst.index(at)] = best


# The dateline of a wire report: place names in capitals, a comma, the date.
_DATELINE = re.compile(r"\s*[A-ZÇĞİÖŞÜА-Я][A-ZÇĞİÖŞÜА-Я/ .-]{2,40},\s*\Z")


def _distance(q: Quantity, p: Quantity) -> float:
    d = abs(p.value - q.value)
    return 0.0 if math.isnan(d) else d  # dates without a year have no value


def _dates_the_page(text: str, x: Quantity, heading: bool) -> bool:
    """Whether a date in a passage dates the page, not an event: a heading, or
    "Updated 7 November" / "Yayın tarihi: …"."""
    return heading or bool(PUBLICATION.search(text, max(0, x.start - 30), x.start))


def _dated_otherwise(
    facts: Facts,
    p: Quantity,
    pq: Iterable[Quantity],
    text: str,
    lang: str | None,
    heading: bool,
) -> Quantity | None:
    """The year or date of another time that the sentence of a passage figure
    states, none of the claim's ("За поправки 2022 года проголосовали 77,18%"
    for a claim about 2024): the figure belongs to that other time."""
    times = [q for q in facts.quantities if q.is_time and not (q.iso or "").startswith("--")]
    if not times or heading:
        return None
    s, e = sentence_at(text, lang, p.start) or (0, 0)
    there = [
        x
        for x in pq
        if s <= x.start < e
        and x.is_time
        # a wire report's dateline ("MOSCOW, Feb 18 (Reuters) -") dates the page too
        and not _DATELINE.match(text, s, x.start)
        and not _dates_the_page(text, x, heading)
    ]
    verdicts = [[compatible(q, x) for q in times] for x in there]
    if any("agree" in v for v in verdicts):
        return None
    return next((x for x, v in zip(there, verdicts, strict=True) if "conflict" in v), None)


def _dated_together(facts: Facts, r: Reading, p: Quantity, text: str, lang: str | None) -> bool:
    """Whether the sentence of a passage figure states a year or date of the
    claim (already found to agree: the claim's years and dates come first)."""
    dates = [a for i, a in r.agree.items() if facts.quantities[i].is_time]
    return any(
        s <= p.start < e and any(s <= a.start < e for a in dates) for s, e in sentences(text, lang)
    )


# Claim words a sentence must share to be read for the claim's predicate
# besides the sentence of its names (see read).
PREDICATE_MIN_WORDS = 2
# How much an anchor counts when choosing the sentence of a passage that decides
# (a window holds two; the negation of the other one is not the claim's): a
# name or a figure outweighs a shared word.
HARD_ANCHOR = 3


def focus_sentences(
    text: str, lang: str | None, hard: list[int], anchors: list[int]
) -> list[tuple[int, int]]:
    """The sentence(s) of a passage holding most of the matched facts."""
    spans = sentences(text, lang)
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


def _counted_alike(claim: str, q: Quantity, text: str, p: Quantity) -> bool:
    """Whether two counts written in words count the same thing beyond the pair
    a sentence refers back to: "met seven times" against "met five times"
    (named_unit), but never "iki ülke arasındaki" against "three countries"
    ("two" and "both" point at names already given; they count nothing)."""
    return min(q.value, p.value) > DEICTIC_COUNT and named_unit(claim, q, text, p)


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
    if shared or q.is_time:
        return shared
    sentence = sentence_at(text, lang, p.start)
    if sentence is None:
        return 0
    s, e = sentence
    return int(any(s <= at < e for at in spans.values()))


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
    # (a year or date dates the whole sentence: it does not put a clause in scope)
    mine += [
        facts.quantities[i].start
        for i in [*r.agree, *r.conflict]
        if not facts.quantities[i].is_time
    ]
    mine += [facts.terms.items[j][0] for j in r.covered]
    theirs = [a for a in r.anchors if any(s <= a < e for s, e in focus)]
    # Negation inside quotation marks belongs to the quoted words, which a
    # translation renders with its own negation ("bir santimini bile vermiyor" /
    # "gibt keinen Zentimeter ab"): quotations are compared by quotes.py.
    mine_q = [(s, e) for _q, s, e in extract_quotes(claim)]
    theirs_q = [(s, e) for _q, s, e in extract_quotes(text)]
    differ = scoped_polarity(claim, claim_lang, mine, mine_q) != scoped_polarity(
        text, lang, theirs, theirs_q, predicates=predicate_unsaid(claim_lang, facts, r)
    )
    return differ != flip


def predicate_unsaid(claim_lang: str | None, facts: Facts, r: Reading) -> bool:
    """Whether the passage leaves out the predicate of a Turkish claim, its last
    content word ("… anlaşması yürürlüğe girmiştir"): a negated predicate of the
    passage's subject may then be the claim's ("…, has not yet entered into
    force"); where the passage says it ("parafe edilmiştir" / "initialled"), a
    negated predicate beside it is another's."""
    if (claim_lang or "")[:2] != "tr" or not facts.terms.items:
        return False
    last = max(range(len(facts.terms.items)), key=lambda j: facts.terms.items[j][0])
    return last not in r.covered


def score(facts: Facts, r: Reading, also: Iterable[int] = ()) -> float:
    """Share of the claim's fact weight the reading matched (``also``: quantity
    indexes counted as matched, to ask how well a conflicting passage fits)."""
    total = facts.weights() - ENTITY_WEIGHT * len(r.soft)
    if total <= 0:
        return 0.0
    got = sum(
        DATE_WEIGHT if facts.quantities[i].is_time else QUANTITY_WEIGHT for i in {*r.agree, *also}
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
