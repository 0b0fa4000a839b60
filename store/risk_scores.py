"""At-risk scores: the `score-risk` job's signal rows, and reads that sum only what a reader
may read.

A reader's score is the sum, in SQL, of the signal rows whose gate its policy admits (decided
once per request from the compiled `PolicyView`), over the customers it reaches; a reason is
one such row. A signal derived from a note scope, field group or risk flag the reader cannot
read is neither summed, nor listed, nor counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Invalid
from policies.view import PolicyView
from store.models import Customer, RiskSignal
from store.pagination import Page, check_first, decode_cursor, encode_cursor
from store.risk_signals import SignalRow, field_gate, scope_gate
from store.visibility import reachable_customers

CURSOR_TAG = "at-risk"
MAX_MIN_SCORE = 100_000


@dataclass(frozen=True, slots=True)
class Reason:
    """One signal a reader sees, with its weight and what it measured."""

    signal: str
    weight: int
    detail: str


@dataclass(frozen=True, slots=True)
class RiskScore:
    """A customer's score as one reader sees it."""

    customer: Customer
    score: int
    reasons: list[Reason]
    computed_at: datetime


def admitted_gates(view: PolicyView) -> list[str]:
    """The gates whose signals this reader may see: its readable scopes and field groups."""
    gates = {scope_gate(scope) for scope in view.readable_scopes}
    gates |= {field_gate(group) for group in view.field_groups}
    return sorted(gates)


async def replace_signals(
    session: AsyncSession, customer_ids: Sequence[str], rows: Sequence[SignalRow], at: datetime
) -> None:
    """Replace every signal of these customers with `rows` (a customer may end with none)."""
    if not customer_ids:
        return
    await session.execute(delete(RiskSignal).where(RiskSignal.customer_id.in_(customer_ids)))
    session.add_all(
        RiskSignal(
            customer_id=row.customer_id,
            signal=row.signal,
            gate=row.gate,
            weight=row.weight,
            detail=row.detail,
            computed_at=at,
        )
        for row in rows
        if row.weight > 0
    )
    await session.flush()


async def system_scores(session: AsyncSession, customer_ids: Sequence[str]) -> dict[str, int]:
    """Every signal summed, per customer (no policy: for the outreach trigger only)."""
    if not customer_ids:
        return {}
    rows = await session.execute(
        select(RiskSignal.customer_id, func.sum(RiskSignal.weight))
        .where(RiskSignal.customer_id.in_(customer_ids))
        .group_by(RiskSignal.customer_id)
    )
    return {customer_id: int(score) for customer_id, score in rows}


async def signals_by_customer(
    session: AsyncSession, gates: Sequence[str] | None, customer_ids: Sequence[str]
) -> dict[str, list[RiskSignal]]:
    """Signal rows of these customers whose gate is in `gates` (None: all), heaviest first."""
    statement = select(RiskSignal).where(RiskSignal.customer_id.in_(sorted(set(customer_ids))))
    if gates is not None:
        statement = statement.where(RiskSignal.gate.in_(gates))
    found: dict[str, list[RiskSignal]] = defaultdict(list)
    rows = await session.scalars(
        statement.order_by(RiskSignal.weight.desc(), RiskSignal.signal, RiskSignal.gate)
    )
    for row in rows:
        found[row.customer_id].append(row)
    return found


def _check_min_score(min_score: int) -> int:
    if min_score < 1 or min_score > MAX_MIN_SCORE:
        raise Invalid(f"`minScore` must be between 1 and {MAX_MIN_SCORE}", field="minScore")
    return min_score


