"""The point-of-sale order channel (OMS database): one receipt row per sale, lines as JSON."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from datasources.config import PosTable
from datasources.fields import as_text
from datasources.normalising import normalised_rows
from datasources.orders.appraisal import Appraisal, appraise
from datasources.orders.fulfilments import FulfilmentHeads
from datasources.orders.heads import (
    ChannelHeads,
    HeadRequest,
    Position,
    SqlKeyset,
    sql_heads,
)
from datasources.orders.normalise import Normalised, normalise, pos_receipt
from datasources.orders.rules import account_of
from datasources.resilience import Guard
from datasources.sql import col, fetch_all, mapped_table

CHANNEL = "pos"


class PosChannel:
    """Store receipts of a batch of customers, read with one query."""

    def __init__(self, engine: AsyncEngine, table: PosTable, guard: Guard) -> None:
        self.engine = engine
        self.table = table
        self.guard = guard
        self._receipts = mapped_table(table.table, table.columns)
        c = table.columns
        self._keyset = SqlKeyset(
            self._receipts,
            col(self._receipts, c.customer_id),
            col(self._receipts, c.sold_at_epoch),
            col(self._receipts, c.number),
            epoch=True,
        )

    name = CHANNEL

    def appraise(self, raw: Mapping[str, Any]) -> Appraisal:
        """What a failed payload of this channel is worth."""
        return pos_appraisal(raw, self.table)

    async def orders_by_customer_id(self, ids: Sequence[str]) -> dict[str, list[Normalised]]:
        """Each customer's receipts as orders (or their normalisation failures)."""
        if not ids:
            return {}
        rows = await self.guard.read(lambda: self._load(sorted(set(ids))))
        # Normalised after the guard, handing the loop back (see `datasources.normalising`).
        built = await normalised_rows(self.guard.source, self._normalise, rows)
        result: dict[str, list[Normalised]] = {}
        for customer_id, item in built:
            result.setdefault(customer_id, []).append(item)
        return result

    async def _load(self, ids: list[str]) -> list[dict[str, Any]]:
        customer = col(self._receipts, self.table.columns.customer_id)
        async with self.engine.connect() as connection:
            return await fetch_all(connection, select(self._receipts).where(customer.in_(ids)))

    def _normalise(self, row: Mapping[str, Any]) -> tuple[str, Normalised]:
        c = self.table.columns
        return as_text(row[c.customer_id], c.customer_id), pos_normalised(row, self.table)

    def check_position(self, position: Any) -> Position:
        """A position of this channel (its raw ``[placed_at, number]``); ValueError otherwise."""
        return self._keyset.check(position)

    async def heads(self, requests: Sequence[HeadRequest]) -> list[ChannelHeads]:
        """Each request's page of receipts; one query (and one count) per batch."""
        if not requests:
            return []
        return await self.guard.read(lambda: self._heads(list(requests)))

    async def _heads(self, requests: list[HeadRequest]) -> list[ChannelHeads]:
        async with self.engine.connect() as connection:
            pages, totals = await self._keyset.read(connection, requests)

        def build(row: Mapping[str, Any]) -> Callable[[], Normalised]:
            return partial(pos_normalised, row, self.table)

        return [
            sql_heads(rows, request, totals.get(request.customer_id, 0), self._keyset, build)
            for rows, request in zip(pages, requests, strict=True)
        ]

    def check_fulfilment_position(self, position: Any) -> Position:
        """Receipts have no fulfilments: no position is one of this channel's."""
        raise ValueError("the point of sale has no fulfilments")

    async def fulfilment_heads(self, requests: Sequence[HeadRequest]) -> list[FulfilmentHeads]:
        """Receipts have no deliveries or installations: an empty page each, no I/O."""
        return [FulfilmentHeads(total=0) for _ in requests]


def pos_normalised(row: Mapping[str, Any], table: PosTable) -> Normalised:
    """One receipt row as an order, or its intake failure."""
    number = str(row.get(table.columns.number) or "?")
    customer_id = account_of(row, table.columns.customer_id)
    build = partial(pos_receipt, row, table)
    return normalise(CHANNEL, number, customer_id, row, build, table.rules)


def pos_appraisal(raw: Mapping[str, Any], table: PosTable) -> Appraisal:
    """The order value and currency of a raw pos payload, where readable."""
    c = table.columns
    return appraise(raw, c.total_cents, c.currency, cents=True)
