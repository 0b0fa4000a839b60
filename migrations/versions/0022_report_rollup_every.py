"""Note report rollup: rows counting every customer's notes, for callers reaching everyone.

Revision ID: 0022_report_rollup_every
Revises: 0020_access_audit
Create Date: 2026-11-26

A caller reaching every customer summed the branch rows of the rollup: one per branch too, so
an AGENT report over 40 branches and 500 agents read about as many rows as there were notes.
Each note now counts once more under branch and partner '*' (store/rollup.py, EVERY); the
rows are summed here from the branch rows (partner ''), which hold each live note once.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0022_report_rollup_every"
down_revision: str | None = "0020_access_audit"
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


def downgrade() -> None:
    """Drop the EVERY rows (callers reaching everyone sum the branch rows again)."""
    op.execute("DELETE FROM note_rollups WHERE branch_id = '*' AND partner_id = '*'")
