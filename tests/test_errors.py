"""Exit codes are mapped from exceptions in one place (cli.CitecheckGroup)."""

from __future__ import annotations

import click
from click.testing import CliRunner

from citecheck.cli import CitecheckGroup
from citecheck.errors import EmptyInputError, ExitStatus, InputError, UnknownFormatError


def test_exit_status_values_are_documented_numbers() -> None:
    assert (ExitStatus.OK, ExitStatus.PROBLEMS, ExitStatus.USAGE) == (0, 1, 2)


def test_input_errors_map_to_usage_exit() -> None:
    for exc in (InputError("x"), EmptyInputError("x"), UnknownFormatError("x")):

        @click.group(cls=CitecheckGroup)
        def group() -> None:
            pass

        @group.command()
        def boom(exc=exc) -> None:
            raise exc

        result = CliRunner().invoke(group, ["boom"])
        assert result.exit_code == ExitStatus.USAGE
        assert "Error: x" in result.output
