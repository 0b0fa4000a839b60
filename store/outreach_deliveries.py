"""The outreach webhook outbox: deliveries due, their outcome, and the dead-letter re-drive.

A delivery is written with its episode (same transaction) and sent by the delivery run: a
2xx answer marks it sent; any other answer or a transport error counts an attempt and waits
`backoff * 2^(attempts-1)` before the next one; after `max_attempts` it is dead until
re-driven (`python -m gateway outreach-redrive`), which queues it again from scratch.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from store.models import OutreachDelivery

PENDING, SENT, DEAD = "pending", "sent", "dead"
MAX_ERROR = 300


async def due_deliveries(
    session: AsyncSession, now: datetime, limit: int
) -> list[OutreachDelivery]:
    """Pending deliveries whose next attempt is due, oldest first."""
    rows = await session.scalars(
        select(OutreachDelivery)
        .where(OutreachDelivery.status == PENDING, OutreachDelivery.next_attempt_at <= now)
        .order_by(OutreachDelivery.created_at, OutreachDelivery.id)
        .limit(limit)
    )
    return list(rows)


def mark_sent(delivery: OutreachDelivery, now: datetime) -> None:
    """The campaign tool accepted it."""
    delivery.status = SENT
    delivery.attempts += 1
    delivery.sent_at = now
    delivery.last_error = None


def mark_failed(
    delivery: OutreachDelivery,
    now: datetime,
    error: str,
    *,
    max_attempts: int,
    backoff_seconds: float,
) -> bool:
    """Count a failed attempt; True when it is now dead-lettered."""
    delivery.attempts += 1
    delivery.last_error = error[:MAX_ERROR]
    if delivery.attempts >= max_attempts:
        delivery.status = DEAD
        return True
    delay = backoff_seconds * 2 ** (delivery.attempts - 1)
    delivery.next_attempt_at = now + timedelta(seconds=delay)
    return False


async def redrive_dead(session: AsyncSession, now: datetime) -> int:
    """Queue every dead delivery again (attempts from zero); how many."""
    result = await session.execute(
        update(OutreachDelivery)
        .where(OutreachDelivery.status == DEAD)
        .values(status=PENDING, attempts=0, next_attempt_at=now, last_error=None)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
