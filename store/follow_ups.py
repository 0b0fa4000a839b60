"""Follow-ups: created from a note or an interaction; completed or cancelled once; reassigned
and rescheduled while open. Each change writes its audit row (before/after) in its own
transaction; follow-ups are not in the search index, so no outbox row is written.

Who may complete, reassign, reschedule or cancel one is policy (its assignee, its author,
managers), and an assignee must be an agent whose own policy reaches the customer and reads the
note. A completion's outcome is a current value of the admin-managed outcome list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Conflict, NotFound, PolicyDenied
from policies.decisions import (
    can_be_assigned_follow_up,
    can_cancel_follow_up,
    can_complete_follow_up,
    can_reassign_follow_up,
    can_reschedule_follow_up,
    can_write_activity,
)
from policies.principal import Principal
from policies.view import PolicyView
from store import audit
from store.choices import is_active_choice, normalise_value
from store.enums import ChoiceList, Scope
from store.follow_up_reads import visible_follow_ups
from store.models import Agent, Customer, FollowUp, Note
from store.sanitise import sanitise_line, sanitise_markdown
from store.validation import Unreachable, ViolationCode, Violations
from store.visibility import reachable_customers
from store.write_context import WriteContext

MAX_INSTRUCTIONS = 10_000
MAX_OUTCOME = 10_000
MAX_REASON = 1_000
# A little slack so a form submitted "due now" is not refused by clock skew.
PAST_TOLERANCE = timedelta(minutes=5)
MAX_AHEAD = timedelta(days=5 * 366)


@dataclass(frozen=True, slots=True)
class FollowUpDraft:
    """A follow-up to create alongside a note or an interaction."""

    assignee_id: str
    due_at: datetime
    instructions: str | None = None


async def check_draft(
    session: AsyncSession,
    ctx: WriteContext,
    draft: FollowUpDraft,
    problems: Violations,
    *,
    customer_id: str,
    note_scope: Scope | None = None,
    prefix: str = "followUp",
) -> FollowUpDraft:
    """The draft with its text sanitised; problems (past due, an assignee who is unknown or
    may not handle this customer's follow-ups) are added."""
    due_at = _check_due(problems, ctx, f"{prefix}.dueAt", draft.due_at)
    await check_assignee(
        session,
        ctx,
        draft.assignee_id,
        problems,
        customer_id=customer_id,
        note_scope=note_scope,
        field=f"{prefix}.assigneeId",
    )
    instructions = sanitise_markdown(draft.instructions) if draft.instructions else None
    problems.text(
        f"{prefix}.instructions", instructions, max_length=MAX_INSTRUCTIONS, required=False
    )
    return FollowUpDraft(draft.assignee_id, due_at or draft.due_at, instructions or None)


async def check_assignee(
    session: AsyncSession,
    ctx: WriteContext,
    assignee_id: str,
    problems: Violations,
    *,
    customer_id: str,
    note_scope: Scope | None,
    field: str,
) -> None:
    """An assignee must be an active agent whose own policy reaches the customer, handles
    follow-ups and reads the scope of the note the follow-up comes from (else it could not
    see its own task)."""
    agent = await session.scalar(
        select(Agent).where(Agent.id == assignee_id, Agent.active.is_(True))
    )
    if agent is None:
        problems.add(field, ViolationCode.NOT_FOUND, f"agent {assignee_id!r} not found")
        return
    if ctx.compile_view is not None:
        principal = Principal(
            subject=agent.id,
            roles=(agent.role,),
            branches=(agent.branch_id,) if agent.branch_id else (),
        )
        view = ctx.compile_view(principal)
        reaches = await session.scalar(
            select(Customer.id).where(Customer.id == customer_id, reachable_customers(view))
        )
        if reaches is not None and can_be_assigned_follow_up(view, note_scope=note_scope):
            return
    problems.add(
        field,
        ViolationCode.INVALID,
        f"agent {assignee_id!r} may not be given this customer's follow-ups",
    )


async def add_follow_up(
    session: AsyncSession,
    ctx: WriteContext,
    customer_id: str,
    draft: FollowUpDraft,
    *,
    note_id: str | None = None,
    interaction_id: str | None = None,
) -> FollowUp:
    """Insert a checked draft for its note or interaction, audited in the same transaction."""
    follow_up = FollowUp(
        customer_id=customer_id,
        note_id=note_id,
        interaction_id=interaction_id,
        assignee_id=draft.assignee_id,
        due_at=draft.due_at,
        instructions=draft.instructions,
        created_by=ctx.actor,
        created_at=ctx.now,
    )
    session.add(follow_up)
    await session.flush()
    await audit.append(
        session,
        ctx,
        "follow_up.create",
        audit.Target("follow_up", follow_up.id, customer_id),
        after={
            "assignee_id": draft.assignee_id,
            "due_at": draft.due_at.isoformat(),
            "note_id": note_id,
            "interaction_id": interaction_id,
        },
    )
    return follow_up


async def complete_follow_up(
    session: AsyncSession,
    ctx: WriteContext,
    follow_up_id: str,
    outcome: str | None,
    comment: str | None = None,
    *,
    free_text: bool = False,
) -> FollowUp:
    """Mark a follow-up done: who, when, the outcome (a current value of the outcome list) and
    an optional markdown comment; completing twice is a CONFLICT.

    `free_text` is v1's loose `completeFollowUp(id, outcome)`: its text is the outcome when it
    names a current choice, and is kept as the comment otherwise (never refused).
    Only its assignee, its author and the roles the policy lets complete any follow-up may."""
    if not can_write_activity(ctx.view):
        raise PolicyDenied("the caller may not complete follow-ups")
    follow_up = await _reachable(session, ctx.view, follow_up_id)
    if not can_complete_follow_up(
        ctx.view, assignee_id=follow_up.assignee_id, author_id=follow_up.created_by
    ):
        raise PolicyDenied("only the assignee, the author or a manager completes this follow-up")
    problems = Violations()
    if free_text:
        value, comment = await _free_text_outcome(session, outcome)
    else:
        value = await _outcome_value(session, problems, outcome)
    text = sanitise_markdown(comment) if comment else None
    field = "outcome" if free_text else "comment"
    problems.text(field, text, max_length=MAX_OUTCOME, required=False)
    problems.raise_if_any()
    _still_open(follow_up)
    follow_up.completed_at = ctx.now
    follow_up.completed_by = ctx.actor
    follow_up.outcome = value
    follow_up.comment = text or None
    await session.flush()
    await audit.append(
        session,
        ctx,
        "follow_up.complete",
        audit.Target("follow_up", follow_up.id, follow_up.customer_id),
        before={"completed_at": None, "outcome": None},
        after={
            "completed_at": ctx.now.isoformat(),
            "outcome": follow_up.outcome,
            "comment": follow_up.comment,
        },
    )
    return follow_up


async def _outcome_value(
    session: AsyncSession, problems: Violations, raw: str | None
) -> str | None:
    """The outcome as stored; anything but a current outcome choice is a NOT_IN_LIST."""
    value = normalise_value(raw) if raw is not None else ""
    if not value:
        problems.add("outcome", ViolationCode.REQUIRED, "choose an outcome from the outcome list")
        return None
    if not await is_active_choice(session, ChoiceList.OUTCOME, value):
        problems.add(
            "outcome", ViolationCode.NOT_IN_LIST, f"{raw!r} is not a current outcome choice"
        )
        return None
    return value


async def _free_text_outcome(
    session: AsyncSession, raw: str | None
) -> tuple[str | None, str | None]:
    """v1's free-text outcome as (outcome, comment): a current choice is the outcome, any
    other text the comment."""
    if raw is None or not raw.strip():
        return None, None
    value = normalise_value(raw)
    if value and await is_active_choice(session, ChoiceList.OUTCOME, value):
        return value, None
    return None, raw


async def reassign_follow_up(
    session: AsyncSession, ctx: WriteContext, follow_up_id: str, assignee_id: str
) -> FollowUp:
    """Give an open follow-up to another agent who may handle it; audited."""
    if not can_write_activity(ctx.view):
        raise PolicyDenied("the caller may not reassign follow-ups")
    follow_up = await _reachable(session, ctx.view, follow_up_id)
    if not can_reassign_follow_up(
        ctx.view, assignee_id=follow_up.assignee_id, author_id=follow_up.created_by
    ):
        raise PolicyDenied("only the assignee, the author or a manager reassigns this follow-up")
    note_scope = (
        await session.scalar(select(Note.scope).where(Note.id == follow_up.note_id))
        if follow_up.note_id
        else None
    )
    problems = Violations()
    await check_assignee(
        session,
        ctx,
        assignee_id,
        problems,
        customer_id=follow_up.customer_id,
        note_scope=note_scope,
        field="assigneeId",
    )
    problems.raise_if_any()
    _still_open(follow_up)
    before = follow_up.assignee_id
    follow_up.assignee_id = assignee_id
    await session.flush()
    await audit.append(
        session,
        ctx,
        "follow_up.reassign",
        audit.Target("follow_up", follow_up.id, follow_up.customer_id),
        before={"assignee_id": before},
        after={"assignee_id": assignee_id},
    )
    return follow_up


async def reschedule_follow_up(
    session: AsyncSession,
    ctx: WriteContext,
    follow_up_id: str,
    due_at: datetime,
    reason: str | None = None,
) -> FollowUp:
    """Move an open follow-up's due time (not into the past); the reason goes to its audit
    row. A completed or cancelled follow-up is a CONFLICT."""
    if not can_write_activity(ctx.view):
        raise PolicyDenied("the caller may not reschedule follow-ups")
    follow_up = await _reachable(session, ctx.view, follow_up_id)
    if not can_reschedule_follow_up(
        ctx.view, assignee_id=follow_up.assignee_id, author_id=follow_up.created_by
    ):
        raise PolicyDenied("only the assignee, the author or a manager reschedules this follow-up")
    problems = Violations()
    due = _check_due(problems, ctx, "dueAt", due_at)
    text = _reason(problems, reason)
    problems.raise_if_any()
    _still_open(follow_up)
    before = follow_up.due_at
    follow_up.due_at = due or due_at
    await session.flush()
    await audit.append(
        session,
        ctx,
        "follow_up.reschedule",
        audit.Target("follow_up", follow_up.id, follow_up.customer_id),
        before={"due_at": before.isoformat()},
        after={"due_at": follow_up.due_at.isoformat(), "reason": text},
    )
    return follow_up


async def cancel_follow_up(
    session: AsyncSession, ctx: WriteContext, follow_up_id: str, reason: str | None = None
) -> FollowUp:
    """Close an open follow-up that is no longer needed (kept, with who and when); audited with
    the reason."""
    if not can_write_activity(ctx.view):
        raise PolicyDenied("the caller may not cancel follow-ups")
    follow_up = await _reachable(session, ctx.view, follow_up_id)
    if not can_cancel_follow_up(
        ctx.view, assignee_id=follow_up.assignee_id, author_id=follow_up.created_by
    ):
        raise PolicyDenied("only the assignee, the author or a manager cancels this follow-up")
    problems = Violations()
    text = _reason(problems, reason)
    problems.raise_if_any()
    _still_open(follow_up)
    follow_up.cancelled_at = ctx.now
    follow_up.cancelled_by = ctx.actor
    await session.flush()
    await audit.append(
        session,
        ctx,
        "follow_up.cancel",
        audit.Target("follow_up", follow_up.id, follow_up.customer_id),
        before={"cancelled_at": None},
        after={"cancelled_at": ctx.now.isoformat(), "reason": text},
    )
    return follow_up


def _check_due(
    problems: Violations, ctx: WriteContext, field: str, due_at: datetime
) -> datetime | None:
    """A due time as UTC; one in the past (beyond clock skew) or over five years ahead is
    refused."""
    due = problems.aware(field, due_at)
    if due is None:
        return None
    if due < ctx.now - PAST_TOLERANCE:
        problems.add(field, ViolationCode.IN_PAST, "a follow-up cannot be due in the past")
    elif due > ctx.now + MAX_AHEAD:
        problems.add(field, ViolationCode.INVALID, "a follow-up is due within five years")
    return due


def _reason(problems: Violations, reason: str | None) -> str | None:
    """A reason as plain text (markup removed), at most MAX_REASON characters."""
    text = sanitise_line(reason) if reason else None
    problems.text("reason", text, max_length=MAX_REASON, required=False)
    return text or None


def _still_open(follow_up: FollowUp) -> None:
    if follow_up.completed_at is not None:
        raise Conflict("the follow-up is already completed", field="id")
    if follow_up.cancelled_at is not None:
        raise Conflict("the follow-up is cancelled", field="id")


async def _reachable(session: AsyncSession, view: PolicyView, follow_up_id: str) -> FollowUp:
    follow_up = await session.scalar(
        select(FollowUp)
        .where(FollowUp.id == follow_up_id, visible_follow_ups(view))
        .with_for_update()
    )
    if follow_up is not None:
        return follow_up
    if await session.get(FollowUp, follow_up_id) is not None:
        raise Unreachable(f"follow-up {follow_up_id!r} not found", field="id")
    raise NotFound(f"follow-up {follow_up_id!r} not found", field="id")
