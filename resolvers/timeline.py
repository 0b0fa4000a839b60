"""The Customer360 timeline: orders, deliveries, installations, tickets, notes and interactions
merged newest first, a page at a time.

Each source reads one page of its own newest entries after its own position (orders and
quotes: the order page heads of every channel; tickets: the helpdesk page; notes: the caller's
visible notes newest first; interactions: the interactions page), and a k-way merge
(`heapq.merge`) takes the timeline page from those heads by (time, kind and reference), newest
first. The connection cursor carries every source's position after the edge, so the next page
resumes each source where it stopped; a cursor of another list or an older format is INVALID.
``totalCount`` is the sum of the totals the sources report; a source that counts only up to
its cap (orders, tickets) makes the sum a lower bound, and the page says so (`total_capped`).

Deliveries and installations are timed by their own time (delivered or completed, else
scheduled), not by their order's, and read a page at their sources like orders
(`resolvers.fulfilment_pages`: each channel's heads newest first by that time, merged; their
position is every channel's). No source reads a whole history and none is capped.

A source that fails is reported beside the page and the others still show; its position
stays where the page started. A channel whose orders and fulfilments both failed is reported
once. Entries are built from a source's rows only after its guarded upstream read returned,
so upstream timeouts measure I/O only.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import heapq
import json
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from aiodataloader import DataLoader

from core.errors import GatewayError, Invalid
from resolvers import source_paging
from resolvers.access_audit import notes_shown
from resolvers.capped_pages import CappedPage, total_capped
from resolvers.context import Info
from resolvers.fulfilment_pages import check_positions as check_fulfilment_positions
from resolvers.fulfilment_pages import read_fulfilment_page
from resolvers.lists import interaction_page
from resolvers.order_pages import decode_positions, resolve_order_page
from store.activity_pages import INTERACTIONS
from store.interaction_reads import InteractionFilter
from store.models import Note
from store.pagination import MAX_CURSOR_LENGTH, MAX_PAGE_SIZE, Page, PageRequest, check_first
from store.timeline_reads import TIMELINE_NOTES, timeline_note_pages

CURSOR_TAG = "timeline"
ORDERS, FULFILMENTS, TICKETS, NOTES, INTERACTIONS_SOURCE = (
    "orders",
    "fulfilments",
    "tickets",
    "notes",
    "interactions",
)
SOURCES = (ORDERS, FULFILMENTS, TICKETS, NOTES, INTERACTIONS_SOURCE)
# Every source's cursor fits in MAX_CURSOR_LENGTH; the composite carries five of them.
MAX_TIMELINE_CURSOR = len(SOURCES) * 2 * MAX_CURSOR_LENGTH

Key = tuple[datetime, str]
Positions = dict[str, Any]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event in the customer's history."""

    at: datetime
    kind: str
    title: str
    reference: str
    source: str
    customer_id: str = ""  # set once the entries are merged (part of the entry's global id)

    @property
    def key(self) -> Key:
        """The merge key: newest first, then kind and reference (as the old whole list)."""
        return self.at, f"{self.kind}:{self.reference}"


@dataclass(slots=True)
class SourceHeads:
    """One source's newest entries after its position, each with the position after it."""

    entries: list[tuple[TimelineEntry, Any]] = field(default_factory=list)
    more: bool = False
    total: int = 0
    capped: bool = False  # `total` is a lower bound: the source counted up to its cap
    errors: list[GatewayError] = field(default_factory=list)  # failed channels, not yet told


# --- the cursor ----------------------------------------------------------------------------------


