"""The capacity benchmarks' world: a loaded data set and what a gateway needs to serve it.

Its own module so that the benchmarks (`bench.capacity`) and the proof that two indexers index
every note once (`bench.indexing_proof`) both build on it without importing each other.
"""

from __future__ import annotations

import contextlib
import tempfile
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bench.loadgen import LoadConfig
from bench.services import drop_search_indexes, scratch_database
from core.settings import Settings
from demo.seed import seed
from demo.upstreams.databases import DATABASES
from demo.upstreams.serve import start_demo_upstreams
from gateway.auth import mint_token
from search.backend import SearchBackend
from search.embedded import EmbeddedSearch
from search.opensearch_backend import OpenSearchBackend
from search.reindex import rebuild
from store.db import create_engine
from store.migrate import async_upgrade
from store.models import Customer

SEED = 42


@dataclass(frozen=True, slots=True)
class DataSpec:
    """How much data to load."""

    customers: int
    notes: int
    seed: int = SEED


@dataclass(frozen=True, slots=True)
class LoadShape:
    """How long and how hard to load (the operation mix is the load generator's default)."""

    warmup_seconds: float
    duration_seconds: float
    concurrency: int


@dataclass(frozen=True, slots=True)
class Dataset:
    """A loaded data set: the store, the upstreams' configuration file, the customer ids."""

    store_url: str
    upstreams_file: Path
    customer_ids: list[str]


DataLoader = Callable[
    [Path, DataSpec, str, dict[str, str] | None], AbstractAsyncContextManager[Dataset]
]
"""(directory, spec, migrated empty store URL, upstream database URLs or None for SQLite files)."""


@contextlib.asynccontextmanager
async def demo_dataset(
    directory: Path, spec: DataSpec, store_url: str, upstream_urls: dict[str, str] | None
) -> AsyncIterator[Dataset]:
    """The demo generator's data: seed the store, build and serve the demo upstreams."""
    engine = create_engine(store_url)
    try:
        await seed(engine, customers=spec.customers, notes=spec.notes, seed=spec.seed)
        async with engine.connect() as connection:
            ids = list(await connection.scalars(select(Customer.id).order_by(Customer.id)))
    finally:
        await engine.dispose()
    with start_demo_upstreams(
        directory / "upstreams",
        seed=spec.seed,
        customers=spec.customers,
        database_urls=upstream_urls,
    ) as demo:
        path = directory / "upstreams.json"
        path.write_text(demo.config.model_dump_json(), encoding="utf-8")
        yield Dataset(store_url, path, ids)


@dataclass(frozen=True, slots=True)
class Environment:
    """Everything a gateway process needs to serve the data set."""

    dataset: Dataset
    settings: dict[str, Any]
    token: str
    opensearch_url: str | None
    prefix: str
    directory: Path

    def load(self, targets: list[str], shape: LoadShape) -> LoadConfig:
        """The load generator's configuration against `targets`."""
        return LoadConfig(
            targets=targets,
            token=self.token,
            customer_ids=self.dataset.customer_ids,
            duration_seconds=shape.duration_seconds,
            warmup_seconds=shape.warmup_seconds,
            concurrency=shape.concurrency,
        )


@contextlib.asynccontextmanager
async def environment(
    spec: DataSpec,
    *,
    admin_dsn: str | None,
    opensearch_url: str | None,
    loader: DataLoader = demo_dataset,
) -> AsyncIterator[Environment]:
    """Load the data (PostgreSQL with `admin_dsn`, else SQLite), index its notes, clean up."""
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        prefix = f"bench-capacity-{uuid.uuid4().hex[:8]}"
        async with contextlib.AsyncExitStack() as stack:
            upstream_urls: dict[str, str] | None = None
            if admin_dsn is None:
                store_url = f"sqlite+aiosqlite:///{directory / 'store.db'}"
                await async_upgrade(store_url)
            else:
                store_url = await stack.enter_async_context(scratch_database(admin_dsn, "store"))
                upstream_urls = {
                    db: await stack.enter_async_context(
                        scratch_database(admin_dsn, db, migrate=False)
                    )
                    for db in DATABASES
                }
            dataset = await stack.enter_async_context(
                loader(directory, spec, store_url, upstream_urls)
            )
            settings: dict[str, Any] = {
                "environment": "test",
                "database_url": store_url,
                "opensearch_url": opensearch_url,
                "opensearch_index_prefix": prefix,
                "search_embedded_path": str(directory / "search.db"),
                "search_indexer": True,
                "log_level": "WARNING",
                "log_json": False,
                "upstreams_file": str(dataset.upstreams_file),
            }
            backend: SearchBackend = (
                OpenSearchBackend(opensearch_url, prefix)
                if opensearch_url
                else EmbeddedSearch.open(directory / "search.db")
            )
            engine = create_engine(store_url)
            try:
                await rebuild(engine, backend)
            finally:
                await engine.dispose()
                await backend.close()
            token = mint_token(
                Settings.model_validate(settings), subject="agent-2", roles=("manager",)
            )
            try:
                yield Environment(dataset, settings, token, opensearch_url, prefix, directory)
            finally:
                if opensearch_url:
                    await drop_search_indexes(opensearch_url, prefix)
