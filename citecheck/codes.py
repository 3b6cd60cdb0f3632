"""Stable string codes used by reports, the audit store and ``--ignore`` filters.

Codes are part of the JSON contract: add new ones, never rename or reuse one.
"""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class CitationKind(StrEnum):
    WEB_PAGE = "web_page"
    NEWS_ARTICLE = "news_article"
    JOURNAL_ARTICLE = "journal_article"
    BOOK_CHAPTER = "book_chapter"
    BOOK = "book"
    PRESS_RELEASE = "press_release"
    REPORT = "report"
    THESIS = "thesis"
    OTHER = "other"


class FindingCode(StrEnum):
    """Lint findings on notes, bibliography and the document (issue 2)."""

    NOTE_NO_BIB_ENTRY = "note_no_bib_entry"  # note matches no bibliography entry
    BIB_ENTRY_UNCITED = "bib_entry_uncited"  # entry no note cites
    PAGE_OUTSIDE_RANGE = "page_outside_range"  # cited page outside the entry's page range
    NOTE_BIB_MISMATCH = "note_bib_mismatch"  # note and entry disagree on year/date/title
    MALFORMED_NOTE = "malformed_note"  # "[ ]" holes, missing author, unparseable
    MALFORMED_BIB_ENTRY = "malformed_bib_entry"
    IBID_NO_ANTECEDENT = "ibid_no_antecedent"  # ibid with nothing (citable) before it
    IBID_AMBIGUOUS = "ibid_ambiguous"  # ibid after a note citing several works
    SHORT_FORM_UNRESOLVED = "short_form_unresolved"
    MISSING_ACCESS_DATE = "missing_access_date"  # web source without an access date
    HOW_TO_CITE_MISMATCH = "how_to_cite_mismatch"  # citation block disagrees with the article
    MARKER_WITHOUT_NOTE = "marker_without_note"  # [7] in the body, no note 7
    NOTE_WITHOUT_MARKER = "note_without_marker"  # note 7 never referenced in the body
    NOTE_NUMBERING = "note_numbering"  # gaps or duplicates in note numbers
    INGEST_PROBLEM = "ingest_problem"  # part of the input could not be read
    ANALYSIS_PROBLEM = "analysis_problem"  # a notes-stage step failed for part of the input
    # Identifiers and metadata (issue 4): details carry {"field", "cited", "found", "source"}.
    DOI_NOT_REGISTERED = "doi_not_registered"  # no registry knows the DOI
    DOI_UNRESOLVED = "doi_unresolved"  # the lookup failed (network, registry error): unknown
    TITLE_MISMATCH = "title_mismatch"  # cited title differs from the record's/page's
    AUTHOR_MISMATCH = "author_mismatch"
    DATE_MISMATCH = "date_mismatch"  # year or date differs
    CONTAINER_MISMATCH = "container_mismatch"  # journal/site/book differs
    WORK_RETRACTED = "work_retracted"  # retraction or withdrawal notice on record
    WORK_CORRECTED = "work_corrected"  # correction/erratum on record
    DOI_SUGGESTION = "doi_suggestion"  # a DOI proposed for a note without one
    # Claim verification (issue 5).
    QUOTE_NOT_FOUND = "quote_not_found"  # a quotation the source does not contain
    SOURCE_PREDATES_EVENT = "source_predates_event"  # source older than the event reported


SEVERITY: dict[FindingCode, Severity] = {
    FindingCode.NOTE_NO_BIB_ENTRY: Severity.WARNING,
    FindingCode.BIB_ENTRY_UNCITED: Severity.WARNING,
    FindingCode.PAGE_OUTSIDE_RANGE: Severity.ERROR,
    FindingCode.NOTE_BIB_MISMATCH: Severity.WARNING,
    FindingCode.MALFORMED_NOTE: Severity.WARNING,
    FindingCode.MALFORMED_BIB_ENTRY: Severity.WARNING,
    FindingCode.IBID_NO_ANTECEDENT: Severity.ERROR,
    FindingCode.IBID_AMBIGUOUS: Severity.WARNING,
    FindingCode.SHORT_FORM_UNRESOLVED: Severity.WARNING,
    FindingCode.MISSING_ACCESS_DATE: Severity.INFO,
    FindingCode.HOW_TO_CITE_MISMATCH: Severity.WARNING,
    FindingCode.MARKER_WITHOUT_NOTE: Severity.ERROR,
    FindingCode.NOTE_WITHOUT_MARKER: Severity.WARNING,
    FindingCode.NOTE_NUMBERING: Severity.WARNING,
    FindingCode.INGEST_PROBLEM: Severity.WARNING,
    FindingCode.ANALYSIS_PROBLEM: Severity.WARNING,
    FindingCode.DOI_NOT_REGISTERED: Severity.ERROR,
    FindingCode.DOI_UNRESOLVED: Severity.INFO,
    FindingCode.TITLE_MISMATCH: Severity.ERROR,
    FindingCode.AUTHOR_MISMATCH: Severity.WARNING,
    FindingCode.DATE_MISMATCH: Severity.WARNING,
    FindingCode.CONTAINER_MISMATCH: Severity.WARNING,
    FindingCode.WORK_RETRACTED: Severity.ERROR,
    FindingCode.WORK_CORRECTED: Severity.WARNING,
    FindingCode.DOI_SUGGESTION: Severity.INFO,
    FindingCode.QUOTE_NOT_FOUND: Severity.WARNING,
    FindingCode.SOURCE_PREDATES_EVENT: Severity.WARNING,
}


class VerdictLabel(StrEnum):
    """What the cited source says about a claim (issue 5)."""

    SUPPORTED = "supported"
    PARTIALLY_SUPPORTED = "partially_supported"  # some key facts found, others absent
    NOT_FOUND = "not_found"  # source read, nothing in it says this
    CONTRADICTED = "contradicted"  # a different value for the same quantity, or the opposite
    UNVERIFIABLE = "unverifiable"  # no source text: print book, paywall, dead link


class LinkStatus(StrEnum):
    """Outcome of checking one URL (issue 3). Only these values are ever reported."""

    OK = "ok"
    REDIRECTED = "redirected"  # lands on an equivalent page (permanent or temporary)
    BROKEN = "broken"  # 404, 410 and other 4xx that say "gone"
    SOFT_404 = "soft_404"  # 200 with a not-found page, or redirect to home/search
    BLOCKED = "blocked"  # 401/403/429/999 or a bot wall: a person must click it
    SERVER_ERROR = "server_error"
    TIMEOUT = "timeout"
    DNS_ERROR = "dns_error"
    TLS_ERROR = "tls_error"
    CONNECTION_ERROR = "connection_error"
    INVALID_URL = "invalid_url"
    PRIVATE_ADDRESS = "private_address"
    NOT_CHECKED = "not_checked"  # offline / replayed from an archive


# Statuses that mean "a reader gets the page" (exit code 0 for `citecheck links`).
LINK_OK = frozenset({LinkStatus.OK, LinkStatus.REDIRECTED})

# Statuses that fail `citecheck links` (exit 1): the reader does not get the page.
# `blocked` (a person must open it) and `not_checked` are reported, not failed.
LINK_FAILING = frozenset(
    {
        LinkStatus.BROKEN,
        LinkStatus.SOFT_404,
        LinkStatus.SERVER_ERROR,
        LinkStatus.TIMEOUT,
        LinkStatus.DNS_ERROR,
        LinkStatus.TLS_ERROR,
        LinkStatus.CONNECTION_ERROR,
        LinkStatus.INVALID_URL,
        LinkStatus.PRIVATE_ADDRESS,
    }
)
