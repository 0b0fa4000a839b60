"""Follow-ups: a completion comment beside the outcome, and a keyset index for the team view.

Revision ID: 0009_follow_up_comment
Revises: 0008_interaction_indexes
Create Date: 2026-11-26

A follow-up's `outcome` becomes a value of the admin-managed outcome list (as an
interaction's is); the free text it held until now moves to the new `comment` column, unless
it already is a value of that list. `followUps` (the team view) pages every reachable
follow-up by (due_at, id), so that key gets an index of its own.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_follow_up_comment"
down_revision: str | None = "0008_interaction_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add `comment`, move free-text outcomes into it, add the (due_at, id) index."""
    with op.batch_alter_table("follow_ups") as batch:
        batch.add_column(sa.Column("comment", sa.Text(), nullable=True))
    op.execute(
        "UPDATE follow_ups SET comment = outcome, outcome = NULL "
        "WHERE outcome IS NOT NULL AND outcome NOT IN "
        "(SELECT value FROM choice_options WHERE list_name = 'outcome')"
    )
    op.create_index("ix_follow_ups_due_keyset", "follow_ups", ["due_at", "id"])


def downgrade() -> None:
    """Drop the index; a comment goes back into `outcome` where that is empty."""
    op.drop_index("ix_follow_ups_due_keyset", table_name="follow_ups")
    op.execute("UPDATE follow_ups SET outcome = comment WHERE outcome IS NULL")
    with op.batch_alter_table("follow_ups") as batch:
        batch.drop_column("comment")
