"""The search outbox written with each note change, and the dead letters the indexer gives up on."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from store.enums import OutboxOp
from store.models.base import Base, EnumText, UTCDateTime, enum_check, utcnow

# SQLite only autoincrements an INTEGER PRIMARY KEY; PostgreSQL gets the wider type.
OUTBOX_ID = BigInteger().with_variant(Integer(), "sqlite")


class SearchOutbox(Base):
    """A note change waiting to reach the search index, committed with the change itself."""

    __tablename__ = "search_outbox"
    __table_args__ = (
        enum_check("op", OutboxOp),
        # The indexer's drain query reads only pending rows, in retry order.
        Index(
            "ix_search_outbox_pending",
            "next_attempt_at",
            "id",
            postgresql_where=text("processed_at IS NULL"),
            sqlite_where=text("processed_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(OUTBOX_ID, primary_key=True, autoincrement=True)
    # No foreign key: the outbox must be able to carry the deletion of a note row.
    note_id: Mapped[str] = mapped_column(String(36))
    note_version: Mapped[int] = mapped_column(Integer)
    op: Mapped[OutboxOp] = mapped_column(EnumText(OutboxOp))
    enqueued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"), default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SearchDeadLetter(Base):
    """An outbox row the indexer failed on too often; re-driven by an operator."""

    __tablename__ = "search_dead_letter"
    __table_args__ = (
        enum_check("op", OutboxOp),
        Index("ix_search_dead_letter_note_id", "note_id"),
    )

    id: Mapped[int] = mapped_column(OUTBOX_ID, primary_key=True, autoincrement=True)
    outbox_id: Mapped[int] = mapped_column(BigInteger)
    note_id: Mapped[str] = mapped_column(String(36))
    note_version: Mapped[int] = mapped_column(Integer)
    op: Mapped[OutboxOp] = mapped_column(EnumText(OutboxOp))
    error: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    redriven_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
