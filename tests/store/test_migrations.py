"""Alembic migrations: up, down and up again on both backends; models match the schema."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from store.directory_fts import SEARCH_TABLES
from store.migrate import (
    alembic_config,
    async_current,
    async_downgrade,
    async_upgrade,
    current,
    include_for,
    upgrade,
)
from store.models import Base

MODEL_TABLES = set(Base.metadata.tables)


def head_revision() -> str | None:
    """The newest revision in migrations/versions."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _tables(connection: Connection) -> set[str]:
    # SQLite's directory index (FTS5 and its key table) is made by a migration, not a model.
    return set(inspect(connection).get_table_names()) - {"alembic_version"} - SEARCH_TABLES


def _schema_diff(connection: Connection) -> list[object]:
    opts = {"compare_type": True, "include_object": include_for(connection.dialect.name)}
    context = MigrationContext.configure(connection, opts=opts)
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


async def test_revision_scopes_are_backfilled_from_each_notes_history(
    engine: AsyncEngine,
) -> None:
    # Given a store at 0003 with a note now internal, created restricted, moved to sales, edited,
    # then moved to internal
    await async_upgrade(engine, "head")
    await async_downgrade(engine, "0003_note_request_keys")
    now = datetime(2026, 1, 1, tzinfo=UTC)
    revision = {"note_id": "n-1", "editor_id": "a-1", "edited_at": now}
    async with engine.begin() as connection:
        await connection.execute(table("branches", "id", "name"), {"id": "b-1", "name": "Leeds"})
        await connection.execute(
            table("agents", "id", "name", "email", "role", "created_at"),
            {
                "id": "a-1",
                "name": "A",
                "email": "a@example.com",
                "role": "manager",
                "created_at": now,
            },
        )
        await connection.execute(
            table("customers", "id", "name", "branch_id", "created_at"),
            {"id": "c-1", "name": "C", "branch_id": "b-1", "created_at": now},
        )
        await connection.execute(
            table(
                "notes",
                "id",
                "customer_id",
                "author_id",
                "subject",
                "body",
                "category",
                "type",
                "scope",
                "created_at",
                "updated_at",
            ),
            {
                "id": "n-1",
                "customer_id": "c-1",
                "author_id": "a-1",
                "subject": "s",
                "body": "b",
                "category": "general",
                "type": "interaction_log",
                "scope": "internal",
                "created_at": now,
                "updated_at": now,
            },
        )
        revisions = sa.table(
            "note_revisions",
            *(sa.column(name) for name in ("id", "note_id", "version", "editor_id", "edited_at")),
            sa.column("before", sa.JSON()),
            sa.column("after", sa.JSON()),
        )
        await connection.execute(
            revisions.insert(),
            [
                revision
                | {
                    "id": "r-2",
                    "version": 2,
                    "before": {"scope": "restricted", "body": "x"},
                    "after": {"scope": "sales", "body": "y"},
                },
                revision
                | {"id": "r-3", "version": 3, "before": {"body": "y"}, "after": {"body": "z"}},
                revision
                | {
                    "id": "r-4",
                    "version": 4,
                    "before": {"scope": "sales"},
                    "after": {"scope": "internal"},
                },
            ],
        )

    # When it is upgraded
    await async_upgrade(engine)

    # Then each revision holds the scope the note had before and after it
    async with engine.connect() as connection:
        rows = await connection.execute(
            sa.text("SELECT id, scope_before, scope_after FROM note_revisions ORDER BY id")
        )
        assert [tuple(row) for row in rows] == [
            ("r-2", "restricted", "sales"),
            ("r-3", "sales", "sales"),
            ("r-4", "sales", "internal"),
        ]
    assert await schema_diff(engine) == []


def table(name: str, *columns: str) -> sa.Insert:
    """An INSERT into `name` naming only these columns (the models may be ahead of the store)."""
    return sa.table(name, *(sa.column(column) for column in columns)).insert()
