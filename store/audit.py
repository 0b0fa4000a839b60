"""The audit trail: rows appended in the caller's transaction, and filtered, paged reads.

Writes append inside their own transaction so the row commits with the change or not at all;
a denial appends in a transaction of its own because the write it denies is rolled back.
Reads obey the caller's reach and the policy of what each row is about: a row about a note,
follow-up or field group the caller cannot read is left out (not shown, not counted).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from policies.view import PolicyView
from policies.vocabulary import FieldGroup
from store.attachment_reads import attachment_readable
from store.follow_up_reads import follow_up_source_readable
from store.keyset import Keyset, keyset_page
from store.models import Attachment, AuditLog, Customer, FollowUp, Note, NoteRevision
from store.pagination import Page, PageRequest
from store.visibility import note_visibility, reachable_customers
from store.write_context import WriteContext, transaction

DENIED_PREFIX = "denied:"
# The length of the audit log's id columns (actor, target, customer).
ID_LENGTH = 64


@dataclass(frozen=True, slots=True)
class Target:
    """What an audited action is about."""

    type: str | None = None
    id: str | None = None
    customer_id: str | None = None


async def append(
    session: AsyncSession,
    ctx: WriteContext,
    action: str,
    target: Target,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Append one audit row in the session's transaction."""
    row = _row(ctx.actor, ctx.now, action, target, before=before, after=after, detail=detail)
    row.actor_role = ctx.role or None
    row.request_id = ctx.request_id or None
    session.add(row)
    await session.flush()


