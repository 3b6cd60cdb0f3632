"""Plain data of the verify stage (issue 5): quantities, evidence, verdicts, quote checks.

The lead moves the records reports need into citecheck/model.py later; until
then the verify modules and their callers import them from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from citecheck.codes import VerdictLabel  # noqa: F401  (re-exported: verify code imports it here)


def written_in_words(text: str) -> bool:
    """A figure written without a digit: "Eight", "beş", "almost half"."""
    return not any(c.isdigit() for c in text)


@dataclass(frozen=True)
class Quantity:
    """A number found in text, normalised so that languages compare.

    ``kind`` is one of percent, fraction, money, count, year, date, rank. Percentages and
    fractions share one scale (percent: "a quarter" is 25.0) so they compare.
    ``low``/``high`` is the range the text commits to: "more than half" is
    (50, 100), "25 milyar doları aşan" is (25e9, inf), "about 40 %" is the
    exact value with ``approx`` set (the tolerance is applied when comparing).
    """

    kind: str
    value: float
    low: float
    high: float
    start: int
    end: int
    text: str
    unit: str | None = None  # currency code for money ("USD"), "%" for percent
    approx: bool = False
    bound: str = "exact"  # "exact" | "lower" ("more than") | "upper" ("less than") | "range"
    iso: str | None = None  # dates and years: ISO string, possibly partial
    slack: float = 0.0  # half a unit of the last written digit: "1.1 billion" ± 0.05e9

    @property
    def is_time(self) -> bool:
        """A year or a date: a point in time, not an amount (weighted, compared and
        checked apart from the figures)."""
        return self.kind in ("year", "date")

    @property
    def in_words(self) -> bool:
        """Written without a digit: "Eight", "beş", "almost half"."""
        return written_in_words(self.text)

    def describe(self) -> str:
        """Short human form for matched/missing/conflict lists: "~40 %", ">25e9 USD"."""
        sign = {"lower": ">", "upper": "<"}.get(self.bound, "~" if self.approx else "")
        if self.iso is not None:
            return self.iso
        if self.bound == "range":
            unit = " %" if self.kind in ("percent", "fraction") else f" {self.unit or ''}"
            return f"{_short(self.low)}-{_short(self.high)}{unit}".rstrip()
        if self.kind in ("percent", "fraction"):
            return f"{sign}{self.value:g} %"
        if self.kind == "money":
            return f"{sign}{_short(self.value)} {self.unit or '?'}"
        if self.kind == "rank":
            return f"#{self.value:g}"  # "fourth-largest"
        return f"{sign}{_short(self.value)}"


def _short(value: float) -> str:
    for scale, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:g} {name}"
    return f"{value:g}"


@dataclass
class Evidence:
    """A passage of a source: the candidate a retriever ranks and the quote a verdict cites.

    ``start``/``end`` are offsets into the source text; ``score`` is the
    retrieval score. ``semantic`` (embedding similarity, 0-1) may pick
    candidates but is never evidence by itself.
    """

    text: str
    start: int
    end: int
    lang: str | None = None
    score: float = 0.0
    source_url: str | None = None
    semantic: float | None = None


FACT_KINDS = ("figure", "date", "name")
FACT_STATUSES = ("matched", "missing", "conflict", "misattributed")


@dataclass(frozen=True)
class FactCheck:
    """One key fact of the claim and what the deciding passage says of it.

    ``kind``: "figure" (a number, share, amount, rank), "date" (a date or year)
    or "name". ``status``: "matched", "missing", "conflict" (the source gives
    another value: ``source``) or "misattributed" (the source gives the value
    to another entity: ``source`` names it). A figure written in words ("üç",
    "a quarter") is a figure, whatever its spelling.
    """

    kind: str
    claim: str  # as the claim writes it: "%40", "Kazakistan"
    status: str
    source: str | None = None  # the source's value, or the entity it gives the value to

    @property
    def in_words(self) -> bool:
        """A figure or date the claim writes without a digit ("üç", "a quarter")."""
        return self.kind != "name" and written_in_words(self.claim)


@dataclass
class Verdict:
    label: str  # a VerdictLabel value
    confidence: float  # 0-1
    matched: list[str] = field(default_factory=list)  # facts found: "40 %", "Kazakhstan"
    missing: list[str] = field(default_factory=list)  # facts of the claim not in the source
    conflicts: list[str] = field(default_factory=list)  # "claim 40 % ≠ source 25 %"
    evidence: list[Evidence] = field(default_factory=list)  # the deciding quote(s)
    reason: str = ""
    # The same key facts, each with its kind and status (matched/missing above
    # are their human lines); words: the claim's content words the deciding
    # passage says, of all (None: no passage was read).
    facts: list[FactCheck] = field(default_factory=list)
    words: tuple[int, int] | None = None


@dataclass(frozen=True)
class SourceMeta:
    """What the judge needs to know about a source besides its passages."""

    url: str | None = None
    lang: str | None = None
    published: str | None = None  # ISO, possibly partial
    title: str | None = None
    # Why there is no text (paywall, print book, dead link): the verdict is unverifiable.
    # verify.passages.source_meta builds this from a fetched web.extract.SourceText.
    unavailable: str | None = None
    # The page's lines outside its main text (web.extract.SourceText.aside)
    aside: str = ""


@dataclass(frozen=True)
class QuoteCheck:
    """A quotation of the claim looked up in the source text.

    ``status``: "found" (verbatim after normalisation), "near" (similar above the
    tolerance), "missing", or "not_comparable" (claim and source in different
    languages: a translated quote cannot be checked verbatim).
    """

    quote: str
    start: int  # offsets in the claim text, quote marks excluded
    end: int
    status: str
    similarity: float  # 0-100
    source_start: int | None = None
    source_end: int | None = None


@dataclass(frozen=True)
class TemporalFlag:
    """A source published before the event the claim reports."""

    event_date: str  # ISO date found in the claim (or its context)
    source_date: str  # the source's publication date, ISO
    outcome: bool  # the claim reports a result (signed, announced …), not a plan
    message: str
    # the claim also dates something the source could know (a date not after its
    # publication): that part may be attested, only the later outcome cannot
    earlier: bool = False


class Candidate(Protocol):
    """What a judge reads from a retrieval candidate (Evidence or anything shaped like it)."""

    text: str
    start: int
    end: int
    lang: str | None
    score: float


@dataclass(frozen=True)
class Entity:
    """A name in a claim: a known place/organisation or a capitalised sequence.

    ``key`` is the canonical name for known entities ("kazakhstan") and the
    folded, transliterated name otherwise ("cove capital"). ``variants`` are the
    token sequences searched for in a source (see entities.py).
    """

    text: str
    key: str
    start: int
    end: int
    kind: str  # country | region | org | name
    known: bool
    variants: tuple[tuple[str, ...], ...] = ()
