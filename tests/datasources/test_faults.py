"""Real faults injected into real demo upstreams: each surfaces as the right UpstreamError.

Each test gets its own helpdesk (and, where needed, marketplace) server on a loopback port,
so stopping it or switching a fault on affects no other test. Faults are switched through
the demo app's admin endpoint, as an operator of the demo would.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import httpx
import pytest

from core.errors import BadUpstreamData, UpstreamTimeout, UpstreamUnavailable
from core.metrics import Metrics
from datasources.breaker import BreakerState
from datasources.config import ResilienceConfig, UpstreamConfig
from datasources.registry import Upstreams
from datasources.resilience import CircuitOpen, UpstreamRateLimited
from demo.upstreams.behaviour import Behaviour
from demo.upstreams.helpdesk_app import create_helpdesk_app
from demo.upstreams.marketplace_app import create_marketplace_app
from demo.upstreams.serve import DemoServer, DemoUpstreams
from devservices.ports import free_port
from gateway.health import check_all
from tests.fixtures.upstreams import FAST, upstream_calls

CUSTOMER = "cust-00001"
RESILIENCE = FAST.model_copy(
    update={
        "timeout_seconds": 10.0,
        "breaker_failure_threshold": 3,
        "breaker_reset_seconds": 0.3,
    }
)
"""The faults' settings. The timeout is far beyond any answer's time, on a loaded machine
too: with a short one, a 429 or a missing file that took long to answer under load failed as
a timeout instead (and a cancelled SQLite connect reported to a loop already closed)."""
TIMEOUT = 0.3
"""The timeout of the tests about timeouts."""


@pytest.fixture
def helpdesk(demo_upstreams_sqlite: DemoUpstreams) -> Iterator[DemoServer]:
    """A private helpdesk server over the demo tickets."""
    behaviour = Behaviour()
    server = DemoServer(
        create_helpdesk_app(demo_upstreams_sqlite.data.tickets, behaviour), behaviour
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def marketplace(demo_upstreams_sqlite: DemoUpstreams) -> Iterator[DemoServer]:
    """A private marketplace server over the demo orders."""
    behaviour = Behaviour()
    orders = demo_upstreams_sqlite.data.marketplace_orders
    server = DemoServer(create_marketplace_app(orders, behaviour), behaviour)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def resilience() -> ResilienceConfig:
    """The resilience settings of the test's `upstreams` (a test about timeouts overrides it)."""
    return RESILIENCE


@pytest.fixture
async def upstreams(
    demo_upstreams_sqlite: DemoUpstreams,
    helpdesk: DemoServer,
    marketplace: DemoServer,
    resilience: ResilienceConfig,
) -> AsyncIterator[Upstreams]:
    """Upstreams whose helpdesk and marketplace are this test's private servers."""
    config = demo_upstreams_sqlite.config.with_resilience(resilience)
    config = config.model_copy(
        update={
            "helpdesk": config.helpdesk.model_copy(update={"base_url": helpdesk.url}),
            "marketplace": config.marketplace.model_copy(update={"base_url": marketplace.url})
            if config.marketplace
            else None,
        }
    )
    opened = Upstreams(config, Metrics())
    try:
        yield opened
    finally:
        await opened.aclose()


async def inject(server: DemoServer, **faults: Any) -> None:
    """Switch faults on through the demo upstream's admin endpoint."""
    async with httpx.AsyncClient(base_url=server.url) as client:
        response = await client.post("/admin/faults", json=faults)
        response.raise_for_status()


def state(upstreams: Upstreams) -> BreakerState:
    """The helpdesk breaker's state now."""
    return upstreams.breakers["helpdesk"].state


async def test_helpdesk_stopped(upstreams: Upstreams, helpdesk: DemoServer) -> None:
    helpdesk.stop()

    with pytest.raises(UpstreamUnavailable) as caught:
        await upstreams.helpdesk.tickets_by_customer_id([CUSTOMER])

    assert type(caught.value) is UpstreamUnavailable
    assert caught.value.source == "helpdesk"
    assert upstream_calls(upstreams.metrics, "helpdesk") == RESILIENCE.max_attempts


@pytest.mark.parametrize("resilience", [RESILIENCE.model_copy(update={"timeout_seconds": TIMEOUT})])
async def test_helpdesk_slower_than_the_timeout(upstreams: Upstreams, helpdesk: DemoServer) -> None:
    delay = TIMEOUT * 3
    await inject(helpdesk, delay_seconds=delay)
    started = time.perf_counter()

    with pytest.raises(UpstreamTimeout) as caught:
        await upstreams.helpdesk.tickets_by_customer_id([CUSTOMER])

    assert caught.value.source == "helpdesk"
    elapsed = time.perf_counter() - started
    # Uncut, the attempts take `delay` each; cut, a third of it (a margin for a loaded machine).
    assert elapsed < RESILIENCE.max_attempts * delay, "each attempt was cut short"


async def test_helpdesk_500_opens_the_breaker_which_half_opens_and_recovers(
    upstreams: Upstreams, helpdesk: DemoServer
) -> None:
    await inject(helpdesk, status=500)
    with pytest.raises(UpstreamUnavailable) as caught:
        await upstreams.helpdesk.tickets_by_customer_id([CUSTOMER])
    assert caught.value.source == "helpdesk"
    assert caught.value.extensions["status"] == 500
    assert state(upstreams) is BreakerState.OPEN, "3 failed attempts in a row open it"

    received = helpdesk.behaviour.requests
    with pytest.raises(CircuitOpen):
        await upstreams.helpdesk.tickets_by_customer_id([CUSTOMER])
    assert helpdesk.behaviour.requests == received, "an open breaker sends nothing"
    ready, components = await check_all(upstreams.health_checks())
    assert not ready
    assert "circuit breaker open" in components["helpdesk"]["detail"]

    await asyncio.sleep(RESILIENCE.breaker_reset_seconds)
    assert state(upstreams) is BreakerState.HALF_OPEN
    await inject(helpdesk, status=None)

    tickets = await upstreams.helpdesk.tickets_by_customer_id([CUSTOMER])

    assert state(upstreams) is BreakerState.CLOSED
    assert all(t.customer_id == CUSTOMER for t in tickets.get(CUSTOMER, []))


