"""Plain data passed between the stages of citecheck.

Flow: ``ingest`` builds a :class:`Document` (paragraphs with :class:`Marker`
positions, raw :class:`Note` texts, raw :class:`BibEntry` texts, the
how-to-cite block); ``notes.analyze`` fills in each note's :class:`Citation`
list, ibid resolution, bibliography link and :class:`Claim` list and adds
:class:`Finding` records. Later stages (web, verify, report) read these objects
and never change them.

Every record keeps its provenance: the raw text it came from and where.
Dates are ISO strings (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) so partial dates
("2025", "Kasım 2025") stay honest instead of being padded to a fake day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING


@dataclass
class Work:
    """Bibliographic fields shared by a note's citation and a bibliography entry."""

    # as written: "Surname, Given" or "Given Surname"
    authors: list[str] = field(default_factory=list)
    title: str | None = None
    container: str | None = None  # site, journal, newspaper or the book a chapter is in
    editors: list[str] = field(default_factory=list)
    publisher: str | None = None
    place: str | None = None
    date: str | None = None  # ISO, possibly partial
    year: int | None = None
    accessed: str | None = None  # access date, ISO
    pages: str | None = None  # cited page(s) in a note, page range in an entry: "769", "30-33"
    volume: str | None = None
    issue: str | None = None
    urls: list[str] = field(default_factory=list)
    doi: str | None = None  # normalized: lower-case, no resolver prefix
    kind: str | None = None  # see codes.CitationKind


@dataclass
class Citation(Work):
    """One work cited by one note (a note citing several works has several)."""

    raw: str = ""  # the part of the note text this citation was parsed from
    start: int = 0  # offsets of ``raw`` in the note text
    end: int = 0
    ibid: bool = False  # A.g.e./Ibid./Id. form: refers to an earlier note
    ibid_author: str | None = None  # "Karataş, a.g.e." names whose work is meant
    short_form: bool = False  # "Frigerio, "C5+1 Summit," 4." form
    problems: list[str] = field(default_factory=list)  # parse problems: "hole", "no_author", ...


@dataclass
class BibEntry(Work):
    """One entry of the Kaynakça / Bibliography / References list."""

    index: int = 0  # 0-based position in the bibliography
    text: str = ""  # raw entry text as it stands in the document
    key: str | None = None  # BibTeX key when the entry came from a .bib file
    container_entry: int | None = None  # index of the edited volume a chapter is in
    problems: list[str] = field(default_factory=list)


@dataclass
class Marker:
    """A footnote marker in the body text."""

    number: int  # note number it points to
    label: str  # as printed: "1", "iv", "¹"
    paragraph: int  # index into Document.paragraphs
    offset: int  # position in the paragraph's clean text where the marker stood
    raw: str = ""  # marker text as found: "[1]", "(1)", "<sup>1</sup>"


@dataclass
class Paragraph:
    """A body paragraph; ``text`` has the markers removed, ``markers`` says where they were."""

    index: int
    text: str
    markers: list[Marker] = field(default_factory=list)
    heading: bool = False


@dataclass
class Claim:
    """The sentence(s) of the body that a marker supports."""

    note: int
    text: str
    paragraph: int
    start: int  # offsets into Paragraph.text
    end: int


@dataclass
class Note:
    """A footnote / endnote."""

    number: int
    text: str  # note text as found (markup removed)
    label: str = ""
    position: int | None = None  # offset or line of the note in the source, for provenance
    citations: list[Citation] = field(default_factory=list)
    ibid_of: int | None = None  # number of the full note an ibid/short form resolves to
    bib_entry: int | None = None  # index of the linked BibEntry
    bib_score: float | None = None  # similarity score of that link (0-100)
    urls: list[str] = field(default_factory=list)  # the work's URLs after resolution
    url_source: str | None = None  # "note" | "ibid" | "bibliography" | None
    doi: str | None = None
    accessed: str | None = None
    pages: str | None = None  # page(s) this note cites (its own, or the ibid's locator)
    claims: list[Claim] = field(default_factory=list)


@dataclass
class HowToCite:
    """The "Atıfta bulunmak için" / "To cite this article" block."""

    text: str
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    title: str | None = None
    number: str | None = None  # "2025 / 33"
    date: str | None = None
    accessed: str | None = None
    url: str | None = None


@dataclass
class Finding:
    """A problem found in the document; ``code`` is one of codes.FindingCode."""

    code: str
    severity: str  # "error" | "warning" | "info"
    message: str
    note: int | None = None
    entry: int | None = None  # bibliography index
    details: dict[str, object] = field(default_factory=dict)


@dataclass
class Document:
    """An article as read from any input format."""

    source: str  # path or URL it was read from
    format: str  # "avim-html" | "html" | "text" | "markdown" | "docx" | "bibtex"
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO date
    language: str | None = None  # "tr" | "en" | ...
    kind: str | None = None  # "blog" | "analysis" | "commentary" | "report" | "journal" | ...
    number: str | None = None  # "33", "2023 / 5"
    canonical_url: str | None = None
    site: str | None = None  # "avim.org.tr", ...
    paragraphs: list[Paragraph] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    bibliography: list[BibEntry] = field(default_factory=list)
    how_to_cite: HowToCite | None = None
    findings: list[Finding] = field(default_factory=list)  # ingest-time problems

    def note(self, number: int) -> Note | None:
        for n in self.notes:
            if n.number == number:
                return n
        return None


