"""Note writes: create, update with an expected version, soft delete, restore, retag.

Every change is one transaction holding the note, its tags, a revision (for edits), a
search-outbox row and an audit row. The row is locked first, so two editors holding the same
version serialise and the later one gets CONFLICT instead of silently overwriting.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Conflict, NotFound, PolicyDenied
from policies.decisions import can_delete_note, can_edit_note, can_link_record, can_write_scope
from policies.view import PolicyView
from store import audit, duplicates, governance, labels, note_fields, note_requests, outbox, rollup
from store.enums import Importance, NoteCategory, NoteType, OutboxOp
from store.follow_ups import add_follow_up, check_draft
from store.models import FollowUp, Note, NoteRevision, NoteTag
from store.note_drafts import NoteDraft, NotePatch
from store.note_reads import NoteRow, tags_by_note_ids
from store.references import require_customer
from store.sanitise import normalise_tag, sanitise_line, sanitise_markdown
from store.validation import Unreachable, ViolationCode, Violations
from store.visibility import reachable_customer_ids, readable_notes
from store.write_context import WriteContext

MAX_SUBJECT = 300
MAX_BODY = 100_000
MAX_TAG = 64
MAX_TAGS = 20
MAX_REF_ID = 64
MAX_CREATION_MS = 24 * 3600 * 1000
REF_KINDS = frozenset({"ticket", "order", "invoice"})


def _text_fields(
    problems: Violations, subject: str | None, body: str | None
) -> tuple[str | None, str | None]:
    if body is not None and len(body) > MAX_BODY:
        # Refused before sanitising: there is no point cleaning a megabyte to throw it away.
        problems.add(
            "body",
            ViolationCode.TOO_LONG,
            f"`body` is {len(body)} characters; the limit is {MAX_BODY}",
        )
        body = None
    elif body is not None:
        body = sanitise_markdown(body).strip()
        problems.text("body", body, max_length=MAX_BODY)
    if subject is not None:
        subject = sanitise_line(subject)
        problems.text("subject", subject, max_length=MAX_SUBJECT)
    return subject, body


def normalise_tags(tags: Iterable[str], problems: Violations, *, field: str = "tags") -> list[str]:
    """Tags normalised and de-duplicated in order; empty, long or too many are violations."""
    result: list[str] = []
    for raw in tags:
        tag = normalise_tag(raw)
        if not tag:
            problems.add(field, ViolationCode.REQUIRED, "a tag must not be empty")
        elif len(tag) > MAX_TAG:
            problems.add(field, ViolationCode.TOO_LONG, f"a tag is at most {MAX_TAG} characters")
        elif tag not in result:
            result.append(tag)
    if len(result) > MAX_TAGS:
        problems.add(field, ViolationCode.INVALID, f"a note has at most {MAX_TAGS} tags")
    return result


async def create_note(session: AsyncSession, ctx: WriteContext, draft: NoteDraft) -> NoteRow:
    """Validate, sanitise and insert a note with its tags, follow-up, outbox and audit rows."""
    view = ctx.view
    if not can_write_scope(view, draft.scope):
        raise PolicyDenied(f"the caller may not write {draft.scope.value} notes", field="scope")
    customer = await require_customer(session, view, draft.customer_id)
    if draft.ref_kind in REF_KINDS and not can_link_record(view, draft.ref_kind):
        raise PolicyDenied(f"the caller may not link notes to {draft.ref_kind}s", field="refKind")
    problems = Violations()
    key = draft.idempotency_key
    request = note_requests.digest(draft) if key is not None else ""
    if key is not None and note_requests.check_key(key, problems):
        earlier = await note_requests.replay(session, ctx.actor, key, request)
        if earlier is not None:
            earlier_tags = await tags_by_note_ids(session, [earlier.id])
            return NoteRow(earlier, tuple(earlier_tags.get(earlier.id, ())))
    subject, body = _text_fields(problems, draft.subject, draft.body)
    tags = normalise_tags(draft.tags, problems)
    if draft.ref_kind is not None and draft.ref_kind not in REF_KINDS:
        problems.add("refKind", ViolationCode.NOT_IN_LIST, f"refKind is one of {sorted(REF_KINDS)}")
    ref_id = sanitise_line(draft.ref_id) if draft.ref_id else None
    problems.text("refId", ref_id, max_length=MAX_REF_ID, required=False)
    if draft.creation_ms is not None and not 0 <= draft.creation_ms <= MAX_CREATION_MS:
        problems.add("creationMs", ViolationCode.INVALID, "creationMs must be between 0 and 24 h")
    follow_up = (
        await check_draft(
            session, ctx, draft.follow_up, problems, customer_id=customer.id, note_scope=draft.scope
        )
        if draft.follow_up
        else None
    )
    present = governance.present_fields(
        tags=bool(tags),
        follow_up=follow_up is not None,
        ref_id=bool(ref_id),
        importance=draft.importance is not None,
    )
    await governance.check_required(session, draft.type, draft.category, present, problems)
    problems.raise_if_any()
    await duplicates.refuse_duplicates(
        session,
        view,
        duplicates.DuplicateKind.NOTE,
        customer.id,
        duplicates.note_text(subject, body),
        draft.duplicate_check,
        ctx.now,
    )

    # Every editable field as the draft asks, the text sanitised and importance defaulted.
    editable = note_fields.values_of(draft, note_fields.COLUMNS) | {
        "subject": subject,
        "body": body,
        "importance": draft.importance or Importance.NORMAL,
    }
    note = Note(
        **editable,
        customer_id=customer.id,
        author_id=ctx.actor,
        ref_kind=draft.ref_kind if ref_id else None,
        ref_id=ref_id or None,
        creation_ms=draft.creation_ms,
        created_at=ctx.now,
        updated_at=ctx.now,
        version=1,
    )
    await labels.label_on_write(note, labels.text_of(subject, body), ctx.now)
    session.add(note)
    await session.flush()
    session.add_all(NoteTag(note_id=note.id, tag=tag) for tag in tags)
    await session.flush()
    await rollup.recount(session, None, rollup.Counted.of(note, tags))
    if follow_up is not None:
        await add_follow_up(session, ctx, customer.id, follow_up, note_id=note.id)
    if key is not None:
        note_requests.remember(session, ctx.actor, key, request, note)
    await outbox.enqueue_note(session, note)
    await audit.append(
        session, ctx, "note.create", _target(note), after=note_fields.snapshot(note, tags)
    )
    return NoteRow(note, tuple(sorted(tags)))


async def update_note(
    session: AsyncSession,
    ctx: WriteContext,
    note_id: str,
    expected_version: int,
    patch: NotePatch,
) -> NoteRow:
    """Apply a patch if the note is still at `expected_version`; otherwise CONFLICT."""
    view = ctx.view
    note = await _locked(session, view, note_id, deleted=False)
    if not can_edit_note(view, author_id=note.author_id):
        raise PolicyDenied("the caller may not edit this note")
    if (
        patch.scope is not None
        and patch.scope != note.scope
        and not can_write_scope(view, patch.scope)
    ):
        raise PolicyDenied(f"the caller may not write {patch.scope.value} notes", field="scope")
    problems = Violations()
    subject, body = _text_fields(problems, patch.subject, patch.body)
    tags = normalise_tags(patch.tags, problems) if patch.tags is not None else None
    if patch.type is not None or patch.category is not None or tags is not None:
        await _still_complete(
            session, note, patch.type or note.type, patch.category or note.category, tags, problems
        )
    problems.raise_if_any()
    if note.version != expected_version:
        raise Conflict(
            f"the note is at version {note.version}, not {expected_version}; reload and retry",
            field="expectedVersion",
            currentVersion=note.version,
        )
    # The patch's column fields, the text as sanitised; None leaves a field as it is.
    values = note_fields.values_of(patch, note_fields.COLUMNS) | {"subject": subject, "body": body}
    return await _change(
        session,
        ctx,
        note,
        {key: value for key, value in values.items() if value is not None},
        tags,
        "note.update",
    )


async def retag_note(
    session: AsyncSession,
    ctx: WriteContext,
    note_id: str,
    *,
    add: Sequence[str] = (),
    remove: Sequence[str] = (),
) -> NoteRow:
    """Add and remove tags on a note the caller may edit (no expected version needed)."""
    note = await _locked(session, ctx.view, note_id, deleted=False)
    if not can_edit_note(ctx.view, author_id=note.author_id):
        raise PolicyDenied("the caller may not edit this note")
    problems = Violations()
    added = normalise_tags(add, problems)
    removed = set(normalise_tags(remove, problems))
    problems.raise_if_any()
    current = (await tags_by_note_ids(session, [note.id])).get(note.id, [])
    wanted = [tag for tag in current if tag not in removed]
    wanted += [tag for tag in added if tag not in wanted]
    await _still_complete(session, note, note.type, note.category, wanted, problems)
    problems.raise_if_any()
    return await _change(session, ctx, note, {}, wanted, "note.retag")


async def _still_complete(
    session: AsyncSession,
    note: Note,
    note_type: NoteType,
    category: NoteCategory,
    tags: Sequence[str] | None,
    problems: Violations,
) -> None:
    """Governance on edits: a change of type, category or tags may not leave a field empty
    that the note's (new) type and category require. Edits that touch none of those leave a
    note written under older rules as it is."""
    if tags is None:
        tags = (await tags_by_note_ids(session, [note.id])).get(note.id, [])
    follow_ups = select(func.count()).select_from(FollowUp).where(FollowUp.note_id == note.id)
    present = governance.present_fields(
        tags=bool(tags),
        follow_up=bool(await session.scalar(follow_ups)),
        ref_id=bool(note.ref_id),
        importance=True,  # every stored note has one (NORMAL by default)
    )
    await governance.check_required(session, note_type, category, present, problems)


async def add_tag_unchecked(
    session: AsyncSession, ctx: WriteContext, note: Note, tag: str, action: str
) -> NoteRow:
    """Tag a note on behalf of a workflow whose own decision was taken (e.g. handoff)."""
    current = (await tags_by_note_ids(session, [note.id])).get(note.id, [])
    return await _change(session, ctx, note, {}, [*current, tag], action)


async def delete_note(session: AsyncSession, ctx: WriteContext, note_id: str) -> NoteRow:
    """Soft-delete a note: hidden from every read, kept for restore and the audit trail."""
    note = await _locked(session, ctx.view, note_id, deleted=False)
    if not can_delete_note(ctx.view, author_id=note.author_id):
        raise PolicyDenied("the caller may not delete this note")
    return await _change(
        session, ctx, note, {"deleted_at": ctx.now, "deleted_by": ctx.actor}, None, "note.delete"
    )


async def restore_note(session: AsyncSession, ctx: WriteContext, note_id: str) -> NoteRow:
    """Bring a soft-deleted note back."""
    note = await _locked(session, ctx.view, note_id, deleted=True)
    if not can_delete_note(ctx.view, author_id=note.author_id):
        raise PolicyDenied("the caller may not restore this note")
    return await _change(
        session, ctx, note, {"deleted_at": None, "deleted_by": None}, None, "note.restore"
    )


async def revisions_by_note_ids(
    session: AsyncSession, note_ids: Sequence[str]
) -> list[list[NoteRevision]]:
    """Edit histories of several notes (already seen by the caller), newest first, one query."""
    grouped: dict[str, list[NoteRevision]] = {note_id: [] for note_id in note_ids}
    if not note_ids:
        return []
    rows = await session.scalars(
        select(NoteRevision)
        .where(NoteRevision.note_id.in_(set(note_ids)))
        .order_by(NoteRevision.note_id, NoteRevision.version.desc(), NoteRevision.id)
    )
    for row in rows:
        grouped[row.note_id].append(row)
    return [grouped[note_id] for note_id in note_ids]


async def revisions(session: AsyncSession, note_id: str) -> list[NoteRevision]:
    """A note's edit history, newest first (the caller has already seen the note)."""
    rows = await session.scalars(
        select(NoteRevision)
        .where(NoteRevision.note_id == note_id)
        .order_by(NoteRevision.version.desc(), NoteRevision.id)
    )
    return list(rows)


