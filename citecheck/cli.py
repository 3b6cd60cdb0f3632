"""The ``citecheck`` command: thin click wrappers, one library call each.

Exceptions become exit codes in exactly one place (:class:`CitecheckGroup`);
see citecheck.errors.ExitStatus.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

import click
from rich.console import Console

from citecheck import __version__, pipeline
from citecheck.errors import CitecheckError, ExitStatus

if TYPE_CHECKING:
    from citecheck.web.settings import HttpSettings


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


def _setting_keys(command: click.Command) -> dict[str, str]:
    """{settings-file key: parameter name} for a command's long options."""
    keys = {}
    for param in command.params:
        if isinstance(param, click.Option) and param.name:
            longest = max(param.opts, key=len).lstrip("-").replace("-", "_")
            keys[longest] = param.name
    return keys


def _console() -> Console:
    return Console(soft_wrap=False, highlight=False)


def _print_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(cls=CitecheckGroup)
@click.version_option(__version__, prog_name="citecheck")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Settings file [default: ./citecheck.toml, or [tool.citecheck] in ./pyproject.toml].",
)
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """Check the citations of footnoted articles: notes, bibliography, links, DOIs, claims.

    Settings come from command-line flags, then the settings file, then defaults.
    """
    from citecheck import config

    path = config.find_config(config_path)
    if path is not None:
        options = {name: _setting_keys(command) for name, command in cli.commands.items()}
        ctx.default_map = config.default_map(config.read_config(path), options, str(path))


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


@cli.command(name="eval")
@click.argument("labelled", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--show-errors",
    type=click.IntRange(0),
    default=10,
    show_default=True,
    help="List the N worst items.",
)
@click.option("--gate", is_flag=True, help="Exit 1 when a figure is below its pinned floor.")
def eval_(labelled: str, show_errors: int, gate: bool) -> None:
    """Measure accuracy on a labelled JSONL set and print precision/recall per field
    (note/bibliography parser set, e.g. fixtures/eval/notes.jsonl)."""
    from citecheck.errors import InputError
    from citecheck.evaluation import notes_eval

    try:
        result = notes_eval.evaluate(labelled)
    except (OSError, ValueError) as exc:
        raise InputError(f"{labelled}: {exc}") from exc
    click.echo(notes_eval.format_report(result, show_errors))
    if gate and notes_eval.gate(result):
        raise SystemExit(ExitStatus.PROBLEMS)


