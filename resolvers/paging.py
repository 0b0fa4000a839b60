"""Cursor pages over lists an upstream returns whole, ordered newest first.

A cursor names the last item seen by its sort key (time, reference), not by position, so a
page boundary stays put when newer items arrive in between.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from core.errors import Invalid
from store.pagination import Page, check_first, decode_cursor, encode_cursor

T = TypeVar("T")


def newest_first_page(
    items: list[T],
    key: Callable[[T], tuple[datetime, str]],
    *,
    first: int,
    after: str | None,
) -> Page[T]:
    """Sort by `key` descending and return the page after the cursor `after`."""
    check_first(first)
    keyed = sorted(((key(item), item) for item in items), key=lambda pair: pair[0], reverse=True)
    whole = len(keyed)
    if after is not None:
        at, reference = decode_cursor(after, (datetime, str))
        boundary = (str(at), str(reference))
        keyed = [(k, item) for k, item in keyed if (k[0].isoformat(), k[1]) < boundary]
    window = keyed[:first]
    return Page(
        items=[item for _, item in window],
        cursors=[encode_cursor(k[0].isoformat(), k[1]) for k, _ in window],
        has_next_page=len(keyed) > first,
        has_previous_page=len(keyed) < whole,
        total_count=len(items),
    )


def by_key_page(
    items: list[T], key: Callable[[T], str], *, name: str, first: int, after: str | None
) -> Page[T]:
    """Sort by the unique text `key` ascending and return the page after the cursor `after`
    (a cursor of list `name` only)."""
    check_first(first)
    keyed = sorted(((key(item), item) for item in items), key=lambda pair: pair[0])
    whole = len(keyed)
    if after is not None:
        tag, last = decode_cursor(after, (str, str))
        if tag != name:
            raise Invalid("cursor is not valid for this list", field="after")
        keyed = [(k, item) for k, item in keyed if k > str(last)]
    window = keyed[:first]
    return Page(
        items=[item for _, item in window],
        cursors=[encode_cursor(name, k) for k, _ in window],
        has_next_page=len(keyed) > first,
        has_previous_page=len(keyed) < whole,
        total_count=whole,
    )
