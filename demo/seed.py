"""Bulk-load the demo data set into the native store, one table batch at a time.

Batches go in by binary COPY on PostgreSQL and by Core ``insert()`` executemany on SQLite
(see demo/bulk.py); on PostgreSQL the next batch is generated while the last one is written.
The whole seed is one transaction: it lands completely or not at all. It does not enqueue
search-outbox rows; the ``reindex`` command builds the index from the notes table afterwards.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncGenerator, Iterator
from contextlib import aclosing
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from sqlalchemy import Table, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from core.progress import SILENT, Progress
from demo import reference
from demo.bulk import BulkWriter, CopyWriter, writer_for
from demo.generator import DemoData, Row
from demo.labelling import labelled
from store import rollup
from store.models import (
    Agent,
    AuditLog,
    Base,
    Branch,
    ChoiceOption,
    ControlledTag,
    Customer,
    CustomerAssignment,
    CustomerTag,
    FollowUp,
    Interaction,
    Note,
    NoteRevision,
    NoteTag,
    Partner,
    RequiredField,
    RiskFlag,
)

SIZES: dict[str, tuple[int, int]] = {
    "tiny": (20, 200),
    "small": (200, 2_000),
    "medium": (2_000, 50_000),
    "large": (10_000, 1_000_000),
}
"""Named demo sizes as (customers, notes)."""

T = TypeVar("T")

BATCH_SIZE = 5_000
"""Rows per write; large enough to amortise round trips, small enough to stream."""


class StoreNotEmpty(RuntimeError):
    """The store already holds customers and the seed was not asked to reset it."""


@dataclass(frozen=True, slots=True)
class SeedReport:
    """What a seed wrote and how fast."""

    counts: dict[str, int]
    seconds: float
    note_seconds: float = field(default=0.0)

    @property
    def notes_per_second(self) -> float:
        """Notes (with their tags, edits and follow-ups) written per second of note loading."""
        return self.counts.get("notes", 0) / self.note_seconds if self.note_seconds else 0.0


async def seed(
    engine: AsyncEngine,
    *,
    customers: int,
    notes: int,
    seed: int = 42,
    progress: Progress = SILENT,
    reset: bool = False,
    now: datetime | None = None,
    batch_size: int = BATCH_SIZE,
) -> SeedReport:
    """Load a deterministic demo data set; refuses a non-empty store unless `reset`.

    `reset` deletes the native data first, except the audit log: it is append-only by design
    (its triggers reject DELETE), so earlier audit rows stay and simply mention old demo ids.
    `now` anchors the generated dates (default: today at midnight UTC). `progress` gets one
    task per table, advanced by its rows.
    """
    data = DemoData(customers=customers, notes=notes, seed=seed, now=now)
    started = time.perf_counter()
    async with engine.begin() as connection:
        await _check_empty(connection, reset=reset)
        if reset:
            await _delete_native_data(connection)
        loader = _Loader(writer_for(connection), progress, batch_size)
        await _load(loader, data)
        # The bulk load bypasses the note writes that keep the report rollup current.
        loader.counted("note_rollups", await rollup.rebuild(connection))
        loader.finish()
    return SeedReport(
        counts=loader.counts,
        seconds=time.perf_counter() - started,
        note_seconds=loader.note_seconds,
    )


async def _load(loader: _Loader, data: DemoData) -> None:
    await loader.insert(Branch, reference.branches())
    await loader.insert(Partner, reference.partners())
    await loader.insert(ControlledTag, reference.controlled_tags())
    await loader.insert(ChoiceOption, reference.choice_options())
    await loader.insert(RequiredField, reference.required_fields())
    await loader.insert(Agent, data.agents)
    await loader.insert(Customer, data.customers)
    await loader.insert(CustomerAssignment, data.customer_assignments())
    await loader.insert(CustomerTag, data.customer_tags())
    await loader.insert(RiskFlag, data.risk_flags())

    loader.expect(Interaction, data.interaction_count)
    interactions = _prefetched(data.interactions(), loader.batch_size, loader.threaded)
    async with aclosing(interactions):
        async for chunk in interactions:
            await loader.insert(Interaction, [labelled(b.interaction, "detail") for b in chunk])
            await loader.insert(FollowUp, [b.follow_up for b in chunk if b.follow_up])

    loader.expect(Note, data.note_count)
    notes_started = time.perf_counter()
    notes = _prefetched(data.notes(), loader.batch_size, loader.threaded)
    async with aclosing(notes):
        async for batch in notes:
            # Parents first within each batch, so foreign keys hold statement by statement.
            await loader.insert(Note, [labelled(b.note, "body") for b in batch])
            await loader.insert(NoteTag, [t for b in batch for t in b.tags])
            await loader.insert(NoteRevision, [r for b in batch for r in b.revisions])
            await loader.insert(FollowUp, [b.follow_up for b in batch if b.follow_up])
    loader.note_seconds = time.perf_counter() - notes_started


class _Loader:
    """Inserts rows per table in batches, counting them and advancing one task per table."""

    def __init__(self, writer: BulkWriter, progress: Progress, batch_size: int) -> None:
        self.writer = writer
        self.threaded = isinstance(writer, CopyWriter)
        self.progress = progress
        self.batch_size = batch_size
        self.counts: dict[str, int] = {}
        self.note_seconds = 0.0
        self._started: set[str] = set()

    def expect(self, model: type[Base], total: int) -> None:
        """Give a table's task its total before streaming into it."""
        name = _table(model).name
        self._started.add(name)
        self.progress.start(name, total)

    async def insert(self, model: type[Base], rows: list[Row]) -> None:
        """Insert `rows` into the model's table, `batch_size` at a time."""
        table = _table(model)
        if table.name not in self._started:
            self._started.add(table.name)
            self.progress.start(table.name)
        for start in range(0, len(rows), self.batch_size):
            batch = rows[start : start + self.batch_size]
            await self.writer.write(table, batch)
            self.counts[table.name] = self.counts.get(table.name, 0) + len(batch)
            self.progress.advance(table.name, len(batch))

    def counted(self, name: str, rows: int) -> None:
        """Record `rows` written into table `name` by other means than `insert`."""
        self._started.add(name)
        self.progress.start(name, rows)
        self.progress.advance(name, rows)
        self.counts[name] = rows

    def finish(self) -> None:
        """Every table is loaded."""
        for name in self._started:
            self.progress.finish(name)


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


