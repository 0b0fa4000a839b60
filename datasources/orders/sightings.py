"""Intake failures seen while answering one request, gathered for the dead-letter.

`OrderSources` reports every failure it normalises; when a collector is open (the GraphQL
operation opens one) the failures land in it and are written once, after the response is
decided. A context variable carries the collector because the sources are shared by the
whole app while the collector belongs to one request; outside a request nothing is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass

from datasources.orders.appraisal import Appraisal
from datasources.records import OrderFailure


@dataclass(frozen=True, slots=True)
class Sighted:
    """A failure as a channel produced it, with what its order is worth."""

    failure: OrderFailure
    appraisal: Appraisal


Sightings = dict[tuple[str, str], Sighted]

_collector: ContextVar[Sightings | None] = ContextVar("order_failure_sightings", default=None)


def open_collector() -> Sightings:
    """Start collecting in the current context; returns the (mutable) collection."""
    sightings: Sightings = {}
    _collector.set(sightings)
    return sightings


def close_collector() -> None:
    """Stop collecting in the current context."""
    _collector.set(None)


def collecting() -> bool:
    """True when a collector is open in the current context."""
    return _collector.get() is not None


def report(sighted: Iterable[Sighted]) -> None:
    """Remember failures for the open collector (once per channel and reference)."""
    sightings = _collector.get()
    if sightings is None:
        return
    for item in sighted:
        sightings[(item.failure.channel, item.failure.reference)] = item
