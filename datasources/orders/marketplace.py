"""The marketplace order channel (REST feed): nested JSON orders looked up by buyer reference."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

import httpx

from core.errors import BadUpstreamData
from datasources.config import MarketplaceConfig
from datasources.fields import lookup
from datasources.http import QueryParams, get_json, pages
from datasources.orders.appraisal import Appraisal, appraise
from datasources.orders.fulfilments import (
    DELIVERY,
    FulfilmentHead,
    FulfilmentHeads,
    fulfilment_of,
)
from datasources.orders.heads import ChannelHeads, Head, HeadRequest, Position, merge_key
from datasources.orders.normalise import Normalised, marketplace_order, normalise
from datasources.orders.rules import account_of
from datasources.records import OrderFailure
from datasources.resilience import Guard

CHANNEL = "marketplace"
MAX_REFERENCE = 200
# Each buyer adds a reference and a cursor to the query string: keep it well under URL limits.
BUYERS_PER_REQUEST = 200
# Every marketplace shipment is a delivery.
SHIPMENT_KINDS = {DELIVERY: DELIVERY}


class MarketplaceChannel:
    """Marketplace orders of a batch of buyers: one request per page of the feed."""

    def __init__(self, client: httpx.AsyncClient, config: MarketplaceConfig, guard: Guard) -> None:
        self.client = client
        self.config = config
        self.guard = guard

    name = CHANNEL

    def appraise(self, raw: Mapping[str, Any]) -> Appraisal:
        """What a failed payload of this channel is worth."""
        return marketplace_appraisal(raw, self.config)

    async def orders_by_customer_id(self, ids: Sequence[str]) -> dict[str, list[Normalised]]:
        """Each buyer's marketplace orders (or their normalisation failures)."""
        if not ids:
            return {}
        c = self.config
        params: QueryParams = {c.buyer_param: sorted(set(ids)), c.page_size_param: c.page_size}
        result: dict[str, list[Normalised]] = {}
        async for page in pages(
            self.client,
            self.guard,
            c.orders_path,
            params,
            cursor_param=c.page_token_param,
            results_field=c.results_field,
            next_field=c.next_page_field,
        ):
            for payload in page:
                item = marketplace_normalised(payload, self.config)
                result.setdefault(item.customer_id, []).append(item)
        return result

    def check_position(self, position: Any) -> Position:
        """A marketplace position is an order reference; ValueError otherwise."""
        if not isinstance(position, str) or not 0 < len(position) <= MAX_REFERENCE:
            raise ValueError("not a marketplace position")
        return position

    async def heads(self, requests: Sequence[HeadRequest]) -> list[ChannelHeads]:
        """Each buyer's page through the feed's own newest-first cursor: one request per
        batch (split only to keep the query string short)."""
        chunks = [
            requests[i : i + BUYERS_PER_REQUEST]
            for i in range(0, len(requests), BUYERS_PER_REQUEST)
        ]
        answers = await asyncio.gather(*(self._chunk(chunk) for chunk in chunks))
        return [heads for answer in answers for heads in answer]

    async def _chunk(self, requests: Sequence[HeadRequest]) -> list[ChannelHeads]:
        c = self.config
        limit = max(request.limit for request in requests)
        params: QueryParams = {
            c.buyer_param: [request.customer_id for request in requests],
            c.before_param: ["" if r.after is None else str(r.after) for r in requests],
            c.limit_param: limit,
        }
        body = await get_json(self.client, self.guard, c.newest_path, params)
        buyers = body.get(c.buyers_field)
        if not isinstance(buyers, list) or len(buyers) != len(requests):
            raise self._bad(f"answered without a {c.buyers_field!r} list, one per buyer")
        return [self._buyer_heads(r, each) for r, each in zip(requests, buyers, strict=True)]

    def _buyer_heads(self, request: HeadRequest, answer: Any) -> ChannelHeads:
        c = self.config
        results = answer.get(c.results_field) if isinstance(answer, Mapping) else None
        if not isinstance(results, list):
            raise self._bad(f"answered a buyer without a {c.results_field!r} list")
        total = answer.get(c.total_field) if c.total_field else None
        heads: list[Head] = []
        position = request.after
        for payload in results[: request.limit]:
            reference = at = None
            if isinstance(payload, Mapping):
                reference = lookup(payload, c.fields.number, required=False)
                at = lookup(payload, c.fields.placed_at, required=False)
            # A payload without a reference cannot be read past on its own: the position
            # stays at the last one that has it (the feed then lists it again, reported again).
            if isinstance(reference, str | int) and str(reference):
                position = str(reference)
            build = partial(marketplace_normalised, payload, c)
            heads.append(Head(merge_key(at, reference), position, build))
        return ChannelHeads(
            tuple(heads),
            more=len(results) >= request.limit,
            total=total if isinstance(total, int) and not isinstance(total, bool) else None,
        )

    def _bad(self, message: str, path: str | None = None) -> BadUpstreamData:
        where = path or self.config.newest_path
        return BadUpstreamData(f"{where} {message}", source=self.guard.source)

    def check_fulfilment_position(self, position: Any) -> Position:
        """A shipment position is its reference; ValueError otherwise."""
        return self.check_position(position)

    async def fulfilment_heads(self, requests: Sequence[HeadRequest]) -> list[FulfilmentHeads]:
        """Each buyer's page of shipments through the feed's newest-first shipments pages:
        one request per batch (split only to keep the query string short)."""
        chunks = [
            requests[i : i + BUYERS_PER_REQUEST]
            for i in range(0, len(requests), BUYERS_PER_REQUEST)
        ]
        answers = await asyncio.gather(*(self._shipments(chunk) for chunk in chunks))
        return [heads for answer in answers for heads in answer]

    async def _shipments(self, requests: Sequence[HeadRequest]) -> list[FulfilmentHeads]:
        c = self.config
        params: QueryParams = {
            c.buyer_param: [request.customer_id for request in requests],
            c.before_param: ["" if r.after is None else str(r.after) for r in requests],
            c.limit_param: max(request.limit for request in requests),
        }
        body = await get_json(self.client, self.guard, c.shipments_path, params)
        # Read into entries only now: the guard's timeout measured the request alone.
        buyers = body.get(c.buyers_field)
        if not isinstance(buyers, list) or len(buyers) != len(requests):
            raise self._bad(
                f"answered without a {c.buyers_field!r} list, one per buyer", c.shipments_path
            )
        return [self._buyer_shipments(r, each) for r, each in zip(requests, buyers, strict=True)]

    def _buyer_shipments(self, request: HeadRequest, answer: Any) -> FulfilmentHeads:
        c, f = self.config, self.config.fields
        results = answer.get(c.results_field) if isinstance(answer, Mapping) else None
        if not isinstance(results, list):
            raise self._bad(
                f"answered a buyer without a {c.results_field!r} list", c.shipments_path
            )
        total = answer.get(c.total_field) if c.total_field else None
        heads: list[FulfilmentHead] = []
        position = request.after
        for shipment in results[: request.limit]:
            entry = None
            if isinstance(shipment, Mapping):
                reference = lookup(shipment, f.shipment_reference, required=False)
                if isinstance(reference, str | int) and str(reference):
                    position = str(reference)
                at = lookup(shipment, f.shipment_delivered_at, required=False) or lookup(
                    shipment, f.shipment_promised_for, required=False
                )
                status = lookup(shipment, f.shipment_status, required=False)
                entry = fulfilment_of(
                    CHANNEL,
                    SHIPMENT_KINDS,
                    at,
                    DELIVERY,
                    reference,
                    status.lower() if isinstance(status, str) else status,
                )
            heads.append(FulfilmentHead(entry, position))
        return FulfilmentHeads(
            tuple(heads),
            more=len(results) >= request.limit,
            total=total if isinstance(total, int) and not isinstance(total, bool) else None,
        )

    async def ping(self) -> str:
        """Check the feed answers; returns the HTTP status."""

        async def probe() -> str:
            response = await self.client.get(self.config.health_path)
            response.raise_for_status()
            return f"HTTP {response.status_code}"

        return await self.guard.read(probe, retry=False)


def marketplace_normalised(payload: Any, config: MarketplaceConfig) -> Normalised:
    """One marketplace payload as an order, or its intake failure."""
    if not isinstance(payload, Mapping):
        return OrderFailure(CHANNEL, "?", "", "order payload is not an object", {})
    f = config.fields
    reference = str(lookup(payload, f.number, required=False) or "?")
    # The buyer reference is what ties a failure to a customer; without it the failure
    # still exists (for the dead-letter) but belongs to no one's 360.
    customer_id = account_of(payload, f.customer_id)
    build = partial(marketplace_order, payload, config)
    return normalise(CHANNEL, reference, customer_id, payload, build, config.rules)


def marketplace_appraisal(raw: Mapping[str, Any], config: MarketplaceConfig) -> Appraisal:
    """The order value and currency of a raw marketplace payload, where readable."""
    f = config.fields
    return appraise(raw, f.total, f.currency, cents=False)
