"""A request's deadline, a principal's concurrency, the answer size cap, and the breakers' verdict.

A gateway with tight limits runs under uvicorn over the demo upstreams, with a helpdesk of its
own whose delay the tests switch on; the upstream timeout is longer than the deadline, so it
is the deadline that ends a slow request.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from core.errors import UpstreamTimeout
from core.metrics import Metrics
from core.settings import Settings
from datasources.config import UpstreamConfig
from datasources.registry import Upstreams
from demo.upstreams.behaviour import Behaviour
from demo.upstreams.helpdesk_app import create_helpdesk_app
from demo.upstreams.serve import DemoServer, DemoUpstreams
from tests.fixtures.app import serve_in_thread
from tests.fixtures.upstreams import FAST, demo_store, run_async
from tests.gateway.test_cost_isolation import MANAGER, ME, SUPPORT, TICKETS, codes, post
from tests.gateway.test_cost_isolation import settings_for as _settings_for

DEADLINE = 0.5
HELPDESK_DELAY = 1.5
PATIENT = FAST.model_copy(update={"timeout_seconds": 5.0})
"""Upstream timeouts well past the deadline: the deadline is what ends a slow request."""


@pytest.fixture(scope="module")
def helpdesk(demo_upstreams_sqlite: DemoUpstreams) -> Iterator[DemoServer]:
    """A helpdesk of this module's own (its delay is switched per test)."""
    behaviour = Behaviour()
    server = DemoServer(
        create_helpdesk_app(demo_upstreams_sqlite.data.tickets, behaviour), behaviour
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def _calm_helpdesk(helpdesk: DemoServer) -> Iterator[None]:
    helpdesk.behaviour.reset()
    yield
    helpdesk.behaviour.reset()


def with_helpdesk(demo: DemoUpstreams, helpdesk: DemoServer, **resilience: Any) -> UpstreamConfig:
    """The demo upstreams with ``helpdesk`` and patient timeouts."""
    config = demo.config.with_resilience(PATIENT.model_copy(update=resilience))
    return config.model_copy(
        update={"helpdesk": config.helpdesk.model_copy(update={"base_url": helpdesk.url})}
    )


@pytest.fixture(scope="module")
def limited(
    demo_upstreams_sqlite: DemoUpstreams,
    helpdesk: DemoServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, Settings]]:
    """A gateway with a 0.5 s deadline, 2 requests per subject and 4 KB answers."""
    store_url = run_async(demo_store(tmp_path_factory.mktemp("limited-store"), notes=200))
    settings = _settings_for(
        tmp_path_factory.mktemp("limited"),
        store_url,
        request_deadline_seconds=DEADLINE,
        max_requests_per_principal=2,
        max_response_bytes=4096,
    )
    with serve_in_thread(settings, with_helpdesk(demo_upstreams_sqlite, helpdesk)) as url:
        yield url, settings


@pytest.fixture
async def http(limited: tuple[str, Settings]) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the limited gateway."""
    async with httpx.AsyncClient(base_url=limited[0], timeout=30) as client:
        yield client


async def helpdesk_calls(http: httpx.AsyncClient, outcome: str) -> float:
    """The gateway's count of helpdesk calls with this outcome (what its breaker was told)."""
    metrics = (await http.get("/metrics")).text
    prefix = f'c360_upstream_calls_total{{outcome="{outcome}",source="helpdesk"}} '
    lines = [line for line in metrics.splitlines() if line.startswith(prefix)]
    return float(lines[0].removeprefix(prefix)) if lines else 0.0


