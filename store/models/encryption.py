"""The key check values of encryption at rest (store/sealing.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, UTCDateTime, utcnow


class EncryptionKeyCheck(Base):
    """A known value sealed under one key: proves at startup that a configured key is the key
    the store's values were sealed with, and lists the keys values may still be under."""

    __tablename__ = "encryption_key_checks"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    token: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