async def locked_live_note(session: AsyncSession, view: PolicyView, note_id: str) -> Note:
    """A live note the caller reads, write-locked for this transaction (else NOT_FOUND)."""
    return await _locked(session, view, note_id, deleted=False)


def _target(note: Note) -> audit.Target:
    return audit.Target("note", note.id, note.customer_id)


async def _locked(session: AsyncSession, view: PolicyView, note_id: str, *, deleted: bool) -> Note:
    # A no-op UPDATE takes the row's write lock on PostgreSQL and the database write lock on
    # SQLite before anything is read, so concurrent editors queue here instead of both
    # reading the same version (SQLite would fail the later writer's lock upgrade instead).
    await session.execute(
        update(Note).where(Note.id == note_id).values(version=Note.version),
        execution_options={"synchronize_session": False},
    )
    visible: tuple[ColumnElement[bool], ...]
    if deleted:
        visible = (
            Note.deleted_at.is_not(None),
            Note.scope.in_(sorted(view.readable_scopes)),
            reachable_customer_ids(view),
        )
    else:
        visible = (readable_notes(view),)
    note = await session.scalar(
        select(Note).where(Note.id == note_id, *visible).execution_options(populate_existing=True)
    )
    if note is not None:
        return note
    if await session.get(Note, note_id) is not None:
        raise Unreachable(f"note {note_id!r} not found", field="id")
    raise NotFound(f"note {note_id!r} not found", field="id")


