"""The indexer: outbox → index, fresh within a second, idempotent, retried, dead-lettered.

Runs on both stores (SQLite, PostgreSQL) and both backends (embedded, OpenSearch).
"""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, select, update

from search.backend import SearchBackend, WriteOutcome, WriteStatus
from search.dead_letters import dead_letters, outbox_depth, redrive
from search.documents import NoteDocument
from search.indexer import Indexer, IndexerOptions
from search.worker import indexing_in_background
from store.enums import OutboxOp
from store.models import Customer, Note, SearchDeadLetter, SearchOutbox
from store.note_drafts import NotePatch
from store.notes import update_note
from store.write_context import WriteContext, transaction
from tests.fixtures.seeded import SeededStore
from tests.search.helpers import admin_view, enqueue, found, remove_note, wait_until, write_note

FAST = IndexerOptions(poll_seconds=0.05, retry_base_seconds=0.0, outage_max_seconds=0.2)


def _unique(word: str) -> str:
    # Both stores feed the module's one backend, so every test word is unique.
    return f"{word}{uuid.uuid4().hex[:8]}"


async def _customer(store: SeededStore) -> str:
    async with store.sessions() as session:
        customer = await session.scalar(select(Customer.id).order_by(Customer.id).limit(1))
    assert customer is not None
    return customer


async def test_a_new_note_is_searchable_within_a_second_and_gone_once_deleted(
    seeded_store: SeededStore, backend: SearchBackend
) -> None:
    view = await admin_view(seeded_store)
    customer = await _customer(seeded_store)
    freshness = []
    async with indexing_in_background(seeded_store.engine, backend, FAST):
        for _ in range(3):
            word = _unique("quokka")
            row = await write_note(seeded_store, view, customer, f"Call {word}", "body")
            elapsed = await wait_until(backend, view, word, {row.note.id})
            freshness.append(elapsed)
            assert elapsed < 1.2, f"searchable after {elapsed:.2f}s"
        await remove_note(seeded_store, view, row.note.id)
        assert await wait_until(backend, view, word, set()) < 1.2
    assert await outbox_depth(seeded_store.sessions) == 0
    print(f"freshness ({backend.name}): {', '.join(f'{s * 1000:.0f} ms' for s in freshness)}")


async def test_replays_and_reordered_rows_never_bring_back_an_old_version(
    seeded_store: SeededStore, backend: SearchBackend
) -> None:
    view = await admin_view(seeded_store)
    word = _unique("wombat")
    row = await write_note(seeded_store, view, await _customer(seeded_store), word, "x")
    await remove_note(seeded_store, view, row.note.id)
    indexer = Indexer(seeded_store.engine, backend, FAST)
    while (await indexer.drain_once()).claimed:
        pass
    # A stale upsert for version 1 arrives after the delete, twice.
    await enqueue(seeded_store, [(row.note.id, 1, OutboxOp.UPSERT)] * 2)
    report = await indexer.drain_once()
    assert report.claimed == 2
    assert report.written + report.stale == 2
    await backend.refresh()
    assert await found(backend, view, word) == set()


@dataclass
class FlakyBackend:
    """Wraps a backend and rejects documents of chosen notes."""

    inner: SearchBackend
    rejected: set[str] = field(default_factory=set)

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    async def write(
        self, documents: Sequence[NoteDocument], *, index: str | None = None
    ) -> list[WriteOutcome]:
        accepted = [d for d in documents if d.note_id not in self.rejected]
        outcomes = {o.note_id: o for o in await self.inner.write(accepted, index=index)}
        return [
            outcomes.get(d.note_id)
            or WriteOutcome(d.note_id, WriteStatus.FAILED, "mapper_parsing_exception: bad field")
            for d in documents
        ]


async def test_rejected_documents_are_retried_then_dead_lettered_and_can_be_redriven(
    seeded_store: SeededStore, backend: SearchBackend
) -> None:
    view = await admin_view(seeded_store)
    word = _unique("numbat")
    row = await write_note(seeded_store, view, await _customer(seeded_store), word, "x")
    flaky = FlakyBackend(backend, {row.note.id})
    indexer = Indexer(seeded_store.engine, flaky, IndexerOptions(max_attempts=2))  # type: ignore[arg-type]
    first = await indexer.drain_once()
    assert first.retried == 1
    async with seeded_store.sessions() as session:
        outbox = await session.scalar(
            select(SearchOutbox).where(SearchOutbox.note_id == row.note.id)
        )
    assert outbox is not None
    assert outbox.attempts == 1
    assert outbox.last_error is not None
    assert "mapper_parsing_exception" in outbox.last_error
    assert outbox.next_attempt_at > outbox.enqueued_at
    fast = Indexer(seeded_store.engine, flaky, IndexerOptions(max_attempts=2, retry_base_seconds=0))  # type: ignore[arg-type]
    async with seeded_store.sessions() as session:
        outbox.next_attempt_at = outbox.enqueued_at
        await session.merge(outbox)
        await session.commit()
    assert (await fast.drain_once()).dead_lettered == 1
    letters = await dead_letters(seeded_store.sessions)
    assert [letter.note_id for letter in letters] == [row.note.id]
    assert await outbox_depth(seeded_store.sessions) == 0

    flaky.rejected.clear()
    assert await redrive(seeded_store.sessions) == 1
    assert (await fast.drain_once()).written == 1
    await backend.refresh()
    assert await found(backend, view, word) == {row.note.id}
    assert await dead_letters(seeded_store.sessions) == []


