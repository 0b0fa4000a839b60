"""The `intake-scan` job: read every customer's orders and record what fails to take in."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from core.progress import SILENT, Progress
from datasources.orders.sightings import close_collector, open_collector
from gateway.runtime import Runtime
from resolvers.intake import record_sightings
from store.models import Customer

TASK = "scanning order channels"


@dataclass(frozen=True, slots=True)
class ScanReport:
    """What a sweep found."""

    customers: int
    failures: int


async def scan(
    runtime: Runtime, *, progress: Progress = SILENT, batch_size: int = 200
) -> ScanReport:
    """Read every store customer's orders from every channel in batches; record failures."""
    upstreams = runtime.require_upstreams()
    customers = failures = 0
    async with runtime.sessions() as session:
        ids = list(await session.scalars(select(Customer.id).order_by(Customer.id)))
    progress.start(TASK, len(ids))
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        sightings = open_collector()
        try:
            await upstreams.orders.orders_by_customer_id(batch)
        finally:
            close_collector()
        failures += await record_sightings(runtime.sessions, list(sightings.values()))
        customers += len(batch)
        progress.advance(TASK, len(batch))
    progress.finish(TASK)
    return ScanReport(customers=customers, failures=failures)
