"""Field-level precision/recall of the note and bibliography parser on a labelled set.

Each item of ``fixtures/eval/notes.jsonl`` (format: fixtures/eval/README.md) is run
through ``parse_note`` or ``parse_bib_entry`` and every labelled field is compared:

1. A labelled field whose expected value is empty (``null``, ``[]``, ``false``) is a
   negative label: the parser is right when it leaves the field empty.
2. ``predicted`` counts the labelled fields the parser filled, ``support`` the
   labelled fields that are non-empty. Precision = right / predicted, recall =
   right / support, so a filled field that should be empty costs precision only and
   an empty field that should be filled costs recall only.
3. Comparison is normalised (see ``values_match``): strings ignore case, spacing,
   quotes and dashes; names match by surname; lists compare as sets.
4. Micro figures pool every field's counts, macro figures average the fields.

``EVAL_FLOORS`` pins a minimum F1 per field; ``gate`` lists the fields below it
(tests/test_notes_eval.py fails on any).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citecheck.evaluation.compare import (
    CITATION_KINDS,
    is_empty,
    show,
    validate_item,
    values_match,
)

NoteParser = Callable[[str], list[Any]]
BibParser = Callable[..., Any]

WORK_FIELDS = (
    "authors", "title", "container", "editors", "publisher", "place", "year", "date",
    "accessed", "pages", "volume", "issue", "urls", "doi", "kind",
)  # fmt: skip
NOTE_FIELDS = ("ibid", "ibid_author", "short_form", "n_citations")
FIELDS = (*WORK_FIELDS, *NOTE_FIELDS, "problems")

# Minimum F1 per field, pinned a few points below the F1 measured on
# fixtures/eval/notes.jsonl (figures in the comment beside each). A drop below a
# floor means a parser change lost accuracy on a convention; raise a floor when the
# parser durably improves, never lower it to make a change pass.
EVAL_FLOORS: dict[str, float] = {}
MICRO_F1_FLOOR = 0.0

__all__ = [
    "CITATION_KINDS",
    "EVAL_FLOORS",
    "FIELDS",
    "MICRO_F1_FLOOR",
    "EvalResult",
    "FieldScore",
    "ItemResult",
    "Mismatch",
    "evaluate",
    "evaluate_items",
    "gate",
    "load_items",
    "validate_item",
]


def _ratio(num: int, den: int) -> float | None:
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
        return _ratio(self.predicted_right, self.predicted)

    @property
    def recall(self) -> float | None:
        return _ratio(self.support_right, self.support)

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

    @property
    def errors(self) -> list[ItemResult]:
        return [i for i in self.items if i.error]

    def micro(self) -> tuple[float | None, float | None, float | None]:
        pred = sum(f.predicted for f in self.fields.values())
        pred_right = sum(f.predicted_right for f in self.fields.values())
        sup = sum(f.support for f in self.fields.values())
        sup_right = sum(f.support_right for f in self.fields.values())
        p, r = _ratio(pred_right, pred), _ratio(sup_right, sup)
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


def load_items(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSONL eval set; a malformed line raises ValueError naming the line."""
    items = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: not JSON: {exc}") from exc
            problems = validate_item(obj)
            if problems:
                raise ValueError(f"{path}:{lineno}: " + "; ".join(problems))
            items.append(obj)
    return items


def _default_parsers() -> tuple[NoteParser, BibParser]:
    from citecheck.notes.citation import parse_bib_entry, parse_note

    return parse_note, parse_bib_entry


def _value(obj: object, name: str, vocab: set[str]) -> object:
    value = getattr(obj, name, None) if obj is not None else None
    if name == "problems":
        return sorted(p for p in (value or []) if p in vocab)
    return value


def _compare(
    expected: dict[str, Any],
    parsed: object,
    vocab: set[str],
    scores: dict[str, FieldScore],
    result: ItemResult,
    position: int | None,
) -> None:
    labels = dict(expected)
    labels.setdefault("problems", [])  # absent means "no problem the set knows of"
    for name in FIELDS:
        if name not in labels or name == "n_citations":
            continue
        want, got = labels[name], _value(parsed, name, vocab)
        correct = values_match(name, want, got)
        scores[name].add(want, got, correct)
        result.checked += 1
        result.right += correct
        if not correct:
            result.mismatches.append(Mismatch(name, want, got, position))


