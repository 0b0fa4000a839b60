"""Commands on the native store and its search index: migrate, seed, token, reindex, worker,
search-dead-letters."""

from __future__ import annotations

import argparse
import asyncio
from typing import TYPE_CHECKING

from rich.table import Table

from core.settings import Settings
from gateway.cli.context import command_runtime
from gateway.cli.draw import console, progress_bars

if TYPE_CHECKING:
    from gateway.runtime import Runtime


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the store and index commands."""
    migrate = commands.add_parser("migrate", help="apply (or revert) store migrations")
    migrate.add_argument("--revision", default="head", help="target revision (default: head)")
    migrate.add_argument("--down", action="store_true", help="downgrade to --revision instead")
    migrate.set_defaults(run=lambda s, a: migrate_store(s, a.revision, down=a.down))

    seed = commands.add_parser("seed", help="load deterministic demo data into the store")
    seed.add_argument("--size", default="small", help="tiny | small | medium | large")
    seed.add_argument("--customers", type=int, help="override the size's customer count")
    seed.add_argument("--notes", type=int, help="override the size's note count")
    seed.add_argument("--seed", type=int, default=42, help="random seed (default: 42)")
    seed.add_argument("--reset", action="store_true", help="wipe native data first")
    seed.add_argument("--no-progress", action="store_true", help="no progress bars")
    seed.add_argument(
        "--no-reindex", action="store_true", help="do not rebuild the search index afterwards"
    )
    seed.set_defaults(run=lambda s, a: asyncio.run(_seed(s, a)))

    token = commands.add_parser("token", help="mint a development JWT")
    token.add_argument("--role", action="append", required=True, help="role (repeatable)")
    token.add_argument("--sub", required=True, help="subject, e.g. agent-7")
    token.add_argument("--branch", action="append", default=[], help="branch (repeatable)")
    token.add_argument("--partner", help="partner id (partner role)")
    token.add_argument("--customer", help="customer id (customer role)")
    token.add_argument("--ttl", type=int, default=8 * 3600, help="lifetime in seconds")
    token.add_argument("--name", help="display name claim (a new agent's, when provisioned)")
    token.add_argument("--email", help="e-mail claim (a new agent's, when provisioned)")
    token.set_defaults(run=_token)

    reindex = commands.add_parser(
        "reindex", help="rebuild the note search index into a new index, then swap the alias"
    )
    reindex.add_argument("--batch-size", type=int, help="notes per bulk request (default 2500)")
    reindex.set_defaults(run=lambda s, a: asyncio.run(_reindex(s, a.batch_size)))
    rotate = commands.add_parser(
        "rotate-keys",
        help="re-seal every encrypted note text under C360_ENCRYPTION_ACTIVE_KEY (while serving)",
    )
    rotate.add_argument("--batch-size", type=int, help="rows per transaction (default 500)")
    rotate.set_defaults(run=lambda s, a: asyncio.run(_rotate_keys(s, a.batch_size)))

    worker = commands.add_parser("worker", help="drain the search outbox until SIGINT/SIGTERM")
    worker.set_defaults(run=lambda s, a: asyncio.run(_worker(s)))

    dead = commands.add_parser(
        "search-dead-letters", help="list search-index dead letters, or --redrive them"
    )
    dead.add_argument("--redrive", action="store_true", help="put them back on the outbox")
    dead.set_defaults(run=lambda s, a: asyncio.run(_dead_letters(s, redrive=a.redrive)))


def migrate_store(settings: Settings, revision: str, *, down: bool) -> int:
    """Upgrade (or downgrade) the store to ``revision``."""
    from store.migrate import downgrade, upgrade

    if down:
        downgrade(settings, revision)
    else:
        upgrade(settings, revision)
    console.print(f"store at {'down to ' if down else ''}{revision}")
    return 0


async def seed_if_empty(settings: Settings) -> None:
    """Seed the small demo and build its index, unless the store holds data already."""
    from demo.seed import SIZES, StoreNotEmpty
    from gateway.jobs.seed import seed_store

    customers, notes = SIZES["small"]
    async with command_runtime(settings) as runtime:
        try:
            with progress_bars() as bars:
                await seed_store(runtime, customers=customers, notes=notes, progress=bars)
        except StoreNotEmpty:
            console.print("the store already holds data; not seeding it again")
            return
        # The bulk seed bypasses the outbox; build the search index from the notes once.
        await _rebuild_index(runtime, batch_size=None)


async def _seed(settings: Settings, args: argparse.Namespace) -> int:
    from demo.seed import SIZES, StoreNotEmpty
    from gateway.jobs.seed import seed_store

    if args.size not in SIZES:
        console.print(f"[red]unknown size {args.size!r}; choose one of {', '.join(SIZES)}[/]")
        return 2
    customers, notes = SIZES[args.size]
    async with command_runtime(settings) as runtime:
        try:
            with progress_bars(not args.no_progress) as bars:
                report = await seed_store(
                    runtime,
                    customers=args.customers or customers,
                    notes=args.notes if args.notes is not None else notes,
                    seed_value=args.seed,
                    reset=args.reset,
                    progress=bars,
                )
        except StoreNotEmpty as exc:
            console.print(f"[red]{exc}[/]")
            return 1
        table = Table("table", "rows", title=f"seeded in {report.seconds:.1f} s")
        for name, count in report.counts.items():
            table.add_row(name, f"{count:,}")
        console.print(table)
        console.print(f"notes: {report.notes_per_second:,.0f}/s")
        if not args.no_reindex:
            await _rebuild_index(runtime, batch_size=None)
    return 0


def _token(settings: Settings, args: argparse.Namespace) -> int:
    from gateway.auth import mint_token

    try:
        token = mint_token(
            settings,
            subject=args.sub,
            roles=args.role,
            branches=args.branch,
            partner=args.partner,
            customer=args.customer,
            ttl_seconds=args.ttl,
            name=args.name,
            email=args.email,
        )
    except ValueError as refusal:
        console.print(
            f"[red]{refusal}[/] (for the demo: C360_ENVIRONMENT=development, as scripts/run sets)"
        )
        return 2
    print(token)
    return 0


async def _reindex(settings: Settings, batch_size: int | None) -> int:
    async with command_runtime(settings) as runtime:
        await _rebuild_index(runtime, batch_size)
    return 0


async def _rotate_keys(settings: Settings, batch_size: int | None) -> int:
    from gateway.jobs.rotate_keys import rotate
    from store.key_rotation import DEFAULT_BATCH_SIZE

    try:
        async with command_runtime(settings) as runtime:
            with progress_bars() as bars:
                report = await rotate(
                    runtime, batch_size=batch_size or DEFAULT_BATCH_SIZE, progress=bars
                )
    except ValueError as refusal:
        console.print(f"[red]{refusal}[/]")
        return 2
    console.print(str(report))
    return 1 if report.failed else 0


async def _rebuild_index(runtime: Runtime, batch_size: int | None) -> None:
    from gateway.jobs.reindex import reindex
    from search.reindex import DEFAULT_BATCH_SIZE

    with progress_bars() as bars:
        report = await reindex(runtime, batch_size=batch_size or DEFAULT_BATCH_SIZE, progress=bars)
    console.print(str(report))


async def _worker(settings: Settings) -> int:
    from gateway.jobs.worker import run_worker

    console.print("search worker draining the outbox (Ctrl-C to stop)")
    async with command_runtime(settings) as runtime:
        await run_worker(runtime)
    return 0


async def _dead_letters(settings: Settings, *, redrive: bool) -> int:
    from gateway.jobs.dead_letters import dead_letters

    async with command_runtime(settings) as runtime:
        report = await dead_letters(runtime, redrive=redrive)
    table = Table("note", "version", "op", "failed at", "error", title="search dead letters")
    for letter in report.letters:
        error = (letter.error or "")[:80]
        table.add_row(
            letter.note_id, str(letter.note_version), letter.op, str(letter.failed_at), error
        )
    console.print(table)
    if report.requeued:
        console.print(f"re-queued {report.requeued} dead letters")
    console.print(f"outbox depth: {report.outbox_depth}")
    return 0
