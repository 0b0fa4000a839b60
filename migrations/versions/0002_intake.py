"""Order intake dead-letter: channel payloads that failed normalisation, kept for redrive.

Revision ID: 0002_intake
Revises: 0001
Create Date: 2026-11-24

Types are spelled out (not imported from store.models) so this revision stays what it was.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002_intake"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "intake_failures",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("channel", sa.String(length=64), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("raw", JSON, nullable=False),
        sa.Column("order_value_cents", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("occurrences", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.Column("redrive_attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("last_redrive_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_failures")),
        sa.UniqueConstraint(
            "channel", "reference", name=op.f("uq_intake_failures_channel_reference")
        ),
    )
    op.create_index(
        "ix_intake_failures_customer_id", "intake_failures", ["customer_id"], unique=False
    )
    op.create_index(
        "ix_intake_failures_open",
        "intake_failures",
        ["order_value_cents", "first_seen_at"],
        unique=False,
        postgresql_where=sa.text("resolved_at IS NULL"),
        sqlite_where=sa.text("resolved_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_intake_failures_open", table_name="intake_failures")
    op.drop_index("ix_intake_failures_customer_id", table_name="intake_failures")
    op.drop_table("intake_failures")
