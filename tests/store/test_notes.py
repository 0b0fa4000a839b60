"""Note writes: validation, sanitising, authorization, versions, history, one transaction."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.errors import Conflict, NotFound, PolicyDenied
from store import audit, notes
from store.db import session_factory
from store.enums import NoteCategory, NoteType, OutboxOp, Scope
from store.follow_ups import FollowUpDraft
from store.models import (
    AuditLog,
    Customer,
    FollowUp,
    Note,
    NoteRevision,
    NoteTag,
    RequiredField,
    SearchOutbox,
)
from store.note_drafts import NotePatch
from store.note_reads import notes_by_ids
from store.validation import Unreachable, ValidationFailed, ViolationCode
from store.write_context import transaction
from tests.store.native import ctx_for, draft, given_directory


async def count(session: AsyncSession, model: type[Any], *where: Any) -> int:
    """Rows of a model matching `where`."""
    return int(await session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def codes(error: ValidationFailed) -> set[tuple[str | None, ViolationCode]]:
    """The (field, code) pairs of a validation failure."""
    return {(v.field, v.code) for v in error.violations}


async def test_create_sanitises_and_writes_note_tags_outbox_and_audit(
    session: AsyncSession,
) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")

    row = await notes.create_note(
        session,
        ctx,
        draft(
            subject="  Sofa\x00 <script>alert(1)</script>order ",
            body='Hi <img src=x onerror="alert(1)"> [x](javascript:alert(1)) a < b & c\n> q',
            tags=["  Key   ACCOUNT ", "key account", "Delivery"],
        ),
    )

    note = row.note
    assert note.subject == "Sofa order"
    assert note.body == 'Hi <img src="x"> [x](#alert(1)) a < b & c\n> q'
    assert row.tags == ("delivery", "key account")
    assert (note.version, note.author_id) == (1, "a-sales")
    outbox = (
        await session.scalars(select(SearchOutbox).where(SearchOutbox.note_id == note.id))
    ).all()
    assert [(o.note_version, o.op) for o in outbox] == [(1, OutboxOp.UPSERT)]
    entry = await session.scalar(select(AuditLog).where(AuditLog.target_id == note.id))
    assert entry is not None
    assert (entry.action, entry.actor, entry.actor_role, entry.customer_id, entry.request_id) == (
        "note.create",
        "a-sales",
        "sales",
        "c-1",
        "req-test",
    )
    assert entry.after is not None
    assert entry.after["tags"] == ["delivery", "key account"]


async def test_sql_in_text_is_stored_verbatim(session: AsyncSession) -> None:
    await given_directory(session)
    sql = "Robert'); DROP TABLE notes;-- \" OR 1=1"
    row = await notes.create_note(
        session, await ctx_for("a-sales"), draft(subject=sql, body=sql, tags=[sql[:60]])
    )
    assert (row.note.subject, row.note.body) == (sql, sql)
    assert await count(session, Note) == 1


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        pytest.param({"body": ""}, {("body", ViolationCode.REQUIRED)}, id="empty-body"),
        pytest.param({"body": "x" * 1_000_000}, {("body", ViolationCode.TOO_LONG)}, id="1mb-body"),
        pytest.param({"subject": " \x01 "}, {("subject", ViolationCode.REQUIRED)}, id="blank"),
        pytest.param({"subject": "s" * 301}, {("subject", ViolationCode.TOO_LONG)}, id="subject"),
        pytest.param({"tags": ["ok", "  "]}, {("tags", ViolationCode.REQUIRED)}, id="empty-tag"),
        pytest.param({"tags": ["t" * 65]}, {("tags", ViolationCode.TOO_LONG)}, id="long-tag"),
        pytest.param({"ref_kind": "car"}, {("refKind", ViolationCode.NOT_IN_LIST)}, id="ref"),
        pytest.param(
            {"body": "", "subject": ""},
            {("body", ViolationCode.REQUIRED), ("subject", ViolationCode.REQUIRED)},
            id="all-at-once",
        ),
    ],
)
async def test_invalid_input_is_refused_with_typed_violations_and_nothing_written(
    session: AsyncSession, overrides: dict[str, Any], expected: set[tuple[str, ViolationCode]]
) -> None:
    await given_directory(session)
    with pytest.raises(ValidationFailed) as failed:
        await notes.create_note(session, await ctx_for("a-sales"), draft(**overrides))
    assert codes(failed.value) == expected
    assert await count(session, Note) == 0


async def test_follow_up_due_in_the_past_or_for_an_unknown_agent_is_refused(
    session: AsyncSession,
) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    past = FollowUpDraft("nobody", ctx.now.replace(year=ctx.now.year - 1))
    with pytest.raises(ValidationFailed) as failed:
        await notes.create_note(session, ctx, draft(follow_up=past))
    assert codes(failed.value) == {
        ("followUp.dueAt", ViolationCode.IN_PAST),
        ("followUp.assigneeId", ViolationCode.NOT_FOUND),
    }


async def test_a_note_with_a_follow_up_creates_both(session: AsyncSession) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    due = ctx.now.replace(year=ctx.now.year + 1)
    row = await notes.create_note(session, ctx, draft(follow_up=FollowUpDraft("a-sales", due)))
    assert await count(session, FollowUp, FollowUp.note_id == row.note.id) == 1


@pytest.mark.parametrize(
    ("subject", "scope"),
    [
        pytest.param("a-sales", Scope.SUPPORT, id="sales-writes-support"),
        pytest.param("a-sales", Scope.RESTRICTED, id="sales-writes-restricted"),
        pytest.param("a-qa", Scope.SALES, id="qa-is-read-only"),
    ],
)
async def test_a_scope_the_caller_may_not_write_is_forbidden(
    session: AsyncSession, subject: str, scope: Scope
) -> None:
    await given_directory(session)
    with pytest.raises(PolicyDenied):
        await notes.create_note(session, await ctx_for(subject), draft(scope=scope))


async def test_unreachable_and_unknown_customers_are_not_found(session: AsyncSession) -> None:
    await given_directory(session)
    branch = await ctx_for("a-branch", branches=("b-2",))
    with pytest.raises(Unreachable):
        await notes.create_note(session, branch, draft(scope=Scope.BRANCH))
    with pytest.raises(NotFound):
        await notes.create_note(session, await ctx_for("a-sales"), draft(customer_id="c-404"))


async def test_update_bumps_version_and_keeps_history(session: AsyncSession) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    created = await notes.create_note(session, ctx, draft(tags=["a"]))
    note_id = created.note.id

    patch = NotePatch(subject="New subject", tags=["a", "B"], pinned=False)
    updated = await notes.update_note(session, ctx, note_id, 1, patch)

    assert (updated.note.version, updated.note.subject, updated.tags) == (
        2,
        "New subject",
        ("a", "b"),
    )
    (revision,) = await notes.revisions(session, note_id)
    assert revision.version == 2
    assert revision.editor_id == "a-sales"
    assert revision.before == {"subject": "Called about the sofa", "tags": ["a"]}
    assert revision.after == {"subject": "New subject", "tags": ["a", "b"]}
    assert await count(session, SearchOutbox, SearchOutbox.note_id == note_id) == 2
    assert await count(session, AuditLog, AuditLog.action == "note.update") == 1


async def test_a_stale_version_is_a_conflict(session: AsyncSession) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    note_id = (await notes.create_note(session, ctx, draft())).note.id
    await notes.update_note(session, ctx, note_id, 1, NotePatch(subject="first"))
    with pytest.raises(Conflict):
        await notes.update_note(session, ctx, note_id, 1, NotePatch(subject="second"))


async def test_authors_edit_their_own_notes_and_managers_any(session: AsyncSession) -> None:
    await given_directory(session)
    note_id = (await notes.create_note(session, await ctx_for("a-sales"), draft())).note.id
    with pytest.raises(PolicyDenied):
        await notes.update_note(
            session, await ctx_for("a-sales-2"), note_id, 1, NotePatch(subject="x")
        )
    edited = await notes.update_note(
        session, await ctx_for("a-manager"), note_id, 1, NotePatch(subject="x")
    )
    assert edited.note.version == 2


async def test_moving_a_note_into_an_unwritable_scope_is_forbidden(session: AsyncSession) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    note_id = (await notes.create_note(session, ctx, draft())).note.id
    with pytest.raises(PolicyDenied):
        await notes.update_note(session, ctx, note_id, 1, NotePatch(scope=Scope.FINANCE))


async def test_delete_hides_the_note_and_restore_brings_it_back(session: AsyncSession) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    note_id = (await notes.create_note(session, ctx, draft())).note.id

    deleted = await notes.delete_note(session, ctx, note_id)
    assert deleted.note.deleted_by == "a-sales"
    assert await notes_by_ids(session, ctx.view, [note_id]) == [None]
    last = await session.scalar(
        select(SearchOutbox.op)
        .where(SearchOutbox.note_id == note_id)
        .order_by(SearchOutbox.id.desc())
    )
    assert last is OutboxOp.DELETE
    with pytest.raises(NotFound):
        await notes.delete_note(session, ctx, note_id)

    restored = await notes.restore_note(session, ctx, note_id)
    assert restored.note.deleted_at is None
    assert restored.note.version == 3
    assert (await notes_by_ids(session, ctx.view, [note_id]))[0] is not None


async def test_governance_rules_name_the_missing_fields(session: AsyncSession) -> None:
    await given_directory(session)
    session.add_all(
        [
            RequiredField(note_type=NoteType.ESCALATION, category=None, field_name="tags"),
            RequiredField(note_type=NoteType.ESCALATION, category=None, field_name="follow_up"),
            RequiredField(
                note_type=NoteType.ESCALATION, category=NoteCategory.SUPPORT, field_name="ref_id"
            ),
        ]
    )
    await session.flush()
    ctx = await ctx_for("a-sales")
    with pytest.raises(ValidationFailed) as failed:
        await notes.create_note(session, ctx, draft(type=NoteType.ESCALATION))
    assert codes(failed.value) == {
        ("tags", ViolationCode.REQUIRED),
        ("followUp", ViolationCode.REQUIRED),
    }
    due = ctx.now.replace(year=ctx.now.year + 1)
    ok = draft(type=NoteType.ESCALATION, tags=["x"], follow_up=FollowUpDraft("a-sales", due))
    assert (await notes.create_note(session, ctx, ok)).note.type is NoteType.ESCALATION


async def test_edits_may_not_leave_a_field_the_new_classification_requires(
    session: AsyncSession,
) -> None:
    await given_directory(session)
    session.add(RequiredField(note_type=NoteType.ESCALATION, category=None, field_name="tags"))
    await session.flush()
    ctx = await ctx_for("a-sales")
    plain = (await notes.create_note(session, ctx, draft())).note
    tagged = await notes.create_note(session, ctx, draft(type=NoteType.ESCALATION, tags=["x"]))

    with pytest.raises(ValidationFailed) as reclassified:
        await notes.update_note(session, ctx, plain.id, 1, NotePatch(type=NoteType.ESCALATION))
    with pytest.raises(ValidationFailed) as emptied:
        await notes.update_note(session, ctx, tagged.note.id, 1, NotePatch(tags=[]))
    with pytest.raises(ValidationFailed) as untagged:
        await notes.retag_note(session, ctx, tagged.note.id, remove=["x"])

    for failure in (reclassified, emptied, untagged):
        assert codes(failure.value) == {("tags", ViolationCode.REQUIRED)}
    # Edits that touch neither classification nor tags are not held to the rules.
    renamed = NotePatch(subject="Renamed")
    assert (await notes.update_note(session, ctx, tagged.note.id, 1, renamed)).note.version == 2
    moved = NotePatch(type=NoteType.ESCALATION, tags=["urgent"])
    assert (await notes.update_note(session, ctx, plain.id, 1, moved)).note.version == 2


async def test_a_failure_after_the_note_insert_leaves_nothing_behind(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions = session_factory(engine)
    ctx = await ctx_for("a-sales")
    async with transaction(sessions) as session:
        await given_directory_once(session)
    before = await _totals(sessions)

    async def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("audit store down")

    monkeypatch.setattr(audit, "append", explode)
    with pytest.raises(RuntimeError):
        async with transaction(sessions) as session:
            await notes.create_note(session, ctx, draft(tags=["t"]))

    assert await _totals(sessions) == before


async def given_directory_once(session: AsyncSession) -> None:
    """The directory, unless an earlier test of this module committed it already."""
    if await session.get(Customer, "c-1") is None:
        await given_directory(session)


async def _totals(sessions: async_sessionmaker[AsyncSession]) -> tuple[int, ...]:
    async with sessions() as session:
        return tuple(
            [
                await count(session, model)
                for model in (Note, NoteTag, SearchOutbox, AuditLog, NoteRevision)
            ]
        )
