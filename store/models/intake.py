"""The order intake dead-letter: channel payloads that failed normalisation, kept for redrive."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, UTCDateTime, json_type, new_id, utcnow


class IntakeFailure(Base):
    """One failed payload per (channel, reference); repeats bump `occurrences`."""

    __tablename__ = "intake_failures"
    __table_args__ = (
        UniqueConstraint("channel", "reference"),
        # The operations list reads open failures by impact; resolved ones are the exception.
        Index(
            "ix_intake_failures_open",
            "order_value_cents",
            "first_seen_at",
            postgresql_where=text("resolved_at IS NULL"),
            sqlite_where=text("resolved_at IS NULL"),
        ),
        Index("ix_intake_failures_customer_id", "customer_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    channel: Mapped[str] = mapped_column(String(64))
    reference: Mapped[str] = mapped_column(String(200))
    # The upstream's customer reference, not a foreign key: it may be empty or unknown to us.
    customer_id: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    raw: Mapped[dict[str, Any]] = mapped_column(json_type())
    # Minor units (cents), not Numeric: SQLite has no decimal type and ordering must be exact.
    order_value_cents: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str | None] = mapped_column(String(3))
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    occurrences: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    redrive_attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"), default=0)
    last_redrive_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
