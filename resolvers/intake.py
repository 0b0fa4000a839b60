"""Order intake governance: recording failed channel payloads, listing them, redriving them.

A GraphQL request records the failures its order reads ran into, once, after the response is
decided (`record_sightings`, called by the schema's `IntakeRecorder`). The
`redriveIntakeFailures` mutation re-reads each failure's customer through the running
gateway's current mapping and rules. The CLI's sweep and offline redrive live in
gateway/jobs/ (intake_scan.py, intake_redrive.py) and record through `record_sightings` too.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass

import structlog
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.errors import UpstreamUnavailable
from datasources.orders.sightings import Sighted, close_collector, open_collector
from datasources.records import OrdersResult
from policies.decisions import can_read_intake, can_redrive_intake
from resolvers.context import Info
from resolvers.guards import require_authenticated
from resolvers.writes import Outcome, agent_problems, deny, perform
from store import intake
from store.audit import Target, append
from store.intake import IntakeEntry
from store.models import Customer, IntakeFailure, utcnow
from store.pagination import Page
from store.validation import Violation, ViolationCode
from store.write_context import WriteContext, transaction

_log = structlog.get_logger("gateway.intake")

MAX_REDRIVE_IDS = 100


@dataclass(frozen=True, slots=True)
class RedriveResult:
    """One failure after a redrive: resolved, or still failing with the current reason."""

    failure: IntakeFailure
    resolved: bool
    vip: bool = False


# --- recording -------------------------------------------------------------------------------


@asynccontextmanager
async def collecting_sightings(
    sessions: async_sessionmaker[AsyncSession],
) -> AsyncIterator[None]:
    """Collect the failures order reads run into inside the block; record them at its end."""
    sightings = open_collector()
    try:
        yield
    finally:
        close_collector()
        if sightings:
            try:
                await record_sightings(sessions, list(sightings.values()))
            except Exception:
                # The answer is already decided; a failed dead-letter write is logged, not raised.
                _log.exception("could not record order intake failures", count=len(sightings))


async def record_sightings(
    sessions: async_sessionmaker[AsyncSession], sighted: Sequence[Sighted]
) -> int:
    """Upsert the sighted failures into the dead-letter in one transaction."""
    rows = [
        intake.Sighting(
            channel=item.failure.channel,
            reference=item.failure.reference,
            customer_id=item.failure.customer_id,
            reason=item.failure.reason,
            raw=item.failure.raw,
            order_value=item.appraisal.value,
            currency=item.appraisal.currency,
        )
        for item in sighted
    ]
    async with transaction(sessions) as session:
        return await intake.record(session, rows, now=utcnow())


# --- GraphQL ---------------------------------------------------------------------------------


async def resolve_intake_failures(
    info: Info, *, first: int, after: str | None, channel: str | None, include_resolved: bool
) -> Page[IntakeEntry]:
    """A page of the dead-letter by impact, for principals allowed to read it."""
    require_authenticated(info)
    if not can_read_intake(info.context.policy):
        target = Target("intake_failure")
        raise await deny(info, "intake.read", target, "the caller may not read intake failures")
    async with info.context.sessions() as session:
        return await intake.list_by_impact(
            session, first=first, after=after, channel=channel, include_resolved=include_resolved
        )


async def resolve_redrive_intake_failures(
    info: Info, ids: Sequence[str]
) -> Outcome[list[RedriveResult]]:
    """Re-read each failure's customer through the current mapping; resolve what now reads."""
    require_authenticated(info)
    if not can_redrive_intake(info.context.policy):
        target = Target("intake_failure")
        raise await deny(info, "intake.redrive", target, "the caller may not redrive intake")
    # The actor first: its failures are looked up and re-read upstream before the write.
    problems = await agent_problems(info) or _check_ids(ids)
    if problems:
        return Outcome(errors=problems)
    async with info.context.sessions() as session:
        found = await intake.get_many(session, ids)
    missing = [Violation("ids", ViolationCode.NOT_FOUND, f"no intake failure {i!r}") for i in ids]
    errors = [violation for i, violation in zip(ids, missing, strict=True) if i not in found]
    errors += [
        Violation("ids", ViolationCode.CONFLICT, f"intake failure {f.id!r} is already resolved")
        for f in found.values()
        if f.resolved_at is not None
    ]
    if errors:
        return Outcome(errors=errors)
    if info.context.upstream is None:
        raise UpstreamUnavailable("no upstream systems are configured", source="gateway")
    customers = sorted({f.customer_id for f in found.values() if f.customer_id})
    reads = await info.context.upstream.orders_by_customer_id.load_many(customers)
    by_customer = dict(zip(customers, reads, strict=True))

    async def work(session: AsyncSession, ctx: WriteContext) -> list[RedriveResult]:
        rows = await intake.get_many(session, list(found))
        vips = set(await session.scalars(select(Customer.id).where(Customer.id.in_(customers))))
        vips &= set(await session.scalars(select(Customer.id).where(Customer.vip.is_(True))))
        results = []
        for failure_id in ids:
            failure = rows[failure_id]
            reread = by_customer.get(failure.customer_id)
            resolved = _apply_reread(failure, reread, ctx)
            results.append(RedriveResult(failure, resolved, failure.customer_id in vips))
            await append(
                session,
                ctx,
                "intake.redrive",
                Target("intake_failure", failure.id, failure.customer_id or None),
                detail={"resolved": results[-1].resolved, "reason": failure.last_error},
            )
        return results

    return await perform(info, "intake.redrive", Target("intake_failure"), work)


def _check_ids(ids: Sequence[str]) -> list[Violation]:
    if not ids:
        return [Violation("ids", ViolationCode.REQUIRED, "`ids` must name at least one failure")]
    if len(ids) > MAX_REDRIVE_IDS:
        message = f"at most {MAX_REDRIVE_IDS} failures per redrive; {len(ids)} given"
        return [Violation("ids", ViolationCode.INVALID, message)]
    if len(set(ids)) != len(ids):
        return [Violation("ids", ViolationCode.INVALID, "`ids` holds duplicates")]
    return []


def _apply_reread(failure: IntakeFailure, reread: OrdersResult | None, ctx: WriteContext) -> bool:
    now = ctx.now
    if reread is None:
        reason = "no customer reference to re-read by; the CLI redrive replays the payload"
        intake.mark_still_failing(failure, reason=None, error=reason, now=now)
        return False
    key = (failure.channel, failure.reference)
    if any((order.channel, order.number) == key for order in reread.orders):
        intake.mark_resolved(failure, by=ctx.actor, now=now)
        return True
    still = [f for f in reread.failures if (f.channel, f.reference) == key]
    if still:
        intake.mark_still_failing(failure, reason=still[0].reason, error=still[0].reason, now=now)
    elif reread.errors:
        error = "; ".join(f"{e.source}: {e.message}" for e in reread.errors)
        intake.mark_still_failing(
            failure, reason=None, error=f"channel unreadable: {error}", now=now
        )
    else:
        error = "the channel no longer sends this order for the customer"
        intake.mark_still_failing(failure, reason=None, error=error, now=now)
    return False
