"""The CRM's customers and its staff table are normalised after the guard, as the other
sources are (`datasources.normalising`): a CRM that answers fast but takes long to map times
out nobody, counts nothing against its breaker, and other reads of the CRM go on while a large
answer is mapped (a real SQLite CRM database with a few thousand customers and staff)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Coroutine, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from core.metrics import Metrics
from datasources import staff
from datasources.config import CrmConfig
from datasources.crm import CrmSource
from datasources.records import CustomerRecord, StaffRecord
from datasources.resilience import Guard
from datasources.sql import open_engine
from demo.upstreams.data import UpstreamData
from demo.upstreams.databases import build_database, crm_customers, crm_staff
from tests.datasources.slow_mapping import (
    ROW_COST_SECONDS,
    TIMEOUT,
    burn,
    insert_rows,
    reads_beside,
    upstream_seconds,
)

SIZE = 2_000
START = datetime(2020, 1, 1, tzinfo=UTC)


async def _fill(url: str) -> None:
    await build_database("crm", url, UpstreamData(seed=5, customer_count=4))
    customers = [
        {
            "customer_no": f"big-{n:05d}",
            "display_name": f"Customer {n}",
            "vip_flag": False,
            "created_on": START + timedelta(minutes=n),
        }
        for n in range(SIZE)
    ]
    staff_rows = [
        {
            "staff_no": f"zz-{n:05d}",
            "full_name": f"Agent {n}",
            "work_email": f"a{n}@example.com",
            "job_role": "support",
            "is_active": True,
            "modified_at": START,
        }
        for n in range(SIZE)
    ]
    await insert_rows(url, (crm_customers, customers), (crm_staff, staff_rows))


class SlowCrm(CrmSource):
    """A CRM whose customer mapping burns CPU per row (a costly mapping of a fast answer)."""

    def _record(self, row: Mapping[str, Any]) -> CustomerRecord:
        burn()
        return super()._record(row)


def _slow_staff_record(
    values: Mapping[str, Any], names: Any, roles: Mapping[str, str]
) -> StaffRecord:
    burn()
    return _STAFF_RECORD(values, names, roles)


_STAFF_RECORD = staff.staff_record


@pytest.fixture
async def slow_crm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[SlowCrm, Metrics]]:
    url = f"sqlite+aiosqlite:///{tmp_path}/crm.db"
    await _fill(url)
    monkeypatch.setattr(staff, "staff_record", _slow_staff_record)
    metrics = Metrics()
    engine = open_engine(url, connect_timeout=1.0)
    source = SlowCrm(engine, CrmConfig(url=url), Guard("crm", TIMEOUT, metrics))
    try:
        yield source, metrics
    finally:
        await engine.dispose()


def _large_reads(source: SlowCrm) -> dict[str, Callable[[], Coroutine[Any, Any, int]]]:
    async def customers() -> int:
        return len(await source.list_customers(first=SIZE, after="big-"))

    async def staff_page() -> int:
        assert source.staff is not None
        return len((await source.staff.changed_since(None, first=SIZE, after="zz-")).records)

    return {"customers": customers, "staff": staff_page}


@pytest.mark.parametrize("read", ["customers", "staff"])
async def test_a_slow_to_normalise_answer_is_not_timed_as_the_upstream(
    slow_crm: tuple[SlowCrm, Metrics], read: str
) -> None:
    source, metrics = slow_crm

    # When a large answer is read whole
    started = time.perf_counter()
    found = await _large_reads(source)[read]()
    elapsed = time.perf_counter() - started

    # Then the mapping took its 0.8 s, but the upstream is timed for its query only
    assert found == SIZE
    assert elapsed >= SIZE * ROW_COST_SECONDS
    assert upstream_seconds(metrics, "crm") < TIMEOUT.timeout_seconds, "normalisation was timed"
    assert source.guard.breaker.consecutive_failures == 0


@pytest.mark.parametrize("read", ["customers", "staff"])
async def test_other_reads_of_the_crm_go_on_while_a_large_answer_normalises(
    slow_crm: tuple[SlowCrm, Metrics], read: str
) -> None:
    source, _ = slow_crm

    # While the large answer is mapped, one customer is read again and again
    found, served, failures = await reads_beside(
        _large_reads(source)[read](), lambda: source.customers_by_id(["big-00001"])
    )
    assert found == SIZE

    # Then none of those reads timed out behind the mapping, and the breaker never opened
    assert failures == [], [f"{e.code}: {e}" for e in failures]
    assert served >= 5, "the small reads waited for the large one instead of running beside it"
    assert source.guard.breaker.consecutive_failures == 0
