"""Alembic migrations: up, down and up again on both backends; models match the schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from store.migrate import (
    alembic_config,
    async_current,
    async_downgrade,
    async_upgrade,
    current,
    upgrade,
)
from store.models import Base

MODEL_TABLES = set(Base.metadata.tables)


def head_revision() -> str | None:
    """The newest revision in migrations/versions."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names()) - {"alembic_version"}


def _schema_diff(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def table_names(engine: AsyncEngine) -> set[str]:
    """Tables present in the database, Alembic's bookkeeping table aside."""
    async with engine.connect() as connection:
        return await connection.run_sync(_tables)


async def schema_diff(engine: AsyncEngine) -> list[object]:
    """Differences between the models and the migrated schema, as Alembic sees them."""
    async with engine.connect() as connection:
        return await connection.run_sync(_schema_diff)


async def test_head_has_every_model_table(engine: AsyncEngine) -> None:
    assert await async_current(engine) == head_revision()
    assert await table_names(engine) == MODEL_TABLES


async def test_models_match_migrated_schema(engine: AsyncEngine) -> None:
    assert await schema_diff(engine) == []


async def test_down_to_base_and_up_again(engine: AsyncEngine) -> None:
    await async_downgrade(engine, "base")
    assert await async_current(engine) is None
    assert await table_names(engine) == set()

    await async_upgrade(engine)

    assert await async_current(engine) == head_revision()
    assert await table_names(engine) == MODEL_TABLES
    assert await schema_diff(engine) == []


async def test_blocking_api_works_inside_a_running_loop(database_url: str) -> None:
    upgrade(database_url)  # already at head: a no-op, but it must not trip over this loop

    assert current(database_url) == head_revision()
