"""Note report rollup: rows counting every customer's notes, and an index per reach.

Revision ID: 0022_report_rollup_every
Revises: 0020_access_audit
Create Date: 2026-11-26

A caller reaching every customer summed the branch rows of the rollup: one per branch too, so
an AGENT report over 40 branches and 500 agents read about as many rows as there were notes.
Each note now counts once more under branch and partner '*' (store/rollup.py, EVERY); the
rows are summed here from the branch rows (partner ''), which hold each live note once; and
once more under scope '*' (handoff false) for callers who read every note (one row per
period and key).

ix_note_rollups_reach puts branch and partner before the period, with the rest of the row
included (PostgreSQL): a report's range of periods for one reach is one index-only range
read, where the primary key's order read every branch's rows of each period.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0022_report_rollup_every"
down_revision: str | None = "0021_directory_fts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Sum the branch rows into the EVERY rows."""
    op.execute(
        """
INSERT INTO note_rollups (dim, grain, period, branch_id, partner_id, scope, handoff, "key", count)
SELECT dim, grain, period, '*', '*', scope, handoff, "key", sum(count)
FROM note_rollups
WHERE partner_id = '' AND branch_id <> '*'
GROUP BY dim, grain, period, scope, handoff, "key"
HAVING sum(count) <> 0
"""
    )
    op.execute(
        """
INSERT INTO note_rollups (dim, grain, period, branch_id, partner_id, scope, handoff, "key", count)
SELECT dim, grain, period, '*', '*', '*', false, "key", sum(count)
FROM note_rollups
WHERE branch_id = '*' AND partner_id = '*' AND scope <> '*'
GROUP BY dim, grain, period, "key"
HAVING sum(count) <> 0
"""
    )
    op.create_index(
        "ix_note_rollups_reach",
        "note_rollups",
        ["dim", "grain", "branch_id", "partner_id", "period"],
        postgresql_include=["scope", "handoff", "key", "count"],
    )


def downgrade() -> None:
    """Drop the index and the EVERY rows (callers reaching everyone sum the branch rows)."""
    op.drop_index("ix_note_rollups_reach", table_name="note_rollups")
    op.execute("DELETE FROM note_rollups WHERE branch_id = '*' AND partner_id = '*'")
