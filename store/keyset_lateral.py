"""The rows of a batch of keyset pages: one LATERAL page per parent (PostgreSQL), or a window
numbering each parent's rows (SQLite, which has no LATERAL).

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

from sqlalchemy import ColumnElement, Select, and_, bindparam, cast, column, func, select, true
from sqlalchemy.dialects.postgresql import ARRAY
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
    # The parents as one array parameter per partition column, unnested WITH ORDINALITY: the
    # statement's shape does not depend on the batch, so SQLAlchemy caches its compilation (a
    # VALUES list of literal rows is never cached and was compiled again on every request).
    arrays = [
        cast(
            bindparam(f"parents_p{i}", [parent[i] for parent in parents], type_=ARRAY(c.type)),
            ARRAY(c.type),
        )
        for i, c in enumerate(partition)
    ]
    parent_rows = (
        func.unnest(*arrays)
        .table_valued(
            *(column(f"p{i}", c.type) for i, c in enumerate(partition)),
            with_ordinality="ordinal",
        )
        .render_derived(name="parents")
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


def window_pages(
    model: type[M],
    where: Sequence[ColumnElement[bool]],
    key: Sequence[InstrumentedAttribute[Any]],
    *,
    down: bool,
    size: int,
    partition: tuple[InstrumentedAttribute[Any], ...],
) -> Select[M]:
    """A statement selecting up to `size` rows of each parent by numbering every row of the
    parents in `key` order (it reads and sorts each parent's rows in full)."""
    order = [c.desc() if down else c.asc() for c in key]
    # The parent and the sort key name one row (the key's last column is unique per parent).
    joined = (*partition, *key)
    rank = func.row_number().over(partition_by=partition, order_by=order).label("rank")
    labels = [c.label(f"k{i}") for i, c in enumerate(joined)]
    ranked = select(*labels, rank).where(*where).subquery()
    return (
        select(model)
        .join(ranked, and_(*(ranked.c[f"k{i}"] == c for i, c in enumerate(joined))))
        .where(ranked.c.rank <= size)
        .order_by(*partition, ranked.c.rank)
    )
