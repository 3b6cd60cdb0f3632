"""BibTeX files as a bibliography source (bibtexparser v2).

A .bib file gives a Document with no body and no notes: only ``bibliography``,
one :class:`BibEntry` per entry with its fields filled in (the text readers
leave fields to ``citecheck.notes``). Blocks bibtexparser cannot parse —
syntax errors, duplicate keys, duplicate fields — become ``ingest_problem``
findings with their raw text and line, as bibtexparser's ``ParsingFailedBlock``
reports them; the rest of the file is still read.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

import bibtexparser
from bibtexparser.middlewares import LatexDecodingMiddleware
from bibtexparser.model import Entry, ParsingFailedBlock

from citecheck.codes import CitationKind
from citecheck.ingest.assemble import problem
from citecheck.model import BibEntry, Document
from citecheck.notes.dates import month_number, parse_date

ENTRY_KINDS: dict[str, CitationKind] = {
    "article": CitationKind.JOURNAL_ARTICLE,
    "book": CitationKind.BOOK,
    "mvbook": CitationKind.BOOK,
    "collection": CitationKind.BOOK,
    "proceedings": CitationKind.BOOK,
    "booklet": CitationKind.BOOK,
    "inbook": CitationKind.BOOK_CHAPTER,
    "incollection": CitationKind.BOOK_CHAPTER,
    "inproceedings": CitationKind.BOOK_CHAPTER,
    "conference": CitationKind.BOOK_CHAPTER,
    "techreport": CitationKind.REPORT,
    "report": CitationKind.REPORT,
    "manual": CitationKind.REPORT,
    "phdthesis": CitationKind.THESIS,
    "mastersthesis": CitationKind.THESIS,
    "thesis": CitationKind.THESIS,
    "online": CitationKind.WEB_PAGE,
    "electronic": CitationKind.WEB_PAGE,
    "webpage": CitationKind.WEB_PAGE,
    "www": CitationKind.WEB_PAGE,
}
_URL_IN_TEXT = re.compile(r"\\url\{([^}]+)\}|(https?://[^\s{}]+)")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def read_bibtex(text: str, source: str) -> Document:
    """A Document whose bibliography is the entries of a BibTeX file."""
    doc = Document(source=source, format="bibtex")
    try:
        with _quiet(logging.getLogger("bibtexparser")):
            library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    except Exception as exc:  # bibtexparser's splitter raises bare exceptions on odd input
        problem(doc, f"the BibTeX file could not be parsed: {exc}")
        return doc
    for block in library.blocks:
        if isinstance(block, ParsingFailedBlock):
            reason = " ".join(str(getattr(block, "error", "") or "").split())
            problem(
                doc,
                f"BibTeX block at line {block.start_line + 1} could not be read"
                + (
                    f": {reason[:300]}" if reason else ": a syntax error (unclosed brace or quote?)"
                ),
                raw=(block.raw or "")[:500],
                line=block.start_line + 1,
            )
        elif isinstance(block, Entry):
            doc.bibliography.append(entry_to_bib(block, len(doc.bibliography)))
    if not doc.bibliography and not doc.findings:
        problem(doc, "the BibTeX file has no entries")
    return doc


@contextmanager
def _quiet(logger: logging.Logger) -> Iterator[None]:
    """bibtexparser logs each failed block; they are findings here, so keep stderr clean."""
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def entry_to_bib(entry: Entry, index: int) -> BibEntry:
    f = {field.key.lower(): _plain(str(field.value)) for field in entry.fields}
    kind = ENTRY_KINDS.get(entry.entry_type.lower())
    if entry.entry_type.lower() == "misc":
        kind = (
            CitationKind.WEB_PAGE
            if (f.get("url") or f.get("howpublished", "").find("http") >= 0)
            else CitationKind.OTHER
        )
    container = f.get("journal") or f.get("journaltitle") or f.get("booktitle")
    if not container and kind == CitationKind.WEB_PAGE:
        howpublished = f.get("howpublished", "")
        container = None if "http" in howpublished else howpublished or f.get("organization")
    year, date = _year_and_date(f)
    urls = [u for u in (f.get("url"), *(_urls(f.get("howpublished", "")))) if u]
    urls += [u for u in _urls(f.get("note", "")) if u not in urls]
    return BibEntry(
        index=index,
        text=entry.raw or "",
        key=entry.key,
        authors=_names(f.get("author", "")),
        title=f.get("title") or None,
        container=container or None,
        editors=_names(f.get("editor", "")),
        publisher=f.get("publisher") or f.get("institution") or f.get("school") or None,
        place=f.get("address") or f.get("location") or None,
        date=date,
        year=year,
        accessed=parse_date(f.get("urldate", "")) if f.get("urldate") else None,
        pages=_pages(f.get("pages")),
        volume=f.get("volume") or None,
        issue=f.get("number") or f.get("issue") or None,
        urls=list(dict.fromkeys(urls)),
        doi=normalize_doi(f.get("doi")),
        kind=kind.value if kind else None,
    )


def normalize_doi(value: str | None) -> str | None:
    """ "https://doi.org/10.5281/ZENODO.1" -> "10.5281/zenodo.1" (DOIs are case-insensitive)."""
    if not value:
        return None
    doi = _DOI_PREFIX.sub("", value.strip()).strip().lower()
    return doi if doi.startswith("10.") else None


def _plain(value: str) -> str:
    """Field value without protective braces and with whitespace collapsed."""
    return re.sub(r"\s+", " ", value.replace("{", "").replace("}", "")).strip()


def _names(value: str) -> list[str]:
    return [n.strip() for n in re.split(r"\s+and\s+", value) if n.strip()] if value else []


def _pages(value: str | None) -> str | None:
    if not value:
        return None
    return re.sub(r"\s*(?:--|–|—)\s*", "-", value).strip() or None


def _urls(text: str) -> list[str]:
    return [m[1] or m[2] for m in _URL_IN_TEXT.finditer(text)]


def _year_and_date(f: dict[str, str]) -> tuple[int | None, str | None]:
    """(year, ISO date) from biblatex ``date`` or BibTeX ``year``/``month``/``day``."""
    date = parse_date(f["date"]) if f.get("date") else None
    m = re.search(r"\d{4}", f.get("year", "") or (date or ""))
    year = int(m[0]) if m else None
    if date is None and year is not None:
        month = f.get("month", "")
        number = int(month) if month.isdigit() else month_number(month) if month else None
        if number and 1 <= number <= 12:
            day = f.get("day", "")
            date = parse_date(f"{year}-{number:02d}-{int(day):02d}") if day.isdigit() else None
            date = date or f"{year:04d}-{number:02d}"
        else:
            date = f"{year:04d}"
    return year, date
