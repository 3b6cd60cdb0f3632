"""A progress bar on a terminal, nothing elsewhere (pipes, CI logs, --quiet)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


@contextmanager
def progress_bar(label: str, *, enabled: bool = True) -> Iterator[Callable[..., None]]:
    """Yield ``advance(done, total, *_)``; draws on stderr only when it is a terminal."""
    if not (enabled and sys.stderr.isatty()):
        yield lambda *args: None
        return
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with progress:
        task = progress.add_task(label, total=None)

        def advance(done: int, total: int, *_: object) -> None:
            progress.update(task, completed=done, total=total)

        yield advance
