"""Resolvers for customer tags, interactions, risk flags, handoff and list administration."""

from __future__ import annotations

from collections.abc import Sequence

from resolvers.context import Info
from resolvers.guards import require_authenticated
from resolvers.writes import Outcome, perform
from store import choices, governance, handoff, interactions, risk_flags
from store.audit import Target
from store.enums import ChoiceList, NoteCategory, NoteType, RiskFlagKind
from store.governance import NoteField
from store.interactions import InteractionDraft, LoggedInteraction
from store.models import ChoiceOption, RequiredField, RiskFlag
from store.note_reads import NoteRow


def _customer(customer_id: str) -> Target:
    return Target("customer", customer_id, customer_id)


async def resolve_log_interaction(
    info: Info, draft: InteractionDraft
) -> Outcome[LoggedInteraction]:
    """Log an interaction (and its follow-up)."""
    return await perform(
        info,
        "interaction.log",
        Target("interaction", None, draft.customer_id),
        lambda s, ctx: interactions.log_interaction(s, ctx, draft),
    )


async def resolve_raise_risk_flag(
    info: Info, customer_id: str, kind: RiskFlagKind, reason: str
) -> Outcome[RiskFlag]:
    """Raise a risk flag on a customer."""
    return await perform(
        info,
        "risk_flag.raise",
        Target("risk_flag", None, customer_id),
        lambda s, ctx: risk_flags.raise_risk_flag(s, ctx, customer_id, kind, reason),
    )


async def resolve_clear_risk_flag(info: Info, flag_id: str) -> Outcome[RiskFlag]:
    """Clear a risk flag."""
    return await perform(
        info,
        "risk_flag.clear",
        Target("risk_flag", flag_id),
        lambda s, ctx: risk_flags.clear_risk_flag(s, ctx, flag_id),
    )


async def resolve_handoff(
    info: Info, customer_id: str, note_ids: Sequence[str] | None
) -> Outcome[list[NoteRow]]:
    """Hand a customer's sales case over to support."""
    return await perform(
        info,
        "customer.handoff",
        _customer(customer_id),
        lambda s, ctx: handoff.hand_off_to_support(s, ctx, customer_id, note_ids),
    )


async def resolve_save_choice(
    info: Info, list_name: ChoiceList, value: str, label: str
) -> Outcome[ChoiceOption]:
    """Add or relabel a choice of an admin-managed list."""
    return await perform(
        info,
        "choice.save",
        Target("choice", f"{list_name.value}/{value}"),
        lambda s, ctx: choices.save_choice(s, ctx, list_name, value, label),
    )


async def resolve_retire_choice(
    info: Info, list_name: ChoiceList, value: str
) -> Outcome[ChoiceOption]:
    """Retire a choice of an admin-managed list."""
    return await perform(
        info,
        "choice.retire",
        Target("choice", f"{list_name.value}/{value}"),
        lambda s, ctx: choices.retire_choice(s, ctx, list_name, value),
    )


async def resolve_set_required_fields(
    info: Info, note_type: NoteType, category: NoteCategory | None, fields: Sequence[NoteField]
) -> Outcome[list[RequiredField]]:
    """Replace the governance rule set of one note type and category."""
    return await perform(
        info,
        "governance.set_required_fields",
        Target("required_fields", note_type.value),
        lambda s, ctx: governance.set_required_fields(s, ctx, note_type, category, fields),
    )


async def resolve_choices(
    info: Info, list_name: ChoiceList, include_retired: bool
) -> list[ChoiceOption]:
    """A choice list, as the pickers offer it (retired ones on request)."""
    require_authenticated(info)
    async with info.context.sessions() as session:
        return await choices.choices(session, list_name, include_retired=include_retired)


async def resolve_required_fields(info: Info) -> list[RequiredField]:
    """Every governance rule (forms use them to mark required fields)."""
    require_authenticated(info)
    async with info.context.sessions() as session:
        return await governance.list_rules(session)
