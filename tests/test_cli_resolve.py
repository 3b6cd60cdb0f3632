"""`citecheck resolve` end to end, registries answered by the loopback stand-in."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from citecheck.cli import cli
from tests.conftest import SEED_ARTICLE
from tests.web.farm import Farm
from tests.web.registry_standin import RegistryStandIn, seed_registry


@pytest.fixture
def registry():
    with Farm() as farm:
        standin = RegistryStandIn(farm)
        seed_registry(standin)
        yield standin


def _args(standin: RegistryStandIn, *extra: str) -> list[str]:
    return [
        "resolve", str(SEED_ARTICLE), "--allow-private", "--no-cache", "--no-pages",
        "--timeout", "5", "--doi-base", standin.base, "--crossref-base", standin.base,
        "--datacite-base", standin.base, *extra,
    ]  # fmt: skip


def test_resolve_json_note_12_datacite_and_page_in_range(registry: RegistryStandIn) -> None:
    result = CliRunner().invoke(cli, _args(registry, "--format", "json"))
    data = json.loads(result.output)
    by_note = {n["note"]: n for n in data["notes"]}
    ident = by_note[12]["identifiers"][0]
    assert ident["doi"] == "10.5281/zenodo.7827403"
    assert ident["registered"] is True and ident["agency"] == "datacite"
    assert not [f for f in by_note[12]["findings"] if f["code"] == "page_outside_range"]
    assert result.exit_code in (0, 1)  # other notes may carry error findings
    assert result.exit_code == (1 if any(
        f["severity"] == "error" for n in data["notes"] for f in n["findings"]
    ) else 0)  # fmt: skip


def test_resolve_table_and_offline(registry: RegistryStandIn) -> None:
    result = CliRunner().invoke(cli, _args(registry))
    assert "10.5281/zenodo.7827403" in result.output
    offline = CliRunner().invoke(cli, _args(registry, "--offline", "--format", "json"))
    assert offline.exit_code == 0
    before = len(registry.requests())
    CliRunner().invoke(cli, _args(registry, "--offline"))
    assert len(registry.requests()) == before  # offline sends nothing


def test_resolve_rejects_bad_base_url() -> None:
    result = CliRunner().invoke(
        cli, ["resolve", str(SEED_ARTICLE), "--doi-base", "ftp://x", "--offline"]
    )
    assert result.exit_code == 2
