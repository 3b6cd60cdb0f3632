"""HTML elements to blocks: markers, note labels and notes containers recognised.

:func:`html_blocks` walks an element and emits one
:class:`~citecheck.ingest.sections.Block` per paragraph-like element, with

- body markers it is sure of (``<sup>3</sup>``, ``<a href="#_ftn1">[1]</a>``,
  ``<a href="#fn1" class="footnote-ref">``) replaced by a marker token;
- note definitions recognised from their back-links (``<a href="#_ftnref1"
  name="_ftn1">[1]</a>``, ``<li id="fn1">``) as ``Block.note_label``;
- blocks inside a footnotes container (``section.footnotes``, ``div#ftn1``,
  ``ol.wp-block-footnotes``) marked ``section="notes"``;
- link targets that the text does not show kept as hidden-URL spans, which
  note and bibliography text turn into ``<url>`` and body text drops.
"""

from __future__ import annotations

import re

from lxml import etree

from citecheck.ingest.html_common import (
    DROP_TAGS,
    NOTES_CONTAINER,
    URL_CLOSE,
    URL_OPEN,
    attr,
    class_id,
    tag_set,
    text_of,
)
from citecheck.ingest.markers import MAX_NOTE_NUMBER, roman_value, token
from citecheck.ingest.sections import Block

BLOCK_TAGS = tag_set(
    "p div section article main header footer aside h1 h2 h3 h4 h5 h6 li ul ol dl dt "
    "dd blockquote pre table thead tbody tfoot tr figure figcaption address details "
    "summary center form fieldset nav body html"
)
_NOTE_FRAGMENT = re.compile(
    r"^#(?:_?ftn|_?edn|fn|footnote|endnote|note|cite_note|en|sdfootnote|sdendnote)"
    r"[-_:]?\w*?(?P<num>\d{1,3})(?:sym|anc)?$",
    re.IGNORECASE,
)
# Fragment of a back-link from a note to its marker ("#_ftnref1", "#fnref1", "#fnref:1").
_BACKLINK_FRAGMENT = re.compile(
    r"^#(?:_?ftnref|_?ednref|fnref|footnote-?ref|endnote-?ref|noteref|cite_ref|"
    r"sdfootnote\d+anc|sdendnote\d+anc)[-_:]?\w*?(?P<num>\d{1,3})?",
    re.IGNORECASE,
)
_NOTE_ID = re.compile(
    r"^(?:_?ftn|_?edn|fn|footnote|endnote|note|cite_note)[-_:]?(?P<num>\d{1,3})$", re.IGNORECASE
)
_LABEL = re.compile(r"^\s*[\[(]?\s*(?P<label>\d{1,3}|[ivxl]{1,6})\s*[\])]?\s*\.?\s*$")
_BACK_ARROW = re.compile(r"^[\s↩↑⤴⮌^︎\ufe0e\ufe0f]+$|^(?:back|zurück|geri|yukarı)$", re.I)
_TO_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_UNIT_BEFORE = re.compile(r"(?:\b(?:k|c|m|d)?m|\bft)\s*$")


def note_label_of(text: str) -> str | None:
    m = _LABEL.match(text)
    if not m:
        return None
    label = m["label"]
    if label.isdigit():
        return label if 0 < int(label) <= MAX_NOTE_NUMBER else None
    return label if roman_value(label) else None


