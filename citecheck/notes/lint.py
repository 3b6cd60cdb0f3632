"""Lint an analysed Document: problems an editor should fix, as Finding records.

Rules, each one function below:

1. Notes: damaged or incomplete notes (``malformed_note``), ibid/short forms
   that resolve to nothing (``ibid_no_antecedent``, ``ibid_ambiguous``,
   ``short_form_unresolved``), web sources without access date.
2. Notes against the bibliography: no matching entry, cited page outside the
   entry's page range, year/date/title disagreement.
3. Bibliography: entries no note cites, damaged entries.
4. The document (``doclint``): markers without notes, notes without markers,
   note numbering, the how-to-cite block against the article.

Messages are plain English sentences that carry the values.
"""

from __future__ import annotations

import re

from citecheck.codes import CitationKind, FindingCode
from citecheck.model import BibEntry, Citation, Document, Finding, Note
from citecheck.notes import biblink, ibid
from citecheck.notes.doclint import document_findings
from citecheck.notes.findings import finding
from citecheck.notes.pages import outside, parse_pages
from citecheck.notes.similarity import (
    excerpt,
    title_similarity,
)

# Below this title similarity a linked note and entry "disagree on the title".
# Titles that survived export damage score >= 95 after folding; a real
# mismatch (a different subtitle, a translated title) scores < 80 in the tests.
TITLE_MISMATCH_BELOW = 85.0

_HOLE = re.compile(r"\[\s*\]")
_WEB_KINDS = {CitationKind.WEB_PAGE.value, CitationKind.NEWS_ARTICLE.value}
# Kinds whose missing author is normal: the body or outlet stands for it.
_NO_AUTHOR_OK = {
    CitationKind.WEB_PAGE.value,
    CitationKind.NEWS_ARTICLE.value,
    CitationKind.PRESS_RELEASE.value,
    CitationKind.REPORT.value,
}
# Works that are part of a larger one: a single page in their entry is their
# first page, the rest of the range having been cut ("215 [ ]" in the seed),
# so only a cited page before it is reported.
_RANGE_MARK = re.compile(r"[0-9ivxlcdm]\s*[-–—]", re.IGNORECASE)
_PART_KINDS = {
    CitationKind.JOURNAL_ARTICLE.value,
    CitationKind.BOOK_CHAPTER.value,
    CitationKind.NEWS_ARTICLE.value,
}
_PROBLEM_WORDS = {
    "hole": "an empty “[ ]” where characters were lost in export",
    "no_author": "no author",
    "no_title": "no title",
    "unparsed": "no author, title or link could be read",
}


def lint(
    doc: Document,
    *,
    resolution: ibid.Resolution | None = None,
    links: dict[tuple[int, int], biblink.Link] | None = None,
) -> list[Finding]:
    """Every lint finding of an analysed ``doc`` (notes' citations parsed), in a stable order.

    ``resolution`` and ``links`` are recomputed from the notes' citations unless
    the caller (``analyze``) passes the ones it already has.
    """
    if resolution is None:
        resolution = ibid.resolve(doc.notes)
    if links is None:
        links = biblink.link_citations(doc.notes, doc.bibliography, resolution)
    findings: list[Finding] = []
    findings += _malformed_notes(doc.notes, links)
    findings += _ibid_findings(doc, resolution, links)
    findings += _missing_access_dates(doc)
    findings += _against_bibliography(doc, resolution, links)
    findings += _bibliography(doc, links)
    findings += document_findings(doc)
    return sorted(findings, key=_order)


def _order(f: Finding) -> tuple[int, int, int]:
    if f.note is not None:
        return (0, f.note, 0)
    if f.entry is not None:
        return (1, f.entry, 0)
    return (2, 0, 0)


# 1. Notes ------------------------------------------------------------------


def _problems(citation: Citation, link: biblink.Link | None) -> list[str]:
    problems = []
    for problem in citation.problems:
        if problem == "no_author":
            if citation.title and citation.kind in _NO_AUTHOR_OK:
                continue  # "Reuters, Trump to meet …": the outlet stands for the author
            if link is not None and "author" in link.evidence:
                continue  # the entry's author is named in the note; the parser missed it
        problems.append(problem)
    return problems


