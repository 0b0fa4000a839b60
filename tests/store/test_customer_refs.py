"""The CRM sync keeps search current: a moved customer's live notes are re-queued for indexing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from search.documents import index_version, iter_live_documents
from store import notes
from store.customer_refs import CustomerReference, upsert_customers
from store.enums import OutboxOp
from store.models import Customer, Partner, SearchOutbox, utcnow
from tests.store.native import ctx_for, draft, given_directory


def _reference(
    customer_id: str, branch: str, partner: str | None = None, name: str = "Ann"
) -> CustomerReference:
    return CustomerReference(
        id=customer_id,
        name=name,
        email=None,
        phone=None,
        branch_id=branch,
        partner_id=partner,
        owner_agent_id=None,
        vip=False,
        created_at=datetime(2024, 1, 1, tzinfo=UTC),
        referred_by_id=None,
    )


async def _queued_after(session: AsyncSession, last: int) -> list[tuple[str, int, OutboxOp]]:
    rows = await session.execute(
        select(SearchOutbox.note_id, SearchOutbox.note_version, SearchOutbox.op)
        .where(SearchOutbox.id > last)
        .order_by(SearchOutbox.note_id)
    )
    return [(row.note_id, row.note_version, row.op) for row in rows]


async def test_a_moved_customer_has_its_live_notes_requeued_in_the_same_transaction(
    session: AsyncSession,
) -> None:
    await given_directory(session)
    session.add(Partner(id="p-1", name="Kitchens Ltd"))
    ctx = await ctx_for("a-admin")
    kept = (await notes.create_note(session, ctx, draft())).note
    second = (await notes.create_note(session, ctx, draft(subject="Second"))).note
    gone = (await notes.create_note(session, ctx, draft(subject="Gone"))).note
    await notes.delete_note(session, ctx, gone.id)
    elsewhere = (await notes.create_note(session, ctx, draft(customer_id="c-2"))).note
    last = int(await session.scalar(select(func.max(SearchOutbox.id))) or 0)

    # Same branch and partner (only the name changed): nothing to re-index.
    await upsert_customers(
        session, [_reference("c-1", "b-1", name="Ann B"), _reference("c-2", "b-2", name="Bo")]
    )
    assert await _queued_after(session, last) == []
    moved_at = utcnow()

    # c-1 moves branch: its live notes (not the deleted one) are queued at their versions.
    await upsert_customers(session, [_reference("c-1", "b-2"), _reference("c-2", "b-2", name="Bo")])
    assert await _queued_after(session, last) == sorted(
        [(kept.id, kept.version, OutboxOp.UPSERT), (second.id, second.version, OutboxOp.UPSERT)]
    )
    last = int(await session.scalar(select(func.max(SearchOutbox.id))) or 0)

    # A rebuild running meanwhile catches the re-queued notes up, though no note was updated.
    sessions = async_sessionmaker(
        bind=await session.connection(), join_transaction_mode="create_savepoint"
    )
    caught_up = {
        document.note_id: document.version
        async for batch in iter_live_documents(sessions, 10, changed_since=moved_at)
        for document in batch
    }
    assert sorted(caught_up) == sorted([kept.id, second.id])
    # …written over the rebuild's own copy (same note version, sequence 0).
    assert caught_up[kept.id] > index_version(kept.version)

    # c-2 gains a partner: its notes are queued too.
    await upsert_customers(session, [_reference("c-2", "b-2", partner="p-1", name="Bo")])
    assert await _queued_after(session, last) == [(elsewhere.id, 1, OutboxOp.UPSERT)]


async def test_the_sync_keeps_the_customers_last_activity_current(session: AsyncSession) -> None:
    await given_directory(session)
    first, later = datetime(2025, 3, 1, tzinfo=UTC), datetime(2025, 4, 1, 9, 30, tzinfo=UTC)
    reference = _reference("c-new", "b-1")

    await upsert_customers(session, [replace(reference, last_activity_at=first)])
    await upsert_customers(session, [replace(reference, last_activity_at=later)])

    stored = await session.scalar(select(Customer.last_activity_at).where(Customer.id == "c-new"))
    assert stored == later
