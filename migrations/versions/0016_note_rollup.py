"""Note report rollup: counts of live notes per day and month, reach keys and report key.

Revision ID: 0016_note_rollup
Revises: 0015_directory_search
Create Date: 2026-11-26

noteReport over a year scanned every readable note of the year; it now sums `note_rollups`
(store/rollup.py keeps it in step with each note write). The rows are counted here from the
notes as they stand, the same GROUP BY `python -m gateway rebuild-rollups` runs.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_note_rollup"
down_revision: str | None = "0015_directory_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Each note counts under its branch (partner ''), and under its partner (branch '') if any.
REACHES = (
    ("c.branch_id AS branch_id, '' AS partner_id,", ""),
    ("'' AS branch_id, c.partner_id AS partner_id,", "AND c.partner_id IS NOT NULL"),
)
KEYS = {
    "note": "''",
    "type": "n.type",
    "category": "n.category",
    "agent": "n.author_id",
    "tag": "t.tag",
}
BACKFILL = """
INSERT INTO note_rollups (dim, grain, period, branch_id, partner_id, scope, handoff, "key", count)
SELECT '{dim}', '{grain}', period, branch_id, partner_id, scope, handoff, "key", count(*)
FROM (
    SELECT {period} AS period, {reach} n.scope AS scope,
        EXISTS (SELECT 1 FROM note_tags h WHERE h.note_id = n.id AND h.tag = 'handoff')
            AS handoff,
        {key} AS "key"
    FROM notes n JOIN customers c ON c.id = n.customer_id {join}
    WHERE n.deleted_at IS NULL {counted}
) AS per_note
GROUP BY period, branch_id, partner_id, scope, handoff, "key"
"""


def _period(dialect: str, length: int) -> str:
    if dialect == "postgresql":
        pattern = "YYYY-MM-DD" if length == 10 else "YYYY-MM"
        return f"to_char(timezone('UTC', n.created_at), '{pattern}')"
    return f"substr(n.created_at, 1, {length})"


def upgrade() -> None:
    """Create `note_rollups` and count every live note into it."""
    op.create_table(
        "note_rollups",
        sa.Column("dim", sa.String(16), nullable=False),
        sa.Column("grain", sa.String(8), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("branch_id", sa.String(64), nullable=False),
        sa.Column("partner_id", sa.String(64), nullable=False),
        sa.Column("scope", sa.String(32), nullable=False),
        sa.Column("handoff", sa.Boolean(), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "dim",
            "grain",
            "period",
            "branch_id",
            "partner_id",
            "scope",
            "handoff",
            "key",
            name="pk_note_rollups",
        ),
    )
    dialect = op.get_bind().dialect.name
    for dim, key in KEYS.items():
        join = "JOIN note_tags t ON t.note_id = n.id" if dim == "tag" else ""
        for grain, length in (("day", 10), ("month", 7)):
            for reach, counted in REACHES:
                period = _period(dialect, length)
                op.execute(
                    BACKFILL.format(
                        dim=dim,
                        grain=grain,
                        period=period,
                        reach=reach,
                        key=key,
                        join=join,
                        counted=counted,
                    )
                )


def downgrade() -> None:
    """Drop the rollup (reports scan the notes again)."""
    op.drop_table("note_rollups")
