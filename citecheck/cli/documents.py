"""Commands on one document, offline: notes, export, eval."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from citecheck import pipeline
from citecheck.errors import ExitStatus

if TYPE_CHECKING:
    pass

from citecheck.cli import cli, console, print_json
from citecheck.cli.checking import judge_options, make_judge
from citecheck.cli.common import view_format
from citecheck.evaluation.runner import judge_report


@cli.command()
@click.argument("source")
@view_format("table: a readable terminal view; json: the documented JSON contract.")
def notes(source: str, fmt: str) -> None:
    """Parse SOURCE's footnotes and bibliography, resolve ibid/short forms, link notes
    to bibliography entries, find each note's claim and lint them.

    SOURCE is a file (AVİM or other HTML, text/Markdown export, .docx, .bib) or an
    http(s) URL. Works offline for files. Exit status 0, or 2 for unusable input.
    """
    doc = pipeline.analyse(source)
    if fmt == "json":
        from citecheck.report.serialize import notes_report

        print_json(notes_report(doc))
    else:
        from citecheck.report.table import render_notes

        render_notes(doc, console())


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


@cli.command(name="eval")
@click.argument("labelled", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--show-errors",
    type=click.IntRange(0),
    default=10,
    show_default=True,
    help="List the N worst items.",
)
@click.option("--gate", is_flag=True, help="Exit 1 when a figure is below its pinned floor.")
@click.option(
    "--jobs",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Score several claims sets in N processes (the rules judge).",
)
@click.option("--each", is_flag=True, help="With several sets: each set's report too.")
@judge_options
def eval_(
    labelled: tuple[str, ...], show_errors: int, gate: bool, jobs: int, each: bool,
    **judge_args: Any,
) -> None:  # fmt: skip
    """Measure accuracy on a labelled JSONL set: per-label precision, recall, F1,
    macro-F1 and a confusion matrix for a claims set (fixtures/eval/claims.jsonl),
    per-field precision/recall for a note/bibliography set (fixtures/eval/notes.jsonl).
    The kind of set is read from its items.

    Several claims sets: one line each (items, macro-F1, contradicted predicted for
    a supported item) and their mean; --each adds each set's report."""
    from citecheck.errors import InputError
    from citecheck.evaluation import claims_eval, notes_eval

    if len(labelled) > 1:
        _eval_sets(labelled, show_errors, gate, jobs, each, judge_args)
        return
    (path,) = labelled
    claims = claims_eval.is_claims_set(path)
    if judge_args["judge"] != "rules" and not claims:
        raise click.UsageError("--judge applies to a claims set, not a notes set")
    judge = make_judge(**judge_args)  # a model judge measured on a claims set
    try:
        result = claims_eval.evaluate(path, judge=judge) if claims else notes_eval.evaluate(path)
    except (OSError, ValueError, ImportError) as exc:
        raise InputError(f"{path}: {exc}") from exc
    finally:
        if judge is not None:
            judge.close()
    module = claims_eval if claims else notes_eval
    click.echo(module.format_report(result, show_errors))
    for line in judge_report(judge):
        click.echo(line, err=True)
    if gate and module.gate(result):
        raise SystemExit(ExitStatus.PROBLEMS)


def _eval_sets(
    paths: tuple[str, ...], show_errors: int, gate: bool, jobs: int, each: bool,
    judge_args: dict[str, Any],
) -> None:  # fmt: skip
    """``citecheck eval A B …``: claims sets only; a set that cannot be read is
    its own line (exit 2 after the others), never the end of the run."""
    from citecheck.evaluation import claims_eval

    notes_sets = [p for p in paths if not claims_eval.is_claims_set(p)]
    if notes_sets:
        raise click.UsageError(f"several sets are measured for claims sets only: {notes_sets[0]}")
    if judge_args["judge"] != "rules" and jobs > 1:
        raise click.UsageError("--jobs runs the rules; a model judge scores one set at a time")
    judge = make_judge(**judge_args)  # None: the rules
    try:
        results = claims_eval.evaluate_sets(paths, jobs, judge=judge)
    finally:
        if judge is not None:
            judge.close()
    for line in judge_report(judge):
        click.echo(line, err=True)
    if each:
        for p, r in zip(paths, results, strict=True):
            if not isinstance(r, Exception):
                click.echo(f"== {p}\n{claims_eval.format_report(r, show_errors)}\n")
    click.echo(claims_eval.format_summary(list(paths), results))
    if any(isinstance(r, Exception) for r in results):
        raise SystemExit(ExitStatus.USAGE)
    if gate and any(claims_eval.gate(r) for r in results):
        raise SystemExit(ExitStatus.PROBLEMS)
