"""Reads of sensitive data, aggregated: one row per reader, role, customer, field group and hour.

A dashboard polling a customer every few seconds adds to one row's count instead of a row per
request; the ids of the restricted notes read are kept on the row, bounded.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, UTCDateTime, json_type

ACCESS_ID = BigInteger().with_variant(Integer(), "sqlite")


class AccessRead(Base):
    """How often `principal` (as `role`) read `field_group` of `customer_id` in one hour."""

    __tablename__ = "access_audit"
    __table_args__ = (
        UniqueConstraint("principal", "role", "customer_id", "field_group", "bucket"),
        Index("ix_access_audit_customer_id_bucket", "customer_id", "bucket"),
        Index("ix_access_audit_bucket", "bucket"),
    )

    id: Mapped[int] = mapped_column(ACCESS_ID, primary_key=True, autoincrement=True)
    principal: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(32))
    # '' when the read was about no one customer (an audit log page without customers).
    customer_id: Mapped[str] = mapped_column(String(64))
    field_group: Mapped[str] = mapped_column(String(32))
    bucket: Mapped[datetime] = mapped_column(UTCDateTime)
    read_count: Mapped[int] = mapped_column(Integer)
    first_read_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_read_at: Mapped[datetime] = mapped_column(UTCDateTime)
    note_ids: Mapped[list[Any] | None] = mapped_column(json_type())
    note_ids_truncated: Mapped[bool] = mapped_column(Boolean, default=False)
