"""Orders from every sales channel, normalised to one model and merged newest first.

Channels: ``web`` and ``pos`` (tables in the OMS database) and ``marketplace`` (a REST feed).
Each channel is read once per batch and all channels in parallel: whole
(`orders_by_customer_id`, for figures over the whole history) or a page at a time (`heads`,
see the `heads` module); deliveries and installations a page at a time by their own time
(`fulfilment_heads`, see the `fulfilments` module). A channel that fails does not hide the
others: its `UpstreamError` travels in `OrdersResult.errors`, as single bad payloads travel
in `OrdersResult.failures` (and are reported to the request's intake sightings, see
`sightings`, on their way to the dead-letter).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from core.errors import UpstreamError
from datasources.orders.appraisal import Appraisal
from datasources.orders.fulfilments import FulfilmentHeads
from datasources.orders.heads import ChannelHeads, HeadRequest, Position
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

    def check_position(self, position: Any) -> Position:
        """`position` if it is one of this channel's; ValueError otherwise."""
        ...

    async def heads(self, requests: Sequence[HeadRequest]) -> list[ChannelHeads]:
        """Each request's page of heads, in request order."""
        ...

    def check_fulfilment_position(self, position: Any) -> Position:
        """`position` if it is one of this channel's fulfilment positions; ValueError
        otherwise."""
        ...

    async def fulfilment_heads(self, requests: Sequence[HeadRequest]) -> list[FulfilmentHeads]:
        """Each request's page of deliveries and installations, in request order."""
        ...


@dataclass(frozen=True, slots=True)
class PageKey:
    """One page read of a customer's orders: each channel's position (JSON text; a channel
    not listed starts at the newest) and how many heads to read per channel."""

    customer_id: str
    positions: tuple[tuple[str, str], ...]
    limit: int


ChannelOutcome = ChannelHeads | UpstreamError
FulfilmentOutcome = FulfilmentHeads | UpstreamError
T = TypeVar("T")


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

    async def heads(self, keys: Sequence[PageKey]) -> list[dict[str, ChannelOutcome]]:
        """Each key's heads by channel (or the channel's error): one batch call per channel."""
        return await self._each_channel(keys, lambda channel, requests: channel.heads(requests))

    async def fulfilment_heads(self, keys: Sequence[PageKey]) -> list[dict[str, FulfilmentOutcome]]:
        """Each key's fulfilment heads by channel (or the channel's error): one batch call per
        channel."""
        return await self._each_channel(
            keys, lambda channel, requests: channel.fulfilment_heads(requests)
        )

    async def _each_channel(
        self,
        keys: Sequence[PageKey],
        read: Callable[[OrderChannel, list[HeadRequest]], Awaitable[list[T]]],
    ) -> list[dict[str, T | UpstreamError]]:
        outcomes = await asyncio.gather(
            *(read(channel, _requests(channel.name, keys)) for channel in self.channels),
            return_exceptions=True,
        )
        answers: list[dict[str, T | UpstreamError]] = [{} for _ in keys]
        for channel, outcome in zip(self.channels, outcomes, strict=True):
            if isinstance(outcome, UpstreamError):
                for answer in answers:
                    answer[channel.name] = outcome
            elif isinstance(outcome, BaseException):
                raise outcome
            else:
                for answer, heads in zip(answers, outcome, strict=True):
                    answer[channel.name] = heads
        return answers

    def check_positions(self, positions: Mapping[str, Any]) -> dict[str, Position]:
        """The positions of the configured channels; ValueError when one is not its channel's
        (a channel no longer configured is ignored)."""
        return {
            channel.name: channel.check_position(positions[channel.name])
            for channel in self.channels
            if positions.get(channel.name) is not None
        }

    def check_fulfilment_positions(self, positions: Mapping[str, Any]) -> dict[str, Position]:
        """The fulfilment positions of the configured channels; ValueError when one is not its
        channel's (a channel no longer configured is ignored)."""
        return {
            channel.name: channel.check_fulfilment_position(positions[channel.name])
            for channel in self.channels
            if positions.get(channel.name) is not None
        }

    def report_failures(self, failures: Iterable[OrderFailure]) -> None:
        """Hand failures to the request's intake sightings (when it collects them)."""
        if collecting():
            self._report(failures)

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


def _requests(channel: str, keys: Sequence[PageKey]) -> list[HeadRequest]:
    requests = []
    for key in keys:
        position = dict(key.positions).get(channel)
        after = json.loads(position) if position is not None else None
        requests.append(HeadRequest(key.customer_id, after, key.limit))
    return requests
