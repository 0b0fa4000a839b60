"""The `summarise-orders` job: keep each customer's order figures in the store.

Lifetime value, the repurchase signal and the DORMANT badge need a customer's whole order
history; the job reads it here, in batches and off the request path, and stores one summary
row per customer, so a request reads one row whatever the history. Each run refreshes the
customers never summarised and those whose summary is older than
`order_summary_max_age_hours`. A customer whose order channels could not all be read keeps
its previous summary (a summary over part of the history would be wrong, not stale).

A channel that fails a batch's whole-history read (under load: a timeout, a 429, a 503) fails
every customer of the batch, whose figures would then be computed live on every request. The
failed customers of a batch are read again, up to `ATTEMPTS` reads in all, after a backoff
that doubles from `BACKOFF_SECONDS` (the load that failed the read gets time to pass); those
still failing are named in the run's report.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select

from core.progress import SILENT, Progress
from gateway.runtime import Runtime
from resolvers.insights import order_figures
from resolvers.order_figures import summary_row
from store.models import Customer, OrderSummary, utcnow
from store.order_summaries import customers_due, save_order_summaries
from store.write_context import transaction

TASK = "summarising orders"
BATCH_SIZE = 50
ATTEMPTS = 3
"""Reads of a batch's failed customers in all (the first and two retries)."""
BACKOFF_SECONDS = 2.0
"""The wait before the first retry; it doubles before each further one."""
NAMED = 20
"""Failed customers named in the report's text (the report holds them all)."""


@dataclass(frozen=True, slots=True)
class SummaryReport:
    """What one run did."""

    summarised: int
    kept: int  # a channel failed on every attempt: the previous summary (if any) stays
    retried: int = 0  # customers read again after a failed read (each retry counts)
    failed: tuple[str, ...] = ()  # the customers that kept their previous figures

    def __str__(self) -> str:
        text = f"summarised the orders of {self.summarised} customers"
        if self.retried:
            text += f"; {self.retried} customer reads retried"
        if self.kept:
            named = ", ".join(self.failed[:NAMED])
            more = f" and {len(self.failed) - NAMED} more" if len(self.failed) > NAMED else ""
            text += (
                f"; {self.kept} kept their previous figures (a channel failed on every "
                f"attempt): {named}{more}"
            )
        return text


@dataclass(slots=True)
class _Batch:
    """One batch's outcome over its attempts."""

    rows: list[dict[str, Any]]
    retried: int = 0
    failed: tuple[str, ...] = ()


async def _summarise_batch(
    runtime: Runtime, batch: Sequence[str], *, attempts: int, backoff_seconds: float
) -> _Batch:
    """Each customer's summary row, reading the failed ones again (bounded, with backoff)."""
    orders = runtime.require_upstreams().orders
    outcome = _Batch(rows=[])
    pending = list(batch)
    for attempt in range(attempts):
        if attempt:
            await asyncio.sleep(backoff_seconds * 2 ** (attempt - 1))
            outcome.retried += len(pending)
        results = await orders.orders_by_customer_id(pending)
        computed_at: datetime = utcnow()
        outcome.rows += [
            summary_row(customer_id, order_figures(result.orders), computed_at)
            for customer_id, result in results.items()
            if not result.errors
        ]
        pending = [customer_id for customer_id in pending if results[customer_id].errors]
        if not pending:
            break
    outcome.failed = tuple(pending)
    return outcome


async def summarise_orders(
    runtime: Runtime,
    *,
    progress: Progress = SILENT,
    batch_size: int = BATCH_SIZE,
    attempts: int = ATTEMPTS,
    backoff_seconds: float = BACKOFF_SECONDS,
) -> SummaryReport:
    """Refresh the order summaries that are missing or older than the configured age."""
    runtime.require_upstreams()
    started = utcnow()
    due_before = started - timedelta(hours=runtime.settings.order_summary_max_age_hours)
    async with runtime.sessions() as session:
        total = await session.scalar(
            select(func.count(Customer.id))
            .outerjoin(OrderSummary, OrderSummary.customer_id == Customer.id)
            .where(or_(OrderSummary.customer_id.is_(None), OrderSummary.computed_at < due_before))
        )
    progress.start(TASK, total)
    summarised = retried = 0
    failed: list[str] = []
    after: str | None = None
    while True:
        async with runtime.sessions() as session:
            batch = await customers_due(
                session, computed_before=due_before, after=after, limit=batch_size
            )
        if not batch:
            break
        outcome = await _summarise_batch(
            runtime, batch, attempts=max(1, attempts), backoff_seconds=backoff_seconds
        )
        async with transaction(runtime.sessions) as session:
            await save_order_summaries(session, outcome.rows)
        summarised += len(outcome.rows)
        retried += outcome.retried
        failed += outcome.failed
        after = batch[-1]
        progress.advance(TASK, len(batch))
    progress.finish(TASK)
    return SummaryReport(
        summarised=summarised, kept=len(failed), retried=retried, failed=tuple(failed)
    )
