"""Who the native data is about and by: branches, partners, agents and customer references.

The CRM stays the source of truth for customers; the `customers` row is our foreign-key target
and carries the attributes the row-level policy scopes on (branch, partner, owner agent).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Computed, ForeignKey, Index, String, false, true
from sqlalchemy.orm import Mapped, mapped_column

from store.models.base import Base, UTCDateTime, utcnow


class Branch(Base):
    """A physical branch; branch-role agents reach only the customers of their branches."""

    __tablename__ = "branches"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


class Partner(Base):
    """A reseller or partner company whose portal reads its assigned customers."""

    __tablename__ = "partners"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


class Agent(Base):
    """A member of staff who writes notes, logs interactions and owns follow-ups."""

    __tablename__ = "agents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320), unique=True)
    # Free text, not an enum: roles are defined by the policy files, not by the schema.
    role: Mapped[str] = mapped_column(String(32))
    branch_id: Mapped[str | None] = mapped_column(ForeignKey("branches.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, server_default=true(), default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Where the row came from: seed, directory (sync-agents) or jit (a token's first write).
    source: Mapped[str] = mapped_column(String(16), server_default="seed", default="seed")
    # The staff directory's own change time; the newest is the next sync's watermark.
    source_updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A leaver keeps its row and history, and may no longer write.
    deactivated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


def _stripped(expression: str, chars: str) -> str:
    for char in chars:
        literal = "'" + char.replace("'", "''") + "'"
        expression = f"replace({expression}, {literal}, '')"
    return expression


# The directory search's folded forms (store/directory.py), computed by the database on every
# write path (the CRM sync, the demo seed, a hand-written UPDATE) from the very expressions the
# search used to evaluate per row per query, so matching is unchanged. PostgreSQL stores them;
# SQLite computes them on read (ALTER TABLE cannot add a stored generated column there).
NAME_SEARCH_SQL = _stripped("lower(name)", " '-.,")
EMAIL_SEARCH_SQL = "lower(email)"
PHONE_SEARCH_SQL = _stripped("phone", " -()+./")
# Trigram indexes (pg_trgm, migration 0012) answer `LIKE '%text%'` on the folded forms.
TRIGRAM_INDEXES = {
    "ix_customers_name_search_trgm": "name_search",
    "ix_customers_email_search_trgm": "email_search",
    "ix_customers_phone_search_trgm": "phone_search",
}


class Customer(Base):
    """The native reference to a CRM customer and its row-scope attributes."""

    __tablename__ = "customers"
    __table_args__ = (
        # With the id: a branch's or partner's customers read from the index alone (a note
        # report's edge-day scan hashes them, not a heap page per customer).
        Index("ix_customers_branch_id", "branch_id", "id"),
        Index("ix_customers_partner_id", "partner_id", "id"),
        Index("ix_customers_owner_agent_id", "owner_agent_id"),
        Index("ix_customers_referred_by_id", "referred_by_id"),
        # The directory's order: a page is a range read, not a sort of every customer.
        Index("ix_customers_name_id", "name", "id"),
        *(
            Index(
                index,
                column,
                postgresql_using="gin",
                postgresql_ops={column: "gin_trgm_ops"},
            ).ddl_if(dialect="postgresql")
            for index, column in TRIGRAM_INDEXES.items()
        ),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(40))
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    partner_id: Mapped[str | None] = mapped_column(ForeignKey("partners.id"))
    owner_agent_id: Mapped[str | None] = mapped_column(ForeignKey("agents.id"))
    vip: Mapped[bool] = mapped_column(Boolean, server_default=false(), default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    referred_by_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"))
    # The CRM's last contact with the customer, copied by the sync (null until it runs).
    last_activity_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Generated columns (see NAME_SEARCH_SQL): never written by the application.
    name_search: Mapped[str] = mapped_column(String(200), Computed(NAME_SEARCH_SQL, persisted=True))
    email_search: Mapped[str | None] = mapped_column(
        String(320), Computed(EMAIL_SEARCH_SQL, persisted=True)
    )
    phone_search: Mapped[str | None] = mapped_column(
        String(40), Computed(PHONE_SEARCH_SQL, persisted=True)
    )


class CustomerAssignment(Base):
    """An agent assigned to a customer, e.g. the field agents who may reach it."""

    __tablename__ = "customer_assignments"
    __table_args__ = (Index("ix_customer_assignments_agent_id", "agent_id"),)

    customer_id: Mapped[str] = mapped_column(
        ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
    agent_id: Mapped[str] = mapped_column(
        ForeignKey("agents.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(32), primary_key=True, default="field")