def _parse_resolve(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for value in values:
        host, sep, address = value.partition(":")
        if not sep or not host or not address:
            raise click.BadParameter(f"{value!r}: expected HOST:ADDRESS", param_hint="--resolve")
        out[host.lower()] = address
    return out


def network_options(command: Callable[..., object]) -> Callable[..., object]:
    """The options every command that goes on the network shares (one HTTP client)."""
    options = [
        click.option(
            "--concurrency",
            type=click.IntRange(1, 256),
            default=16,
            show_default=True,
            help="Requests in flight over all hosts.",
        ),
        click.option(
            "--per-host",
            type=click.IntRange(1, 64),
            default=2,
            show_default=True,
            help="Requests in flight to one host (politeness).",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(0.1, 600),
            default=45.0,
            show_default=True,
            help="Seconds allowed for one request, body included.",
        ),
        click.option(
            "--refresh", is_flag=True, help="Ignore cached results (new ones are stored)."
        ),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache."),
        click.option("--offline", is_flag=True, help="Send no request at all."),
        click.option(
            "--allow-private",
            is_flag=True,
            help="Allow loopback/private/link-local destinations (refused by default).",
        ),
        click.option(
            "--resolve",
            "resolve_hosts",
            multiple=True,
            metavar="HOST:ADDRESS",
            help="Connect to ADDRESS for HOST, like curl --resolve (repeatable).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _http_settings(net: dict[str, object]) -> HttpSettings:
    from citecheck.web.settings import HttpSettings

    timeout = float(net["timeout"])  # type: ignore[arg-type]
    return HttpSettings(
        concurrency=int(net["concurrency"]),  # type: ignore[call-overload]
        per_host=int(net["per_host"]),  # type: ignore[call-overload]
        total_timeout=timeout,
        read_timeout=min(timeout, HttpSettings.read_timeout),
        connect_timeout=min(timeout, HttpSettings.connect_timeout),
        allow_private=bool(net["allow_private"]),
        resolve_overrides=_parse_resolve(net["resolve_hosts"]),  # type: ignore[arg-type]
    )


def _warn(problems: list[str]) -> None:
    for problem in problems:  # the run's own trouble (caches, lookups), not the document's
        click.echo(f"warning: {problem}", err=True)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT|URL|-...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table for people, json for the documented contract.",
)
@network_options
@click.option(
    "--cache",
    "cache_path",
    type=click.Path(dir_okay=False),
    help="Result cache (SQLite) [default: ~/.cache/citecheck/links.sqlite].",
)
@click.option("--no-archive", is_flag=True, help="Do not look up archived copies of failing links.")
@click.option(
    "--save-archive", is_flag=True, help="Ask the Wayback Machine to capture every live link now."
)
@click.option(
    "--wayback-api",
    default=None,
    metavar="URL",
    help="Base URL of the Wayback availability API [default: https://archive.org].",
)
@click.option(
    "--wayback-web",
    default=None,
    metavar="URL",
    help="Base URL of Wayback captures and CDX [default: https://web.archive.org].",
)
def links(
    inputs: tuple[str, ...],
    fmt: str,
    cache_path: str | None,
    no_archive: bool,
    save_archive: bool,
    wayback_api: str | None,
    wayback_web: str | None,
    **net: object,
) -> None:
    """Check that every cited URL still gives the reader the cited page.

    Each INPUT is a document `citecheck notes` reads (its notes' URLs, after ibid
    and bibliography resolution, are checked), a file of URLs one per line, a URL,
    or - for URLs on standard input. Every distinct URL is fetched once; links that
    fail get the nearest archived copy. Exit status: 0 when no link is broken,
    soft-404 or erroring (blocked links need a person to open them and do not
    fail), 1 otherwise, 2 for bad usage.
    """
    from citecheck.codes import LINK_FAILING
    from citecheck.config import default_link_cache
    from citecheck.report.progress import progress_bar
    from citecheck.web.links import LinkSettings, check_links, links_to_json

    stdin_text = sys.stdin.read() if "-" in inputs else None
    targets = pipeline.gather_targets(list(inputs), stdin_text)
    settings = LinkSettings(
        http=_http_settings(net),
        cache_path=None if net["no_cache"] else (cache_path or default_link_cache()),
        refresh=bool(net["refresh"]),
        archive_lookup=not no_archive,
        save_archive=save_archive,
        offline=bool(net["offline"]),
    )
    if wayback_api:
        settings.wayback_api_base = wayback_api
    if wayback_web:
        settings.wayback_web_base = wayback_web

    problems: list[str] = []
    with progress_bar("Checking links", enabled=fmt == "table") as advance:
        checks = check_links(targets, settings, progress=advance, problems=problems)
    _warn(problems)
    if fmt == "json":
        _print_json(links_to_json(checks))
    else:
        from citecheck.report.table import render_links

        render_links(checks, _console())
    if any(c.status in LINK_FAILING for c in checks):
        raise SystemExit(ExitStatus.PROBLEMS)


@cli.command()
@click.argument("source")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table for people, json for the documented contract.",
)
@network_options
@click.option(
    "--mailto", metavar="EMAIL", help="Contact address for Crossref's polite pool (recommended)."
)
@click.option("--no-pages", is_flag=True, help="Do not fetch web pages to compare their metadata.")
@click.option(
    "--no-suggest", is_flag=True, help="Do not propose DOIs for scholarly notes without one."
)
@click.option(
    "--doi-base",
    default="https://doi.org",
    show_default=True,
    metavar="URL",
    help="DOI resolver (content negotiation).",
)
@click.option(
    "--crossref-base",
    default="https://api.crossref.org",
    show_default=True,
    metavar="URL",
    help="Crossref REST API.",
)
@click.option(
    "--datacite-base",
    default="https://api.datacite.org",
    show_default=True,
    metavar="URL",
    help="DataCite REST API.",
)
def resolve(
    source: str,
    fmt: str,
    mailto: str | None,
    no_pages: bool,
    no_suggest: bool,
    doi_base: str,
    crossref_base: str,
    datacite_base: str,
    **net: object,
) -> None:
    """Resolve every note's DOI (doi.org, Crossref, DataCite) and compare what the
    registry or the cited web page says with the note: title, authors, date,
    container, cited page inside the page range, retractions and corrections.
    Proposes DOIs for scholarly notes without one (never applied).

    Exit status: 0, or 1 when a finding of severity "error" was made (a DOI not
    registered, a title that does not match, a retracted work, a page outside the
    range), 2 for bad usage.
    """
    from citecheck.report.progress import progress_bar
    from citecheck.resolve import ResolveSettings, resolve_document
    from citecheck.web.doi import RegistrySettings, default_registry_cache

    try:
        registry = RegistrySettings(
            doi_base=doi_base,
            crossref_base=crossref_base,
            datacite_base=datacite_base,
            mailto=mailto,
            cache_path=None if net["no_cache"] else default_registry_cache(),
            refresh=bool(net["refresh"]),
        )
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    settings = ResolveSettings(
        http=_http_settings(net),
        registry=registry,
        page_metadata=not no_pages,
        suggestions=not no_suggest,
        offline=bool(net["offline"]),
    )
    doc = pipeline.analyse(source)
    problems: list[str] = []
    with progress_bar("Resolving identifiers", enabled=fmt == "table") as advance:
        resolutions = resolve_document(doc, settings, progress=advance, problems=problems)
    _warn(problems)
    if fmt == "json":
        from citecheck.identify.serialize import resolutions_to_json

        _print_json(resolutions_to_json(resolutions, problems))
    else:
        from citecheck.identify.table import render_resolutions

        render_resolutions(resolutions, _console())
    if any(f.severity == "error" for r in resolutions for f in r.findings):
        raise SystemExit(ExitStatus.PROBLEMS)


def main() -> None:
    sys.exit(cli.main(prog_name="citecheck", standalone_mode=True) or ExitStatus.OK)


if __name__ == "__main__":
    main()
