"""Resolvers for reading interactions: the list across customers and the report (a
customer's own list is batched with the other lists in resolvers/lists.py).

The field group and the reach are the store's WHERE clause (`visible_interactions`); a caller
whose role may not see activity fields is refused here too, with an audited FORBIDDEN, as
`Customer360.interactions` refuses it.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from core.errors import UserInputError
from policies.decisions import can_read_interaction_report
from policies.vocabulary import FieldGroup
from resolvers.context import Info
from resolvers.guards import require_authenticated
from resolvers.reports import window
from resolvers.writes import deny
from store import interaction_reads
from store.audit import Target
from store.interaction_reads import GroupCount, InteractionFilter, InteractionGroup
from store.models import Interaction
from store.pagination import Page, PageRequest


async def resolve_interactions(
    info: Info, interaction_filter: InteractionFilter, request: PageRequest
) -> Page[Interaction]:
    """A page of the interactions the caller sees across the customers it reaches."""
    require_authenticated(info)
    if not info.context.policy.sees(FieldGroup.ACTIVITY):
        target = Target("interaction", None, interaction_filter.customer_id)
        message = "the caller's role may not see activity fields"
        raise await deny(info, "interactions.read", target, message)
    async with info.context.sessions() as session:
        return await interaction_reads.interaction_page(
            session, info.context.policy, interaction_filter, request
        )


def report_filter(
    since: datetime | None, until: datetime | None, interaction_filter: InteractionFilter
) -> InteractionFilter:
    """The report's filter with both bounds set: `from`/`to` or `filter.from`/`filter.to`
    (one place per bound), by default the 30 days up to now, at most three years."""
    for argument, loose, inside in (
        ("from", since, interaction_filter.since),
        ("to", until, interaction_filter.until),
    ):
        if loose is not None and inside is not None:
            raise UserInputError(
                f"give `{argument}` or `filter.{argument}`, not both",
                argument=f"filter.{argument}",
            )
    bounds = window(since or interaction_filter.since, until or interaction_filter.until)
    return dataclasses.replace(interaction_filter, since=bounds.since, until=bounds.until)


async def resolve_interaction_report(
    info: Info,
    group: InteractionGroup,
    interaction_filter: InteractionFilter,
    request: PageRequest,
) -> Page[GroupCount]:
    """A page of counts of the interactions the caller sees, per group."""
    require_authenticated(info)
    if not can_read_interaction_report(info.context.policy):
        target = Target("report", "interactions")
        message = "the caller may not read this report"
        raise await deny(info, "report.interactions", target, message)
    async with info.context.sessions() as session:
        return await interaction_reads.interaction_report(
            session, info.context.policy, group, interaction_filter, request
        )
