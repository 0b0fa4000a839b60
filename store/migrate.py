"""Alembic migrations of the native store, driven from code (there is no alembic.ini).

The async functions run Alembic on a connection of the caller's engine, inside the running
event loop; the sync wrappers are for the CLI and work even when a loop is already running.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import NullPool

from core.settings import REPO_ROOT, Settings
from store.db import create_engine
from store.directory_fts import SEARCH_TABLES

MIGRATIONS_DIR = REPO_ROOT / "migrations"

T = TypeVar("T")


def include_for(dialect: str) -> Callable[..., bool]:
    """Alembic's `include_object` for one backend: leaves out the model objects made only on
    another backend (`Index(...).ddl_if(dialect=...)`, e.g. PostgreSQL's trigram indexes)."""

    def include(obj: object, name: str | None, kind: str, _reflected: bool, _to: object) -> bool:
        # The directory's FTS5 tables are the migration's alone (no model describes them).
        if kind == "table" and name in SEARCH_TABLES:
            return False
        # SQLAlchemy keeps `ddl_if` as `_ddl_if`; create_all honours it, autogenerate does not.
        only = getattr(obj, "_ddl_if", None)
        return only is None or only.dialect in (None, dialect)

    return include


def alembic_config(url: str | None = None) -> Config:
    """An Alembic Config pointing at migrations/, optionally with a database URL."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("prepend_sys_path", str(REPO_ROOT))
    config.set_main_option("path_separator", "os")
    if url is not None:
        # ConfigParser interpolates '%', which URL-encoded passwords contain.
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


async def async_upgrade(target: AsyncEngine | str | Settings, revision: str = "head") -> None:
    """Upgrade the store to `revision` in one transaction."""
    await _run_command(target, command.upgrade, revision)


async def async_downgrade(target: AsyncEngine | str | Settings, revision: str) -> None:
    """Downgrade the store to `revision` ("base" drops every table) in one transaction."""
    await _run_command(target, command.downgrade, revision)


async def async_current(target: AsyncEngine | str | Settings) -> str | None:
    """The revision the store is at, or None when it has never been migrated."""
    async with _engine(target) as engine, engine.connect() as connection:
        return await connection.run_sync(_current_revision)


def upgrade(url: str | Settings, revision: str = "head") -> None:
    """Blocking `async_upgrade` for the CLI."""
    _run_blocking(async_upgrade, url, revision)


def downgrade(url: str | Settings, revision: str) -> None:
    """Blocking `async_downgrade` for the CLI."""
    _run_blocking(async_downgrade, url, revision)


def current(url: str | Settings) -> str | None:
    """Blocking `async_current` for the CLI."""
    return _run_blocking(async_current, url)


def _current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


async def _run_command(
    target: AsyncEngine | str | Settings, action: Callable[..., None], revision: str
) -> None:
    def run(connection: Connection) -> None:
        config = alembic_config()
        config.attributes["connection"] = connection
        if connection.dialect.name != "sqlite":
            with connection.begin():
                action(config, revision)
            return
        # A batch migration rebuilds a SQLite table (copy, drop, rename); with foreign keys on,
        # the drop would cascade-delete every child row (a note's revisions, tags, ...). So
        # SQLite's own procedure: keys off outside the transaction, checked before commit.
        _sqlite_pragma(connection, "foreign_keys=OFF")
        try:
            with connection.begin():
                action(config, revision)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left dangling foreign keys: {broken[:5]}")
        finally:
            _sqlite_pragma(connection, "foreign_keys=ON")

    async with _engine(target) as engine, engine.connect() as connection:
        await connection.run_sync(run)


def _sqlite_pragma(connection: Connection, pragma: str) -> None:
    # Straight to the driver: a PRAGMA on foreign keys is ignored inside a transaction, and
    # SQLAlchemy would begin one for an ordinary execute.
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(f"PRAGMA {pragma}")
    finally:
        cursor.close()


@asynccontextmanager
async def _engine(target: AsyncEngine | str | Settings) -> AsyncIterator[AsyncEngine]:
    if isinstance(target, AsyncEngine):
        yield target
        return
    # Settings carry the store's TLS and password (a URL string only its own parameters).
    engine = create_engine(target, poolclass=NullPool)
    try:
        yield engine
    finally:
        await engine.dispose()


def _run_blocking(function: Callable[..., Coroutine[Any, Any, T]], *args: Any) -> T:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(function(*args))
    # A loop is running in this thread (e.g. called from async code): use a fresh one elsewhere.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="migrate") as pool:
        return pool.submit(asyncio.run, function(*args)).result()
