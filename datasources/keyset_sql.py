"""Keyset pages of per-customer SQL lists: each customer's page in one statement for the batch.

A page is ``WHERE customer = :id AND (at, key) < (:at, :key) ORDER BY at DESC, key DESC
LIMIT size + 1`` (the extra row says whether more follow), so with an index on
``(customer, at, key)`` the database reads what the page holds, however long the history.
The pages of every customer of a request are one ``UNION ALL`` of such limited subqueries
(SQLite and PostgreSQL alike), each beside its customer's row count: one round trip. The
count stops at ``TOTAL_CAP + 1`` rows (a ``LIMIT`` under the ``COUNT``), so a customer with
50,000 rows costs what one with a thousand does.

Cursor values are the column's own values as the database returned them (text on SQLite,
timestamps on PostgreSQL) and are compared as such, so the order is the database's.

The statement is written as SQL text (identifiers quoted by the dialect, values bound): built
through the expression language, a batch of 100 pages took longer to build and compile than
the database took to answer it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import TableClause, text
from sqlalchemy.ext.asyncio import AsyncConnection

from datasources.source_pages import TOTAL_CAP, PageQuery, Position, RawValue
from datasources.sql import fetch_all

PAGE_COLUMN = "c360_page"
"""The column naming which query of the batch a row answers (not an upstream column)."""
TOTAL_COLUMN = "c360_total"
"""The column carrying the customer's row count beside each row of its page."""


@dataclass(frozen=True, slots=True)
class KeysetList:
    """A per-customer list in one table: its customer column and its newest-first order."""

    source: TableClause
    customer: str
    at: str
    key: str


@dataclass(frozen=True, slots=True)
class RawPage:
    """One query's rows (at most size + 1, newest first) and the customer's total (counted up
    to `TOTAL_CAP` + 1)."""

    rows: list[dict[str, Any]]
    total: int


def position_of(listing: KeysetList, row: Mapping[str, Any]) -> Position:
    """The position of `row` in its list, in the database's own values."""
    at = row[listing.at]
    if not isinstance(at, RawValue):
        at = str(at)  # e.g. a Decimal epoch; compared as the database returned it
    return Position(at=at, key=str(row[listing.key]))


async def read_pages(
    connection: AsyncConnection, listing: KeysetList, queries: Sequence[PageQuery]
) -> list[RawPage]:
    """Each query's page (rows newest first, at most size + 1) and total, in one statement."""
    if not queries:
        return []
    statement, values = _statement(connection.dialect.identifier_preparer.quote, listing, queries)
    grouped: list[list[dict[str, Any]]] = [[] for _ in queries]
    totals = [0 for _ in queries]
    for row in await fetch_all(connection, text(statement).bindparams(**values)):
        index = int(row.pop(PAGE_COLUMN))
        totals[index] = int(row.pop(TOTAL_COLUMN))
        if row[listing.key] is not None:  # None: the one row of an empty page
            grouped[index].append(row)
    return [RawPage(rows=rows, total=total) for rows, total in zip(grouped, totals, strict=True)]


def _statement(
    quote: Any, listing: KeysetList, queries: Sequence[PageQuery]
) -> tuple[str, dict[str, Any]]:
    """Per query: the customer's count LEFT JOIN its limited page, so an empty page still
    answers one row (its page columns NULL) with the count; the arms joined by UNION ALL."""
    table = quote(listing.source.name)
    names = [str(each.name) for each in listing.source.c]
    inner = ", ".join(quote(name) for name in names)
    outer = ", ".join(f"p.{quote(name)}" for name in names)
    customer, at, key = quote(listing.customer), quote(listing.at), quote(listing.key)
    arms: list[str] = []
    values: dict[str, Any] = {}
    for index, query in enumerate(queries):
        values[f"c{index}"] = query.customer_id
        where = f"{customer} = :c{index}"
        if query.after is not None:
            values[f"a{index}"], values[f"k{index}"] = query.after.at, query.after.key
            where += f" AND ({at}, {key}) < (:a{index}, :k{index})"
        # Identifiers come quoted by the dialect, values are bound, numbers are ints.
        arms.append(
            f"SELECT {index} AS {PAGE_COLUMN}, t.{TOTAL_COLUMN}, {outer} FROM "  # noqa: S608
            f"(SELECT COUNT(*) AS {TOTAL_COLUMN} FROM (SELECT 1 AS one FROM {table} "
            f"WHERE {customer} = :c{index} LIMIT {TOTAL_CAP + 1}) AS n) AS t "
            f"LEFT OUTER JOIN (SELECT {inner} FROM {table} WHERE {where} "
            f"ORDER BY {at} DESC, {key} DESC LIMIT {int(query.size) + 1}) AS p ON 1 = 1"
        )
    # A UNION ALL keeps no order of its own: order the whole by query, then as each arm did.
    order = f" ORDER BY {PAGE_COLUMN}, {at} DESC, {key} DESC"
    return " UNION ALL ".join(arms) + order, values
