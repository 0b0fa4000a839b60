"""Attachments can be soft-deleted: who deleted one and when.

Revision ID: 0007_attachment_deletion
Revises: 0006_keyset_indexes
Create Date: 2026-11-26

A deleted attachment keeps its row (and its bytes) for the audit trail; lists, `node(id:)`
and downloads leave it out.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_attachment_deletion"
down_revision: str | None = "0006_keyset_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add `deleted_at` and `deleted_by` (an agent)."""
    with op.batch_alter_table("attachments") as batch:
        batch.add_column(sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("deleted_by", sa.String(length=64), nullable=True))
        batch.create_foreign_key(
            op.f("fk_attachments_deleted_by_agents"), "agents", ["deleted_by"], ["id"]
        )


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table("attachments") as batch:
        batch.drop_constraint(op.f("fk_attachments_deleted_by_agents"), type_="foreignkey")
        batch.drop_column("deleted_by")
        batch.drop_column("deleted_at")
