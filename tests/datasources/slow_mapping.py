"""The harness of the slow-mapping tests: a source whose answer is fast to read and slow to
normalise (CPU burnt per row, holding the interpreter as real normalisation does), a guard
whose timeout that CPU would exceed, and a small read repeated beside the large one."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import create_async_engine

from core.errors import UpstreamError
from core.metrics import Metrics
from tests.fixtures.upstreams import FAST

T = TypeVar("T")

ROW_COST_SECONDS = 0.0004
"""CPU per row of the slow mapping: 0.8 s for 2,000 rows, far over the timeout."""
TIMEOUT = FAST.model_copy(update={"timeout_seconds": 0.5, "breaker_failure_threshold": 1})
"""The guard's settings: one timeout would open the breaker."""


def burn() -> None:
    """Hold the interpreter for one row's mapping."""
    until = time.perf_counter() + ROW_COST_SECONDS
    while time.perf_counter() < until:
        pass  # busy, holding the interpreter as real normalisation does


async def insert_rows(url: str, *batches: tuple[Table, Sequence[dict[str, Any]]]) -> None:
    """Add each batch of rows to its table of the database at `url`, in one transaction."""
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            for table, rows in batches:
                await connection.execute(insert(table), rows)
    finally:
        await engine.dispose()


def upstream_seconds(metrics: Metrics, source: str) -> float:
    """The time the guard measured for `source`'s calls (the latency histogram's sum)."""
    for family in metrics.upstream_latency.collect():
        for sample in family.samples:
            if sample.name.endswith("_sum") and sample.labels.get("source") == source:
                return float(sample.value)
    return 0.0


async def reads_beside(
    large: Awaitable[T], small: Callable[[], Awaitable[object]]
) -> tuple[T, int, list[UpstreamError]]:
    """`small()` again and again (20 ms apart) until `large` is done: the large read's
    result, how many small reads were served, and the small reads' failures."""
    running = asyncio.ensure_future(large)
    failures: list[UpstreamError] = []
    served = 0
    while not running.done():
        try:
            await small()
            served += 1
        except UpstreamError as error:
            failures.append(error)
        await asyncio.sleep(0.02)
    return await running, served, failures
