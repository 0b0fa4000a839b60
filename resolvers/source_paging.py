"""Connection pages of upstream lists paged at their source (invoices, payments, tickets).

The cursor of an edge carries the row's position as the source orders it (and, for a REST
source, the source's own page cursor), so the next page is one bounded read at the source.
A cursor of another list, of the old whole-list paging or tampered with is INVALID.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar

from core.errors import Invalid, UpstreamUnavailable
from datasources.source_pages import PageQuery, Position, RawValue
from resolvers.capped_pages import CappedPage
from resolvers.context import Info
from resolvers.upstream_loaders import PREFETCH_PAGE_SIZE, PageLoader, UpstreamLoaders
from store.pagination import Page, check_first, decode_cursor, encode_cursor

R = TypeVar("R")
MAX_INDEX = 10_000
"""The furthest a row may sit on its source page (REST sources serve at most a few hundred)."""


def loaders(info: Info) -> UpstreamLoaders:
    """The request's upstream loaders (UPSTREAM_UNAVAILABLE when none are configured)."""
    found = info.context.upstream
    if found is None:
        raise UpstreamUnavailable("no upstream systems are configured", source="gateway")
    return found


def encode_position(name: str, position: Position) -> str:
    """The opaque cursor of a row of list `name` at `position`."""
    at = position.at
    if isinstance(at, datetime):
        kind, value = "t", at.isoformat()
    elif isinstance(at, date):
        kind, value = "d", at.isoformat()
    elif isinstance(at, int):
        kind, value = "i", str(at)
    else:
        kind, value = "s", str(at)
    return encode_cursor(name, kind, value, position.key, position.token or "", position.index)


def decode_position(name: str, cursor: str, *, instant: bool = False) -> Position:
    """The position a cursor of list `name` stands for (an instant with its zone when
    `instant`); any other cursor is INVALID."""
    problem = Invalid("cursor is not valid for this list", field="after")
    *parts, index = decode_cursor(cursor, (str, str, str, str, str, int))
    list_name, kind, value, key, token = (str(part) for part in parts)
    if list_name != name or not isinstance(index, int) or not 0 <= index <= MAX_INDEX:
        raise problem
    try:
        at = _raw(kind, value)
    except ValueError as error:
        raise problem from error
    if instant and not (isinstance(at, datetime) and at.tzinfo is not None):
        raise problem
    return Position(at=at, key=key, token=token or None, index=index)


def _raw(kind: str, value: str) -> RawValue:
    if kind == "t":
        return datetime.fromisoformat(value)
    if kind == "d":
        return date.fromisoformat(value)
    if kind == "i":
        return int(value)
    if kind == "s":
        return value
    raise ValueError(f"unknown cursor kind {kind!r}")


async def source_page(
    loader: PageLoader[R],
    name: str,
    customer_id: str,
    *,
    first: int,
    after: str | None,
    instant: bool = False,
) -> Page[R]:
    """The page of list `name` after the cursor `after`, read at the source (`instant`: the
    list is ordered by instants the gateway compares itself)."""
    check_first(first)
    position = None if after is None else decode_position(name, after, instant=instant)
    if position is None and first <= PREFETCH_PAGE_SIZE:
        # The first page a prefetch started (or any field's first page) serves any smaller one.
        found = await loader.load(PageQuery(customer_id, PREFETCH_PAGE_SIZE))
    else:
        found = await loader.load(PageQuery(customer_id, first, position))
    window = found.rows[:first]
    return CappedPage(
        items=[row for row, _ in window],
        cursors=[encode_position(name, at) for _, at in window],
        has_next_page=found.has_more or len(found.rows) > first,
        has_previous_page=position is not None,
        total_count=found.total,
        total_capped=found.total_capped,
    )
