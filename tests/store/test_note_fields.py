"""One declaration of a note's editable fields: what it derives must stay what it was.

The idempotency digest of a fixed request is pinned to the value the hand-written digest
produced before the declaration existed (a key a client already holds must still match), and
the audit snapshot keeps its keys and JSON shapes.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store import notes
from store.enums import Importance, NoteCategory, NoteType, Scope
from store.follow_ups import FollowUpDraft
from store.models import AuditLog, Note
from store.note_drafts import NoteDraft, NotePatch
from store.note_fields import COLUMNS, NOTE_FIELDS
from store.note_requests import digest
from tests.store.native import ctx_for, draft, given_directory

FULL = NoteDraft(
    customer_id="cust-00001",
    subject="Called about the sofa",
    body="**Delivery** moved to Friday.",
    category=NoteCategory.SALES,
    type=NoteType.FOLLOW_UP,
    scope=Scope.SALES,
    tags=("delivery", "VIP "),
    importance=Importance.HIGH,
    pinned=True,
    ref_kind="order",
    ref_id="ORD-1",
    creation_ms=4200,
    follow_up=FollowUpDraft(
        assignee_id="agent-4",
        due_at=datetime(2026, 12, 1, 9, 30, tzinfo=UTC),
        instructions="Ring back",
    ),
    idempotency_key="key-00000001",
)
BARE = NoteDraft(
    customer_id="cust-00002",
    subject="s",
    body="b",
    category=NoteCategory.GENERAL,
    type=NoteType.INTERACTION_LOG,
    scope=Scope.INTERNAL,
)
SNAPSHOT_KEYS = {"subject", "body", "category", "type", "scope", "importance", "pinned", "tags"}


def test_the_digest_of_a_fixed_request_is_the_one_the_old_code_produced() -> None:
    # Values computed by the hand-written digest (commit 5bdc690) for these two drafts.
    assert digest(FULL) == "1921ee70b321a769f42bc415e8227f2202197a7547a347007bae6252676d9539"
    assert digest(BARE) == "a3ecc142b2c7fd7fd455f82b9fc292adec33d30e9a5adc96d24a1e7adc6ab978"
    # The measured creation time and the key itself are not part of what was asked.
    assert digest(dataclasses.replace(FULL, creation_ms=1, idempotency_key=None)) == digest(FULL)


def test_drafts_patches_and_the_note_row_carry_every_declared_field() -> None:
    draft_fields = {f.name for f in dataclasses.fields(NoteDraft)}
    patch_fields = {f.name for f in dataclasses.fields(NotePatch)}
    assert {f.name for f in NOTE_FIELDS} <= draft_fields
    assert {f.name for f in NOTE_FIELDS} == patch_fields
    assert all(hasattr(Note, f.name) for f in COLUMNS)
    assert {f.name for f in NOTE_FIELDS if f.in_snapshot} == SNAPSHOT_KEYS


async def test_audit_snapshots_keep_their_keys_and_json_shapes(session: AsyncSession) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    created = await notes.create_note(
        session, ctx, draft(tags=["b", "a"], importance=Importance.HIGH, pinned=True)
    )
    patch = NotePatch(subject="Renamed", importance=Importance.LOW, pinned=False, tags=["c"])
    await notes.update_note(session, ctx, created.note.id, 1, patch)

    rows = (
        await session.scalars(
            select(AuditLog).where(AuditLog.target_id == created.note.id).order_by(AuditLog.id)
        )
    ).all()
    create, update = rows
    assert create.after == {
        "subject": "Called about the sofa",
        "body": "Prefers **mornings**.\n\n> quoted",
        "category": "sales",
        "type": "interaction_log",
        "scope": "sales",
        "importance": "high",
        "pinned": True,
        "tags": ["a", "b"],
    }
    assert update.before == {
        "subject": "Called about the sofa",
        "importance": "high",
        "pinned": True,
        "tags": ["a", "b"],
    }
    assert update.after == {
        "subject": "Renamed",
        "importance": "low",
        "pinned": False,
        "tags": ["c"],
    }
