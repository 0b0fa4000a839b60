"""Stitching: upstream calls per list query, and the gateway against direct upstream reads.

A native store and the demo upstreams are generated from the same seed (ids line up); the
gateway runs in a process of its own (`bench.gateway_process`) and is driven over HTTP:

- upstream calls per `customers(first: N)` list query, from the gateway's own
  ``c360_upstream_calls_total`` counter, for N = 1, 10, 100 (target: the same for every N);
- one customer's Customer360 over HTTP vs the same upstream batch functions called directly
  and in parallel, their records serialised to JSON (target: <= 1.5x at p50);
- 100 customers x their orders over HTTP vs the orders read directly and built into the same
  JSON shape (a ratio, reported).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import tempfile
from pathlib import Path
from typing import Any

import httpx

from bench.gateway_process import GatewayProcess
from bench.latency import Variants
from bench.report import Figure
from core.metrics import Metrics
from core.settings import Settings
from datasources.registry import Upstreams
from demo.seed import seed
from demo.upstreams.serve import start_demo_upstreams
from gateway.auth import mint_token
from gateway.cli import progress_bars
from store.db import create_engine
from store.migrate import async_upgrade

SEED = 42
ONE = """
query One($id: ID!) {
  customer(id: $id) {
    id
    profile { name email phone lastActivityAt }
    orders(first: 100) { edges { node {
      number channel status placedAt total currency lines { description quantity } } } }
    invoices(first: 100) { edges { node { number total } } }
    payments(first: 100) { edges { node { reference amount } } }
    balance { outstanding currency }
    tickets(first: 100) { edges { node { id subject status } } }
  }
}
"""
LIST = """
query List($first: Int!) {
  customers(first: $first) {
    edges { node { id orders { totalCount } invoices { totalCount } tickets { totalCount } } }
  }
}
"""
ORDERS = """
query Orders($first: Int!) {
  customers(first: $first) {
    edges { node { id orders(first: 100) { edges { node {
      number channel status placedAt total currency } } } } }
  }
}
"""


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return str(value)


def _upstream_calls(metrics_text: str) -> float:
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in metrics_text.splitlines()
        if line.startswith("c360_upstream_calls_total{")
    )


async def run(
    *,
    customers: int,
    notes: int,
    rounds: int,
    progress: bool,
    store_url: str | None = None,
    upstream_urls: dict[str, str] | None = None,
) -> list[Figure]:
    """Build the data, start the gateway, and measure; returns the figures.

    `upstream_urls` maps crm/oms/billing to empty databases (else SQLite files are used).
    """
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        url = store_url or f"sqlite+aiosqlite:///{directory / 'store.db'}"
        await async_upgrade(url)
        engine = create_engine(url)
        try:
            with progress_bars(progress) as bars:
                await seed(engine, customers=customers, notes=notes, seed=SEED, progress=bars)
        finally:
            await engine.dispose()
        # The upstream databases are built on a private loop in a thread: keep ours free.
        with start_demo_upstreams(
            directory / "upstreams", seed=SEED, customers=customers, database_urls=upstream_urls
        ) as demo:
            config_path = directory / "upstreams.json"
            config_path.write_text(demo.config.model_dump_json(), encoding="utf-8")
            settings: dict[str, Any] = {
                "environment": "test",
                "database_url": url,
                "opensearch_url": None,
                "search_embedded_path": str(directory / "search.db"),
                "search_indexer": False,
                "log_level": "WARNING",
                "log_json": False,
                "upstreams_file": str(config_path),
            }
            token = mint_token(
                Settings.model_validate(settings), subject="agent-2", roles=("manager",)
            )
            with GatewayProcess(directory, settings) as gateway:
                upstreams = Upstreams(demo.config, Metrics())
                try:
                    return await _measure(gateway.url, token, upstreams, rounds, progress)
                finally:
                    await upstreams.aclose()


async def _measure(
    url: str, token: str, upstreams: Upstreams, rounds: int, progress: bool
) -> list[Figure]:
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as http:

        async def graphql(query: str, **variables: Any) -> dict[str, Any]:
            response = await http.post("/graphql", json={"query": query, "variables": variables})
            response.raise_for_status()
            body: dict[str, Any] = response.json()
            # The demo upstreams hold deliberately bad payloads: those are partial answers.
            unexpected = [
                error
                for error in body.get("errors") or []
                if error.get("extensions", {}).get("code") != "BAD_UPSTREAM_DATA"
            ]
            assert not unexpected, unexpected
            return body

        figures = [await _calls_per_list(http, graphql)]
        listed = await graphql(ORDERS, first=100)
        ids = [edge["node"]["id"] for edge in listed["data"]["customers"]["edges"]]

        async def one_gateway(customer_id: str) -> None:
            await graphql(ONE, id=customer_id)

        async def one_direct(customer_id: str) -> None:
            key = [customer_id]
            results = await asyncio.gather(
                upstreams.crm.customers_by_id(key),
                upstreams.orders.orders_by_customer_id(key),
                upstreams.billing.invoices_by_customer_id(key),
                upstreams.billing.payments_by_customer_id(key),
                upstreams.billing.balance_by_customer_id(key),
                upstreams.helpdesk.tickets_by_customer_id(key),
            )
            json.dumps(results, default=_jsonable)

        one = await Variants({"direct": one_direct, "gateway": one_gateway}).measure(
            ids, rounds=rounds, progress=progress
        )
        ratio = one["gateway"].p50 / one["direct"].p50
        figures.append(
            Figure(
                "Customer360 (one customer) over HTTP / direct parallel fetch, p50",
                ratio,
                "ratio",
                "<= 1.5",
                ratio <= 1.5,
                f"gateway {one['gateway'].p50:.1f} ms (p95 {one['gateway'].p95:.1f}), "
                f"direct {one['direct'].p50:.1f} ms (p95 {one['direct'].p95:.1f})",
            )
        )

        async def orders_gateway(_: int) -> None:
            await graphql(ORDERS, first=100)

        async def orders_direct(_: int) -> None:
            orders = await upstreams.orders.orders_by_customer_id(ids)
            edges = [
                {
                    "node": {
                        "id": cid,
                        "orders": {"edges": [{"node": _order_json(o)} for o in orders[cid].orders]},
                    }
                }
                for cid in ids
            ]
            json.dumps({"data": {"customers": {"edges": edges}}})

        hundred = await Variants({"direct": orders_direct, "gateway": orders_gateway}).measure(
            [0], rounds=max(5, rounds // 3), progress=progress
        )
        ratio = hundred["gateway"].p50 / hundred["direct"].p50
        figures.append(
            Figure(
                "100 customers x orders over HTTP / JSON built directly, p50",
                ratio,
                "ratio",
                "",
                None,
                f"gateway {hundred['gateway'].p50:.1f} ms, direct {hundred['direct'].p50:.1f} ms",
            )
        )
        return figures


def _order_json(order: Any) -> dict[str, Any]:
    return {
        "number": order.number,
        "channel": str(order.channel),
        "status": str(order.status),
        "placedAt": order.placed_at.isoformat() if order.placed_at else None,
        "total": str(order.total),
        "currency": order.currency,
    }


async def _calls_per_list(http: httpx.AsyncClient, graphql: Any) -> Figure:
    counts: dict[int, float] = {}
    for first in (1, 10, 100):
        await graphql(LIST, first=first)  # warm: connection pools, compiled statements
        before = _upstream_calls((await http.get("/metrics")).text)
        await graphql(LIST, first=first)
        counts[first] = _upstream_calls((await http.get("/metrics")).text) - before
    constant = len(set(counts.values())) == 1
    return Figure(
        "upstream calls per list query (N = 1 / 10 / 100)",
        counts[100],
        "calls",
        "constant in N",
        constant,
        " / ".join(f"{int(count)}" for count in counts.values()),
    )