async def _change(
    session: AsyncSession,
    ctx: WriteContext,
    note: Note,
    values: dict[str, Any],
    tags: Sequence[str] | None,
    action: str,
) -> NoteRow:
    current_tags = (await tags_by_note_ids(session, [note.id])).get(note.id, [])
    new_tags = sorted(set(tags)) if tags is not None else sorted(current_tags)
    before = note_fields.snapshot(note, current_tags) | {"deleted": note.deleted_at is not None}
    counted = rollup.Counted.of(note, current_tags)
    for key, value in values.items():
        setattr(note, key, value)
    after = note_fields.snapshot(note, new_tags) | {"deleted": note.deleted_at is not None}
    changed = sorted(key for key in after if after[key] != before[key])
    if not changed:
        return NoteRow(note, tuple(new_tags))
    if "subject" in changed or "body" in changed:
        await labels.label_on_write(note, labels.text_of(note.subject, note.body), ctx.now)
    version = note.version
    note.version, note.updated_at = version + 1, ctx.now
    await session.flush()
    if new_tags != sorted(current_tags):
        await session.execute(delete(NoteTag).where(NoteTag.note_id == note.id))
        session.add_all(NoteTag(note_id=note.id, tag=tag) for tag in new_tags)
    diff_before = {key: before[key] for key in changed}
    diff_after = {key: after[key] for key in changed}
    session.add(
        NoteRevision(
            note_id=note.id,
            version=note.version,
            editor_id=ctx.actor,
            edited_at=ctx.now,
            before=diff_before,
            after=diff_after,
            scope_before=before["scope"],
            scope_after=after["scope"],
        )
    )
    await session.flush()
    await rollup.recount(session, counted, rollup.Counted.of(note, new_tags))
    op = OutboxOp.DELETE if note.deleted_at is not None else OutboxOp.UPSERT
    await outbox.enqueue_note(session, note, op)
    await audit.append(session, ctx, action, _target(note), before=diff_before, after=diff_after)
    return NoteRow(note, tuple(new_tags))
