"""A request's `ReadLease` keeps one connection between reads that do not overlap, gives a
failed read's connection back to the pool, never keeps two, gives back one no read claimed in
time, and returns what it kept on close."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from store import read_lease
from store.db import read_session_factory
from store.models import Customer
from store.read_lease import ReadLease


def _checked_out(engine: AsyncEngine) -> int:
    return int(engine.sync_engine.pool.checkedout())  # type: ignore[attr-defined]


async def test_reads_one_after_another_share_one_connection(engine: AsyncEngine) -> None:
    lease = ReadLease(read_session_factory(engine))
    for _ in range(3):
        async with lease() as session:
            await session.scalar(select(Customer.id).limit(1))
    assert lease.checkouts == 1
    assert _checked_out(engine) == 1  # kept for the request's next read
    await lease.aclose()
    assert _checked_out(engine) == 0


async def test_a_failed_read_gives_its_connection_back(engine: AsyncEngine) -> None:
    lease = ReadLease(read_session_factory(engine))
    async with lease() as session:
        await session.scalar(select(1))
    with pytest.raises(DBAPIError):
        async with lease() as session:
            await session.execute(text("SELECT * FROM no_such_table"))
    assert _checked_out(engine) == 0  # not kept: the next read starts on a clean connection
    async with lease() as session:
        assert await session.scalar(select(1)) == 1
    assert lease.checkouts == 2
    await lease.aclose()
    assert _checked_out(engine) == 0


async def test_overlapping_reads_each_have_a_connection_and_one_is_kept(
    engine: AsyncEngine,
) -> None:
    lease = ReadLease(read_session_factory(engine))
    both_in = asyncio.Barrier(2)

    async def read() -> int | None:
        async with lease() as session:
            await both_in.wait()  # both reads hold a session at once
            return await session.scalar(select(1))

    assert list(await asyncio.gather(read(), read())) == [1, 1]
    assert lease.checkouts == 2
    assert _checked_out(engine) == 1
    await lease.aclose()
    assert _checked_out(engine) == 0
    # After the request is answered, a late read uses and returns its own connection.
    async with lease() as session:
        await session.scalar(select(1))
    assert _checked_out(engine) == 0


async def test_a_kept_connection_no_read_claims_goes_back_to_the_pool(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A request waiting on an upstream system does not hold a pooled connection idle.
    monkeypatch.setattr(read_lease, "KEEP_SECONDS", 0.01)
    lease = ReadLease(read_session_factory(engine))
    async with lease() as session:
        await session.scalar(select(1))
    assert _checked_out(engine) == 1
    for _ in range(100):
        if _checked_out(engine) == 0:
            break
        await asyncio.sleep(0.01)
    assert _checked_out(engine) == 0
    async with lease() as session:
        await session.scalar(select(1))
    assert lease.checkouts == 2
    await lease.aclose()
    assert _checked_out(engine) == 0
