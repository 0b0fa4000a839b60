"""The agent directory: where each agent came from, when its source last changed it, and
when it was deactivated.

Revision ID: 0005_agent_directory
Revises: 0004_revision_scopes
Create Date: 2026-11-25

`source` is `seed` (the demo seed, and every agent that existed before this revision),
`directory` (synced by `sync-agents` from the staff directory) or `jit` (provisioned from a
token's claims on a first write). `source_updated_at` is the directory row's own change time:
its newest value is the watermark of the next incremental sync. A deactivated agent keeps its
row and its history (`active` false, `deactivated_at` set) and may no longer write.

Plain `op.add_column` (no batch): on SQLite a batch rebuilds the table, and dropping the old
`agents` table would cascade into `customer_assignments`. Types are spelled out.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_agent_directory"
down_revision: str | None = "0004_revision_scopes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "agents",
        sa.Column("source", sa.String(length=16), nullable=False, server_default="seed"),
    )
    op.add_column(
        "agents", sa.Column("source_updated_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column("agents", sa.Column("deactivated_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+), not a batch rebuild, for the same reason.
    op.drop_column("agents", "deactivated_at")
    op.drop_column("agents", "source_updated_at")
    op.drop_column("agents", "source")