async def at_risk_page(
    session: AsyncSession,
    view: PolicyView,
    *,
    min_score: int,
    first: int,
    after: str | None,
) -> Page[RiskScore]:
    """Reached customers whose admitted score is at least `min_score`, highest first (then by
    id), keyset-paged; totalCount counts the same customers."""
    check_first(first)
    _check_min_score(min_score)
    gates = admitted_gates(view)
    score = func.sum(RiskSignal.weight)
    base = (
        select(RiskSignal.customer_id.label("customer_id"), score.label("score"))
        .join(Customer, Customer.id == RiskSignal.customer_id)
        .where(RiskSignal.gate.in_(gates), reachable_customers(view))
        .group_by(RiskSignal.customer_id)
        .having(score >= min_score)
    )
    total = int(await session.scalar(select(func.count()).select_from(base.subquery())) or 0)
    page = base
    if after is not None:
        tag, last_score, last_id = decode_cursor(after, (str, int, str))
        if tag != CURSOR_TAG:
            raise Invalid("cursor is not valid", field="after")
        page = page.having(
            or_(score < last_score, and_(score == last_score, RiskSignal.customer_id > last_id))
        )
    rows = list(
        await session.execute(page.order_by(score.desc(), RiskSignal.customer_id).limit(first + 1))
    )
    has_next = len(rows) > first
    rows = rows[:first]
    ids = [row.customer_id for row in rows]
    customers = {
        row.id: row for row in await session.scalars(select(Customer).where(Customer.id.in_(ids)))
    }
    signals = await signals_by_customer(session, gates, ids)
    items = [
        _risk_score(customers[row.customer_id], int(row.score), signals[row.customer_id])
        for row in rows
    ]
    cursors = [encode_cursor(CURSOR_TAG, item.score, item.customer.id) for item in items]
    return Page(items, cursors, has_next_page=has_next, total_count=total)


async def top_scores(session: AsyncSession, limit: int) -> list[RiskScore]:
    """The customers with the highest system-wide score, every signal counted (operators)."""
    score = func.sum(RiskSignal.weight)
    rows = list(
        await session.execute(
            select(RiskSignal.customer_id, score.label("score"))
            .group_by(RiskSignal.customer_id)
            .order_by(score.desc(), RiskSignal.customer_id)
            .limit(limit)
        )
    )
    ids = [row.customer_id for row in rows]
    customers = {
        row.id: row for row in await session.scalars(select(Customer).where(Customer.id.in_(ids)))
    }
    signals = await signals_by_customer(session, None, ids)
    return [
        _risk_score(customers[row.customer_id], int(row.score), signals[row.customer_id])
        for row in rows
    ]


async def customer_risk(
    session: AsyncSession, view: PolicyView, customer_id: str
) -> RiskScore | None:
    """One customer's score and reasons as this reader sees them (None: no admitted signal).

    The caller has already checked that the reader reaches the customer."""
    (page,) = await customer_risk_pages(session, view, [customer_id])
    return page.items[0] if page.items else None


async def customer_risk_pages(
    session: AsyncSession, view: PolicyView, customer_ids: Sequence[str]
) -> list[Page[RiskScore]]:
    """Each customer's score as a page of at most one item (none: no admitted signal), in the
    order asked, for the request's batched page loaders: one query for the whole batch."""
    signals = await signals_by_customer(session, admitted_gates(view), customer_ids)
    found = {
        row.id: row
        for row in await session.scalars(select(Customer).where(Customer.id.in_(list(signals))))
    }
    pages: list[Page[RiskScore]] = []
    for customer_id in customer_ids:
        rows = signals.get(customer_id, [])
        customer = found.get(customer_id)
        items = (
            []
            if customer is None or not rows
            else [_risk_score(customer, sum(row.weight for row in rows), rows)]
        )
        pages.append(Page(items, [""] * len(items), has_next_page=False, total_count=len(items)))
    return pages


def _risk_score(customer: Customer, score: int, signals: list[RiskSignal]) -> RiskScore:
    reasons = [Reason(row.signal, row.weight, row.detail) for row in signals]
    computed_at = max(row.computed_at for row in signals)
    return RiskScore(customer, score, reasons, computed_at)
