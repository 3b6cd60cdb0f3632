"""Figures given to each other's labels: a swap (issue 5).

"Kyrgyzstan accounted for 312 of them, Uzbekistan for 268" against "Özbekistan'da
312, Kırgızistan'da ise 268"; "exportierten Waren im Wert von 29,1 Milliarden
Euro …, die Einfuhren … lagen bei 21,1 Milliarden" against "exported €21.1
billion … and imported €29.1 billion". Every figure of the claim is in the
source and every name too, so the rules read it as supported; what changed is
which figure goes with which label.

A label is a name or a content word of the claim said once in the claim and
once in the sentence of the source that holds the figures (failing a reading
with those: said by both, counted on each side only where it stands by one
figure, "Chevron (50%) … with Chevron acting as operator"). Figures
cut a sentence into stretches; a list gives each figure its label on one side
("Kyrgyzstan … 312, Uzbekistan … 268": before; "58 percent … to Iraq and 42
percent … in Syria": after). A text whose labels fit one side only — every
figure with a label of its own — is read that way; a text that fits both or
neither is not read (a false contradiction is worse than a miss). When the
claim and the source each read one way and every label shared by both
readings sits with another figure, the figures were swapped. Failing a
reading on one side, each figure takes the labels of its stretch of the
sentence (or of two sentences side by side): figures whose labels sit only
with another figure there, none with their own, were swapped.

A year labels a figure too: :func:`figure_of_another_year` finds the claim's
figure given to another year in the source's sentence, and the claim's year
given another figure ("612 bin varil 2024'te" against "585,000 b/d in 2024,
down from 612,000 b/d in 2023"). Pure: no I/O.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

from citecheck.verify.attribution import sentence_at, sentences
from citecheck.verify.concepts import SIBLINGS
from citecheck.verify.entities import (
    _NOT_NAMES,
    _tokens,
    extract_entities,
    find_all,
    find_entity,
    known_entities,
)
from citecheck.verify.measures import GENERIC, same_unit
from citecheck.verify.model import Entity, Quantity
from citecheck.verify.negation import TR_WHILE
from citecheck.verify.quantities import compare, extract_quantities
from citecheck.verify.reading import Facts, Reading
from citecheck.verify.terms import concept_of, is_stop_word, passage_terms

__all__ = [
    "figure_of_another_name",
    "figure_of_another_word",
    "figure_of_another_year",
    "swapped_figures",
]

# Figures a swap needs: two at least (dates and years aside: they date the
# sentence, they are not what is listed)
MIN_FIGURES = 2
# What a figure counts names it as well as a name does, when it follows the
# figure within COUNTED_WORDS words: "15 milyon yolcu ve 5,5 milyon ton yük"
# against "5.5 million passengers and 15 million tonnes of freight", "150
# milyon doları hibe" against "a $150 million highly concessional credit".
COUNTED_WORDS = 3
COUNTED_CHARS = 40
# ... but not across a comma or a conjunction: "%70'ini ve işlenmesinin %90'ını"
# names the 90 by "işlenmesinin", not the 70
_LINK = re.compile(r"[,;]|\b(?:and|or|und|oder|ve|ile|veya|и|или)\b", re.IGNORECASE)


def _counts(gap: str) -> bool:
    """Whether a word after a figure, ``gap`` between them, says what it counts."""
    return len(gap.split()) < COUNTED_WORDS and not _LINK.search(gap)


def _label_ids(text: str, facts: Facts) -> list[tuple[int, str]]:
    """(position, label id) of the names and content words of ``text`` that
    the claim also has: names by their table key or spelling, words by concept
    (across languages) or stem (within one)."""
    out = [(at, "name:" + e.key) for e in facts.entities for at in find_all(e, text)]
    named_at = {p for p, _ in out}
    for s, _e, stem, concept in passage_terms(text).items:
        if s in named_at:
            continue  # a word that opens a name is the name's
        if concept and any(c == concept for _s, _e2, _st, c in facts.terms.items):
            out.append((s, "concept:" + concept))
        elif any(st == stem for _s, _e2, st, _c in facts.terms.items):
            out.append((s, "stem:" + stem))
    return out


def _once(labels: list[tuple[int, str]]) -> set[str]:
    return {lid for lid, n in Counter(lid for _p, lid in labels).items() if n == 1}


def _read(
    labels: list[tuple[int, str]],
    cuts: list[Quantity],
    mine: dict[int, int],
    text: str | None = None,
) -> dict[str, int] | None:
    """Label id -> figure (index in ``mine``'s values) on the one side that fits;
    with ``text``, what a figure counts right after it names it too."""
    readings = []
    for side in ("before", "after"):
        owner: dict[str, int] = {}
        seen: Counter[str] = Counter()  # in how many of this side's stretches a label stands
        counted: set[str] = set()  # what a figure counts, right after it
        for k, q in enumerate(cuts):
            if id(q) not in mine:
                continue
            if side == "before":
                lo = cuts[k - 1].end if k else -1
                hi = q.start
            else:
                lo = q.end
                hi = cuts[k + 1].start if k + 1 < len(cuts) else 1 << 30
            here = {lid for p, lid in labels if lo <= p < hi}
            seen.update(here)
            for lid in here:
                owner[lid] = mine[id(q)]
            if side == "after" and text is not None:
                counted |= {
                    lid
                    for p, lid in labels
                    if q.end <= p < min(hi, q.end + COUNTED_CHARS) and _counts(text[q.end : p])
                }
        # a label in two of the stretches read belongs to neither ("Chevron (50%)
        # … with Chevron acting as operator" is read where it stands once)
        owner = {lid: k for lid, k in owner.items() if seen[lid] == 1}
        named = {k for lid, k in owner.items() if lid.startswith("name:") or lid in counted}
        readings.append((named == set(mine.values()), len(named), owner))
    # The side on which every figure has a name of its own (a content word alone
    # may be the predicate, before a list in English and after it in Turkish);
    # failing that, the one side on which two figures have: "2,3 TWh elektriğin
    # 1,5 TWh'sini Afganistan'a, 0,8 TWh'sini ise Özbekistan'a" (the total unnamed).
    full = [owner for every, _n, owner in readings if every]
    if not full:
        full = [owner for _e, n, owner in readings if n >= MIN_FIGURES]
    if len(full) == 1 or (len(full) == 2 and full[0] == full[1]):
        return full[0]
    return None


def swapped_figures(claim: str, facts: Facts, r: Reading) -> tuple[list[int], str]:
    """Indexes of the claim figures the source gives to each other's labels,
    and the sentence of the source that does (``[]`` and "" when none)."""
    figures = [i for i in r.agree if not facts.quantities[i].is_time]
    if not figures and len(r.agree) == len(facts.quantities):
        # a claim of dates alone lists them: "in Serbia since 2012 and in North
        # Macedonia since 2015" against "seit 2015 in Serbien und seit 2012 in …"
        figures = list(r.agree)
    elif len(figures) < MIN_FIGURES:
        # ... and so does a claim of one figure and two target years: "2038 yılına
        # kadar %41 azaltım ve en geç 2030 yılında zirve" (the year that dates
        # the sentence, said once before any other, stays out)
        # (in the claim's order: a merged reading's agree holds its halves' in turn)
        years = sorted(i for i in r.agree if facts.quantities[i].is_time)
        if len(years) >= MIN_FIGURES + 1:
            figures = sorted([*figures, *years[1:]])
    if len(figures) < MIN_FIGURES or r.flipped or r.conflict:
        return [], ""
    cand = r.candidates[0]
    text, lang = cand.text, getattr(cand, "lang", None)
    span = sentence_at(text, lang, r.agree[figures[0]].start)
    if span is None:
        return [], ""
    s, e = span
    # the figures of two sentences are no list; two sentences side by side may
    # still give each figure its label ("Ja-Stimmen 90,21 Prozent. Die
    # Beteiligung lag bei 84,54 Prozent"): read by stretches alone
    apart = not all(s <= r.agree[i].start < e for i in figures)
    if apart:
        spans = sentences(text, lang)
        held = {k for k, (a, b) in enumerate(spans) for i in figures if a <= r.agree[i].start < b}
        if len(held) != 2 or max(held) - min(held) != 1:
            return [], ""
        s, e = spans[min(held)][0], spans[max(held)][1]
    sentence = text[s:e]
    cuts = [q for q in extract_quantities(text, lang) if s <= q.start < e]
    at = {(q.start, q.end): q for q in cuts}
    if not all((r.agree[i].start, r.agree[i].end) in at for i in figures):
        return [], ""
    theirs = {id(at[r.agree[i].start, r.agree[i].end]): i for i in figures}
    their_labels = [(p + s, lid) for p, lid in _label_ids(sentence, facts)]
    our_labels = _claim_labels(claim, facts)
    mine = {id(facts.quantities[i]): i for i in figures}
    # Only labels both texts have can show where a figure went: those each
    # says once; failing that, each read on a side only where it stands by one
    # figure (_read): "Chevron (50%), ExxonMobil (25%) … with Chevron acting as
    # operator".
    # Names first; failing a reading by them, what each figure counts too.
    source = ours = None
    tiers = (
        (_once(their_labels) & _once(our_labels), False),
        ({lid for _p, lid in their_labels} & {lid for _p, lid in our_labels}, False),
        (_once(their_labels) & _once(our_labels), True),
    )
    for common, counted in () if apart else tiers:
        source = _read(
            [x for x in their_labels if x[1] in common], cuts, theirs, text if counted else None
        )
        ours = _read(
            [x for x in our_labels if x[1] in common],
            list(facts.quantities),
            mine,
            claim if counted else None,
        )
        if source is not None and ours is not None:
            break
    if source is None or ours is None:
        their_figures = {theirs[id(q)]: q for q in cuts if id(q) in theirs}
        our_figures = {mine[id(q)]: q for q in facts.quantities if id(q) in mine}
        src = _stretch_labels(sentence, s, their_labels, their_figures)
        own = _stretch_labels(claim, 0, our_labels, our_figures)
        if src is None or own is None:
            # a small count in words says what a figure is made of, and shares
            # its stretch: "two zones totalling 450 MW, while … the 250 MW zone"
            small = {i for i in our_figures if _describes(facts.quantities[i])}
            if small and len(our_figures) - len(small) >= MIN_FIGURES:
                src = _stretch_labels(
                    sentence, s, their_labels,
                    {i: q for i, q in their_figures.items() if i not in small},
                )  # fmt: skip
                own = _stretch_labels(
                    claim, 0, our_labels, {i: q for i, q in our_figures.items() if i not in small}
                )
        crossed = _crossed_stretches(src, own)
        return (crossed, sentence) if crossed else ([], "")
    shared = set(source) & set(ours)
    if shared and all(source[lid] != ours[lid] for lid in shared):
        if len({ours[lid] for lid in shared}) < MIN_FIGURES:
            return [], ""  # one figure's labels moved: another sentence's reading, not a swap
        return sorted({ours[lid] for lid in shared}), sentence
    # ... or two names that trade figures while other labels stay: "Kazakistan'a
    # %34, Kırgızistan ve Özbekistan'a %33'er" against "Kyrgyzstan 34 percent, and
    # Kazakhstan and Uzbekistan 33 percent each"
    names = [lid for lid in shared if lid.startswith("name:")]
    traded = {
        ours[a]
        for a in names
        for b in names
        if ours[a] != ours[b] and ours[a] == source[b] and ours[b] == source[a]
    }
    # ... or two years whose labels all went to each other while a figure kept
    # its own: "2038 yılına kadar … %41 azaltım … en geç 2030 yılında zirve"
    # against "2030 yılına kadar … yüzde 41 … en geç 2038 yılında zirve" (not two
    # figures: word order moves a figure's labels across "up to 22 Boeing 787
    # aircraft, valued at about $8 billion")
    held: dict[int, set[str]] = {}
    for lid in shared:
        held.setdefault(ours[lid], set()).add(lid)

    def went_to(a: int, b: int) -> bool:  # every label of a's sits with b in the source
        return all(source[lid] == b for lid in held[a])

    if any(went_to(k, k) for k in held):
        years = [k for k in held if facts.quantities[k].is_time]
        traded |= {a for a in years for b in years if a != b and went_to(a, b) and went_to(b, a)}
    return (sorted(traded), sentence) if traded else ([], "")


# A count in words up to this ("two zones", "üç ünite") says what the figure
# beside it is made of rather than being one of a list
DESCRIBING_COUNT = 10


def _describes(q: Quantity) -> bool:
    return q.kind == "count" and q.in_words and q.value <= DESCRIBING_COUNT


# Where neither text reads on one side, each figure takes the labels of its own
# stretch of the sentence: between commas, semicolons, sentence ends and
# brackets (not colons and dashes, which join a label to its figure: "импорт из
# Турции — 3,1 млрд"), and where a stretch holds two figures, between the
# conjunctions that stand between them too ("3 güneş santrali ve 17 rüzgar
# santrali" against "Solar plants in operation: 17; wind farms in operation: 3").
_STRETCH = re.compile(r"[,;.!?]\s|[()]")
# (and the Turkish converb of contrast: "2,3 milyar metreküp gaz alırken Sırbistan'ın",
# and "olup", which joins two clauses as "and": "… 8 binden fazla kişi çalışmakta
# olup bunların …")
_JOIN = re.compile(
    rf"\s(?:and|und|ve|ile|olup|и|а|while|whereas|während)\s|{TR_WHILE}",
    re.IGNORECASE,
)


def _pieces(pattern: re.Pattern[str], text: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of the pieces ``pattern``'s matches cut ``text`` into,
    offset by ``offset`` (each match ends the piece before)."""
    cuts = [offset, *(offset + m.end() for m in pattern.finditer(text)), offset + len(text)]
    return list(pairwise(cuts))


def _stretches(text: str, offset: int, figures: list[Quantity]) -> list[tuple[int, int]]:
    out = []
    for lo, hi in _pieces(_STRETCH, text, offset):
        inside = sorted((q for q in figures if lo <= q.start < hi), key=lambda q: q.start)
        if len(inside) < 2:
            out.append((lo, hi))
            continue
        # (only a conjunction between two figures: "Aktau ve Kuryk limanlarından
        # 410 bin ton ve 95 bin ton" joins names, then figures)
        joins = [
            offset + m.end()
            for m in _JOIN.finditer(text, lo - offset, hi - offset)
            if inside[0].end <= offset + m.start() < inside[-1].start
        ]
        out.extend(pairwise([lo, *joins, hi]))
    return out


def _stretch_labels(
    text: str, offset: int, labels: list[tuple[int, str]], figures: dict[int, Quantity]
) -> dict[int, set[str]] | None:
    """Figure index -> the labels of its stretch; None unless each figure has a
    stretch of its own."""
    own = _own_stretches(text, offset, list(figures.values()))
    if own is None:
        return None
    return {
        i: {lid for p, lid in labels if own[q.start][0] <= p < own[q.start][1]}
        for i, q in figures.items()
    }


def _crossed_stretches(
    src: dict[int, set[str]] | None, ours: dict[int, set[str]] | None
) -> list[int]:
    """Claim figures whose stretch labels (_stretch_labels of the source and of
    the claim) sit, in the source, with another figure and never with their own."""
    if src is None or ours is None or set(src) != set(ours):
        return []  # (two claim figures read as one of the source's: no pairing)
    figures = sorted(ours)

    def only(sets: dict[int, set[str]], i: int) -> set[str]:
        return sets[i] - set().union(*(sets[j] for j in figures if j != i))

    own = {i: only(ours, i) & only(src, i) for i in figures}
    if any(own.values()):
        # the first stretch also holds what the whole sentence is about
        # ("Özbekistan'da 2024 yılı sonu itibarıyla kurulu güneş … 2.900, rüzgâr …
        # ise 1.050"): two figures that trade what they count both ways were
        # swapped when one of them keeps no label of its own and the other only
        # the sentence's subject (names and plain words, none that says what a
        # figure counts). So were two that trade names both ways ("Yamal LNG
        # projesinde TotalEnergies %50,1 …, Novatek'in payı %20" against "An Jamal
        # LNG hält … Nowatek 50,1 Prozent. … TotalEnergies … 20 Prozent"); a name
        # traded one way against a word the other is a claim's list of names
        # ("Aktau ve Kuryk … 410 bin ton ve 95 bin ton")
        def trade(i: int, j: int) -> str | None:
            kinds = {lid.split(":", 1)[0] for lid in only(ours, i) & only(src, j)}
            if kinds == {"name"}:
                return "name"
            return "concept" if "concept" in kinds and "name" not in kinds else None

        traded = {
            k
            for i in figures
            for j in figures
            if i < j
            and not (own[i] and own[j])
            and not any(lid.startswith("concept:") for lid in own[i] | own[j])
            and trade(i, j) is not None
            and trade(i, j) == trade(j, i)
            for k in (i, j)
        }
        return sorted(traded)
    crossed = {i for i in figures for j in figures if j != i and only(ours, i) & only(src, j)}
    return sorted(crossed) if len(crossed) >= MIN_FIGURES else []


def _claim_labels(claim: str, facts: Facts) -> list[tuple[int, str]]:
    out = [(e.start, "name:" + e.key) for e in facts.entities]
    # a table name said again under another spelling (Kazakistan … Kazakh)
    out += [
        (m.start, "name:" + m.key)
        for m in known_entities(claim)
        if not any(e.start == m.start for e in facts.entities)
    ]
    for s, _e, stem, concept in facts.terms.items:
        out.append((s, "concept:" + concept if concept else "stem:" + stem))
    return out


# A figure and a year are each other's when they are the only figure and the only
# year of a stretch of the sentence between commas, semicolons, dashes or
# brackets: "averaged 585,000 barrels per day in 2024, down from 612,000 barrels
# per day in 2023" (by nearness alone, 612,000 would be 2024's). Thousands
# separators have no space after them.
_SEGMENT = re.compile(r"[,;:]\s|\s[-–—]\s|[()]")
# A bracket without a digit ("(bcm)", "(Iraq, Syria, Israel)") cuts nothing.
_ASIDE = re.compile(r"\([^()\d]*\)")


def _year_pairs(
    sentence: str, offset: int, years: list[Quantity], figures: list[Quantity]
) -> list[tuple[Quantity, Quantity]]:
    """(figure, year) pairs of a sentence: each the only one of its kind in its
    stretch, or the stretch alternating figure and year throughout ("fell to
    118,000 tonnes in 2022 from 134,000 tonnes in 2021": each figure with the
    year after it; "2023'te 28,6 milyon ton olan ihracat 2024'te 31,2 milyon
    ton": each with the year before it)."""
    pairs = []
    # a bracket without a figure cuts nothing: "80.6 billion cubic metres (bcm)
    # of natural gas in 2024", "In 2015 the Middle East (Iraq, Syria) took 44 percent"
    plain = _ASIDE.sub(lambda m: " " * len(m.group()), sentence)
    for lo, hi in _pieces(_SEGMENT, plain, offset):
        ys = [y for y in years if lo <= y.start < hi]
        fs = [f for f in figures if lo <= f.start < hi]
        if len(ys) != len(fs) or not fs:
            continue
        seq = sorted([*ys, *fs], key=lambda q: q.start)
        kinds = [any(q is y for y in ys) for q in seq]
        if all(a != b for a, b in pairwise(kinds)):
            pairs += [
                (b, a) if kinds[0] else (a, b) for a, b in zip(seq[::2], seq[1::2], strict=True)
            ]
    return pairs


# Words that date a figure to the year before the one the sentence speaks of:
# "compared with 2.1 percent a year earlier", "önceki yılın", "im Vorjahr",
# "годом ранее" (not "last year" or "a year ago": those count from the day of
# writing, not from the claim's year).
_YEAR_BEFORE = re.compile(
    r"\b(?:a\s+year\s+(?:earlier|before)|(?:the\s+)?(?:previous|prior|preceding)\s+year|"
    r"önceki\s+yıl|vorjahr|годом\s+ранее|предыдущ\w*\s+год)",
    re.IGNORECASE,
)


def figure_of_another_year(claim: str, facts: Facts, r: Reading) -> str | None:
    """A note when the claim's figure is, in the source's sentence, another
    year's and the claim's year there has another figure of the same kind:
    "2024 yılında günlük 612 bin varil" against "585,000 barrels per day in 2024,
    down from 612,000 barrels per day in 2023". A claim of one year gives it to
    each of its figures; a claim of several must pair each figure with its year
    as the source does (_year_pairs: "2015'te %17 iken 2024'te %44" against "In
    2015 … 44 percent; in 2024 … 17 percent"). The sentence must give each
    figure its year ("a year earlier" is the year before the claim's; full
    dates are not read)."""
    dated = _claim_years(claim, facts)
    if not dated:
        return None
    cand = r.candidates[0]
    text, lang = cand.text, getattr(cand, "lang", None)
    for i, p in r.agree.items():
        mine, y = facts.quantities[i], dated.get(i)
        # the claim's year must be the source's too, and the figure copied as
        # written ("ortalama %14,9" is no copy of "15.8 percent")
        year = facts.quantities[y] if y in r.agree else None
        if year is None or compare(_bare(mine), _bare(p)) != "agree":
            continue
        span = sentence_at(text, lang, p.start)
        if span is None:
            continue
        found = [q for q in extract_quantities(text, lang) if span[0] <= q.start < span[1]]
        if any(q.kind == "date" for q in found):
            continue
        years = [q for q in found if q.kind == "year" and len(q.iso or "") == 4]
        # "a year earlier" is the year before the claim's
        before = int(year.value) - 1
        years += [
            Quantity("year", before, before, before, m.start(), m.end(), m.group(), iso=str(before))
            for m in _YEAR_BEFORE.finditer(text, span[0], span[1])
        ]
        years.sort(key=lambda q: q.start)
        figures = [q for q in found if not q.is_time and compare(mine, q) != "unrelated"]
        pairs = _year_pairs(text[span[0] : span[1]], span[0], years, figures)
        theirs = [y for f, y in pairs if (f.start, f.end) == (p.start, p.end)]
        if not theirs or compare(year, theirs[0]) == "agree":
            continue
        # A figure the claim states for that year too is no rival ("from 11,2 to
        # 5,1 milyon ton" in one year); values compared as written: "ortalama
        # 612 bin" is no claim of 585,000, nor "around 6.1%" of "around 5.5%"
        own = [
            replace(facts.quantities[j], approx=False)
            for j, k in dated.items()
            if compare(facts.quantities[k], year) == "agree"
        ]
        other = [replace(f, approx=False) for f, y in pairs if compare(year, y) == "agree"]
        other = [f for f in other if not any(compare(c, f) == "agree" for c in own)]
        if len(other) == 1 and compare(replace(mine, approx=False), other[0]) == "conflict":
            return (
                f"the source gives {p.text} for {theirs[0].text} and {other[0].text} "
                f"for {year.text}: “{text[span[0] : span[1]].strip()}”"
            )
    return None


def _claim_years(claim: str, facts: Facts) -> dict[int, int]:
    """The index of each figure's year in the claim's facts, by the figure's
    index: the claim's one year for all, or each figure's own where the claim
    pairs several (_year_pairs); {} when the claim dates its figures otherwise."""
    qs = facts.quantities
    times = [q for q in qs if q.is_time]
    if not times or any(q.kind != "year" or len(q.iso or "") != 4 for q in times):
        return {}
    index = {id(q): i for i, q in enumerate(qs)}
    if len(times) == 1:
        return {i: index[id(times[0])] for i, q in enumerate(qs) if not q.is_time}
    figures = [q for q in qs if not q.is_time]
    return {index[id(f)]: index[id(y)] for f, y in _year_pairs(claim, 0, times, figures)}


def _bare(q: Quantity) -> Quantity:
    """``q`` read as written: no approximation, no slack for a round figure."""
    return replace(q, approx=False, low=q.value, high=q.value, slack=0.0)


def opening_name(
    sentence: str, lang: str | None = None, names: tuple[Entity, ...] | None = None
) -> Entity | None:
    """The word that opens ``sentence`` read as a name where extract_entities
    leaves it out for opening the sentence ("Tengiz accounted for roughly 38
    percent …", "Aktau has an annual design capacity of 19.5 million tonnes"):
    capitalised, four letters or more, no connective, stop word or known
    concept, followed by a word in lower case. German capitalises every noun:
    None there. ``names``: extract_entities of the sentence, when the caller
    has it already."""
    toks = _tokens(sentence)
    if lang == "de" or len(toks) < 2:
        return None
    s, e, orig, key = toks[0]
    if sentence[:s].strip() or not orig[:1].isupper() or orig.isupper() or len(key) < 4:
        return None
    if key in _NOT_NAMES or is_stop_word(key) or concept_of(key) is not None:
        return None
    if sentence[e : toks[1][0]] != " " or not toks[1][2][:1].islower():
        return None
    if names is None:
        names = extract_entities(sentence, lang)
    if any(x.start == s for x in names):
        return None  # a name already
    return Entity(orig, key, s, e, "name", False, ((key,),))


def figure_of_another_name(claim: str, facts: Facts, r: Reading) -> str | None:
    """A note when the claim's figure is, in the source's sentence, another
    name's and a name of the claim there has another figure of the same kind:
    "Kırgız vatandaşlarının sayısı 2024'te 9.800" against "11,400 Kyrgyz and
    9,800 Uzbek nationals received seasonal worker visas in 2024". Each figure
    must stand alone in its stretch of the sentence (_stretches); the figure's
    stretch holds another name and none of the claim's, the other figure's a
    name of the claim (not one before the sentence's first figure, which frames
    them all), and the claim copies the figure as written. A full date is read
    so too, against the sentence's other dates ("Mısır ile … 9 Haziran 2020'de"
    against "with Italy on 9 June 2020 and … with Egypt on 6 August 2020");
    bare years are figure_of_another_year's."""
    if not facts.entities:
        return None
    cand = r.candidates[0]
    text, lang = cand.text, getattr(cand, "lang", None)
    exact = [replace(c, approx=False) for c in facts.quantities if c.kind != "year"]
    for mine, p, (s, e), figures, stretch in _alone_in_stretches(facts, r, dates=True):
        places = [find_all(n, text, s, e) for n in facts.entities]
        lo, hi = stretch[p.start]
        # a name before the sentence's first figure frames them all: "In 2024
        # Kyrgyzstan produced 15.2 TWh …, with imports of 2.9 TWh from …"
        first = min(q.start for q in figures)
        if any(max(lo, first) <= at < hi for found in places for at in found):
            continue  # a name of the claim stands with the figure: its own
        named = extract_entities(text[s:e], lang)
        opening = opening_name(text[s:e], lang, named)
        # (names of the claim here frame the sentence: not the owner)
        names = [
            x
            for x in [*named, *([opening] if opening else [])]
            if not any(find_entity(n, x.text) for n in facts.entities)
        ]
        others = [x for x in names if lo <= s + x.start < hi]
        if not others and p.start == first and mine.kind != "date":
            # a first figure set off by commas belongs to the name the sentence
            # opens with, when a claim's name holds the next: "Hatay accounted
            # for the largest share, 11.4 billion lira, followed by Kahramanmaraş
            # with 7.9 billion lira" (not a date: the sentence's own)
            others = [x for x in names if s + x.start < first]
        if not others:
            continue  # no other name owns the figure there: a total, a part, a year's
        for q in figures:
            rival = replace(q, approx=False)
            if (
                q.start == p.start
                or compare(replace(mine, approx=False), rival) != "conflict"
                or any(compare(c, rival) == "agree" for c in exact)  # the claim's own too
                or (mine.kind == "count" and not mine.unit and not same_unit(claim, mine, text, q))
            ):
                continue  # "14.000 kişi" is no rival of "1.500 firma"
            a, b = stretch[q.start]
            held = [
                n
                for n, found in zip(facts.entities, places, strict=True)
                if found
                and all(a <= at < b and at > first for at in found)
                and any((x.known, x.kind) == (n.known, n.kind) for x in others)
            ]
            if held:
                return (
                    f"the source gives {p.text} to {others[0].text} and {q.text} to "
                    f"{held[0].text}: “{text[s:e].strip()}”"
                )
    return None


def figure_of_another_word(claim: str, facts: Facts, r: Reading) -> str | None:
    """A note when the claim's figure is, in the source's sentence, counted by a
    word the claim does not say, and another figure of its kind there by a word
    the claim says: "The EU bought 33.8 percent of Türkiye's exports" against
    "The EU bought 41.2 percent of Türkiye's exports in 2024, while 33.8 percent
    of Türkiye's imports came from the Union". Words by concept (known meaning,
    across languages), none of the GENERIC ones every figure stands by; each
    figure alone in its stretch of the sentence (_stretches; words before the
    sentence's first figure frame them all); the claim's word said in the
    sentence only in the other figure's stretch, nothing of the claim's words in
    its figure's own, and the two words siblings (concepts.SIBLINGS: imports and
    exports, a loan and a grant), which any two other words are not."""
    text = r.candidates[0].text
    exact = [_bare(c) for c in facts.quantities if not c.is_time]
    claim_figures = [q for q in facts.quantities if not q.is_time]
    claim_stretch = _own_stretches(claim, 0, claim_figures)
    for mine, p, (s, e), figures, stretch in _alone_in_stretches(facts, r, dates=False):
        # the claim's words that count its figure: the whole claim, or the
        # figure's own stretch of it when it has others
        clo, chi = (
            (0, len(claim))
            if len(claim_figures) < 2
            else (claim_stretch or {}).get(mine.start, (0, -1))
        )
        ours = {
            c for at, _e, _st, c in facts.terms.items if c and c not in GENERIC and clo <= at < chi
        }
        if not ours:
            continue
        first = min(q.start for q in figures)
        words = [
            (s + at, c)
            for at, _e, _st, c in passage_terms(text[s:e]).items
            if c and c not in GENERIC and s + at >= first
        ]
        lo, hi = stretch[p.start]
        own = {c for at, c in words if lo <= at < hi}
        strange = own - ours
        if not strange or own & ours:
            continue  # the figure's own words are the claim's, or none of known meaning
        for q in figures:
            if q.start == p.start or compare(_bare(mine), _bare(q)) != "conflict":
                continue
            if any(compare(c, _bare(q)) == "agree" for c in exact):
                continue  # the claim's own figure too
            lo, hi = stretch[q.start]
            # (the claim's word said only there in the sentence, a kind of figure
            # the other's word is another of)
            alone = {c for c in ours if all(lo <= at < hi for at, x in words if x == c)}
            held = {c for at, c in words if lo <= at < hi} & alone
            pairs = sorted((a, b) for b in held for a in strange & SIBLINGS.get(b, frozenset()))
            if pairs:
                # (the source's own words for the two kinds: "imports", "exports")
                a, b = (_word_of(text, words, c, *piece) for c, piece in zip(
                    pairs[0], (stretch[p.start], stretch[q.start]), strict=True
                ))  # fmt: skip
                return (
                    f"the source gives {p.text} for {a} and {q.text} for {b}: “{text[s:e].strip()}”"
                )
    return None


def _alone_in_stretches(
    facts: Facts, r: Reading, *, dates: bool
) -> Iterator[
    tuple[Quantity, Quantity, tuple[int, int], list[Quantity], dict[int, tuple[int, int]]]
]:
    """Each claim figure the reading matches as written ("5 milyar dolar" is no
    copy of "4,6 milyar dolarla") and that stands alone in its stretch of the
    source's sentence among the sentence's figures of its kind: (claim figure,
    source figure, sentence span, those figures, figure start -> stretch).
    Years never; full dates only with ``dates``, against the sentence's dates."""
    cand = r.candidates[0]
    text, lang = cand.text, getattr(cand, "lang", None)
    for i, p in r.agree.items():
        mine = facts.quantities[i]
        if mine.kind == "year" or (mine.kind == "date" and not dates):
            continue
        span = sentence_at(text, lang, p.start)
        if span is None or compare(_bare(mine), _bare(p)) != "agree":
            continue
        s, e = span
        figures = [
            q
            for q in extract_quantities(text, lang)
            if s <= q.start < e
            and (q.kind == "date") == (mine.kind == "date")
            and q.kind != "year"
            and compare(mine, q) != "unrelated"
        ]
        stretch = _own_stretches(text[s:e], s, figures)
        if stretch is not None and p.start in stretch:
            yield mine, p, span, figures, stretch


def _word_of(text: str, words: list[tuple[int, str]], concept: str, lo: int, hi: int) -> str:
    """The word of ``concept`` in ``text[lo:hi]`` as the text writes it."""
    at = next(at for at, c in words if c == concept and lo <= at < hi)
    return re.match(r"[\w’'-]+", text[at:]).group()  # type: ignore[union-attr]


def _own_stretches(
    sentence: str, offset: int, figures: list[Quantity]
) -> dict[int, tuple[int, int]] | None:
    """Figure start -> its stretch of the sentence (_stretches); None unless there
    are two figures at least, each alone in its stretch."""
    if len(figures) < MIN_FIGURES:
        return None
    pieces = _stretches(sentence, offset, figures)
    out = {}
    for q in figures:
        piece = next(((lo, hi) for lo, hi in pieces if lo <= q.start < hi), None)
        if piece is None or sum(piece[0] <= f.start < piece[1] for f in figures) != 1:
            return None
        out[q.start] = piece
    return out
