"""Score records of an evaluation run: per-field counts, per-item results, the totals.

Precision = right / predicted (fields the parser filled), recall = right / support
(fields the label fills); see notes_eval for how a field is judged right.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from citecheck.evaluation.compare import is_empty


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if r == 0.0:
        return 0.0
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class FieldScore:
    """Counts for one field over the whole set."""

    name: str
    predicted: int = 0  # labelled and filled by the parser
    predicted_right: int = 0
    support: int = 0  # labelled with a non-empty value
    support_right: int = 0
    checked: int = 0  # labelled at all (negative labels included)
    right: int = 0

    @property
    def precision(self) -> float | None:
        return ratio(self.predicted_right, self.predicted)

    @property
    def recall(self) -> float | None:
        return ratio(self.support_right, self.support)

    @property
    def f1(self) -> float | None:
        return _f1(self.precision, self.recall)

    def add(self, expected: object, got: object, correct: bool) -> None:
        self.checked += 1
        self.right += correct
        if not is_empty(got):
            self.predicted += 1
            self.predicted_right += correct
        if not is_empty(expected):
            self.support += 1
            self.support_right += correct


@dataclass
class Mismatch:
    field: str
    expected: object
    got: object
    citation: int | None = None  # position in a multi-citation note


@dataclass
class ItemResult:
    id: str
    kind: str
    tags: list[str]
    text: str
    checked: int = 0
    right: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)
    error: str | None = None  # the parser raised

    @property
    def wrong(self) -> int:
        return self.checked - self.right


@dataclass
class EvalResult:
    fields: dict[str, FieldScore]
    items: list[ItemResult]
    # The pinned floors of the set this result is for (None: the default set's).
    floors: dict[str, float] | None = None
    micro_floor: float | None = None

    @property
    def errors(self) -> list[ItemResult]:
        return [i for i in self.items if i.error]

    def micro(self) -> tuple[float | None, float | None, float | None]:
        pred = sum(f.predicted for f in self.fields.values())
        pred_right = sum(f.predicted_right for f in self.fields.values())
        sup = sum(f.support for f in self.fields.values())
        sup_right = sum(f.support_right for f in self.fields.values())
        p, r = ratio(pred_right, pred), ratio(sup_right, sup)
        return p, r, _f1(p, r)

    def macro(self) -> tuple[float | None, float | None, float | None]:
        def mean(values: Iterable[float | None]) -> float | None:
            present = [v for v in values if v is not None]
            return sum(present) / len(present) if present else None

        scores = [f for f in self.fields.values() if f.support or f.predicted]
        return (
            mean(f.precision for f in scores),
            mean(f.recall for f in scores),
            mean(f.f1 for f in scores),
        )

    def tag_accuracy(self) -> dict[str, tuple[int, int, int, int]]:
        """tag -> (items, labelled fields, fields right, items entirely right)."""
        table: dict[str, list[int]] = {}
        for item in self.items:
            for tag in item.tags:
                row = table.setdefault(tag, [0, 0, 0, 0])
                row[0] += 1
                row[1] += item.checked
                row[2] += item.right
                row[3] += item.wrong == 0 and not item.error
        return {tag: (r[0], r[1], r[2], r[3]) for tag, r in sorted(table.items())}

    def worst(self, n: int) -> list[ItemResult]:
        ranked = sorted(
            (i for i in self.items if i.wrong or i.error),
            key=lambda i: (not i.error, -i.wrong, i.right / max(i.checked, 1), i.id),
        )
        return ranked[:n]