def _malformed_notes(
    notes: list[Note], links: dict[tuple[int, int], biblink.Link]
) -> list[Finding]:
    out = []
    for position, note in enumerate(notes):
        problems: list[str] = []
        for index, citation in enumerate(note.citations):
            found = _problems(citation, links.get((position, index)))
            problems += [p for p in found if p not in problems]
        if _HOLE.search(note.text) and "hole" not in problems:
            problems.insert(0, "hole")
        if not problems:
            continue
        words = ", ".join(_PROBLEM_WORDS.get(p, p.replace("_", " ")) for p in problems)
        out.append(
            finding(
                FindingCode.MALFORMED_NOTE,
                f"Note {note.number} looks damaged or incomplete ({words}): "
                f"“{excerpt(note.text)}”.",
                note=note.number,
                problems=problems,
            )
        )
    return out


def _ibid_findings(
    doc: Document, resolution: ibid.Resolution, links: dict[tuple[int, int], biblink.Link]
) -> list[Finding]:
    positions = {n.number: i for i, n in enumerate(doc.notes)}
    out = []
    for f in resolution.findings:
        if f.code == FindingCode.SHORT_FORM_UNRESOLVED.value:
            # Chicago 14.29: with a full bibliography a short form may stand
            # alone; it is unresolved only when no entry matches either.
            position = positions.get(f.note) if f.note is not None else None
            if position is not None and any(key[0] == position for key in links):
                continue
        out.append(f)
    return out


def _kind(note: Note, doc: Document) -> str | None:
    for citation in note.citations:
        if citation.kind:
            return citation.kind
    if note.bib_entry is not None and 0 <= note.bib_entry < len(doc.bibliography):
        return doc.bibliography[note.bib_entry].kind
    return None


def _missing_access_dates(doc: Document) -> list[Finding]:
    out = []
    for note in doc.notes:
        if note.ibid_of is not None or not note.urls or note.accessed:
            continue
        kind = _kind(note, doc)
        if kind not in _WEB_KINDS:
            continue
        out.append(
            finding(
                FindingCode.MISSING_ACCESS_DATE,
                f"Note {note.number} cites a web source ({note.urls[0]}) without the date it "
                "was accessed (E.T. / Erişim tarihi / Accessed).",
                note=note.number,
                url=note.urls[0],
                kind=kind,
            )
        )
    return out


# 2. Notes against the bibliography ----------------------------------------------


def _against_bibliography(
    doc: Document, resolution: ibid.Resolution, links: dict[tuple[int, int], biblink.Link]
) -> list[Finding]:
    if not doc.bibliography:
        return []
    entries = {e.index: e for e in doc.bibliography}
    out: list[Finding] = []
    for position, note in enumerate(doc.notes):
        for index, citation in enumerate(note.citations):
            if not ibid.cites_work(citation):
                continue
            link = links.get((position, index))
            target = resolution.targets.get((position, index))
            is_full = target is not None and (target.position, target.citation) == (position, index)
            if link is None:
                # Ibids inherit their full note's (missing) link: flagged once, there.
                if is_full:
                    out.append(_no_entry(note, citation))
                continue
            entry = entries.get(link.entry)
            if entry is None:
                continue
            out += _pages(note, citation, entry)
            if is_full:
                # A link found in the raw text means the note's fields were
                # mis-parsed: comparing them would report the parser, not the note.
                out += _mismatches(note, citation, entry, fields_ok="text" not in link.evidence)
    return out


def _describe(citation: Citation, note: Note) -> str:
    who = ", ".join(citation.authors)
    what = f"“{citation.title}”" if citation.title else f"“{excerpt(citation.raw or note.text)}”"
    return f"{who}, {what}" if who else what


def _no_entry(note: Note, citation: Citation) -> Finding:
    return finding(
        FindingCode.NOTE_NO_BIB_ENTRY,
        f"Note {note.number} cites {_describe(citation, note)}, which matches no entry of the "
        "bibliography.",
        note=note.number,
        title=citation.title,
    )


