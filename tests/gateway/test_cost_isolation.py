"""One request cannot stall everyone: query cost, deadline, per-principal concurrency, answer size.

Gateways run under uvicorn on loopback over the demo upstreams (SQLite databases and the
helpdesk as a real HTTP service of its own, so faults switched on here touch no other test).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import parse

from core.settings import Settings
from datasources.config import UpstreamConfig
from demo.upstreams.behaviour import Behaviour
from demo.upstreams.helpdesk_app import create_helpdesk_app
from demo.upstreams.serve import DemoServer, DemoUpstreams
from gateway.auth import mint_token
from schema import build_schema
from schema.cost import CostModel, estimate_cost
from schema.operation_names import KNOWN_OPERATIONS
from tests.fixtures.app import serve_in_thread, sqlite_settings
from tests.fixtures.upstreams import FAST, demo_store
from tests.gateway.cost_queries import BOMB, HEAVY, readme_operations, widget_operations

SALES = ("sales", "agent-8")
MANAGER = ("manager", "agent-2")
SUPPORT = ("support", "agent-4")
TICKETS = """
query Tickets($id: ID!) { customer(id: $id) { id tickets { edges { node { id subject } } } } }
"""
ME = "query WidgetMe { me { subject } }"


@pytest.fixture(scope="module")
async def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A native store seeded like the demo upstreams."""
    return await demo_store(tmp_path_factory.mktemp("cost-store"), notes=600)


@pytest.fixture
def helpdesk(demo_upstreams_sqlite: DemoUpstreams) -> Iterator[DemoServer]:
    """A private helpdesk server over the demo tickets (faults can be switched on)."""
    behaviour = Behaviour()
    server = DemoServer(
        create_helpdesk_app(demo_upstreams_sqlite.data.tickets, behaviour), behaviour
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


def upstream_config(demo: DemoUpstreams, helpdesk: DemoServer | None = None) -> UpstreamConfig:
    """The demo upstreams with fast test resilience, and this test's helpdesk if given."""
    config = demo.config.with_resilience(FAST)
    if helpdesk is None:
        return config
    return config.model_copy(
        update={"helpdesk": config.helpdesk.model_copy(update={"base_url": helpdesk.url})}
    )


def settings_for(directory: Path, store_url: str, **overrides: Any) -> Settings:
    """Test settings on the seeded store."""
    return sqlite_settings(directory, database_url=store_url, search_indexer=False, **overrides)


@pytest.fixture(scope="module")
def default_gateway(
    store_url: str, demo_upstreams_sqlite: DemoUpstreams, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Settings]]:
    """A gateway with the default limits; yields its URL and settings."""
    settings = settings_for(tmp_path_factory.mktemp("cost-gw"), store_url)
    with serve_in_thread(settings, upstream_config(demo_upstreams_sqlite)) as url:
        yield url, settings


def token(settings: Settings, who: tuple[str, str]) -> str:
    """A bearer token for (role, subject) on this gateway."""
    role, subject = who
    return mint_token(settings, subject=subject, roles=(role,))


async def post(
    http: httpx.AsyncClient,
    settings: Settings,
    who: tuple[str, str],
    document: str,
    /,
    **variables: Any,
) -> httpx.Response:
    """POST one GraphQL request as (role, subject)."""
    return await http.post(
        "/graphql",
        json={"query": document, "variables": variables},
        headers={"Authorization": f"Bearer {token(settings, who)}"},
    )


def codes(body: dict[str, Any]) -> list[str]:
    """The error codes of a GraphQL answer."""
    return [error["extensions"]["code"] for error in body.get("errors") or []]


