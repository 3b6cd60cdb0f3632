"""Build the Document from the split parts: notes, markers, bibliography, metadata.

Order matters: notes first (their labels are the evidence the marker scanner
needs), then the body paragraphs (page breaks joined, headings found, markers
removed), then bibliography, metadata and the how-to-cite block.
"""

from __future__ import annotations

import re

from citecheck.codes import SEVERITY, FindingCode
from citecheck.ingest import meta
from citecheck.ingest.howtocite import parse_how_to_cite
from citecheck.ingest.markers import MarkerScanner, label_number, strip_tokens
from citecheck.ingest.sections import Block, Clean, Parts
from citecheck.ingest.textutil import ends_sentence, normalize_space, starts_lowercase
from citecheck.model import BibEntry, Document, Finding, Note, Paragraph

# A body block this short with no closing punctuation is a heading ("Giriş",
# "2. Çok Taraflı İlişkiler"); AVİM sub-headings run to ~10 words.
HEADING_MAX_WORDS = 14
HEADING_MAX_CHARS = 120


def problem(doc: Document, message: str, *, note: int | None = None, **details: object) -> None:
    """Record a part of the input that could not be read (the parse goes on)."""
    code = FindingCode.INGEST_PROBLEM
    doc.findings.append(
        Finding(
            code=code.value,
            severity=SEVERITY[code].value,
            message=message,
            note=note,
            details=details,
        )
    )


def build(doc: Document, parts: Parts, clean: Clean) -> Document:
    """Fill ``doc`` from ``parts``; metadata the reader already set is kept."""
    doc.notes = _notes(doc, parts, clean)
    labels = {n.label: n.number for n in doc.notes}
    doc.paragraphs = _paragraphs(_join_breaks(parts.body, clean), clean, labels)
    doc.bibliography = [
        BibEntry(index=i, text=normalize_space(strip_tokens(clean(" ".join(e), True))))
        for i, e in enumerate(parts.bibliography)
    ]
    doc.bibliography = [e for e in doc.bibliography if e.text]
    for i, entry in enumerate(doc.bibliography):
        entry.index = i
    _metadata(doc, parts)
    if parts.cite:
        year = int(doc.published[:4]) if doc.published else None
        doc.how_to_cite = parse_how_to_cite(" ".join(parts.cite), year)
        doc.kind = doc.kind or meta.kind_from_url(doc.how_to_cite.url)
    if not doc.language:
        sample = " ".join(p.text for p in doc.paragraphs) or " ".join(n.text for n in doc.notes)
        doc.language = meta.detect_language(sample)
    if doc.notes and not doc.paragraphs:
        problem(doc, "the document has notes but no body text was found")
    return doc


def _notes(doc: Document, parts: Parts, clean: Clean) -> list[Note]:
    notes: list[Note] = []
    seen: set[int] = set()
    for order, raw in enumerate(parts.notes, start=1):
        text = normalize_space(strip_tokens(clean(" ".join(raw.parts), True)))
        number = label_number(raw.label) or order
        if number in seen:
            problem(
                doc,
                f"note {number} is defined twice; only the first definition is used",
                note=number,
                position=raw.position,
                text=text[:200],
            )
            continue
        seen.add(number)
        notes.append(Note(number=number, text=text, label=raw.label, position=raw.position))
    return notes


def _join_breaks(blocks: list[Block], clean: Clean) -> list[Block]:
    """Join a paragraph that a page break (or a lone <br>) cut in two.

    "…teknolojik dönüşüm" + "çağında enerji…": the first block does not end a
    sentence and the second starts lower-case, so they are one paragraph.
    """
    joined: list[Block] = []
    for block in blocks:
        prev = joined[-1] if joined else None
        if prev is not None and not prev.heading and not block.heading:
            prev_text = clean(prev.text, False).rstrip()
            text = clean(block.text, False).lstrip()
            if not ends_sentence(prev_text) and (starts_lowercase(text) or block.soft):
                joined[-1] = Block(
                    text=prev.text.rstrip() + " " + block.text.lstrip(),
                    position=prev.position,
                )
                continue
        joined.append(block)
    return joined


def _paragraphs(blocks: list[Block], clean: Clean, labels: dict[str, int]) -> list[Paragraph]:
    scanner = MarkerScanner(labels=labels)
    paragraphs: list[Paragraph] = []
    for block in blocks:
        text = normalize_space(clean(block.text, False))
        if not text:
            continue
        index = len(paragraphs)
        clean_text, markers = scanner.scan(text, index)
        clean_text = clean_text.strip()
        if not clean_text and not markers:
            continue
        heading = block.heading or _looks_like_heading(clean_text)
        paragraphs.append(Paragraph(index=index, text=clean_text, markers=markers, heading=heading))
    return paragraphs


def _looks_like_heading(text: str) -> bool:
    if len(text) > HEADING_MAX_CHARS or len(text.split()) > HEADING_MAX_WORDS:
        return False
    return not (text[-1:] in ".,;:!?…" or starts_lowercase(text))


def _metadata(doc: Document, parts: Parts) -> None:
    if parts.numbers and not doc.number:
        doc.number, kind = parts.numbers[0]
        doc.kind = doc.kind or kind
    if not doc.published:
        for value in parts.dates + [
            v for k, v in parts.key_values if k.lower() in ("tarih", "date")
        ]:
            doc.published = meta.iso_date(value)
            if doc.published:
                break
    for key, value in parts.key_values:
        if key.lower() in ("yazar", "author", "authors") and value and not doc.authors:
            doc.authors = meta.split_authors(value)
        if key.lower() in ("dil", "language") and not doc.language:
            doc.language = meta.normalize_language(value.split("&")[0])
    header = [h for h in parts.header if h]
    if not doc.title and header:
        heads = parts.header_headings or header[:1]
        doc.title = meta.clean_title(heads[0])
    if not doc.authors:
        for line in header:
            if meta.clean_title(line) == doc.title:
                continue
            # "Alev KILIÇ, Berna SARICA" / "Alev KILIÇ ve Berna SARICA": every part a name
            names = [meta.author_name(part) for part in meta.split_authors(line)]
            if names and all(names):
                doc.authors.extend(n for n in names if n)
    doc.authors = _dedupe(doc.authors)
    if not doc.published and doc.title:
        m = re.search(r"\d{1,2}[./]\d{1,2}[./]\d{4}", " ".join(header))
        doc.published = meta.iso_date(m[0]) if m else None


def _dedupe(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name and name.casefold() not in {n.casefold() for n in out}:
            out.append(name)
    return out
