"""Commands that check the web: links, resolve."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from citecheck import pipeline
from citecheck.errors import ExitStatus

if TYPE_CHECKING:
    pass

from citecheck.cli import cli, console, print_json
from citecheck.cli.common import (
    http_settings,
    network_options,
    view_format,
    warn,
)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT|URL|-...")
@view_format("table for people, json for the documented contract.")
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
        http=http_settings(net),
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
    warn(problems)
    if fmt == "json":
        print_json(links_to_json(checks))
    else:
        from citecheck.report.table import render_links

        render_links(checks, console())
    if any(c.status in LINK_FAILING for c in checks):
        raise SystemExit(ExitStatus.PROBLEMS)


@cli.command()
@click.argument("source")
@view_format("table for people, json for the documented contract.")
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
        http=http_settings(net),
        registry=registry,
        page_metadata=not no_pages,
        suggestions=not no_suggest,
        offline=bool(net["offline"]),
    )
    doc = pipeline.analyse(source)
    problems: list[str] = []
    with progress_bar("Resolving identifiers", enabled=fmt == "table") as advance:
        resolutions = resolve_document(doc, settings, progress=advance, problems=problems)
    warn(problems)
    if fmt == "json":
        from citecheck.identify.serialize import resolutions_to_json

        print_json(resolutions_to_json(resolutions, problems))
    else:
        from citecheck.identify.table import render_resolutions

        render_resolutions(resolutions, console())
    if any(f.severity == "error" for r in resolutions for f in r.findings):
        raise SystemExit(ExitStatus.PROBLEMS)
