"""Readable terminal views (``--format table``), rendered with rich.

rich handles column widths, wrapping and colour on a terminal and degrades to
plain text when piped, which hand-written padding code would not.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from citecheck.model import Document, Note

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
CLAIM_PREVIEW = 90  # characters of a claim shown in the table


def _work_label(note: Note) -> str:
    if not note.citations:
        return ""
    c = note.citations[0]
    if c.ibid:
        return f"ibid → {note.ibid_of}" if note.ibid_of else "ibid (unresolved)"
    who = "; ".join(c.authors[:2]) or (c.container or "")
    title = c.title or ""
    label = f"{who}: {title}" if who and title else who or title
    if len(note.citations) > 1:
        label += f" (+{len(note.citations) - 1} more)"
    return label


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_notes(doc: Document, console: Console) -> None:
    title = doc.title or doc.source
    meta = ", ".join(x for x in (doc.published, doc.language, doc.kind) if x)
    console.print(f"[bold]{escape(title)}[/bold]" + (f"  ({escape(meta)})" if meta else ""))

    table = Table(show_lines=False, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Work")
    table.add_column("Bib", justify="right", no_wrap=True)
    table.add_column("URL / DOI")
    table.add_column("Accessed", no_wrap=True)
    table.add_column("Pages", no_wrap=True)
    table.add_column("Claim")
    for note in doc.notes:
        link = f"doi:{note.doi}" if note.doi else (note.urls[0] if note.urls else "")
        if link and note.url_source and note.url_source != "note":
            link += f" ({note.url_source})"
        claim = _short(note.claims[0].text, CLAIM_PREVIEW) if note.claims else ""
        table.add_row(
            str(note.number),
            escape(_work_label(note)),
            "" if note.bib_entry is None else str(note.bib_entry + 1),
            escape(link),
            note.accessed or "",
            escape(note.pages or ""),
            escape(claim),
        )
    console.print(table)
    console.print(f"{len(doc.notes)} notes, {len(doc.bibliography)} bibliography entries")

    if doc.findings:
        console.print("[bold]Findings[/bold]")
        for f in doc.findings:
            where = (
                f"note {f.note}"
                if f.note is not None
                else (f"entry {f.entry + 1}" if f.entry is not None else "document")
            )
            style = _SEVERITY_STYLE.get(f.severity, "")
            console.print(
                f"  [{style}]{f.severity}[/{style}] {escape(f.code)} ({where}): {escape(f.message)}"
            )
