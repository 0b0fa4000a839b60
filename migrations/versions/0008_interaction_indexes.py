"""Indexes for keyset pages of interactions: across customers, per customer and per agent.

Revision ID: 0008_interaction_indexes
Revises: 0007_attachment_deletion
Create Date: 2026-11-26

The list across customers (`interactions`) reads newest first on (occurred_at, id); a
customer's list and an agent's calls ("all calls made by an operator for a date range") read
the same key after their own column. The two older indexes on (customer_id, occurred_at) and
(logged_by, occurred_at) are prefixes of the new ones and go.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008_interaction_indexes"
down_revision: str | None = "0007_attachment_deletion"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the three keyset indexes and drop the two they replace."""
    op.create_index("ix_interactions_keyset", "interactions", ["occurred_at", "id"])
    op.create_index(
        "ix_interactions_customer_keyset", "interactions", ["customer_id", "occurred_at", "id"]
    )
    op.create_index(
        "ix_interactions_agent_keyset", "interactions", ["logged_by", "occurred_at", "id"]
    )
    op.drop_index("ix_interactions_customer_id_occurred_at", table_name="interactions")
    op.drop_index("ix_interactions_logged_by_occurred_at", table_name="interactions")


def downgrade() -> None:
    """Bring the two older indexes back and drop the keyset ones."""
    op.create_index(
        "ix_interactions_logged_by_occurred_at", "interactions", ["logged_by", "occurred_at"]
    )
    op.create_index(
        "ix_interactions_customer_id_occurred_at", "interactions", ["customer_id", "occurred_at"]
    )
    op.drop_index("ix_interactions_agent_keyset", table_name="interactions")
    op.drop_index("ix_interactions_customer_keyset", table_name="interactions")
    op.drop_index("ix_interactions_keyset", table_name="interactions")
