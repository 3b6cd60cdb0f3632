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
    judge_options: bool = False,
) -> int:
    """Parse ``FILE [--show-errors N] [--gate]``, print the report; 2 on a bad set.

    With ``judge_options`` (the claims set) also ``--judge rules|endpoint``,
    ``--judge-url``, ``--judge-model``, ``--judge-mode``, ``--judge-timeout`` as on
    ``citecheck verify``: ``evaluate`` then gets ``judge=`` (None for the rules).
    """
    ap = argparse.ArgumentParser(prog=prog, description=description)
    ap.add_argument("path", help=f"labelled JSONL set, e.g. {example}")
    ap.add_argument("--show-errors", type=int, default=10, metavar="N", help="list N errors")
    ap.add_argument("--gate", action="store_true", help=gate_help)
    if judge_options:
        ap.add_argument("--judge", choices=["rules", "endpoint"], default="rules")
        ap.add_argument("--judge-url", metavar="URL")
        ap.add_argument("--judge-model", metavar="NAME")
        ap.add_argument("--judge-mode", choices=["confirm", "replace"], default="confirm")
        ap.add_argument("--judge-timeout", type=float, default=60.0, metavar="SECONDS")
    args = ap.parse_args(argv)
    judge = None
    try:
        if judge_options:
            from citecheck.judges import judge_from_options

            judge = judge_from_options(
                args.judge, args.judge_url, args.judge_model, args.judge_mode, args.judge_timeout
            )
        result = evaluate(args.path, judge=judge) if judge_options else evaluate(args.path)
    except (OSError, ValueError, ImportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        if judge is not None:
            judge.close()
    try:
        print(format_report(result, args.show_errors))
    except BrokenPipeError:  # piped into head: the reader has what it wanted
        sys.stderr.close()
    for line in judge_report(judge):
        print(line, file=sys.stderr)
    return 1 if args.gate and gate(result) else 0


def judge_report(judge: Any) -> list[str]:
    """How a model judge fared (its answers used, failed, without evidence); [] for rules."""
    stats = getattr(judge, "stats", None)
    if stats is None:
        return []
    line = (
        f"model judge {judge.name}: {stats.asked} asked, {stats.cached} cached, "
        f"{stats.failed} failed, {stats.no_evidence} without evidence"
    )
    if getattr(judge, "mode", "") == "confirm":
        line += f"; {stats.agreed} agreed, {stats.overruled} overruled the rules, {stats.kept} kept"
    return [line, *(f"warning: {p}" for p in judge.problems())]
