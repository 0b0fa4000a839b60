"""The demo upstreams behave like the real thing: same customers, pages, limits, rebuilds."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from demo.generator import DemoData
from demo.upstreams.behaviour import Behaviour
from demo.upstreams.data import UpstreamData
from demo.upstreams.databases import (
    DATABASES,
    SERVICE_DATABASES,
    build_databases,
    read_service_database,
    sqlite_urls,
    table_counts,
)
from demo.upstreams.helpdesk_app import create_helpdesk_app
from demo.upstreams.marketplace_app import create_marketplace_app
from demo.upstreams.serve import DemoUpstreams, start_demo_upstreams
from devservices.postgres import create_database, drop_database
from tests.fixtures.progress import RecordedProgress
from tests.fixtures.upstreams import DEMO_CUSTOMERS, DEMO_SEED


def test_upstream_data_uses_the_generators_customers() -> None:
    data = UpstreamData(seed=7, customer_count=30)
    directory = DemoData(customers=30, notes=0, seed=7)

    ids = {c["id"] for c in directory.customers}

    assert [row["customer_no"] for row in data.crm_customers] == [
        c["id"] for c in directory.customers
    ]
    assert {o["customer_no"] for o in data.web[0]} <= ids
    assert {t["requester_id"] for t in data.tickets} <= ids
    assert {o["buyer"]["externalRef"] for o in data.marketplace_orders} <= ids


def test_upstream_data_is_deterministic() -> None:
    first, second = UpstreamData(seed=3, customer_count=20), UpstreamData(seed=3, customer_count=20)

    assert first.web == second.web
    assert first.tickets == second.tickets
    assert first.marketplace_orders == second.marketplace_orders
    assert first.billing == second.billing


async def test_databases_are_rebuilt_only_when_the_data_changes(tmp_path: Path) -> None:
    urls = sqlite_urls(tmp_path)

    first = await build_databases(UpstreamData(seed=1, customer_count=10), urls)
    again = await build_databases(UpstreamData(seed=1, customer_count=10), urls)
    bigger = await build_databases(UpstreamData(seed=1, customer_count=12), urls)

    assert first == ["crm", "oms", "billing"]
    assert again == []
    assert bigger == ["crm", "oms", "billing"]


def test_the_fixture_runs_the_demo_size(demo_upstreams: DemoUpstreams) -> None:
    assert demo_upstreams.data.seed == DEMO_SEED
    assert len(demo_upstreams.data.customers) == DEMO_CUSTOMERS
    assert demo_upstreams.helpdesk.running
    assert demo_upstreams.marketplace.running


def client_for(app: object) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    return httpx.AsyncClient(transport=transport, base_url="http://demo")


TICKETS = [
    {"id": f"TCK-{n:03d}", "requester_id": f"cust-{n % 3}", "subject": "s"} for n in range(10)
]


async def test_helpdesk_pages_through_a_batch_lookup() -> None:
    async with client_for(create_helpdesk_app(TICKETS)) as client:
        seen, cursor = [], None
        while True:
            params = {"requester_ids": "cust-0,cust-1", "limit": "3"}
            if cursor:
                params["cursor"] = cursor
            body = (await client.get("/api/tickets", params=params)).json()
            seen += [t["id"] for t in body["tickets"]]
            cursor = body["next_cursor"]
            if cursor is None:
                break
        bad = await client.get("/api/tickets", params={"cursor": "%%%"})

    expected = [t["id"] for t in TICKETS if t["requester_id"] in ("cust-0", "cust-1")]
    assert seen == expected
    assert bad.status_code == 400


async def test_helpdesk_rate_limit_answers_429_with_retry_after() -> None:
    behaviour = Behaviour()
    behaviour.set_faults(rate_limit=2, rate_window_seconds=30)
    async with client_for(create_helpdesk_app(TICKETS, behaviour)) as client:
        statuses = [(await client.get("/health")).status_code for _ in range(3)]
        limited = await client.get("/health")

    assert statuses == [200, 200, 429]
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["retry-after"]) <= 30
    assert behaviour.throttled == 2


async def test_admin_endpoint_switches_faults_and_rejects_unknown_ones() -> None:
    behaviour = Behaviour()
    async with client_for(create_helpdesk_app(TICKETS, behaviour)) as client:
        unknown = await client.post("/admin/faults", json={"explode": True})
        await client.post("/admin/faults", json={"status": 503})
        failing = await client.get("/health")
        await client.post("/admin/faults", json={"status": None, "malformed": True})
        malformed = await client.get("/health")
        await client.delete("/admin/faults")
        healthy = await client.get("/health")
        stats = (await client.get("/admin/stats")).json()

    assert unknown.status_code == 400
    assert failing.status_code == 503
    assert malformed.status_code == 200
    assert malformed.text.startswith("{")
    assert not malformed.text.endswith("}")
    assert healthy.status_code == 200
    assert stats == {"requests": 1, "throttled": 0}


async def test_marketplace_feed_has_its_own_shape_and_paging() -> None:
    data = UpstreamData(seed=5, customer_count=40)
    buyers = sorted({o["buyer"]["externalRef"] for o in data.marketplace_orders})[:5]
    expected = [
        o["orderId"]
        for b in buyers
        for o in data.marketplace_orders
        if o["buyer"]["externalRef"] == b
    ]
    async with client_for(create_marketplace_app(data.marketplace_orders)) as client:
        seen, token = [], None
        while True:
            params: dict[str, str | list[str]] = {"buyer": buyers, "page_size": "2"}
            if token:
                params["page_token"] = token
            body = (await client.get("/v1/orders", params=params)).json()
            seen += [o["orderId"] for o in body["results"]]
            token = body.get("nextPageToken")
            if token is None:
                break
        missing_buyer = await client.get("/v1/orders")

    assert seen == expected
    assert missing_buyer.status_code == 400


def test_order_rounds_scale_the_orders_and_one_round_is_the_demo_data() -> None:
    default = UpstreamData(seed=9, customer_count=200)
    one = UpstreamData(seed=9, customer_count=200, order_rounds=1)
    three = UpstreamData(seed=9, customer_count=200, order_rounds=3)

    assert one.web == default.web
    assert one.pos_receipts == default.pos_receipts
    assert one.marketplace_orders == default.marketplace_orders
    assert one.billing == default.billing
    assert 2.5 * default.order_count < three.order_count < 3.5 * default.order_count
    assert len(three.billing[0]) > 2 * len(default.billing[0])
    assert three.tickets == default.tickets
    assert three.crm_customers == default.crm_customers


async def test_a_different_order_rounds_rebuilds_the_databases(tmp_path: Path) -> None:
    urls = sqlite_urls(tmp_path)

    await build_databases(UpstreamData(seed=1, customer_count=10), urls)
    same = await build_databases(UpstreamData(seed=1, customer_count=10, order_rounds=1), urls)
    more = await build_databases(UpstreamData(seed=1, customer_count=10, order_rounds=2), urls)

    assert same == []
    assert more == ["crm", "oms", "billing"]


async def test_service_databases_read_back_what_the_apps_serve(tmp_path: Path) -> None:
    data = UpstreamData(seed=4, customer_count=40)
    urls = sqlite_urls(tmp_path, SERVICE_DATABASES)

    built = await build_databases(data, urls, names=SERVICE_DATABASES)
    tickets = await read_service_database("helpdesk", urls["helpdesk"])
    orders = await read_service_database("marketplace", urls["marketplace"])

    assert built == ["helpdesk", "marketplace"]
    assert tickets == data.tickets
    assert orders == data.marketplace_orders
    assert table_counts(data, "helpdesk") == {"tickets": len(data.tickets)}


def test_demo_upstreams_serve_the_helpdesk_and_marketplace_from_their_databases(
    tmp_path: Path,
) -> None:
    service_urls = sqlite_urls(tmp_path / "services", SERVICE_DATABASES)
    (tmp_path / "services").mkdir()
    with start_demo_upstreams(
        tmp_path, seed=DEMO_SEED, customers=30, service_database_urls=service_urls
    ) as demo:
        customer = demo.data.tickets[0]["requester_id"]
        tickets = httpx.get(
            f"{demo.helpdesk.url}/api/tickets",
            params={"requester_ids": customer, "limit": "500"},
        ).json()["tickets"]
        buyer = demo.data.marketplace_orders[0]["buyer"]["externalRef"]
        orders = httpx.get(
            f"{demo.marketplace.url}/v1/orders",
            params={"buyer": buyer, "page_size": "500"},
        ).json()["results"]

    assert demo.built == ["crm", "oms", "billing", "helpdesk", "marketplace"]
    assert tickets == [t for t in demo.data.tickets if t["requester_id"] == customer]
    assert orders == [o for o in demo.data.marketplace_orders if o["buyer"]["externalRef"] == buyer]


async def test_postgres_databases_load_by_copy_with_a_bar_per_table(postgres_server: Any) -> None:
    data = UpstreamData(seed=6, customer_count=50, order_rounds=2)
    names = (*DATABASES, *SERVICE_DATABASES)
    suffix = uuid.uuid4().hex[:8]
    databases = {name: f"c360_copy_{name}_{suffix}" for name in names}
    admin = postgres_server.admin_dsn
    urls = {name: await create_database(admin, db) for name, db in databases.items()}
    progress = RecordedProgress()
    try:
        built = await build_databases(data, urls, names=names, progress=progress)
        counts: dict[str, int] = {}
        for name in names:
            engine = create_async_engine(urls[name])
            async with engine.connect() as connection:
                for table in table_counts(data, name):
                    counts[table] = int(
                        await connection.scalar(text(f'SELECT count(*) FROM "{table}"')) or 0  # noqa: S608
                    )
            await engine.dispose()
        orders = await read_service_database("marketplace", urls["marketplace"])
    finally:
        for db in databases.values():
            await drop_database(admin, db)

    expected = {table: n for name in names for table, n in table_counts(data, name).items()}
    assert built == list(names)
    assert counts == expected
    assert progress.done == {
        f"{name}.{table}": n for name in names for table, n in table_counts(data, name).items()
    }
    assert orders == data.marketplace_orders
