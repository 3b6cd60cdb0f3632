"""The command line: help and documentation for every command, exit codes, outputs."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from citecheck.cli import cli
from tests.conftest import ROOT, SEED_ARTICLE

COMMANDS = sorted(cli.commands)


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name: str) -> None:
    result = run(name, "--help")
    assert result.exit_code == 0
    assert cli.commands[name].help, f"{name} has no help text"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_documented_in_readme(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"`citecheck {name}\b", readme), f"README does not document {name}"


def test_missing_file_is_usage_error(tmp_path) -> None:
    result = CliRunner().invoke(cli, ["notes", str(tmp_path / "nope.html")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_empty_file_is_usage_error(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(cli, ["notes", str(empty)])
    assert result.exit_code == 2
    assert "Error" in result.output


def test_unknown_binary_is_usage_error(tmp_path) -> None:
    png = tmp_path / "article.html"  # the extension lies: detection is by content
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    result = CliRunner().invoke(cli, ["notes", str(png)])
    assert result.exit_code == 2


def test_notes_json_contract_on_seed() -> None:
    result = run("notes", str(SEED_ARTICLE), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert set(data) >= {"document", "notes", "bibliography", "findings"}
    assert set(data["document"]) >= {"title", "authors", "published", "language"}
    note = data["notes"][0]
    assert set(note) >= {
        "number", "text", "ibid_of", "urls", "url_source", "doi", "accessed",
        "pages", "bib_entry", "citation", "claims",
    }  # fmt: skip
    assert set(note["claims"][0]) == {"text", "start", "end", "paragraph"}
    assert set(data["bibliography"][0]) >= {
        "index",
        "text",
        "authors",
        "title",
        "year",
        "urls",
        "doi",
    }
    assert all(set(f) >= {"code", "severity", "note", "message"} for f in data["findings"])
    assert len(data["notes"]) == 17 and len(data["bibliography"]) == 9


def test_notes_table_on_seed() -> None:
    result = run("notes", str(SEED_ARTICLE))
    assert result.exit_code == 0
    assert "17 notes, 9 bibliography entries" in result.output


def test_export_csl_json_and_bibtex(tmp_path) -> None:
    result = run("export", str(SEED_ARTICLE), "--to", "csl-json")
    items = json.loads(result.output)
    assert len(items) >= 9
    gaur = next(i for i in items if i.get("DOI") == "10.5281/zenodo.7827403")
    assert gaur["type"] == "article-journal"
    assert gaur["author"] == [{"family": "Gaur", "given": "Punit"}]
    assert gaur["issued"] == {"date-parts": [[2023]]}
    out = tmp_path / "refs.bib"
    run("export", str(SEED_ARTICLE), "--to", "bibtex", "-o", str(out))
    import bibtexparser

    library = bibtexparser.parse_string(out.read_text(encoding="utf-8"))
    assert not library.failed_blocks
    assert len(library.entries) == len(items)
    assert any(e.entry_type == "incollection" for e in library.entries)
