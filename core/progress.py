"""How a long job reports how far it got, without knowing who is watching.

Jobs (seed, reindex, intake scan and redrive, customer sync) call `start`, `advance` and
`finish` on named tasks; the CLI shows them as terminal progress bars, everything else passes
`SILENT`. Only the CLI knows how progress is drawn.
"""

from __future__ import annotations

from typing import Final, Protocol


class Progress(Protocol):
    """Receives a job's progress, one named task at a time."""

    def start(self, task: str, total: int | None = None) -> None:
        """Begin `task` (or give it its `total` once known; None: unknown)."""

    def advance(self, task: str, count: int = 1) -> None:
        """`count` more units of `task` are done."""

    def finish(self, task: str) -> None:
        """`task` is complete."""


class _Silent:
    """Progress that goes nowhere (the default for jobs run outside the CLI)."""

    def start(self, task: str, total: int | None = None) -> None:
        """Ignore the start."""

    def advance(self, task: str, count: int = 1) -> None:
        """Ignore the advance."""

    def finish(self, task: str) -> None:
        """Ignore the finish."""


SILENT: Final[Progress] = _Silent()
"""Progress nobody watches."""
