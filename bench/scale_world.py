"""The scale benchmark's world: a few big customers among normal ones, served by a gateway.

A small demo data set (store and upstreams from one seed, all in PostgreSQL) where the last
customers get exactly N orders, invoices and tickets each (`bench.scale_loader`). The
helpdesk and marketplace run in a process of their own (``python -m demo.upstreams``, reading
their databases once at start), and so does the gateway (`bench.gateway_process`): the
benchmark process is only the client, so its timings do not share a GIL with either server.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from bench.gateway_process import GatewayProcess
from bench.scale_loader import LoadedCustomers, load_customers
from bench.services import scratch_database
from core.settings import REPO_ROOT, Settings
from datasources.config import ResilienceConfig
from demo.seed import seed
from demo.upstreams.data import MALFORMED_CUSTOMER, UpstreamData
from demo.upstreams.databases import DATABASES, SERVICE_DATABASES, build_databases
from demo.upstreams.serve import upstream_config
from devservices.ports import free_port
from gateway.auth import mint_token
from gateway.jobs.order_summaries import summarise_orders
from gateway.runtime import open_runtime
from store.db import create_engine
from store.models import Customer

SEED = 42
CUSTOMERS = 40
NOTES = 400
START_TIMEOUT = 60.0
MEASURE_DEADLINE_SECONDS = 300.0
"""The measuring gateway's request deadline: the default (15 s) would cap the big sizes' cost."""
SUMMARY_RESILIENCE = ResilienceConfig(timeout_seconds=MEASURE_DEADLINE_SECONDS, max_attempts=2)
"""The summary pass's upstream guard: a whole-history read of the biggest customer takes
several seconds (more on a busy machine), over the default 3 s per attempt; a summary pass
that timed out would leave every customer of its batch unsummarised, and every figure
measured after it would be a live whole-history read instead."""


@dataclass(frozen=True, slots=True)
class World:
    """A running gateway over the data, the customers by size, and tokens to ask with."""

    url: str
    """The measuring gateway (its request deadline raised to `MEASURE_DEADLINE_SECONDS`)."""
    big: dict[int, str]
    """Customer id per record count."""
    normal: list[str]
    """Customers with the demo's handful of records."""
    settings: dict[str, Any]
    loaded: LoadedCustomers
    directory: Path

    def token(self, subject: str = "agent-2", roles: tuple[str, ...] = ("manager",)) -> str:
        """A bearer token for the gateway (each subject has its own in-flight limit)."""
        return mint_token(Settings.model_validate(self.settings), subject=subject, roles=roles)

    def another_gateway(self, **overrides: Any) -> GatewayProcess:
        """A second gateway process on the same data (enter it to start it), e.g. with defaults."""
        return GatewayProcess(self.directory, {**self.settings, **overrides})


@contextlib.contextmanager
def _services(helpdesk_db: str, marketplace_db: str) -> Iterator[tuple[str, str]]:
    """``python -m demo.upstreams`` in its own process; yields the two base URLs."""
    ports = free_port(), free_port()
    process = subprocess.Popen(  # noqa: S603 - our own module, fixed arguments
        [
            sys.executable,
            "-m",
            "demo.upstreams",
            "--helpdesk-db",
            helpdesk_db,
            "--marketplace-db",
            marketplace_db,
            "--helpdesk-port",
            str(ports[0]),
            "--marketplace-port",
            str(ports[1]),
        ],
        cwd=REPO_ROOT,
        stdout=subprocess.DEVNULL,
    )
    urls = tuple(f"http://127.0.0.1:{port}" for port in ports)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        for url in urls:
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"demo upstreams exited with {process.returncode}")
                with contextlib.suppress(httpx.HTTPError):
                    if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                        break
                if time.monotonic() > deadline:
                    raise RuntimeError("demo upstreams did not start")
                time.sleep(0.1)
        yield urls[0], urls[1]
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.asynccontextmanager
async def scale_world(admin_dsn: str, sizes: Sequence[int]) -> AsyncIterator[World]:
    """Build the data on the server of `admin_dsn`, start the services; drop it all on exit."""
    async with contextlib.AsyncExitStack() as stack:
        directory = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        store = await stack.enter_async_context(scratch_database(admin_dsn, "scale_store"))
        urls = {
            name: await stack.enter_async_context(
                scratch_database(admin_dsn, f"scale_{name}", migrate=False)
            )
            for name in (*DATABASES, *SERVICE_DATABASES)
        }
        engine = create_engine(store)
        try:
            await seed(engine, customers=CUSTOMERS, notes=NOTES, seed=SEED)
            async with engine.connect() as connection:
                ids = list(await connection.scalars(select(Customer.id).order_by(Customer.id)))
        finally:
            await engine.dispose()
        data = UpstreamData(seed=SEED, customer_count=CUSTOMERS)
        await build_databases(data, urls, names=(*DATABASES, *SERVICE_DATABASES))
        # The big customers are the last ones; the malformed-payload customer stays normal.
        candidates = [each for each in ids if each != MALFORMED_CUSTOMER]
        big = dict(zip(sorted(sizes), candidates[-len(sizes) :], strict=True))
        assert data.now is not None
        loaded = await load_customers(urls, {cid: n for n, cid in big.items()}, now=data.now)
        helpdesk, marketplace = stack.enter_context(
            _services(urls["helpdesk"], urls["marketplace"])
        )
        config = upstream_config(
            {name: urls[name] for name in DATABASES},
            helpdesk_url=helpdesk,
            marketplace_url=marketplace,
        )
        config_path = directory / "upstreams.json"
        config_path.write_text(config.model_dump_json(), encoding="utf-8")
        settings: dict[str, Any] = {
            "environment": "test",
            "database_url": store,
            "opensearch_url": None,
            "search_embedded_path": str(directory / "search.db"),
            "search_indexer": False,
            "log_level": "WARNING",
            "log_json": False,
            "upstreams_file": str(config_path),
        }
        # As a deployment runs it on a schedule: lifetime value, repurchase and DORMANT then
        # read one summary row per customer instead of its whole order history. Off the
        # request path, with the patience of a scheduled job; every customer must get one.
        summarising = config.with_resilience(SUMMARY_RESILIENCE)
        async with open_runtime(Settings.model_validate(settings), summarising) as runtime:
            report = await summarise_orders(runtime)
        if report.kept:
            raise RuntimeError(f"the benchmark's order summaries failed: {report}")
        measuring = {**settings, "request_deadline_seconds": MEASURE_DEADLINE_SECONDS}
        gateway = stack.enter_context(GatewayProcess(directory, measuring))
        normal = [each for each in ids if each not in big.values()]
        yield World(gateway.url, big, normal, settings, loaded, directory)
