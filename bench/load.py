"""Load benchmark-sized, generated data into PostgreSQL and OpenSearch, with progress bars.

One seed drives everything, so ids line up across systems:

- the CRM, OMS and billing databases the gateway reads (``<prefix>_crm``, ``_oms``,
  ``_billing``), filled by binary COPY;
- the helpdesk's and the marketplace's own stores (``<prefix>_helpdesk``,
  ``_marketplace``), which ``python -m demo.upstreams`` serves over HTTP;
- the native store (``<prefix>_store``), migrated and seeded by `demo.seed.seed`;
- the note search index in OpenSearch (alias ``<prefix>-notes``), rebuilt from the store by
  the ``reindex`` code path.

Orders are a target: each channel's per-customer draw is repeated ``order_rounds`` times,
chosen so customers x ~3.2 x rounds comes closest to it; the actual count is reported.

Without a PostgreSQL or OpenSearch URL a throwaway server is started for the run and dropped,
with everything in it, at exit: a measurement of the loader's throughput.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from rich.console import Console
from rich.table import Table

from bench.services import Services, drop_search_indexes, search_indexes, services
from core.settings import Settings
from datasources.config import UpstreamConfig
from demo.seed import seed
from demo.upstreams.data import ORDERS_PER_ROUND, UpstreamData
from demo.upstreams.databases import (
    DATABASES,
    SERVICE_DATABASES,
    build_databases,
    table_counts,
)
from demo.upstreams.serve import serve_service_databases, upstream_config
from devservices.postgres import (
    asyncpg_dsn,
    create_database,
    database_url,
    drop_database,
    is_postgres_url,
)
from gateway.cli import progress_bars
from gateway.jobs.reindex import reindex
from gateway.runtime import open_runtime
from search.mapping import alias_name
from store.db import create_engine
from store.migrate import async_upgrade

SIZES: dict[str, tuple[int, int, int]] = {
    "small": (200, 2_000, 2_000),
    "medium": (2_000, 20_000, 100_000),
    "large": (10_000, 100_000, 1_000_000),
}
"""Named sizes as (customers, target orders, notes)."""
TARGETS = ("store", *DATABASES, *SERVICE_DATABASES)
"""Every database a load fills, named ``<prefix>_<target>``."""
DEFAULT_PREFIX = "c360load"
HELPDESK_PORT, MARKETPLACE_PORT = 8101, 8102
# Lower case only: the prefix also names OpenSearch indexes, which must be lower case.
_PREFIX = re.compile(r"[a-z_][a-z0-9_]{0,39}")


class TargetNotEmpty(RuntimeError):
    """A target database or index already holds data and the load was not asked to reset."""


@dataclass(frozen=True, slots=True)
class LoadPlan:
    """How much to generate: customers, a target number of orders, notes, and the seed."""

    customers: int
    orders: int
    notes: int
    seed: int = 42

    @classmethod
    def sized(cls, size: str, *, seed: int = 42) -> LoadPlan:
        """The plan of a named size (``small``, ``medium``, ``large``)."""
        customers, orders, notes = SIZES[size]
        return cls(customers, orders, notes, seed)

    @property
    def order_rounds(self) -> int:
        """Order draws per customer and channel that come closest to the order target."""
        return max(1, round(self.orders / (self.customers * ORDERS_PER_ROUND)))


@dataclass(frozen=True, slots=True)
class Phase:
    """Rows one phase wrote and how long it took (generation included)."""

    rows: int
    seconds: float

    @property
    def rows_per_second(self) -> float:
        """Throughput of the phase."""
        return self.rows / self.seconds if self.seconds > 0 else float(self.rows)


@dataclass(frozen=True, slots=True)
class LoadReport:
    """Where a load put its data, how much, and how fast."""

    plan: LoadPlan
    order_rounds: int
    orders: int
    database_urls: dict[str, str]
    opensearch_url: str
    index_prefix: str
    counts: dict[str, dict[str, int]]
    phases: dict[str, Phase] = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        """Wall time of all phases."""
        return sum(phase.seconds for phase in self.phases.values())

    def gateway_settings(self, **overrides: Any) -> Settings:
        """Settings for a gateway on the loaded store and index (upstreams passed separately)."""
        values: dict[str, Any] = {
            # A benchmark, not a deployment: production would refuse to start without an
            # encryption key; test settings use the development key ring.
            "environment": "test",
            "database_url": self.database_urls["store"],
            "opensearch_url": self.opensearch_url,
            "opensearch_index_prefix": self.index_prefix,
            **overrides,
        }
        return Settings(**values)


def database_names(prefix: str) -> dict[str, str]:
    """The database name of each target for ``prefix``."""
    if not _PREFIX.fullmatch(prefix):
        raise ValueError(f"prefix must match {_PREFIX.pattern} (lower case): {prefix!r}")
    return {target: f"{prefix}_{target}" for target in TARGETS}


async def load(
    plan: LoadPlan,
    admin_dsn: str,
    opensearch_url: str,
    *,
    prefix: str = DEFAULT_PREFIX,
    reset: bool = False,
    progress: bool = True,
    console: Console | None = None,
) -> LoadReport:
    """Fill every target for ``plan``; raises `TargetNotEmpty` before writing anything."""
    log = console or Console(stderr=True, quiet=not progress)
    names = database_names(prefix)
    await _prepare(admin_dsn, opensearch_url, names, prefix, reset=reset)
    urls = {target: database_url(admin_dsn, name) for target, name in names.items()}
    data = UpstreamData(plan.seed, plan.customers, order_rounds=plan.order_rounds)
    counts: dict[str, dict[str, int]] = {}
    phases: dict[str, Phase] = {}

    for phase, group in (("upstreams", DATABASES), ("services", SERVICE_DATABASES)):
        started = time.perf_counter()
        with progress_bars(progress) as bars:
            await build_databases(data, urls, names=group, progress=bars)
        for name in group:
            await _vacuum(urls[name])
            counts[name] = table_counts(data, name)
        rows = sum(sum(counts[name].values()) for name in group)
        phases[phase] = Phase(rows, time.perf_counter() - started)
        log.print(f"{phase}: {rows:,} rows in {phases[phase].seconds:.1f} s")

    started = time.perf_counter()
    await async_upgrade(urls["store"])
    engine = create_engine(urls["store"])
    try:
        with progress_bars(progress) as bars:
            seeded = await seed(
                engine,
                customers=plan.customers,
                notes=plan.notes,
                seed=plan.seed,
                progress=bars,
                now=data.now,
            )
    finally:
        await engine.dispose()
    await _vacuum(urls["store"])
    counts["store"] = seeded.counts
    phases["store"] = Phase(sum(seeded.counts.values()), time.perf_counter() - started)
    log.print(f"store: {phases['store'].rows:,} rows in {phases['store'].seconds:.1f} s")

    settings = Settings(
        environment="test",
        database_url=urls["store"],
        opensearch_url=opensearch_url,
        opensearch_index_prefix=prefix,
    )
    started = time.perf_counter()
    with progress_bars(progress) as bars:
        async with open_runtime(settings) as runtime:
            indexed = await reindex(runtime, progress=bars)
    phases["search"] = Phase(indexed.notes, time.perf_counter() - started)
    counts["opensearch"] = {alias_name(prefix): indexed.notes}
    log.print(f"search: {indexed}")
    return LoadReport(
        plan=plan,
        order_rounds=plan.order_rounds,
        orders=data.order_count,
        database_urls=urls,
        opensearch_url=opensearch_url,
        index_prefix=prefix,
        counts=counts,
        phases=phases,
    )


async def drop_load(admin_dsn: str, opensearch_url: str, *, prefix: str) -> None:
    """Drop every database and index a load with ``prefix`` created (missing ones are fine)."""
    for name in database_names(prefix).values():
        await drop_database(admin_dsn, name)
    await drop_search_indexes(opensearch_url, prefix)


@contextlib.contextmanager
def serve_loaded(
    database_urls: Mapping[str, str], *, helpdesk_port: int = 0, marketplace_port: int = 0
) -> Iterator[UpstreamConfig]:
    """Serve the loaded helpdesk and marketplace in threads; yields the gateway's upstreams."""
    services = {name: database_urls[name] for name in SERVICE_DATABASES}
    with serve_service_databases(
        services, helpdesk_port=helpdesk_port, marketplace_port=marketplace_port
    ) as (helpdesk, marketplace):
        yield upstream_config(
            {name: database_urls[name] for name in DATABASES},
            helpdesk_url=helpdesk.url,
            marketplace_url=marketplace.url,
        )


