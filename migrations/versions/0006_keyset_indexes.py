"""Indexes for keyset pages of notes: a customer's notes (pinned first, newest first) and the
notes about an upstream record (newest first).

Revision ID: 0006_keyset_indexes
Revises: 0005_agent_directory
Create Date: 2026-11-25

A page after a cursor is a row-value comparison on the list's sort key; with the parent and
the whole key in one index, each page is a range read instead of a sort of the parent's rows.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006_keyset_indexes"
down_revision: str | None = "0005_agent_directory"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the two keyset indexes."""
    op.create_index(
        "ix_notes_customer_keyset", "notes", ["customer_id", "pinned", "created_at", "id"]
    )
    op.create_index("ix_notes_ref_keyset", "notes", ["ref_kind", "ref_id", "created_at", "id"])


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_notes_ref_keyset", table_name="notes")
    op.drop_index("ix_notes_customer_keyset", table_name="notes")
