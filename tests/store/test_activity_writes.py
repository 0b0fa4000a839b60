"""Customer tags, interactions, follow-ups, risk flags, choice lists and governance rules."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Conflict, NotFound, PolicyDenied
from store import choices, customer_tags, follow_ups, governance, interactions, risk_flags
from store.activity_pages import assigned_follow_up_page
from store.enums import (
    ChoiceList,
    InteractionPurpose,
    InteractionType,
    NoteCategory,
    NoteType,
    RiskFlagKind,
)
from store.follow_ups import FollowUpDraft
from store.governance import NoteField
from store.interactions import InteractionDraft
from store.models import AuditLog
from store.pagination import PageRequest
from store.validation import Unreachable, ValidationFailed, ViolationCode
from tests.store.native import ctx_for, given_directory


def call(**overrides: object) -> InteractionDraft:
    """A valid call with customer c-1."""
    values: dict[str, object] = {
        "customer_id": "c-1",
        "type": InteractionType.CALL,
        "purpose": InteractionPurpose.SALES,
        "subject": "Quote follow-up",
        "outcome": "Interested",
        "mood": " HAPPY ",
    }
    values.update(overrides)
    return InteractionDraft(**values)  # type: ignore[arg-type]


async def audited(session: AsyncSession, action: str) -> int:
    """How many audit rows of an action exist."""
    query = select(func.count()).select_from(AuditLog).where(AuditLog.action == action)
    return int(await session.scalar(query) or 0)


async def test_customer_tags_are_normalised_idempotent_and_audited(session: AsyncSession) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")

    await customer_tags.tag_customer(session, ctx, "c-1", "  Key   Account ")
    tags = await customer_tags.tag_customer(session, ctx, "c-1", "key account")
    assert [t.tag for t in tags] == ["key account"]
    assert await audited(session, "customer.tag") == 1

    assert await customer_tags.untag_customer(session, ctx, "c-1", "KEY ACCOUNT") == []
    with pytest.raises(NotFound):
        await customer_tags.untag_customer(session, ctx, "c-1", "key account")


async def test_read_only_roles_cannot_tag_or_log(session: AsyncSession) -> None:
    await given_directory(session)
    qa = await ctx_for("a-qa")
    with pytest.raises(PolicyDenied):
        await customer_tags.tag_customer(session, qa, "c-1", "x")
    with pytest.raises(PolicyDenied):
        await interactions.log_interaction(session, qa, call())


async def test_an_interaction_with_current_choices_and_a_follow_up(session: AsyncSession) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    due = ctx.now + timedelta(days=2)

    logged = await interactions.log_interaction(
        session, ctx, call(follow_up=FollowUpDraft("a-sales", due, "Send <b>quote</b>"))
    )

    assert (logged.interaction.outcome, logged.interaction.mood) == ("interested", "happy")
    assert logged.follow_up is not None
    assert logged.follow_up.interaction_id == logged.interaction.id
    assert await audited(session, "interaction.log") == 1


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        pytest.param({"outcome": "maybe"}, ("outcome", ViolationCode.NOT_IN_LIST), id="outcome"),
        pytest.param({"mood": "angry"}, ("mood", ViolationCode.NOT_IN_LIST), id="retired-mood"),
        pytest.param({"subject": ""}, ("subject", ViolationCode.REQUIRED), id="subject"),
        pytest.param({"detail": "d" * 100_001}, ("detail", ViolationCode.TOO_LONG), id="detail"),
    ],
)
async def test_interaction_input_is_checked(
    session: AsyncSession, overrides: dict[str, object], expected: tuple[str, ViolationCode]
) -> None:
    await given_directory(session)
    with pytest.raises(ValidationFailed) as failed:
        await interactions.log_interaction(session, await ctx_for("a-sales"), call(**overrides))
    assert [(v.field, v.code) for v in failed.value.violations] == [expected]


async def test_absurd_interaction_times_are_refused(session: AsyncSession) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    for when in (ctx.now + timedelta(days=1), ctx.now - timedelta(days=365 * 30)):
        with pytest.raises(ValidationFailed):
            await interactions.log_interaction(session, ctx, call(occurred_at=when))


async def test_my_follow_ups_and_completing_one(session: AsyncSession) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    soon, later = ctx.now + timedelta(hours=2), ctx.now + timedelta(days=9)
    first = await interactions.log_interaction(
        session, ctx, call(follow_up=FollowUpDraft("a-sales", soon))
    )
    await interactions.log_interaction(
        session, ctx, call(follow_up=FollowUpDraft("a-sales", later))
    )
    assert first.follow_up is not None

    due_today = await assigned_follow_up_page(
        session,
        ctx.view,
        "a-sales",
        PageRequest(),
        due_before=ctx.now + timedelta(days=1),
        include_completed=False,
    )
    assert [f.id for f in due_today.items] == [first.follow_up.id]

    with pytest.raises(ValidationFailed):  # not a value of the outcome list
        await follow_ups.complete_follow_up(session, ctx, first.follow_up.id, "Sent the quote")
    # v1's free text: kept as the comment, the outcome left empty.
    done = await follow_ups.complete_follow_up(
        session, ctx, first.follow_up.id, "Sent the quote", free_text=True
    )
    assert (done.completed_by, done.outcome, done.comment) == ("a-sales", None, "Sent the quote")
    with pytest.raises(Conflict):
        await follow_ups.complete_follow_up(session, ctx, first.follow_up.id, None, free_text=True)

    open_only = await assigned_follow_up_page(
        session, ctx.view, "a-sales", PageRequest(), due_before=None, include_completed=False
    )
    everything = await assigned_follow_up_page(
        session, ctx.view, "a-sales", PageRequest(), due_before=None, include_completed=True
    )
    assert (open_only.total_count, everything.total_count) == (1, 2)


async def test_risk_flags_are_raised_once_and_cleared_by_the_roles_that_see_them(
    session: AsyncSession,
) -> None:
    await given_directory(session)
    support = await ctx_for("a-support")
    flag = await risk_flags.raise_risk_flag(
        session, support, "c-1", RiskFlagKind.OVERDUE_PAYMENT, "Two invoices late"
    )
    with pytest.raises(Conflict):
        await risk_flags.raise_risk_flag(
            session, support, "c-1", RiskFlagKind.OVERDUE_PAYMENT, "again"
        )
    with pytest.raises(PolicyDenied):
        await risk_flags.clear_risk_flag(session, await ctx_for("a-sales"), flag.id)

    cleared = await risk_flags.clear_risk_flag(session, support, flag.id)
    assert cleared.cleared_by == "a-support"
    with pytest.raises(Conflict):
        await risk_flags.clear_risk_flag(session, support, flag.id)
    with pytest.raises(NotFound):
        await risk_flags.clear_risk_flag(session, support, "no-such-flag")


async def test_a_customer_out_of_reach_is_unreachable(session: AsyncSession) -> None:
    await given_directory(session)
    branch = await ctx_for("a-branch", branches=("b-2",))
    with pytest.raises(Unreachable):
        await customer_tags.tag_customer(session, branch, "c-1", "x")


async def test_admins_manage_the_choice_lists(session: AsyncSession) -> None:
    await given_directory(session)
    admin = await ctx_for("a-admin")
    added = await choices.save_choice(
        session, admin, ChoiceList.OUTCOME, "Needs Time", "Needs time"
    )
    assert (added.value, added.active) == ("needs_time", True)
    ctx = await ctx_for("a-sales")
    await interactions.log_interaction(session, ctx, call(outcome="needs_time"))

    await choices.retire_choice(session, admin, ChoiceList.OUTCOME, "needs_time")
    with pytest.raises(ValidationFailed):
        await interactions.log_interaction(session, ctx, call(outcome="needs_time"))
    offered = await choices.choices(session, ChoiceList.OUTCOME)
    assert "needs_time" not in [c.value for c in offered]

    with pytest.raises(PolicyDenied):
        await choices.save_choice(session, await ctx_for("a-manager"), ChoiceList.MOOD, "ok", "Ok")
    with pytest.raises(NotFound):
        await choices.retire_choice(session, admin, ChoiceList.MOOD, "nope")


async def test_admins_set_required_fields(session: AsyncSession) -> None:
    await given_directory(session)
    admin = await ctx_for("a-admin")
    rules = await governance.set_required_fields(
        session, admin, NoteType.RESOLUTION, NoteCategory.SUPPORT, [NoteField.REF_ID]
    )
    assert [(r.note_type, r.category, r.field_name) for r in rules] == [
        (NoteType.RESOLUTION, NoteCategory.SUPPORT, "ref_id")
    ]
    assert await governance.required_fields(session, NoteType.RESOLUTION, NoteCategory.SUPPORT) == {
        NoteField.REF_ID
    }
    assert (
        await governance.required_fields(session, NoteType.RESOLUTION, NoteCategory.SALES) == set()
    )
    with pytest.raises(PolicyDenied):
        await governance.set_required_fields(
            session, await ctx_for("a-sales"), NoteType.RESOLUTION, None, []
        )
