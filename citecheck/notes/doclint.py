"""Document-level lint: the body against the notes, and the how-to-cite block.

1. Markers without notes and notes without markers.
2. Note numbering: gaps, duplicates, order.
3. The "Atıfta bulunmak için" / "To cite this article" block against the
   article: year, date, number, URL, title, author.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from citecheck.codes import FindingCode
from citecheck.model import Document, Finding, Note
from citecheck.notes.findings import finding
from citecheck.notes.similarity import SURNAME_MIN, authors_match, title_similarity, url_key

# The how-to-cite title may add or drop the date suffix AVİM appends
# ("… - 16.12.2025"), which the similarity handles; below this it differs.
HOW_TO_CITE_TITLE_MIN = 85.0


def document_findings(doc: Document) -> list[Finding]:
    return [*markers(doc), *numbering(doc.notes), *how_to_cite(doc)]


# 1. Body against notes -----------------------------------------------------------


def markers(doc: Document) -> list[Finding]:
    """Markers in the body with no note, and notes no marker points to."""
    placed = [m for p in doc.paragraphs for m in p.markers]
    if not doc.paragraphs or (not doc.notes and not placed):
        return []
    numbers = {n.number for n in doc.notes}
    out = []
    if not placed:
        return [
            finding(
                FindingCode.NOTE_WITHOUT_MARKER,
                f"The document has {len(doc.notes)} notes but no note markers were found in the "
                "text.",
            )
        ]
    seen: set[int] = set()
    for marker in placed:
        if marker.number not in numbers and marker.number not in seen:
            seen.add(marker.number)
            out.append(
                finding(
                    FindingCode.MARKER_WITHOUT_NOTE,
                    f"The text has a note marker {marker.raw or marker.label} (paragraph "
                    f"{marker.paragraph + 1}) but there is no note {marker.number}.",
                    note=marker.number,
                    paragraph=marker.paragraph,
                )
            )
    marked = {m.number for m in placed}
    for number in sorted(numbers - marked):
        out.append(
            finding(
                FindingCode.NOTE_WITHOUT_MARKER,
                f"Note {number} is never referred to in the text (no marker [{number}]).",
                note=number,
            )
        )
    return out


def numbering(notes: list[Note]) -> list[Finding]:
    if not notes:
        return []
    numbers = [n.number for n in notes]
    out = []
    for number, count in sorted(Counter(numbers).items()):
        if count > 1:
            out.append(
                finding(
                    FindingCode.NOTE_NUMBERING,
                    f"Note number {number} is used {count} times.",
                    note=number,
                    count=count,
                )
            )
    missing, total = _gaps(numbers)
    if total:
        listed = ", ".join(map(str, missing)) + (" …" if total > len(missing) else "")
        out.append(
            finding(
                FindingCode.NOTE_NUMBERING,
                f"Note numbers skip {listed} ({total} missing): the notes run "
                f"{min(numbers)}–{max(numbers)}.",
                missing=missing,
                missing_count=total,
            )
        )
    if any(b < a for a, b in pairwise(numbers)):
        out.append(
            finding(
                FindingCode.NOTE_NUMBERING,
                "The notes are not in numerical order: " + ", ".join(map(str, numbers[:30])) + ".",
                order=numbers,
            )
        )
    return out


# At most this many missing numbers are listed: a misread marker such as
# "[2025]" must not produce a list of two thousand numbers.
MAX_LISTED_GAPS = 20


def _gaps(numbers: list[int]) -> tuple[list[int], int]:
    """The first missing note numbers (from 1) and how many are missing in all."""
    listed: list[int] = []
    total = 0
    expected = 1
    for number in sorted(set(numbers)):
        if number < expected:
            continue
        total += number - expected
        room = MAX_LISTED_GAPS - len(listed)
        listed.extend(range(expected, min(number, expected + room)))
        expected = number + 1
    return listed, total


# 3. How to cite -------------------------------------------------------------------


def _number_key(number: str | None) -> str:
    return re.sub(r"\s+", "", number or "")


def how_to_cite(doc: Document) -> list[Finding]:
    block = doc.how_to_cite
    if block is None:
        return []
    out = []

    def add(field: str, in_block: object, in_article: object, says: str, article: str) -> None:
        out.append(
            finding(
                FindingCode.HOW_TO_CITE_MISMATCH,
                f"The “how to cite this” block {says}, but {article}.",
                field=field,
                block_value=in_block,
                article_value=in_article,
            )
        )

    published = doc.published or ""
    published_year = int(published[:4]) if published[:4].isdecimal() else None
    dated = f"the article is dated {published}"
    if block.year and published_year and block.year != published_year:
        add("year", block.year, published, f"gives the year {block.year}", dated)
    elif block.date and len(block.date) == 10 and len(published) == 10 and block.date != published:
        add("date", block.date, published, f"gives the date {block.date}", dated)
    if block.number and doc.number:
        bk, dk = _number_key(block.number), _number_key(doc.number)
        # "2025/33" in the block against "33" in the header: compare the serial part.
        if bk != dk and bk.split("/")[-1] != dk.split("/")[-1]:
            add(
                "number",
                block.number,
                doc.number,
                f"gives the number “{block.number}”",
                f"the article's number is “{doc.number}”",
            )
    if block.url and doc.canonical_url and url_key(block.url) != url_key(doc.canonical_url):
        add(
            "url",
            block.url,
            doc.canonical_url,
            f"gives the address {block.url}",
            f"the article's address is {doc.canonical_url}",
        )
    title_score = title_similarity(block.title, doc.title) if block.title and doc.title else 100
    if title_score < HOW_TO_CITE_TITLE_MIN:
        add(
            "title",
            block.title,
            doc.title,
            f"gives the title “{block.title}”",
            f"the article's title is “{doc.title}”",
        )
    if block.authors and doc.authors and authors_match(block.authors, doc.authors) < SURNAME_MIN:
        named, real = "; ".join(block.authors), "; ".join(doc.authors)
        add("authors", named, real, f"names the author “{named}”", f"the article is by “{real}”")
    return out
