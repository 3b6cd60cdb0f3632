"""Footnote markers in plain text: find them, remove them, remember where they stood.

Every reader turns its body into plain text first (HTML and .docx readers replace
the markers they are sure of with a private-use token, see :func:`token`), then
:class:`MarkerScanner` goes through the paragraphs in order. Forms recognised
(conventions.md, "Markers in the body"):

1. reader tokens ``\\ue000 1 \\ue001``            always a marker
2. pandoc ``[^1]``                              always a marker
3. ``[12]`` glued or after a space              a marker (editorial ``[Doğu Türkiye]``,
                                                ``[…]`` and ``[ ]`` holes have no digits)
4. lowercase roman ``[iv]`` (Word endnotes)     when the notes are roman-labelled, or
                                                the value is the next expected number
5. ``çıkartılmış(1)``, ``edilmiştir.(2)``        glued to a word or stop, when the number
                                                is a known note; never after a digit
                                                (``3(2), 45-68`` is volume/issue) and
                                                never four digits (``(2016)``)
6. Unicode superscripts ``¹²``                   unless after a unit (``km²``)
7. bare digits after a stop ``idi.1 1475``      only when exactly the next expected note
                                                (text copied from a PDF lost superscripts)

The scanner knows the note labels defined in the notes block and the last note
number it accepted: ambiguous forms (4, 5, 7) need that evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.model import Marker

TOKEN_OPEN = "\ue000"
TOKEN_CLOSE = "\ue001"
TOKEN_RAW = "\ue004"  # separates the label from the markup the reader saw

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

# Highest note number taken from an unlabelled form: articles with more than 999
# notes do not exist in this field, and a longer number is an amount or a year.
MAX_NOTE_NUMBER = 999

_ROMAN = r"(?:x{0,3})(?:ix|iv|v?i{0,3})"
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}

_CANDIDATE = re.compile(
    "|".join(
        [
            rf"(?P<tok>{TOKEN_OPEN}(?P<toklabel>[^{TOKEN_CLOSE}{TOKEN_RAW}]{{1,16}})"
            rf"(?:{TOKEN_RAW}(?P<tokraw>[^{TOKEN_CLOSE}]{{0,200}}))?{TOKEN_CLOSE})",
            r"(?P<pandoc>\[\^(?P<plabel>[^\]\s]{1,20})\](?!:))",
            r"(?P<bracket>\[(?P<bnum>\d{1,3})\](?!\())",
            rf"(?P<roman>\[(?P<rlabel>{_ROMAN})\](?!\())",
            r"(?P<paren>\((?P<pnum>\d{1,3})\))",
            rf"(?P<sup>[{SUPERSCRIPT_DIGITS}]{{1,3}})",
            r"(?P<bare>(?P<barenum>\d{1,3})(?=\s|$))",
        ]
    )
)
_PAREN_AFTER = frozenset(".,;:!?\"”’'")
_BARE_AFTER = frozenset('.,;:!?”"’)')
# A superscript 2/3 after a unit is a square/cube, not a note.
_UNIT_BEFORE = re.compile(r"(?:\b(?:k|c|m|d)?m|\bft|\bin)$")
# After removing a marker that stood after a space, drop that space when the
# marker was followed by punctuation: "gelmiştir [11]." -> "gelmiştir."
_CLOSING_PUNCT = set(".,;:!?)]}»”’\"'")


def token(label: str, raw: str = "") -> str:
    """The in-text stand-in for a marker a reader is sure of (a <sup>, a footnote run).

    ``raw`` is the markup as found ("<sup>1</sup>"), kept as the Marker's ``raw``.
    """
    raw = raw.replace(TOKEN_CLOSE, "").replace(TOKEN_OPEN, "")[:200]
    return (
        f"{TOKEN_OPEN}{label}{TOKEN_RAW}{raw}{TOKEN_CLOSE}"
        if raw
        else f"{TOKEN_OPEN}{label}{TOKEN_CLOSE}"
    )


def roman_value(label: str) -> int | None:
    """1-39 for a lowercase roman numeral label, else None."""
    if not label or not re.fullmatch(_ROMAN, label):
        return None
    total = 0
    prev = 0
    for ch in reversed(label):
        value = _ROMAN_VALUES[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total or None


def label_number(label: str) -> int | None:
    """Note number of a printed label: "12" -> 12, "iv" -> 4, "¹²" -> 12."""
    label = label.strip().strip("[]()").translate(_SUP_TO_DIGIT)
    if label.isdigit():
        n = int(label)
        return n if 0 < n <= MAX_NOTE_NUMBER else None
    return roman_value(label.lower()) if label.islower() or label.isupper() else None


@dataclass
class MarkerScanner:
    """Finds markers paragraph by paragraph, keeping the note sequence as evidence.

    ``labels`` maps every label printed in the notes block ("1", "iv", "note-a")
    to its note number; empty when the document has no notes block.
    """

    labels: dict[str, int] = field(default_factory=dict)
    last: int = 0  # number of the last marker accepted

    def __post_init__(self) -> None:
        self.numbers = set(self.labels.values())
        self.roman_labels = any(roman_value(label) for label in self.labels)

    @property
    def expected(self) -> int:
        return self.last + 1

    def scan(self, text: str, paragraph: int) -> tuple[str, list[Marker]]:
        """``text`` without its markers, and the markers with offsets into that text."""
        if not _may_have_marker(text):
            return text, []
        out: list[str] = []
        length = 0  # len("".join(out)), kept as we go
        tail = ""  # last character written so far
        pos = 0
        markers: list[Marker] = []
        for m in _CANDIDATE.finditer(text):
            if m.start() < pos:
                continue
            found = self._accept(m, text)
            if found is None:
                continue
            number, label = found
            before = text[pos : m.start()]
            after = text[m.end() : m.end() + 1]
            # "gelmiştir [11]." -> "gelmiştir."; "word [3] next" -> "word next"
            if before[-1:].isspace() and (not after or after in _CLOSING_PUNCT or after.isspace()):
                before = before.rstrip()
            out.append(before)
            length += len(before)
            tail = before[-1:] or tail
            raw = (m["tokraw"] or label) if m.lastgroup == "tok" else m[0]
            markers.append(
                Marker(number=number, label=label, paragraph=paragraph, offset=length, raw=raw)
            )
            self.last = number
            pos = m.end()
            if after.isspace() and (length == 0 or tail.isspace()):
                pos += 1  # "[1] Text" at the start: no leading space left behind
        out.append(text[pos:])
        return "".join(out), markers

    def _accept(self, m: re.Match[str], text: str) -> tuple[int, str] | None:
        """(number, label) when the candidate is a marker here, else None."""
        kind = m.lastgroup
        if kind == "tok":
            label = m["toklabel"]
            number = self.labels.get(label) or label_number(label)
            return (number, label) if number else None
        if kind == "pandoc":
            label = m["plabel"]
            number = self.labels.get(label) or label_number(label)
            return (number, label) if number else None
        if kind == "bracket":
            number = int(m["bnum"])
            return (number, m["bnum"]) if number > 0 else None
        if kind == "roman":
            label = m["rlabel"]
            number = roman_value(label)
            if number and (self.roman_labels or (not self.labels and number == self.expected)):
                return number, label
            return None
        if kind == "paren":
            # glued to a word or a stop ("çıkartılmış(1)", "edilmiştir.(2)"), never
            # after a digit or a space ("3(2)", "bir çalışma (2016)")
            before = text[m.start() - 1 : m.start()]
            if not before or not (before.isalpha() or before in _PAREN_AFTER):
                return None
            number = int(m["pnum"])
            if self._fits(number):
                return number, m["pnum"]
            return None
        if kind == "sup":
            label = m[0]
            number = int(label.translate(_SUP_TO_DIGIT))
            if number == 0 or _UNIT_BEFORE.search(text[max(0, m.start() - 4) : m.start()]):
                return None
            if self.numbers and number not in self.numbers:
                return None
            return number, label
        if kind == "bare":
            # right after a stop that follows a word: "idi.1 1475"
            before = text[max(0, m.start() - 2) : m.start()]
            if len(before) < 2 or before[1] not in _BARE_AFTER or not before[0].isalpha():
                return None
            number = int(m["barenum"])
            if number == self.expected and number in self.numbers:
                return number, m["barenum"]
            return None
        return None

    def _fits(self, number: int) -> bool:
        """A known note number that does not run backwards (ambiguous forms only)."""
        if not self.numbers:
            return number == self.expected
        return number in self.numbers and number > self.last - 1


def _may_have_marker(text: str) -> bool:
    """Cheap pre-check: most paragraphs of a long article have no marker at all."""
    return (
        "[" in text
        or "(" in text
        or TOKEN_OPEN in text
        or any(c in text for c in SUPERSCRIPT_DIGITS)
        or bool(re.search(r"[.,;:!?”\"’)]\d", text))
    )


def strip_tokens(text: str) -> str:
    """Text with reader tokens turned back into printed labels (for note/entry text)."""
    return re.sub(
        f"{TOKEN_OPEN}([^{TOKEN_CLOSE}{TOKEN_RAW}]*)(?:{TOKEN_RAW}[^{TOKEN_CLOSE}]*)?{TOKEN_CLOSE}",
        r"[\1]",
        text,
    )
