"""Write a Report in the formats asked for into one directory.

Every format renders from the same Report (HTML from the JSON dict itself), so
the files of one run can never disagree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from citecheck.errors import CitecheckError
from citecheck.model import Report
from citecheck.report.summary import DEFAULT_FAIL_ON, NO_IGNORE, Ignore

FORMATS = ("html", "json", "md", "junit")
_SUFFIX = {"html": "report.html", "json": "report.json", "md": "report.md", "junit": "junit.xml"}
SLUG_MAX = 80  # characters: long Turkish titles make unwieldy directory names


class ReportWriteError(CitecheckError):
    """The report directory or a file in it cannot be written (exit 2)."""


def slug(text: str) -> str:
    """``KRİTİK MİNERALLER ÇAĞINDA …`` → ``kritik-mineraller-caginda-…`` (ASCII, short)."""
    text = text.replace("ı", "i").replace("İ", "I")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = "-".join(words)[:SLUG_MAX].rstrip("-")
    return out or "article"


def default_out_dir(report: Report, base: Path = Path("reports")) -> Path:
    doc = report.document
    name = doc.title or Path(doc.source).stem
    return base / slug(name)


def write_reports(
    report: Report,
    formats: Iterable[str],
    out_dir: Path,
    *,
    lang: str | None = None,
    fail_on: Iterable[str] = DEFAULT_FAIL_ON,
    ignore: Ignore = NO_IGNORE,
) -> list[Path]:
    """Render and write each format; returns the files written."""
    from citecheck.report.json_report import report_to_dict, report_to_json

    formats = list(dict.fromkeys(formats))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportWriteError(
            f"{out_dir}: the report directory cannot be created ({exc.strerror or exc})"
        ) from exc
    texts: dict[str, str] = {}
    for fmt in formats:
        if fmt == "json":
            texts[fmt] = report_to_json(report, fail_on, ignore)
        elif fmt == "html":
            from citecheck.report.html import render_html

            texts[fmt] = render_html(report_to_dict(report, fail_on, ignore), lang)
        elif fmt == "md":
            from citecheck.report.markdown import render_markdown

            texts[fmt] = render_markdown(report, lang, fail_on, ignore)
        elif fmt == "junit":
            from citecheck.report.junit import render_junit

            texts[fmt] = render_junit(report, fail_on, ignore)
        else:
            raise ReportWriteError(f"unknown report format {fmt!r} (known: {', '.join(FORMATS)})")
    written = []
    for fmt, text in texts.items():
        path = out_dir / _SUFFIX[fmt]
        tmp = path.with_name(path.name + ".tmp")
        try:  # write then rename: a reader never sees half a report
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
        except OSError as exc:
            raise ReportWriteError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
        written.append(path)
    return written
