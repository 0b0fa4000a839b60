"""The embedded search backend: a separate SQLite file with FTS5, no server needed.

It is fed by the same indexer from the same outbox and answers the same `NoteSearch` with the
same visibility filters as OpenSearch (see search/embedded_query.py). Writes follow
OpenSearch's external versioning: a document replaces the stored one only if it is newer.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import delete, event, func, insert, select, text, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from core import tracing
from core.errors import SearchUnavailable
from search.backend import WriteOutcome, WriteStatus
from search.documents import NoteDocument
from search.embedded_query import micros, run_search
from search.embedded_tables import META_DDL, Generation, generation
from search.fields import FIELDS, Kind
from search.request import NoteSearch
from search.results import SearchPage
from store.visibility import NoteVisibility

_GENERATION_KEY = "generation"
_WRITE_OPTION = "search_write"
_BUSY_TIMEOUT_MS = 10_000
# Note ids per IN (...) lookup, well under SQLite's bound-parameter limit.
_IN_CHUNK = 500


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
    """The documents-table row: every single-valued field of `FIELDS`, times as microseconds."""
    row: dict[str, object] = {}
    for field in FIELDS:
        if field.many:
            continue
        value = getattr(document, field.name)
        row[field.name] = micros(value) if field.kind is Kind.DATE and value else value
    return row


async def _insert_content(
    conn: AsyncConnection, tables: Generation, documents: Sequence[tuple[int, NoteDocument]]
) -> None:
    """Full text, tags and agents of the live documents, one executemany per table."""
    live = [(doc_id, document) for doc_id, document in documents if not document.deleted]
    if not live:
        return
    await conn.execute(
        insert(tables.fts),
        [{"rowid": i, "subject": doc.subject, "body": doc.body} for i, doc in live],
    )
    tags = [{"doc_id": i, "tag": tag} for i, doc in live for tag in doc.tags]
    if tags:
        await conn.execute(insert(tables.tags), tags)
    agents = [{"doc_id": i, "agent_id": agent} for i, doc in live for agent in doc.assigned_agents]
    if agents:
        await conn.execute(insert(tables.agents), agents)


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
                await _add_new_columns(conn, await self._current(conn))
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
                if len({document.note_id for document in documents}) < len(documents):
                    # Repeats must apply in order, each seeing the one before: no batching.
                    return [await self._write_one(conn, tables, doc) for doc in documents]
                return await self._write_batch(conn, tables, documents)
        except (SQLAlchemyError, OSError) as exc:
            raise SearchUnavailable("embedded search index is unreachable") from exc

    async def _write_batch(
        self, conn: AsyncConnection, tables: Generation, documents: Sequence[NoteDocument]
    ) -> list[WriteOutcome]:
        # Statement by statement through the driver's thread, a 1,000-note batch cost some
        # 5,000 round trips; new notes now cost a few executemany statements per batch.
        docs = tables.docs
        stored: dict[str, tuple[int, int]] = {}
        for start in range(0, len(documents), _IN_CHUNK):
            chunk = [document.note_id for document in documents[start : start + _IN_CHUNK]]
            rows = await conn.execute(
                select(docs.c.note_id, docs.c.id, docs.c.version).where(docs.c.note_id.in_(chunk))
            )
            stored.update({row.note_id: (int(row.id), int(row.version)) for row in rows})
        # Holding the write lock (BEGIN IMMEDIATE), the next ids are ours to hand out.
        next_id = int(await conn.scalar(select(func.coalesce(func.max(docs.c.id), 0))) or 0) + 1
        outcomes: dict[str, WriteOutcome] = {}
        fresh: list[tuple[int, NoteDocument]] = []
        for document in documents:
            known = stored.get(document.note_id)
            if known is None:
                fresh.append((next_id, document))
                next_id += 1
            elif known[1] >= document.version:
                outcomes[document.note_id] = WriteOutcome(document.note_id, WriteStatus.STALE)
            else:
                outcomes[document.note_id] = await self._write_one(conn, tables, document)
        if fresh:
            await conn.execute(insert(docs), [{"id": i, **_row(doc)} for i, doc in fresh])
            await _insert_content(conn, tables, fresh)
            for _, document in fresh:
                outcomes[document.note_id] = WriteOutcome(document.note_id, WriteStatus.WRITTEN)
        return [outcomes[document.note_id] for document in documents]

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
        await _insert_content(conn, tables, [(doc_id, document)])
        return WriteOutcome(document.note_id, WriteStatus.WRITTEN)

    async def search(self, search: NoteSearch, visibility: NoteVisibility) -> SearchPage:
        """One page of `search` within `visibility`."""
        try:
            with tracing.child_span(
                "search search",
                kind=tracing.SpanKind.CLIENT,
                attributes={"db.system": "sqlite", "db.operation": "search"},
            ):
                async with self.engine.begin() as conn:
                    tables = await self._current(conn)
                    return await run_search(conn, tables, search, visibility)
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


async def _add_new_columns(conn: AsyncConnection, tables: Generation) -> None:
    """Give an index file written before a field was added that field's (nullable) column, so
    documents written from now on carry it; `reindex` fills it for the older ones."""
    docs = tables.docs
    present = {row[1] for row in await conn.execute(text(f"PRAGMA table_info({docs.name})"))}
    for added in (column for column in docs.columns if column.name not in present):
        kind = added.type.compile(dialect=conn.dialect)
        await conn.execute(text(f"ALTER TABLE {docs.name} ADD COLUMN {added.name} {kind}"))
