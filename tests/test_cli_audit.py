"""`citecheck audit run|report|status` from the command line, on the loopback site."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from citecheck.cli import cli
from tests.audit.site_farm import serve_site
from tests.web.farm import Farm

NET = ("--allow-private", "--no-env-proxy", "--timeout", "3", "--offline", "--quiet")


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_audit_run_report_status(tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite"
    with Farm() as farm:
        site = serve_site(farm)
        first = run("audit", "run", site.base, "--db", str(db), *NET)
        assert first.exit_code == 0, first.output
        again = run("audit", "run", site.base, "--db", str(db), "--max-articles", "2", *NET)
        assert again.exit_code == 0, again.output

    status = run("audit", "status", "--db", str(db), "--format", "json")
    assert status.exit_code == 0, status.output
    data = json.loads(status.output)
    assert data["counts"]["runs"] == 2 and data["counts"]["articles"] >= 6
    assert data["running"] is None and data["recent_runs"][0]["state"] == "finished"

    out = tmp_path / "report"
    report = run("audit", "report", "--db", str(db), "--out", str(out), "--lang", "tr")
    assert report.exit_code == 0, report.output
    names = {p.name for p in out.iterdir()}
    assert {"audit-report.html", "audit-report.json", "audit-report.md"} <= names
    assert any(n.endswith(".svg") for n in names)


def test_audit_run_from_a_url_file(tmp_path: Path) -> None:
    db = tmp_path / "audit.sqlite"
    with Farm() as farm:
        site = serve_site(farm)
        listing = tmp_path / "urls.txt"
        article = f"{site.base}/tr/Analiz/HAZAR-DA-ENERJI-KORIDORLARI-VE-TURKIYE"
        listing.write_text(f"# one article\n{article}\n", "utf-8")
        result = run("audit", "run", "--urls", str(listing), "--db", str(db), *NET[:-1])
    assert result.exit_code == 0, result.output
    assert "articles 1 seen, 1 parsed" in result.output
    status = json.loads(run("audit", "status", "--db", str(db), "--format", "json").output)
    assert status["counts"]["articles"] == 1 and status["counts"]["runs"] == 1


def test_audit_usage_errors(tmp_path: Path) -> None:
    assert run("audit", "run", "--db", str(tmp_path / "a.sqlite")).exit_code == 2  # no site
    foreign = tmp_path / "foreign.sqlite"
    foreign.write_bytes(b"not a database at all" * 100)
    result = run("audit", "status", "--db", str(foreign))
    assert result.exit_code == 2
    assert foreign.read_bytes() == b"not a database at all" * 100  # never overwritten
    bad_since = run("audit", "report", "--db", str(foreign), "--since", "yesterday-ish")
    assert bad_since.exit_code == 2


def test_audit_report_refuses_a_format_it_does_not_write(tmp_path: Path) -> None:
    result = run("audit", "report", "--db", str(tmp_path / "a.db"), "--format", "html,junit")
    assert result.exit_code == 2
    assert "unknown format(s) junit" in result.output
