"""The benchmark loader fills real PostgreSQL and OpenSearch, and the gateway runs on the result.

One small load (60 customers, ~600 orders, 1,500 notes) is shared by the module; the CLI
tests load a tiny one of their own. Every load has its own prefix and is dropped afterwards.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bench.load import (
    LoadPlan,
    LoadReport,
    TargetNotEmpty,
    drop_load,
    load,
    main,
    serve_loaded,
)
from core.settings import REPO_ROOT
from datasources.config import MARKETPLACE_STATUSES, UpstreamConfig
from demo.upstreams.data import UpstreamData
from demo.upstreams.databases import DATABASES, SERVICE_DATABASES, table_counts
from gateway.auth import mint_token
from search.mapping import alias_name
from tests.fixtures.app import serve_in_thread

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.opensearch,
    # The rebuild's bulk bodies pass 1 MiB, which the OpenSearch client's HTTP library flags.
    pytest.mark.filterwarnings("ignore:Sending a large body:ResourceWarning"),
]

PLAN = LoadPlan(customers=60, orders=600, notes=1_500, seed=42)
CUSTOMER360 = """
query Customer360($id: ID!) {
  customer(id: $id) {
    id
    orders(first: 100) { totalCount edges { node { number channel } } }
    tickets(first: 100) { totalCount edges { node { ticketId subject } } }
  }
}
"""
SEARCH = """
query Search { searchNotes(query: "delivery", first: 5) { totalCount } }
"""


def _prefix() -> str:
    return f"c360t_{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module")
async def loaded(postgres_server: Any, opensearch_server: Any) -> AsyncIterator[LoadReport]:
    """The module's load, dropped at teardown."""
    prefix = _prefix()
    try:
        yield await load(
            PLAN, postgres_server.admin_dsn, opensearch_server.url, prefix=prefix, progress=False
        )
    finally:
        await drop_load(postgres_server.admin_dsn, opensearch_server.url, prefix=prefix)


async def _counts(url: str, tables: list[str]) -> dict[str, int]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            return {
                table: int(
                    await connection.scalar(text(f'SELECT count(*) FROM "{table}"')) or 0  # noqa: S608
                )
                for table in tables
            }
    finally:
        await engine.dispose()


async def _rows(url: str, query: str, **params: Any) -> list[Any]:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            return list((await connection.execute(text(query), params)).all())
    finally:
        await engine.dispose()


def _generated(plan: LoadPlan, rounds: int) -> UpstreamData:
    return UpstreamData(seed=plan.seed, customer_count=plan.customers, order_rounds=rounds)


async def test_every_database_holds_what_the_generator_made(loaded: LoadReport) -> None:
    data = _generated(PLAN, loaded.order_rounds)

    for name in (*DATABASES, *SERVICE_DATABASES):
        expected = table_counts(data, name)
        assert await _counts(loaded.database_urls[name], list(expected)) == expected, name
        assert loaded.counts[name] == expected
    store = await _counts(loaded.database_urls["store"], ["customers", "notes"])

    assert store == {"customers": PLAN.customers, "notes": PLAN.notes}
    assert set(loaded.phases) == {"upstreams", "services", "store", "search"}
    assert all(phase.rows > 0 and phase.seconds > 0 for phase in loaded.phases.values())


def test_order_rounds_scale_the_orders_toward_the_target(loaded: LoadReport) -> None:
    one_round = _generated(PLAN, 1)

    assert loaded.order_rounds == PLAN.order_rounds == 3
    assert loaded.orders == _generated(PLAN, 3).order_count
    assert 2.5 * one_round.order_count < loaded.orders < 3.5 * one_round.order_count
    assert abs(loaded.orders - PLAN.orders) < 0.25 * PLAN.orders


