"""Pages of the native store's lists, each batched per page request across its parents.

Fields asking for the same page (same arguments) of many parents — the notes of every
customer in a directory page — share one loader, so one query pair serves them all.
"""

from __future__ import annotations

from datetime import datetime

from aiodataloader import DataLoader

from resolvers.access_audit import revisions_shown, rows_shown
from resolvers.context import Info
from resolvers.guards import require_authenticated
from store.activity_pages import (
    assigned_follow_up_page,
    attachment_pages,
    customer_tag_pages,
    risk_flag_pages,
)
from store.interaction_reads import InteractionFilter, customer_interaction_pages
from store.models import Attachment, CustomerTag, FollowUp, Interaction, NoteRevision, RiskFlag
from store.note_history import history_pages
from store.note_reads import (
    NoteFilter,
    NoteOrder,
    NoteRow,
    notes_by_customer_ids,
    notes_by_refs,
)
from store.pagination import Page, PageRequest


async def customer_notes_page(
    info: Info,
    customer_id: str,
    note_filter: NoteFilter,
    request: PageRequest,
    order: NoteOrder = NoteOrder.PINNED_NEWEST,
) -> Page[NoteRow]:
    """A page of the customer's notes the caller reads, in `order`."""
    loader: DataLoader[str, Page[NoteRow]] = info.context.store.pages(
        ("notes", note_filter, request, order),
        lambda s, view, ids: notes_by_customer_ids(s, view, ids, note_filter, request, order),
    )
    page = await loader.load(customer_id)
    rows_shown(info, page.items)
    return page


async def ref_notes_page(
    info: Info,
    kind: str,
    ref_id: str,
    request: PageRequest,
    note_filter: NoteFilter | None = None,
) -> Page[NoteRow]:
    """A page of the notes about an upstream record (ticket, order) the caller reads."""
    loader: DataLoader[tuple[str, str], Page[NoteRow]] = info.context.store.pages(
        ("ref-notes", request, note_filter),
        lambda s, view, refs: notes_by_refs(s, view, refs, request, note_filter),
    )
    page = await loader.load((kind, ref_id))
    rows_shown(info, page.items)
    return page


async def history_page(info: Info, note_id: str, request: PageRequest) -> Page[NoteRevision]:
    """A page of a visible note's edits the caller may read, newest first."""
    loader: DataLoader[str, Page[NoteRevision]] = info.context.store.pages(
        ("history", request), lambda s, view, ids: history_pages(s, view, ids, request)
    )
    page = await loader.load(note_id)
    await revisions_shown(info, note_id, page.items)
    return page


async def tag_page(info: Info, customer_id: str, request: PageRequest) -> Page[CustomerTag]:
    """A page of the customer's tags, alphabetically."""
    loader: DataLoader[str, Page[CustomerTag]] = info.context.store.pages(
        ("tags", request), lambda s, view, ids: customer_tag_pages(s, view, ids, request)
    )
    return await loader.load(customer_id)


async def interaction_page(
    info: Info, customer_id: str, interaction_filter: InteractionFilter, request: PageRequest
) -> Page[Interaction]:
    """A page of the customer's interactions the caller sees, newest first, filtered."""
    loader: DataLoader[str, Page[Interaction]] = info.context.store.pages(
        ("interactions", interaction_filter, request),
        lambda s, view, ids: customer_interaction_pages(s, view, ids, interaction_filter, request),
    )
    return await loader.load(customer_id)


async def risk_flag_page(info: Info, customer_id: str, request: PageRequest) -> Page[RiskFlag]:
    """A page of the customer's risk flags, newest first."""
    loader: DataLoader[str, Page[RiskFlag]] = info.context.store.pages(
        ("risk-flags", request), lambda s, view, ids: risk_flag_pages(s, view, ids, request)
    )
    return await loader.load(customer_id)


async def attachment_page(info: Info, customer_id: str, request: PageRequest) -> Page[Attachment]:
    """A page of the customer's attachment metadata, newest first."""
    loader: DataLoader[str, Page[Attachment]] = info.context.store.pages(
        ("attachments", request), lambda s, view, ids: attachment_pages(s, view, ids, request)
    )
    return await loader.load(customer_id)


async def my_follow_ups_page(
    info: Info, request: PageRequest, *, due_before: datetime | None, include_completed: bool
) -> Page[FollowUp]:
    """A page of the follow-ups assigned to the calling agent, soonest due first."""
    require_authenticated(info)
    async with info.context.sessions() as session:
        return await assigned_follow_up_page(
            session,
            info.context.policy,
            info.context.principal.subject,
            request,
            due_before=due_before,
            include_completed=include_completed,
        )
