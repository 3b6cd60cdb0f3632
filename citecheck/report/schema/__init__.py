"""The JSON Schema (draft 2020-12) of the ``citecheck check`` JSON report.

``report.schema.json`` describes ``json_report.report_to_dict`` exactly; a test
keeps its enums equal to the Python vocabularies. ``jsonschema`` is needed only
by :func:`validate_report` (a development dependency), not to load the schema.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["SCHEMA_FILE", "load_schema", "validate_report"]

SCHEMA_FILE = "report.schema.json"


@cache
def _schema_text() -> str:
    return resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def load_schema() -> dict[str, Any]:
    """A fresh copy of the schema (callers may change it)."""
    return json.loads(_schema_text())


def validate_report(data: dict[str, Any]) -> list[str]:
    """Every way ``data`` breaks the schema, as ``path: message`` lines (empty: valid)."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(load_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors]
