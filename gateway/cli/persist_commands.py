"""`persist`: load a client's extracted operations into the safelist; `--list` shows it."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from rich.table import Table

from core.settings import Settings
from gateway.cli.context import command_runtime
from gateway.cli.draw import console


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `persist`."""
    persist = commands.add_parser(
        "persist",
        help="safelist a client's operations (Apollo manifest, {sha256: document} JSON, "
        ".graphql files)",
    )
    persist.add_argument("files", nargs="*", type=Path, help="operation files")
    persist.add_argument("--list", action="store_true", help="print the safelist")
    persist.set_defaults(run=lambda s, a: asyncio.run(_persist(s, a.files, show=a.list)))


async def _persist(settings: Settings, files: list[Path], *, show: bool) -> int:
    from gateway.persisted_files import OperationsFileError, read_operations
    from schema import build_schema
    from store.persisted import safelist, safelisted
    from store.write_context import transaction

    if not files and not show:
        console.print("[red]name operation files to persist, or --list[/]")
        return 2
    try:
        operations = read_operations(files, build_schema(settings)._schema)
    except OperationsFileError as problem:
        console.print(f"[red]nothing persisted:[/] {problem}")
        return 2
    async with command_runtime(settings) as runtime:
        if operations:
            async with transaction(runtime.sessions) as session:
                count = await safelist(session, [(op.name, op.document) for op in operations])
            console.print(f"safelisted {count} operations from {len(files)} files")
        if show:
            async with runtime.sessions() as session:
                rows = await safelisted(session)
            table = Table("name", "sha256")
            for row in rows:
                table.add_row(row.name or "(unnamed)", row.sha256)
            console.print(table)
    return 0
