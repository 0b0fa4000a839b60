"""The order intake dead-letter: recording failures idempotently, listing them by impact.

A failure is keyed by (channel, reference): seeing it again bumps ``occurrences`` and
``last_seen_at`` in one upsert, so concurrent requests and the sweep job never collide, and a
resolved failure that fails again is reopened. The operations list puts the costliest first:
order value (unknown last), then VIP customers, then the oldest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import Customer, IntakeFailure, new_id
from store.pagination import Page, check_first, decode_cursor, encode_cursor

_UNKNOWN_VALUE = -1
"""Sort key of a failure whose order value could not be read: after every known value."""
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Sighting:
    """One failed payload as a channel delivered it, with its value where readable."""

    channel: str
    reference: str
    customer_id: str
    reason: str
    raw: dict[str, Any]
    order_value: Decimal | None = None
    currency: str | None = None


@dataclass(frozen=True, slots=True)
class IntakeEntry:
    """A dead-letter row with what its impact was ranked on."""

    failure: IntakeFailure
    vip: bool


async def record(session: AsyncSession, sightings: Sequence[Sighting], *, now: datetime) -> int:
    """Upsert failures by (channel, reference); returns how many distinct ones were written."""
    unique = {(s.channel, s.reference): s for s in sightings}
    if not unique:
        return 0
    rows = [
        {
            "id": new_id(),
            "channel": s.channel,
            "reference": s.reference,
            "customer_id": s.customer_id,
            "reason": s.reason,
            "raw": s.raw,
            "order_value_cents": _cents(s.order_value),
            "currency": s.currency,
            "first_seen_at": now,
            "last_seen_at": now,
            "occurrences": 1,
            "redrive_attempts": 0,
        }
        for s in unique.values()
    ]
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # Chunks keep each statement under SQLite's bound-parameter limit.
    for start in range(0, len(rows), _CHUNK):
        statement = insert(IntakeFailure).values(rows[start : start + _CHUNK])
        new = statement.excluded
        statement = statement.on_conflict_do_update(
            index_elements=["channel", "reference"],
            set_={
                "occurrences": IntakeFailure.occurrences + 1,
                "last_seen_at": new.last_seen_at,
                "reason": new.reason,
                "raw": new.raw,
                "customer_id": new.customer_id,
                "order_value_cents": new.order_value_cents,
                "currency": new.currency,
                # Seen failing again: whatever resolved it no longer holds.
                "resolved_at": None,
                "resolved_by": None,
            },
        )
        await session.execute(statement)
    return len(rows)


async def list_by_impact(
    session: AsyncSession,
    *,
    first: int,
    after: str | None = None,
    channel: str | None = None,
    include_resolved: bool = False,
) -> Page[IntakeEntry]:
    """One page of failures, highest impact first (value, VIP customer, age)."""
    check_first(first)
    value = func.coalesce(IntakeFailure.order_value_cents, _UNKNOWN_VALUE)
    vip = case((Customer.vip.is_(True), 1), else_=0)
    filters: list[ColumnElement[bool]] = []
    if channel is not None:
        filters.append(IntakeFailure.channel == channel)
    if not include_resolved:
        filters.append(IntakeFailure.resolved_at.is_(None))
    base = (
        select(IntakeFailure, vip.label("vip"), value.label("value"))
        .outerjoin(Customer, Customer.id == IntakeFailure.customer_id)
        .where(*filters)
    )
    total = await session.scalar(select(func.count()).select_from(base.subquery()))
    query = base
    if after is not None:
        query = query.where(_after(decode_cursor(after, (int, int, datetime, str)), value, vip))
    query = query.order_by(
        value.desc(), vip.desc(), IntakeFailure.first_seen_at.asc(), IntakeFailure.id.asc()
    ).limit(first + 1)
    rows = (await session.execute(query)).all()
    page = rows[:first]
    return Page(
        items=[IntakeEntry(row[0], bool(row[1])) for row in page],
        cursors=[
            encode_cursor(int(row[2]), int(row[1]), row[0].first_seen_at.isoformat(), row[0].id)
            for row in page
        ],
        has_next_page=len(rows) > first,
        # A valid cursor names a row of this list, so a page before it exists.
        has_previous_page=after is not None,
        total_count=int(total or 0),
    )


async def get_many(session: AsyncSession, ids: Sequence[str]) -> dict[str, IntakeFailure]:
    """The failures with these ids (missing ids are simply absent)."""
    if not ids:
        return {}
    rows = await session.scalars(select(IntakeFailure).where(IntakeFailure.id.in_(set(ids))))
    return {row.id: row for row in rows}


async def open_ids(session: AsyncSession, *, after_id: str = "", limit: int = 200) -> list[str]:
    """Ids of unresolved failures after ``after_id`` in id order (for batched redrives)."""
    rows = await session.scalars(
        select(IntakeFailure.id)
        .where(IntakeFailure.resolved_at.is_(None), IntakeFailure.id > after_id)
        .order_by(IntakeFailure.id)
        .limit(limit)
    )
    return list(rows)


async def count_open(session: AsyncSession) -> int:
    """How many failures are unresolved."""
    count = await session.scalar(
        select(func.count()).select_from(IntakeFailure).where(IntakeFailure.resolved_at.is_(None))
    )
    return int(count or 0)


def mark_resolved(failure: IntakeFailure, *, by: str, now: datetime) -> None:
    """Record a successful redrive: the payload now normalises."""
    failure.redrive_attempts += 1
    failure.last_redrive_at = now
    failure.last_error = None
    failure.resolved_at = now
    failure.resolved_by = by


def mark_still_failing(
    failure: IntakeFailure, *, reason: str | None, error: str, now: datetime
) -> None:
    """Record a failed redrive; ``reason`` replaces the old one when the mapping gave a new one."""
    failure.redrive_attempts += 1
    failure.last_redrive_at = now
    failure.last_error = error
    if reason is not None:
        failure.reason = reason


def order_value(failure: IntakeFailure) -> Decimal | None:
    """The failure's order value in major units, None when it could not be read."""
    cents = failure.order_value_cents
    return None if cents is None else (Decimal(cents) / 100).quantize(Decimal("0.01"))


def _cents(value: Decimal | None) -> int | None:
    return None if value is None else int((value * 100).to_integral_value())


def _after(
    key: list[str | int | float], value: ColumnElement[Any], vip: ColumnElement[Any]
) -> ColumnElement[bool]:
    cursor_value, cursor_vip, cursor_seen, cursor_id = key
    seen = datetime.fromisoformat(str(cursor_seen))
    same_value = value == cursor_value
    same_vip = and_(same_value, vip == cursor_vip)
    same_seen = and_(same_vip, IntakeFailure.first_seen_at == seen)
    return or_(
        value < cursor_value,
        and_(same_value, vip < cursor_vip),
        and_(same_vip, IntakeFailure.first_seen_at > seen),
        and_(same_seen, IntakeFailure.id > str(cursor_id)),
    )
