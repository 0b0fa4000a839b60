"""Customer tags: normalised freeform tags on a customer, added and removed with an audit row."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import NotFound, PolicyDenied
from policies.decisions import can_write_activity
from store import audit
from store.models import CustomerTag
from store.references import require_customer
from store.sanitise import normalise_tag
from store.validation import Violations
from store.write_context import WriteContext

MAX_TAG = 64


def _checked(tag: str) -> str:
    problems = Violations()
    normalised = normalise_tag(tag)
    problems.text("tag", normalised, max_length=MAX_TAG)
    problems.raise_if_any()
    return normalised


async def _tags(session: AsyncSession, customer_id: str) -> list[CustomerTag]:
    rows = await session.scalars(
        select(CustomerTag).where(CustomerTag.customer_id == customer_id).order_by(CustomerTag.tag)
    )
    return list(rows)


async def tag_customer(
    session: AsyncSession, ctx: WriteContext, customer_id: str, tag: str
) -> list[CustomerTag]:
    """Add a tag (normalised); adding one the customer already has changes nothing."""
    if not can_write_activity(ctx.view):
        raise PolicyDenied("the caller may not tag customers")
    customer = await require_customer(session, ctx.view, customer_id)
    normalised = _checked(tag)
    if await session.get(CustomerTag, (customer.id, normalised)) is None:
        session.add(
            CustomerTag(
                customer_id=customer.id, tag=normalised, created_by=ctx.actor, created_at=ctx.now
            )
        )
        await session.flush()
        await audit.append(
            session,
            ctx,
            "customer.tag",
            audit.Target("customer", customer.id, customer.id),
            after={"tag": normalised},
        )
    return await _tags(session, customer.id)


async def untag_customer(
    session: AsyncSession, ctx: WriteContext, customer_id: str, tag: str
) -> list[CustomerTag]:
    """Remove a tag; a tag the customer does not have is NOT_FOUND."""
    if not can_write_activity(ctx.view):
        raise PolicyDenied("the caller may not untag customers")
    customer = await require_customer(session, ctx.view, customer_id)
    normalised = _checked(tag)
    row = await session.get(CustomerTag, (customer.id, normalised))
    if row is None:
        raise NotFound(f"customer {customer_id!r} has no tag {normalised!r}", field="tag")
    await session.delete(row)
    await session.flush()
    await audit.append(
        session,
        ctx,
        "customer.untag",
        audit.Target("customer", customer.id, customer.id),
        before={"tag": normalised},
    )
    return await _tags(session, customer.id)
