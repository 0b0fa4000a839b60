"""Logging interactions: validated against the enums and the current outcome and mood lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import PolicyDenied
from policies.decisions import can_write_activity
from store import audit, labels
from store.choices import is_active_choice, normalise_value
from store.duplicates import DuplicateCheck, DuplicateKind, interaction_text, refuse_duplicates
from store.enums import ChoiceList, InteractionPurpose, InteractionType
from store.follow_ups import FollowUpDraft, add_follow_up, check_draft
from store.models import FollowUp, Interaction
from store.references import require_customer
from store.sanitise import sanitise_line, sanitise_markdown
from store.validation import ViolationCode, Violations
from store.write_context import WriteContext

MAX_SUBJECT = 300
MAX_DETAIL = 100_000
MAX_CHANNEL = 32
# An interaction happened, so it is not in the future (beyond clock skew) nor decades ago.
FUTURE_TOLERANCE = timedelta(minutes=5)
MAX_AGE = timedelta(days=10 * 366)


@dataclass(frozen=True, slots=True)
class InteractionDraft:
    """A contact to log, as the client sends it."""

    customer_id: str
    type: InteractionType
    purpose: InteractionPurpose
    subject: str
    detail: str | None = None
    outcome: str | None = None
    mood: str | None = None
    channel: str | None = None
    occurred_at: datetime | None = None
    follow_up: FollowUpDraft | None = None
    # Refuse a near-copy of a recent interaction (store/duplicates.py); None logs it regardless.
    duplicate_check: DuplicateCheck | None = None


@dataclass(frozen=True, slots=True)
class LoggedInteraction:
    """An interaction and the follow-up created with it, if any."""

    interaction: Interaction
    follow_up: FollowUp | None


async def _choice(
    session: AsyncSession, problems: Violations, name: ChoiceList, field: str, raw: str | None
) -> str | None:
    if raw is None or not raw.strip():
        return None
    value = normalise_value(raw)
    if not await is_active_choice(session, name, value):
        problems.add(field, ViolationCode.NOT_IN_LIST, f"{raw!r} is not a current {name.value}")
    return value


async def log_interaction(
    session: AsyncSession, ctx: WriteContext, draft: InteractionDraft
) -> LoggedInteraction:
    """Validate and insert an interaction (and its follow-up) with an audit row."""
    if not can_write_activity(ctx.view):
        raise PolicyDenied("the caller may not log interactions")
    customer = await require_customer(session, ctx.view, draft.customer_id)
    problems = Violations()
    subject = sanitise_line(draft.subject)
    problems.text("subject", subject, max_length=MAX_SUBJECT)
    if draft.detail is not None and len(draft.detail) > MAX_DETAIL:
        problems.add("detail", ViolationCode.TOO_LONG, f"`detail` is over {MAX_DETAIL} characters")
        detail = None
    else:
        detail = sanitise_markdown(draft.detail).strip() if draft.detail else None
    channel = sanitise_line(draft.channel) if draft.channel else None
    problems.text("channel", channel, max_length=MAX_CHANNEL, required=False)
    outcome = await _choice(session, problems, ChoiceList.OUTCOME, "outcome", draft.outcome)
    mood = await _choice(session, problems, ChoiceList.MOOD, "mood", draft.mood)
    occurred_at = problems.aware("occurredAt", draft.occurred_at) or ctx.now
    if occurred_at > ctx.now + FUTURE_TOLERANCE:
        problems.add("occurredAt", ViolationCode.INVALID, "an interaction cannot be in the future")
    elif occurred_at < ctx.now - MAX_AGE:
        problems.add("occurredAt", ViolationCode.INVALID, "an interaction is at most 10 years old")
    follow_up = (
        await check_draft(session, ctx, draft.follow_up, problems, customer_id=customer.id)
        if draft.follow_up
        else None
    )
    problems.raise_if_any()
    compared = interaction_text(subject, detail, draft.type, occurred_at)
    await refuse_duplicates(
        session,
        ctx.view,
        DuplicateKind.INTERACTION,
        customer.id,
        compared,
        draft.duplicate_check,
        ctx.now,
    )

    interaction = Interaction(
        customer_id=customer.id,
        logged_by=ctx.actor,
        type=draft.type,
        purpose=draft.purpose,
        subject=subject,
        detail=detail or None,
        outcome=outcome,
        mood=mood,
        channel=channel or None,
        occurred_at=occurred_at,
        created_at=ctx.now,
    )
    await labels.label_on_write(interaction, labels.text_of(subject, detail), ctx.now)
    session.add(interaction)
    await session.flush()
    await audit.append(
        session,
        ctx,
        "interaction.log",
        audit.Target("interaction", interaction.id, customer.id),
        after={
            "type": draft.type.value,
            "purpose": draft.purpose.value,
            "subject": subject,
            "outcome": outcome,
            "mood": mood,
        },
    )
    created = (
        await add_follow_up(session, ctx, customer.id, follow_up, interaction_id=interaction.id)
        if follow_up
        else None
    )
    return LoggedInteraction(interaction, created)
