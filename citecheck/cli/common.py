"""Options and helpers the commands share: the network flags of the one HTTP client."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from citecheck.web.settings import HttpSettings


def parse_resolve(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for value in values:
        host, sep, address = value.partition(":")
        if not sep or not host or not address:
            raise click.BadParameter(f"{value!r}: expected HOST:ADDRESS", param_hint="--resolve")
        out[host.lower()] = address
    return out


def view_format(help_text: str, choices: tuple[str, str] = ("table", "json")) -> Any:
    """The ``--format`` of a command that prints one view: for people (the default)
    or the JSON contract."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help=help_text,
    )


def report_formats(help_text: str, allowed: tuple[str, ...]) -> Any:
    """The ``--format`` of a command that writes report files: repeatable and
    comma-separated ("html,json"), read into a list of known formats."""

    def parse(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> list[str]:
        wanted = csv_values(values)
        unknown = [f for f in wanted if f not in allowed]
        if unknown:
            raise click.BadParameter(f"unknown format(s) {', '.join(unknown)}")
        return wanted

    return click.option(
        "--format",
        "formats",
        multiple=True,
        default=("html,json,md",),
        show_default=True,
        callback=parse,
        help=help_text,
    )


def stack(options: list[Callable[[Any], Any]], command: Any) -> Any:
    """Apply click options to a command in the order they are listed (help order)."""
    for option in reversed(options):
        command = option(command)
    return command


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
    return stack(options, command)


def http_settings(net: dict[str, object]) -> HttpSettings:
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
            resolve_overrides=parse_resolve(net["resolve_hosts"]),  # type: ignore[arg-type]
            proxy=net.get("proxy") or None,  # type: ignore[arg-type]
            no_proxy=tuple(h.strip() for h in no_proxy.split(",") if h.strip()),
            trust_env=not net.get("no_env_proxy"),
            ca_bundle=net.get("ca_bundle") or None,  # type: ignore[arg-type]
        )
    except ValueError as exc:  # a malformed proxy URL, bundle, …: the user's to fix
        raise click.UsageError(str(exc)) from exc


def warn(problems: list[str]) -> None:
    for problem in problems:  # the run's own trouble (caches, lookups), not the document's
        click.echo(f"warning: {problem}", err=True)


def csv_values(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def note_sources(values: tuple[str, ...]) -> dict[int, str]:
    out = {}
    for value in values:
        number, sep, where = value.partition("=")
        if not sep or not number.strip().isdigit() or not where.strip():
            raise click.BadParameter(f"{value!r}: expected NOTE=PATH_OR_URL", param_hint="--source")
        out[int(number)] = where.strip()
    return out
