"""Figures derived from a customer's orders: lifetime value, repurchase signal, dormancy.

Every figure comes from one `OrderFigures` — revenue per currency, the first and last revenue
order and the usual interval between orders — which is either computed here from the orders
(`order_figures`, pure) or read from the store's order summaries, kept by the
`summarise-orders` job. So a page of customers costs one summary row each, whatever their
history, and the live path gives the same answer for a customer not yet summarised.
"""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from core.errors import UpstreamError
from datasources.records import OrderRecord

# Statuses that never turned into revenue.
_NOT_REVENUE = {"cancelled", "canceled", "refunded", "rejected", "quote"}
DORMANT_AFTER = timedelta(days=365)


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in one currency."""

    amount: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class RepurchaseSignal:
    """Days since the last order against the customer's usual interval between orders."""

    days_since_last_order: int | None
    usual_interval_days: int | None
    overdue: bool


@dataclass(frozen=True, slots=True)
class OrderFigures:
    """What every order-derived figure needs, from the whole history of every channel.

    `as_of` is when a stored summary was computed (None: computed live for this request);
    `errors` are the channels that could not be read for a live computation.
    """

    revenue: tuple[Money, ...]
    revenue_orders: int
    first_order_at: datetime | None
    last_order_at: datetime | None
    usual_interval_days: int | None
    as_of: datetime | None = None
    errors: tuple[UpstreamError, ...] = field(default=(), compare=False)


def _revenue(orders: Iterable[OrderRecord]) -> list[OrderRecord]:
    return [o for o in orders if o.kind == "order" and o.status.lower() not in _NOT_REVENUE]


def order_figures(orders: Iterable[OrderRecord]) -> OrderFigures:
    """The figures of these orders (quotes and cancelled orders are not revenue)."""
    revenue = _revenue(orders)
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for order in revenue:
        totals[order.currency] += order.total
    placed = sorted(order.placed_at for order in revenue)
    usual = None
    if len(placed) >= 2:
        intervals = [(later - earlier).days for earlier, later in itertools.pairwise(placed)]
        usual = int(statistics.median(intervals))
    return OrderFigures(
        revenue=tuple(Money(amount, currency) for currency, amount in sorted(totals.items())),
        revenue_orders=len(revenue),
        first_order_at=placed[0] if placed else None,
        last_order_at=placed[-1] if placed else None,
        usual_interval_days=usual,
    )


def lifetime_value(figures: OrderFigures) -> list[Money]:
    """Revenue per currency over all orders (quotes and cancelled orders excluded)."""
    return list(figures.revenue)


def repurchase_signal(figures: OrderFigures, now: datetime) -> RepurchaseSignal:
    """Overdue when the time since the last order exceeds 1.5 times the median interval."""
    if figures.last_order_at is None:
        return RepurchaseSignal(None, None, overdue=False)
    since = (now - figures.last_order_at).days
    usual = figures.usual_interval_days
    if usual is None:
        return RepurchaseSignal(since, None, overdue=False)
    return RepurchaseSignal(since, usual, overdue=since > max(1, usual) * 1.5)


def is_dormant(figures: OrderFigures, customer_since: datetime, now: datetime) -> bool:
    """No order for a year (or never, for a customer older than a year)."""
    last = figures.last_order_at or customer_since
    return now - last > DORMANT_AFTER
