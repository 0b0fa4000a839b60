"""Encryption at rest: key checks, room in a subject for a sealed token, sealed attachments.

Revision ID: 0019_encryption
Revises: 0018_outreach
Create Date: 2026-11-26

A sealed subject (store/sealing.py) is several times longer than the 300 characters a subject
may have, so the column becomes TEXT (the limit stays in store/notes.py). Values are sealed as
they are written; `python -m gateway rotate-keys` seals what an older deployment wrote.
`attachments.sealed` marks bytes stored sealed (store/sealed_blobs.py).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019_encryption"
down_revision: str | None = "0018_outreach"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the key checks table and widen notes.subject."""
    op.create_table(
        "encryption_key_checks",
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_encryption_key_checks")),
    )
    with op.batch_alter_table("notes") as batch:
        batch.alter_column("subject", type_=sa.Text(), existing_nullable=False)
    op.add_column(
        "attachments",
        sa.Column("sealed", sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    """Narrow the subject back (sealed subjects must have been decrypted first) and drop checks."""
    with op.batch_alter_table("attachments") as batch:
        batch.drop_column("sealed")
    with op.batch_alter_table("notes") as batch:
        batch.alter_column("subject", type_=sa.String(300), existing_nullable=False)
    op.drop_table("encryption_key_checks")
