"""The ``citecheck`` command: thin click wrappers, one library call each.

Exceptions become exit codes in exactly one place (:class:`CitecheckGroup`);
see citecheck.errors.ExitStatus.
"""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console

from citecheck import __version__, pipeline
from citecheck.errors import CitecheckError, ExitStatus


class ExitError(click.ClickException):
    """A CitecheckError on its way out: message on stderr, its exit status."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class CitecheckGroup(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except CitecheckError as exc:
            raise ExitError(str(exc), int(exc.exit_status)) from exc


def _console() -> Console:
    return Console(soft_wrap=False, highlight=False)


def _print_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(cls=CitecheckGroup)
@click.version_option(__version__, prog_name="citecheck")
def cli() -> None:
    """Check the citations of footnoted articles: notes, bibliography, links, DOIs, claims."""


@cli.command()
@click.argument("source")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: a readable terminal view; json: the documented JSON contract.",
)
def notes(source: str, fmt: str) -> None:
    """Parse SOURCE's footnotes and bibliography, resolve ibid/short forms, link notes
    to bibliography entries, find each note's claim and lint them.

    SOURCE is a file (AVİM or other HTML, text/Markdown export, .docx, .bib) or an
    http(s) URL. Works offline for files. Exit status 0, or 2 for unusable input.
    """
    doc = pipeline.analyse(source)
    if fmt == "json":
        from citecheck.report.serialize import notes_report

        _print_json(notes_report(doc))
    else:
        from citecheck.report.table import render_notes

        render_notes(doc, _console())


@cli.command()
@click.argument("source")
@click.option(
    "--to",
    "target",
    type=click.Choice(["bibtex", "csl-json"]),
    required=True,
    help="bibtex (written by bibtexparser) or csl-json (importable by Zotero).",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write."
)
def export(source: str, target: str, output: str | None) -> None:
    """Export the works SOURCE cites (its bibliography, then works cited only in
    notes) as BibTeX or CSL-JSON."""
    from citecheck.report.export import to_bibtex, to_csl_json

    doc = pipeline.analyse(source)
    text = to_bibtex(doc) if target == "bibtex" else to_csl_json(doc)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        click.echo(text, nl=False)


def main() -> None:
    sys.exit(cli.main(prog_name="citecheck", standalone_mode=True) or ExitStatus.OK)


if __name__ == "__main__":
    main()
