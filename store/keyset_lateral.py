"""The rows of a batch of keyset pages on PostgreSQL: one LATERAL page per parent.

For each parent (e.g. a customer of the directory page) the statement reads that parent's page
alone: `WHERE <parent> = p AND <visibility> AND key < cursor ORDER BY key LIMIT size + 1`,
joined LATERAL to the list of parents. With the parent and the key in one index
(ix_notes_customer_live) each page is a range read of `size + 1` entries, whatever the
parent's number of rows: a window over every row of the parent would read and sort them all
(a 100,000-note customer costs its whole note list on every page).

The plan cannot go bad when PostgreSQL switches a prepared statement to its generic plan:
with the parent an equality on the index's leading column and a LIMIT, the index range read is
the cheapest plan for any parent value, so the generic plan is the custom one.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Integer, Select, column, select, true, values
from sqlalchemy.orm import InstrumentedAttribute, aliased

M = TypeVar("M")


def lateral_pages(
    model: type[M],
    where: Sequence[ColumnElement[bool]],
    key: Sequence[InstrumentedAttribute[Any]],
    *,
    down: bool,
    size: int,
    partition: tuple[InstrumentedAttribute[Any], ...],
    parents: Sequence[tuple[Hashable, ...]],
) -> Select[M]:
    """A statement selecting up to `size` rows of each parent, parent by parent, ordered by
    `key` (every column descending when `down`)."""
    keys = [
        column("ordinal", Integer()),
        *(column(f"p{i}", c.type) for i, c in enumerate(partition)),
    ]
    parent_rows = values(*keys, name="parents").data(
        [(ordinal, *parent) for ordinal, parent in enumerate(parents)]
    )
    matches_parent = (c == parent_rows.c[f"p{i}"] for i, c in enumerate(partition))
    page = (
        select(model)
        .where(*where, *matches_parent)
        .order_by(*(c.desc() if down else c.asc() for c in key))
        .limit(size)
        .lateral("page")
    )
    row = aliased(model, page)
    # Rows arrive parent by parent, each parent's in the page's order (the key's columns read
    # through the alias, which also adapts column_property expressions such as a rank).
    outer = (getattr(row, c.key) for c in key)
    return (
        select(row)
        .select_from(parent_rows)
        .join(page, true())
        .order_by(parent_rows.c.ordinal, *(c.desc() if down else c.asc() for c in outer))
    )