async def _prefetched(items: Iterator[T], size: int, threaded: bool) -> AsyncGenerator[list[T]]:
    """Batches of `items`; when `threaded`, the next is drawn in a thread during this one's write.

    Worth it on PostgreSQL, where the server does the writing; with SQLite the driver's own
    thread competes with the generator for the GIL and it measured slower.
    """
    if not threaded:
        while chunk := _take(items, size):
            yield chunk
        return
    pending = asyncio.ensure_future(asyncio.to_thread(_take, items, size))
    try:
        while chunk := await pending:
            pending = asyncio.ensure_future(asyncio.to_thread(_take, items, size))
            yield chunk
    finally:
        # The generator is not thread-safe: never leave a draw running when the caller stops.
        if not pending.done():
            await asyncio.wait([pending])


def _take(items: Iterator[T], size: int) -> list[T]:
    return list(itertools.islice(items, size))


async def _check_empty(connection: AsyncConnection, *, reset: bool) -> None:
    existing = await connection.scalar(select(func.count()).select_from(Customer))
    if existing and not reset:
        raise StoreNotEmpty(
            f"the store already holds {existing} customers; seeding again would duplicate or "
            "clash with them. Reset it first (seed(..., reset=True), or `seed-demo --reset`)."
        )


async def _delete_native_data(connection: AsyncConnection) -> None:
    for table in reversed(Base.metadata.sorted_tables):
        if table.name != _table(AuditLog).name:
            await connection.execute(table.delete())
