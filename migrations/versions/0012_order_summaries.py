"""A read model of each customer's order figures (`order_summaries`).

Revision ID: 0012_order_summaries
Revises: 0011_controlled_tag_active
Create Date: 2026-11-26

Lifetime value, the repurchase signal and the DORMANT badge were computed from the customer's
whole order history on every request; the `summarise-orders` job now keeps them per customer.
The table starts empty: a customer without a row is computed live until the job has run.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0012_order_summaries"
down_revision: str | None = "0011_controlled_tag_active"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    """Create `order_summaries` (empty)."""
    op.create_table(
        "order_summaries",
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("revenue", JSON, nullable=False),
        sa.Column("revenue_orders", sa.Integer(), nullable=False),
        sa.Column("first_order_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_order_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("usual_interval_days", sa.Integer(), nullable=True),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_order_summaries_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_order_summaries")),
    )
    op.create_index(
        op.f("ix_order_summaries_computed_at"), "order_summaries", ["computed_at"], unique=False
    )


def downgrade() -> None:
    """Drop the read model (the job rebuilds it after an upgrade)."""
    op.drop_index(op.f("ix_order_summaries_computed_at"), table_name="order_summaries")
    op.drop_table("order_summaries")
