"""Deliveries and installations a page at a time, newest first by their own time.

A channel answers a `HeadRequest` (a customer, the position after which to read, how many)
with `FulfilmentHeads`: at most that many heads newest first by their own time (done, else
scheduled; one without either has no place in a timeline and is not listed), whether the
channel holds more, and the customer's total there. The web shop reads its fulfilment table
by keyset (`FulfilmentKeyset`: ``WHERE customer = … AND (coalesce(done_at, scheduled_for),
reference) < (…) ORDER BY … DESC LIMIT …``, one UNION ALL for the batch, answered by an index
on (customer, coalesce(done_at, scheduled_for), reference)); the POS has none; the marketplace
pages its shipments endpoint (see `marketplace`).

Rows become `Fulfilment`s only after the channel's guarded read returned, so the upstream
timeout measures I/O only. A row whose time, kind, reference or status cannot be read is
skipped on the page that reaches it (its order, on a page of orders, reports the payload).
A position is the channel's own keyset value of the last head read, as for order heads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, FromClause, Select, func, literal, select, tuple_, union_all
from sqlalchemy.ext.asyncio import AsyncConnection

from datasources.fields import FieldError, as_instant, as_text
from datasources.orders.heads import REQUEST, HeadRequest, Key, Position, sql_bounds, sql_position
from datasources.sql import fetch_all

DELIVERY, INSTALLATION = "delivery", "installation"
AT = "c360_at"
"""The label of a fulfilment row's own time (done, else scheduled) in a page read."""


@dataclass(frozen=True, slots=True)
class Fulfilment:
    """A delivery or installation as the timeline lists it."""

    at: datetime
    kind: str  # DELIVERY or INSTALLATION
    reference: str
    status: str
    channel: str

    @property
    def key(self) -> Key:
        """The merge key: newest first, then kind and reference (as the timeline merges)."""
        return self.at, f"{self.kind}:{self.reference}"


@dataclass(frozen=True, slots=True)
class FulfilmentHead:
    """One fulfilment as the channel listed it (None when it cannot be read)."""

    fulfilment: Fulfilment | None
    position: Position


@dataclass(frozen=True, slots=True)
class FulfilmentHeads:
    """A channel's answer to one request: its heads, whether more follow, its total."""

    heads: tuple[FulfilmentHead, ...] = ()
    more: bool = False
    total: int | None = None


@dataclass(frozen=True, slots=True)
class FulfilmentKeyset:
    """A fulfilment table read newest first by its own time, per customer."""

    source: FromClause  # the table, or the table joined to its order headers
    customer: ColumnElement[Any]
    done_at: ColumnElement[Any]
    scheduled_for: ColumnElement[Any]
    reference: ColumnElement[Any]
    columns: tuple[ColumnElement[Any], ...]  # what a head needs

    @property
    def at(self) -> ColumnElement[Any]:
        """The row's own time: done, else scheduled (the index holds the same expression)."""
        return func.coalesce(self.done_at, self.scheduled_for)

    def check(self, position: Position) -> Position:
        """`position` if it is one of this table's; ValueError otherwise."""
        sql_bounds(position, epoch=False, sqlite=True)
        return position

    def statement(self, requests: Sequence[HeadRequest], *, sqlite: bool) -> Select[Any]:
        """One statement for the batch: a UNION ALL of per-customer limited reads."""
        at = self.at
        parts: list[Select[Any]] = []
        for index, request in enumerate(requests):
            part = (
                select(*self.columns, at.label(AT), literal(index).label(REQUEST))
                .select_from(self.source)
                .where(self.customer == request.customer_id, at.is_not(None))
            )
            if request.after is not None:
                bound_at, bound_reference = sql_bounds(request.after, epoch=False, sqlite=sqlite)
                part = part.where(tuple_(at, self.reference) < tuple_(bound_at, bound_reference))
            part = part.order_by(at.desc(), self.reference.desc()).limit(request.limit)
            parts.append(select(part.subquery()))
        if len(parts) == 1:
            return parts[0]
        both = union_all(*parts).subquery()
        reference = both.c[self.reference.key or ""]
        # UNION ALL keeps no order across its parts: sort again, by the database's own rules.
        return select(both).order_by(both.c[REQUEST], both.c[AT].desc(), reference.desc())

    async def read(
        self, connection: AsyncConnection, requests: Sequence[HeadRequest]
    ) -> tuple[list[list[dict[str, Any]]], dict[str, int]]:
        """Each request's rows (newest first) and each customer's count of timed rows."""
        sqlite = connection.dialect.name == "sqlite"
        rows = await fetch_all(connection, self.statement(requests, sqlite=sqlite))
        by_request: list[list[dict[str, Any]]] = [[] for _ in requests]
        for row in rows:
            by_request[int(row.pop(REQUEST))].append(row)
        ids = sorted({request.customer_id for request in requests})
        counted = await connection.execute(
            select(self.customer, func.count())
            .select_from(self.source)
            .where(self.customer.in_(ids), self.at.is_not(None))
            .group_by(self.customer)
        )
        return by_request, {str(customer): int(count) for customer, count in counted.all()}


def fulfilment_of(
    channel: str, kinds: Mapping[str, str], at: Any, kind: Any, reference: Any, status: Any
) -> Fulfilment | None:
    """A fulfilment from raw values (`kinds` maps the source's kinds to ours), or None when
    one of them cannot be read."""
    try:
        ours = kinds.get(as_text(kind, "kind"))
        if ours is None:
            return None
        return Fulfilment(
            as_instant(at, "fulfilment time"),
            ours,
            as_text(reference, "reference"),
            as_text(status, "status"),
            channel,
        )
    except FieldError:
        return None


def sql_fulfilment_heads(
    rows: Sequence[Mapping[str, Any]],
    request: HeadRequest,
    total: int,
    build: Any,
    reference: str,
) -> FulfilmentHeads:
    """`FulfilmentHeads` from one request's rows (`build`: row → Fulfilment or None)."""
    heads = tuple(FulfilmentHead(build(row), sql_position(row[AT], row[reference])) for row in rows)
    return FulfilmentHeads(heads, more=len(rows) >= request.limit, total=total)
