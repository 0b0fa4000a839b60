"""The demo generator is deterministic and the seed loads exactly the requested size."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from demo.distributions import HISTORY
from demo.generator import DemoData
from demo.seed import SIZES, SeedReport, StoreNotEmpty, seed
from store.enums import NoteCategory, NoteType, Scope
from store.models import AuditLog, Base, Customer, Note
from tests.fixtures.progress import RecordedProgress

NOW = datetime(2026, 1, 1, tzinfo=UTC)
CUSTOMERS, NOTES = 40, 600


def digest(rows: list[tuple[object, ...]]) -> str:
    """A stable fingerprint of note rows (id, customer, author, subject, scope, created_at)."""
    hasher = hashlib.sha256()
    for row in sorted(rows, key=lambda r: str(r[0])):
        hasher.update(repr(tuple(str(value) for value in row)).encode())
    return hasher.hexdigest()


def generated_digest(data: DemoData) -> str:
    """The fingerprint of the notes a generator produces."""
    keys = ("id", "customer_id", "author_id", "subject", "scope", "created_at")
    return digest([tuple(bundle.note[key] for key in keys) for bundle in data.notes()])


async def stored_digest(engine: AsyncEngine) -> str:
    """The fingerprint of the notes in the store."""
    columns = (Note.id, Note.customer_id, Note.author_id, Note.subject, Note.scope)
    async with engine.connect() as connection:
        result = await connection.execute(select(*columns, Note.created_at))
        return digest([tuple(row) for row in result])


async def table_counts(engine: AsyncEngine) -> dict[str, int]:
    """Rows per table in the store."""
    async with engine.connect() as connection:
        return {
            table.name: int(await connection.scalar(select(func.count()).select_from(table)) or 0)
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture(scope="module")
async def seeded(engine: AsyncEngine) -> SeedReport:
    """The module's store, seeded once with a small demo."""
    return await seed(engine, customers=CUSTOMERS, notes=NOTES, now=NOW)


def test_same_seed_generates_the_same_data() -> None:
    first = DemoData(customers=CUSTOMERS, notes=NOTES, seed=7, now=NOW)
    second = DemoData(customers=CUSTOMERS, notes=NOTES, seed=7, now=NOW)
    other = DemoData(customers=CUSTOMERS, notes=NOTES, seed=8, now=NOW)

    assert generated_digest(first) == generated_digest(second)
    assert first.customers == second.customers
    assert [b.interaction for b in first.interactions()] == [
        b.interaction for b in second.interactions()
    ]
    assert generated_digest(first) != generated_digest(other)


def test_generated_notes_cover_every_scope_type_and_category() -> None:
    notes = [bundle.note for bundle in DemoData(customers=20, notes=2_000, now=NOW).notes()]

    assert {note["scope"] for note in notes} == set(Scope)
    assert {note["type"] for note in notes} == set(NoteType)
    assert {note["category"] for note in notes} == set(NoteCategory)
    assert all(NOW - HISTORY <= note["created_at"] <= NOW for note in notes)


def test_named_sizes() -> None:
    assert SIZES["small"] == (200, 2_000)
    assert SIZES["medium"] == (2_000, 50_000)
    assert SIZES["large"] == (10_000, 1_000_000)


async def test_seed_loads_the_requested_size(engine: AsyncEngine, seeded: SeedReport) -> None:
    counts = await table_counts(engine)

    assert counts["customers"] == CUSTOMERS
    assert counts["notes"] == NOTES
    assert {name: n for name, n in counts.items() if n} == seeded.counts
    assert counts["search_outbox"] == 0  # reindex builds the index from the notes table


async def test_seed_stores_what_the_generator_generates(
    engine: AsyncEngine, seeded: SeedReport
) -> None:
    expected = generated_digest(DemoData(customers=CUSTOMERS, notes=NOTES, now=NOW))

    assert await stored_digest(engine) == expected


async def test_seeding_a_non_empty_store_is_refused(
    engine: AsyncEngine, seeded: SeedReport
) -> None:
    with pytest.raises(StoreNotEmpty, match="reset"):
        await seed(engine, customers=CUSTOMERS, notes=NOTES, now=NOW)

    assert (await table_counts(engine))["notes"] == NOTES


async def test_reset_reseeds_identically_and_keeps_the_audit_log(
    engine: AsyncEngine, seeded: SeedReport
) -> None:
    before = await stored_digest(engine)
    async with engine.begin() as connection:
        await connection.execute(insert(AuditLog), [{"actor": "agent-1", "action": "note.create"}])

    progress = RecordedProgress()
    report = await seed(
        engine, customers=CUSTOMERS, notes=NOTES, progress=progress, reset=True, now=NOW
    )

    assert report.counts == seeded.counts
    written = {table: rows for table, rows in progress.done.items() if rows}
    assert written == report.counts, "one progress task per table, advanced by its rows"
    assert progress.totals["notes"] == NOTES
    assert sorted(progress.finished) == sorted(progress.done)
    assert await stored_digest(engine) == before
    async with engine.connect() as connection:
        assert await connection.scalar(select(func.count()).select_from(AuditLog)) == 1
        assert await connection.scalar(select(func.count()).select_from(Customer)) == CUSTOMERS


def test_the_roster_has_an_owner_and_an_executive_who_author_nothing() -> None:
    data = DemoData(customers=CUSTOMERS, notes=NOTES, now=NOW)
    roles = {agent["id"]: agent["role"] for agent in data.agents}
    # After the 7 core and the 12 branch agents, so every other agent keeps its id.
    assert (roles["agent-20"], roles["agent-21"]) == ("owner", "executive")
    assert roles["agent-8"] == "sales"
    leaders = {"agent-20", "agent-21"}
    assert not leaders & {bundle.note["author_id"] for bundle in data.notes()}
    assert not leaders & {tag["created_by"] for tag in data.customer_tags()}
