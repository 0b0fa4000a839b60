"""A page read of one channel: each customer's newest orders after a position, read lazily.

A channel answers a `HeadRequest` (a customer, the position after which to read, how many)
with `ChannelHeads`: at most that many `Head`s in the channel's own newest-first order, whether
the channel holds more, and the customer's total there when the source reports one. A head is
normalised only when the merged page takes it (`Head.build`), so a page costs what it holds.

A position is the channel's own keyset value of the last head taken, as JSON: for an SQL
channel the raw ``[placed_at, number]`` of that row (compared in the database's own terms, so
its collation and time format decide, not ours), for the marketplace the order's reference.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    ColumnClause,
    DateTime,
    Select,
    TableClause,
    func,
    literal,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from datasources.fields import FieldError, as_instant
from datasources.orders.normalise import Normalised
from datasources.source_pages import TOTAL_CAP
from datasources.sql import fetch_all

Position = Any
"""A channel's JSON position (None: from the newest order)."""
Key = tuple[datetime, str]
"""The merge key of an order: when it was placed, then its number (newest first)."""

# Bounds of a position's parts (the cursor that carries them is capped in length anyway).
MAX_NUMBER_TEXT = 256
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
REQUEST = "c360_request"
# The label of the column that tells which request of a batch a UNION ALL row answers.
TOTAL = "c360_total"
# The label of the column carrying the customer's row count (up to the cap) beside each head.
_DATETIME = "dt"


@dataclass(frozen=True, slots=True)
class HeadRequest:
    """Read up to `limit` orders of `customer_id` older than `after` (None: the newest)."""

    customer_id: str
    after: Position
    limit: int


@dataclass(frozen=True, slots=True)
class Head:
    """One order as the channel listed it, normalised on demand."""

    key: Key | None  # None when its time or number cannot be read (it will fail to normalise)
    position: Position
    build: Callable[[], Normalised]


@dataclass(frozen=True, slots=True)
class ChannelHeads:
    """A channel's answer to one request: its heads, whether more follow, its total."""

    heads: tuple[Head, ...] = ()
    more: bool = False
    total: int | None = None
    capped: bool = False  # the channel holds more than `total` (counted up to TOTAL_CAP)


def merge_key(at: Any, number: Any) -> Key | None:
    """The merge key from raw values, or None when they cannot be read."""
    if number is None:
        return None
    try:
        return as_instant(at, "placed_at"), str(number)
    except FieldError:
        return None


# --- SQL channels -------------------------------------------------------------------------------


def sql_position(at: Any, number: Any) -> Position:
    """The JSON position of a row from its raw keyset values (datetimes tagged)."""
    return [{_DATETIME: at.isoformat()} if isinstance(at, datetime) else at, number]


def sql_after(position: Position, *, epoch: bool) -> tuple[Any, Any]:
    """The raw keyset values of an SQL position; ValueError when it is not one.

    The time is epoch seconds (`epoch`) or an instant: a datetime, or the text a database
    without a timestamp type (SQLite) returned, which must read as one. The number is text
    (at most 256 characters) or an integer. Checked here so that a forged cursor is INVALID,
    never a failed query that counts against the source's breaker.
    """
    if not isinstance(position, list) or len(position) != 2:
        raise ValueError("not an SQL position")
    at, number = position
    if isinstance(at, dict) and set(at) == {_DATETIME} and isinstance(at[_DATETIME], str):
        at = datetime.fromisoformat(at[_DATETIME])
    if isinstance(at, bool) or isinstance(number, bool):
        raise ValueError("not an SQL position")
    if epoch and not (isinstance(at, int) and INT64_MIN <= at <= INT64_MAX):
        raise ValueError("not an epoch position")
    if not epoch:
        if not isinstance(at, str | datetime):
            raise ValueError("not an instant position")
        as_instant(at, "position")  # FieldError is a ValueError
    if isinstance(number, str) and not 0 < len(number) <= MAX_NUMBER_TEXT:
        raise ValueError("not a number of an order")
    if not isinstance(number, str | int):
        raise ValueError("not a number of an order")
    return at, number


def sql_bounds(position: Position, *, epoch: bool, sqlite: bool) -> tuple[Any, Any]:
    """The bound literals of an SQL position (`sql_after`), typed for the database."""
    at, number = sql_after(position, epoch=epoch)
    if isinstance(at, str) and not sqlite:
        # A timestamp column compares with an instant (the text came from SQLite).
        at = as_instant(at, "position")
    if isinstance(at, datetime):
        return literal(at, DateTime(timezone=True)), literal(number)
    return literal(at), literal(number)


