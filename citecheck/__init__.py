"""citecheck: check the citations of footnoted articles.

The library's front door (the command line is a thin layer over these)::

    from citecheck import analyse, run_check, CheckSettings
    doc = analyse("article.html")              # notes, citations, ibid, bibliography, claims
    report = run_check("article.html", CheckSettings(archive=Path("sources.warc.gz")))
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["CheckSettings", "Report", "__version__", "analyse", "run_check"]

_LAZY = {
    "analyse": ("citecheck.pipeline", "analyse"),
    "run_check": ("citecheck.check", "run_check"),
    "CheckSettings": ("citecheck.check", "CheckSettings"),
    "Report": ("citecheck.model", "Report"),
}


def __getattr__(name: str) -> Any:
    """Import on first use: ``import citecheck`` stays cheap (no numpy, no urllib3)."""
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'citecheck' has no attribute {name!r}")
