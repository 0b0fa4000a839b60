"""`summarise-orders` under a failing upstream: a batch whose whole-history read failed (the
real demo marketplace on loopback refusing the first call with a 429 beyond the retry cap)
is read again after a backoff and summarised; customers still failing after every attempt
keep their previous figures and are named in the report, within a bounded run."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import delete, func, select

from demo.upstreams.behaviour import Behaviour
from demo.upstreams.serve import DemoUpstreams
from gateway.jobs.order_summaries import SummaryReport, summarise_orders
from gateway.runtime import open_runtime
from store.models import OrderSummary
from store.write_context import transaction
from tests.fixtures.seeded import TINY_CUSTOMERS, SeededStore
from tests.fixtures.upstreams import FAST

BATCH = 7
BACKOFF = 0.05


@pytest.fixture
def marketplace(demo_upstreams_sqlite: DemoUpstreams) -> Iterator[Behaviour]:
    behaviour = demo_upstreams_sqlite.marketplace.behaviour
    behaviour.reset()
    try:
        yield behaviour
    finally:
        behaviour.reset()


async def _run(store: SeededStore, demo: DemoUpstreams) -> SummaryReport:
    async with transaction(store.sessions) as session:
        await session.execute(delete(OrderSummary))  # every customer is due
    async with open_runtime(store.settings, demo.config.with_resilience(FAST)) as runtime:
        return await summarise_orders(runtime, batch_size=BATCH, backoff_seconds=BACKOFF)


async def _stored(store: SeededStore) -> int:
    async with store.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(OrderSummary)) or 0)


async def test_a_batch_whose_read_failed_once_is_read_again_and_summarised(
    seeded_store: SeededStore, demo_upstreams_sqlite: DemoUpstreams, marketplace: Behaviour
) -> None:
    # Given a marketplace that refuses the job's first call (a Retry-After past the cap: the
    # guard gives up at once, so the first batch's whole-history read fails)
    marketplace.set_faults(reject_next=1, retry_after=600)

    # When the job runs
    report = await _run(seeded_store, demo_upstreams_sqlite)

    # Then the first batch was read again and every customer is summarised
    assert await _stored(seeded_store) == TINY_CUSTOMERS
    assert (report.summarised, report.kept, report.failed) == (TINY_CUSTOMERS, 0, ())
    assert marketplace.throttled == 1
    assert report.retried == BATCH
    assert "retried" in str(report)


async def test_customers_failing_every_attempt_are_named_and_keep_their_figures(
    seeded_store: SeededStore, demo_upstreams_sqlite: DemoUpstreams, marketplace: Behaviour
) -> None:
    # Given a marketplace down for the whole run
    marketplace.set_faults(status=503)

    # When the job runs
    started = time.perf_counter()
    report = await _run(seeded_store, demo_upstreams_sqlite)

    # Then nothing is written, every customer is named as kept, and the retries were bounded
    assert await _stored(seeded_store) == 0
    assert (report.summarised, report.kept) == (0, TINY_CUSTOMERS)
    assert len(report.failed) == TINY_CUSTOMERS == len(set(report.failed))
    assert report.retried == 2 * TINY_CUSTOMERS  # three reads in all per customer
    assert report.failed[0] in str(report)
    assert "kept their previous figures" in str(report)
    batches = -(-TINY_CUSTOMERS // BATCH)
    assert time.perf_counter() - started < batches * 3 * BACKOFF + 30
