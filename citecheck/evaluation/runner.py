"""The command line both labelled-set evaluators share (``python -m …_eval FILE``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any


def run_eval_cli(
    argv: list[str] | None,
    *,
    prog: str,
    description: str,
    example: str,
    evaluate: Callable[[str], Any],
    format_report: Callable[[Any, int], str],
    gate: Callable[[Any], list[str]],
    gate_help: str,
) -> int:
    """Parse ``FILE [--show-errors N] [--gate]``, print the report; 2 on a bad set."""
    ap = argparse.ArgumentParser(prog=prog, description=description)
    ap.add_argument("path", help=f"labelled JSONL set, e.g. {example}")
    ap.add_argument("--show-errors", type=int, default=10, metavar="N", help="list N errors")
    ap.add_argument("--gate", action="store_true", help=gate_help)
    args = ap.parse_args(argv)
    try:
        result = evaluate(args.path)
    except (OSError, ValueError, ImportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        print(format_report(result, args.show_errors))
    except BrokenPipeError:  # piped into head: the reader has what it wanted
        sys.stderr.close()
    return 1 if args.gate and gate(result) else 0
