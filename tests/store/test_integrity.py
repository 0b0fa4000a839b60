"""Constraints the database itself enforces: foreign keys, enum CHECKs, the append-only audit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from store.enums import InteractionPurpose, InteractionType, NoteCategory, NoteType, Scope
from store.models import Agent, AuditLog, Branch, Customer, Interaction, Note, new_id

AT = datetime(2025, 3, 1, 12, 30, tzinfo=UTC)


async def given_directory(session: AsyncSession) -> None:
    """One branch, one agent (agent-1) and one customer (cust-00001)."""
    session.add(Branch(id="branch-1", name="Leeds"))
    await session.flush()
    session.add(Agent(id="agent-1", name="Ada Smith", email="ada@example.com", role="support"))
    session.add(Customer(id="cust-00001", name="Bob Jones", branch_id="branch-1"))
    await session.flush()


def note_values(**overrides: Any) -> dict[str, Any]:
    """Column values of a valid note for the given directory."""
    values: dict[str, Any] = {
        "id": new_id(),
        "customer_id": "cust-00001",
        "author_id": "agent-1",
        "subject": "Called about delivery",
        "body": "Prefers mornings.",
        "category": NoteCategory.SUPPORT,
        "type": NoteType.INTERACTION_LOG,
        "scope": Scope.SUPPORT,
        "created_at": AT,
        "updated_at": AT,
    }
    return values | overrides


async def write_together(session: AsyncSession, *objects: object) -> None:
    """Add and flush `objects` in one savepoint, as a service writes one unit of work."""
    async with session.begin_nested():
        session.add_all(objects)


async def count(session: AsyncSession, model: type[Any]) -> int:
    """Rows of a model's table visible to the session."""
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"customer_id": "cust-unknown"}, id="unknown-customer"),
        pytest.param({"author_id": "agent-unknown"}, id="unknown-agent"),
    ],
)
async def test_note_with_unknown_reference_is_rejected_and_nothing_is_written(
    session: AsyncSession, overrides: dict[str, Any]
) -> None:
    await given_directory(session)

    interaction = Interaction(
        customer_id="cust-00001",
        logged_by="agent-1",
        type=InteractionType.CALL,
        purpose=InteractionPurpose.SERVICE,
        subject="Delivery call",
        occurred_at=AT,
    )

    with pytest.raises(IntegrityError):
        await write_together(session, interaction, Note(**note_values(**overrides)))

    assert await count(session, Note) == 0
    assert await count(session, Interaction) == 0


async def test_unknown_scope_is_rejected_by_the_check_constraint(session: AsyncSession) -> None:
    await given_directory(session)

    with pytest.raises(IntegrityError, match=r"ck_notes_scope|CHECK constraint failed"):
        async with session.begin_nested():
            await session.execute(insert(Note), [note_values(scope="galaxy")])

    assert await count(session, Note) == 0


async def test_audit_log_is_append_only(session: AsyncSession) -> None:
    session.add(AuditLog(actor="agent-1", action="note.create", target_type="note", target_id="n"))
    await session.flush()

    with pytest.raises(DBAPIError, match="append-only"):
        async with session.begin_nested():
            await session.execute(update(AuditLog).values(action="note.delete"))
    with pytest.raises(DBAPIError, match="append-only"):
        async with session.begin_nested():
            await session.execute(delete(AuditLog))

    assert await session.scalar(select(AuditLog.action)) == "note.create"


async def test_timestamps_round_trip_as_aware_utc(session: AsyncSession) -> None:
    await given_directory(session)
    local = AT.astimezone(timezone(timedelta(hours=2)))
    await session.execute(insert(Note), [note_values(id="n-1", created_at=local)])

    stored = await session.scalar(select(Note.created_at).where(Note.id == "n-1"))

    assert stored == AT
    assert stored is not None
    assert stored.tzinfo is UTC


async def test_naive_timestamps_are_refused(session: AsyncSession) -> None:
    await given_directory(session)

    with pytest.raises(Exception, match="naive datetime"):
        await session.execute(insert(Note), [note_values(created_at=datetime(2025, 1, 1))])
