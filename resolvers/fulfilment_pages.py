"""A customer's deliveries and installations a page at a time: each channel's newest heads
(by the fulfilment's own time) merged newest first.

Every channel reads at most ``first + 1`` fulfilments after its own position
(`OrderSources.fulfilment_heads`, batched across the customers of a request like the order
pages); a k-way merge (`heapq.merge`) takes the page from those heads. Each entry carries every
channel's position after it, so the next page resumes each channel where it stopped. The total
sums the channels' totals (a channel whose source reports none, or that failed, adds nothing).
A failed channel keeps the position the page started from. When a channel's heads run out on
unreadable rows before the page is full, the channels are read again from where the page got
to (at most `MAX_ROUNDS` reads), so a page is short only at the end.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from core.errors import UpstreamError
from datasources.orders import OrderSources, PageKey
from datasources.orders.fulfilments import Fulfilment, FulfilmentHeads
from datasources.orders.heads import Key, Position
from resolvers.upstream_loaders import FulfilmentPagesLoader

MAX_ROUNDS = 5

_NEWEST: Key = (datetime.max.replace(tzinfo=UTC), "")

Positions = dict[str, Position]
Entry = tuple[Key, str, Fulfilment | None, Position, bool]


@dataclass(slots=True)
class FulfilmentPage:
    """Up to `first` fulfilments, each with every channel's position after it."""

    entries: list[tuple[Fulfilment, Positions]] = field(default_factory=list)
    more: bool = False
    total: int = 0
    errors: list[UpstreamError] = field(default_factory=list)


def check_positions(value: Any, sources: OrderSources) -> Positions:
    """The channel positions of a fulfilment position; ValueError when it is not one."""
    if not isinstance(value, dict):
        raise ValueError("not the fulfilment channels' positions")
    return sources.check_fulfilment_positions(value)


def _stream(channel: str, heads: FulfilmentHeads) -> Iterator[Entry]:
    # Within a channel its own order stands: an unreadable head keeps the key before it
    # (before any readable one it sorts first), and is passed without an entry.
    last = _NEWEST
    for head in heads.heads:
        if head.fulfilment is not None:
            last = head.fulfilment.key
        yield last, channel, head.fulfilment, head.position, False
    if heads.more:  # the channel holds more than read: nothing older may be taken past it
        yield last, channel, None, None, True


def _key(customer_id: str, positions: Positions, limit: int) -> PageKey:
    frozen = tuple(sorted((name, json.dumps(value)) for name, value in positions.items()))
    return PageKey(customer_id, frozen, limit)


async def read_fulfilment_page(
    loader: FulfilmentPagesLoader, customer_id: str, *, first: int, after: Positions
) -> FulfilmentPage:
    """Up to `first` of the customer's fulfilments after `after`, newest first."""
    page = FulfilmentPage()
    positions = dict(after)
    errors: dict[str, UpstreamError] = {}
    for round_number in range(MAX_ROUNDS):
        want = first - len(page.entries)
        if not positions and round_number == 0:
            # The first page the customer's prefetch started is read first, so no prefetch
            # outlives its request; a larger page goes on from where it ends.
            answer = await loader.load(customer_id)
        else:
            answer = await loader.load(_key(customer_id, positions, want + 1))
        heads = {name: each for name, each in answer.items() if isinstance(each, FulfilmentHeads)}
        for name, each in answer.items():
            if isinstance(each, UpstreamError):
                errors.setdefault(name, each)
        if round_number == 0:
            page.total = sum(each.total or 0 for each in heads.values())
        short = _take(page, heads, positions, want)
        if not (short and len(page.entries) < first):
            break
    page.errors = list(errors.values())
    return page


def _take(
    page: FulfilmentPage, heads: Mapping[str, FulfilmentHeads], positions: Positions, want: int
) -> bool:
    """Take up to `want` fulfilments into `page`, moving `positions` along; True when a
    channel's heads ran out before the page was full (read again)."""
    streams = [_stream(name, each) for name, each in heads.items()]
    taken = 0
    page.more = False
    for _, channel, fulfilment, position, marker in heapq.merge(
        *streams, key=itemgetter(0), reverse=True
    ):
        if taken == want or marker:
            page.more = True
            return marker and taken < want
        positions[channel] = position
        if fulfilment is not None:
            page.entries.append((fulfilment, dict(positions)))
            taken += 1
    return False
