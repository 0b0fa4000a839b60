"""Sentiment and urgency on notes and interactions, each label with its source.

Revision ID: 0017_note_classification
Revises: 0016_note_rollup
Create Date: 2026-11-26

All columns start null: existing records are labelled by `python -m gateway classify`, new ones
as they are written. `sentiment_source` / `urgency_source` say `auto` (the classifier, whose
`classifier_version` is kept) or `agent` (an override no automatic run replaces).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_note_classification"
down_revision: str | None = "0016_note_rollup"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("notes", "interactions")
CHECKS = {
    "sentiment": ("negative", "neutral", "positive"),
    "sentiment_source": ("auto", "agent"),
    "urgency": ("low", "normal", "high", "critical"),
    "urgency_source": ("auto", "agent"),
}


def _one_of(column: str) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in CHECKS[column])})"


def upgrade() -> None:
    """Add the classification columns and their CHECK constraints to both tables."""
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("sentiment", sa.String(32), nullable=True))
            batch.add_column(sa.Column("sentiment_score", sa.Float(), nullable=True))
            batch.add_column(sa.Column("sentiment_source", sa.String(32), nullable=True))
            batch.add_column(sa.Column("urgency", sa.String(32), nullable=True))
            batch.add_column(sa.Column("urgency_source", sa.String(32), nullable=True))
            batch.add_column(sa.Column("classifier_version", sa.String(64), nullable=True))
            batch.add_column(sa.Column("classified_at", sa.DateTime(timezone=True), nullable=True))
            for column in CHECKS:
                batch.create_check_constraint(op.f(f"ck_{table}_{column}"), _one_of(column))


def downgrade() -> None:
    """Drop the labels (agents' overrides included: they exist nowhere else)."""
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            for column in CHECKS:
                batch.drop_constraint(op.f(f"ck_{table}_{column}"), type_="check")
            for column in (
                "classified_at",
                "classifier_version",
                "urgency_source",
                "urgency",
                "sentiment_source",
                "sentiment_score",
                "sentiment",
            ):
                batch.drop_column(column)
