"""At-risk signals, outreach episodes and the outreach webhook outbox.

Revision ID: 0018_outreach
Revises: 0017_note_classification
Create Date: 2026-11-26

`risk_signals` holds the components the `score-risk` job computes per customer (each gated by
the policy object it derives from); `outreach_episodes` one row per stay above the outreach
threshold; `outreach_deliveries` the webhook calls owed for them. All start empty.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018_outreach"
down_revision: str | None = "0017_note_classification"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Create the three tables (empty) and their indexes."""
    op.create_table(
        "risk_signals",
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("signal", sa.String(length=32), nullable=False),
        sa.Column("gate", sa.String(length=64), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("detail", sa.String(length=300), nullable=False),
        sa.Column("computed_at", UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_risk_signals_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("customer_id", "signal", "gate", name=op.f("pk_risk_signals")),
    )
    op.create_index(op.f("ix_risk_signals_gate_customer"), "risk_signals", ["gate", "customer_id"])
    op.create_table(
        "outreach_episodes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("opened_at", UTC, nullable=False),
        sa.Column("opening_score", sa.Integer(), nullable=False),
        sa.Column("follow_up_id", sa.String(length=36), nullable=True),
        sa.Column("closed_at", UTC, nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_outreach_episodes_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["follow_up_id"],
            ["follow_ups.id"],
            name=op.f("fk_outreach_episodes_follow_up_id_follow_ups"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outreach_episodes")),
    )
    op.create_index(
        op.f("ix_outreach_episodes_customer_closed"),
        "outreach_episodes",
        ["customer_id", "closed_at"],
    )
    op.create_table(
        "outreach_deliveries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("episode_id", sa.String(length=36), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTC, nullable=False),
        sa.Column("last_error", sa.String(length=300), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("sent_at", UTC, nullable=True),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["outreach_episodes.id"],
            name=op.f("fk_outreach_deliveries_episode_id_outreach_episodes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outreach_deliveries")),
    )
    op.create_index(
        op.f("ix_outreach_deliveries_status_due"),
        "outreach_deliveries",
        ["status", "next_attempt_at"],
    )


def downgrade() -> None:
    """Drop the tables (the next `score-risk` run rebuilds the signals; episodes are lost)."""
    op.drop_index(op.f("ix_outreach_deliveries_status_due"), table_name="outreach_deliveries")
    op.drop_table("outreach_deliveries")
    op.drop_index(op.f("ix_outreach_episodes_customer_closed"), table_name="outreach_episodes")
    op.drop_table("outreach_episodes")
    op.drop_index(op.f("ix_risk_signals_gate_customer"), table_name="risk_signals")
    op.drop_table("risk_signals")