async def _prepare(
    admin_dsn: str, opensearch_url: str, names: Mapping[str, str], prefix: str, *, reset: bool
) -> None:
    """Check every target first, then drop (with ``reset``) and create databases as needed."""
    admin = await asyncpg.connect(asyncpg_dsn(admin_dsn))
    try:
        rows = await admin.fetch(
            "SELECT datname FROM pg_database WHERE datname = ANY($1::text[])", list(names.values())
        )
    finally:
        await admin.close()
    existing = {str(row["datname"]) for row in rows}
    indexes = await search_indexes(opensearch_url, prefix)
    if not reset:
        occupied = [
            name
            for name in names.values()
            if name in existing and await _has_tables(database_url(admin_dsn, name))
        ]
        if occupied or indexes:
            what = ", ".join(
                [*(f"database {n}" for n in occupied), *(f"index {i}" for i in indexes)]
            )
            raise TargetNotEmpty(
                f"targets already hold data ({what}); pass --reset to drop and reload them"
            )
    else:
        await drop_search_indexes(opensearch_url, prefix)
    for name in names.values():
        if reset and name in existing:
            await drop_database(admin_dsn, name)
            existing.discard(name)
        if name not in existing:
            await create_database(admin_dsn, name)


async def _vacuum(url: str) -> None:
    """VACUUM (ANALYZE) a freshly loaded database.

    Without it the first reader (the reindex, or a benchmark's first queries) pays for
    setting every row's hint bits and plans without statistics: measured at 200k notes, the
    rebuild ran at ~2,400 notes/s straight after the seed and ~4,000 after a 2 s VACUUM.
    """
    connection = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await connection.execute("VACUUM (ANALYZE)")
    finally:
        await connection.close()


