"""Engines and sessions for the native store: asyncpg for PostgreSQL, aiosqlite for SQLite."""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine as _create_async_engine

from core import tracing
from core.postgres_tls import asyncpg_connect
from core.settings import Settings
from store.statement_spans import trace_statements

T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 5_000
"""How long a SQLite writer waits for another's lock before failing with 'database is locked'."""


SERVER_SETTINGS = {"plan_cache_mode": "force_custom_plan"}
"""Session settings of every PostgreSQL connection. asyncpg prepares each statement and
PostgreSQL may switch one to a generic plan after five executions, planned for an average
parameter: a customer's notes page planned for a 10-note customer reads and sorts every note of
a 100,000-note one. Custom plans cost a planning per execution (well under a millisecond for
the store's statements) and always see the actual customer."""


def normalise_url(url: str | URL) -> URL:
    """The URL with the async driver filled in (postgresql → asyncpg, sqlite → aiosqlite)."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "postgresql" and parsed.get_driver_name() != "asyncpg":
        return parsed.set(drivername="postgresql+asyncpg")
    if backend == "sqlite" and parsed.get_driver_name() != "aiosqlite":
        return parsed.set(drivername="sqlite+aiosqlite")
    if backend not in {"postgresql", "sqlite"}:
        raise ValueError(f"unsupported database backend {backend!r}; use postgresql or sqlite")
    return parsed


def create_engine(settings_or_url: Settings | str | URL, **kwargs: Any) -> AsyncEngine:
    """An AsyncEngine for the store; SQLite connections get foreign keys, WAL and a busy timeout."""
    engine = _create_engine(settings_or_url, **kwargs)
    if isinstance(settings_or_url, Settings):
        # Notes in the encrypted scopes are sealed through every engine built from settings.
        from store.sealing import Sealer, attach

        attach(engine, Sealer.from_settings(settings_or_url))
    return engine


def _create_engine(settings_or_url: Settings | str | URL, **kwargs: Any) -> AsyncEngine:
    raw = settings_or_url.database_url if isinstance(settings_or_url, Settings) else settings_or_url
    url = normalise_url(raw)
    if url.get_backend_name() == "sqlite":
        _ensure_sqlite_parent(url)
        engine = _create_async_engine(url, **kwargs)
        _install_sqlite_listeners(engine)
        _trace_if_on(engine)
        return engine
    # No ping in front of every checkout (a BEGIN, a statement and a ROLLBACK: three round
    # trips, four times per request); only a connection idle for a while is pinged, and a
    # read that meets a connection the server dropped is retried once (`retry_disconnect`).
    kwargs.setdefault("pool_pre_ping", False)
    tls, password = None, None
    if isinstance(settings_or_url, Settings):
        tls = settings_or_url.database_tls
        if settings_or_url.database_password is not None:
            password = settings_or_url.database_password.get_secret_value()
    # libpq's sslmode & co. in the URL or the settings become asyncpg's `ssl=` (core.postgres_tls).
    url, connect_args = asyncpg_connect(url, tls, password)
    connect_args["server_settings"] = SERVER_SETTINGS
    kwargs["connect_args"] = {**connect_args, **kwargs.get("connect_args", {})}
    if isinstance(settings_or_url, Settings) and "poolclass" not in kwargs:
        # Overflow connections are closed when returned: a pool smaller than the requests in
        # flight opens a PostgreSQL connection (a backend process) per burst. Measured under
        # the capacity benchmark's 16 clients, the default 5 + 10 cost ~20% of throughput.
        kwargs.setdefault("pool_size", settings_or_url.database_pool_size)
        kwargs.setdefault("max_overflow", settings_or_url.database_pool_size // 2)
    engine = _create_async_engine(url, **kwargs)
    if not kwargs["pool_pre_ping"]:
        _ping_when_idle(engine)
    _trace_if_on(engine)
    return engine


IDLE_PING_SECONDS = 10.0
"""A pooled connection idle this long is pinged before use (a server restart, an idle
timeout or a failover drops connections while they wait, not while they are busy)."""

_CHECKED_IN_AT = "c360_checked_in_at"


def _ping_when_idle(engine: AsyncEngine) -> None:
    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info[_CHECKED_IN_AT] = time.monotonic()

    @event.listens_for(sync_engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get(_CHECKED_IN_AT)
        if since is None or time.monotonic() - since < IDLE_PING_SECONDS:
            return
        try:
            sync_engine.dialect.do_ping(dbapi_connection)
        except Exception as error:
            # The pool discards this connection and checks out (or opens) another.
            raise DisconnectionError("pooled connection is gone") from error


async def retry_disconnect(read: Callable[[], Awaitable[T]]) -> T:
    """`read()`, run again once if it failed because the server had dropped its connection
    (the pool then replaces that connection and every other one opened before it). Only for
    reads and for work whose failed attempt left nothing behind."""
    try:
        return await read()
    except DBAPIError as error:
        if not error.connection_invalidated:
            raise
    return await read()


def _trace_if_on(engine: AsyncEngine) -> None:
    # Only with tracing on (the app installs it before opening the store): off, a statement
    # runs without any listener at all, exactly as without tracing.
    if tracing.enabled():
        trace_statements(engine.sync_engine)


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions whose objects stay readable after commit (resolvers read them afterwards)."""
    return async_sessionmaker(engine, expire_on_commit=False)


def read_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions for the per-request dataloaders' reads, each one SELECT (or two, e.g. notes
    then their tags).

    On PostgreSQL they run in autocommit: no BEGIN and ROLLBACK around a single statement,
    two round trips fewer in front of every store read (measured on `customer(id)`, whose
    reach check precedes every upstream field). Writes keep `session_factory`'s transactions.
    SQLite keeps its transactions: its BEGIN is ours (see `_install_sqlite_listeners`).
    """
    if engine.dialect.name != "postgresql":
        return session_factory(engine)
    return session_factory(engine.execution_options(isolation_level="AUTOCOMMIT"))


async def ping(engine: AsyncEngine) -> None:
    """Run SELECT 1; raises the driver's error when the store is unreachable."""
    async with engine.connect() as connection:
        await connection.execute(text("SELECT 1"))


WRITE_TRANSACTION = "c360_write_transaction"
"""Execution option marking a session's transaction as a write (BEGIN IMMEDIATE on SQLite)."""


def _ensure_sqlite_parent(url: URL) -> None:
    database = url.database
    if database and database != ":memory:" and not database.startswith("file:"):
        private_sqlite_file(Path(database).expanduser())


def private_sqlite_file(path: Path) -> None:
    """Create a SQLite file's directory (0700) and the empty file (0600) if they are missing:
    SQLite gives its -wal and -shm files the database file's mode."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def _install_sqlite_listeners(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The sqlite3 driver's legacy mode never BEGINs before DDL or SAVEPOINT, which breaks
        # transactional migrations and nested rollbacks; SQLAlchemy emits BEGIN instead (below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        finally:
            cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Write transactions take the write lock up front: a read-then-write transaction that
        # upgraded later would fail with "database is locked" if another writer got in between.
        immediate = connection.get_execution_options().get(WRITE_TRANSACTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
