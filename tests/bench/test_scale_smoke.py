"""A customer's first page of orders (and of the timeline) costs about the same at 5,000
records as at 50.

The CI slice of ``python -m bench scale``: the same world (PostgreSQL upstreams, the demo
services and the gateway in processes of their own; built once for the module, as the tests
only read it), two customers only, one field per test. The sizes are interleaved round by
round, so a busy machine slows both alike; a test fails when the median
``orders(first: 20)`` (or ``timeline(first: 20)``) at 5,000 records costs more than 3x the
one at 50.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bench.scale import measure
from bench.scale_world import World, scale_world
from devservices.postgres import ExternalPostgres, PostgresServer

pytestmark = [pytest.mark.postgres]

SMALL, BIG = 50, 5_000
ROUNDS = 7
LIMIT = 3.0


@pytest.fixture(scope="module")
async def world(postgres_server: PostgresServer | ExternalPostgres) -> AsyncIterator[World]:
    """The two sizes' customers behind one gateway, shared: each test times its own field."""
    async with scale_world(postgres_server.admin_dsn, (SMALL, BIG)) as built:
        yield built


async def test_first_page_of_orders_does_not_grow_with_the_customers_order_count(
    world: World,
) -> None:
    timings = await measure(world, fields=("orders",), rounds=ROUNDS, warmup=2)
    small, big = timings["orders"][SMALL], timings["orders"][BIG]
    assert not small.errors, small.errors
    assert not big.errors, big.errors
    ratio = big.p50 / small.p50
    assert ratio <= LIMIT, (
        f"orders(first: 20) at {BIG:,} orders costs {ratio:.1f}x its cost at {SMALL:,} "
        f"(p50 {big.p50:.1f} ms vs {small.p50:.1f} ms over {ROUNDS} interleaved rounds; "
        f"limit {LIMIT:g}x)"
    )


async def test_first_page_of_the_timeline_does_not_grow_with_the_customers_history(
    world: World,
) -> None:
    timings = await measure(world, fields=("timeline",), rounds=ROUNDS, warmup=2)
    small, big = timings["timeline"][SMALL], timings["timeline"][BIG]
    assert not small.errors, small.errors
    assert not big.errors, big.errors
    ratio = big.p50 / small.p50
    assert ratio <= LIMIT, (
        f"timeline(first: 20) at {BIG:,} records costs {ratio:.1f}x its cost at {SMALL:,} "
        f"(p50 {big.p50:.1f} ms vs {small.p50:.1f} ms over {ROUNDS} interleaved rounds; "
        f"limit {LIMIT:g}x)"
    )
