"""Re-seal every stored note text under the active key, in short batches beside live traffic.

Each batch is one short transaction over at most `batch_size` rows, read by primary key
range with plain column reads (no ORM loading, so nothing is opened implicitly). A row is
written back only if it still holds what was read (a concurrent edit wins: its write is
sealed under the active key already). Text of a note in an encrypted scope that an older
deployment wrote in plain text is sealed too, and text of a note moved out of the encrypted
scopes is opened; such a note is re-queued for the search indexer, which indexes sealed notes
without their text. Once every value is under the active key (and none failed to open), the
check values of the retired keys are dropped: from then on the ring may lose those keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from core.crypto import DecryptionFailed, KeyConfigError, is_sealed
from core.progress import SILENT, Progress
from store.db import WRITE_TRANSACTION
from store.enums import OutboxOp
from store.models import EncryptionKeyCheck, Note, NoteRevision, SearchOutbox
from store.sealing import TEXT_FIELDS, Sealer, check_keys, sealer_of

DEFAULT_BATCH_SIZE = 500


@dataclass
class RotationReport:
    """What a rotation did."""

    active_key: str
    resealed: dict[str, int] = field(default_factory=lambda: {"notes": 0, "history": 0})
    failed: list[str] = field(default_factory=list)  # "table:id" of values that did not open
    retired_keys: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        counts = ", ".join(f"{count} {name}" for name, count in self.resealed.items())
        line = f"re-sealed under key {self.active_key!r}: {counts}"
        if self.failed:
            line += f"; {len(self.failed)} value(s) did not open, keys kept: {self.failed[:5]}"
        elif self.retired_keys:
            line += f"; retired keys: {', '.join(self.retired_keys)}"
        return line


def _text(sealer: Sealer, sealed: bool, note_id: str, name: str, value: Any) -> Any:
    """The value as it must be stored: sealed under the active key, or plain."""
    if not isinstance(value, str):
        return value
    if is_sealed(value):
        if sealed:
            return sealer.envelope.reseal(value, f"note:{note_id}:{name}")
        return sealer.open(note_id, name, value)
    return sealer.seal(note_id, name, value) if sealed else value


def _json(sealer: Sealer, sealed: bool, note_id: str, value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    return value | {
        name: _text(sealer, sealed, note_id, name, value[name])
        for name in TEXT_FIELDS
        if name in value
    }


async def _batches(
    engine: AsyncEngine,
    model: type[Note] | type[NoteRevision],
    columns: list[Any],
    where: list[Any],
    rewrite: Callable[[AsyncSession, Any], Any],
    batch_size: int,
    progress: Progress,
    task: str,
) -> None:
    key = model.id
    async with AsyncSession(engine) as session:
        total = await session.scalar(select(func.count()).select_from(model).where(*where))
    progress.start(task, total)
    last: Any = None
    while True:
        async with AsyncSession(engine) as session, session.begin():
            await session.connection(execution_options={WRITE_TRANSACTION: True})
            query = select(*columns).where(*where).order_by(key).limit(batch_size)
            if last is not None:
                query = query.where(key > last)
            rows = list(await session.execute(query))
            for row in rows:
                await rewrite(session, row)
        if not rows:
            break
        last = rows[-1].id
        progress.advance(task, len(rows))
    progress.finish(task)


async def rotate_keys(
    engine: AsyncEngine,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress = SILENT,
    requeue: bool = True,
) -> RotationReport:
    """Re-seal every note text (notes and their history) under the active key; a note newly
    sealed or opened is re-queued for the indexer unless `requeue` is off (a bulk load that
    builds its index afterwards)."""
    sealer = sealer_of(engine)
    if sealer is None:
        raise KeyConfigError("no scope is encrypted (C360_ENCRYPTED_SCOPES is empty)")
    await check_keys(engine)  # a wrong key stops here, before anything is rewritten
    report = RotationReport(sealer.envelope.provider.active_key_id)

    async def note(session: AsyncSession, row: Any) -> None:
        sealed = sealer.seals(row.scope)
        try:
            values = {
                name: _text(sealer, sealed, row.id, name, getattr(row, name))
                for name in TEXT_FIELDS
            }
        except DecryptionFailed:
            report.failed.append(f"notes:{row.id}")
            return
        if values == {"subject": row.subject, "body": row.body}:
            return
        done = await session.execute(
            update(Note)
            .where(Note.id == row.id, Note.subject == row.subject, Note.body == row.body)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        moved = is_sealed(row.subject) != is_sealed(values["subject"])
        written = bool(getattr(done, "rowcount", 0))
        if requeue and written and moved and row.deleted_at is None:
            # The index must lose (or regain) the note's text.
            session.add(SearchOutbox(note_id=row.id, note_version=row.version, op=OutboxOp.UPSERT))
        report.resealed["notes"] += 1

    async def revision(session: AsyncSession, row: Any) -> None:
        try:
            before = _json(sealer, sealer.seals(row.scope_before), row.note_id, row.before)
            after = _json(sealer, sealer.seals(row.scope_after), row.note_id, row.after)
        except DecryptionFailed:
            report.failed.append(f"note_revisions:{row.id}")
            return
        if (before, after) != (row.before, row.after):
            await session.execute(
                update(NoteRevision)
                .where(NoteRevision.id == row.id)
                .values(before=before, after=after)
                .execution_options(synchronize_session=False)
            )
            report.resealed["history"] += 1

    await _batches(
        engine,
        Note,
        [
            Note.id,
            Note.scope,
            Note.subject,
            Note.body,
            Note.version,
            Note.deleted_at,
        ],
        [],
        note,
        batch_size,
        progress,
        "notes",
    )
    await _batches(
        engine,
        NoteRevision,
        [
            NoteRevision.id,
            NoteRevision.note_id,
            NoteRevision.before,
            NoteRevision.after,
            NoteRevision.scope_before,
            NoteRevision.scope_after,
        ],
        [],
        revision,
        batch_size,
        progress,
        "history",
    )
    if not report.failed:
        async with AsyncSession(engine) as session, session.begin():
            await session.connection(execution_options={WRITE_TRANSACTION: True})
            retired = await session.scalars(
                select(EncryptionKeyCheck.key_id).where(
                    EncryptionKeyCheck.key_id != report.active_key
                )
            )
            report.retired_keys = sorted(retired)
            for key_id in report.retired_keys:
                await session.delete(await session.get_one(EncryptionKeyCheck, key_id))
    return report
