"""The CLI's drawing: rich on stderr, and `Progress` shown as bars (the only place that draws)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

from core.progress import SILENT, Progress

console = Console(stderr=True)


class Bars:
    """`Progress` drawn as rich bars on stderr, one per task."""

    def __init__(self, bars: RichProgress) -> None:
        self._bars = bars
        self._tasks: dict[str, TaskID] = {}
        self._done: dict[str, int] = {}

    def start(self, task: str, total: int | None = None) -> None:
        """Add the task's bar, or give it its total."""
        if task in self._tasks:
            self._bars.update(self._tasks[task], total=total)
        else:
            self._tasks[task] = self._bars.add_task(task, total=total)
            self._done[task] = 0

    def advance(self, task: str, count: int = 1) -> None:
        """Move the task's bar on."""
        if task not in self._tasks:
            self.start(task)
        self._done[task] += count
        self._bars.advance(self._tasks[task], count)

    def finish(self, task: str) -> None:
        """Fill the task's bar (a task of unknown total ends at what it did)."""
        if task in self._tasks:
            self._bars.update(self._tasks[task], total=self._done[task])


@contextlib.contextmanager
def progress_bars(enabled: bool = True) -> Iterator[Progress]:
    """Bars on stderr for the block, or `SILENT` when not `enabled`."""
    if not enabled:
        yield SILENT
        return
    columns = (TextColumn("{task.description:<26}"), BarColumn(), MofNCompleteColumn())
    with RichProgress(*columns, TimeElapsedColumn(), console=console) as bars:
        yield Bars(bars)
