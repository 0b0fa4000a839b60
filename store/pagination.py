"""Cursor pagination for store lists: opaque cursors, bounded page sizes, clear errors."""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from core.errors import Invalid

T = TypeVar("T")

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_CURSOR_LENGTH = 512
MAX_CURSOR_TEXT = 256
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
CursorShape = tuple[type, ...]


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list, with what a connection needs to ask for the next one."""

    items: list[T]
    # A list, or cursors encoded when read (store.page_cursors.LazyCursors).
    cursors: Sequence[str]
    has_next_page: bool
    total_count: int
    has_previous_page: bool = False


@dataclass(frozen=True, slots=True)
class PageRequest:
    """A validated page request: `size` items after `cursor` (forward: first/after) or
    before it (backward: last/before). Hashable, so loaders can be keyed by it."""

    size: int = DEFAULT_PAGE_SIZE
    cursor: str | None = None
    backward: bool = False

    @property
    def cursor_field(self) -> str:
        """The argument the cursor came in (named in errors)."""
        return "before" if self.backward else "after"


def page_request(
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
    *,
    default: int = DEFAULT_PAGE_SIZE,
    maximum: int = MAX_PAGE_SIZE,
) -> PageRequest:
    """Validate Relay arguments: `first`/`after` forwards or `last`/`before` backwards."""
    if last is None and before is None:
        return PageRequest(check_first(default if first is None else first, maximum=maximum), after)
    if first is not None or after is not None:
        raise Invalid("page with `first`/`after` or with `last`/`before`, not both", field="last")
    if last is None:
        last = default
    if last < 1 or last > maximum:
        raise Invalid(f"`last` must be between 1 and {maximum}", field="last")
    return PageRequest(last, before, backward=True)


def check_first(first: int, *, maximum: int = MAX_PAGE_SIZE) -> int:
    """Validate a page size: 1..maximum."""
    if first < 1 or first > maximum:
        raise Invalid(f"`first` must be between 1 and {maximum}", field="first")
    return first


def encode_cursor(*key: str | int | float) -> str:
    """An opaque cursor for a position in a sorted list."""
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(
    cursor: str, shape: int | CursorShape, *, field: str = "after"
) -> list[str | int | float]:
    """The sort key inside a cursor; tampering, a wrong type or an out-of-range part is INVALID.

    `shape` is the number of parts, or each part's kind: `int` (a signed 64-bit integer),
    `float` (finite), `str` (at most 256 characters, no NUL) or `datetime` (an ISO 8601
    string). With a number, each part may be any of `int`, `float` or `str`.
    """
    problem = Invalid("cursor is not valid", field=field)
    if len(cursor) > MAX_CURSOR_LENGTH:
        raise problem
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, RecursionError) as exc:
        raise problem from exc
    kinds: tuple[type, ...] = (_Any,) * shape if isinstance(shape, int) else tuple(shape)
    if not isinstance(key, list) or len(key) != len(kinds):
        raise problem
    if not all(_fits(part, kind) for part, kind in zip(key, kinds, strict=True)):
        raise problem
    return key


class _Any:
    """Marker kind: an int, a finite float or a string."""


def _fits(part: object, kind: type) -> bool:
    if isinstance(part, bool):
        return False  # JSON true is a Python int; no cursor holds one
    if isinstance(part, int):
        return kind in (int, float, _Any) and INT64_MIN <= part <= INT64_MAX
    if isinstance(part, float):
        return kind in (float, _Any) and math.isfinite(part)
    if not isinstance(part, str) or len(part) > MAX_CURSOR_TEXT or "\x00" in part:
        return False
    if kind is datetime:
        try:
            datetime.fromisoformat(part)
        except ValueError:
            return False
        return True
    return kind in (str, _Any)
