"""Note report rollup: the reach index keyed by scope before period.

Revision ID: 0023_report_rollup_scope
Revises: 0022_report_rollup_every
Create Date: 2026-11-26

ix_note_rollups_reach (dim, grain, branch, partner, period) read, for a caller reading every
note, every scope's rows of each period and kept the one of scope '*': at ten million notes an
AGENT report over a year read ~5,300 index entries a month to sum 480. The index now puts
the scope before the period (ix_note_rollups_reach_scope): every readable scope is its own
range read, and the rows of scope '*' are one range.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0023_report_rollup_scope"
down_revision: str | None = "0022_report_rollup_every"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Replace the reach index by one keyed by scope before period."""
    op.create_index(
        "ix_note_rollups_reach_scope",
        "note_rollups",
        ["dim", "grain", "branch_id", "partner_id", "scope", "period"],
        postgresql_include=["handoff", "key", "count"],
    )
    op.drop_index("ix_note_rollups_reach", table_name="note_rollups")


def downgrade() -> None:
    """The reach index keyed by period again."""
    op.create_index(
        "ix_note_rollups_reach",
        "note_rollups",
        ["dim", "grain", "branch_id", "partner_id", "period"],
        postgresql_include=["scope", "handoff", "key", "count"],
    )
    op.drop_index("ix_note_rollups_reach_scope", table_name="note_rollups")
