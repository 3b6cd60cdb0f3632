"""The ``citecheck`` command: thin click wrappers, one library call each.

Exceptions become exit codes in exactly one place (:class:`CitecheckGroup`);
see citecheck.errors.ExitStatus. The commands live in one module per area
(documents, network, checking, audit) and register themselves on :data:`cli`.
"""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console

from citecheck import __version__
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


def _setting_keys(command: click.Command) -> dict[str, str]:
    """{settings-file key: parameter name} for a command's long options."""
    keys = {}
    for param in command.params:
        if isinstance(param, click.Option) and param.name:
            longest = max(param.opts, key=len).lstrip("-").replace("-", "_")
            keys[longest] = param.name
    return keys


def console() -> Console:
    return Console(soft_wrap=False, highlight=False)


def print_json(data: object) -> None:
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


def main() -> None:
    sys.exit(cli.main(prog_name="citecheck", standalone_mode=True) or ExitStatus.OK)


if __name__ == "__main__":
    main()


# Register the commands (each module adds its own to `cli`).
from citecheck.cli import audit, checking, documents, network  # noqa: E402,F401
