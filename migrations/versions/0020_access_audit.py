"""Access audit: reads of sensitive data, one row per reader, role, customer, group and hour.

Revision ID: 0020_access_audit
Revises: 0019_encryption
Create Date: 2026-11-26

Starts empty; each request's reads of restricted notes, financials, lifetime value, risk flags
and the audit log are added to it (store/access_audit.py) and pruned after
`C360_ACCESS_AUDIT_RETENTION_DAYS` by `python -m gateway prune-access-audit`.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0020_access_audit"
down_revision: str | None = "0019_encryption"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
KEY = ("principal", "role", "customer_id", "field_group", "bucket")


def upgrade() -> None:
    """Create `access_audit` (empty)."""
    op.create_table(
        "access_audit",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("principal", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("field_group", sa.String(length=32), nullable=False),
        sa.Column("bucket", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_count", sa.Integer(), nullable=False),
        sa.Column("first_read_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_read_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note_ids", JSON, nullable=True),
        sa.Column("note_ids_truncated", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_audit")),
        sa.UniqueConstraint(
            *KEY, name=op.f("uq_access_audit_principal_role_customer_id_field_group_bucket")
        ),
    )
    op.create_index("ix_access_audit_bucket", "access_audit", ["bucket"], unique=False)
    op.create_index(
        "ix_access_audit_customer_id_bucket",
        "access_audit",
        ["customer_id", "bucket"],
        unique=False,
    )


def downgrade() -> None:
    """Drop `access_audit` (the record of past reads goes with it)."""
    op.drop_index("ix_access_audit_customer_id_bucket", table_name="access_audit")
    op.drop_index("ix_access_audit_bucket", table_name="access_audit")
    op.drop_table("access_audit")
