"""Notes, their tags and edit history, and attachment metadata."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    case,
    false,
    text,
)
from sqlalchemy.orm import Mapped, column_property, mapped_column

from store.enums import Importance, NoteCategory, NoteType, Scope
from store.models.base import Base, EnumText, UTCDateTime, enum_check, json_type, new_id, utcnow
from store.models.classification import Classified, classification_checks


class Note(Classified, Base):
    """A note about a customer, visible to the roles that read its scope."""

    __tablename__ = "notes"
    __table_args__ = (
        enum_check("category", NoteCategory),
        enum_check("type", NoteType),
        enum_check("scope", Scope),
        enum_check("importance", Importance),
        *classification_checks(),
        Index("ix_notes_customer_id_created_at", "customer_id", "created_at"),
        Index("ix_notes_author_id_created_at", "author_id", "created_at"),
        Index("ix_notes_scope", "scope"),
        Index("ix_notes_created_at", "created_at"),
        # Keyset pages (store/note_reads.py): a customer's notes, and notes about a record.
        Index("ix_notes_customer_keyset", "customer_id", "pinned", "created_at", "id"),
        Index("ix_notes_ref_keyset", "ref_kind", "ref_id", "created_at", "id"),
        # A page of one customer's live notes: a range read of the page (the scope for the
        # visibility test read from the index).
        Index(
            "ix_notes_customer_live",
            "customer_id",
            "pinned",
            "created_at",
            "id",
            "scope",
            postgresql_where=text("deleted_at IS NULL"),
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"))
    author_id: Mapped[str] = mapped_column(ForeignKey("agents.id"))
    # TEXT: a subject in an encrypted scope is stored as a sealed token (store/sealing.py).
    subject: Mapped[str] = mapped_column(Text)
    # Markdown; HTML is sanitised before it reaches the store.
    body: Mapped[str] = mapped_column(Text)
    category: Mapped[NoteCategory] = mapped_column(EnumText(NoteCategory))
    type: Mapped[NoteType] = mapped_column(EnumText(NoteType))
    scope: Mapped[Scope] = mapped_column(EnumText(Scope))
    importance: Mapped[Importance] = mapped_column(
        EnumText(Importance), server_default=Importance.NORMAL.value, default=Importance.NORMAL
    )
    pinned: Mapped[bool] = mapped_column(Boolean, server_default=false(), default=False)
    # The upstream ticket, order or invoice the note is about, if any.
    ref_kind: Mapped[str | None] = mapped_column(String(32))
    ref_id: Mapped[str | None] = mapped_column(String(64))
    # Open-to-saved time measured by the notes widget; null for notes written elsewhere.
    creation_ms: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_by: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    # Importance as a number (low 0 … critical 3), so "most important first" is a plain
    # descending key the keyset pages (store/note_reads.py) can compare and encode.
    importance_rank: Mapped[int] = column_property(
        case(
            {level: rank for rank, level in enumerate(Importance)},
            value=importance,
            else_=0,
        )
    )


class NoteRequestKey(Base):
    """A client's idempotency key for createNote: a retried request finds the note it made.

    Keys belong to their author: two agents may pick the same key. The request's digest is
    kept so that a key reused for a different note is refused rather than silently answered
    with the first note.
    """

    __tablename__ = "note_request_keys"

    author_id: Mapped[str] = mapped_column(ForeignKey("agents.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    note_id: Mapped[str] = mapped_column(ForeignKey("notes.id", ondelete="CASCADE"), index=True)
    request_digest: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class NoteTag(Base):
    """A normalised tag on a note."""

    __tablename__ = "note_tags"
    __table_args__ = (Index("ix_note_tags_tag", "tag"),)

    note_id: Mapped[str] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(64), primary_key=True)


class NoteRevision(Base):
    """One edit of a note: the fields before and after, for the edit history.

    A revision is derived from the note as it was: its `before` values were readable in
    `scope_before` and its `after` values in `scope_after`, so a reader sees the revision only
    if it reads both (a note moved out of a scope does not carry that scope's text along).
    """

    __tablename__ = "note_revisions"
    __table_args__ = (
        Index("ix_note_revisions_note_id_version", "note_id", "version"),
        enum_check("scope_before", Scope),
        enum_check("scope_after", Scope),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    note_id: Mapped[str] = mapped_column(ForeignKey("notes.id", ondelete="CASCADE"))
    # The version the edit produced.
    version: Mapped[int] = mapped_column(Integer)
    editor_id: Mapped[str] = mapped_column(ForeignKey("agents.id"))
    edited_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    before: Mapped[dict[str, Any]] = mapped_column(json_type())
    after: Mapped[dict[str, Any]] = mapped_column(json_type())
    # The note's scope before and after the edit (equal unless the edit moved the note).
    scope_before: Mapped[Scope] = mapped_column(EnumText(Scope))
    scope_after: Mapped[Scope] = mapped_column(EnumText(Scope))


class Attachment(Base):
    """Metadata of a file attached to a customer or one of its notes; bytes live elsewhere."""

    __tablename__ = "attachments"
    __table_args__ = (
        Index("ix_attachments_customer_id", "customer_id"),
        Index("ix_attachments_note_id", "note_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    note_id: Mapped[str | None] = mapped_column(ForeignKey("notes.id"))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"))
    file_name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(127))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(512), unique=True)
    uploaded_by: Mapped[str] = mapped_column(ForeignKey("agents.id"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The bytes are stored sealed (store/sealed_blobs.py): a file of a note in an encrypted scope.
    sealed: Mapped[bool] = mapped_column(Boolean, server_default=false(), default=False)
    # Soft delete: the row (and its bytes) stay for the audit trail; lists and downloads skip it.
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_by: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
