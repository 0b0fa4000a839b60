"""Orders from every sales channel, normalised to one model and merged newest first.

Channels: ``web`` and ``pos`` (tables in the OMS database) and ``marketplace`` (a REST feed).
Each channel is read once per batch and all channels in parallel. A channel that fails does
not hide the others: its `UpstreamError` travels in `OrdersResult.errors`, as single bad
payloads travel in `OrdersResult.failures` (and are reported to the request's intake
sightings, see `sightings`, on their way to the dead-letter).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from core.errors import UpstreamError
from datasources.orders.appraisal import Appraisal
from datasources.orders.normalise import Normalised
from datasources.orders.sightings import Sighted, collecting, report
from datasources.records import OrderFailure, OrderRecord, OrdersResult


class OrderChannel(Protocol):
    """What every channel offers: a batch read keyed by customer id."""

    name: str

    def appraise(self, raw: Mapping[str, Any]) -> Appraisal:
        """What a failed payload of this channel is worth (for the dead-letter's ranking)."""
        ...

    async def orders_by_customer_id(self, ids: Sequence[str]) -> dict[str, list[Normalised]]:
        """Each customer's normalised orders and failures."""
        ...


class OrderSources:
    """All configured order channels behind one batch function."""

    def __init__(self, channels: Sequence[OrderChannel]) -> None:
        self.channels = tuple(channels)

    async def orders_by_customer_id(self, ids: Sequence[str]) -> dict[str, OrdersResult]:
        """Every requested customer's OrdersResult (empty when they have no orders)."""
        outcomes = await asyncio.gather(
            *(channel.orders_by_customer_id(ids) for channel in self.channels),
            return_exceptions=True,
        )
        errors: list[UpstreamError] = []
        items: dict[str, list[Normalised]] = {}
        for outcome in outcomes:
            if isinstance(outcome, UpstreamError):
                errors.append(outcome)
            elif isinstance(outcome, BaseException):
                raise outcome
            else:
                for customer_id, normalised in outcome.items():
                    items.setdefault(customer_id, []).extend(normalised)
        results = {customer_id: _result(items.get(customer_id, []), errors) for customer_id in ids}
        if collecting():
            self._report(failure for result in results.values() for failure in result.failures)
        return results

    def _report(self, failures: Iterable[OrderFailure]) -> None:
        by_name = {channel.name: channel for channel in self.channels}
        report(
            Sighted(failure, by_name[failure.channel].appraise(failure.raw))
            if failure.channel in by_name
            else Sighted(failure, Appraisal())
            for failure in failures
        )


def _result(items: list[Normalised], errors: list[UpstreamError]) -> OrdersResult:
    orders = [item for item in items if isinstance(item, OrderRecord)]
    failures = [item for item in items if isinstance(item, OrderFailure)]
    orders.sort(key=lambda order: (order.placed_at, order.number), reverse=True)
    return OrdersResult(tuple(orders), tuple(failures), tuple(errors))
