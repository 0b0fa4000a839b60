"""The `summarise-orders` job: keep each customer's order figures in the store.

Lifetime value, the repurchase signal and the DORMANT badge need a customer's whole order
history; the job reads it here, in batches and off the request path, and stores one summary
row per customer, so a request reads one row whatever the history. Each run refreshes the
customers never summarised and those whose summary is older than
`order_summary_max_age_hours`. A customer whose order channels could not all be read keeps
its previous summary (a summary over part of the history would be wrong, not stale).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

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


@dataclass(frozen=True, slots=True)
class SummaryReport:
    """What one run did."""

    summarised: int
    kept: int  # a channel failed: the previous summary (if any) stays

    def __str__(self) -> str:
        kept = f"; {self.kept} kept their previous figures (a channel failed)" if self.kept else ""
        return f"summarised the orders of {self.summarised} customers{kept}"


async def summarise_orders(
    runtime: Runtime, *, progress: Progress = SILENT, batch_size: int = BATCH_SIZE
) -> SummaryReport:
    """Refresh the order summaries that are missing or older than the configured age."""
    orders = runtime.require_upstreams().orders
    started = utcnow()
    due_before = started - timedelta(hours=runtime.settings.order_summary_max_age_hours)
    async with runtime.sessions() as session:
        total = await session.scalar(
            select(func.count(Customer.id))
            .outerjoin(OrderSummary, OrderSummary.customer_id == Customer.id)
            .where(or_(OrderSummary.customer_id.is_(None), OrderSummary.computed_at < due_before))
        )
    progress.start(TASK, total)
    summarised = kept = 0
    after: str | None = None
    while True:
        async with runtime.sessions() as session:
            batch = await customers_due(
                session, computed_before=due_before, after=after, limit=batch_size
            )
        if not batch:
            break
        results = await orders.orders_by_customer_id(batch)
        computed_at = utcnow()
        rows = [
            summary_row(customer_id, order_figures(result.orders), computed_at)
            for customer_id, result in results.items()
            if not result.errors
        ]
        async with transaction(runtime.sessions) as session:
            await save_order_summaries(session, rows)
        summarised += len(rows)
        kept += len(batch) - len(rows)
        after = batch[-1]
        progress.advance(TASK, len(batch))
    progress.finish(TASK)
    return SummaryReport(summarised=summarised, kept=kept)
