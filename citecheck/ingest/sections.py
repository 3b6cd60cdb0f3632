"""Split a reader's blocks into the parts of an article.

Every reader (text, Markdown, HTML, .docx) turns its input into a list of
:class:`Block` — one per paragraph, heading, list item or line — and hands it to
:func:`split_blocks`. A small state machine walks them once:

1. section headings (``Kaynakça``, ``Bibliography``, ``Notlar`` …) switch the mode;
2. note definitions (``[1] …``, ``[^1]: …``, a reader-labelled block) start the notes;
3. furniture (``Blog No: 33``, dates, share buttons, footer lines) is recorded as
   header metadata or dropped;
4. the ``Atıfta bulunmak için`` / ``To cite this article`` block is kept apart;
5. whatever is left is header (before the first prose paragraph) or body.

The result, :class:`Parts`, is still raw text; :mod:`citecheck.ingest.assemble`
cleans it, finds the markers and builds the Document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from citecheck.ingest import furniture
from citecheck.ingest.markers import (
    SUPERSCRIPT_DIGITS,
    TOKEN_CLOSE,
    TOKEN_OPEN,
    TOKEN_RAW,
    label_number,
)
from citecheck.ingest.textutil import ends_sentence, note_links, starts_lowercase

# A header line is at most this long: titles of AVİM posts run to ~180 characters.
MAX_HEADER_CHARS = 300
# A sentence-ending block of at least PROSE_WORDS // 2 words, or any block of
# LONG_PROSE_WORDS words, is prose: the header is over. AVİM titles run to ~25 words.
PROSE_WORDS = 12
LONG_PROSE_WORDS = 30


# A reader's markup cleaner: (block text, keep <url> brackets?) -> plain text. Body
# text drops URL brackets; note and bibliography text keeps them for the note parser.
Clean = Callable[[str, bool], str]


@dataclass
class Block:
    """One paragraph/line as a reader found it (text still in the reader's markup)."""

    text: str
    heading: bool = False
    rule: bool = False  # <hr>, "---"
    note_label: str | None = None  # the reader is sure this block defines note `label`
    list_index: int | None = None  # 1-based position in an ordered list
    soft: bool = False  # separated from the previous block by a line break only
    position: int = 0  # line (or offset) in the source, for provenance
    section: str | None = None  # the reader knows: "notes" | "bibliography" | "cite" | "skip"


@dataclass
class RawNote:
    label: str
    parts: list[str]
    position: int


@dataclass
class Parts:
    header: list[str] = field(default_factory=list)
    header_headings: list[str] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    notes: list[RawNote] = field(default_factory=list)
    bibliography: list[list[str]] = field(default_factory=list)
    cite: list[str] = field(default_factory=list)
    numbers: list[tuple[str, str]] = field(default_factory=list)  # (number, kind)
    dates: list[str] = field(default_factory=list)
    key_values: list[tuple[str, str]] = field(default_factory=list)


_NOTE_DEF = re.compile(
    rf"^\s*(?:\[\^(?P<pandoc>[^\]\s]+)\]:|\[(?P<bracket>\d{{1,3}}|[ivxl]{{1,6}})\]"
    rf"|(?P<sup>[{SUPERSCRIPT_DIGITS}]{{1,3}})"
    # a reader's marker token opening the block: "<p><sup>1</sup> Note text</p>"
    rf"|{TOKEN_OPEN}(?P<tok>[^{TOKEN_CLOSE}{TOKEN_RAW}]{{1,6}})[^{TOKEN_CLOSE}]*{TOKEN_CLOSE})"
    r"\s*(?P<rest>.*)$",
    re.DOTALL,
)
# Only inside a notes section: "1. text", "1) text", "(1) text", "1 text".
_NUMBERED_DEF = re.compile(
    r"^\s*(?:\((?P<a>\d{1,3})\)|(?P<b>\d{1,3})[.)]?)\s+(?P<rest>\S.*)$", re.S
)
_PROSE_END = re.compile(
    r"[.!?…][\"”’»)]?(?:\s*\[\^?\w{1,4}\]|\ue000[^\ue001]*\ue001|"
    rf"[{SUPERSCRIPT_DIGITS}]+|\(\d{{1,3}}\))*\s*$"
)
_TWO_SENTENCES = re.compile(r"[a-zçğıöşü]{2}[.!?]\S{0,6}\s+[A-ZÇĞİÖŞÜ][a-zçğıöşü]")
_URL_ONLY = re.compile(r"^\s*<?(?:https?://|www\.|doi:|https?://doi)\S+>?[.,]?\s*$")
_LIST_PREFIX = re.compile(r"^\s*(?:[-*•–]\s+|\d{1,3}[.)]\s+|\[\d{1,3}\]\s*)")
# A bibliography block that continues the previous entry (a page break split it):
# it starts lower-case, with a year ("2025. <https://…>"), a URL or a bracket.
_ENTRY_CONTINUES = re.compile(r"^\s*(?:\d{4}\b|<|https?://|www\.|\(|[a-zçğıöşüâîû])")


def split_blocks(blocks: list[Block], clean: Clean) -> Parts:
    """Walk the blocks once and sort them into header/body/notes/bibliography/cite."""
    return _Splitter(clean).run(blocks)


class _Splitter:
    def __init__(self, clean: Clean) -> None:
        self.clean = clean
        self.parts = Parts()
        self.mode = "header"
        self.resume = "header"  # the mode to go back to after an author box/cite block
        self.title_seen = False

    def run(self, blocks: list[Block]) -> Parts:
        for block in blocks:
            self.feed(block)
        return self.parts

    # -- one block ---------------------------------------------------------

    def feed(self, block: Block) -> None:
        if block.section == "skip":
            return
        if block.rule:
            self._rule()
            return
        plain = self.clean(block.text, False).strip()
        if not plain and block.note_label is None:
            return
        if block.section:
            self._reader_section(block, plain)
            return
        section = furniture.section_heading(plain)
        if section:
            self.mode = section
            return
        if self._note_definition(block, plain):
            return
        if self._url_continues(block, plain):
            return
        kind = furniture.classify(plain)
        if kind and self._furniture(kind, block, plain):
            return
        getattr(self, f"_mode_{self.mode}")(block, plain)

    def _url_continues(self, block: Block, plain: str) -> bool:
        """A URL alone on a line inside the notes/bibliography ends the previous item."""
        if not _URL_ONLY.match(plain):
            return False
        if self.mode == "notes" and self.parts.notes:
            self.parts.notes[-1].parts.append(block.text)
            return True
        if self.mode == "bibliography" and self.parts.bibliography:
            self.parts.bibliography[-1].append(block.text)
            return True
        return False

    def _reader_section(self, block: Block, plain: str) -> None:
        if block.section == "notes":
            if not self._note_definition(block, plain, in_notes=True) and self.parts.notes:
                self.parts.notes[-1].parts.append(block.text)
        elif block.section == "bibliography":
            self._mode_bibliography(block, plain)
        elif block.section == "cite":
            m = furniture.HOW_TO_CITE.match(plain)
            rest = plain[m.end() :] if m else plain
            if rest:
                self.parts.cite.append(rest)

    def _rule(self) -> None:
        # A rule ends the notes or the bibliography; in the body it is a section break.
        if self.mode in ("notes", "bibliography", "about", "cite"):
            self.mode = "tail"

    def _note_definition(self, block: Block, plain: str, in_notes: bool = False) -> bool:
        """Start a note when the block defines one; False when it does not."""
        in_notes = in_notes or self.mode == "notes"
        label, rest = None, plain
        text = note_links(block.text)  # "[[1]](#_ftnref1) Note" -> "[1] Note"
        if block.note_label is not None:
            label = block.note_label
        elif (m := _NOTE_DEF.match(text)) is not None:
            label = m["pandoc"] or m["bracket"] or m["sup"] or m["tok"]
            rest = m["rest"]
            ambiguous = m["bracket"] or m["tok"] or m["sup"]
            if ambiguous and not self._bracket_def_plausible(label, in_notes):
                return False
        elif in_notes and block.list_index is not None:
            label = str(block.list_index)
            rest = block.text
        elif in_notes and (m := _NUMBERED_DEF.match(text)) is not None:
            label = m["a"] or m["b"]
            rest = m["rest"]
        if label is None:
            return False
        if block.note_label is not None:
            rest = block.text
        self.mode = "notes"
        self.parts.notes.append(RawNote(label=label, parts=[rest], position=block.position))
        return True

    def _bracket_def_plausible(self, label: str, in_notes: bool) -> bool:
        """ "[1] text" at the start of a block: a note, or a marker that opens a paragraph?"""
        if in_notes:
            return True
        number = label_number(label)
        if number is None:
            return False
        # Numbered references ("[1] Smith, …") in a bibliography are entries, unless
        # the entries are done and the numbering starts again: then the notes begin.
        if self.mode == "bibliography":
            return number == 1 and bool(self.parts.bibliography)
        expected = 1 + len(self.parts.notes)
        return number == expected

    def _furniture(self, kind: str, block: Block, plain: str) -> bool:
        """Record furniture; True when the block was consumed."""
        parts = self.parts
        if kind == "cite":
            self._enter("cite")
            rest = plain[furniture.HOW_TO_CITE.match(plain).end() :].strip()  # type: ignore[union-attr]
            if rest:
                parts.cite.append(rest)
                self._leave()
            return True
        if kind == "about":
            self._enter("about")
            if furniture.ABOUT.sub("", plain).strip():
                self._leave()  # the biography was on the same line
            return True
        if kind == "number":
            found = furniture.number_and_kind(plain)
            if found:
                parts.numbers.append(found)
            return True
        if kind == "date":
            parts.dates.append(plain)
            return True
        if kind == "key_value":
            m = furniture.KEY_VALUE.match(plain)
            parts.key_values.append((m["key"], m["value"].strip()))  # type: ignore[index]
            return True
        if kind == "footer" and self.mode in ("notes", "bibliography", "about", "cite"):
            self.mode = "tail"
        if kind == "rule":
            self._rule()
        return True  # share buttons, read time, affiliation, dashes, footer lines

    # -- modes -------------------------------------------------------------

    def _mode_header(self, block: Block, plain: str) -> None:
        words = len(plain.split())
        # Titles may be long but do not end like a sentence ("… YANSIMALARI - 16.12.2025").
        prose = words >= LONG_PROSE_WORDS or (words >= PROSE_WORDS // 2 and _ends_prose(plain))
        if len(plain) > MAX_HEADER_CHARS or prose or (block.heading and self.title_seen):
            self.mode = "body"
            self._mode_body(block, plain)
            return
        if block.heading:
            self.parts.header_headings.append(plain)
        self.title_seen = True
        self.parts.header.append(plain)

    def _mode_body(self, block: Block, plain: str) -> None:
        self.parts.body.append(block)

    def _mode_notes(self, block: Block, plain: str) -> None:
        notes = self.parts.notes
        last = self.clean(notes[-1].parts[-1], True) if notes else ""
        if notes and (not ends_sentence(last) or starts_lowercase(plain) or _cont(plain)):
            notes[-1].parts.append(block.text)  # a note broken by a page break
        else:
            self.mode = "tail"  # prose after the notes is not article text

    def _mode_bibliography(self, block: Block, plain: str) -> None:
        entries = self.parts.bibliography
        if entries and not block.heading and _ENTRY_CONTINUES.match(plain):
            entries[-1].append(block.text)
        elif block.heading and entries:
            self.mode = "tail"
        else:
            entries.append([_LIST_PREFIX.sub("", block.text, count=1)])

    def _enter(self, mode: str) -> None:
        if self.mode not in ("about", "cite"):
            self.resume = self.mode
        self.mode = mode

    def _leave(self) -> None:
        """After an author box or a cite block: back to the header when the article has
        not started yet (some layouts put them on top), else the page tail."""
        started = self.parts.body or self.parts.notes or self.parts.bibliography
        self.mode = "tail" if started else self.resume

    def _mode_about(self, block: Block, plain: str) -> None:
        # The author's biography is not article text. Below the article it runs to the
        # next section; above it, it is one block.
        if not (self.parts.body or self.parts.notes):
            self._leave()

    def _mode_cite(self, block: Block, plain: str) -> None:
        if not self.parts.cite:
            self.parts.cite.append(plain)
            self._leave()
        else:
            self._leave()
            getattr(self, f"_mode_{self.mode}")(block, plain)

    def _mode_tail(self, block: Block, plain: str) -> None:
        pass


def _ends_prose(text: str) -> bool:
    """Ends a sentence (markers may follow), or holds two sentences: prose, not a title."""
    return bool(_PROSE_END.search(text) or _TWO_SENTENCES.search(text))


def _cont(text: str) -> bool:
    return bool(re.match(r"^\s*(?:<|https?://|www\.|\d{1,4}[.,]?\s|s\.\s|pp?\.\s)", text))
