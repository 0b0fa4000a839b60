"""Keyset pages of per-customer SQL lists: each customer's page in one statement for the batch.

A page is ``WHERE customer = :id AND (at, key) < (:at, :key) ORDER BY at DESC, key DESC
LIMIT size + 1`` (the extra row says whether more follow), so with an index on
``(customer, at, key)`` the database reads what the page holds, however long the history.
The pages of every customer of a request are one ``UNION ALL`` of such limited subqueries
(SQLite and PostgreSQL alike); their totals one ``COUNT(*) … GROUP BY customer``.

Cursor values are the column's own values as the database returned them (text on SQLite,
timestamps on PostgreSQL) and are compared as such, so the order is the database's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    DateTime,
    Select,
    TableClause,
    column,
    func,
    literal,
    literal_column,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from datasources.source_pages import PageQuery, Position, RawValue
from datasources.sql import col, fetch_all

PAGE_COLUMN = "c360_page"
"""The column naming which query of the batch a row answers (not an upstream column)."""


@dataclass(frozen=True, slots=True)
class KeysetList:
    """A per-customer list in one table: its customer column and its newest-first order."""

    source: TableClause
    customer: str
    at: str
    key: str


@dataclass(frozen=True, slots=True)
class RawPage:
    """One query's rows (at most size + 1, newest first) and the customer's total."""

    rows: list[dict[str, Any]]
    total: int


def position_of(listing: KeysetList, row: Mapping[str, Any]) -> Position:
    """The position of `row` in its list, in the database's own values."""
    at = row[listing.at]
    if not isinstance(at, RawValue):
        at = str(at)  # e.g. a Decimal epoch; compared as the database returned it
    return Position(at=at, key=str(row[listing.key]))


def _bound(value: RawValue) -> Any:
    # Lightweight columns carry no type; bind an instant with its own zone awareness so the
    # driver sends what the column holds (timestamptz vs timestamp).
    if isinstance(value, datetime):
        return literal(value, DateTime(timezone=value.tzinfo is not None))
    return literal(value)


def _arm(listing: KeysetList, index: int, query: PageQuery) -> Select[Any]:
    at, key = col(listing.source, listing.at), col(listing.source, listing.key)
    statement = select(listing.source, literal_column(str(int(index))).label(PAGE_COLUMN)).where(
        col(listing.source, listing.customer) == query.customer_id
    )
    if query.after is not None:
        boundary = tuple_(_bound(query.after.at), _bound(query.after.key))
        statement = statement.where(tuple_(at, key) < boundary)
    limited = statement.order_by(at.desc(), key.desc()).limit(query.size + 1)
    return select(limited.subquery())


async def read_pages(
    connection: AsyncConnection, listing: KeysetList, queries: Sequence[PageQuery]
) -> list[RawPage]:
    """Each query's page (rows newest first, at most size + 1) and total: two statements."""
    if not queries:
        return []
    arms = [_arm(listing, index, query) for index, query in enumerate(queries)]
    # A UNION ALL keeps no order of its own: order the whole by query, then as each arm did.
    newest: list[Any] = [column(listing.at).desc(), column(listing.key).desc()]
    statement = (arms[0] if len(arms) == 1 else union_all(*arms)).order_by(
        column(PAGE_COLUMN), *newest
    )
    grouped: list[list[dict[str, Any]]] = [[] for _ in queries]
    for row in await fetch_all(connection, statement):
        grouped[int(row.pop(PAGE_COLUMN))].append(row)
    customer = col(listing.source, listing.customer)
    counting = (
        select(customer, func.count().label("total"))
        .where(customer.in_(sorted({query.customer_id for query in queries})))
        .group_by(customer)
    )
    totals = {
        str(row[listing.customer]): int(row["total"])
        for row in await fetch_all(connection, counting)
    }
    return [
        RawPage(rows=rows, total=totals.get(query.customer_id, 0))
        for query, rows in zip(queries, grouped, strict=True)
    ]
