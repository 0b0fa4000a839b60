"""SQL upstream plumbing: one engine per source, tables built from the configured names.

Upstream tables are described by name only (``sqlalchemy.table``/``column``), never reflected
or declared as models: we read their rows as they are and coerce values in the datasource.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sqlalchemy import ColumnClause, Executable, TableClause, column, make_url, table
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from core.postgres_tls import PostgresTls, asyncpg_connect


def open_engine(
    url: str,
    *,
    connect_timeout: float,
    pool_size: int = 20,
    tls: PostgresTls | None = None,
    password: str | None = None,
) -> AsyncEngine:
    """An async engine for a read-only upstream database (TLS and password for PostgreSQL)."""
    if url.startswith("postgresql"):
        # libpq's sslmode & co. (URL or config) become asyncpg's `ssl=`; see core.postgres_tls.
        parsed, connect_args = asyncpg_connect(make_url(url), tls, password)
        # Bound the TCP connect too: an unreachable host must fail within the source's timeout.
        # A pool as large as the requests in flight: overflow connections are closed on return,
        # and a new PostgreSQL connection (a backend process) per burst cost more than the query.
        return create_async_engine(
            parsed,
            connect_args={**connect_args, "timeout": connect_timeout},
            pool_size=pool_size,
            max_overflow=pool_size // 2,
        )
    return create_async_engine(url)


def mapped_table(name: str, columns: BaseModel) -> TableClause:
    """A lightweight table whose columns are the values of a column-mapping model."""
    names = dict.fromkeys(str(value) for value in columns.model_dump().values() if value != "")
    return table(name, *(column(each) for each in names))


def col(source: TableClause, name: str) -> ColumnClause[Any]:
    """The column ``name`` of a table built by `mapped_table`."""
    found: ColumnClause[Any] = source.c[name]
    return found


async def fetch_all(connection: AsyncConnection, statement: Executable) -> list[dict[str, Any]]:
    """Run one SELECT and return its rows as dicts keyed by column name."""
    result = await connection.execute(statement)
    return [{str(key): value for key, value in row.items()} for row in result.mappings()]
