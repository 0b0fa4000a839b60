"""Risk flags: raised from the controlled vocabulary with a reason, cleared once; audited."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Conflict, NotFound, PolicyDenied
from policies.decisions import can_clear_risk_flag, can_raise_risk_flag
from store import audit
from store.enums import RiskFlagKind
from store.models import Customer, RiskFlag
from store.references import require_customer
from store.sanitise import plain_text
from store.validation import Unreachable, Violations
from store.visibility import reachable_customers
from store.write_context import WriteContext

MAX_REASON = 2_000


async def raise_risk_flag(
    session: AsyncSession, ctx: WriteContext, customer_id: str, kind: RiskFlagKind, reason: str
) -> RiskFlag:
    """Raise a flag; a flag of the same kind still open on the customer is a CONFLICT."""
    if not can_raise_risk_flag(ctx.view):
        raise PolicyDenied("the caller may not raise risk flags")
    customer = await require_customer(session, ctx.view, customer_id)
    problems = Violations()
    text = plain_text(reason)
    problems.text("reason", text, max_length=MAX_REASON)
    problems.raise_if_any()
    open_flag = await session.scalar(
        select(RiskFlag.id).where(
            RiskFlag.customer_id == customer.id,
            RiskFlag.kind == kind,
            RiskFlag.cleared_at.is_(None),
        )
    )
    if open_flag is not None:
        raise Conflict(f"a {kind.value} flag is already raised on this customer", field="kind")
    flag = RiskFlag(
        customer_id=customer.id, kind=kind, reason=text, raised_by=ctx.actor, raised_at=ctx.now
    )
    session.add(flag)
    await session.flush()
    await audit.append(
        session,
        ctx,
        "risk_flag.raise",
        audit.Target("risk_flag", flag.id, customer.id),
        after={"kind": kind.value, "reason": text},
    )
    return flag


async def clear_risk_flag(session: AsyncSession, ctx: WriteContext, flag_id: str) -> RiskFlag:
    """Clear an open flag, recording who and when; clearing twice is a CONFLICT."""
    if not can_clear_risk_flag(ctx.view):
        raise PolicyDenied("the caller may not clear risk flags")
    reachable = select(Customer.id).where(reachable_customers(ctx.view))
    flag = await session.scalar(
        select(RiskFlag)
        .where(RiskFlag.id == flag_id, RiskFlag.customer_id.in_(reachable))
        .with_for_update()
    )
    if flag is None:
        if await session.get(RiskFlag, flag_id) is not None:
            raise Unreachable(f"risk flag {flag_id!r} not found", field="id")
        raise NotFound(f"risk flag {flag_id!r} not found", field="id")
    if flag.cleared_at is not None:
        raise Conflict("the risk flag is already cleared", field="id")
    flag.cleared_at, flag.cleared_by = ctx.now, ctx.actor
    await session.flush()
    await audit.append(
        session,
        ctx,
        "risk_flag.clear",
        audit.Target("risk_flag", flag.id, flag.customer_id),
        before={"cleared_at": None},
        after={"cleared_at": ctx.now.isoformat()},
    )
    return flag
