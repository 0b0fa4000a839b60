"""createNote idempotency keys: a retried request returns the note the first one created.

Revision ID: 0003_note_request_keys
Revises: 0002_intake
Create Date: 2026-11-23

Types are spelled out (not imported from store.models) so this revision stays what it was.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_note_request_keys"
down_revision: str | None = "0002_intake"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "note_request_keys",
        sa.Column("author_id", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("note_id", sa.String(length=36), nullable=False),
        sa.Column("request_digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["agents.id"], name=op.f("fk_note_request_keys_author_id_agents")
        ),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["notes.id"],
            name=op.f("fk_note_request_keys_note_id_notes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("author_id", "key", name=op.f("pk_note_request_keys")),
    )
    op.create_index(
        op.f("ix_note_request_keys_note_id"), "note_request_keys", ["note_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_note_request_keys_note_id"), table_name="note_request_keys")
    op.drop_table("note_request_keys")
