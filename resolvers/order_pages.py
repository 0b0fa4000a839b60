"""A customer's orders a page at a time: each channel's newest heads, merged newest first.

Every channel reads at most ``first + 1`` orders after its own position (`OrderSources.heads`,
batched across the customers of a request); a k-way merge (`heapq.merge`) takes the page's
orders from those heads, and only the orders it takes are normalised. The connection cursor
carries each channel's position after the edge, so the next page resumes every channel where
it stopped. ``totalCount`` sums the totals the channels report (a channel whose source reports
none, or that failed, adds nothing); an SQL channel counts up to its cap, and the sum is then a
lower bound (``totalCountCapped``).

A failed channel and an unreadable payload are reported exactly as for the whole list: an
error beside the orders that did load. A payload that fails is skipped (and reported) on the
page that reaches it; when a channel's heads run out on such payloads before the page is
full, the channels are read again from where the page got to. A failed channel keeps the
position the page started from, so once it answers again a later page resumes it there (from
its newest order when it failed on the first page).
"""

from __future__ import annotations

import base64
import binascii
import heapq
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from core.errors import BadUpstreamData, Invalid, UpstreamError, UpstreamUnavailable
from datasources.orders import OrderSources, PageKey
from datasources.orders.heads import ChannelHeads, Head, Key, Position
from datasources.records import OrderFailure, OrderRecord
from resolvers.capped_pages import CappedPage
from resolvers.context import Info
from resolvers.upstream_loaders import OrderPagesLoader
from store.pagination import MAX_CURSOR_LENGTH, Page, check_first

CURSOR_TAG = "orders"
# A page needs another round when a channel's heads ran out on unreadable payloads, or when
# it is larger than the prefetched first page it starts from.
MAX_ROUNDS = 5
# A head whose time cannot be read before any readable one of its channel sorts first.
_NEWEST: Key = (datetime.max.replace(tzinfo=UTC), "")

Positions = dict[str, Position]
Entry = tuple[Key, str, Head | None]  # a None head marks "this channel holds more than read"


def encode_positions(positions: Positions) -> str:
    """The opaque cursor of a point in the merged list: every channel's position."""
    text = json.dumps({CURSOR_TAG: positions}, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_positions(cursor: str, sources: OrderSources) -> Positions:
    """The channel positions of an orders cursor; anything else (a cursor of another list,
    an older format, tampering) is INVALID."""
    problem = Invalid("cursor is not valid for this list", field="after")
    if len(cursor) > MAX_CURSOR_LENGTH:
        raise problem
    try:
        decoded = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, RecursionError) as error:
        raise problem from error
    if not isinstance(decoded, dict) or not isinstance(decoded.get(CURSOR_TAG), dict):
        raise problem
    try:
        return sources.check_positions(decoded[CURSOR_TAG])
    except (ValueError, TypeError) as error:
        raise problem from error


@dataclass(slots=True)
class _Round:
    """What one merge of the channels' heads took."""

    positions: Positions
    orders: list[tuple[OrderRecord, str]] = field(default_factory=list)
    failures: list[OrderFailure] = field(default_factory=list)
    more: bool = False  # the merged list goes on after the page
    short: bool = False  # a channel's heads ran out before the page was full


def _stream(channel: str, heads: ChannelHeads) -> Iterator[Entry]:
    last = _NEWEST
    for head in heads.heads:
        # An unreadable time keeps its channel's order: it sorts with the head before it.
        last = head.key or last
        yield last, channel, head
    if heads.more:
        yield last, channel, None


def merge_heads(heads: Mapping[str, ChannelHeads], positions: Positions, want: int) -> _Round:
    """Take up to `want` orders newest first from the channels' heads, normalising only
    those (and the failures met on the way)."""
    taken = _Round(dict(positions))
    streams = [_stream(channel, each) for channel, each in heads.items()]
    for _, channel, head in heapq.merge(*streams, key=itemgetter(0), reverse=True):
        if len(taken.orders) == want:
            taken.more = True
            return taken
        if head is None:
            taken.more = taken.short = True
            return taken
        taken.positions[channel] = head.position
        item = head.build()
        if isinstance(item, OrderRecord):
            taken.orders.append((item, encode_positions(taken.positions)))
        else:
            taken.failures.append(item)
    return taken


def _key(customer_id: str, positions: Positions, limit: int) -> PageKey:
    frozen = tuple(sorted((name, json.dumps(value)) for name, value in positions.items()))
    return PageKey(customer_id, frozen, limit)


@dataclass(frozen=True, slots=True)
class OrderPage:
    """A page of merged orders, with the channels that failed and the payloads that did."""

    page: Page[OrderRecord]
    errors: list[UpstreamError]
    failures: list[OrderFailure]


async def read_order_page(
    loader: OrderPagesLoader, customer_id: str, *, first: int, after: str | None
) -> OrderPage:
    """One page of the customer's orders from every channel, newest first."""
    check_first(first)
    positions = decode_positions(after, loader.sources) if after is not None else {}
    orders: list[tuple[OrderRecord, str]] = []
    failures: list[OrderFailure] = []
    errors: dict[str, UpstreamError] = {}
    total: int | None = None
    capped = more = False
    for _ in range(MAX_ROUNDS):
        want = first - len(orders)
        # The first page the customer's prefetch started (a bare id) is read first, so no
        # prefetch outlives its request; a larger page goes on from where it ends.
        fresh = not positions and not orders
        answer = await loader.load(customer_id if fresh else _key(customer_id, positions, want + 1))
        heads = {name: each for name, each in answer.items() if isinstance(each, ChannelHeads)}
        for name, each in answer.items():
            if isinstance(each, UpstreamError):
                errors.setdefault(name, each)
        if total is None:
            total = sum(each.total or 0 for each in heads.values())
            capped = any(each.capped for each in heads.values())
        taken = merge_heads(heads, positions, first - len(orders))
        orders += taken.orders
        failures += taken.failures
        positions, more = taken.positions, taken.more
        if not (taken.short and len(orders) < first):
            break
    page = CappedPage(
        items=[order for order, _ in orders],
        cursors=[cursor for _, cursor in orders],
        has_next_page=more,
        has_previous_page=after is not None,
        total_count=total or 0,
        total_capped=capped,
    )
    return OrderPage(page, list(errors.values()), failures)


async def resolve_order_page(
    info: Info, customer_id: str, *, first: int, after: str | None
) -> Page[OrderRecord]:
    """One page of the customer's orders, newest first; failed channels and unreadable
    payloads are reported beside it."""
    loaders = info.context.upstream
    if loaders is None:
        raise UpstreamUnavailable("no upstream systems are configured", source="gateway")
    read = await read_order_page(loaders.order_pages, customer_id, first=first, after=after)
    _report(info, loaders.order_pages.sources, read.errors, read.failures)
    return read.page


def _report(
    info: Info, sources: OrderSources, errors: list[UpstreamError], failures: list[OrderFailure]
) -> None:
    path: tuple[Any, ...] = tuple(info.path.as_list())
    for error in errors:
        info.context.partial.add(error, path)
    for failure in failures:
        info.context.partial.add(
            BadUpstreamData(
                f"an order from channel {failure.channel!r} could not be read: {failure.reason}",
                source=failure.channel,
                reference=failure.reference,
            ),
            path,
        )
    sources.report_failures(failures)
