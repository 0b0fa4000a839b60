"""A frequent term's directory page read in name order from the name index, within a bound.

A term that matches thousands of customers ("smith" at a million) makes the trigram bitmap
visit every match's heap row, scattered over most of the table, only to sort them and keep 21.
Its first matches in name order, though, sit early in `ix_customers_name_id`, which on
PostgreSQL carries the folded columns and the reach columns (INCLUDE, migration 0021): an
index-only walk in (name, id) order, testing each entry, stops at the page's last match.

The walk reads at most WALK_ENTRIES index entries: matches that cluster late in name order (a
term frequent only under one first name) would otherwise cost a read of most of the index.
A walk that finds the page within its bound has the page exactly (every entry before the last
one it returns was tested); one that does not answers None and the caller takes the bitmap.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.util import ClauseAdapter

from store.models import Customer
from store.pagination import decode_cursor

WALK_ENTRIES = 100_000
"""The most name-index entries a frequent term's page reads before it takes the bitmap."""

# What the directory's WHERE clauses read: the index's key and INCLUDE columns.
WALK_COLUMNS = (
    Customer.id,
    Customer.name,
    Customer.name_search,
    Customer.email_search,
    Customer.phone_search,
    Customer.branch_id,
    Customer.partner_id,
)


def cursor_after(after: str | None) -> list[ColumnElement[bool]]:
    """The keyset condition for the rows after a directory cursor (none without one)."""
    if after is None:
        return []
    name, customer_id = decode_cursor(after, 2)
    return [
        or_(
            Customer.name > str(name),
            (Customer.name == str(name)) & (Customer.id > str(customer_id)),
        )
    ]


async def ordered_walk(
    session: AsyncSession,
    where: Sequence[ColumnElement[bool]],
    after: Sequence[ColumnElement[bool]],
    size: int,
) -> list[Customer] | None:
    """The first `size` customers matching `where` after the cursor, in (name, id) order,
    or None when the first WALK_ENTRIES entries of the name index hold fewer."""
    walk = (
        select(*WALK_COLUMNS)
        .where(*after)
        .order_by(Customer.name, Customer.id)
        .limit(WALK_ENTRIES)
        .subquery("walk")
    )
    adapter = ClauseAdapter(walk)
    hits = (
        select(walk.c.id, walk.c.name)
        .where(*(adapter.traverse(clause) for clause in where))
        .order_by(walk.c.name, walk.c.id)
        .limit(size)
        .subquery("hits")
    )
    statement = (
        select(Customer).join(hits, hits.c.id == Customer.id).order_by(hits.c.name, hits.c.id)
    )
    rows = list(await session.scalars(statement))
    return rows if len(rows) == size else None
