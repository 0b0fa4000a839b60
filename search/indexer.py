"""The indexer: drains the search outbox into the backend, in batches, idempotently.

Each batch indexes the *current* state of its notes (a deleted note as a tombstone) with the
note's version and its newest outbox row id as the external version (`index_version`), so
replays and races are harmless: an older write never overwrites a newer one, and a note
re-queued because its customer moved replaces its old copy. Rows are claimed so that two
workers never process the same row:

- PostgreSQL: ``SELECT … FOR UPDATE SKIP LOCKED`` inside one transaction that also records the
  outcome, so a crashed worker's rows simply become claimable again.
- SQLite (one writer at a time): a short transaction leases the rows by pushing their
  ``next_attempt_at`` forward; the outcome is recorded in a second transaction.

Settled rows are deleted after `retention` (a day by default): the outbox is a queue, not
a history. A document the backend rejects is retried with exponential backoff and
dead-lettered after `max_attempts`. A backend that cannot be reached is an outage, not a bad
row: the batch is left untouched (no attempt counted) and the caller backs off (see
search/worker.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from core.errors import SearchUnavailable
from search.backend import SearchBackend, WriteOutcome, WriteStatus
from search.documents import NoteDocument, index_version, load_documents
from store.db import session_factory
from store.models import SearchDeadLetter, SearchOutbox, utcnow
from store.outbox import purge_processed
from store.write_context import transaction


@dataclass(frozen=True, slots=True)
class IndexerOptions:
    """Batch size, retry policy and polling; the defaults suit the gateway and the worker."""

    batch_size: int = 200
    max_attempts: int = 8
    retry_base_seconds: float = 1.0
    retry_max_seconds: float = 300.0
    # How often an idle indexer looks at the outbox (bounds the freshness delay).
    poll_seconds: float = 0.2
    # Longest pause between attempts while the backend is unreachable.
    outage_max_seconds: float = 5.0
    # SQLite only: how long a claimed batch stays invisible to other workers.
    lease_seconds: float = 60.0
    # Settled outbox rows older than this are deleted (None keeps them), every purge_seconds.
    retention: timedelta | None = timedelta(hours=24)
    purge_seconds: float = 60.0

    def backoff(self, attempts: int) -> timedelta:
        """Delay before retry number `attempts` of a rejected document."""
        seconds = self.retry_base_seconds * 2 ** max(attempts - 1, 0)
        return timedelta(seconds=min(seconds, self.retry_max_seconds))


@dataclass(frozen=True, slots=True)
class DrainReport:
    """What one batch did."""

    claimed: int = 0
    written: int = 0
    stale: int = 0
    retried: int = 0
    dead_lettered: int = 0


class Indexer:
    """Drains the outbox of one store into one backend."""

    def __init__(
        self,
        engine: AsyncEngine,
        backend: SearchBackend,
        options: IndexerOptions | None = None,
    ) -> None:
        self.engine = engine
        self.sessions = session_factory(engine)
        self.backend = backend
        self.options = options or IndexerOptions()
        self._locking = engine.dialect.name == "postgresql"

    async def drain_once(self) -> DrainReport:
        """Claim and process one batch; raises SearchUnavailable (batch untouched) on outage."""
        await self.backend.ensure_index()
        if self._locking:
            return await self._drain_locked()
        return await self._drain_leased()

    async def purge(self) -> int:
        """Delete settled outbox rows past the retention, in batches; returns how many."""
        if self.options.retention is None:
            return 0
        before = utcnow() - self.options.retention
        purged = 0
        while True:
            # A write from its first statement (BEGIN IMMEDIATE on SQLite): a read-then-delete
            # transaction would fail if another writer committed in between.
            async with transaction(self.sessions) as session:
                count = await purge_processed(session, before)
            purged += count
            if count == 0:
                return purged

    def _claimable(self, now: datetime) -> Select[SearchOutbox]:
        return (
            select(SearchOutbox)
            .where(SearchOutbox.processed_at.is_(None), SearchOutbox.next_attempt_at <= now)
            .order_by(SearchOutbox.next_attempt_at, SearchOutbox.id)
            .limit(self.options.batch_size)
        )

    async def _drain_locked(self) -> DrainReport:
        async with self.sessions() as session, session.begin():
            now = utcnow()
            rows = list(
                await session.scalars(self._claimable(now).with_for_update(skip_locked=True))
            )
            if not rows:
                return DrainReport()
            outcomes = await self._index(session, rows)
            return self._settle(session, rows, outcomes)

    async def _drain_leased(self) -> DrainReport:
        async with self.sessions() as session, session.begin():
            now = utcnow()
            claimable = self._claimable(now).with_only_columns(SearchOutbox.id)
            ids = list(
                await session.scalars(
                    update(SearchOutbox)
                    .where(SearchOutbox.id.in_(claimable.scalar_subquery()))
                    .values(next_attempt_at=now + timedelta(seconds=self.options.lease_seconds))
                    .returning(SearchOutbox.id)
                )
            )
        if not ids:
            return DrainReport()
        try:
            return await self._process_leased(ids)
        except SearchUnavailable:
            # Give the lease back so the batch is retried as soon as the backend is back.
            async with self.sessions() as session, session.begin():
                await session.execute(
                    update(SearchOutbox)
                    .where(SearchOutbox.id.in_(ids))
                    .values(next_attempt_at=utcnow())
                )
            raise

    async def _process_leased(self, ids: list[int]) -> DrainReport:
        async with self.sessions() as session:
            rows = list(await session.scalars(select(SearchOutbox).where(SearchOutbox.id.in_(ids))))
            try:
                outcomes = await self._index(session, rows)
            finally:
                # End the read transaction first: on SQLite, upgrading a read snapshot to a
                # write fails at once if another writer committed meanwhile.
                await session.commit()
            report = self._settle(session, rows, outcomes)
            await session.commit()
            return report

    async def _index(
        self, session: AsyncSession, rows: Sequence[SearchOutbox]
    ) -> dict[str, WriteOutcome]:
        # Each note is written once, ordered by its newest outbox row (see `index_version`).
        sequences: dict[str, int] = {}
        for row in rows:
            sequences[row.note_id] = max(row.id, sequences.get(row.note_id, 0))
        current = await load_documents(session, sequences)
        documents = []
        for note_id, sequence in sequences.items():
            document = current.get(note_id)
            if document is None:
                # The note row is gone: index a tombstone at the newest version we were told of.
                version = max(row.note_version for row in rows if row.note_id == note_id)
                document = NoteDocument.tombstone(note_id, index_version(version, sequence))
            documents.append(document)
        outcomes = await self.backend.write(documents)
        return {outcome.note_id: outcome for outcome in outcomes}

    def _settle(
        self,
        session: AsyncSession,
        rows: Sequence[SearchOutbox],
        outcomes: dict[str, WriteOutcome],
    ) -> DrainReport:
        now = utcnow()
        written = stale = retried = dead = 0
        for row in rows:
            outcome = outcomes.get(row.note_id)
            status = outcome.status if outcome is not None else WriteStatus.FAILED
            if status is not WriteStatus.FAILED:
                row.processed_at, row.last_error = now, None
                written += status is WriteStatus.WRITTEN
                stale += status is WriteStatus.STALE
                continue
            error = (outcome.error if outcome else None) or "no outcome from the backend"
            row.attempts += 1
            row.last_error = error
            if row.attempts >= self.options.max_attempts:
                row.processed_at = now
                session.add(
                    SearchDeadLetter(
                        outbox_id=row.id,
                        note_id=row.note_id,
                        note_version=row.note_version,
                        op=row.op,
                        error=error,
                        failed_at=now,
                    )
                )
                dead += 1
            else:
                row.next_attempt_at = now + self.options.backoff(row.attempts)
                retried += 1
        return DrainReport(len(rows), written, stale, retried, dead)