def append_job(
    session: AsyncSession,
    job: str,
    now: datetime,
    action: str,
    target: Target,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Append one audit row for a job (actor `system:<job>`) in the session's transaction."""
    session.add(_row(f"system:{job}", now, action, target, before=before, after=after))


def _row(
    actor: str,
    now: datetime,
    action: str,
    target: Target,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditLog:
    return AuditLog(
        at=now,
        actor=_bounded(actor),
        action=action,
        target_type=target.type,
        target_id=_bounded(target.id),
        customer_id=_bounded(target.customer_id),
        before=before,
        after=after,
        detail=detail,
    )


def _bounded(value: str | None) -> str | None:
    # A denied request may name an id of any length (a 20,000-character customerId): the row
    # keeps its start, marked as cut, rather than fail the request on the column's length.
    if value is None or len(value) <= ID_LENGTH:
        return value
    return value[: ID_LENGTH - 1] + "…"


async def append_denial(
    sessions: async_sessionmaker[AsyncSession],
    ctx: WriteContext,
    action: str,
    target: Target,
    reason: str,
) -> None:
    """Record a denied action in a transaction of its own (the denied write never commits)."""
    async with transaction(sessions) as session:
        await append(session, ctx, DENIED_PREFIX + action, target, detail={"reason": reason})


async def append_auth_failure(
    sessions: async_sessionmaker[AsyncSession],
    *,
    reason: str,
    request_id: str | None,
    detail: dict[str, Any],
) -> None:
    """Record a rejected token; the actor is unknown, so it is recorded as anonymous."""
    async with transaction(sessions) as session:
        session.add(
            AuditLog(
                actor="anonymous",
                action=DENIED_PREFIX + "authenticate",
                request_id=request_id,
                detail={"reason": reason, **detail},
            )
        )


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Optional narrowing of the audit log."""

    customer_id: str | None = None
    actor_id: str | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    # True: denials only; False: everything but denials.
    denied: bool | None = None

    def clauses(self) -> list[ColumnElement[bool]]:
        """The filter as WHERE clauses on `AuditLog`."""
        clauses: list[ColumnElement[bool]] = []
        if self.customer_id is not None:
            clauses.append(AuditLog.customer_id == self.customer_id)
        if self.actor_id is not None:
            clauses.append(AuditLog.actor == self.actor_id)
        if self.action is not None:
            clauses.append(AuditLog.action == self.action)
        if self.since is not None:
            clauses.append(AuditLog.at >= self.since)
        if self.until is not None:
            clauses.append(AuditLog.at < self.until)  # half-open, as every range
        if self.denied is not None:
            is_denial = AuditLog.action.startswith(DENIED_PREFIX, autoescape=True)
            clauses.append(is_denial if self.denied else ~is_denial)
        return clauses


# Audit rows carry the values of the records they are about, so each target type is shown
# only with the field group those values belong to (a row about a risk flag is risk-flag data).
_TARGET_GROUPS: dict[str, FieldGroup] = {
    "risk_flag": FieldGroup.RISK_FLAGS,
    "interaction": FieldGroup.ACTIVITY,
    "follow_up": FieldGroup.ACTIVITY,
}
# Customer-targeted actions whose values are activity data (customer tags).
_ACTIVITY_ACTIONS = ("customer.tag", "customer.untag")


def visible_audit(view: PolicyView) -> ColumnElement[bool]:
    """Rows the caller may read: reachable customers; a row about a note only if it reads the
    (live) note now and in the scopes the note had when the row was written; a row about a follow-up
    only if it reads the follow-up's note; a row about an attachment only if it may see the
    attachment; a row about a field group only with that group."""
    clauses: list[ColumnElement[bool]] = []
    if not view.reach.everyone:
        reachable = select(Customer.id).where(reachable_customers(view))
        clauses.append(AuditLog.customer_id.in_(reachable))
    untyped = AuditLog.target_type.is_(None)
    hidden_types = sorted(t for t, group in _TARGET_GROUPS.items() if not view.sees(group))
    if hidden_types:
        clauses.append(or_(untyped, AuditLog.target_type.not_in(hidden_types)))
    if not view.sees(FieldGroup.ACTIVITY):
        clauses.append(AuditLog.action.not_in(_ACTIVITY_ACTIONS))
    # A denied note create names no note (none was written): it carries only the refusal.
    refused_create = and_(
        AuditLog.action.startswith(DENIED_PREFIX, autoescape=True), AuditLog.target_id.is_(None)
    )
    clauses.append(
        or_(untyped, AuditLog.target_type != "note", refused_create, _note_row_readable(view))
    )
    clauses.append(or_(untyped, AuditLog.target_type != "follow_up", _follow_up_readable(view)))
    # A row about an attachment names its file: only for readers of the attachment (deleted too).
    attachments = select(Attachment.id).where(attachment_readable(view, include_deleted=True))
    clauses.append(
        or_(untyped, AuditLog.target_type != "attachment", AuditLog.target_id.in_(attachments))
    )
    return and_(*clauses)


def _note_row_readable(view: PolicyView) -> ColumnElement[bool]:
    """A row about a note: the note's scope now and its scopes then are all readable."""
    readable = sorted(view.readable_scopes)
    if note_visibility(view).every_scope:
        # The senior roles audit everything, deleted notes' rows included.
        return AuditLog.target_id.in_(select(Note.id))
    # Before/after of a note carry its text: a deleted note disappears from everyone else's
    # log with the note itself (its rows come back with a restore).
    live_readable = and_(Note.scope.in_(readable), Note.deleted_at.is_(None))
    now = AuditLog.target_id.in_(select(Note.id).where(live_readable))
    # The scope the note had when the row was written: the `scope_before` of the first edit
    # at or after the row, or (no later edit) the scope it has now.
    first_edit = (
        select(NoteRevision.scope_before)
        .where(NoteRevision.note_id == AuditLog.target_id, NoteRevision.edited_at >= AuditLog.at)
        .order_by(NoteRevision.version)
        .limit(1)
        .scalar_subquery()
    )
    current = select(Note.scope).where(Note.id == AuditLog.target_id).scalar_subquery()
    # An edit row also carries the values after it, written into the scope it moved to.
    moved_out = (
        select(NoteRevision.id)
        .where(
            NoteRevision.note_id == AuditLog.target_id,
            NoteRevision.edited_at == AuditLog.at,
            NoteRevision.scope_after.not_in(readable),
        )
        .exists()
    )
    return and_(now, func.coalesce(first_edit, current).in_(readable), ~moved_out)


def _follow_up_readable(view: PolicyView) -> ColumnElement[bool]:
    """A row about a follow-up: shown only if the follow-up's note (if any) is readable."""
    return AuditLog.target_id.in_(select(FollowUp.id).where(follow_up_source_readable(view)))


AUDIT = Keyset("audit", (AuditLog.id,), (int,))


async def audit_page(
    session: AsyncSession, view: PolicyView, audit_filter: AuditFilter, request: PageRequest
) -> Page[AuditLog]:
    """The audit log newest first, filtered, one keyset page at a time (on the row id)."""
    where = [visible_audit(view), *audit_filter.clauses()]
    return await keyset_page(session, AuditLog, where, AUDIT, request)
