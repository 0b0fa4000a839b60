"""Directory search and notes pages that stay fast at a million customers / ten million notes.

Revision ID: 0015_directory_search
Revises: 0014_persisted_operations
Create Date: 2026-11-26

- `customers.name_search`, `email_search`, `phone_search`: the folded forms the directory
  search matches on, as generated columns (the database fills and refreshes them on every
  write, so the CRM sync, the seed and any UPDATE keep them current; adding them backfills every
  existing row). PostgreSQL stores them and indexes each with a pg_trgm GIN trigram index,
  which answers `LIKE '%text%'` for a text of three characters or more; SQLite computes them
  on read (it cannot add a stored generated column to an existing table) and keeps its scan.
- `ix_customers_name_id`: the directory's order (name, id), so a page without a query is a
  range read.
- `ix_notes_customer_live`: a customer's live notes in page order (partial, `deleted_at IS
  NULL`, with the scope for the visibility test), so a page of a customer's notes is a range
  read of `first + 1` index entries whatever the customer's number of notes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_directory_search"
down_revision: str | None = "0014_persisted_operations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The same expressions as store.models.directory (revisions never import the models).
NAME_SEARCH_SQL = (
    "replace(replace(replace(replace(replace(lower(name), ' ', ''), '''', ''), '-', ''), "
    "'.', ''), ',', '')"
)
EMAIL_SEARCH_SQL = "lower(email)"
PHONE_SEARCH_SQL = (
    "replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), "
    "'(', ''), ')', ''), '+', ''), '.', ''), '/', '')"
)
COLUMNS = (
    ("name_search", 200, NAME_SEARCH_SQL),
    ("email_search", 320, EMAIL_SEARCH_SQL),
    ("phone_search", 40, PHONE_SEARCH_SQL),
)


def upgrade() -> None:
    """Add (and so backfill) the search columns, their trigram indexes and the notes index."""
    postgresql = op.get_bind().dialect.name == "postgresql"
    for column, length, expression in COLUMNS:
        # SQLite adds only VIRTUAL generated columns (ALTER TABLE, no table rebuild).
        computed = sa.Computed(expression, persisted=True if postgresql else None)
        op.add_column("customers", sa.Column(column, sa.String(length), computed))
    if postgresql:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column, _, _ in COLUMNS:
            op.create_index(
                f"ix_customers_{column}_trgm",
                "customers",
                [column],
                postgresql_using="gin",
                postgresql_ops={column: "gin_trgm_ops"},
            )
    op.create_index("ix_customers_name_id", "customers", ["name", "id"])
    op.create_index(
        "ix_notes_customer_live",
        "notes",
        ["customer_id", "pinned", "created_at", "id", "scope"],
        postgresql_where=sa.text("deleted_at IS NULL"),
        sqlite_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    """Drop them (the extension stays: other databases objects may use it)."""
    op.drop_index("ix_notes_customer_live", table_name="notes")
    op.drop_index("ix_customers_name_id", table_name="customers")
    if op.get_bind().dialect.name == "postgresql":
        for column, _, _ in COLUMNS:
            op.drop_index(f"ix_customers_{column}_trgm", table_name="customers")
    for column, _, _ in reversed(COLUMNS):
        op.drop_column("customers", column)
