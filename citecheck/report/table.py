"""Readable terminal views (``--format table``), rendered with rich.

rich handles column widths, wrapping and colour on a terminal and degrades to
plain text when piped, which hand-written padding code would not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from citecheck.codes import LINK_FAILING, LINK_OK
from citecheck.model import Document, Finding, LinkCheck, Note, Report

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
MIN_WIDTH = 120  # pipes default to 80 columns, too narrow for a citation and a URL


def _work_label(note: Note) -> str:
    if not note.citations:
        return ""
    c = note.citations[0]
    if c.ibid:
        return f"ibid → note {note.ibid_of}" if note.ibid_of else "ibid (unresolved)"
    who = "; ".join(c.authors[:2]) or (c.container or "")
    title = c.title or ""
    label = f"{who}: {title}" if who and title else who or title
    if len(note.citations) > 1:
        label += f" (+{len(note.citations) - 1} more)"
    return label


def _where(f: Finding) -> str:
    if f.note is not None:
        return f"note {f.note}"
    return f"entry {f.entry + 1}" if f.entry is not None else "document"


def wide_console(console: Console) -> Console:
    """The console itself on a terminal; a MIN_WIDTH-wide one for pipes (default 80)."""
    if console.is_terminal or console.width >= MIN_WIDTH:
        return console
    return Console(file=console.file, width=MIN_WIDTH, soft_wrap=False, highlight=False)


def render_notes(doc: Document, console: Console) -> None:
    console = wide_console(console)
    title = doc.title or doc.source
    meta = ", ".join(x for x in (doc.published, doc.language, doc.kind) if x)
    console.print(f"[bold]{escape(title)}[/bold]" + (f"  ({escape(meta)})" if meta else ""))

    if not doc.notes and doc.bibliography:  # a .bib file or a references-only page
        _render_bibliography(doc, console)
    else:
        _render_note_table(doc, console)
    console.print(f"{len(doc.notes)} notes, {len(doc.bibliography)} bibliography entries")

    claims = [(n.number, c.text) for n in doc.notes for c in n.claims]
    if claims:
        console.print("[bold]Claims[/bold]")
        for number, text in claims:
            console.print(f"  [{number}] {escape(text)}", overflow="ellipsis", no_wrap=True)
    if doc.findings:
        console.print("[bold]Findings[/bold]")
        for f in doc.findings:
            style = SEVERITY_STYLE.get(f.severity, "")
            console.print(
                f"  [{style}]{f.severity}[/{style}] {escape(f.code)} ({_where(f)}): "
                f"{escape(f.message)}"
            )


def _render_bibliography(doc: Document, console: Console) -> None:
    table = Table(expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Authors", ratio=2)
    table.add_column("Title", ratio=3)
    table.add_column("Year", no_wrap=True)
    table.add_column("Kind", no_wrap=True)
    table.add_column("URL / DOI", ratio=2, overflow="fold")
    for e in doc.bibliography:
        link = f"doi:{e.doi}" if e.doi else (e.urls[0] if e.urls else "")
        table.add_row(
            str(e.index + 1),
            escape("; ".join(e.authors or e.editors)),
            escape(e.title or ""),
            str(e.year or ""),
            e.kind or "",
            escape(link),
        )
    console.print(table)


def _render_note_table(doc: Document, console: Console) -> None:
    table = Table(expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Work", ratio=3)
    table.add_column("Bib", justify="right", no_wrap=True)
    table.add_column("URL / DOI", ratio=3, overflow="fold")
    table.add_column("Accessed", no_wrap=True)
    table.add_column("Pages", no_wrap=True)
    for note in doc.notes:
        link = f"doi:{note.doi}" if note.doi else (note.urls[0] if note.urls else "")
        if link and note.url_source and note.url_source != "note":
            link += f"  (from {note.url_source})"
        table.add_row(
            str(note.number),
            escape(_work_label(note)),
            "" if note.bib_entry is None else str(note.bib_entry + 1),
            escape(link),
            note.accessed or "",
            escape(note.pages or ""),
        )
    console.print(table)


def _status_style(status: str) -> str:
    if status in LINK_OK:
        return "green"
    return "bold red" if status in LINK_FAILING else "yellow"


def render_links(checks: Sequence[LinkCheck], console: Console) -> None:
    console = wide_console(console)
    table = Table(expand=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("HTTP", justify="right", no_wrap=True)
    table.add_column("Notes", no_wrap=True)
    table.add_column("URL", ratio=3, overflow="fold")
    table.add_column("Reason / archived copy", ratio=3)
    for c in checks:
        style = _status_style(c.status)
        detail = c.reason
        if c.final_url and c.final_url != c.url and c.redirects:
            detail += f"\n→ {c.final_url}"
        if c.archive:
            detail += f"\narchived: {c.archive.url}"
        table.add_row(
            f"[{style}]{c.status}[/{style}]",
            "" if c.http_status is None else str(c.http_status),
            ", ".join(str(n) for n in c.notes),
            escape(c.url),
            escape(detail),
        )
    console.print(table)
    counts = Counter(c.status for c in checks)
    summary = ", ".join(f"{n} {status}" for status, n in counts.most_common())
    console.print(f"{len(checks)} links: {summary or 'none'}")


_VERDICT_STYLE = {
    "supported": "green",
    "partially_supported": "yellow",
    "not_found": "bold red",
    "contradicted": "bold red",
    "unverifiable": "dim",
}
QUOTE_PREVIEW = 160  # characters of the deciding quote shown


def render_claims(report: Report, console: Console) -> None:
    """One row per claim: verdict, confidence, the deciding quote and its source."""
    console = wide_console(console)
    table = Table(expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Verdict", no_wrap=True)
    table.add_column("Claim", ratio=3)
    table.add_column("Evidence (source language)", ratio=3)
    for nr in report.notes:
        for check in nr.claims:
            v = check.verdict
            label = v.label if v else "not_verified"
            style = _VERDICT_STYLE.get(label, "")
            if v and v.evidence:
                ev = v.evidence[0]
                quote = ev.text if len(ev.text) <= QUOTE_PREVIEW else ev.text[:QUOTE_PREVIEW] + "…"
                detail = f"“{quote}” ({ev.lang or '?'})"
            else:
                detail = v.reason if v else ""
            if check.drifted:
                detail += "\n(archived copy supports it: link the archived copy)"
            conf = f" {v.confidence:.2f}" if v else ""
            table.add_row(
                str(nr.note.number),
                f"[{style}]{label}[/{style}]{conf}",
                escape(check.claim.text),
                escape(detail),
            )
    console.print(table)
