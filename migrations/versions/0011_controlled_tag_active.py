"""Controlled tags can be retired: an `active` flag, as the choice lists have.

Revision ID: 0011_controlled_tag_active
Revises: 0010_customer_last_activity
Create Date: 2026-11-26

`retireControlledTag` stops offering a tag without deleting its row (its description stays,
and saving it again brings it back); notes keep their tags either way (note_tags holds text).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_controlled_tag_active"
down_revision: str | None = "0010_customer_last_activity"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add `active` (every existing tag stays offered)."""
    with op.batch_alter_table("controlled_tags") as batch:
        batch.add_column(
            sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False)
        )


def downgrade() -> None:
    """Drop `active`: retired tags are offered again (nothing is deleted on the way down)."""
    with op.batch_alter_table("controlled_tags") as batch:
        batch.drop_column("active")
