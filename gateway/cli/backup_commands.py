"""`backup DIR` and `restore DIR [--force]`: the store, attachments, policies and non-secret
settings into a private directory, and back (gateway/jobs/backup.py, gateway/jobs/restore.py)."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from rich.table import Table

from core.settings import Settings
from gateway.cli.context import command_runtime
from gateway.cli.draw import console, progress_bars


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the backup and restore commands."""
    backup = commands.add_parser(
        "backup", help="back the store, attachments, policies and settings up into DIR"
    )
    backup.add_argument("directory", type=Path, metavar="DIR", help="a new or empty directory")
    backup.add_argument("--no-progress", action="store_true", help="no progress bars")
    backup.set_defaults(run=lambda s, a: asyncio.run(_backup(s, a)))

    restore = commands.add_parser(
        "restore", help="check a backup in DIR, restore it and rebuild the search index"
    )
    restore.add_argument("directory", type=Path, metavar="DIR", help="a backup directory")
    restore.add_argument(
        "--force", action="store_true", help="wipe a store that holds data before restoring"
    )
    restore.add_argument("--batch-size", type=int, help="notes per bulk request of the reindex")
    restore.add_argument("--no-progress", action="store_true", help="no progress bars")
    restore.set_defaults(run=lambda s, a: asyncio.run(_restore(s, a)))


async def _backup(settings: Settings, args: argparse.Namespace) -> int:
    from gateway.jobs.backup import backup
    from gateway.jobs.backup_files import BackupError

    async with command_runtime(settings) as runtime:
        try:
            with progress_bars(not args.no_progress) as bars:
                report = await backup(runtime, args.directory, progress=bars)
        except BackupError as exc:
            console.print(f"[red]backup refused:[/] {exc}")
            return 1
    console.print(str(report))
    console.print(f"settings left out (secrets): {', '.join(report.left_out)}")
    return 0


async def _restore(settings: Settings, args: argparse.Namespace) -> int:
    from gateway.jobs.backup_files import BackupError
    from gateway.jobs.restore import restore
    from search.reindex import DEFAULT_BATCH_SIZE

    async with command_runtime(settings) as runtime:
        try:
            with progress_bars(not args.no_progress) as bars:
                report = await restore(
                    runtime,
                    args.directory,
                    force=args.force,
                    batch_size=args.batch_size or DEFAULT_BATCH_SIZE,
                    progress=bars,
                )
        except BackupError as exc:
            console.print(f"[red]restore refused:[/] {exc}")
            return 1
    table = Table("table", "rows", "in backup", title="restored")
    for name, count in report.counts.items():
        table.add_row(name, f"{count:,}", f"{report.expected.get(name, 0):,}")
    console.print(table)
    console.print(f"attachments: {report.attachments}, policy files: {report.policies}")
    console.print(str(report.index))
    if not report.matches:
        console.print("[red]row counts differ from the backup's[/]")
        return 1
    return 0
