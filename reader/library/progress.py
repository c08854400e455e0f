"""A rich progress bar on standard error for the library commands (drawn only on a terminal)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int, int, str], None]]:
    """Yields a ``progress(done, total, message)`` callback driving one rich bar."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    console = Console(stderr=True)
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[item]}", markup=False),
        console=console,
        disable=not console.is_terminal,
        transient=False,
    )
    task = bar.add_task(description, total=None, item="")

    def update(done: int, total: int, message: str) -> None:
        item = Text(message[-50:]).plain  # data, never markup
        bar.update(task, completed=done, total=max(total, done), item=item)

    with bar:
        yield update
