"""The embedded search backend: a separate SQLite file with FTS5, no server needed.

It is fed by the same indexer from the same outbox and answers the same `NoteSearch` with the
same permission semantics as OpenSearch (see search/embedded_query.py). Writes follow
OpenSearch's external versioning: a document replaces the stored one only if it is newer.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import delete, event, insert, select, text, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from gateway.errors import SearchUnavailable
from policies.view import PolicyView
from search.backend import WriteOutcome, WriteStatus
from search.documents import NoteDocument
from search.embedded_query import micros, run_search
from search.embedded_tables import META_DDL, Generation, generation
from search.request import NoteSearch
from search.results import SearchPage

_GENERATION_KEY = "generation"
_WRITE_OPTION = "search_write"
_BUSY_TIMEOUT_MS = 10_000


def _sqlite_engine(path: Path | str) -> AsyncEngine:
    engine = create_async_engine(f"sqlite+aiosqlite:///{path}")

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy, not the driver, decides when transactions begin (see _on_begin).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
        finally:
            cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A write transaction that starts as a reader fails at once (SQLITE_BUSY_SNAPSHOT)
        # when another writer commits first; taking the write lock up front makes it wait.
        writing = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


def _row(document: NoteDocument) -> dict[str, object]:
    return {
        "note_id": document.note_id,
        "version": document.version,
        "deleted": document.deleted,
        "subject": document.subject,
        "body": document.body,
        "scope": document.scope,
        "type": document.type,
        "category": document.category,
        "importance": document.importance,
        "pinned": document.pinned,
        "author_id": document.author_id,
        "customer_id": document.customer_id,
        "branch_id": document.branch_id,
        "partner_id": document.partner_id,
        "created_at": micros(document.created_at) if document.created_at else None,
        "updated_at": micros(document.updated_at) if document.updated_at else None,
    }


class EmbeddedSearch:
    """Note search in a SQLite database of its own (the default without OpenSearch)."""

    name = "embedded"

    def __init__(self, engine: AsyncEngine, *, owns_engine: bool = False) -> None:
        self.engine = engine
        self.owns_engine = owns_engine

    @classmethod
    def open(cls, path: Path | str) -> EmbeddedSearch:
        """The embedded index in the SQLite file at `path` (created on first use)."""
        return cls(_sqlite_engine(path), owns_engine=True)

    @asynccontextmanager
    async def _writing(self) -> AsyncIterator[AsyncConnection]:
        async with self.engine.connect() as conn:
            await conn.execution_options(**{_WRITE_OPTION: True})
            async with conn.begin():
                yield conn

    async def ping(self) -> str:
        """The index file answers a query."""
        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except (SQLAlchemyError, OSError) as exc:
            raise SearchUnavailable("embedded search index is unreachable") from exc
        return f"embedded (SQLite FTS5, {self.engine.url.database})"

    async def close(self) -> None:
        """Dispose of the engine if this backend opened it."""
        if self.owns_engine:
            await self.engine.dispose()

    async def _current(self, conn: AsyncConnection) -> Generation:
        await conn.execute(META_DDL)
        value = await conn.scalar(
            text("SELECT value FROM search_meta WHERE key = :key"), {"key": _GENERATION_KEY}
        )
        if value is None:
            tables = generation(1)
            await self._create(conn, tables)
            await conn.execute(
                text("INSERT INTO search_meta (key, value) VALUES (:key, '1')"),
                {"key": _GENERATION_KEY},
            )
            return tables
        return generation(int(value))

    async def _create(self, conn: AsyncConnection, tables: Generation) -> None:
        await conn.run_sync(tables.metadata.create_all)
        await conn.execute(tables.fts_ddl())

    async def ensure_index(self) -> None:
        """Create the first generation if the file has none."""
        try:
            async with self._writing() as conn:
                await self._current(conn)
        except (SQLAlchemyError, OSError) as exc:
            raise SearchUnavailable("embedded search index is unreachable") from exc

    async def write(
        self, documents: Sequence[NoteDocument], *, index: str | None = None
    ) -> list[WriteOutcome]:
        """Upsert documents newer than what is stored, in one transaction."""
        if not documents:
            return []
        try:
            async with self._writing() as conn:
                tables = generation(int(index)) if index else await self._current(conn)
                return [await self._write_one(conn, tables, document) for document in documents]
        except (SQLAlchemyError, OSError) as exc:
            raise SearchUnavailable("embedded search index is unreachable") from exc

    async def _write_one(
        self, conn: AsyncConnection, tables: Generation, document: NoteDocument
    ) -> WriteOutcome:
        docs = tables.docs
        stored = (
            await conn.execute(
                select(docs.c.id, docs.c.version).where(docs.c.note_id == document.note_id)
            )
        ).first()
        if stored is not None and stored.version >= document.version:
            return WriteOutcome(document.note_id, WriteStatus.STALE)
        if stored is None:
            inserted = await conn.scalar(insert(docs).values(_row(document)).returning(docs.c.id))
            doc_id = int(inserted or 0)
        else:
            doc_id = int(stored.id)
            await conn.execute(update(docs).where(docs.c.id == doc_id).values(_row(document)))
            await conn.execute(delete(tables.tags).where(tables.tags.c.doc_id == doc_id))
            await conn.execute(delete(tables.agents).where(tables.agents.c.doc_id == doc_id))
            fts = tables.fts
            await conn.execute(delete(fts).where(fts.c.rowid == doc_id))
        if not document.deleted:
            await conn.execute(
                insert(tables.fts).values(
                    rowid=doc_id, subject=document.subject, body=document.body
                )
            )
            if document.tags:
                await conn.execute(
                    insert(tables.tags), [{"doc_id": doc_id, "tag": tag} for tag in document.tags]
                )
            if document.assigned_agents:
                await conn.execute(
                    insert(tables.agents),
                    [{"doc_id": doc_id, "agent_id": agent} for agent in document.assigned_agents],
                )
        return WriteOutcome(document.note_id, WriteStatus.WRITTEN)

    async def search(self, search: NoteSearch, view: PolicyView) -> SearchPage:
        """One page of `search` as `view` may see it."""
        try:
            async with self.engine.begin() as conn:
                tables = await self._current(conn)
                return await run_search(conn, tables, search, view)
        except (SQLAlchemyError, OSError) as exc:
            raise SearchUnavailable("embedded search index is unreachable") from exc

    async def refresh(self) -> None:
        """Nothing to do: a committed write is immediately searchable."""

    async def create_index(self) -> str:
        """A new, empty generation numbered after every existing one."""
        try:
            async with self._writing() as conn:
                current = await self._current(conn)
                names = await conn.run_sync(lambda sync: sync.dialect.get_table_names(sync))
                numbers = [
                    int(name.rsplit("_", 1)[1])
                    for name in names
                    if name.startswith("search_docs_") and name.rsplit("_", 1)[1].isdigit()
                ]
                tables = generation(max([current.number, *numbers]) + 1)
                await self._create(conn, tables)
        except (SQLAlchemyError, OSError) as exc:
            raise SearchUnavailable("embedded search index is unreachable") from exc
        return str(tables.number)

    async def swap_alias(self, index: str) -> list[str]:
        """Flip the generation pointer in one transaction, then drop the old generation."""
        try:
            async with self._writing() as conn:
                old = await self._current(conn)
                await conn.execute(
                    text("UPDATE search_meta SET value = :value WHERE key = :key"),
                    {"value": index, "key": _GENERATION_KEY},
                )
            if old.number == int(index):
                return []
            await self.drop_index(str(old.number))
        except (SQLAlchemyError, OSError) as exc:
            raise SearchUnavailable("embedded search index is unreachable") from exc
        return [str(old.number)]

    async def drop_index(self, index: str) -> None:
        """Drop one generation's tables."""
        try:
            async with self._writing() as conn:
                for statement in generation(int(index)).drop_ddl():
                    await conn.execute(statement)
        except (SQLAlchemyError, OSError) as exc:
            raise SearchUnavailable("embedded search index is unreachable") from exc
