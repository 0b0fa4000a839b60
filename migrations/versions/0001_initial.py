"""Initial native store: directory, notes, activity, governance, audit log and search outbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Hand-checked from autogenerate. Types are spelled out (not imported from store.models) so this
revision stays what it was when later models change. The audit log is append-only: triggers on
both backends reject UPDATE and DELETE (and TRUNCATE on PostgreSQL).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Enum values as of this revision; a later enum change needs its own migration.
CHOICE_LISTS = ("outcome", "mood")
NOTE_CATEGORIES = ("general", "support", "sales", "personal")
NOTE_TYPES = (
    "interaction_log",
    "escalation",
    "follow_up",
    "resolution",
    "supervisor",
    "technical",
    "sentiment",
)
OUTBOX_OPS = ("upsert", "delete")
INTERACTION_PURPOSES = ("sales", "credit_control", "service")
INTERACTION_TYPES = (
    "call",
    "visit",
    "email",
    "sms",
    "showroom_visit",
    "meeting",
    "demo",
    "follow_up",
    "other",
)
IMPORTANCES = ("low", "normal", "high", "critical")
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
RISK_FLAG_KINDS = (
    "overdue_payment",
    "frequent_refunds",
    "discount_dependency",
    "frequent_claims",
    "delivery_failures",
    "abusive_behavior",
    "cancellation_pattern",
    "manual_flag",
)

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    """The CHECK expression admitting only `values`, as generated from store.enums at the time."""
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


APPEND_ONLY_MESSAGE = "audit_log is append-only"

PG_AUDIT_GUARD = f"""
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
END;
$$
"""


def _create_audit_guard() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_AUDIT_GUARD)
        op.execute(
            "CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
        )
        return
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_log_no_{event.lower()} BEFORE {event} ON audit_log "
            f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END"
        )


def _drop_audit_guard() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update_delete ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
        return
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("actor_role", sa.String(length=32), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("target_type", sa.String(length=32), nullable=True),
        sa.Column("target_id", sa.String(length=64), nullable=True),
        sa.Column("customer_id", sa.String(length=64), nullable=True),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("before", JSON, nullable=True),
        sa.Column("after", JSON, nullable=True),
        sa.Column("detail", JSON, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_actor_at", "audit_log", ["actor", "at"], unique=False)
    op.create_index("ix_audit_log_at", "audit_log", ["at"], unique=False)
    op.create_index("ix_audit_log_customer_id_at", "audit_log", ["customer_id", "at"], unique=False)
    _create_audit_guard()

    op.create_table(
        "branches",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_branches")),
    )
    op.create_table(
        "choice_options",
        sa.Column("list_name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("position", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.CheckConstraint(
            _one_of("list_name", CHOICE_LISTS), name=op.f("ck_choice_options_list_name")
        ),
        sa.PrimaryKeyConstraint("list_name", "value", name=op.f("pk_choice_options")),
    )
    op.create_table(
        "controlled_tags",
        sa.Column("tag", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("tag", name=op.f("pk_controlled_tags")),
    )
    op.create_table(
        "partners",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partners")),
    )
    op.create_table(
        "required_fields",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("note_type", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=True),
        sa.Column("field_name", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            _one_of("category", NOTE_CATEGORIES),
            name=op.f("ck_required_fields_category"),
        ),
        sa.CheckConstraint(
            _one_of("note_type", NOTE_TYPES),
            name=op.f("ck_required_fields_note_type"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_required_fields")),
        sa.UniqueConstraint(
            "note_type",
            "category",
            "field_name",
            name=op.f("uq_required_fields_note_type_category_field_name"),
        ),
    )
    op.create_table(
        "search_dead_letter",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("outbox_id", sa.BigInteger(), nullable=False),
        sa.Column("note_id", sa.String(length=36), nullable=False),
        sa.Column("note_version", sa.Integer(), nullable=False),
        sa.Column("op", sa.String(length=32), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("redriven_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(_one_of("op", OUTBOX_OPS), name=op.f("ck_search_dead_letter_op")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_dead_letter")),
    )
    op.create_index(
        "ix_search_dead_letter_note_id", "search_dead_letter", ["note_id"], unique=False
    )

    op.create_table(
        "search_outbox",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("note_id", sa.String(length=36), nullable=False),
        sa.Column("note_version", sa.Integer(), nullable=False),
        sa.Column("op", sa.String(length=32), nullable=False),
        sa.Column("enqueued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(_one_of("op", OUTBOX_OPS), name=op.f("ck_search_outbox_op")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_outbox")),
    )
    op.create_index(
        "ix_search_outbox_pending",
        "search_outbox",
        ["next_attempt_at", "id"],
        unique=False,
        postgresql_where=sa.text("processed_at IS NULL"),
        sqlite_where=sa.text("processed_at IS NULL"),
    )

    op.create_table(
        "agents",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("branch_id", sa.String(length=64), nullable=True),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branches.id"], name=op.f("fk_agents_branch_id_branches")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agents")),
        sa.UniqueConstraint("email", name=op.f("uq_agents_email")),
    )
    op.create_index(op.f("ix_agents_branch_id"), "agents", ["branch_id"], unique=False)

    op.create_table(
        "customers",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("branch_id", sa.String(length=64), nullable=False),
        sa.Column("partner_id", sa.String(length=64), nullable=True),
        sa.Column("owner_agent_id", sa.String(length=64), nullable=True),
        sa.Column("vip", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("referred_by_id", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branches.id"], name=op.f("fk_customers_branch_id_branches")
        ),
        sa.ForeignKeyConstraint(
            ["owner_agent_id"], ["agents.id"], name=op.f("fk_customers_owner_agent_id_agents")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_customers_partner_id_partners")
        ),
        sa.ForeignKeyConstraint(
            ["referred_by_id"], ["customers.id"], name=op.f("fk_customers_referred_by_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
    )
    op.create_index("ix_customers_branch_id", "customers", ["branch_id"], unique=False)
    op.create_index("ix_customers_owner_agent_id", "customers", ["owner_agent_id"], unique=False)
    op.create_index("ix_customers_partner_id", "customers", ["partner_id"], unique=False)
    op.create_index("ix_customers_referred_by_id", "customers", ["referred_by_id"], unique=False)

    op.create_table(
        "customer_assignments",
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("agent_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_customer_assignments_agent_id_agents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_customer_assignments_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "customer_id", "agent_id", "kind", name=op.f("pk_customer_assignments")
        ),
    )
    op.create_index(
        "ix_customer_assignments_agent_id", "customer_assignments", ["agent_id"], unique=False
    )

    op.create_table(
        "customer_tags",
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("tag", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_customer_tags_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("customer_id", "tag", name=op.f("pk_customer_tags")),
    )
    op.create_index("ix_customer_tags_tag", "customer_tags", ["tag"], unique=False)

    op.create_table(
        "interactions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("logged_by", sa.String(length=64), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("purpose", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("outcome", sa.String(length=64), nullable=True),
        sa.Column("mood", sa.String(length=64), nullable=True),
        sa.Column("channel", sa.String(length=32), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            _one_of("purpose", INTERACTION_PURPOSES),
            name=op.f("ck_interactions_purpose"),
        ),
        sa.CheckConstraint(
            _one_of("type", INTERACTION_TYPES),
            name=op.f("ck_interactions_type"),
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_interactions_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["logged_by"], ["agents.id"], name=op.f("fk_interactions_logged_by_agents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interactions")),
    )
    op.create_index(
        "ix_interactions_customer_id_occurred_at",
        "interactions",
        ["customer_id", "occurred_at"],
        unique=False,
    )
    op.create_index(
        "ix_interactions_logged_by_occurred_at",
        "interactions",
        ["logged_by", "occurred_at"],
        unique=False,
    )

    op.create_table(
        "notes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("author_id", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("importance", sa.String(length=32), server_default="normal", nullable=False),
        sa.Column("pinned", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("ref_kind", sa.String(length=32), nullable=True),
        sa.Column("ref_id", sa.String(length=64), nullable=True),
        sa.Column("creation_ms", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by", sa.String(length=64), nullable=True),
        sa.CheckConstraint(
            _one_of("category", NOTE_CATEGORIES),
            name=op.f("ck_notes_category"),
        ),
        sa.CheckConstraint(_one_of("importance", IMPORTANCES), name=op.f("ck_notes_importance")),
        sa.CheckConstraint(
            _one_of("scope", SCOPES),
            name=op.f("ck_notes_scope"),
        ),
        sa.CheckConstraint(
            _one_of("type", NOTE_TYPES),
            name=op.f("ck_notes_type"),
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["agents.id"], name=op.f("fk_notes_author_id_agents")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_notes_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["deleted_by"], ["agents.id"], name=op.f("fk_notes_deleted_by_agents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
    )
    op.create_index(
        "ix_notes_author_id_created_at", "notes", ["author_id", "created_at"], unique=False
    )
    op.create_index("ix_notes_created_at", "notes", ["created_at"], unique=False)
    op.create_index(
        "ix_notes_customer_id_created_at", "notes", ["customer_id", "created_at"], unique=False
    )
    op.create_index("ix_notes_scope", "notes", ["scope"], unique=False)

    op.create_table(
        "risk_flags",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("raised_by", sa.String(length=64), nullable=False),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cleared_by", sa.String(length=64), nullable=True),
        sa.Column("cleared_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            _one_of("kind", RISK_FLAG_KINDS),
            name=op.f("ck_risk_flags_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["cleared_by"], ["agents.id"], name=op.f("fk_risk_flags_cleared_by_agents")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_risk_flags_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["raised_by"], ["agents.id"], name=op.f("fk_risk_flags_raised_by_agents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risk_flags")),
    )
    op.create_index("ix_risk_flags_customer_id", "risk_flags", ["customer_id"], unique=False)

    op.create_table(
        "attachments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("note_id", sa.String(length=36), nullable=True),
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=127), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("storage_key", sa.String(length=512), nullable=False),
        sa.Column("uploaded_by", sa.String(length=64), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_attachments_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["note_id"], ["notes.id"], name=op.f("fk_attachments_note_id_notes")
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by"], ["agents.id"], name=op.f("fk_attachments_uploaded_by_agents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
        sa.UniqueConstraint("storage_key", name=op.f("uq_attachments_storage_key")),
    )
    op.create_index("ix_attachments_customer_id", "attachments", ["customer_id"], unique=False)
    op.create_index("ix_attachments_note_id", "attachments", ["note_id"], unique=False)

    op.create_table(
        "follow_ups",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("note_id", sa.String(length=36), nullable=True),
        sa.Column("interaction_id", sa.String(length=36), nullable=True),
        sa.Column("assignee_id", sa.String(length=64), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("instructions", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("completed_by", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assignee_id"], ["agents.id"], name=op.f("fk_follow_ups_assignee_id_agents")
        ),
        sa.ForeignKeyConstraint(
            ["completed_by"], ["agents.id"], name=op.f("fk_follow_ups_completed_by_agents")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_follow_ups_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name=op.f("fk_follow_ups_interaction_id_interactions"),
        ),
        sa.ForeignKeyConstraint(
            ["note_id"], ["notes.id"], name=op.f("fk_follow_ups_note_id_notes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
    )
    op.create_index(
        "ix_follow_ups_assignee_id_due_at", "follow_ups", ["assignee_id", "due_at"], unique=False
    )
    op.create_index("ix_follow_ups_customer_id", "follow_ups", ["customer_id"], unique=False)
    op.create_index("ix_follow_ups_note_id", "follow_ups", ["note_id"], unique=False)
    op.create_index("ix_follow_ups_interaction_id", "follow_ups", ["interaction_id"], unique=False)

    op.create_table(
        "note_revisions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("note_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("editor_id", sa.String(length=64), nullable=False),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("before", JSON, nullable=False),
        sa.Column("after", JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["editor_id"], ["agents.id"], name=op.f("fk_note_revisions_editor_id_agents")
        ),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["notes.id"],
            name=op.f("fk_note_revisions_note_id_notes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_revisions")),
    )
    op.create_index(
        "ix_note_revisions_note_id_version", "note_revisions", ["note_id", "version"], unique=False
    )

    op.create_table(
        "note_tags",
        sa.Column("note_id", sa.String(length=36), nullable=False),
        sa.Column("tag", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"], ["notes.id"], name=op.f("fk_note_tags_note_id_notes"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("note_id", "tag", name=op.f("pk_note_tags")),
    )
    op.create_index("ix_note_tags_tag", "note_tags", ["tag"], unique=False)


def downgrade() -> None:
    _drop_audit_guard()
    op.drop_table("note_tags")
    op.drop_table("note_revisions")
    op.drop_table("follow_ups")
    op.drop_table("attachments")
    op.drop_table("risk_flags")
    op.drop_table("notes")
    op.drop_table("interactions")
    op.drop_table("customer_tags")
    op.drop_table("customer_assignments")
    op.drop_table("customers")
    op.drop_table("agents")
    op.drop_table("search_outbox")
    op.drop_table("search_dead_letter")
    op.drop_table("required_fields")
    op.drop_table("partners")
    op.drop_table("controlled_tags")
    op.drop_table("choice_options")
    op.drop_table("branches")
    op.drop_table("audit_log")