async def test_the_deadline_answers_a_slow_request_and_the_breaker_stays_closed(
    http: httpx.AsyncClient, limited: tuple[str, Settings], helpdesk: DemoServer
) -> None:
    settings = limited[1]
    helpdesk.behaviour.set_faults(delay_seconds=HELPDESK_DELAY)
    answers = []
    for _ in range(6):  # more than the breaker's threshold of consecutive failures
        started = time.perf_counter()
        response = await post(http, settings, MANAGER, TICKETS, id="cust-00001")
        answers.append((response, time.perf_counter() - started))

    for response, elapsed in answers:
        body = response.json()
        assert response.status_code == 504
        assert response.headers["content-type"] == "application/json"
        assert body["data"] is None
        assert codes(body) == ["DEADLINE_EXCEEDED"]
        assert body["errors"][0]["extensions"]["deadlineSeconds"] == DEADLINE
        assert elapsed < DEADLINE + 0.5, elapsed

    await asyncio.sleep(HELPDESK_DELAY)  # calls already sent finish (or not) meanwhile
    # The breaker was told of no failure (the calls the deadline cut off are not errors)
    assert await helpdesk_calls(http, "error") == 0
    helpdesk.behaviour.reset()
    body = (await post(http, settings, MANAGER, TICKETS, id="cust-00001")).json()
    assert codes(body) == [], body
    assert body["data"]["customer"]["tickets"]["edges"]


async def test_a_subject_may_have_only_so_many_requests_in_flight(
    http: httpx.AsyncClient, limited: tuple[str, Settings], helpdesk: DemoServer
) -> None:
    settings = limited[1]
    helpdesk.behaviour.set_faults(delay_seconds=DEADLINE * 2)
    burst = [
        asyncio.create_task(post(http, settings, MANAGER, TICKETS, id="cust-00001"))
        for _ in range(3)
    ]
    await asyncio.sleep(0.1)
    other = await post(http, settings, SUPPORT, ME)
    responses = await asyncio.gather(*burst)

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [429, 504, 504], [r.text for r in responses]
    refused = next(response for response in responses if response.status_code == 429)
    assert refused.headers["retry-after"] == "1"
    assert codes(refused.json()) == ["TOO_MANY_REQUESTS"]
    assert other.status_code == 200, "another subject is not held back"
    assert other.json()["data"]["me"]["subject"] == SUPPORT[1]
    helpdesk.behaviour.reset()
    # The slots are given back when requests end.
    again = await post(http, settings, MANAGER, ME)
    assert again.status_code == 200


async def test_an_answer_over_the_size_cap_is_replaced_by_a_coded_error(
    http: httpx.AsyncClient, limited: tuple[str, Settings]
) -> None:
    settings = limited[1]
    query = "{ customers(first: 100) { edges { node { id name email phone } } } }"
    response = await post(http, settings, MANAGER, query)
    body = response.json()
    assert body["data"] is None
    assert codes(body) == ["RESPONSE_TOO_LARGE"]
    assert body["errors"][0]["extensions"]["limit"] == 4096
    small = await post(http, settings, MANAGER, "{ customers(first: 2) { edges { node { id } } } }")
    assert len(small.json()["data"]["customers"]["edges"]) == 2


async def test_a_timeout_while_the_gateway_itself_stalled_does_not_count_against_the_upstream(
    demo_upstreams_sqlite: DemoUpstreams, helpdesk: DemoServer
) -> None:
    config = with_helpdesk(demo_upstreams_sqlite, helpdesk, timeout_seconds=0.2, max_attempts=1)
    upstreams = Upstreams(config, Metrics())
    try:
        breaker = upstreams.breakers["helpdesk"]
        await upstreams.helpdesk.tickets_by_customer_id(["cust-00001"])  # connected, warm

        call = asyncio.create_task(upstreams.helpdesk.tickets_by_customer_id(["cust-00001"]))
        await asyncio.sleep(0)  # the call starts; the helpdesk would answer in milliseconds
        # ... but the gateway's own loop is blocked (as by a large answer being built).
        time.sleep(0.6)  # noqa: ASYNC251 - blocking the loop is the point
        with pytest.raises(UpstreamTimeout):
            await call
        assert breaker.consecutive_failures == 0, "the gateway's stall is not the helpdesk's"

        # A helpdesk that really is slower than the timeout still counts.
        helpdesk.behaviour.set_faults(delay_seconds=0.5)
        with pytest.raises(UpstreamTimeout):
            await upstreams.helpdesk.tickets_by_customer_id(["cust-00001"])
        assert breaker.consecutive_failures == 1
    finally:
        await upstreams.aclose()
