"""The append-only audit log; the migration installs triggers that reject UPDATE and DELETE."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, UTCDateTime, json_type, utcnow

# SQLite only autoincrements an INTEGER PRIMARY KEY; PostgreSQL gets the wider type.
AUDIT_ID = BigInteger().with_variant(Integer(), "sqlite")


class AuditLog(Base):
    """One audited action: a write, a denial or a sensitive read."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_customer_id_at", "customer_id", "at"),
        Index("ix_audit_log_actor_at", "actor", "at"),
        Index("ix_audit_log_at", "at"),
    )

    id: Mapped[int] = mapped_column(AUDIT_ID, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))
    actor_role: Mapped[str | None] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    target_type: Mapped[str | None] = mapped_column(String(32))
    target_id: Mapped[str | None] = mapped_column(String(64))
    # No foreign key: the audit trail outlives whatever it mentions.
    customer_id: Mapped[str | None] = mapped_column(String(64))
    request_id: Mapped[str | None] = mapped_column(String(64))
    before: Mapped[dict[str, Any] | None] = mapped_column(json_type())
    after: Mapped[dict[str, Any] | None] = mapped_column(json_type())
    detail: Mapped[dict[str, Any] | None] = mapped_column(json_type())
