"""The servers a benchmark needs: given by URL, or throwaway ones started for the run."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

from devservices.opensearch import start_opensearch
from devservices.postgres import create_database, drop_database, start_postgres
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
