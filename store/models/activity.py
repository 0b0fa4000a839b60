"""What agents record about a customer besides notes: tags, interactions, follow-ups, risk flags."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, true
from sqlalchemy.orm import Mapped, mapped_column

from store.enums import InteractionPurpose, InteractionType, RiskFlagKind
from store.models.base import Base, EnumText, UTCDateTime, enum_check, new_id, utcnow
from store.models.classification import Classified, classification_checks


class CustomerTag(Base):
    """A normalised tag on a customer (freeform or from the controlled list)."""

    __tablename__ = "customer_tags"
    __table_args__ = (Index("ix_customer_tags_tag", "tag"),)

    customer_id: Mapped[str] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(64), primary_key=True)
    # No foreign key: automated jobs tag customers too, under a non-agent actor name.
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ControlledTag(Base):
    """A tag of the admin-curated vocabulary, offered first in the tag pickers."""

    __tablename__ = "controlled_tags"

    tag: Mapped[str] = mapped_column(String(64), primary_key=True)
    description: Mapped[str | None] = mapped_column(String(300))
    # Retired tags are no longer offered; notes keep them (note_tags holds the text).
    active: Mapped[bool] = mapped_column(Boolean, server_default=true(), default=True)


class Interaction(Classified, Base):
    """A call, visit, message or meeting with a customer, with outcome and mood."""

    __tablename__ = "interactions"
    __table_args__ = (
        enum_check("type", InteractionType),
        enum_check("purpose", InteractionPurpose),
        *classification_checks(),
        # Keyset pages newest first (store/interaction_reads.py): across customers, per
        # customer, per agent; the whole sort key in each, so a page is one range read.
        Index("ix_interactions_keyset", "occurred_at", "id"),
        Index("ix_interactions_customer_keyset", "customer_id", "occurred_at", "id"),
        Index("ix_interactions_agent_keyset", "logged_by", "occurred_at", "id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"))
    logged_by: Mapped[str] = mapped_column(ForeignKey("agents.id"))
    type: Mapped[InteractionType] = mapped_column(EnumText(InteractionType))
    purpose: Mapped[InteractionPurpose] = mapped_column(EnumText(InteractionPurpose))
    subject: Mapped[str] = mapped_column(String(300))
    detail: Mapped[str | None] = mapped_column(Text)
    # Values of the admin-managed choice lists; checked by the service, not by a constraint,
    # so retiring a choice never invalidates history.
    outcome: Mapped[str | None] = mapped_column(String(64))
    mood: Mapped[str | None] = mapped_column(String(64))
    channel: Mapped[str | None] = mapped_column(String(32))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FollowUp(Base):
    """A task for an agent arising from a note or an interaction."""

    __tablename__ = "follow_ups"
    __table_args__ = (
        Index("ix_follow_ups_assignee_id_due_at", "assignee_id", "due_at"),
        # The team view (`followUps`) pages every reachable follow-up by this key.
        Index("ix_follow_ups_due_keyset", "due_at", "id"),
        Index("ix_follow_ups_customer_id", "customer_id"),
        # Without these, deleting a note or interaction scans follow_ups for each row.
        Index("ix_follow_ups_note_id", "note_id"),
        Index("ix_follow_ups_interaction_id", "interaction_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"))
    note_id: Mapped[str | None] = mapped_column(ForeignKey("notes.id"))
    interaction_id: Mapped[str | None] = mapped_column(ForeignKey("interactions.id"))
    assignee_id: Mapped[str] = mapped_column(ForeignKey("agents.id"))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    instructions: Mapped[str | None] = mapped_column(Text)
    # No foreign key: the outreach trigger creates follow-ups under a system actor name.
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    completed_by: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    # A value of the admin-managed outcome list (checked by the service, not by a constraint,
    # so retiring a choice never invalidates history); free text goes to `comment`.
    outcome: Mapped[str | None] = mapped_column(Text)
    # Markdown the completer added (and the free-text outcomes written before the list).
    comment: Mapped[str | None] = mapped_column(Text)
    # A follow-up no longer needed: closed without an outcome, kept for the record.
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_by: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))


class RiskFlag(Base):
    """A risk raised on a customer from the controlled vocabulary, until cleared."""

    __tablename__ = "risk_flags"
    __table_args__ = (
        enum_check("kind", RiskFlagKind),
        Index("ix_risk_flags_customer_id", "customer_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"))
    kind: Mapped[RiskFlagKind] = mapped_column(EnumText(RiskFlagKind))
    reason: Mapped[str] = mapped_column(Text)
    raised_by: Mapped[str] = mapped_column(ForeignKey("agents.id"))
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    cleared_by: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    cleared_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
