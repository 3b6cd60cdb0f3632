"""The audit report in Markdown: for pasting into an issue or a mail, or diffing.

The sections come from :mod:`citecheck.audit.report_sections`, the same model
as the HTML report; this module only formats them. Everything from the
database is untrusted text: URLs are shown as code, never as live links; table
cells are escaped (markup, ``|``, entities) and kept on one line; bidi controls
are shown as ``[U+202E]`` so they cannot reorder what a reader sees. Dates stay
ISO (the file is for diffing). At most ``max_rows`` rows per section; the JSON
report has every row.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import IO
from urllib.parse import quote

from citecheck.audit import report_sections as rs
from citecheck.audit.report import MAX_ROWS, AuditReportData, Capped, utc_now
from citecheck.report.labels import report_language

__all__ = ["md", "md_url", "write_markdown"]

# What means something inline or in a table cell: emphasis, code, HTML, links
# (with `[` and `]` escaped no link or image can start, so `(`, `)` and `!` may
# stay), cell breaks, and `&` so "&#x202E;" in a title stays text and not a bidi
# override. `#` and `+` mean something only at the start of a block, never in a cell.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~&])")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _visible(value: str) -> str:
    """Controls as U+FFFD and bidi controls as a visible tag, as the HTML report does."""
    value = _CONTROL.sub("\ufffd", value)
    return _BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", value)


def md(text: object) -> str:
    """Outside text for a Markdown table cell: markup and pipes escaped, one line."""
    value = " ".join(_visible(str(text if text is not None else "")).split())
    return _MD_SPECIAL.sub(r"\\\1", value)


def _url_unsafe(char: str) -> bool:
    """What may not stand raw in a URL shown as code: any whitespace (a newline would
    end the table row), controls and invisible format characters (bidi overrides,
    zero-width spaces), and the backtick that would end the code span."""
    return char.isspace() or char == "`" or unicodedata.category(char) in ("Cc", "Cf")


def md_url(url: str | None, *, in_table: bool = False) -> str:
    """A URL as code (never a live link: the text is untrusted). What may not stand in
    a URL is percent-encoded; in a table ``|`` is escaped (GFM splits cells on it even
    inside code)."""
    if not url:
        return ""
    shown = "".join(quote(ch, safe="") if _url_unsafe(ch) else ch for ch in url.strip())
    return "`" + (shown.replace("|", "\\|") if in_table else shown) + "`"


def _code(value: str) -> str:
    """A local path as code: one line, no backticks, bidi controls shown."""
    return "`" + " ".join(_visible(value).replace("`", "'").split()) + "`"


def write_markdown(
    data: AuditReportData,
    out: IO[str],
    *,
    lang: str = "en",
    now: str | None = None,
    max_rows: int = MAX_ROWS,
) -> None:
    lang = report_language(lang)
    w = lambda key: rs.audit_word(key, lang)  # noqa: E731
    head = data.header(lang, now or utc_now())
    out.write(f"# {w('title')}\n\n{w('generated')}: {head['generated_at']}  \n")
    out.write(f"{w('database')}: {_code(head['database'])}  \n")
    run = head["run"]
    if run is None:
        out.write(f"\n{w('no_runs')}\n")
        return
    out.write(f"{w('latest_run')}: #{run['id']} {run['started_at']} ({md(run['state'])})  \n")
    out.write(md(rs.window_text(data, lang)) + "\n")
    out.writelines(_summary(rs.build_summary(data, lang)))
    for section in rs.build_sections(data, lang):
        out.writelines(_section(section, lang, max_rows))


def _summary(summary: rs.Summary) -> Iterator[str]:
    yield f"\n## {md(summary.title)}\n\n| | |\n|---|---:|\n"
    for _key, name, count in summary.rows:
        yield f"| {md(name)} | {int(count)} |\n"


def _section(section: rs.Section, lang: str, max_rows: int) -> Iterator[str]:
    """One section as a GFM table, one row at a time."""
    yield f"\n## {md(section.title)}\n\n"
    if section.help:
        yield f"{md(section.help)}\n\n"
    cols = section.columns
    yield "| " + " | ".join(md(c.title) for c in cols) + " |\n"
    yield "|" + "|".join("---:" if c.kind == "num" else "---" for c in cols) + "|\n"
    capped = Capped(section.rows, max_rows)
    for row in capped:
        yield "| " + " | ".join(_cell(v, c) for c, v in zip(cols, row, strict=True)) + " |\n"
    if capped.total == 0:
        yield f"\n{md(section.empty)}\n"
    elif capped.more:
        yield f"\n{md(rs.more_text(capped.more, lang))}\n"


def _cell(value: rs.Cell, column: rs.Column) -> str:
    if value is None:
        return ""
    if isinstance(value, rs.Link):
        return md_url(value.url, in_table=True)
    if isinstance(value, rs.Status):
        return md(value.words)
    if isinstance(value, rs.Cites):
        # An untitled article shows its URL as code (GFM would make bare text a live link).
        shown = [
            (md(c.title) if c.title else md_url(c.url, in_table=True))
            + (f" ({md(c.note)})" if c.note else "")
            for c in value.shown
        ]
        return "; ".join(shown + ([f"+{value.more}"] if value.more else []))
    if isinstance(value, rs.Absent):
        return f"_{md(value.text)}_"
    if column.kind == "date":
        return md(str(value)[:10])
    return md(value)
