"""noteReport over a year at scale: the scan of the readable notes against the rollup.

`python -m bench.report_scale --admin-dsn postgresql+asyncpg://… [--notes 1000000]`

Loads a scratch PostgreSQL store with generate_series (by default 40 branches, 25 partners
and 500 agents; `--branches`, `--partners`, `--agents` change them; 100,000 customers,
`--notes` notes over two years with tags and some deletions), recounts the rollup as
`rebuild-rollups` does, then times noteReport(TYPE / AGENT / DAY) over the last year for a
manager (every customer), a branch caller and a sales caller (some scopes), once by scanning
the notes (the code before the rollup) and once from the rollup. The rollup pays where many
notes share a day or month and its keys (branch, scope, type …): few branches and agents,
many notes.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from datetime import UTC, datetime, timedelta
from unittest import mock

from sqlalchemy import text

from bench.services import scratch_database
from core.settings import REPO_ROOT
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from store import rollup, rollup_reads
from store.db import create_engine, session_factory
from store.note_reads import NoteFilter
from store.pagination import PageRequest
from store.reports import NoteGroup, ReportWindow, note_report

CUSTOMERS = 100_000
NOW = datetime(2026, 11, 26, 5, 30, tzinfo=UTC)
START = NOW - timedelta(days=730)
LOAD = (
    "INSERT INTO branches SELECT 'br-' || i, 'Branch ' || i "
    "FROM generate_series(0, CAST(:branches AS integer) - 1) i",
    "INSERT INTO partners SELECT 'pa-' || i, 'Partner ' || i "
    "FROM generate_series(0, CAST(:partners AS integer) - 1) i",
    "INSERT INTO agents (id, name, email, role, branch_id, created_at) SELECT 'ag-' || i, "
    "'Agent ' || i, 'ag-' || i || '@example.com', 'sales', "
    "'br-' || (i % CAST(:branches AS integer)), now() "
    "FROM generate_series(0, CAST(:agents AS integer) - 1) i",
    "INSERT INTO customers (id, name, branch_id, partner_id, created_at) SELECT 'c-' || i, "
    "'Customer ' || i, 'br-' || (i % CAST(:branches AS integer)), "
    "CASE WHEN i % 4 = 0 THEN 'pa-' || (i % CAST(:partners AS integer)) END, now() "
    "FROM generate_series(0, CAST(:customers AS integer) - 1) i",
    "INSERT INTO notes (id, customer_id, author_id, subject, body, category, type, scope, "
    "created_at, updated_at, deleted_at) SELECT md5('n' || i)::uuid::text, "
    "'c-' || ((i::bigint * 7919) % CAST(:customers AS integer)), "
    "'ag-' || (i % CAST(:agents AS integer)), 's', 'b', "
    "(ARRAY['general','support','sales','personal'])[1 + i % 4], "
    "(ARRAY['interaction_log','escalation','follow_up','resolution','supervisor','technical',"
    "'sentiment'])[1 + (i / 3) % 7], "
    "(ARRAY['internal','sales','branch','support','finance','fulfillment','restricted',"
    "'customer'])[1 + (i / 11) % 8], "
    "ts, ts, CASE WHEN i % 50 = 0 THEN ts END "
    "FROM (SELECT i, CAST(:start AS timestamptz) "
    "+ ((i::bigint * 104729) % (730 * 86400)) * interval '1 second' AS ts "
    "FROM generate_series(1, CAST(:notes AS integer)) i) s",
    "INSERT INTO note_tags SELECT id, 'vip' FROM notes WHERE abs(hashtext(id)) % 5 = 0",
    "INSERT INTO note_tags SELECT id, 'handoff' FROM notes WHERE abs(hashtext(id)) % 7 = 0",
    "ANALYZE",
)
CALLERS = {
    "manager": Principal("ag-0", ("manager",)),
    "branch": Principal("ag-1", ("branch",), branches=("br-1", "br-2")),
    "sales": Principal("ag-2", ("sales",)),
}
GROUPS = (NoteGroup.TYPE, NoteGroup.AGENT, NoteGroup.DAY)


async def load(url: str, notes: int, shape: dict[str, int]) -> None:
    """The generated store, then the rollup recounted from it."""
    engine = create_engine(url)
    try:
        started = time.perf_counter()
        async with engine.begin() as connection:
            for statement in LOAD:
                await connection.execute(
                    text(statement),
                    {"start": START, "notes": notes, "customers": CUSTOMERS, **shape},
                )
        loaded = time.perf_counter() - started
        async with engine.begin() as connection:
            rows = await rollup.rebuild(connection)
        async with engine.connect() as connection:
            await connection.execute(text("ANALYZE note_rollups"))
        print(
            f"loaded {notes:,} notes in {loaded:.0f} s; rollup: {rows:,} rows in "
            f"{time.perf_counter() - started - loaded:.0f} s"
        )
    finally:
        await engine.dispose()


async def timed(url: str, rounds: int) -> list[tuple[str, str, float, float, int]]:
    """(caller, group, scan ms, rollup ms, groups) for each caller and group, medians."""
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    engine = create_engine(url)
    sessions = session_factory(engine)
    window = ReportWindow(NOW - timedelta(days=365), NOW)
    results = []
    try:
        for name, principal in CALLERS.items():
            view = policy.compile(principal)
            for group in GROUPS:
                medians = []
                for scan in (True, False):
                    samples = []
                    for _ in range(rounds):
                        with (
                            mock.patch.object(rollup_reads, "answerable", return_value=False)
                            if scan
                            else mock.patch.object(rollup_reads, "cut", rollup_reads.cut)
                        ):
                            async with sessions() as session:
                                started = time.perf_counter()
                                page = await note_report(
                                    session,
                                    view,
                                    group,
                                    window,
                                    NoteFilter(),
                                    PageRequest(size=100),
                                )
                                samples.append((time.perf_counter() - started) * 1000)
                    medians.append(statistics.median(samples))
                results.append((name, group.value, medians[0], medians[1], page.total_count or 0))
    finally:
        await engine.dispose()
    return results


async def main(admin_dsn: str, notes: int, rounds: int, shape: dict[str, int]) -> None:
    """Load, time, print the scan and rollup medians side by side."""
    async with scratch_database(admin_dsn, "reports") as url:
        await load(url, notes, shape)
        results = await timed(url, rounds)
    print(
        f"noteReport over the last year, {notes:,} notes over two years, {shape} "
        f"(median of {rounds})"
    )
    print(f"{'caller':<8} {'group':<6} {'groups':>6} {'scan ms':>9} {'rollup ms':>10} {'ratio':>7}")
    for name, group, scan, summed, groups in results:
        print(
            f"{name:<8} {group:<6} {groups:>6} {scan:>9.1f} {summed:>10.1f} {scan / summed:>7.1f}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin-dsn", required=True)
    parser.add_argument("--notes", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--branches", type=int, default=40)
    parser.add_argument("--partners", type=int, default=25)
    parser.add_argument("--agents", type=int, default=500)
    args = parser.parse_args()
    shape = {"branches": args.branches, "partners": args.partners, "agents": args.agents}
    asyncio.run(main(args.admin_dsn, args.notes, args.rounds, shape))