@pytest.fixture
async def http(default_gateway: tuple[str, Settings]) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the default gateway."""
    async with httpx.AsyncClient(base_url=default_gateway[0], timeout=60) as client:
        yield client


async def test_the_cost_bomb_is_refused_before_it_runs(
    http: httpx.AsyncClient, default_gateway: tuple[str, Settings]
) -> None:
    settings = default_gateway[1]
    started = time.perf_counter()
    response = await post(http, settings, SALES, BOMB)
    elapsed = time.perf_counter() - started

    body = response.json()
    assert response.status_code == 200, response.text
    assert body["data"] is None
    assert codes(body) == ["QUERY_TOO_COSTLY"]
    extensions = body["errors"][0]["extensions"]
    assert extensions["limit"] == settings.max_query_cost == 50_000
    assert extensions["cost"] > 1_000 * extensions["limit"]
    assert elapsed < 1.0, f"refused in {elapsed:.2f}s"


async def test_small_queries_stay_fast_beside_the_bomb_and_a_heavy_allowed_query(
    http: httpx.AsyncClient, default_gateway: tuple[str, Settings]
) -> None:
    settings = default_gateway[1]
    alone = []
    for _ in range(5):
        started = time.perf_counter()
        assert (await post(http, settings, SUPPORT, ME)).status_code == 200
        alone.append(time.perf_counter() - started)

    heavy_started = time.perf_counter()
    bomb = asyncio.create_task(post(http, settings, SALES, BOMB))
    heavy = asyncio.create_task(post(http, settings, MANAGER, HEAVY))
    during: list[float] = []
    await asyncio.sleep(0.05)
    while not (heavy.done() and bomb.done()):
        started = time.perf_counter()
        response = await post(http, settings, SUPPORT, ME)
        during.append(time.perf_counter() - started)
        assert response.json()["data"]["me"]["subject"] == "agent-4"
        await asyncio.sleep(0.02)
    heavy_body = (await heavy).json()
    heavy_seconds = time.perf_counter() - heavy_started

    assert codes((await bomb).json()) == ["QUERY_TOO_COSTLY"]
    # The demo's marketplace holds unreadable orders on purpose; nothing else may fail.
    assert set(codes(heavy_body)) <= {"BAD_UPSTREAM_DATA"}, heavy_body.get("errors")
    assert len(heavy_body["data"]["customers"]["edges"]) == 100
    print(
        f"\nheavy query {heavy_seconds:.2f}s; small query alone: max {max(alone) * 1000:.0f} ms; "
        f"beside the heavy one: n={len(during)}, median "
        f"{sorted(during)[len(during) // 2] * 1000:.0f} ms, max {max(during) * 1000:.0f} ms"
    )
    assert during, "the heavy query finished before a small one could be sent"
    assert max(during) < 2.5, [round(d, 3) for d in during]
    assert heavy_seconds < 10


def test_the_projects_own_operations_are_within_the_default_limit_and_known() -> None:
    settings = Settings(environment="test")
    schema = build_schema(settings)._schema
    model = CostModel.from_settings(settings)
    operations = {**readme_operations(), **widget_operations()}
    assert {"Customer360", "Directory", "Write", "Report", "Search", "WidgetNotes"} <= set(
        operations
    )
    costs = {
        name: estimate_cost(schema, parse(source), name, {}, model)
        for name, source in operations.items()
    }
    assert all(cost <= model.limit for cost in costs.values()), costs
    # Each is a metrics label value of its own; any other name is counted as "other".
    assert set(operations) <= KNOWN_OPERATIONS


async def test_the_readme_examples_and_the_widget_queries_answer_over_http(
    http: httpx.AsyncClient, default_gateway: tuple[str, Settings]
) -> None:
    settings = default_gateway[1]
    readme = readme_operations()
    widget = widget_operations()
    customer: dict[str, Any] = {"id": "cust-00001"}
    requests = [
        (MANAGER, readme["Customer360"], {}),
        (MANAGER, readme["Directory"], {}),
        (MANAGER, readme["Report"], {}),
        (MANAGER, readme["Search"], {}),
        (SUPPORT, widget["WidgetMe"], {}),
        (SUPPORT, widget["WidgetNotes"], {**customer, "first": 25}),
        (SUPPORT, widget["WidgetActivityTab"], {**customer, "first": 50}),
        (
            SUPPORT,
            widget["WidgetSearch"],
            {"query": "delivery", "filter": {"customerId": "cust-00001"}, "first": 25},
        ),
    ]
    for who, query, variables in requests:
        response = await post(http, settings, who, query, **variables)
        body = response.json()
        assert response.status_code == 200, body
        assert body["data"] is not None, body
        assert not {"QUERY_TOO_COSTLY", "DEADLINE_EXCEEDED"} & set(codes(body)), body
    notes = (await post(http, settings, SUPPORT, widget["WidgetNotes"], **customer, first=2)).json()
    page = notes["data"]["customer"]["notes"]
    note_id = page["edges"][0]["node"]["id"]
    more = await post(
        http,
        settings,
        SUPPORT,
        widget["WidgetMoreNotes"],
        **customer,
        first=2,
        after=page["pageInfo"]["endCursor"],
    )
    assert codes(more.json()) == [], more.json()
    following = more.json()["data"]["customer"]["notes"]
    assert bool(following["edges"]) == page["pageInfo"]["hasNextPage"], (page, following)
    for name in ("WidgetNote", "WidgetHistory"):
        body = (await post(http, settings, SUPPORT, widget[name], id=note_id)).json()
        assert codes(body) == [], body
        assert body["data"]["note"]["id"] == note_id