async def test_opensearch_holds_exactly_the_live_notes(
    loaded: LoadReport, opensearch_server: Any
) -> None:
    live = await _rows(
        loaded.database_urls["store"], "SELECT id FROM notes WHERE deleted_at IS NULL"
    )
    alias = alias_name(loaded.index_prefix)
    async with httpx.AsyncClient(base_url=opensearch_server.url, timeout=30) as client:
        await client.post(f"/{alias}/_refresh")
        body = {"size": 10_000, "_source": False, "query": {"match_all": {}}}
        hits = (await client.post(f"/{alias}/_search", json=body)).json()["hits"]["hits"]

    assert sorted(hit["_id"] for hit in hits) == sorted(str(row.id) for row in live)
    assert loaded.counts["opensearch"] == {alias: len(live)}


async def test_the_services_serve_the_rows_of_their_databases(loaded: LoadReport) -> None:
    helpdesk_url = loaded.database_urls["helpdesk"]
    customer = (await _rows(helpdesk_url, "SELECT requester_id FROM tickets LIMIT 1"))[0][0]
    # Changed in the database only: served back, it proves the app reads its store.
    await _rows(
        helpdesk_url,
        "UPDATE tickets SET payload = replace(payload, :old, :new) "
        "WHERE requester_id = :customer RETURNING id",
        old='"subject": "',
        new='"subject": "[stored] ',
        customer=customer,
    )
    stored = await _rows(
        helpdesk_url,
        "SELECT id FROM tickets WHERE requester_id = :customer ORDER BY id",
        customer=customer,
    )

    with serve_loaded(loaded.database_urls) as config:
        assert config.helpdesk is not None
        async with httpx.AsyncClient(base_url=config.helpdesk.base_url) as client:
            response = await client.get(
                "/api/tickets", params={"requester_ids": customer, "limit": "500"}
            )
    served = response.json()["tickets"]

    assert [ticket["id"] for ticket in served] == [row.id for row in stored]
    assert all(ticket["subject"].startswith("[stored] ") for ticket in served)


def _clean_customer(data: UpstreamData) -> str:
    """A customer with orders on every channel, tickets, and no deliberately broken payload."""
    web = {o["customer_no"] for o in data.web[0]}
    pos = {r["customer_ref"] for r in data.pos_receipts}
    tickets = {t["requester_id"] for t in data.tickets}
    market: dict[str, list[dict[str, Any]]] = {}
    for order in data.marketplace_orders:
        market.setdefault(order["buyer"]["externalRef"], []).append(order)

    def clean(order: dict[str, Any]) -> bool:
        try:
            datetime.fromisoformat(order["createdAt"])
        except ValueError:
            return False
        return order["state"] in MARKETPLACE_STATUSES and "currencyCode" in order["amount"]

    return next(
        customer
        for customer, orders in sorted(market.items())
        if customer in web and customer in pos and customer in tickets and all(map(clean, orders))
    )


async def test_a_gateway_on_the_loaded_data_answers_customer360(loaded: LoadReport) -> None:
    data = _generated(PLAN, loaded.order_rounds)
    customer = _clean_customer(data)
    expected_orders = sorted(
        [o["order_no"] for o in data.web[0] if o["customer_no"] == customer]
        + [r["receipt_no"] for r in data.pos_receipts if r["customer_ref"] == customer]
        + [o["orderId"] for o in data.marketplace_orders if o["buyer"]["externalRef"] == customer]
    )
    expected_tickets = sorted(t["id"] for t in data.tickets if t["requester_id"] == customer)
    settings = loaded.gateway_settings(
        environment="test", search_indexer=False, log_json=False, log_level="WARNING"
    )
    headers = {
        "Authorization": f"Bearer {mint_token(settings, subject='agent-2', roles=['manager'])}"
    }

    with serve_loaded(loaded.database_urls) as config, serve_in_thread(settings, config) as url:
        async with httpx.AsyncClient(base_url=url, headers=headers, timeout=30) as client:
            answer = (
                await client.post(
                    "/graphql", json={"query": CUSTOMER360, "variables": {"id": customer}}
                )
            ).json()
            search = (await client.post("/graphql", json={"query": SEARCH})).json()

    assert "errors" not in answer, answer["errors"]
    node = answer["data"]["customer"]
    orders = sorted(edge["node"]["number"] for edge in node["orders"]["edges"])
    assert orders == expected_orders
    assert node["orders"]["totalCount"] == len(expected_orders)
    assert {edge["node"]["channel"] for edge in node["orders"]["edges"]} == {
        "web",
        "pos",
        "marketplace",
    }
    assert sorted(e["node"]["ticketId"] for e in node["tickets"]["edges"]) == expected_tickets
    assert search["data"]["searchNotes"]["totalCount"] > 0


