"""Settings files: citecheck.toml / [tool.citecheck]; flags win over the file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import cli
from citecheck.config import default_map
from citecheck.errors import InputError
from tests.conftest import SEED_ARTICLE


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CITECHECK_CONFIG", raising=False)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_citecheck_toml_sets_defaults_and_flags_win(in_tmp: Path) -> None:
    (in_tmp / "citecheck.toml").write_text('format = "json"\n', encoding="utf-8")
    as_json = run("notes", str(SEED_ARTICLE))
    assert as_json.exit_code == 0
    assert len(json.loads(as_json.output)["notes"]) == 17
    as_table = run("notes", str(SEED_ARTICLE), "--format", "table")
    assert "17 notes, 9 bibliography entries" in as_table.output


def test_pyproject_tool_table_and_command_table(in_tmp: Path) -> None:
    (in_tmp / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.citecheck.export]\nto = "csl-json"\n', encoding="utf-8"
    )
    result = run("export", str(SEED_ARTICLE))
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.output), list)


def test_unknown_setting_is_a_usage_error(in_tmp: Path) -> None:
    (in_tmp / "citecheck.toml").write_text("per_hots = 2\n", encoding="utf-8")
    result = run("notes", str(SEED_ARTICLE))
    assert result.exit_code == 2
    assert "unknown setting `per_hots`" in result.output


def test_broken_toml_and_missing_explicit_file(in_tmp: Path) -> None:
    bad = in_tmp / "bad.toml"
    bad.write_text("format = \n", encoding="utf-8")
    assert run("--config", str(bad), "notes", str(SEED_ARTICLE)).exit_code == 2
    missing = run("--config", str(in_tmp / "nope.toml"), "notes", str(SEED_ARTICLE))
    assert missing.exit_code == 2 and "not found" in missing.output


def test_env_var_names_the_file(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = in_tmp / "elsewhere.toml"
    cfg.write_text('format = "json"\n', encoding="utf-8")
    monkeypatch.setenv("CITECHECK_CONFIG", os.fspath(cfg))
    assert json.loads(run("notes", str(SEED_ARTICLE)).output)["notes"]


def test_default_map_routes_keys_to_commands_that_have_them() -> None:
    commands = {
        "links": {"per_host": "per_host", "timeout": "timeout"},
        "notes": {"format": "fmt"},
        "resolve": {"per_host": "per_host"},
    }
    got = default_map({"per_host": 3, "format": "json", "links": {"timeout": 5}}, commands, "x")
    assert got == {
        "links": {"per_host": 3, "timeout": 5},
        "notes": {"fmt": "json"},
        "resolve": {"per_host": 3},
    }
    with pytest.raises(InputError, match="not an option of `citecheck notes`"):
        default_map({"notes": {"per_host": 1}}, commands, "x")


def test_settings_reach_subcommands_of_groups(in_tmp: Path) -> None:
    (in_tmp / "citecheck.toml").write_text("dead_after_days = 0.5\n", encoding="utf-8")
    result = run("audit", "run", "--help")  # help shows the default the file set
    assert result.exit_code == 0
    assert "default: 0.5" in " ".join(result.output.split())
    assert "default: 7.0" not in " ".join(result.output.split())
