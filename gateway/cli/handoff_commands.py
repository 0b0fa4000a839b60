"""Jobs that act on the native store by rule: auto-handoff."""

from __future__ import annotations

import argparse

from core.settings import Settings
from gateway.cli.context import upstream_job
from gateway.cli.draw import console


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `auto-handoff` (takes --no-progress)."""
    command = commands.add_parser(
        "auto-handoff",
        help="hand customers with a new helpdesk ticket and recent sales notes to support "
        "(C360_AUTO_HANDOFF_*; each ticket once)",
    )
    command.add_argument("--no-progress", action="store_true", help="no progress bars")
    command.set_defaults(run=lambda s, a: _auto_handoff(s, progress=not a.no_progress))


def _auto_handoff(settings: Settings, *, progress: bool) -> int:
    from gateway.jobs.auto_handoff import auto_handoff

    report = upstream_job(settings, auto_handoff, progress)
    console.print(str(report))
    return 0
