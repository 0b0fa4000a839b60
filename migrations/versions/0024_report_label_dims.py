"""Note report rollup: sentiment and urgency dimensions.

Revision ID: 0024_report_label_dims
Revises: 0023_report_reach_indexes
Create Date: 2026-11-26

noteReport grouped by SENTIMENT or URGENCY scanned every readable note of the window (1.6-8.5 s
over a year at ten million notes). A label change is a move of rollup rows like any edit, so
each live note now counts under its sentiment and its urgency too (key '' for a note not yet
labelled: reads give that group back as null, as the scan does); store/rollup.py keeps them in
step with the classifier on each write, the label overrides and the `classify` backfill. The
rows are counted here from the notes as they stand: the day rows in one pass over the notes
(crossed with the two dimensions and the four reaches each note is filed under, as
`python -m gateway rebuild-rollups` counts them), then the month rows summed from the day rows.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0024_report_label_dims"
down_revision: str | None = "0023_report_reach_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Each note counts under its branch (partner ''), its partner (branch '') if any, and under
# '*' (every customer) twice: with its scope, and with scope '*' and handoff false.
DAY_ROWS = """
INSERT INTO note_rollups (dim, grain, period, branch_id, partner_id, scope, handoff, "key", count)
SELECT dim, 'day', period, branch_id, partner_id, scope, handoff, "key", count(*)
FROM (
    SELECT d.dim AS dim,
        {period} AS period,
        CASE r.reach WHEN 'branch' THEN c.branch_id WHEN 'partner' THEN '' ELSE '*' END
            AS branch_id,
        CASE r.reach WHEN 'branch' THEN '' WHEN 'partner' THEN c.partner_id ELSE '*' END
            AS partner_id,
        CASE r.reach WHEN 'all' THEN '*' ELSE n.scope END AS scope,
        CASE r.reach WHEN 'all' THEN false ELSE h.note_id IS NOT NULL END AS handoff,
        CASE d.dim WHEN 'sentiment' THEN coalesce(n.sentiment, '')
            ELSE coalesce(n.urgency, '') END AS "key"
    FROM notes n
    JOIN customers c ON c.id = n.customer_id
    LEFT JOIN note_tags h ON h.note_id = n.id AND h.tag = 'handoff'
    JOIN (SELECT 'branch' AS reach UNION ALL SELECT 'partner' UNION ALL SELECT 'every'
          UNION ALL SELECT 'all') r ON r.reach <> 'partner' OR c.partner_id IS NOT NULL
    CROSS JOIN (SELECT 'sentiment' AS dim UNION ALL SELECT 'urgency') d
    WHERE n.deleted_at IS NULL
) AS per_note
GROUP BY dim, period, branch_id, partner_id, scope, handoff, "key"
"""
MONTH_ROWS = """
INSERT INTO note_rollups (dim, grain, period, branch_id, partner_id, scope, handoff, "key", count)
SELECT dim, 'month', substr(period, 1, 7), branch_id, partner_id, scope, handoff, "key",
    sum(count)
FROM note_rollups
WHERE grain = 'day' AND dim IN ('sentiment', 'urgency')
GROUP BY dim, substr(period, 1, 7), branch_id, partner_id, scope, handoff, "key"
"""

DROP_ROWS = "DELETE FROM note_rollups WHERE dim IN ('sentiment', 'urgency')"


def _day(dialect: str) -> str:
    if dialect == "postgresql":
        return "to_char(timezone('UTC', n.created_at), 'YYYY-MM-DD')"
    # SQLite keeps UTC text 'YYYY-MM-DD HH:MM:SS…' (store.models.base.UTCDateTime).
    return "substr(n.created_at, 1, 10)"


def upgrade() -> None:
    """Count every live note under its sentiment and urgency: day rows, then month rows."""
    dialect = op.get_bind().dialect.name
    # A rollup rebuilt by code that already counts labels holds them: count them afresh.
    op.execute(DROP_ROWS)
    if dialect == "postgresql":
        # The day rows' hash aggregate stays in memory at ten million notes.
        op.execute("SET LOCAL work_mem = '256MB'")
    op.execute(DAY_ROWS.format(period=_day(dialect)))
    op.execute(MONTH_ROWS)


def downgrade() -> None:
    """Drop the label rows (SENTIMENT and URGENCY reports scan the notes again)."""
    op.execute(DROP_ROWS)
