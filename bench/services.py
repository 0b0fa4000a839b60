"""The servers a benchmark needs: given by URL, or throwaway ones started for the run."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

from devservices.opensearch import start_opensearch
from devservices.postgres import create_database, drop_database, start_postgres
from search.opensearch_backend import OpenSearchBackend
from store.migrate import async_upgrade


@dataclass(frozen=True, slots=True)
class Services:
    """A PostgreSQL admin DSN and an OpenSearch URL (either may be absent)."""

    postgres_admin: str | None
    opensearch_url: str | None


@contextlib.contextmanager
def services(*, postgres: str | None, opensearch: str | None, start: bool) -> Iterator[Services]:
    """Use the given URLs; with `start`, start throwaway servers for the missing ones."""
    with contextlib.ExitStack() as stack:
        if postgres is None and start:
            server = start_postgres()
            stack.callback(server.close)
            postgres = server.admin_dsn
        if opensearch is None and start:
            node = start_opensearch()
            stack.callback(node.close)
            opensearch = node.url
        yield Services(postgres, opensearch)


@contextlib.asynccontextmanager
async def scratch_database(
    admin_dsn: str, label: str, *, migrate: bool = True
) -> AsyncIterator[str]:
    """An empty database (a migrated store unless not `migrate`), dropped afterwards."""
    name = f"bench_{label}_{uuid.uuid4().hex[:8]}"
    url = await create_database(admin_dsn, name)
    try:
        if migrate:
            await async_upgrade(url)
        yield url
    finally:
        # Let pooled connections close before the drop forces them out.
        await asyncio.sleep(0)
        await drop_database(admin_dsn, name)


async def search_indexes(opensearch_url: str, prefix: str) -> list[str]:
    """The note indexes under one index prefix (live or not), by name."""
    backend = OpenSearchBackend(opensearch_url, prefix)
    try:
        return sorted(await backend.client.indices.get(index=f"{backend.alias}-*"))
    finally:
        await backend.close()


async def drop_search_indexes(opensearch_url: str, prefix: str) -> None:
    """Delete every note index under one prefix, by name (clusters may refuse wildcards)."""
    backend = OpenSearchBackend(opensearch_url, prefix)
    try:
        for index in await backend.client.indices.get(index=f"{backend.alias}-*"):
            await backend.drop_index(index)
    finally:
        await backend.close()