async def _has_tables(url: str) -> bool:
    connection = await asyncpg.connect(asyncpg_dsn(url))
    try:
        count = await connection.fetchval(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        )
    finally:
        await connection.close()
    return bool(count)


# --- command line ----------------------------------------------------------------------------

_EPILOG = f"""\
sizes (customers / target orders / notes):
  small   {"{:,} / {:,} / {:,}".format(*SIZES["small"])}
  medium  {"{:,} / {:,} / {:,}".format(*SIZES["medium"])}
  large   {"{:,} / {:,} / {:,}".format(*SIZES["large"])}

targets: databases <prefix>_store, _crm, _oms, _billing, _helpdesk, _marketplace on the
PostgreSQL server, and the index alias <prefix>-notes on OpenSearch. A target that already
holds data stops the load (exit 2) unless --reset drops and recreates it.

afterwards (with servers that outlive the run), --out holds upstreams.json and gateway.env:
  python -m demo.upstreams --helpdesk-db URL --marketplace-db URL   # serves the two services
  python -m gateway --env-file OUT/gateway.env serve               # the gateway on the data
(the exact commands are printed at the end of a run)

examples:
  python -m bench.load --size large                  # throwaway servers: a throughput figure
  python -m bench.load --size medium --database-url postgresql://postgres@127.0.0.1:5432/postgres \\
      --opensearch-url http://127.0.0.1:9200 --reset
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load",
        description=__doc__,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    size = parser.add_argument_group("how much")
    size.add_argument("--size", choices=sorted(SIZES), default="small", help="default: small")
    size.add_argument(
        "--customers", type=int, metavar="N", help="override the size's customer count"
    )
    size.add_argument(
        "--orders",
        type=int,
        metavar="N",
        help="override the size's order target (the actual count is printed)",
    )
    size.add_argument("--notes", type=int, metavar="N", help="override the size's note count")
    size.add_argument("--seed", type=int, default=42, help="random seed (default: 42)")
    where = parser.add_argument_group("where")
    where.add_argument(
        "--database-url",
        metavar="URL",
        default=os.environ.get("DATABASE_URL"),
        help="PostgreSQL admin URL, allowed to create databases (default: $DATABASE_URL; "
        "unset: a throwaway server for this run)",
    )
    where.add_argument(
        "--opensearch-url",
        metavar="URL",
        default=os.environ.get("OPENSEARCH_URL"),
        help="OpenSearch URL (default: $OPENSEARCH_URL; unset: a throwaway node for this run)",
    )
    where.add_argument(
        "--prefix",
        default=DEFAULT_PREFIX,
        help=f"names the databases <prefix>_<target> and the index (default: {DEFAULT_PREFIX})",
    )
    where.add_argument("--reset", action="store_true", help="drop and recreate existing targets")
    out = parser.add_argument_group("output")
    out.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        default=Path(".c360load"),
        help="where upstreams.json and gateway.env go (default: .c360load/ in the cwd)",
    )
    out.add_argument(
        "--helpdesk-port",
        type=int,
        metavar="PORT",
        default=HELPDESK_PORT,
        help="in upstreams.json (8101)",
    )
    out.add_argument(
        "--marketplace-port",
        type=int,
        metavar="PORT",
        default=MARKETPLACE_PORT,
        help="in upstreams.json (8102)",
    )
    out.add_argument("--no-progress", action="store_true", help="no progress bars (logs, CI)")
    return parser


@contextlib.contextmanager
def _servers(postgres: str | None, opensearch: str | None, console: Console) -> Iterator[Services]:
    for name, url, flag in (
        ("PostgreSQL", postgres, "--database-url / DATABASE_URL"),
        ("OpenSearch", opensearch, "--opensearch-url / OPENSEARCH_URL"),
    ):
        if url is None:
            console.print(
                f"[bold yellow]no {name} given ({flag}):[/] starting a throwaway server for "
                "this run; it is stopped and everything loaded into it is dropped at exit "
                "(useful as a loader-throughput measurement)"
            )
    with services(postgres=postgres, opensearch=opensearch, start=True) as servers:
        yield servers


def _write_outputs(report: LoadReport, args: argparse.Namespace) -> tuple[Path, Path]:
    args.out.mkdir(parents=True, exist_ok=True)
    upstreams = (args.out / "upstreams.json").resolve()
    config = upstream_config(
        {name: report.database_urls[name] for name in DATABASES},
        helpdesk_url=f"http://127.0.0.1:{args.helpdesk_port}",
        marketplace_url=f"http://127.0.0.1:{args.marketplace_port}",
    )
    upstreams.write_text(config.model_dump_json(indent=2) + "\n", encoding="utf-8")
    env = (args.out / "gateway.env").resolve()
    lines = {
        # A benchmark gateway on loopback with the development secret, asked for explicitly.
        "C360_ENVIRONMENT": "development",
        "C360_DATABASE_URL": report.database_urls["store"],
        "C360_OPENSEARCH_URL": report.opensearch_url,
        "C360_OPENSEARCH_INDEX_PREFIX": report.index_prefix,
        "C360_UPSTREAMS_FILE": str(upstreams),
    }
    env.write_text("".join(f"{k}={v}\n" for k, v in lines.items()), encoding="utf-8")
    return upstreams, env


def _summary(report: LoadReport, console: Console) -> None:
    rows = Table("target", "table", "rows", title="rows per target")
    for target, tables in report.counts.items():
        for name, count in tables.items():
            rows.add_row(target, name, f"{count:,}")
    console.print(rows)
    phases = Table("phase", "rows", "seconds", "rows/s", title="phases")
    for name, phase in report.phases.items():
        phases.add_row(
            name, f"{phase.rows:,}", f"{phase.seconds:.1f}", f"{phase.rows_per_second:,.0f}"
        )
    phases.add_row("total", f"{sum(p.rows for p in report.phases.values()):,}",
                   f"{report.seconds:.1f}", "")  # fmt: skip
    console.print(phases)
    console.print(
        f"orders: {report.orders:,} (target {report.plan.orders:,}, "
        f"order_rounds {report.order_rounds}); customers {report.plan.customers:,}; "
        f"notes {report.counts['store'].get('notes', 0):,}"
    )


def _next_steps(
    report: LoadReport, args: argparse.Namespace, throwaway: bool, console: Console
) -> None:
    upstreams, env = _write_outputs(report, args)
    ports = (args.helpdesk_port, args.marketplace_port)
    console.print(f"wrote {upstreams} and {env}", markup=False)
    if throwaway:
        console.print(
            "[yellow]the servers of this run are dropped now; load into servers given by URL "
            "to keep the data[/]"
        )
        return
    helpdesk, marketplace = (report.database_urls[name] for name in SERVICE_DATABASES)
    console.print("next steps:")
    console.print(
        f"  python -m demo.upstreams --helpdesk-db {helpdesk} --marketplace-db {marketplace} "
        f"--helpdesk-port {ports[0]} --marketplace-port {ports[1]}",
        markup=False,
    )
    # Environment variables win over an env file, so a DATABASE_URL left in the shell would
    # point the gateway at the admin database instead of the store.
    console.print(
        f"  env -u DATABASE_URL -u OPENSEARCH_URL python -m gateway --env-file {env} serve",
        markup=False,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, obtain servers, load, write the gateway's files; return the exit code."""
    args = _parser().parse_args(argv)
    console = Console(soft_wrap=True)
    customers, orders, notes = SIZES[args.size]
    plan = LoadPlan(
        customers=args.customers if args.customers is not None else customers,
        orders=args.orders if args.orders is not None else orders,
        notes=args.notes if args.notes is not None else notes,
        seed=args.seed,
    )
    problem = _check(args, plan)
    if problem:
        print(f"python -m bench.load: {problem}", file=sys.stderr)
        return 2
    console.print(
        f"plan: {plan.customers:,} customers, {plan.orders:,} orders targeted "
        f"(order_rounds {plan.order_rounds}), {plan.notes:,} notes, seed {plan.seed}"
    )
    started = time.perf_counter()
    throwaway = args.database_url is None or args.opensearch_url is None
    with _servers(args.database_url, args.opensearch_url, console) as servers:
        admin, search = servers.postgres_admin, servers.opensearch_url
        # Both are set: `services` starts whichever was not given.
        assert admin is not None
        assert search is not None
        try:
            report = asyncio.run(
                load(
                    plan,
                    admin,
                    search,
                    prefix=args.prefix,
                    reset=args.reset,
                    progress=not args.no_progress,
                    console=console,
                )
            )
        except TargetNotEmpty as exc:
            print(f"python -m bench.load: {exc}", file=sys.stderr)
            return 2
        except (OSError, asyncpg.PostgresError, httpx.HTTPError) as exc:
            # A server that is unreachable or refuses us: say which, without a traceback.
            first = (str(exc).splitlines() or [""])[0]
            print(f"python -m bench.load: {type(exc).__name__}: {first}", file=sys.stderr)
            return 1
        _summary(report, console)
        _next_steps(report, args, throwaway, console)
    console.print(f"done in {time.perf_counter() - started:.1f} s (servers included)")
    return 0


def _check(args: argparse.Namespace, plan: LoadPlan) -> str | None:
    if plan.customers < 1 or plan.orders < 0 or plan.notes < 0:
        return "--customers must be at least 1, --orders and --notes at least 0"
    if not _PREFIX.fullmatch(args.prefix):
        return f"--prefix must match {_PREFIX.pattern} (lower case), not {args.prefix!r}"
    if args.database_url is not None and not is_postgres_url(args.database_url):
        return f"--database-url / DATABASE_URL is not a PostgreSQL URL: {args.database_url!r}"
    return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