def encode_positions(positions: Positions) -> str:
    """The opaque cursor of a point in the timeline: every source's position."""
    text = json.dumps({CURSOR_TAG: positions}, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_positions_of(info: Info, cursor: str) -> Positions:
    """Every source's position in a timeline cursor, each checked by its source; anything
    else (another list's cursor, the old whole-list cursor, tampering) is INVALID."""
    problem = Invalid("cursor is not valid for this list", field="after")
    if len(cursor) > MAX_TIMELINE_CURSOR:
        raise problem
    try:
        decoded = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, RecursionError) as error:
        raise problem from error
    if not isinstance(decoded, dict) or set(decoded) != {CURSOR_TAG}:
        raise problem
    positions = decoded[CURSOR_TAG]
    if not isinstance(positions, dict) or not set(positions) <= set(SOURCES):
        raise problem
    for name, value in positions.items():
        if name == FULFILMENTS:
            try:
                sources = source_paging.loaders(info).fulfilment_pages.sources
                positions[name] = check_fulfilment_positions(value, sources)
            except (ValueError, TypeError) as error:
                raise problem from error
            continue
        if not isinstance(value, str) or len(value) > MAX_CURSOR_LENGTH:
            raise problem
        if name == ORDERS:
            loaders = source_paging.loaders(info)
            decode_positions(value, loaders.order_pages.sources)
        elif name == TICKETS:
            source_paging.decode_position("tickets", value, instant=True)
        elif name == NOTES:
            TIMELINE_NOTES.decode(value, "after")
        else:
            INTERACTIONS.decode(value, "after")
    return positions


# --- the sources -------------------------------------------------------------------------------


def _heads(page: Page[Any], entry: Callable[[Any], TimelineEntry]) -> SourceHeads:
    return SourceHeads(
        [(entry(item), cursor) for item, cursor in zip(page.items, page.cursors, strict=True)],
        more=page.has_next_page,
        total=page.total_count or 0,
        capped=total_capped(page),
    )


async def _orders(info: Info, customer_id: str, first: int, after: Any) -> SourceHeads:
    page = await resolve_order_page(info, customer_id, first=first, after=after)
    return _heads(
        page,
        lambda order: TimelineEntry(
            order.placed_at,
            order.kind,
            f"{order.kind.title()} {order.number} ({order.status})",
            order.number,
            order.channel,
        ),
    )


async def _fulfilments(info: Info, customer_id: str, first: int, after: Any) -> SourceHeads:
    """Deliveries and installations by their own time: each channel's page at its source,
    merged (a failed channel is reported beside the page, as the order page reports it)."""
    loaders = source_paging.loaders(info)
    page = await read_fulfilment_page(
        loaders.fulfilment_pages, customer_id, first=first, after=after or {}
    )
    return SourceHeads(
        [
            (
                TimelineEntry(
                    fulfilment.at,
                    fulfilment.kind,
                    f"{fulfilment.kind.title()} {fulfilment.status}",
                    fulfilment.reference,
                    fulfilment.channel,
                ),
                positions,
            )
            for fulfilment, positions in page.entries
        ],
        more=page.more,
        total=page.total,
        errors=list(page.errors),
    )


async def _tickets(info: Info, customer_id: str, first: int, after: Any) -> SourceHeads:
    loader = source_paging.loaders(info).ticket_page_by_query
    page = await source_paging.source_page(
        loader, "tickets", customer_id, first=first, after=after, instant=True
    )
    return _heads(
        page,
        lambda ticket: TimelineEntry(
            ticket.created_at, "ticket", ticket.subject, ticket.id, "helpdesk"
        ),
    )


async def _notes(info: Info, customer_id: str, first: int, after: Any) -> SourceHeads:
    request = PageRequest(size=first, cursor=after)
    loader: DataLoader[str, Page[Note]] = info.context.store.pages(
        ("timeline-notes", request),
        lambda s, view, ids: timeline_note_pages(s, view, ids, request),
    )
    page = await loader.load(customer_id)
    notes_shown(info, page.items)
    return _heads(
        page, lambda note: TimelineEntry(note.created_at, "note", note.subject, note.id, "notes")
    )


async def _interactions(info: Info, customer_id: str, first: int, after: Any) -> SourceHeads:
    request = PageRequest(size=first, cursor=after)
    page = await interaction_page(info, customer_id, InteractionFilter(), request)
    return _heads(
        page,
        lambda row: TimelineEntry(
            row.occurred_at, "interaction", row.subject, row.id, "interactions"
        ),
    )


