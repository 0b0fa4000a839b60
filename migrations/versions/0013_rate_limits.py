"""Rate-limit windows shared by every gateway on the store (`rate_limit_windows`).

Revision ID: 0013_rate_limits
Revises: 0012_order_summaries
Create Date: 2026-11-26

One row per budget key (a principal or a partner) and fixed window; rows of past windows are
deleted as new windows start. Only used when the limiter counts in the database.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_rate_limits"
down_revision: str | None = "0012_order_summaries"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create `rate_limit_windows` (empty)."""
    op.create_table(
        "rate_limit_windows",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("window_start", sa.BigInteger(), nullable=False),
        sa.Column("used", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.PrimaryKeyConstraint("key", "window_start", name=op.f("pk_rate_limit_windows")),
    )


def downgrade() -> None:
    """Drop the windows (budgets restart from zero)."""
    op.drop_table("rate_limit_windows")
