"""The notes stage: turn an ingested Document into an analysed one.

``analyze(doc)`` runs, in order:

1. parse each bibliography entry (``citation.parse_bib_entry``) unless it is
   already parsed (BibTeX input), and find the edited volume of each chapter;
2. parse each note into citations (``citation.parse_note``); a note that
   raises becomes a ``malformed_note`` finding and never stops the others;
3. resolve ibid and short forms (``ibid.resolve``);
4. link citations to bibliography entries (``biblink.link_citations``);
5. fill each note's resolved fields — URLs with their source (the note, its
   ibid antecedent, or its bibliography entry), DOI, access date, pages — and
   attach the claims of its marker (``claims.extract_claims``);
6. add the lint findings (``lint.lint``).

Pure: no network, no clock. The input Document is never changed.
"""

from __future__ import annotations

from dataclasses import replace

from citecheck.codes import FindingCode
from citecheck.model import BibEntry, Citation, Claim, Document, Finding, Note
from citecheck.notes import biblink, ibid
from citecheck.notes.citation import parse_bib_entry, parse_note
from citecheck.notes.claims import extract_claims
from citecheck.notes.findings import finding
from citecheck.notes.lint import lint
from citecheck.notes.similarity import excerpt

__all__ = ["analyze", "lint"]


def analyze(doc: Document) -> Document:
    """A new Document with notes resolved, linked and linted (see the module docstring)."""
    problems: list[Finding] = []
    bibliography = biblink.link_containers([_parse_entry(e, problems) for e in doc.bibliography])
    parsed = [_parse_note(note, problems) for note in doc.notes]
    resolution = ibid.resolve(parsed)
    links = biblink.link_citations(parsed, bibliography, resolution)
    entries = {entry.index: entry for entry in bibliography}
    claims = _claims(doc, problems)
    notes: list[Note] = []
    for position, note in enumerate(parsed):
        notes.append(_resolve(position, note, notes, resolution, links, entries, claims))
    out = replace(doc, notes=notes, bibliography=bibliography)
    found = lint(out, resolution=resolution, links=links)
    # Only ingest's findings are carried over: analysing twice must not repeat lint findings.
    carried = [f for f in doc.findings if f.code == FindingCode.INGEST_PROBLEM]
    return replace(out, findings=[*carried, *problems, *found])


def _parse_entry(entry: BibEntry, problems: list[Finding]) -> BibEntry:
    if entry.title or entry.authors:
        return entry  # already parsed, e.g. read from a BibTeX file
    try:
        parsed = parse_bib_entry(entry.text, entry.index)
    except Exception as error:  # one bad entry must not stop the others
        problems.append(
            finding(
                FindingCode.MALFORMED_BIB_ENTRY,
                f"Bibliography entry {entry.index + 1} could not be read ({error}): "
                f"“{excerpt(entry.text)}”.",
                entry=entry.index,
            )
        )
        return entry
    return replace(
        parsed,
        index=entry.index,
        text=entry.text,
        key=entry.key or parsed.key,
        container_entry=entry.container_entry,
        problems=list(dict.fromkeys([*entry.problems, *parsed.problems])),
    )


def _parse_note(note: Note, problems: list[Finding]) -> Note:
    if note.citations:
        return note
    try:
        citations = parse_note(note.text)
    except Exception as error:  # one bad note must not stop the others
        problems.append(
            finding(
                FindingCode.MALFORMED_NOTE,
                f"Note {note.number} could not be read ({type(error).__name__}: {error}): "
                f"“{excerpt(note.text)}”.",
                note=note.number,
            )
        )
        return note
    return replace(note, citations=list(citations))


def _claims(doc: Document, problems: list[Finding]) -> dict[int, list[Claim]]:
    if not doc.paragraphs:
        return {}
    try:
        found = extract_claims(doc.paragraphs, lang=doc.language)
    except Exception as error:
        problems.append(
            finding(
                FindingCode.ANALYSIS_PROBLEM,
                f"The sentences the note markers support could not be found ({error}).",
            )
        )
        return {}
    by_note: dict[int, list[Claim]] = {}
    for claim in found:
        by_note.setdefault(claim.note, []).append(claim)
    return by_note


def _resolve(
    position: int,
    note: Note,
    done: list[Note],
    resolution: ibid.Resolution,
    links: dict[tuple[int, int], biblink.Link],
    entries: dict[int, BibEntry],
    claims: dict[int, list[Claim]],
) -> Note:
    """``note`` with its resolved fields; ``done`` holds the notes before it, resolved."""
    refs = [(i, c) for i, c in enumerate(note.citations) if ibid.cites_work(c)]
    # The note's entry is that of the first work it cites that has one; the
    # links of every work are kept by lint (uncited entries, pages).
    found = [links[(position, i)] for i, _ in refs if (position, i) in links]
    link = found[0] if found else None
    entry = entries.get(link.entry) if link is not None else None
    ibid_of = resolution.ibid_of(position, note)
    # The work an ibid/short form stands for: one citation of its full note.
    antecedent: Citation | None = None
    if ibid_of is not None:
        target = resolution.targets[(position, refs[0][0])]
        antecedent = done[target.position].citations[target.citation]

    own_urls = list(dict.fromkeys(u for _, c in refs for u in c.urls))
    entry_urls = list(entry.urls) if entry is not None else []
    if own_urls:
        urls, url_source = own_urls, "note"
    elif antecedent is not None and (antecedent.urls or entry_urls):
        # The full note's URLs, or the ones it took from its entry.
        urls, url_source = list(antecedent.urls) or entry_urls, "ibid"
    elif entry_urls:
        urls, url_source = entry_urls, "bibliography"
    else:
        urls, url_source = [], None

    def pick(attr: str) -> str | None:
        """The note's own value, else its antecedent's, else its entry's."""
        for source in [c for _, c in refs] + [antecedent, entry]:
            if source is not None and getattr(source, attr):
                return str(getattr(source, attr))
        return None

    return replace(
        note,
        ibid_of=ibid_of,
        bib_entry=link.entry if link else None,
        bib_score=link.score if link else None,
        urls=urls,
        url_source=url_source,
        doi=pick("doi") or next(iter(biblink.doi_in_urls(urls)), None),
        accessed=pick("accessed"),
        pages=refs[0][1].pages if refs else None,
        claims=list(claims.get(note.number, [])),
    )