@dataclass
class Hop:
    """One response in a redirect chain."""

    url: str
    status: int


@dataclass
class ArchiveSnapshot:
    url: str  # e.g. https://web.archive.org/web/20251126000000/https://...
    timestamp: str  # 14-digit Wayback timestamp, YYYYMMDDhhmmss
    source: str = "wayback"  # "wayback" | "warc"


@dataclass
class LinkCheck:
    """Result of checking one cited URL (issue 3); ``status`` is a codes.LinkStatus."""

    url: str  # as cited
    normalized_url: str
    status: str
    notes: list[int] = field(default_factory=list)  # note numbers citing it
    http_status: int | None = None
    final_url: str | None = None
    redirects: list[Hop] = field(default_factory=list)
    permanent_redirect: bool | None = None
    reason: str = ""  # one line, plain words
    attempts: int = 0
    elapsed_ms: int = 0
    checked_at: str | None = None  # ISO timestamp, UTC
    content_type: str | None = None
    archive: ArchiveSnapshot | None = None
    from_cache: bool = False


@dataclass
class WorkRecord:
    """What a registry (doi.org, Crossref, DataCite) or a fetched page says of a work."""

    source: str  # "doi.org" | "crossref" | "datacite" | "page"
    title: str | None = None
    authors: list[str] = field(default_factory=list)  # "Surname, Given" where known
    container: str | None = None
    publisher: str | None = None
    date: str | None = None  # ISO, possibly partial: publication date
    modified: str | None = None  # ISO: last modification (pages)
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None  # page range of the work: "769-782"
    url: str | None = None
    doi: str | None = None
    agency: str | None = None  # DOI registration agency: "crossref", "datacite", ...
    kind: str | None = None  # codes.CitationKind where it maps
    language: str | None = None
    site_name: str | None = None
    # Retractions, withdrawals, corrections: {"type", "doi", "date", "label"}
    updates: list[dict[str, str]] = field(default_factory=list)


@dataclass
class IdentifierCheck:
    """One DOI of one note, resolved (or proposed: ``suggested``)."""

    note: int
    doi: str  # normalized
    found_in: str  # "note" | "url" | "bibliography" | "suggestion"
    registered: bool | None = None  # None: could not be determined (network trouble)
    agency: str | None = None
    record: WorkRecord | None = None
    error: str | None = None  # one line, plain words, when resolution failed
    suggested: bool = False  # a DOI proposed for a note without one: never applied silently
    confidence: float | None = None  # of a suggestion, 0-1


# --- The report (issue 6) -------------------------------------------------------------
# Verdict, QuoteCheck and TemporalFlag are the verify stage's records
# (citecheck/verify/model.py); imported for types only so this module stays the
# dependency-free base every stage imports.
if TYPE_CHECKING:
    from citecheck.verify.model import QuoteCheck, TemporalFlag, Verdict


@dataclass
class SourceInfo:
    """The source a claim was checked against, as read."""

    url: str | None
    title: str | None = None
    language: str | None = None
    published: str | None = None  # ISO
    kind: str | None = None  # "html" | "pdf" | "text"
    from_archive: ArchiveSnapshot | None = None  # read from a WARC/Wayback copy, not live
    problem: str | None = None  # why there is no text (paywall, print book, dead link, …)


@dataclass
class ClaimCheck:
    """One claim and what its cited source says about it."""

    claim: Claim
    verdict: Verdict | None = None  # None: not verified (no source, or verification off)
    source: SourceInfo | None = None
    quotes: list[QuoteCheck] = field(default_factory=list)
    temporal: TemporalFlag | None = None  # source published before the reported event
    # Content drift: the verdict on the archived copy nearest the access date, and
    # whether the archived copy supports the claim while the live page no longer does.
    archived_verdict: Verdict | None = None
    archived_source: SourceInfo | None = None
    drifted: bool = False
    problems: list[str] = field(default_factory=list)  # a failed step, recorded not raised


@dataclass
class NoteReport:
    """Everything checked for one note."""

    note: Note
    links: list[LinkCheck] = field(default_factory=list)
    identifiers: list[IdentifierCheck] = field(default_factory=list)
    page: WorkRecord | None = None  # the cited page's own metadata
    findings: list[Finding] = field(default_factory=list)  # lint + metadata findings
    claims: list[ClaimCheck] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # stages that failed for this note


@dataclass
class Report:
    """The whole verification of one document: the source of every rendering."""

    document: Document
    notes: list[NoteReport]
    findings: list[Finding]  # document-level findings (no note)
    generated_at: str  # ISO timestamp, UTC
    tool_version: str
    settings: dict[str, object] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # the run's own trouble (caches, archive)
