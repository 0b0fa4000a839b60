"""A note revision records the scope the note had before and after the edit; a follow-up
can be cancelled.

Revision ID: 0004_revision_scopes
Revises: 0003_note_request_keys
Create Date: 2026-11-25

History is derived from the note as it was: a reader sees a revision only if it reads the
scopes its text was written in. Existing revisions are backfilled by walking each note's
history from its current scope backwards (a revision that changed the scope holds the old one
in `before`; any other revision kept the scope it found).

Types are spelled out (not imported from store.models) so this revision stays what it was.
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0004_revision_scopes"
down_revision: str | None = "0003_note_request_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCOPES = (
    "internal",
    "sales",
    "branch",
    "support",
    "finance",
    "fulfillment",
    "restricted",
    "customer",
)
JSON = sa.JSON()


def _one_of(column: str) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in SCOPES)})"


def upgrade() -> None:
    with op.batch_alter_table("note_revisions") as batch:
        batch.add_column(sa.Column("scope_before", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("scope_after", sa.String(length=32), nullable=True))
    _backfill()
    with op.batch_alter_table("note_revisions") as batch:
        batch.alter_column("scope_before", existing_type=sa.String(length=32), nullable=False)
        batch.alter_column("scope_after", existing_type=sa.String(length=32), nullable=False)
        batch.create_check_constraint(
            op.f("ck_note_revisions_scope_before"), _one_of("scope_before")
        )
        batch.create_check_constraint(op.f("ck_note_revisions_scope_after"), _one_of("scope_after"))
    with op.batch_alter_table("follow_ups") as batch:
        batch.add_column(sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("cancelled_by", sa.String(length=64), nullable=True))
        batch.create_foreign_key(
            op.f("fk_follow_ups_cancelled_by_agents"), "agents", ["cancelled_by"], ["id"]
        )


def _backfill() -> None:
    revisions = sa.table(
        "note_revisions",
        sa.column("id", sa.String),
        sa.column("note_id", sa.String),
        sa.column("version", sa.Integer),
        sa.column("before", JSON),
        sa.column("after", JSON),
        sa.column("scope_before", sa.String),
        sa.column("scope_after", sa.String),
    )
    notes = sa.table("notes", sa.column("id", sa.String), sa.column("scope", sa.String))
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(
            revisions.c.id,
            revisions.c.note_id,
            revisions.c.before,
            revisions.c.after,
            notes.c.scope,
        )
        .join(notes, notes.c.id == revisions.c.note_id)
        .order_by(revisions.c.note_id, revisions.c.version.desc(), revisions.c.id.desc())
    ).all()
    updates: list[dict[str, Any]] = []
    note_id: str | None = None
    scope = ""
    for row in rows:
        if row.note_id != note_id:
            note_id, scope = row.note_id, row.scope  # newest revision: the note's scope now
        after_scope = (row.after or {}).get("scope", scope)
        before_scope = (row.before or {}).get("scope", after_scope)
        updates.append({"rid": row.id, "before_scope": before_scope, "after_scope": after_scope})
        scope = before_scope
    if updates:
        connection.execute(
            revisions.update()
            .where(revisions.c.id == sa.bindparam("rid"))
            .values(
                scope_before=sa.bindparam("before_scope"), scope_after=sa.bindparam("after_scope")
            ),
            updates,
        )


def downgrade() -> None:
    with op.batch_alter_table("follow_ups") as batch:
        batch.drop_constraint(op.f("fk_follow_ups_cancelled_by_agents"), type_="foreignkey")
        batch.drop_column("cancelled_by")
        batch.drop_column("cancelled_at")
    with op.batch_alter_table("note_revisions") as batch:
        batch.drop_constraint(op.f("ck_note_revisions_scope_after"), type_="check")
        batch.drop_constraint(op.f("ck_note_revisions_scope_before"), type_="check")
        batch.drop_column("scope_after")
        batch.drop_column("scope_before")