def evaluate_items(
    items: list[dict[str, Any]],
    parse_note: NoteParser | None = None,
    parse_bib_entry: BibParser | None = None,
) -> EvalResult:
    """Score the parsers on already-loaded items (the default parsers are citecheck's)."""
    if parse_note is None or parse_bib_entry is None:
        default_note, default_bib = _default_parsers()
        parse_note = parse_note or default_note
        parse_bib_entry = parse_bib_entry or default_bib
    vocab = {
        p
        for item in items
        for exp in [item["expected"], *item["expected"].get("citations", [])]
        for p in exp.get("problems", [])
    }
    scores = {name: FieldScore(name) for name in FIELDS}
    results = []
    for item in items:
        result = ItemResult(item["id"], item["kind"], list(item["tags"]), item["text"])
        results.append(result)
        parsed: list[Any] = []
        try:
            if item["kind"] == "note":
                parsed = list(parse_note(item["text"]))
            else:
                parsed = [parse_bib_entry(item["text"], 0)]
        except Exception as exc:  # a crash is scored as a miss on every field
            result.error = f"{type(exc).__name__}: {exc}"
        expected = item["expected"]
        if "n_citations" in expected:
            got_n = len(parsed) if not result.error else None
            correct = got_n == expected["n_citations"]
            scores["n_citations"].add(expected["n_citations"], got_n, correct)
            result.checked += 1
            result.right += correct
            if not correct:
                result.mismatches.append(Mismatch("n_citations", expected["n_citations"], got_n))
        if "citations" in expected:
            for i, sub in enumerate(expected["citations"]):
                got = parsed[i] if i < len(parsed) else None
                _compare(sub, got, vocab, scores, result, i)
        else:
            _compare(expected, parsed[0] if parsed else None, vocab, scores, result, None)
    return EvalResult(scores, results)


def evaluate(
    path: str | Path,
    parse_note: NoteParser | None = None,
    parse_bib_entry: BibParser | None = None,
) -> EvalResult:
    """Load the JSONL set at ``path`` and score the parsers on it."""
    return evaluate_items(load_items(path), parse_note, parse_bib_entry)


def gate(
    result: EvalResult,
    floors: dict[str, float] | None = None,
    micro_floor: float | None = None,
) -> list[str]:
    """One message per field (and the micro F1) that falls below its pinned floor."""
    floors = EVAL_FLOORS if floors is None else floors
    micro_floor = MICRO_F1_FLOOR if micro_floor is None else micro_floor
    failures = []
    for name, floor in floors.items():
        f1 = result.fields[name].f1 if name in result.fields else None
        if f1 is None or f1 < floor:
            shown = "unmeasured" if f1 is None else f"{f1:.3f}"
            failures.append(f"{name}: F1 {shown} < floor {floor:.2f}")
    micro = result.micro()[2]
    if micro is None or micro < micro_floor:
        failures.append(
            f"micro: F1 {micro if micro is None else round(micro, 3)} < floor {micro_floor:.2f}"
        )
    return failures


def _fmt(x: float | None) -> str:
    return "    -" if x is None else f"{x:5.3f}"


def format_report(result: EvalResult, show_errors: int = 10) -> str:
    """The terminal table: fields, micro/macro, tags, worst items."""
    notes = sum(i.kind == "note" for i in result.items)
    out = [
        f"{len(result.items)} items ({notes} notes, {len(result.items) - notes} bibliography "
        f"entries); parser errors: {len(result.errors)}",
        "",
        f"{'field':<13} {'prec':>5} {'recall':>6} {'F1':>5} {'support':>7} {'filled':>6}"
        f" {'floor':>5}",
    ]
    for name in FIELDS:
        s = result.fields[name]
        if not s.checked:
            continue
        floor = EVAL_FLOORS.get(name)
        out.append(
            f"{name:<13} {_fmt(s.precision)} {_fmt(s.recall):>6} {_fmt(s.f1)} {s.support:>7} "
            f"{s.predicted:>6} {'' if floor is None else f'{floor:.2f}':>5}"
        )
    for label, (p, r, f1) in (("micro", result.micro()), ("macro", result.macro())):
        out.append(f"{label:<13} {_fmt(p)} {_fmt(r):>6} {_fmt(f1)}")
    out += ["", f"{'tag':<20} {'items':>5} {'fields':>6} {'accuracy':>8} {'perfect':>7}"]
    for tag, (n, checked, right, perfect) in result.tag_accuracy().items():
        out.append(f"{tag:<20} {n:>5} {checked:>6} {_fmt(_ratio(right, checked)):>8} {perfect:>7}")
    worst = result.worst(show_errors)
    if worst:
        out += ["", f"worst {len(worst)} items:"]
    for item in worst:
        out.append(
            f"- {item.id} ({item.kind}, {item.wrong}/{item.checked} wrong): {show(item.text, 110)}"
        )
        if item.error:
            out.append(f"    parser error: {item.error}")
        for m in item.mismatches:
            where = "" if m.citation is None else f"[{m.citation}]"
            out.append(f"    {m.field}{where}: expected {show(m.expected)}, got {show(m.got)}")
    failures = gate(result)
    out += [
        "",
        "gate: " + ("all fields at or above their floors" if not failures else "BELOW FLOOR"),
    ]
    out += [f"  {f}" for f in failures]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m citecheck.evaluation.notes_eval",
        description="Field-level precision/recall of the note and bibliography parser.",
    )
    ap.add_argument("path", help="labelled JSONL set, e.g. fixtures/eval/notes.jsonl")
    ap.add_argument(
        "--show-errors", type=int, default=10, metavar="N", help="list the N worst items"
    )
    ap.add_argument("--gate", action="store_true", help="exit 1 when a field is below its floor")
    args = ap.parse_args(argv)
    try:
        result = evaluate(args.path)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ImportError as exc:
        print(f"error: the parser is not available: {exc}", file=sys.stderr)
        return 2
    print(format_report(result, args.show_errors))
    return 1 if args.gate and gate(result) else 0


if __name__ == "__main__":
    sys.exit(main())
