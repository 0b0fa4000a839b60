"""A customer's notes newest first, as the timeline merges them (the caller-visible notes)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from policies.view import PolicyView
from store.keyset import Keyset, keyset_pages
from store.models import Note
from store.pagination import Page, PageRequest
from store.visibility import readable_notes

TIMELINE_NOTES = Keyset("timeline-notes", (Note.created_at, Note.id), (datetime, str))


async def timeline_note_pages(
    session: AsyncSession, view: PolicyView, customer_ids: Sequence[str], request: PageRequest
) -> list[Page[Note]]:
    """A page of each customer's notes the caller reads, newest first, for the batch."""
    where = [readable_notes(view), Note.customer_id.in_(set(customer_ids))]
    return await keyset_pages(
        session,
        Note,
        where,
        TIMELINE_NOTES,
        request,
        partition=(Note.customer_id,),
        parents=[(customer_id,) for customer_id in customer_ids],
    )
