"""Persisted operations (APQ registrations and the operator's safelist).

Revision ID: 0014_persisted_operations
Revises: 0013_rate_limits
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_persisted_operations"
down_revision: str | None = "0013_rate_limits"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create `persisted_operations` (empty)."""
    op.create_table(
        "persisted_operations",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("safelisted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_persisted_operations")),
    )


def downgrade() -> None:
    """Drop the table: clients re-register their APQ hashes; reload the safelist."""
    op.drop_table("persisted_operations")
