"""Alembic environment for the native store.

`store.migrate` hands in an open connection through ``config.attributes["connection"]`` so
migrations run inside the caller's event loop and transaction. Without one (the ``alembic``
command line with ``sqlalchemy.url`` set), this file opens its own async engine.
"""

from __future__ import annotations

import asyncio
from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

from store.db import create_engine
from store.migrate import include_for
from store.models import Base, EnumText, UTCDateTime
from store.models.base import ENUM_LENGTH

config = context.config
target_metadata = Base.metadata


def render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Render the store's column types as plain SQLAlchemy types, so revisions never import them."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    if type_ == "type" and isinstance(obj, EnumText):
        return f"sa.String(length={ENUM_LENGTH})"
    return False


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=render_item,
        include_object=include_for(connection.dialect.name),
    )


def run_migrations(connection: Connection) -> None:
    """Run the pending migrations on a connection (inside its transaction, if any)."""
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()


async def _run_with_own_engine(url: str) -> None:
    engine = create_engine(url, poolclass=NullPool)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(run_migrations)
    finally:
        await engine.dispose()


def _run_offline(url: str) -> None:
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        render_as_batch=url.startswith("sqlite"),
    )
    with context.begin_transaction():
        context.run_migrations()


_connection = config.attributes.get("connection")
if context.is_offline_mode():
    _run_offline(config.get_main_option("sqlalchemy.url") or "")
elif _connection is not None:
    run_migrations(_connection)
else:
    asyncio.run(_run_with_own_engine(config.get_main_option("sqlalchemy.url") or ""))
