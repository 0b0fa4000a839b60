"""Persisted operations: GraphQL documents known by the SHA-256 of their text.

Two kinds share the table: operations a client registered through automatic persisted
queries (APQ) and operations an operator loaded with `persist` (`safelisted`), which are the
only ones a role restricted to the safelist may run.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, UTCDateTime, utcnow


class PersistedOperation(Base):
    """One document, by the lowercase hex SHA-256 of its UTF-8 text."""

    __tablename__ = "persisted_operations"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    document: Mapped[str] = mapped_column(Text)
    # The operation's name as loaded (safelisted ones), used as its metrics label.
    name: Mapped[str | None] = mapped_column(String(200))
    safelisted: Mapped[bool] = mapped_column(Boolean, server_default=false(), default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
