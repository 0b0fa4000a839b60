"""Keyset pages in SQL: one sort order on indexed columns, read forwards or backwards.

A cursor names the last row seen by its sort key (never by position), tagged with the list it
came from, so a page boundary stays put when rows arrive or leave in between and a cursor of
another list is refused. Every key of one order runs the same way (all newest first, or all
ascending), so "after the cursor" is one row-value comparison the index answers.

Lists of many parents (each customer's notes) are read for a whole batch of parents in one
query: on PostgreSQL one LATERAL page per parent (store.keyset_lateral), on SQLite a window
that numbers the rows per parent and keeps `size + 1` of each.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    case,
    exists,
    func,
    literal,
    not_,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from core.errors import Invalid
from store.keyset_lateral import lateral_pages, window_pages
from store.page_cursors import LazyCursors
from store.pagination import Page, PageRequest, decode_cursor, encode_cursor

M = TypeVar("M")


@dataclass(frozen=True, slots=True)
class CappedPage(Page[M]):
    """A page whose `total_count` stops at the cap it was counted to: `total_capped` when
    more rows match, and `total_count` is then the cap (a lower bound)."""

    total_capped: bool = False


@dataclass(frozen=True, slots=True)
class Keyset:
    """A list's sort order: its cursor tag, its key columns (the last one unique) and way."""

    name: str
    columns: tuple[InstrumentedAttribute[Any], ...]
    kinds: tuple[type, ...]
    descending: bool = True

    def encode(self, row: object) -> str:
        """The cursor of one row."""
        return encode_cursor(self.name, *(_dump(getattr(row, c.key)) for c in self.columns))

    def decode(self, cursor: str, field: str) -> list[ColumnElement[Any]]:
        """A cursor's key as typed SQL literals; another list's cursor or a forged one is
        INVALID."""
        values = self.values(cursor, field)
        return [
            literal(value, column.type) for value, column in zip(values, self.columns, strict=True)
        ]

    def values(self, cursor: str, field: str) -> list[object]:
        """A cursor's key as Python values (INVALID as `decode`)."""
        shape = (str, *(int if kind is bool else kind for kind in self.kinds))
        name, *parts = decode_cursor(cursor, shape, field=field)
        if name != self.name:
            raise Invalid("cursor is not valid for this list", field=field)
        return [_load(part, kind, field) for part, kind in zip(parts, self.kinds, strict=True)]

    def beyond(self, cursor: str, *, backward: bool, field: str) -> ColumnElement[bool]:
        """Rows strictly past the cursor in the reading direction."""
        key = tuple_(*self.columns)
        bound = tuple_(*self.decode(cursor, field))
        return key < bound if self.descending != backward else key > bound

    def order(self, *, backward: bool) -> list[ColumnElement[Any]]:
        """ORDER BY terms for reading in one direction."""
        down = self.descending != backward
        return [column.desc() if down else column.asc() for column in self.columns]


def _dump(value: object) -> str | int | float:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str | int | float):
        return value
    return str(value)


def _load(part: str | int | float, kind: type, field: str) -> object:
    if kind is datetime:
        at = datetime.fromisoformat(str(part))
        if at.tzinfo is None:
            raise Invalid("cursor is not valid", field=field)
        return at
    if kind is bool:
        if part not in (0, 1):
            raise Invalid("cursor is not valid", field=field)
        return bool(part)
    return part


async def keyset_page(
    session: AsyncSession,
    model: type[M],
    where: Sequence[ColumnElement[bool]],
    keyset: Keyset,
    request: PageRequest,
) -> Page[M]:
    """One page of a single list; `totalCount` counts every row `where` admits."""
    pages = await keyset_pages(session, model, where, keyset, request, partition=(), parents=[()])
    return pages[0]


