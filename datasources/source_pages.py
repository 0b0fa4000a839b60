"""One page of a customer's list read at its source, newest first: what a page asks, what it got.

A list paged at its source (billing's SQL, the helpdesk's API) costs what the page holds, not
the customer's whole history. The position of a row is what the source itself orders and
resumes by, so a page boundary stays put when newer rows arrive in between.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, TypeVar

R = TypeVar("R")

TOTAL_CAP = 1_000
"""A list's total is counted exactly up to here; beyond, it is this with `total_capped` (the
count then costs what the cap holds, not the customer's whole history)."""

RawValue = datetime | date | str | int
"""A sort value as the source holds it (a database column's own value, or an instant)."""


@dataclass(frozen=True, slots=True)
class Position:
    """Where a row sits in its newest-first list: its time and unique key as the source orders
    them, and (REST) the source's own cursor of the page the row was served on (None: the
    first page) with the row's index on it, so resuming reads at most that page again."""

    at: RawValue
    key: str
    token: str | None = None
    index: int = 0


@dataclass(frozen=True, slots=True)
class PageQuery:
    """`size` rows of one customer's list, newest first, strictly after `after` (or from the
    newest). Hashable: a request's loader batches and caches by it."""

    customer_id: str
    size: int
    after: Position | None = None


@dataclass(frozen=True, slots=True)
class SourcePage(Generic[R]):
    """At most `size` rows with their positions, whether more follow, and the list's total
    (`total_capped`: the list holds more than `total`, which is then `TOTAL_CAP`)."""

    rows: list[tuple[R, Position]]
    has_more: bool
    total: int
    total_capped: bool = False
