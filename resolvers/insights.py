"""Figures derived from a customer's orders: lifetime value, repurchase signal, dormancy.

Pure functions over upstream records, so they are tested without any service.
"""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

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


def _revenue(orders: list[OrderRecord]) -> list[OrderRecord]:
    return [o for o in orders if o.kind == "order" and o.status.lower() not in _NOT_REVENUE]


def lifetime_value(orders: list[OrderRecord]) -> list[Money]:
    """Revenue per currency over all orders (quotes and cancelled orders excluded)."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for order in _revenue(orders):
        totals[order.currency] += order.total
    return [Money(amount, currency) for currency, amount in sorted(totals.items())]


def repurchase_signal(orders: list[OrderRecord], now: datetime) -> RepurchaseSignal:
    """Overdue when the time since the last order exceeds 1.5 times the median interval."""
    placed = sorted(o.placed_at for o in _revenue(orders))
    if not placed:
        return RepurchaseSignal(None, None, overdue=False)
    since = (now - placed[-1]).days
    if len(placed) < 2:
        return RepurchaseSignal(since, None, overdue=False)
    intervals = [(later - earlier).days for earlier, later in itertools.pairwise(placed)]
    usual = int(statistics.median(intervals))
    return RepurchaseSignal(since, usual, overdue=since > max(1, usual) * 1.5)


def is_dormant(orders: list[OrderRecord], customer_since: datetime, now: datetime) -> bool:
    """No order for a year (or never, for a customer older than a year)."""
    placed = [o.placed_at for o in _revenue(orders)]
    last = max(placed) if placed else customer_since
    return now - last > DORMANT_AFTER
