"""At-risk scoring and outreach: per-customer signal components, episodes and webhook outbox.

`risk_signals` holds what the `score-risk` job found per customer, one row per signal and
per policy gate it derives from (`scope:<note scope>` or `fields:<field group>`, the policy's
own object names), so a reader's score sums only the rows its policy admits. Weights are whole
points, so sums and keyset cursors compare exactly on every store.

`outreach_episodes` opens when a customer's system-wide score crosses the outreach threshold
and closes once it falls below the threshold minus the hysteresis; one follow-up per episode.
`outreach_deliveries` is the webhook outbox, written in the episode's transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, UTCDateTime, new_id


class RiskSignal(Base):
    """One signal of one customer's at-risk score, gated by the policy object it comes from."""

    __tablename__ = "risk_signals"
    __table_args__ = (Index("ix_risk_signals_gate_customer", "gate", "customer_id"),)

    customer_id: Mapped[str] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
    signal: Mapped[str] = mapped_column(String(32), primary_key=True)
    # The policy object a reader must hold: "scope:sales", "fields:financials", ...
    gate: Mapped[str] = mapped_column(String(64), primary_key=True)
    weight: Mapped[int] = mapped_column(Integer)
    # Names the signal and its size, never a note's text ("3 negative notes in 30 days").
    detail: Mapped[str] = mapped_column(String(300))
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OutreachEpisode(Base):
    """A customer's stay above the outreach threshold: opened once, closed after recovery."""

    __tablename__ = "outreach_episodes"
    __table_args__ = (Index("ix_outreach_episodes_customer_closed", "customer_id", "closed_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    opening_score: Mapped[int] = mapped_column(Integer)
    follow_up_id: Mapped[str | None] = mapped_column(ForeignKey("follow_ups.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class OutreachDelivery(Base):
    """One webhook call owed to the campaign tool: pending, sent, or dead after N failures."""

    __tablename__ = "outreach_deliveries"
    __table_args__ = (Index("ix_outreach_deliveries_status_due", "status", "next_attempt_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    episode_id: Mapped[str] = mapped_column(ForeignKey("outreach_episodes.id", ondelete="CASCADE"))
    # The exact JSON body sent (and signed); kept so a retry sends the same bytes.
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))  # pending | sent | dead
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
