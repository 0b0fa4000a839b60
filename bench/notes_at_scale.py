"""Notes and reports at 10M notes: load the store once, time the pages and reports on it.

    python -m bench notes load --admin-dsn postgresql://postgres@host:port/postgres
    python -m bench notes time --admin-dsn … [--rounds 20]
    python -m bench notes drop --admin-dsn …

`load` writes bench.note_store's shape into the database DATABASE (kept between runs: a 10M
load takes many minutes); `time` measures, on that store, the notes page of the 100,000-note
customer through the in-process GraphQL path and noteReport over the last year from the
rollup and from the scan, printing medians and the EXPLAIN (ANALYZE, BUFFERS) of the page's
statements; `drop` drops the database.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from bench.note_store import Shape, load
from devservices.postgres import create_database, database_url, drop_database
from store.migrate import async_upgrade

DATABASE = "bench_notes_at_scale"
DEFAULT = Shape()


async def _load(admin_dsn: str, shape: Shape) -> None:
    await drop_database(admin_dsn, DATABASE)
    url = await create_database(admin_dsn, DATABASE)
    await async_upgrade(url)
    started = time.perf_counter()
    loaded = await load(url, shape)
    print(
        f"loaded {shape.notes:,} notes, {shape.customers:,} customers in "
        f"{time.perf_counter() - started:.0f} s: rows {loaded.rows_seconds:.0f} s, indexes "
        f"{loaded.index_seconds:.0f} s, rollup {loaded.rollup_seconds:.0f} s "
        f"({loaded.rollup_rows:,} rows), vacuum {loaded.vacuum_seconds:.0f} s"
    )


def main(argv: list[str] | None = None) -> int:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python -m bench notes", description=__doc__.splitlines()[0]
    )
    parser.add_argument("command", choices=("load", "time", "drop"))
    parser.add_argument("--admin-dsn", required=True)
    parser.add_argument("--customers", type=int, default=DEFAULT.customers)
    parser.add_argument("--notes", type=int, default=DEFAULT.notes)
    parser.add_argument("--big-notes", type=int, default=DEFAULT.big_notes)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument(
        "--no-scans", action="store_true", help="time noteReport from the rollup only"
    )
    args = parser.parse_args(argv)
    if args.command == "load":
        shape = Shape(customers=args.customers, notes=args.notes, big_notes=args.big_notes)
        asyncio.run(_load(args.admin_dsn, shape))
    elif args.command == "drop":
        asyncio.run(drop_database(args.admin_dsn, DATABASE))
    else:
        from bench.notes_timing import run

        url = database_url(args.admin_dsn, DATABASE)
        asyncio.run(run(url, args.rounds, scans=not args.no_scans))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
