"""Order figures to and from the store's `order_summaries` rows.

The job (`summarise-orders`) turns a customer's live figures into a row; the request's
figures loader turns a row back into the same `OrderFigures` (with `as_of` set), so both
paths answer every derived field alike.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from resolvers.insights import Money, OrderFigures
from store.models import OrderSummary


def summary_row(customer_id: str, figures: OrderFigures, computed_at: datetime) -> dict[str, Any]:
    """The `order_summaries` columns of one customer's figures."""
    return {
        "customer_id": customer_id,
        "revenue": [
            {"currency": money.currency, "amount": str(money.amount)} for money in figures.revenue
        ],
        "revenue_orders": figures.revenue_orders,
        "first_order_at": figures.first_order_at,
        "last_order_at": figures.last_order_at,
        "usual_interval_days": figures.usual_interval_days,
        "computed_at": computed_at,
    }


def figures_of(row: OrderSummary) -> OrderFigures:
    """The figures a stored summary holds, as of its computation."""
    return OrderFigures(
        revenue=tuple(Money(Decimal(item["amount"]), item["currency"]) for item in row.revenue),
        revenue_orders=row.revenue_orders,
        first_order_at=row.first_order_at,
        last_order_at=row.last_order_at,
        usual_interval_days=row.usual_interval_days,
        as_of=row.computed_at,
    )