READERS = {
    ORDERS: _orders,
    FULFILMENTS: _fulfilments,
    TICKETS: _tickets,
    NOTES: _notes,
    INTERACTIONS_SOURCE: _interactions,
}
UPSTREAM = frozenset({ORDERS, FULFILMENTS, TICKETS})


async def _safe(info: Info, name: str, awaitable: Awaitable[SourceHeads]) -> SourceHeads:
    if name not in UPSTREAM:
        return await awaitable  # a store failure fails the field, as before
    try:
        return await awaitable
    except GatewayError as error:
        if name != FULFILMENTS:  # the order page reports the same channels' failures
            info.context.partial.add(error, tuple(info.path.as_list()))
        return SourceHeads()


def _report_once(info: Info, errors: list[GatewayError]) -> None:
    """Report failed channels the page has not reported yet (a channel whose orders and
    fulfilments both failed is told once)."""
    path = tuple(info.path.as_list())
    told = {
        getattr(error, "source", None) for error, at in info.context.partial.entries if at == path
    }
    for error in errors:
        source = getattr(error, "source", None)
        if source not in told:
            told.add(source)
            info.context.partial.add(error, path)


# --- the merge ---------------------------------------------------------------------------------


def _stream(name: str, heads: SourceHeads) -> Iterator[tuple[Key, str, TimelineEntry, Any]]:
    for entry, position in heads.entries:
        yield entry.key, name, entry, position


async def resolve_timeline_page(
    info: Info, customer_id: str, *, first: int, after: str | None
) -> Page[TimelineEntry]:
    """One page of the timeline, newest first, each source read after its own position."""
    check_first(first)
    positions = decode_positions_of(info, after) if after is not None else {}
    read = await asyncio.gather(
        *(
            _safe(info, name, reader(info, customer_id, first, positions.get(name)))
            for name, reader in READERS.items()
        )
    )
    heads = dict(zip(READERS, read, strict=True))
    _report_once(info, [error for each in read for error in each.errors])
    taken = dict(positions)
    items: list[TimelineEntry] = []
    cursors: list[str] = []
    used = dict.fromkeys(READERS, 0)
    merged = heapq.merge(
        *(_stream(name, each) for name, each in heads.items()),
        key=lambda item: item[0],
        reverse=True,
    )
    for _, name, entry, position in merged:
        if len(items) == first:
            break
        taken[name] = position
        used[name] += 1
        items.append(replace(entry, customer_id=customer_id))
        cursors.append(encode_positions(taken))
    more = any(used[name] < len(each.entries) or each.more for name, each in heads.items())
    return CappedPage(
        items=items,
        cursors=cursors,
        has_next_page=more,
        has_previous_page=after is not None,
        total_count=sum(each.total for each in heads.values()),
        total_capped=any(each.capped for each in heads.values()),
    )


async def resolve_timeline(info: Info, customer_id: str, *, first: int) -> list[TimelineEntry]:
    """The newest `first` entries, walking the pages (for a lookup of one entry); a failed
    source is reported once, however many pages met it."""
    partial = info.context.partial
    start = len(partial.entries)
    entries: list[TimelineEntry] = []
    after: str | None = None
    while len(entries) < first:
        page = await resolve_timeline_page(
            info, customer_id, first=min(MAX_PAGE_SIZE, first - len(entries)), after=after
        )
        entries += page.items
        if not page.has_next_page or not page.items:
            break
        after = page.cursors[-1]
    seen: set[tuple[str, str, tuple[str | int, ...]]] = set()
    kept = partial.entries[:start]
    for error, path in partial.entries[start:]:
        mark = (type(error).__name__, str(error), path)
        if mark not in seen:
            seen.add(mark)
            kept.append((error, path))
    partial.entries[:] = kept
    return entries
