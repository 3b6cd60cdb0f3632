"""Scheduled link-rot audits over a whole site: audit run, report, status."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    pass

from citecheck.cli import cli, print_json
from citecheck.cli.common import (
    http_settings,
    network_options,
    report_formats,
    view_format,
    warn,
)


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
    http = http_settings(net)
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
    warn(found + list(summary.problems))
    if not quiet:
        click.echo(
            f"audit run {summary.run_id}: {summary.state}; articles {summary.articles_seen} "
            f"seen, {summary.articles_parsed} parsed; links {summary.links_checked} checked, "
            f"{summary.links_failed} failing, {summary.links_dead} newly dead, "
            f"{summary.links_recovered} recovered"
        )


@audit.command(name="report")
@_db_option
@report_formats(
    "Formats, comma-separated: html, json, md (the chart is also an SVG file).",
    ("html", "json", "md"),
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
    db_path: str | None, formats: list[str], out_dir: str, since: str | None, lang: str
) -> None:
    """Write the audit report from the database (no network): newly broken links,
    confirmed dead links with the archived copy to link instead, recovered links,
    the sources that rot most, and link rot by publication year (a chart)."""
    from citecheck.audit.report import write_reports
    from citecheck.audit.store import open_store

    with open_store(db_path, readonly=True) as store:
        try:
            written = write_reports(store, out_dir, formats=formats, since=since, lang=lang)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from exc
    click.echo("\n".join(str(p) for p in written))


@audit.command(name="status")
@_db_option
@view_format("text for people, json for scripts.", ("text", "json"))
def audit_status_cmd(db_path: str | None, fmt: str) -> None:
    """Show the audit database: articles, links by state, links due now, the last
    runs, and whether an audit is running."""
    from citecheck.audit.status import audit_status

    status = audit_status(db_path)
    if fmt == "json":
        print_json(status)
        return
    for key, value in status.items():
        if isinstance(value, list):
            click.echo(f"{key}:")
            for item in value:
                click.echo(f"  {item}")
        else:
            click.echo(f"{key}: {value}")
