"""The web-shop order channel (OMS database): headers, lines and fulfilments in three tables."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

from sqlalchemy import FromClause, TableClause, select
from sqlalchemy.ext.asyncio import AsyncEngine

from datasources.config import WebShopTables
from datasources.fields import as_text
from datasources.normalising import normalised_rows
from datasources.orders.appraisal import Appraisal, appraise
from datasources.orders.fulfilments import (
    AT,
    DELIVERY,
    INSTALLATION,
    Fulfilment,
    FulfilmentHeads,
    FulfilmentKeyset,
    fulfilment_of,
    sql_fulfilment_heads,
)
from datasources.orders.heads import (
    ChannelHeads,
    HeadRequest,
    Position,
    SqlKeyset,
    sql_heads,
)
from datasources.orders.normalise import Normalised, normalise, web_order
from datasources.orders.rules import account_of
from datasources.resilience import Guard
from datasources.sql import col, fetch_all, mapped_table

CHANNEL = "web"
# The raw form of a web order (kept for the intake dead-letter) nests its rows under these keys.
ITEMS = "items"
FULFILMENTS = "fulfilments"


class WebShopChannel:
    """Web-shop orders and quotes of a batch of customers, read in one round trip."""

    def __init__(self, engine: AsyncEngine, tables: WebShopTables, guard: Guard) -> None:
        self.engine = engine
        self.tables = tables
        self.guard = guard
        self._orders = mapped_table(tables.orders, tables.order_columns)
        self._items = mapped_table(tables.items, tables.item_columns)
        self._fulfilments = mapped_table(tables.fulfilments, tables.fulfilment_columns)
        c = tables.order_columns
        self._keyset = SqlKeyset(
            self._orders,
            col(self._orders, c.customer_id),
            col(self._orders, c.placed_at),
            col(self._orders, c.number),
        )
        self._fulfilment_keyset = _fulfilment_keyset(self._orders, self._fulfilments, tables)

    name = CHANNEL

    def appraise(self, raw: Mapping[str, Any]) -> Appraisal:
        """What a failed payload of this channel is worth."""
        return web_appraisal(raw, self.tables)

    async def orders_by_customer_id(self, ids: Sequence[str]) -> dict[str, list[Normalised]]:
        """Each customer's web orders (or their normalisation failures); one call per batch,
        normalised after the guard (see `datasources.normalising`)."""
        if not ids:
            return {}
        headers, items, fulfilments = await self.guard.read(lambda: self._load(sorted(set(ids))))
        t = self.tables
        items_by_order = _group(items, t.item_columns.order_number)
        fulfilments_by_order = _group(fulfilments, t.fulfilment_columns.order_number)

        def build(header: Mapping[str, Any]) -> tuple[str, Normalised]:
            number = str(header[t.order_columns.number])
            rows = {
                ITEMS: items_by_order.get(number, []),
                FULFILMENTS: fulfilments_by_order.get(number, []),
            }
            customer_id = as_text(header[t.order_columns.customer_id], "customer id")
            return customer_id, web_normalised({**header, **rows}, t)

        result: dict[str, list[Normalised]] = {}
        for customer_id, item in await normalised_rows(self.guard.source, build, headers):
            result.setdefault(customer_id, []).append(item)
        return result

    async def _load(self, ids: list[str]) -> tuple[list[dict[str, Any]], ...]:
        t = self.tables
        customer = col(self._orders, t.order_columns.customer_id)
        numbers = select(col(self._orders, t.order_columns.number)).where(customer.in_(ids))
        item_order = col(self._items, t.item_columns.order_number)
        fulfilment_order = col(self._fulfilments, t.fulfilment_columns.order_number)
        # One connection, three statements: lines and fulfilments are selected by a subquery
        # on the same customers, so a batch never turns into per-order queries.
        async with self.engine.connect() as connection:
            headers = await fetch_all(connection, select(self._orders).where(customer.in_(ids)))
            items = await fetch_all(
                connection, select(self._items).where(item_order.in_(numbers.scalar_subquery()))
            )
            fulfilments = await fetch_all(
                connection,
                select(self._fulfilments).where(fulfilment_order.in_(numbers.scalar_subquery())),
            )
        return headers, items, fulfilments

    def check_position(self, position: Any) -> Position:
        """A position of this channel (its raw ``[placed_at, number]``); ValueError otherwise."""
        return self._keyset.check(position)

    async def heads(self, requests: Sequence[HeadRequest]) -> list[ChannelHeads]:
        """Each request's page of web orders: the headers, then lines and fulfilments of
        those orders only; one call per batch."""
        if not requests:
            return []
        return await self.guard.read(lambda: self._heads(list(requests)))

    async def _heads(self, requests: list[HeadRequest]) -> list[ChannelHeads]:
        t = self.tables
        item_order = col(self._items, t.item_columns.order_number)
        fulfilment_order = col(self._fulfilments, t.fulfilment_columns.order_number)
        items: list[dict[str, Any]] = []
        fulfilments: list[dict[str, Any]] = []
        async with self.engine.connect() as connection:
            pages, totals = await self._keyset.read(connection, requests)
            numbers = sorted({row[t.order_columns.number] for page in pages for row in page})
            if numbers:
                items = await fetch_all(
                    connection, select(self._items).where(item_order.in_(numbers))
                )
                fulfilments = await fetch_all(
                    connection, select(self._fulfilments).where(fulfilment_order.in_(numbers))
                )
        items_by_order = _group(items, t.item_columns.order_number)
        fulfilments_by_order = _group(fulfilments, t.fulfilment_columns.order_number)

        def build(header: Mapping[str, Any]) -> Callable[[], Normalised]:
            number = str(header[t.order_columns.number])
            rows = {
                ITEMS: items_by_order.get(number, []),
                FULFILMENTS: fulfilments_by_order.get(number, []),
            }
            return partial(web_normalised, {**header, **rows}, t)

        return [
            sql_heads(rows, request, totals.get(request.customer_id, 0), self._keyset, build)
            for rows, request in zip(pages, requests, strict=True)
        ]

    def check_fulfilment_position(self, position: Any) -> Position:
        """A fulfilment position of this channel (raw ``[time, reference]``); ValueError
        otherwise."""
        return self._fulfilment_keyset.check(position)

    async def fulfilment_heads(self, requests: Sequence[HeadRequest]) -> list[FulfilmentHeads]:
        """Each request's page of deliveries and installations, newest first by their own
        time; one statement (and one count) per batch, read into entries after the guard."""
        if not requests:
            return []
        keyset = self._fulfilment_keyset

        async def read() -> tuple[list[list[dict[str, Any]]], dict[str, int]]:
            async with self.engine.connect() as connection:
                return await keyset.read(connection, requests)

        pages, totals = await self.guard.read(read)
        f, t = self.tables.fulfilment_columns, self.tables
        kinds = {t.delivery_kind: DELIVERY, t.installation_kind: INSTALLATION}

        def build(row: Mapping[str, Any]) -> Fulfilment | None:
            return fulfilment_of(
                CHANNEL, kinds, row[AT], row[f.kind], row[f.reference], row[f.status]
            )

        return [
            sql_fulfilment_heads(
                rows, request, totals.get(request.customer_id, 0), build, f.reference
            )
            for rows, request in zip(pages, requests, strict=True)
        ]


def _fulfilment_keyset(
    orders: TableClause, fulfilments: TableClause, tables: WebShopTables
) -> FulfilmentKeyset:
    """The fulfilment table by customer: its own customer column, else its order's."""
    f = tables.fulfilment_columns
    columns = tuple(col(fulfilments, name) for name in (f.kind, f.reference, f.status))
    if f.customer_id:
        source: FromClause = fulfilments
        customer = col(fulfilments, f.customer_id)
    else:
        number = col(orders, tables.order_columns.number)
        source = fulfilments.join(orders, col(fulfilments, f.order_number) == number)
        customer = col(orders, tables.order_columns.customer_id)
    return FulfilmentKeyset(
        source,
        customer,
        col(fulfilments, f.done_at),
        col(fulfilments, f.scheduled_for),
        col(fulfilments, f.reference),
        columns,
    )


def web_normalised(raw: Mapping[str, Any], tables: WebShopTables) -> Normalised:
    """One web order from its raw form: the header row with its ``items`` and ``fulfilments``."""
    header = {key: value for key, value in raw.items() if key not in (ITEMS, FULFILMENTS)}
    items, fulfilments = raw.get(ITEMS) or [], raw.get(FULFILMENTS) or []
    number = str(header.get(tables.order_columns.number) or "?")
    customer_id = account_of(header, tables.order_columns.customer_id)
    build = partial(web_order, header, items, fulfilments, tables)
    return normalise(CHANNEL, number, customer_id, raw, build, tables.rules)


def _group(rows: Sequence[Mapping[str, Any]], key: str) -> dict[str, list[Mapping[str, Any]]]:
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        groups.setdefault(str(row[key]), []).append(dict(row))
    return groups


def web_appraisal(raw: Mapping[str, Any], tables: WebShopTables) -> Appraisal:
    """The order value and currency of a raw web payload, where readable."""
    c = tables.order_columns
    return appraise(raw, c.total, c.currency, cents=False)
