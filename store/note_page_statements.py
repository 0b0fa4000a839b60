"""The rows of a batch of customers' notes pages, from a statement built once per shape.

A customer's notes page on PostgreSQL is a LATERAL page per customer (store.keyset_lateral).
Building that statement (a lateral subquery, an alias of `Note` over it, the proxies of every
column) cost more CPU than the rest of the request's store work; yet it depends only on the
caller's visibility, the filter, the order, the page size and whether a cursor is given. So it
is built once per such shape: the customers and the cursor's key are bound parameters, given
at each execution. The visibility is the value `store.visibility.note_visibility` derives
from the policy view, the only part of the view `readable_notes` reads.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    cast,
    column,
    func,
    literal,
    select,
    true,
    tuple_,
)
from sqlalchemy.dialects.postgresql import ARRAY, aggregate_order_by

from policies.view import PolicyView
from store.keyset import Keyset
from store.keyset_lateral import lateral_pages
from store.models import Note, NoteTag
from store.note_records import note_columns
from store.pagination import PageRequest
from store.visibility import note_visibility, readable_notes

# Shapes kept; a filter with changing values (a moving date range) is a new shape each time,
# so the cache is bounded and simply starts over when full.
MAX_SHAPES = 256

_CUSTOMERS = "customer_ids"
_PARENTS = "parents_p0"  # the array parameter lateral_pages names for the one partition column
_statements: dict[Hashable, Select[Any]] = {}


def customer_pages_rows(
    view: PolicyView,
    customer_ids: Sequence[str],
    clauses: Sequence[ColumnElement[bool]],
    filter_key: Hashable,
    keyset: Keyset,
    request: PageRequest,
) -> tuple[Select[Any], Mapping[str, Any]]:
    """The rows statement of the customers' pages (PostgreSQL) and its parameters.

    `clauses` are the filter's WHERE clauses and `filter_key` a hashable value that fixes them
    (the filter itself): equal keys must give equal clauses."""
    down = keyset.descending != request.backward
    cursor = request.cursor is not None
    shape = (note_visibility(view), filter_key, keyset.name, request.size, down, cursor)
    statement = _statements.get(shape)
    if statement is None:
        # The customers also as a list: the planner then sees the actual customer (a big one
        # is read as a range of its index, not sorted), as in the counts.
        customers = Note.customer_id.in_(bindparam(_CUSTOMERS, expanding=True))
        where = [readable_notes(view), customers, *clauses]
        if cursor:
            where.append(_beyond(keyset, down=down))
        statement = lateral_pages(
            Note,
            where,
            keyset.columns,
            down=down,
            size=request.size + 1,
            partition=(Note.customer_id,),
            parents=[],
        )
        if len(_statements) >= MAX_SHAPES:
            _statements.clear()
        _statements[shape] = statement
    params: dict[str, Any] = {_PARENTS: list(customer_ids), _CUSTOMERS: sorted(set(customer_ids))}
    if request.cursor is not None:
        values = keyset.values(request.cursor, request.cursor_field)
        params.update({f"cursor_k{i}": value for i, value in enumerate(values)})
    return statement, params


def _beyond(keyset: Keyset, *, down: bool) -> ColumnElement[bool]:
    # Keyset.beyond with the cursor's key as named parameters instead of literals.
    key = tuple_(*keyset.columns)
    bound = tuple_(*(bindparam(f"cursor_k{i}", type_=c.type) for i, c in enumerate(keyset.columns)))
    return key < bound if down else key > bound


_first_statements: dict[Hashable, Select[Any]] = {}


def customer_first_pages(
    view: PolicyView,
    customer_ids: Sequence[str],
    clauses: Sequence[ColumnElement[bool]],
    filter_key: Hashable,
    keyset: Keyset,
    size: int,
    cap: int | None,
) -> tuple[Select[Any], Mapping[str, Any]]:
    """The customers' first pages (PostgreSQL, no cursor, forwards) in one statement: rows of
    (the note's columns as `store.note_records.note_columns` lists them, the customer's count
    up to `cap + 1` — every note with no cap —, the note's tags), and its parameters.

    The count and the tags ride along with the page's rows, so the whole page is one round
    trip instead of three (count, rows, tags). A customer without a visible note has no row:
    its count is 0. Built once per shape (visibility, filter, order, size)."""
    shape = (note_visibility(view), filter_key, keyset.name, size, cap)
    statement = _first_statements.get(shape)
    if statement is None:
        statement = _first_pages(view, clauses, keyset, size, cap)
        if len(_first_statements) >= MAX_SHAPES:
            _first_statements.clear()
        _first_statements[shape] = statement
    return statement, {_PARENTS: list(customer_ids), _CUSTOMERS: sorted(set(customer_ids))}


def _first_pages(
    view: PolicyView,
    clauses: Sequence[ColumnElement[bool]],
    keyset: Keyset,
    size: int,
    cap: int | None,
) -> Select[Any]:
    # As store.keyset_lateral.lateral_pages (the customers unnested WITH ORDINALITY, a LATERAL
    # page each), with each customer's capped count as a LATERAL beside its page (counted
    # once per customer, not once per row) and each row's tags as an array.
    customers = Note.customer_id.in_(bindparam(_CUSTOMERS, expanding=True))
    parents = (
        func.unnest(
            cast(
                bindparam(_PARENTS, type_=ARRAY(Note.customer_id.type)),
                ARRAY(Note.customer_id.type),
            )
        )
        .table_valued(column("p0", Note.customer_id.type), with_ordinality="ordinal")
        .render_derived(name="parents")
    )
    where = [readable_notes(view), customers, *clauses, Note.customer_id == parents.c.p0]
    some_rows = select(literal(1).label("one")).select_from(Note).where(*where)
    if cap is not None:
        some_rows = some_rows.limit(cap + 1)
    some = some_rows.correlate(parents).subquery("some")
    counted = select(func.count().label("n")).select_from(some).lateral("counted")
    order = [c.desc() if keyset.descending else c.asc() for c in keyset.columns]
    # The note's columns, not the entity: rows become frozen records (store.note_records).
    page = select(*note_columns()).where(*where).order_by(*order).limit(size + 1).lateral("page")
    tags = (
        select(func.array_agg(aggregate_order_by(NoteTag.tag, NoteTag.tag)))
        .where(NoteTag.note_id == page.c.id)
        .scalar_subquery()
    )
    outer = (page.c[c.key] for c in keyset.columns)
    return (
        select(*note_columns(page), counted.c.n, tags.label("tags"))
        .select_from(parents)
        .join(counted, true())
        .join(page, true())
        .order_by(parents.c.ordinal, *(c.desc() if keyset.descending else c.asc() for c in outer))
    )
