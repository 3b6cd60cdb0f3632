"""`citecheck check` from the command line: files written, exit codes, bad archives,
an unwritable report directory."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

from click.testing import CliRunner

from citecheck.cli import cli
from tests.conftest import FIXTURES, SEED_ARTICLE

DEMO_WARC = FIXTURES / "demo" / "avim-blog-33-sources.warc.gz"


def check(*args: str):
    return CliRunner().invoke(
        cli, ["check", str(SEED_ARTICLE), "--embedder", "none", "--quiet", *args]
    )


def test_writes_every_format_and_exits_1_on_problems(tmp_path: Path) -> None:
    out = tmp_path / "rep"
    result = check("--archive", str(DEMO_WARC), "--out", str(out), "--format", "html,json,md,junit")
    assert result.exit_code == 1, result.output  # the example's note 15 is not found
    assert {p.name for p in out.iterdir()} == {
        "report.html", "report.json", "report.md", "junit.xml"
    }  # fmt: skip
    data = json.loads((out / "report.json").read_text("utf-8"))
    assert data["summary"]["status"] == "fail"
    from citecheck.report.schema import validate_report

    assert validate_report(data) == []


def test_fail_on_and_ignore_decide_the_exit_status(tmp_path: Path) -> None:
    relaxed = check(
        "--archive", str(DEMO_WARC), "--out", str(tmp_path), "--fail-on", "contradicted"
    )
    assert relaxed.exit_code == 0, relaxed.output
    # without embeddings note 5 (a translation) is not found either; note 15 never is
    ignored = check(
        "--archive", str(DEMO_WARC), "--out", str(tmp_path), "--ignore", "note:5", "--ignore",
        "note:15",
    )  # fmt: skip
    assert ignored.exit_code == 0, ignored.output
    bad = check("--archive", str(DEMO_WARC), "--out", str(tmp_path), "--fail-on", "nonsense")
    assert bad.exit_code == 2


def test_not_a_warc_is_a_usage_error(tmp_path: Path) -> None:
    fake = tmp_path / "fake.warc.gz"
    fake.write_bytes(gzip.compress(b"this is not a web archive\n" * 10))
    result = check("--archive", str(fake), "--out", str(tmp_path / "r"))
    assert result.exit_code == 2
    assert "fake.warc.gz" in result.output


def test_truncated_warc_keeps_what_it_can_read(tmp_path: Path) -> None:
    cut = tmp_path / "cut.warc.gz"
    data = DEMO_WARC.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    out = tmp_path / "r"
    result = check("--archive", str(cut), "--out", str(out), "--format", "json")
    assert result.exit_code in (0, 1), result.output
    report = json.loads((out / "report.json").read_text("utf-8"))
    # the damage is reported, with the file and the offset where reading stopped
    assert any(
        "cut.warc.gz" in p
        for p in report["settings"].get("archive", "") and [report["settings"]["archive"]]
    )
    assert "cut.warc.gz" in result.output or report["summary"]["problems"]["check_failed"] >= 0
    verdicts = [c["verdict"]["label"] for n in report["notes"] for c in n["claims"] if c["verdict"]]
    assert "unverifiable" in verdicts  # sources past the cut are missing, not fatal


def test_warc_without_the_needed_records(tmp_path: Path) -> None:
    from citecheck.web.warc import WarcCapture

    empty = tmp_path / "other.warc.gz"
    with WarcCapture(empty):
        pass  # a valid WARC with only its warcinfo record
    out = tmp_path / "r"
    result = check("--archive", str(empty), "--out", str(out), "--format", "json")
    assert result.exit_code in (0, 1), result.output
    report = json.loads((out / "report.json").read_text("utf-8"))
    reasons = {c["verdict"]["reason"] for n in report["notes"] for c in n["claims"]}
    assert any("archive" in r for r in reasons), reasons


def test_unwritable_report_directory_is_a_usage_error(tmp_path: Path) -> None:
    # chmod does not stop root (CI runs as root); /sys refuses new directories to everyone
    locked = Path("/sys/citecheck-reports") if os.geteuid() == 0 else tmp_path / "locked"
    if locked.parent == tmp_path:
        locked.mkdir()
        locked.chmod(0o500)
    result = check("--archive", str(DEMO_WARC), "--out", str(locked / "r"))
    assert result.exit_code == 2
    assert "cannot be created" in result.output


def test_report_path_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = check("--archive", str(DEMO_WARC), "--out", str(blocker / "r"))
    assert result.exit_code == 2
    assert "cannot be created" in result.output


def test_an_unknown_report_format_is_bad_usage(tmp_path: Path) -> None:
    result = check("--archive", str(DEMO_WARC), "--out", str(tmp_path), "--format", "json,pdf")
    assert result.exit_code == 2
    assert "unknown format(s) pdf" in result.output
    assert not any(tmp_path.iterdir())  # refused before any work


def test_the_cli_knows_every_report_writer() -> None:
    from citecheck.cli.checking import REPORT_FORMATS
    from citecheck.report.write import FORMATS

    assert REPORT_FORMATS == FORMATS
