"""`python -m gateway …`: serve, migrate, seed, token, sdl and the batch jobs.

The CLI builds the one Settings object (environment + optional ``--env-file``), opens one
runtime (gateway/runtime.py) per job and runs the job (gateway/jobs/) in it. It is the only
package that draws: jobs report through `core.progress.Progress`, shown here as rich bars
(`draw.py`). Each command module registers its own subcommands (`register`), each with the
function that runs it; adding a command touches one module and the list below.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from core.crypto import KeyConfigError
from core.settings import load_settings
from gateway.cli import (
    access_audit_commands,
    backup_commands,
    classify_commands,
    handoff_commands,
    persist_commands,
    risk_commands,
    rollup_commands,
    sdl,
    serving,
    store_commands,
    upstream_commands,
)
from gateway.cli.context import DEMO_SEED
from gateway.cli.draw import Bars, console, progress_bars

__all__ = ["DEMO_SEED", "Bars", "main", "progress_bars"]

COMMAND_MODULES = (
    serving,
    store_commands,
    upstream_commands,
    handoff_commands,
    sdl,
    persist_commands,
    rollup_commands,
    backup_commands,
    access_audit_commands,
    risk_commands,
    classify_commands,
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m gateway",
        description="Customer360 Gateway: serve, migrate, seed, token, sdl and the batch jobs.",
    )
    parser.add_argument("--env-file", type=Path, help="read settings from this file too")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, build Settings once, run the command; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        settings = load_settings(args.env_file)
    except ValueError as exc:
        console.print(f"[red]invalid settings:[/] {exc}")
        return 2
    try:
        code: int = args.run(settings, args)
    except KeyConfigError as refusal:  # the encryption keys cannot serve this store
        console.print(f"[red]refusing to run: {refusal}[/]")
        return 2
    except DBAPIError as error:  # the store refused: one line, not a traceback
        console.print(f"[red]the store refused:[/] {_store_problem(error)}", highlight=False)
        return 1
    return code


def _store_problem(error: DBAPIError) -> str:
    first = str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
    if "no such table" in first or ("relation" in first and "does not exist" in first):
        return f"{first} (not migrated yet? run `python -m gateway migrate` first)"
    return first


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
