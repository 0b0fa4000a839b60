"""Note reports at ten million notes: the rollup's reach index keyed by scope before period,
and the customers' branch and partner indexes carrying the customer id.

Revision ID: 0023_report_reach_indexes
Revises: 0022_report_rollup_every
Create Date: 2026-11-26

- ix_note_rollups_reach (dim, grain, branch, partner, period) read, for a caller reading
  every note, every scope's rows of each period and kept the one of scope '*': at ten million
  notes an AGENT report over a year read ~5,300 index entries a month to sum 480. The index
  now puts the scope before the period (ix_note_rollups_reach_scope): each readable scope is
  its own range read, and the rows of scope '*' one range.
- ix_customers_branch_id and ix_customers_partner_id hold the customer id too: the notes of a
  report's partial edge day are matched to a branch's (or partner's) customers read from the
  index alone, hashed once, instead of one customer heap page fetched per note.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0023_report_reach_indexes"
down_revision: str | None = "0022_report_rollup_every"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _customer_indexes(*columns: str) -> None:
    for name, column in (
        ("ix_customers_branch_id", "branch_id"),
        ("ix_customers_partner_id", "partner_id"),
    ):
        op.drop_index(name, table_name="customers")
        op.create_index(name, "customers", [column, *columns])


def upgrade() -> None:
    """Replace the reach index by one keyed by scope before period; add the customer id to
    the customers' branch and partner indexes."""
    op.create_index(
        "ix_note_rollups_reach_scope",
        "note_rollups",
        ["dim", "grain", "branch_id", "partner_id", "scope", "period"],
        postgresql_include=["handoff", "key", "count"],
    )
    op.drop_index("ix_note_rollups_reach", table_name="note_rollups")
    _customer_indexes("id")


def downgrade() -> None:
    """The reach index keyed by period again; the customers' indexes on one column."""
    op.create_index(
        "ix_note_rollups_reach",
        "note_rollups",
        ["dim", "grain", "branch_id", "partner_id", "period"],
        postgresql_include=["scope", "handoff", "key", "count"],
    )
    op.drop_index("ix_note_rollups_reach_scope", table_name="note_rollups")
    _customer_indexes()
