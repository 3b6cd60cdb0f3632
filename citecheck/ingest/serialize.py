"""Document <-> plain dict (JSON), for golden files and debugging."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from citecheck.model import Document


def document_to_dict(doc: Document) -> dict[str, Any]:
    """The whole Document as JSON-ready dicts and lists (field names as in model.py)."""
    return asdict(doc)
