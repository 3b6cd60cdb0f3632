"""The public surface stays small and deliberate; the library never imports the CLI."""

from __future__ import annotations

import ast

import citecheck
from tests.conftest import ROOT


def test_public_all() -> None:
    assert sorted(citecheck.__all__) == [
        "CheckSettings", "Report", "__version__", "analyse", "run_check",
    ]  # fmt: skip
    for name in citecheck.__all__:
        assert getattr(citecheck, name) is not None


def test_library_never_imports_the_cli() -> None:
    offenders = []
    for path in (ROOT / "citecheck").rglob("*.py"):
        if "cli" in path.relative_to(ROOT / "citecheck").parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            if any(n == "citecheck.cli" or n.startswith("citecheck.cli.") for n in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_pure_stages_do_no_network_io() -> None:
    """notes/, verify/ and identify/ are pure: they never import what does network I/O.

    (citecheck.web.extract* is allowed: it turns bytes already fetched into text.)"""
    offenders = []
    for stage in ("notes", "verify", "identify"):
        for path in (ROOT / "citecheck" / stage).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                mods = []
                if isinstance(node, ast.ImportFrom) and node.module:
                    mods = [node.module]
                elif isinstance(node, ast.Import):
                    mods = [a.name for a in node.names]
                for m in mods:
                    pure_web = m.startswith("citecheck.web.extract")
                    io = m.startswith(("citecheck.web", "urllib3", "requests", "socket"))
                    if io and not pure_web:
                        offenders.append(f"{path.relative_to(ROOT)}: {m}")
    assert offenders == [], offenders