def _pages(note: Note, citation: Citation, entry: BibEntry) -> list[Finding]:
    cited = parse_pages(citation.pages)
    span = parse_pages(entry.pages, single_is_start=True)
    single = len(span) == 1 and not _RANGE_MARK.search(entry.pages or "")
    if single and entry.kind not in _PART_KINDS:
        span = []  # one number in a book's entry is its page count ("320 s."), not a range
    bad = outside(cited, span) if cited and span else []
    if not bad:
        return []
    pages = ", ".join(str(p) for p in bad)
    ranges = ", ".join(str(r) for r in span)
    return [
        finding(
            FindingCode.PAGE_OUTSIDE_RANGE,
            f"Note {note.number} cites page {pages}, but the bibliography gives the work's pages "
            f"as {ranges} (entry {entry.index + 1}).",
            note=note.number,
            entry=entry.index,
            cited=citation.pages,
            range=entry.pages,
        )
    ]


def _year(work: Citation | BibEntry) -> int | None:
    if work.year:
        return work.year
    if work.date and work.date[:4].isdigit():
        return int(work.date[:4])
    return None


def _mismatches(
    note: Note, citation: Citation, entry: BibEntry, *, fields_ok: bool = True
) -> list[Finding]:
    out = []
    where = f"bibliography entry {entry.index + 1}"
    if citation.date and entry.date and len(citation.date) >= 7 and len(entry.date) >= 7:
        common = min(len(citation.date), len(entry.date))
        if citation.date[:common] != entry.date[:common]:
            out.append(_mismatch(note, entry, "date", citation.date, entry.date, where))
    if not out:
        ny, ey = _year(citation), _year(entry)
        if ny and ey and ny != ey:
            out.append(_mismatch(note, entry, "year", ny, ey, where))
    if fields_ok and citation.title and entry.title and not citation.short_form:
        score = title_similarity(citation.title, entry.title)
        if score < TITLE_MISMATCH_BELOW:
            out.append(_mismatch(note, entry, "title", citation.title, entry.title, where))
    return out


def _mismatch(
    note: Note, entry: BibEntry, field: str, in_note: object, in_entry: object, where: str
) -> Finding:
    return finding(
        FindingCode.NOTE_BIB_MISMATCH,
        f"Note {note.number} and {where} disagree on the {field}: the note has “{in_note}”, "
        f"the bibliography has “{in_entry}”.",
        note=note.number,
        entry=entry.index,
        field=field,
        note_value=in_note,
        entry_value=in_entry,
    )


# 3. Bibliography ----------------------------------------------------------------


def cited_entries(
    doc: Document, links: dict[tuple[int, int], biblink.Link] | None = None
) -> set[int]:
    """Indices of entries cited by a note, counting an edited volume whose chapter is cited."""
    if links is None:
        links = biblink.link_citations(doc.notes, doc.bibliography, ibid.resolve(doc.notes))
    cited = {link.entry for link in links.values()}
    cited |= {n.bib_entry for n in doc.notes if n.bib_entry is not None}
    for entry in doc.bibliography:
        if entry.index in cited and entry.container_entry is not None:
            cited.add(entry.container_entry)
    return cited


def _bibliography(doc: Document, links: dict[tuple[int, int], biblink.Link]) -> list[Finding]:
    out = []
    cited = cited_entries(doc, links) if doc.notes else set()
    for entry in doc.bibliography:
        problems = list(entry.problems)
        if _HOLE.search(entry.text) and "hole" not in problems:
            problems.insert(0, "hole")
        if problems:
            words = ", ".join(_PROBLEM_WORDS.get(p, p.replace("_", " ")) for p in problems)
            out.append(
                finding(
                    FindingCode.MALFORMED_BIB_ENTRY,
                    f"Bibliography entry {entry.index + 1} looks damaged or incomplete ({words}): "
                    f"“{excerpt(entry.text)}”.",
                    entry=entry.index,
                    problems=problems,
                )
            )
        if doc.notes and entry.index not in cited:
            name = excerpt(entry.title or entry.text)
            out.append(
                finding(
                    FindingCode.BIB_ENTRY_UNCITED,
                    f"Bibliography entry {entry.index + 1} (“{name}”) is not cited in any note.",
                    entry=entry.index,
                )
            )
    return out