async def test_a_second_load_without_reset_is_refused(
    loaded: LoadReport, postgres_server: Any, opensearch_server: Any
) -> None:
    with pytest.raises(TargetNotEmpty, match="--reset"):
        await load(
            PLAN,
            postgres_server.admin_dsn,
            opensearch_server.url,
            prefix=loaded.index_prefix,
            progress=False,
        )


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bench.load", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_cli_explains_itself(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])

    out = capsys.readouterr().out
    assert exited.value.code == 0
    for option in ("--size", "--orders", "--database-url", "--prefix", "--reset", "--out"):
        assert option in out
    assert "python -m demo.upstreams" in out


async def test_a_tiny_cli_run_loads_writes_the_gateway_files_and_refuses_a_rerun(
    tmp_path: Path,
    postgres_server: Any,
    opensearch_server: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    prefix = _prefix()
    servers = ["--database-url", postgres_server.admin_dsn]
    servers += ["--opensearch-url", opensearch_server.url, "--prefix", prefix]
    tiny = ["--customers", "20", "--orders", "60", "--notes", "100", "--no-progress"]
    try:
        first = _cli(*tiny, *servers, "--out", str(tmp_path / "out"))
        # The refused rerun is the same command line, run in this process (its own loop, in
        # a thread): the first run is the subprocess test, this one checks the refusal.
        capsys.readouterr()
        again_code = await asyncio.to_thread(
            main, [*tiny, *servers, "--out", str(tmp_path / "again")]
        )
        again = capsys.readouterr()
        env = dict(
            line.split("=", 1)
            for line in (tmp_path / "out" / "gateway.env").read_text().splitlines()
        )
        config = UpstreamConfig.from_file(tmp_path / "out" / "upstreams.json")
        plan = LoadPlan(customers=20, orders=60, notes=100)
        counts = {
            name: await _counts(env["C360_DATABASE_URL"].replace("_store", f"_{name}"), list(t))
            for name in DATABASES
            for t in [table_counts(_generated(plan, 1), name)]
        }
        reloaded = await load(
            plan,
            postgres_server.admin_dsn,
            opensearch_server.url,
            prefix=prefix,
            reset=True,
            progress=False,
        )
    finally:
        await drop_load(postgres_server.admin_dsn, opensearch_server.url, prefix=prefix)

    assert first.returncode == 0, first.stderr
    assert "order_rounds 1" in first.stdout
    assert "python -m demo.upstreams --helpdesk-db" in first.stdout
    assert env["C360_DATABASE_URL"].endswith(f"/{prefix}_store")
    assert env["C360_OPENSEARCH_URL"] == opensearch_server.url
    assert env["C360_OPENSEARCH_INDEX_PREFIX"] == prefix
    assert env["C360_UPSTREAMS_FILE"] == str((tmp_path / "out" / "upstreams.json").resolve())
    assert config.crm.url.endswith(f"/{prefix}_crm")
    assert config.helpdesk is not None
    assert config.helpdesk.base_url == "http://127.0.0.1:8101"
    # One round is the demo generator's data exactly.
    assert counts == {name: table_counts(UpstreamData(42, 20), name) for name in DATABASES}
    assert again_code == 2
    assert again.err.count("\n") == 1
    assert "Traceback" not in again.err
    assert "--reset" in again.err
    assert reloaded.counts["crm"] == table_counts(UpstreamData(42, 20), "crm")
    assert reloaded.counts["crm"]["crm_customers"] == 20