def html_blocks(el: etree._Element) -> list[Block]:
    walker = _Walker()
    walker.walk(el, in_notes=bool(NOTES_CONTAINER.search(class_id(el))))
    walker.flush()
    return walker.blocks


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buf: list[str] = []
        self.heading = False
        self.note_label: str | None = None
        self.list_index: int | None = None
        self.soft = False
        self.section: str | None = None
        self.line = 0
        self.lists: dict[etree._Element, dict[etree._Element, int]] = {}

    def _list_index(self, li: etree._Element) -> int | None:
        parent = li.getparent()
        if parent is None or parent.tag != "ol":
            return None
        if parent not in self.lists:  # once per list: long lists stay linear
            self.lists[parent] = _list_indexes(parent)
        return self.lists[parent].get(li)

    def flush(self, soft_next: bool = False) -> None:
        text = "".join(self.buf)
        # A note label with no text yet ("<li id=fn1><p>…", "<p>[1]</p><p>text</p>")
        # stays pending for the block that carries the text.
        if text.strip():
            self.blocks.append(
                Block(
                    text=text.strip(),
                    heading=self.heading,
                    note_label=self.note_label,
                    list_index=self.list_index,
                    soft=self.soft,
                    position=self.line,
                    section=self.section,
                )
            )
            self.note_label = None
            self.soft = soft_next
        self.buf = []

    def walk(self, el: etree._Element, in_notes: bool) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in DROP_TAGS:
            self._tail(el)
            return
        if tag == "br":
            self.flush(soft_next=True)
            self._tail(el)
            return
        if tag == "hr":
            self.flush()
            self.blocks.append(Block(text="", rule=True, position=el.sourceline or 0))
            self._tail(el)
            return
        if tag in ("sup", "a") and self._inline_note_link(el, tag, in_notes):
            self._tail(el)
            return
        in_notes = in_notes or bool(NOTES_CONTAINER.search(class_id(el)))
        if tag in BLOCK_TAGS:
            self.flush()
            saved = (self.heading, self.list_index, self.section)
            self.heading = tag in ("h1", "h2", "h3", "h4", "h5", "h6")
            self.section = "notes" if in_notes else None
            self.line = el.sourceline or self.line
            if tag == "li":
                self.list_index = self._list_index(el)
                m = _NOTE_ID.match(attr(el, "id"))
                if m and in_notes:
                    self.note_label = m["num"]
                elif in_notes and self.list_index is not None:
                    self.note_label = str(self.list_index)
            self._children(el, in_notes)
            self.flush()
            if tag == "li":
                self.note_label = None  # an empty list item defines nothing
            self.heading, self.list_index, self.section = saved
            self.soft = False
            self._tail(el)
            return
        self._children(el, in_notes)
        if tag == "a":
            self._hidden_url(el)
        self._tail(el)

    def _children(self, el: etree._Element, in_notes: bool) -> None:
        if el.text:
            self.buf.append(el.text)
        for child in el:
            self.walk(child, in_notes)

    def _tail(self, el: etree._Element) -> None:
        if el.tail:
            self.buf.append(el.tail)

    def _hidden_url(self, el: etree._Element) -> None:
        href = attr(el, "href")
        if href.startswith(("http://", "https://")) and href not in text_of(el):
            self.buf.append(f"{URL_OPEN}{href}{URL_CLOSE}")

    def _inline_note_link(self, el: etree._Element, tag: str, in_notes: bool) -> bool:
        """Handle a marker or a note's own label; False when ``el`` is ordinary text."""
        text = text_of(el)
        href = attr(el, "href") if tag == "a" else ""
        if tag == "a" and href.startswith("#") and text and _BACK_ARROW.match(text):
            return True  # "↩︎" back to the marker, at the end of a note
        label = note_label_of(text)
        if tag == "sup" and href == "":
            inner = el.find(".//a")
            href = attr(inner, "href") if inner is not None else ""
        at_start = not any(part.strip() for part in self.buf)
        if _BACKLINK_FRAGMENT.match(href) or (
            tag == "a"
            and _NOTE_ID.match(attr(el, "name") or attr(el, "id"))
            and not _NOTE_FRAGMENT.match(href)
        ):
            # The label of a note pointing back to its marker: "[1]" before the note
            # text, or a "↩" at its end (dropped).
            if at_start and label is not None:
                self.note_label = label
            elif at_start and (m := _BACKLINK_FRAGMENT.match(href)) and m["num"]:
                self.note_label = m["num"]
            return True
        if label is None:
            return False
        if in_notes and at_start:
            self.note_label = label
            return True
        if tag == "a" and not _NOTE_FRAGMENT.match(href):
            return False
        if (
            tag == "sup"
            and label.isdigit()
            and label in "23"
            and _UNIT_BEFORE.search("".join(self.buf[-3:])[-6:])
        ):
            self.buf.append(label.translate(_TO_SUPERSCRIPT))  # km², m³: not a note
            return True
        if tag == "sup" and not label.isdigit() and not label.islower():
            return False
        raw = f'<a href="{href}">{text}</a>' if tag == "a" else f"<sup>{text}</sup>"
        self.buf.append(token(label, raw))
        return True


def _list_indexes(ol: etree._Element) -> dict[etree._Element, int]:
    """1-based (or ``start``-based) number of every <li> of an <ol>."""
    try:
        start = int(attr(ol, "start") or 1)
    except ValueError:
        start = 1
    items = [child for child in ol if child.tag == "li"]
    return {li: start + i for i, li in enumerate(items)}
