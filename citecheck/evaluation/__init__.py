"""Accuracy measurements of citecheck's parsers against hand-labelled sets in fixtures/eval/.

``notes_eval`` scores the footnote / bibliography parser field by field
(precision, recall, F1) and holds the pinned floors the eval gate test enforces::

    python -m citecheck.evaluation.notes_eval fixtures/eval/notes.jsonl --show-errors 20

Names are re-exported lazily so that ``python -m citecheck.evaluation.notes_eval``
does not import the module twice.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "EVAL_FLOORS",
    "MICRO_F1_FLOOR",
    "EvalResult",
    "FieldScore",
    "ItemResult",
    "evaluate",
    "evaluate_items",
    "gate",
    "load_items",
    "validate_item",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("citecheck.evaluation.notes_eval"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
