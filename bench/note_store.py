"""A 10-million-note PostgreSQL store written by the server itself (no row crosses the wire).

The shape of a large company: 1,000,000 customers over 40 branches (one in four also sold
through one of 25 partners), 500 agents who write the notes of their own branch's customers,
notes spread over the two years before NOW with every type, category, scope, importance,
sentiment and urgency (one in ten not labelled), 2 % deleted, tags (`vip`, `renewal`,
`handoff`), and one key account, BIG_CUSTOMER, with 100,000 notes of its own. The notes'
secondary indexes and foreign-key checks are set aside while `INSERT … SELECT generate_series`
writes the rows (building an index once is far cheaper than growing it row by row), then
rebuilt, and the notes put in the order of their dates (CLUSTER), as a store written day after
day holds them; the rollup is recounted set-based (store.rollup.rebuild) and the tables
vacuumed so counts (and a branch's customer ids) read from the visibility map.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from store import rollup
from store.db import create_engine

NOW = datetime(2026, 11, 26, 5, 30, tzinfo=UTC)
START = NOW - timedelta(days=730)
BIG_CUSTOMER = "c-0"
BRANCHES, PARTNERS, AGENTS = 40, 25, 500


@dataclass(frozen=True, slots=True)
class Shape:
    """How big the generated store is."""

    customers: int = 1_000_000
    notes: int = 10_000_000
    big_notes: int = 100_000
    chunks: int = 10


DIRECTORY = (
    "INSERT INTO branches SELECT 'br-' || i, 'Branch ' || i FROM generate_series(0, 39) i",
    "INSERT INTO partners SELECT 'pa-' || i, 'Partner ' || i FROM generate_series(0, 24) i",
    "INSERT INTO agents (id, name, email, role, branch_id, created_at) SELECT 'ag-' || i, "
    "'Agent ' || i, 'ag-' || i || '@example.com', 'sales', 'br-' || (i % 40), now() "
    "FROM generate_series(0, 499) i",
    "INSERT INTO customers (id, name, branch_id, partner_id, created_at) SELECT 'c-' || i, "
    "'Customer ' || i, 'br-' || (i % 40), CASE WHEN i % 4 = 1 THEN 'pa-' || (i % 25) END, "
    "now() FROM generate_series(0, CAST(:customers AS integer) - 1) i",
)
# The note of series number i: its id sorts with i (ids written in index order); the key
# account takes the first `big` numbers, the others fall on customers 1 … customers-1.
NOTES = (
    "INSERT INTO notes (id, customer_id, author_id, subject, body, category, type, scope, "
    "importance, pinned, sentiment, urgency, created_at, updated_at, deleted_at) "
    "SELECT '00000000-0000-4000-8000-' || lpad(i::text, 12, '0'), 'c-' || c, "
    "'ag-' || (c % 40 + 40 * (i % 12)), "
    "'Note ' || i, 'Body of note ' || i, "
    "(ARRAY['general','support','sales','personal'])[1 + i % 4], "
    "(ARRAY['interaction_log','escalation','follow_up','resolution','supervisor','technical',"
    "'sentiment'])[1 + (i / 3) % 7], "
    "(ARRAY['internal','sales','branch','support','finance','fulfillment','restricted',"
    "'customer'])[1 + (i / 11) % 8], "
    "(ARRAY['low','normal','normal','high','critical'])[1 + (i / 5) % 5], i % 997 = 0, "
    # Labels as the classifier leaves them: one note in ten not labelled yet.
    "CASE WHEN i % 10 <> 9 THEN (ARRAY['negative','neutral','positive'])[1 + (i / 13) % 3] END, "
    "CASE WHEN i % 10 <> 9 THEN (ARRAY['low','normal','high','critical'])[1 + (i / 17) % 4] END, "
    "ts, ts, CASE WHEN i % 50 = 0 THEN ts END "
    "FROM (SELECT i, CASE WHEN i <= CAST(:big AS integer) THEN 0 "
    "ELSE 1 + (i::bigint * 7919) % (CAST(:customers AS integer) - 1) END AS c, "
    "CAST(:start AS timestamptz) "
    "+ ((i::bigint * 104729) % (730 * 86400)) * interval '1 second' AS ts "
    "FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) i) s"
)
TAGS = (
    "INSERT INTO note_tags SELECT '00000000-0000-4000-8000-' || lpad(i::text, 12, '0'), tag "
    "FROM generate_series("
    "CAST(:first AS integer), CAST(:last AS integer)) i, "
    "LATERAL (SELECT 'vip' AS tag WHERE i % 5 = 0 UNION ALL SELECT 'renewal' WHERE i % 10 = 3 "
    "UNION ALL SELECT 'handoff' WHERE i % 7 = 0) t"
)
# Secondary indexes set aside while loading (primary keys stay: ids arrive in order).
_INDEXES = (
    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('notes', 'note_tags') "
    "AND indexname NOT IN (SELECT conname FROM pg_constraint)"
)


@dataclass(frozen=True, slots=True)
class Loaded:
    """Seconds each phase of a load took, and the rollup's rows."""

    rows_seconds: float
    index_seconds: float
    rollup_seconds: float
    rollup_rows: int
    vacuum_seconds: float


async def load(url: str, shape: Shape, say: Callable[[str], None] = print) -> Loaded:
    """Write the generated store into the (migrated, empty) database at `url`."""
    engine = create_engine(url)
    params = {"customers": shape.customers, "big": shape.big_notes, "start": START}
    try:
        started = time.perf_counter()
        async with engine.begin() as connection:
            await connection.execute(text("SET LOCAL session_replication_role = replica"))
            for statement in DIRECTORY:
                await connection.execute(text(statement), params)
            indexes = list((await connection.execute(text(_INDEXES))).all())
            for name, _ in indexes:
                await connection.execute(text(f'DROP INDEX "{name}"'))
        step = -(-shape.notes // shape.chunks)
        for first in range(1, shape.notes + 1, step):
            last = min(first + step - 1, shape.notes)
            async with engine.begin() as connection:
                await connection.execute(text("SET LOCAL session_replication_role = replica"))
                await _chunk(connection, params | {"first": first, "last": last})
            say(f"  notes {last:,} / {shape.notes:,} ({time.perf_counter() - started:.0f} s)")
        rows = time.perf_counter() - started
        async with engine.begin() as connection:
            await connection.execute(text("SET LOCAL maintenance_work_mem = '512MB'"))
            for _, definition in indexes:
                await connection.execute(text(definition))
            # A store written over two years holds its notes in the order they were written;
            # the series wrote them in id order (random times): put them back in time order.
            await connection.execute(text("CLUSTER notes USING ix_notes_created_at"))
        indexed = time.perf_counter() - started - rows
        say(f"  indexes rebuilt, notes in date order ({indexed:.0f} s)")
        async with engine.begin() as connection:
            written = await rollup.rebuild(connection)
        counted = time.perf_counter() - started - rows - indexed
        say(f"  rollup: {written:,} rows ({counted:.0f} s)")
        async with engine.connect() as connection:
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await autocommit.execute(
                text("VACUUM (ANALYZE) customers, notes, note_tags, note_rollups")
            )
            await autocommit.execute(text("ANALYZE"))
        vacuumed = time.perf_counter() - started - rows - indexed - counted
        return Loaded(rows, indexed, counted, written, vacuumed)
    finally:
        await engine.dispose()


async def _chunk(connection: AsyncConnection, params: dict[str, object]) -> None:
    await connection.execute(text(NOTES), params)
    await connection.execute(text(TAGS), params)
