"""The marketplace order channel (REST feed): nested JSON orders looked up by buyer reference."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

import httpx

from datasources.config import MarketplaceConfig
from datasources.fields import lookup
from datasources.http import QueryParams, pages
from datasources.orders.appraisal import Appraisal, appraise
from datasources.orders.normalise import Normalised, marketplace_order, normalise
from datasources.orders.rules import account_of
from datasources.records import OrderFailure
from datasources.resilience import Guard

CHANNEL = "marketplace"


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
