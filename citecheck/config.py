"""Settings that are not one stage's own: where citecheck keeps its files.

(Issue 6 adds citecheck.toml / [tool.citecheck]; CLI flags will still win.)
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``$CITECHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/citecheck``, else ``~/.cache/citecheck``."""
    explicit = os.environ.get("CITECHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "citecheck"


def default_link_cache() -> Path:
    return cache_dir() / "links.sqlite"