@pytest.fixture(autouse=True)
async def _drained(seeded_store: SeededStore, backend: SearchBackend) -> None:
    """Each test starts with an empty outbox (earlier tests may leave rows behind)."""
    indexer = Indexer(seeded_store.engine, backend, FAST)
    while (await indexer.drain_once()).claimed:
        pass


@dataclass
class Recording:
    """A backend wrapper that records what it writes and is slow enough to overlap."""

    inner: SearchBackend
    written: list[str] = field(default_factory=list)

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    async def write(
        self, documents: Sequence[NoteDocument], *, index: str | None = None
    ) -> list[WriteOutcome]:
        await asyncio.sleep(0.01)
        self.written += [document.note_id for document in documents]
        return await self.inner.write(documents, index=index)


async def test_two_workers_never_double_process_or_lose_a_row(
    seeded_store: SeededStore, backend: SearchBackend
) -> None:
    """Row locking (PostgreSQL) or leases (SQLite) split the outbox between two workers."""
    store = seeded_store
    async with store.sessions() as session:
        notes = list(await session.execute(select(Note.id, Note.version).limit(150)))
    await enqueue(store, [(note_id, version, OutboxOp.UPSERT) for note_id, version in notes])
    workers = [Recording(backend), Recording(backend)]
    options = IndexerOptions(batch_size=10)
    indexers = [Indexer(store.engine, w, options) for w in workers]  # type: ignore[arg-type]

    async def drain(indexer: Indexer) -> None:
        while (await indexer.drain_once()).claimed:
            pass

    await asyncio.gather(*(drain(indexer) for indexer in indexers))
    counts = Counter(workers[0].written + workers[1].written)
    assert set(counts) >= {note_id for note_id, _ in notes}
    assert max(counts.values()) == 1, "a row was processed twice"
    assert workers[0].written
    assert workers[1].written
    assert await outbox_depth(store.sessions) == 0


async def test_settled_rows_are_purged_after_the_retention_and_search_stays_right(
    seeded_store: SeededStore, backend: SearchBackend
) -> None:
    """The outbox is a queue: settled rows go after a day, except what settling still needs."""
    store = seeded_store
    view = await admin_view(store)
    customer = await _customer(store)
    options = IndexerOptions(poll_seconds=0.05, retention=timedelta(hours=1), purge_seconds=0)
    words = [_unique("wombat") for _ in range(4)]
    rows = [await write_note(store, view, customer, f"About {w}", "body") for w in words]
    async with indexing_in_background(store.engine, backend, options):
        await wait_until(backend, view, words[-1], {rows[-1].note.id})
    # Given settled rows from two hours ago, one note with an open dead letter, and one row
    # still pending
    troubled = rows[0].note.id
    async with store.sessions() as session, session.begin():
        await session.execute(
            update(SearchOutbox)
            .where(SearchOutbox.note_id.in_([r.note.id for r in rows]))
            .values(processed_at=datetime.now(UTC) - timedelta(hours=2))
        )
        session.add(
            SearchDeadLetter(
                outbox_id=0, note_id=troubled, note_version=1, op=OutboxOp.UPSERT, error="x"
            )
        )
    await enqueue(store, [(rows[1].note.id, rows[1].note.version, OutboxOp.UPSERT)])
    async with store.sessions() as session:
        before = {
            (r.id, r.note_id, r.processed_at is None)
            for r in await session.scalars(select(SearchOutbox))
        }
    newest = max(row_id for row_id, _, _ in before)

    try:
        # When the indexer is idle long enough to purge
        purged = await Indexer(store.engine, backend, options).purge()

        # Then the old settled rows are gone but the pending row, the troubled note's rows and the
        # newest row stay (SQLite would hand its id out again)
        async with store.sessions() as session:
            after = {
                (r.id, r.note_id, r.processed_at is None)
                for r in await session.scalars(select(SearchOutbox))
            }
        kept = {
            row for row in before
            if row[2] or row[1] == troubled or row[0] == newest
            or row[1] not in {r.note.id for r in rows}  # other tests' rows are not two hours old
        }  # fmt: skip
        old_settled = {row for row in before if row[1] in {r.note.id for r in rows} and not row[2]}
        assert after == kept
        assert purged == len(before - kept) > 0
        assert old_settled - {row for row in old_settled if row[1] == troubled or row[0] == newest}
        # And a later edit of a purged note still reaches the index (a fresh, higher row id)
        async with indexing_in_background(store.engine, backend, options):
            edited = _unique("numbat")
            async with transaction(store.sessions) as session:
                patch = NotePatch(subject=f"Now {edited}")
                await update_note(session, WriteContext(view), rows[2].note.id, 1, patch)
            assert await wait_until(backend, view, edited, {rows[2].note.id}) < 5
    finally:  # the store is shared by the module: leave no open dead letter behind
        async with transaction(store.sessions) as session:
            await session.execute(
                delete(SearchDeadLetter).where(SearchDeadLetter.note_id == troubled)
            )
