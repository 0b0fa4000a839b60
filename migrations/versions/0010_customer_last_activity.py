"""The customer's last activity time in the store's copy of the CRM record.

Revision ID: 0010_customer_last_activity
Revises: 0009_follow_up_comment
Create Date: 2026-11-26

`Customer360.lastActivityAt` is one of the customer record's own fields, which always answer
from the store (no upstream call per directory row); the CRM sync fills it. Null until the
next sync.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_customer_last_activity"
down_revision: str | None = "0009_follow_up_comment"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the nullable column."""
    op.add_column(
        "customers", sa.Column("last_activity_at", sa.DateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    """Drop it."""
    op.drop_column("customers", "last_activity_at")