async def test_helpdesk_429_is_retried_after_retry_after(
    upstreams: Upstreams, helpdesk: DemoServer
) -> None:
    await inject(helpdesk, reject_next=1, retry_after=1)
    started = time.perf_counter()

    await upstreams.helpdesk.tickets_by_customer_id([CUSTOMER])

    assert time.perf_counter() - started >= 1.0, "waited as long as Retry-After asked"
    assert helpdesk.behaviour.throttled == 1
    assert helpdesk.behaviour.requests == 2


async def test_helpdesk_429_exhausts_the_retries(
    upstreams: Upstreams, helpdesk: DemoServer
) -> None:
    await inject(helpdesk, reject_next=10, retry_after=0)

    with pytest.raises(UpstreamRateLimited) as caught:
        await upstreams.helpdesk.tickets_by_customer_id([CUSTOMER])

    assert isinstance(caught.value, UpstreamUnavailable)
    assert caught.value.source == "helpdesk"
    assert caught.value.code == "UPSTREAM_UNAVAILABLE"
    assert helpdesk.behaviour.requests == RESILIENCE.max_attempts


async def test_helpdesk_429_beyond_the_cap_fails_at_once(
    upstreams: Upstreams, helpdesk: DemoServer
) -> None:
    await inject(helpdesk, reject_next=1, retry_after=60)

    with pytest.raises(UpstreamRateLimited) as caught:
        await upstreams.helpdesk.tickets_by_customer_id([CUSTOMER])

    assert caught.value.retry_after == 60
    assert helpdesk.behaviour.requests == 1


async def test_helpdesk_malformed_json(upstreams: Upstreams, helpdesk: DemoServer) -> None:
    await inject(helpdesk, malformed=True)

    with pytest.raises(BadUpstreamData) as caught:
        await upstreams.helpdesk.tickets_by_customer_id([CUSTOMER])

    assert caught.value.source == "helpdesk"
    assert helpdesk.behaviour.requests == 1, "bad data is not retried"
    assert upstreams.breakers["helpdesk"].state is BreakerState.CLOSED


async def test_marketplace_down_leaves_the_other_channels(
    upstreams: Upstreams, marketplace: DemoServer
) -> None:
    marketplace.stop()

    result = (await upstreams.orders.orders_by_customer_id([CUSTOMER]))[CUSTOMER]

    assert [error.source for error in result.errors] == ["marketplace"]
    assert isinstance(result.errors[0], UpstreamUnavailable)
    assert {o.channel for o in result.orders} <= {"web", "pos"}


async def test_independent_sources_are_fetched_in_parallel(
    upstreams: Upstreams, helpdesk: DemoServer, marketplace: DemoServer
) -> None:
    delay = 1.0  # long beside a loaded machine's scheduling delays
    await inject(helpdesk, delay_seconds=delay)
    await inject(marketplace, delay_seconds=delay)
    started = time.perf_counter()

    await asyncio.gather(
        upstreams.helpdesk.tickets_by_customer_id([CUSTOMER]),
        upstreams.orders.orders_by_customer_id([CUSTOMER]),
    )

    assert time.perf_counter() - started < 2 * delay


def unreachable_postgres(config: UpstreamConfig, *names: str) -> UpstreamConfig:
    """The same config with the named SQL sources pointing at a port nothing listens on."""
    url = f"postgresql+asyncpg://reader@127.0.0.1:{free_port()}/upstream"
    update = {name: getattr(config, name).model_copy(update={"url": url}) for name in names}
    return config.model_copy(update=update)


@pytest.mark.parametrize("source", ["crm", "billing", "oms"])
async def test_sql_upstream_unreachable(demo_upstreams_sqlite: DemoUpstreams, source: str) -> None:
    config = unreachable_postgres(demo_upstreams_sqlite.config.with_resilience(RESILIENCE), source)
    upstreams = Upstreams(config, Metrics())
    try:
        loads: dict[str, Callable[[], Awaitable[object]]] = {
            "crm": lambda: upstreams.crm.customers_by_id([CUSTOMER]),
            "billing": lambda: upstreams.billing.invoices_by_customer_id([CUSTOMER]),
            "oms": lambda: upstreams.orders.channels[0].orders_by_customer_id([CUSTOMER]),
        }
        with pytest.raises(UpstreamUnavailable) as caught:
            await loads[source]()
        ready, components = await check_all(upstreams.health_checks())
    finally:
        await upstreams.aclose()

    assert caught.value.source == source
    assert not ready
    assert components[source]["status"] == "down"
    assert components["helpdesk"]["status"] == "up"


async def test_sqlite_upstream_file_missing(demo_upstreams_sqlite: DemoUpstreams) -> None:
    config = demo_upstreams_sqlite.config.with_resilience(RESILIENCE)
    missing = "sqlite+aiosqlite:///file:/nonexistent/crm.db?mode=ro&uri=true"
    config = config.model_copy(update={"crm": config.crm.model_copy(update={"url": missing})})
    upstreams = Upstreams(config, Metrics())
    try:
        with pytest.raises(UpstreamUnavailable) as caught:
            await upstreams.crm.customers_by_id([CUSTOMER])
    finally:
        await upstreams.aclose()

    assert caught.value.source == "crm"
