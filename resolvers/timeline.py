"""The Customer360 timeline: orders, deliveries, installations, tickets, notes and interactions
merged newest first. Each source is fetched in parallel; one that fails is reported and the
timeline is built from the others.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from core.errors import GatewayError
from resolvers.context import Info
from resolvers.lists import customer_notes_page
from resolvers.upstream import resolve_orders, resolve_tickets
from store.note_reads import NoteFilter
from store.pagination import PageRequest

MAX_ENTRIES = 200


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event in the customer's history."""

    at: datetime
    kind: str
    title: str
    reference: str
    source: str
    customer_id: str = ""  # set once the entries are merged (part of the entry's global id)


async def _safe(info: Info, awaitable: Awaitable[Any]) -> Any:
    try:
        return await awaitable
    except GatewayError as error:
        info.context.partial.add(error, tuple(info.path.as_list()))
        return []


async def resolve_timeline(info: Info, customer_id: str, *, first: int) -> list[TimelineEntry]:
    """Newest first, at most `first` entries."""
    store = info.context.store
    orders, tickets, notes, interactions = await asyncio.gather(
        _safe(info, resolve_orders(info, customer_id)),
        _safe(info, resolve_tickets(info, customer_id)),
        customer_notes_page(info, customer_id, NoteFilter(), PageRequest(size=MAX_ENTRIES)),
        store.interactions_by_customer_id.load(customer_id),
    )
    entries: list[TimelineEntry] = []
    for order in orders:
        entries.append(
            TimelineEntry(
                order.placed_at,
                order.kind,
                f"{order.kind.title()} {order.number} ({order.status})",
                order.number,
                order.channel,
            )
        )
        for delivery in order.deliveries:
            at = delivery.delivered_at or delivery.scheduled_for
            if at is not None:
                entries.append(
                    TimelineEntry(
                        at,
                        "delivery",
                        f"Delivery {delivery.status}",
                        delivery.reference,
                        order.channel,
                    )
                )
        for installation in order.installations:
            at = installation.completed_at or installation.scheduled_for
            if at is not None:
                entries.append(
                    TimelineEntry(
                        at,
                        "installation",
                        f"Installation {installation.status}",
                        installation.reference,
                        order.channel,
                    )
                )
    for ticket in tickets:
        entries.append(
            TimelineEntry(ticket.created_at, "ticket", ticket.subject, ticket.id, "helpdesk")
        )
    for row in notes.items:
        entries.append(
            TimelineEntry(row.note.created_at, "note", row.note.subject, row.note.id, "notes")
        )
    for interaction in interactions:
        entries.append(
            TimelineEntry(
                interaction.occurred_at,
                "interaction",
                interaction.subject,
                interaction.id,
                "interactions",
            )
        )
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return [replace(entry, customer_id=customer_id) for entry in entries[:first]]
