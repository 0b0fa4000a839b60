"""The automatic sales → support handoff's writes: one transaction per customer episode.

An episode is a customer and the helpdesk ticket that started it. Its handoff tags the
customer's live sales notes not yet tagged `handoff` (as the manual handoff with no notes
named does), each note change with its search-outbox row and audit row, and appends one
`customer.handoff` audit row naming the ticket, the rule and why; the actor is the system
principal `system:auto-handoff`. That audit row is also the episode's record: a second run
finds it and writes nothing.

Notes tagged by the job get no edit-history revision (a revision's editor is an agent of the
directory, and the job is none); the audit trail records the change instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from policies.vocabulary import Scope
from store import audit, outbox
from store.models import AuditLog, Note, NoteTag
from store.visibility import HANDOFF_TAG
from store.write_context import transaction

JOB = "auto-handoff"
ACTOR = f"system:{JOB}"
HANDOFF_ACTION = "customer.handoff"
# As many notes as the manual handoff tags at once.
MAX_NOTES = 200


@dataclass(frozen=True, slots=True)
class Episode:
    """A customer whose case the rule moves to support, because of one ticket."""

    customer_id: str
    ticket_id: str
    rule: str
    reason: str


async def customers_with_sales_notes_since(session: AsyncSession, since: datetime) -> list[str]:
    """Customers with a live sales note written at or after `since`, by id."""
    rows = await session.scalars(
        select(Note.customer_id)
        .where(Note.scope == Scope.SALES, Note.deleted_at.is_(None), Note.created_at >= since)
        .distinct()
        .order_by(Note.customer_id)
    )
    return list(rows)


async def episode_recorded(session: AsyncSession, customer_id: str, ticket_id: str) -> bool:
    """True if the job already handed this customer off for this ticket."""
    rows = await session.scalars(
        select(AuditLog.after).where(
            AuditLog.customer_id == customer_id,
            AuditLog.action == HANDOFF_ACTION,
            AuditLog.actor == ACTOR,
        )
    )
    return any(isinstance(after, dict) and after.get("ticket") == ticket_id for after in rows)


async def hand_off(
    sessions: async_sessionmaker[AsyncSession], episode: Episode, now: datetime
) -> list[str]:
    """Hand the episode's customer off in one transaction; the notes tagged (none when the
    episode was handed off before, or every sales note already carries the tag)."""
    async with transaction(sessions) as session:
        tagged = select(NoteTag.note_id).where(NoteTag.tag == HANDOFF_TAG)
        # The notes are locked before the episode is looked up, so two runs at once queue
        # here and the second finds the first one's record.
        notes = list(
            await session.scalars(
                select(Note)
                .where(
                    Note.customer_id == episode.customer_id,
                    Note.scope == Scope.SALES,
                    Note.deleted_at.is_(None),
                    Note.id.not_in(tagged),
                )
                .order_by(Note.created_at, Note.id)
                .limit(MAX_NOTES)
                .with_for_update()
            )
        )
        if not notes or await episode_recorded(session, episode.customer_id, episode.ticket_id):
            return []
        for note in notes:
            await _tag(session, note, now)
        ids = sorted(note.id for note in notes)
        audit.append_job(
            session,
            JOB,
            now,
            HANDOFF_ACTION,
            audit.Target("customer", episode.customer_id, episode.customer_id),
            after={
                "to": Scope.SUPPORT.value,
                "notes": ids,
                "ticket": episode.ticket_id,
                "rule": episode.rule,
                "reason": episode.reason,
            },
        )
        await session.flush()
        return ids


async def _tag(session: AsyncSession, note: Note, now: datetime) -> None:
    current = sorted(await session.scalars(select(NoteTag.tag).where(NoteTag.note_id == note.id)))
    note.version, note.updated_at = note.version + 1, now
    session.add(NoteTag(note_id=note.id, tag=HANDOFF_TAG))
    await session.flush()
    await outbox.enqueue_note(session, note)
    audit.append_job(
        session,
        JOB,
        now,
        "note.handoff",
        audit.Target("note", note.id, note.customer_id),
        before={"tags": current},
        after={"tags": sorted([*current, HANDOFF_TAG])},
    )
