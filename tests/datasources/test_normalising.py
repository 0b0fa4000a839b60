"""An upstream's guard times its I/O, not the gateway's normalisation of the answer: a source
that answers fast but takes long to normalise neither times out nor counts against its
breaker, and other reads of the source go on while a large answer is normalised (a real
SQLite billing database with one customer's long history)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from core.metrics import Metrics
from datasources.billing import BillingSource
from datasources.config import BillingConfig
from datasources.records import InvoiceRecord
from datasources.resilience import Guard
from datasources.sql import open_engine
from tests.datasources.billing_history import write_billing_history
from tests.datasources.slow_mapping import (
    ROW_COST_SECONDS,
    TIMEOUT,
    burn,
    reads_beside,
    upstream_seconds,
)

BIG, SMALL = "cust-big", "cust-small"
BIG_SIZE = 2_000


class SlowMapping(BillingSource):
    """Billing whose invoice mapping burns CPU per row (a costly mapping of a fast answer)."""

    def _invoice(self, row: Mapping[str, Any]) -> InvoiceRecord:
        burn()
        return super()._invoice(row)


@pytest.fixture
async def slow_billing(tmp_path: Path) -> AsyncIterator[tuple[SlowMapping, Metrics]]:
    url = f"sqlite+aiosqlite:///{tmp_path}/billing.db"
    await write_billing_history(url, big=BIG, small=SMALL, size=BIG_SIZE, prefix="INV-N")
    metrics = Metrics()
    engine = open_engine(url, connect_timeout=1.0)
    source = SlowMapping(engine, BillingConfig(url=url), Guard("billing", TIMEOUT, metrics))
    try:
        yield source, metrics
    finally:
        await engine.dispose()


async def test_a_slow_to_normalise_answer_is_not_timed_as_the_upstream(
    slow_billing: tuple[SlowMapping, Metrics],
) -> None:
    source, metrics = slow_billing

    # When the long history is read whole (the nightly jobs' read)
    started = time.perf_counter()
    found = await source.invoices_by_customer_id([BIG])
    elapsed = time.perf_counter() - started

    # Then the mapping took its 0.8 s, but the upstream is timed for its query only
    assert len(found[BIG]) == BIG_SIZE
    assert elapsed >= BIG_SIZE * ROW_COST_SECONDS
    assert upstream_seconds(metrics, "billing") < TIMEOUT.timeout_seconds, "normalisation was timed"
    assert source.guard.breaker.consecutive_failures == 0


async def test_other_reads_of_the_source_go_on_while_a_large_answer_normalises(
    slow_billing: tuple[SlowMapping, Metrics],
) -> None:
    source, _ = slow_billing

    # While the big customer's history is normalised, a small customer is read again and again
    _, served, failures = await reads_beside(
        source.invoices_by_customer_id([BIG]), lambda: source.invoices_by_customer_id([SMALL])
    )

    # Then none of those reads timed out behind the normalisation, and the breaker never opened
    assert failures == [], [f"{e.code}: {e}" for e in failures]
    assert served >= 5, "the small reads waited for the big one instead of running beside it"
    assert source.guard.breaker.consecutive_failures == 0
