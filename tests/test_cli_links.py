"""`citecheck links` and `citecheck notes URL` end to end, against the loopback farm."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import cli
from tests.conftest import FIXTURES
from tests.web.farm import Farm, page

AVIM_HTML = next(p for p in sorted((FIXTURES / "articles").glob("*.html")) if "avim" in p.name)


@pytest.fixture
def farm():
    with Farm() as f:
        yield f


def invoke(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


BASE_ARGS = ("--allow-private", "--no-cache", "--no-archive", "--timeout", "3", "--no-env-proxy")


def test_links_from_url_list_file_json_contract(farm: Farm, tmp_path: Path) -> None:
    host = farm.host()
    host.route("/ok", page("Makale", "Uzun bir metin. " * 50))
    urls = [host.url("/ok"), host.url("/status/404"), host.url("/ok?utm_source=x#top")]
    listing = tmp_path / "urls.txt"
    listing.write_text("# cited URLs\n" + "\n".join(urls) + "\n", encoding="utf-8")

    result = invoke("links", str(listing), "--format", "json", *BASE_ARGS)
    assert result.exit_code == 1  # one link is broken
    data = json.loads(result.output)
    statuses = {link["url"]: link["status"] for link in data["links"]}
    assert statuses[urls[0]] == "ok"
    assert statuses[urls[1]] == "broken"
    # the utm/fragment variant is the same page: fetched once, listed as cited
    assert len([r for r in host.requests("/ok") if r.method in ("GET", "HEAD")]) >= 1
    assert data["summary"]["broken"] == 1
    first = data["links"][0]
    assert list(first)[:13] == [
        "url", "normalized_url", "notes", "status", "http_status", "final_url",
        "redirects", "reason", "attempts", "elapsed_ms", "checked_at", "archive",
        "permanent_redirect",
    ]  # fmt: skip


def test_links_from_stdin_all_ok_exits_zero(farm: Farm) -> None:
    host = farm.host()
    host.route("/a", page("A", "Metin A. " * 40))
    result = invoke("links", "-", *BASE_ARGS, stdin=host.url("/a") + "\n")
    assert result.exit_code == 0, result.output
    assert "1 links: 1 ok" in result.output


def test_links_refuses_loopback_without_allow_private(farm: Farm) -> None:
    host = farm.host()
    result = invoke("links", host.url("/"), "--format", "json", "--no-cache", "--no-archive")
    assert result.exit_code == 1
    assert json.loads(result.output)["links"][0]["status"] == "private_address"
    assert host.requests() == []  # refused before any byte was sent


def test_links_offline_sends_nothing(farm: Farm) -> None:
    host = farm.host()
    result = invoke("links", host.url("/x"), "--offline", "--format", "json", *BASE_ARGS)
    assert result.exit_code == 0
    assert json.loads(result.output)["links"][0]["status"] == "not_checked"
    assert host.requests() == []


def test_notes_from_url(farm: Farm) -> None:
    host = farm.host()
    body = AVIM_HTML.read_bytes()

    def serve(ctx) -> None:
        ctx.send(200, body, headers=[("Content-Type", "text/html; charset=utf-8")])

    host.route("/tr/Analiz/makale", serve)
    from citecheck.pipeline import analyse
    from citecheck.web.settings import HttpSettings

    doc = analyse(
        host.url("/tr/Analiz/makale"),
        http_settings=HttpSettings(allow_private=True, trust_env=False),
    )
    offline = analyse(str(AVIM_HTML))
    assert len(doc.notes) == len(offline.notes) > 0
    assert [n.ibid_of for n in doc.notes] == [n.ibid_of for n in offline.notes]


def test_notes_from_url_http_error_is_input_error(farm: Farm) -> None:
    from citecheck.errors import InputError
    from citecheck.pipeline import read_document
    from citecheck.web.settings import HttpSettings

    host = farm.host()
    with pytest.raises(InputError, match="HTTP 404"):
        read_document(
            host.url("/status/404"), http_settings=HttpSettings(allow_private=True, trust_env=False)
        )