@dataclass(frozen=True, slots=True)
class SqlKeyset:
    """A header table read newest first per customer: its customer, time and number columns."""

    table: TableClause
    customer: ColumnClause[Any]
    placed_at: ColumnClause[Any]
    number: ColumnClause[Any]
    epoch: bool = False  # placed_at holds epoch seconds, not a timestamp

    def check(self, position: Position) -> Position:
        """`position` if it is one of this table's; ValueError otherwise."""
        self._bounds(position, sqlite=True)
        return position

    def _bounds(self, position: Position, *, sqlite: bool) -> tuple[Any, Any]:
        return sql_bounds(position, epoch=self.epoch, sqlite=sqlite)

    def heads_statement(
        self, requests: Sequence[HeadRequest], *, sqlite: bool = False
    ) -> Select[Any]:
        """One statement for the batch: a UNION ALL of per-customer limited reads.

        Each part is ``WHERE customer = … AND (placed_at, number) < (…) ORDER BY placed_at
        DESC, number DESC LIMIT …``: an index on (customer, placed_at, number) answers it by
        reading just those rows (portable: SQLite and PostgreSQL alike, no LATERAL). Each row
        carries its customer's count (`TOTAL`, up to the cap) from an uncorrelated scalar
        subquery, which the database runs once per part: the page and its total in one
        round trip.
        """
        parts: list[Select[Any]] = []
        for index, request in enumerate(requests):
            total = self._counted_rows(request.customer_id).scalar_subquery().label(TOTAL)
            part = select(self.table, literal(index).label(REQUEST), total).where(
                self.customer == request.customer_id
            )
            if request.after is not None:
                at, number = self._bounds(request.after, sqlite=sqlite)
                part = part.where(tuple_(self.placed_at, self.number) < tuple_(at, number))
            part = part.order_by(self.placed_at.desc(), self.number.desc()).limit(request.limit)
            parts.append(select(part.subquery()))
        if len(parts) == 1:
            return parts[0]
        both = union_all(*parts).subquery()
        at, number = both.c[self.placed_at.name], both.c[self.number.name]
        # UNION ALL keeps no order across its parts: sort again, by the database's own rules.
        return select(both).order_by(both.c[REQUEST], at.desc(), number.desc())

    async def read(
        self, connection: AsyncConnection, requests: Sequence[HeadRequest]
    ) -> tuple[list[list[dict[str, Any]]], dict[str, int]]:
        """Each request's header rows (newest first) and each customer's row count.

        A page with rows brings its customer's count along; a first page without rows means
        the customer has none. Only a page after a position that came back empty (the end of
        the list) needs a count statement of its own.
        """
        sqlite = connection.dialect.name == "sqlite"
        rows = await fetch_all(connection, self.heads_statement(requests, sqlite=sqlite))
        by_request: list[list[dict[str, Any]]] = [[] for _ in requests]
        totals: dict[str, int] = {}
        for row in rows:
            index = int(row.pop(REQUEST))
            totals[requests[index].customer_id] = int(row.pop(TOTAL))
            by_request[index].append(row)
        for request in requests:
            if request.after is None:
                totals.setdefault(request.customer_id, 0)
        uncounted = sorted({r.customer_id for r in requests} - set(totals))
        if uncounted:
            counted = await connection.execute(self.count_statement(uncounted))
            totals.update({str(customer): int(count) for customer, count in counted.all()})
        return by_request, totals

    def count_statement(self, ids: Sequence[str]) -> Select[Any]:
        """Each customer's row count, stopping at TOTAL_CAP + 1: a LIMIT under each COUNT, so
        a 50,000-order customer costs what a 1,000-order one does."""
        parts = [self._counted(customer_id) for customer_id in ids]
        return parts[0] if len(parts) == 1 else select(union_all(*parts).subquery())

    def _counted(self, customer_id: str) -> Select[Any]:
        counted = select(literal(customer_id).label("customer"), func.count().label("n"))
        return cast("Select[Any]", counted.select_from(self._capped(customer_id)))

    def _counted_rows(self, customer_id: str) -> Select[Any]:
        """``SELECT COUNT(*)`` of the customer's rows, stopping at TOTAL_CAP + 1."""
        return select(func.count()).select_from(self._capped(customer_id))

    def _capped(self, customer_id: str) -> Any:
        return (
            select(literal(1).label("one"))
            .select_from(self.table)
            .where(self.customer == customer_id)
            .limit(TOTAL_CAP + 1)
            .subquery()
        )


def sql_heads(
    rows: Sequence[Mapping[str, Any]],
    request: HeadRequest,
    total: int,
    keyset: SqlKeyset,
    build: Callable[[Mapping[str, Any]], Callable[[], Normalised]],
) -> ChannelHeads:
    """`ChannelHeads` from one request's header rows."""
    at, number = keyset.placed_at.name, keyset.number.name
    heads = tuple(
        Head(merge_key(row[at], row[number]), sql_position(row[at], row[number]), build(row))
        for row in rows
    )
    return ChannelHeads(
        heads,
        more=len(rows) >= request.limit,
        total=min(total, TOTAL_CAP),
        capped=total > TOTAL_CAP,
    )
