"""Read models the gateway keeps of upstream history it does not own.

`order_summaries` holds, per customer, the figures derived from every order in every channel
(revenue per currency, first and last revenue order, the usual interval between orders), so
lifetime value, the repurchase signal and the DORMANT badge cost one indexed row per customer
instead of the customer's whole order history. The `summarise-orders` job writes it; a
customer without a row is computed live.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, UTCDateTime, json_type


class OrderSummary(Base):
    """One customer's order figures as of `computed_at`."""

    __tablename__ = "order_summaries"
    __table_args__ = (Index("ix_order_summaries_computed_at", "computed_at"),)

    customer_id: Mapped[str] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
    # [{"currency": "EUR", "amount": "1234.50"}, ...]: amounts as text keep Decimal exact.
    revenue: Mapped[list[dict[str, Any]]] = mapped_column(json_type())
    revenue_orders: Mapped[int] = mapped_column(Integer)
    first_order_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_order_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    usual_interval_days: Mapped[int | None] = mapped_column(Integer)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime)
