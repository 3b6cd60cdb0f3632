"""The terminal view of ``citecheck resolve --format table`` (rich).

One row per note: its identifiers and what they resolve to, the page metadata
read for its URL, and its findings with both values. Ibid notes point at the
note whose resolution they share instead of repeating it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from citecheck.model import IdentifierCheck, WorkRecord
from citecheck.report.table import SEVERITY_STYLE, wide_console

__all__ = ["render_resolutions"]


def _record_line(record: WorkRecord) -> str:
    who = "; ".join(record.authors[:2]) + (" et al." if len(record.authors) > 2 else "")
    bits = [who, f"“{record.title}”" if record.title else "", record.container or ""]
    bits += [record.site_name if record.source == "page" and not record.container else ""]
    bits += [(record.date or str(record.year or ""))[:10], record.pages or ""]
    return ", ".join(b for b in bits if b)


def _identifier(check: IdentifierCheck) -> str:
    if check.suggested:
        head = f"[cyan]suggested[/cyan] doi:{escape(check.doi)} ({check.confidence or 0:.2f})"
    elif check.registered is True:
        head = f"[green]registered[/green] doi:{escape(check.doi)} ({check.agency or '?'})"
    elif check.registered is False:
        head = f"[bold red]not registered[/bold red] doi:{escape(check.doi)}"
    else:
        head = f"[yellow]unresolved[/yellow] doi:{escape(check.doi)}"
    if check.record is not None:
        return f"{head}\n  {escape(_record_line(check.record))}"
    return f"{head}\n  {escape(check.error or '')}" if check.error else head


def _finding_line(f: Any) -> str:
    style = SEVERITY_STYLE.get(f.severity, "")
    return f"[{style}]{escape(f.code)}[/{style}] {escape(f.message)}"


def render_resolutions(resolutions: Sequence[Any], console: Console) -> None:
    """Print a table of ``resolve_document``'s results and a one-line summary."""
    console = wide_console(console)
    table = Table(expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Identifiers", ratio=3, overflow="fold")
    table.add_column("Page", ratio=3, overflow="fold")
    table.add_column("Findings", ratio=4)
    counts: Counter[str] = Counter()
    for r in resolutions:
        counts.update(f.severity for f in r.findings)
        if r.shared_with is not None and not r.findings:
            table.add_row(str(r.note), f"[dim]as note {r.shared_with}[/dim]", "", "")
            continue
        ids = "\n".join(_identifier(c) for c in r.identifiers)
        if r.page is not None:
            page = escape(_record_line(r.page))
        elif r.page_url:
            page = f"[dim]{escape(r.page_error or 'not read')}[/dim]"
        else:
            page = ""
        findings = "\n".join(_finding_line(f) for f in r.findings)
        if r.problems:
            findings += ("\n" if findings else "") + "\n".join(
                f"[dim]{escape(p)}[/dim]" for p in r.problems
            )
        table.add_row(str(r.note), ids, page, findings or "[green]ok[/green]")
    console.print(table)
    summary = ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info") if counts[s])
    console.print(f"{len(resolutions)} notes: {summary or 'no findings'}")
