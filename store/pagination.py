"""Cursor pagination for store lists: opaque cursors, bounded page sizes, clear errors."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Generic, TypeVar

from core.errors import Invalid

T = TypeVar("T")

MAX_PAGE_SIZE = 100


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list, with what a connection needs to ask for the next one."""

    items: list[T]
    cursors: list[str]
    has_next_page: bool
    total_count: int


def check_first(first: int, *, maximum: int = MAX_PAGE_SIZE) -> int:
    """Validate a page size: 1..maximum."""
    if first < 1 or first > maximum:
        raise Invalid(f"`first` must be between 1 and {maximum}", field="first")
    return first


def encode_cursor(*key: str | int | float) -> str:
    """An opaque cursor for a position in a sorted list."""
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, arity: int) -> list[str | int | float]:
    """The sort key inside a cursor; any tampering is a clear INVALID error."""
    if len(cursor) > 512:
        raise Invalid("cursor is not valid", field="after")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise Invalid("cursor is not valid", field="after") from exc
    if (
        not isinstance(key, list)
        or len(key) != arity
        or not all(isinstance(part, str | int | float) for part in key)
    ):
        raise Invalid("cursor is not valid", field="after")
    return key