async def keyset_pages(
    session: AsyncSession,
    model: type[M],
    where: Sequence[ColumnElement[bool]],
    keyset: Keyset,
    request: PageRequest,
    *,
    partition: tuple[InstrumentedAttribute[Any], ...],
    parents: Sequence[tuple[Hashable, ...]],
    cap: int | None = None,
    prepared: tuple[Select[Any], Mapping[str, Any]] | None = None,
) -> list[Page[M]]:
    """One page per parent (the values of the `partition` columns), in `parents` order, read
    in two queries for the whole batch: the counts, and the rows of every page. With `cap`,
    each parent's count stops after `cap + 1` rows (CappedPage); `prepared`: a statement built
    once for the list's shape and this batch's parameters, in place of the one built here."""
    if not parents:
        return []
    backward = request.backward
    beyond = (
        keyset.beyond(request.cursor, backward=backward, field=request.cursor_field)
        if request.cursor is not None
        else None
    )
    if cap is not None:
        counts = await _capped_counts(session, model, where, beyond, partition, parents, cap)
    else:
        counts = await _counts(session, where, beyond, partition)

    window = [*where] if beyond is None else [*where, beyond]
    order = keyset.order(backward=backward)
    params: Mapping[str, Any] = {}
    if prepared is not None:
        statement, params = prepared
    elif partition and session.bind is not None and session.bind.dialect.name == "postgresql":
        statement = lateral_pages(
            model,
            window,
            keyset.columns,
            down=keyset.descending != backward,
            size=request.size + 1,
            partition=partition,
            parents=parents,
        )
    elif partition:
        statement = window_pages(
            model,
            window,
            keyset.columns,
            down=keyset.descending != backward,
            size=request.size + 1,
            partition=partition,
        )
    else:
        statement = select(model).where(*window).order_by(*order).limit(request.size + 1)
    grouped: dict[tuple[Hashable, ...], list[M]] = defaultdict(list)
    for row in await session.scalars(statement, params):
        grouped[tuple(getattr(row, column.key) for column in partition)].append(row)

    pages: list[Page[M]] = []
    for parent in parents:
        rows = grouped.get(tuple(parent), [])
        total, near_count = counts.get(tuple(parent), (0, 0))
        more = len(rows) > request.size
        rows = rows[: request.size]
        if backward:
            rows.reverse()
        pages.append(
            CappedPage(
                items=rows,
                cursors=LazyCursors(rows, keyset.encode),
                has_next_page=near_count > 0 if backward else more,
                has_previous_page=more if backward else near_count > 0,
                total_count=total if cap is None else min(total, cap),
                total_capped=cap is not None and total > cap,
            )
        )
    return pages


async def _counts(
    session: AsyncSession,
    where: Sequence[ColumnElement[bool]],
    beyond: ColumnElement[bool] | None,
    partition: tuple[InstrumentedAttribute[Any], ...],
) -> dict[tuple[Hashable, ...], tuple[int, int]]:
    """Every parent's (rows, rows on the near side of the cursor), exact."""
    # Rows on the near side of the cursor: there is a page before (forwards) or after it.
    near = (
        func.coalesce(func.sum(case((beyond, 0), else_=1)), 0) if beyond is not None else literal(0)
    )
    counts_query = select(*partition, func.count(), near).where(*where)
    if partition:
        counts_query = counts_query.group_by(*partition)
    return {
        tuple(row[:-2]): (int(row[-2]), int(row[-1])) for row in await session.execute(counts_query)
    }


async def _capped_counts(
    session: AsyncSession,
    model: type[M],
    where: Sequence[ColumnElement[bool]],
    beyond: ColumnElement[bool] | None,
    partition: tuple[InstrumentedAttribute[Any], ...],
    parents: Sequence[tuple[Hashable, ...]],
    cap: int,
) -> dict[tuple[Hashable, ...], tuple[int, int]]:
    """Every parent's (rows up to `cap + 1`, 1 if a row is on the near side of the cursor):
    `SELECT count(*) FROM (… LIMIT cap + 1)` per parent, so a parent with 100,000 rows costs
    `cap + 1` index entries, not its whole list."""
    parts: list[Select[Any]] = []
    for ordinal, parent in enumerate(parents):
        own = [*where, *(c == value for c, value in zip(partition, parent, strict=True))]
        some = select(literal(1).label("one")).select_from(model).where(*own)
        counted = some.limit(cap + 1).subquery()
        near: ColumnElement[Any] = literal(False)
        if beyond is not None:
            near = exists(select(literal(1)).select_from(model).where(*own, not_(beyond)))
        parts.append(
            select(
                literal(ordinal).label("ordinal"),
                select(func.count()).select_from(counted).scalar_subquery().label("n"),
                case((near, 1), else_=0).label("near"),
            )
        )
    statement = union_all(*parts) if len(parts) > 1 else parts[0]
    return {
        tuple(parents[int(ordinal)]): (int(n), int(near_count))
        for ordinal, n, near_count in await session.execute(statement)
    }
