"""`python -m gateway …`: serve, migrate, seed, token, sdl and the batch jobs.

The CLI builds the one Settings object (environment + optional ``--env-file``), opens one
runtime (gateway/runtime.py) per job and runs the job (gateway/jobs/) in it. It is the only
module that draws: jobs report through `core.progress.Progress`, shown here as rich bars.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
from collections.abc import AsyncIterator, Awaitable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress
from rich.table import Table

from core.progress import SILENT, Progress
from core.settings import Settings, load_settings

if TYPE_CHECKING:
    from datasources.config import UpstreamConfig
    from gateway.runtime import Runtime

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

# The demo store and the demo upstreams are generated from the same seed, so ids line up.
DEMO_SEED = 42

_console = Console(stderr=True)


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
    with RichProgress(*columns, TimeElapsedColumn(), console=_console) as bars:
        yield Bars(bars)


@contextlib.asynccontextmanager
async def _runtime(
    settings: Settings,
    upstream_config: UpstreamConfig | None = None,
    *,
    connect_upstreams: bool = False,
) -> AsyncIterator[Runtime]:
    """A runtime for one command: no policy (jobs decide no access), upstream clients only
    for the jobs that read them."""
    from gateway.runtime import open_runtime

    async with open_runtime(
        settings, upstream_config, connect_upstreams=connect_upstreams, load_policy=False
    ) as runtime:
        yield runtime


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m gateway", description=__doc__)
    parser.add_argument("--env-file", type=Path, help="read settings from this file too")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the gateway (GraphiQL at /graphql)")
    serve.add_argument("--host", help="bind address (default: settings, 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default: settings, 8000)")
    serve.add_argument(
        "--prepare",
        action="store_true",
        help="migrate the store and seed demo data if it is empty, then serve",
    )
    serve.add_argument(
        "--workers", type=int, help="gateway processes on the port (default: settings, 1)"
    )

    migrate = commands.add_parser("migrate", help="apply (or revert) store migrations")
    migrate.add_argument("--revision", default="head", help="target revision (default: head)")
    migrate.add_argument("--down", action="store_true", help="downgrade to --revision instead")

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

    token = commands.add_parser("token", help="mint a development JWT")
    token.add_argument("--role", action="append", required=True, help="role (repeatable)")
    token.add_argument("--sub", required=True, help="subject, e.g. agent-7")
    token.add_argument("--branch", action="append", default=[], help="branch (repeatable)")
    token.add_argument("--partner", help="partner id (partner role)")
    token.add_argument("--customer", help="customer id (customer role)")
    token.add_argument("--ttl", type=int, default=8 * 3600, help="lifetime in seconds")
    token.add_argument("--name", help="display name claim (a new agent's, when provisioned)")
    token.add_argument("--email", help="e-mail claim (a new agent's, when provisioned)")

    reindex = commands.add_parser(
        "reindex", help="rebuild the note search index into a new index, then swap the alias"
    )
    reindex.add_argument("--batch-size", type=int, help="notes per bulk request (default 2500)")

    commands.add_parser("worker", help="drain the search outbox until SIGINT/SIGTERM")

    dead = commands.add_parser(
        "search-dead-letters", help="list search-index dead letters, or --redrive them"
    )
    dead.add_argument("--redrive", action="store_true", help="put them back on the outbox")

    sync = commands.add_parser(
        "sync-customers", help="copy the CRM's customer directory into the store's references"
    )
    sync.add_argument("--no-progress", action="store_true", help="no progress output")
    agents = commands.add_parser(
        "sync-agents",
        help="copy the staff directory into the agent directory (changed rows; leavers off)",
    )
    agents.add_argument("--no-progress", action="store_true", help="no progress output")

    redrive = commands.add_parser(
        "redrive", help="replay failed order-intake payloads through the current mapping"
    )
    redrive.add_argument("--no-progress", action="store_true", help="no progress bars")
    scan = commands.add_parser(
        "intake-scan", help="read every customer's orders and record intake failures"
    )
    scan.add_argument("--no-progress", action="store_true", help="no progress bars")

    sdl = commands.add_parser("sdl", help="write schema/schema.graphql (or --check it)")
    sdl_mode = sdl.add_mutually_exclusive_group()
    sdl_mode.add_argument("--check", action="store_true", help="fail if the file is stale")
    sdl_mode.add_argument(
        "--breaking",
        action="store_true",
        help="fail on a breaking change against the v1 baseline (dangerous ones: warnings)",
    )
    sdl_mode.add_argument(
        "--baseline", action="store_true", help="rewrite the v1 baseline from the live schema"
    )
    sdl.add_argument(
        "--accept-breaking",
        action="store_true",
        help="with --baseline: rewrite it even though clients of the old one would break",
    )
    sdl.add_argument(
        "--baseline-file",
        type=Path,
        default=None,
        metavar="PATH",
        help="the baseline SDL (default: schema/v1.graphql)",
    )

    demo = commands.add_parser(
        "demo", help="fail or heal a demo upstream while `scripts/run` serves"
    )
    demo.add_argument("action", choices=("fail", "heal"))
    demo.add_argument(
        "services", nargs="*", metavar="SERVICE", help="helpdesk, marketplace (heal: default all)"
    )
    return parser


def _demo(settings: Settings, args: argparse.Namespace) -> int:
    from demo.upstreams.switch import SWITCHABLE, SwitchError, switch

    fail = args.action == "fail"
    if fail and not args.services:
        _console.print(f"[red]name a service to fail: {', '.join(SWITCHABLE)}[/]")
        return 2
    try:
        lines = switch(settings.demo_upstreams_dir, tuple(args.services or SWITCHABLE), fail=fail)
    except SwitchError as error:
        _console.print(f"[red]{error}[/]")
        return 2
    for line in lines:
        _console.print(line)
    return 0


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from gateway.app import create_app
    from gateway.logs import configure_logging
    from gateway.server import uvicorn_options

    try:
        settings.check_serving(args.host or settings.host)  # fail fast, naming the setting
    except ValueError as refusal:
        _console.print(f"[red]{refusal}[/]")
        return 2
    if args.prepare:
        _migrate(settings, "head", down=False)
        asyncio.run(_seed_if_empty(settings))
    host = args.host or settings.host
    port = args.port or settings.port
    workers = settings.workers if args.workers is None else args.workers
    if workers < 1:
        _console.print("[red]--workers must be at least 1[/]")
        return 2
    options = uvicorn_options(settings, workers=workers)  # head limit, shutdown, proxies
    with _upstreams(settings) as upstream_config:
        _console.print(f"[bold]Customer360 Gateway[/] on http://{host}:{port}/graphql")
        if workers == 1:
            app = create_app(settings, upstream_config)
            uvicorn.run(app, host=host, port=port, log_config=None, access_log=False, **options)
            return 0
        _hand_to_workers(settings, args.env_file, upstream_config)
        configure_logging(settings)  # the supervisor's own lines (workers, signals) as JSON too
        uvicorn.run(
            "gateway.app:create_app_from_env",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_config=None,
            access_log=False,
            **options,
        )
    return 0


def _hand_to_workers(
    settings: Settings, env_file: Path | None, upstream_config: UpstreamConfig | None
) -> None:
    """What each worker process needs beyond the environment it inherits: the --env-file,
    and the demo upstreams this process runs (written to the data directory as a file)."""
    from core.settings import ENV_FILE_VARIABLE
    from datasources.config import UpstreamConfig

    # Worker processes start from the environment (uvicorn spawns them), so that is the channel.
    if env_file is not None:
        os.environ[ENV_FILE_VARIABLE] = str(env_file.resolve())
    if settings.upstreams_file is None and upstream_config is not None:
        path = settings.data_dir / "demo-upstreams.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(upstream_config.model_dump_json(), encoding="utf-8")
        path.chmod(0o600)  # it carries the demo databases' connection strings
        UpstreamConfig.from_file(path)  # fail here, not in every worker
        os.environ["C360_UPSTREAMS_FILE"] = str(path)


@contextlib.contextmanager
def _upstreams(settings: Settings) -> Iterator[UpstreamConfig]:
    """The configured upstream systems, or the demo ones (run for the block) when none are."""
    if settings.upstreams_file is not None:
        from datasources.config import UpstreamConfig

        yield UpstreamConfig.from_file(settings.upstreams_file)
        return
    with _demo_upstreams(settings) as config:
        yield config


@contextlib.contextmanager
def _demo_upstreams(settings: Settings) -> Iterator[UpstreamConfig]:
    """Run the demo CRM/OMS/billing databases and helpdesk/marketplace services."""
    from demo.upstreams.serve import start_demo_upstreams

    customers = asyncio.run(_store_customer_count(settings)) or 200
    _console.print(f"demo upstreams for {customers} customers in {settings.demo_upstreams_dir}")
    with start_demo_upstreams(
        settings.demo_upstreams_dir, seed=DEMO_SEED, customers=customers
    ) as demo:
        yield demo.config


async def _store_customer_count(settings: Settings) -> int:
    from gateway.jobs.seed import customer_count

    async with _runtime(settings) as runtime:
        # 0 when not migrated yet: the demo upstreams get the default size.
        return await customer_count(runtime)


def _migrate(settings: Settings, revision: str, *, down: bool) -> int:
    from store.migrate import downgrade, upgrade

    if down:
        downgrade(settings, revision)
    else:
        upgrade(settings, revision)
    _console.print(f"store at {'down to ' if down else ''}{revision}")
    return 0


async def _seed_if_empty(settings: Settings) -> None:
    from demo.seed import SIZES, StoreNotEmpty
    from gateway.jobs.seed import seed_store

    customers, notes = SIZES["small"]
    async with _runtime(settings) as runtime:
        try:
            with progress_bars() as bars:
                await seed_store(runtime, customers=customers, notes=notes, progress=bars)
        except StoreNotEmpty:
            _console.print("the store already holds data; not seeding it again")
            return
        # The bulk seed bypasses the outbox; build the search index from the notes once.
        await _rebuild_index(runtime, batch_size=None)


async def _seed(settings: Settings, args: argparse.Namespace) -> int:
    from demo.seed import SIZES, StoreNotEmpty
    from gateway.jobs.seed import seed_store

    if args.size not in SIZES:
        _console.print(f"[red]unknown size {args.size!r}; choose one of {', '.join(SIZES)}[/]")
        return 2
    customers, notes = SIZES[args.size]
    async with _runtime(settings) as runtime:
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
            _console.print(f"[red]{exc}[/]")
            return 1
        table = Table("table", "rows", title=f"seeded in {report.seconds:.1f} s")
        for name, count in report.counts.items():
            table.add_row(name, f"{count:,}")
        _console.print(table)
        _console.print(f"notes: {report.notes_per_second:,.0f}/s")
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
        _console.print(
            f"[red]{refusal}[/] (for the demo: C360_ENVIRONMENT=development, as scripts/run sets)"
        )
        return 2
    print(token)
    return 0


async def _reindex(settings: Settings, batch_size: int | None) -> int:
    async with _runtime(settings) as runtime:
        await _rebuild_index(runtime, batch_size)
    return 0


async def _rebuild_index(runtime: Runtime, batch_size: int | None) -> None:
    from gateway.jobs.reindex import reindex
    from search.reindex import DEFAULT_BATCH_SIZE

    with progress_bars() as bars:
        report = await reindex(runtime, batch_size=batch_size or DEFAULT_BATCH_SIZE, progress=bars)
    _console.print(str(report))


async def _worker(settings: Settings) -> int:
    from gateway.jobs.worker import run_worker

    _console.print("search worker draining the outbox (Ctrl-C to stop)")
    async with _runtime(settings) as runtime:
        await run_worker(runtime)
    return 0


async def _dead_letters(settings: Settings, *, redrive: bool) -> int:
    from gateway.jobs.dead_letters import dead_letters

    async with _runtime(settings) as runtime:
        report = await dead_letters(runtime, redrive=redrive)
    table = Table("note", "version", "op", "failed at", "error", title="search dead letters")
    for letter in report.letters:
        error = (letter.error or "")[:80]
        table.add_row(
            letter.note_id, str(letter.note_version), letter.op, str(letter.failed_at), error
        )
    _console.print(table)
    if report.requeued:
        _console.print(f"re-queued {report.requeued} dead letters")
    _console.print(f"outbox depth: {report.outbox_depth}")
    return 0


async def _redrive(settings: Settings, *, progress: bool) -> int:
    from gateway.jobs.intake_redrive import redrive

    # The redrive replays stored payloads offline: the mapping, not the upstream clients.
    async with _runtime(settings) as runtime:
        with progress_bars(progress) as bars:
            report = await redrive(runtime, progress=bars)
    _console.print(
        f"redrive: {report.attempted} attempted, {report.resolved} resolved, "
        f"{report.still_failing} still failing"
    )
    return 0 if report.still_failing == 0 else 1


def _sync_customers(settings: Settings, *, progress: bool) -> int:
    from gateway.jobs.customer_sync import sync_customers

    report = _upstream_job(settings, sync_customers, progress)
    _console.print(str(report))
    return 0


def _sync_agents(settings: Settings, *, progress: bool) -> int:
    from gateway.jobs.agent_sync import NoStaffDirectory, sync_agents

    try:
        report = _upstream_job(settings, sync_agents, progress)
    except NoStaffDirectory as missing:
        _console.print(f"[red]{missing}[/]")
        return 2
    _console.print(str(report))
    return 0


def _intake_scan(settings: Settings, *, progress: bool) -> int:
    from gateway.jobs.intake_scan import scan

    report = _upstream_job(settings, scan, progress)
    _console.print(f"intake scan: {report.customers} customers, {report.failures} failures")
    return 0


class _UpstreamJob(Protocol[T_co]):
    def __call__(self, runtime: Runtime, *, progress: Progress) -> Awaitable[T_co]: ...


def _upstream_job(settings: Settings, job: _UpstreamJob[T], progress: bool) -> T:
    """Run a job that reads the upstreams: the configured ones, or the demo ones meanwhile."""

    async def run(config: UpstreamConfig, bars: Progress) -> T:
        async with _runtime(settings, config, connect_upstreams=True) as runtime:
            return await job(runtime, progress=bars)

    with _upstreams(settings) as config, progress_bars(progress) as bars:
        return asyncio.run(run(config, bars))


def _sdl(args: argparse.Namespace) -> int:
    from schema import SDL_PATH, render_sdl

    current = render_sdl()
    if args.breaking or args.baseline:
        return _sdl_baseline(
            current, args.baseline_file, write=args.baseline, accept=args.accept_breaking
        )
    if args.check:
        if not SDL_PATH.exists() or SDL_PATH.read_text() != current:
            _console.print(f"[red]{SDL_PATH} is stale: run `python -m gateway sdl`[/]")
            return 1
        return 0
    SDL_PATH.write_text(current)
    _console.print(f"wrote {SDL_PATH}")
    return 0


def _sdl_baseline(current: str, path: Path | None, *, write: bool, accept: bool) -> int:
    """Compare the live SDL with the v1 baseline; with `write`, make it the new baseline."""
    from schema.baseline import BASELINE_PATH, compare

    path = path or BASELINE_PATH
    if not path.exists() and not write:
        _console.print(f"[red]no baseline at {path}[/]: write one with `--baseline`")
        return 1
    baseline = path.read_text() if path.exists() else current
    changes = compare(baseline, current)
    for line in changes.dangerous:
        _console.print(f"[yellow]dangerous:[/] {line}", highlight=False, soft_wrap=True)
    for line in changes.breaking:
        _console.print(f"[red]breaking:[/] {line}", highlight=False, soft_wrap=True)
    if not write:
        if changes.breaking:
            _console.print(
                f"[red]{len(changes.breaking)} breaking change(s) against {path}[/]: "
                "keep the old fields (deprecate them), or rewrite the baseline on purpose "
                "with `python -m gateway sdl --baseline --accept-breaking` and a CHANGELOG entry"
            )
            return 1
        return 0
    if changes.breaking and not accept:
        _console.print("[red]not rewritten[/]: pass --accept-breaking to break these on purpose")
        return 1
    path.write_text(current)
    _console.print(f"wrote {path}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, build Settings once, run the command; return the exit code."""
    args = _parser().parse_args(argv)
    try:
        settings = load_settings(args.env_file)
    except ValueError as exc:
        _console.print(f"[red]invalid settings:[/] {exc}")
        return 2
    match args.command:
        case "serve":
            return _serve(settings, args)
        case "migrate":
            return _migrate(settings, args.revision, down=args.down)
        case "seed":
            return asyncio.run(_seed(settings, args))
        case "token":
            return _token(settings, args)
        case "sdl":
            return _sdl(args)
        case "demo":
            return _demo(settings, args)
        case "reindex":
            return asyncio.run(_reindex(settings, args.batch_size))
        case "worker":
            return asyncio.run(_worker(settings))
        case "sync-customers":
            return _sync_customers(settings, progress=not args.no_progress)
        case "sync-agents":
            return _sync_agents(settings, progress=not args.no_progress)
        case "redrive":
            return asyncio.run(_redrive(settings, progress=not args.no_progress))
        case "intake-scan":
            return _intake_scan(settings, progress=not args.no_progress)
        case "search-dead-letters":
            return asyncio.run(_dead_letters(settings, redrive=args.redrive))
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
