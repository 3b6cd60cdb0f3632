"""Shared test helpers.

Components a test needs (Chromium, lychee, ...) may be missing on a developer's
machine: the test then skips with the reason. In CI (CI=true) a missing component
fails the test instead, because .ci/run installs every one of them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED_ARTICLE = FIXTURES / "articles" / "avim-blog-33-kritik-mineraller.txt"


def require(available: bool, what: str) -> None:
    """Skip (developer machine) or fail (CI) when a needed component is missing."""
    if available:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} is missing in CI: .ci/run must install it")
    pytest.skip(f"{what} is not installed on this machine")


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def seed_article() -> Path:
    return SEED_ARTICLE
