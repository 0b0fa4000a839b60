"""`interactionReport`'s arguments: the group, the one `InteractionFilter`, the window, paging."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from resolvers.context import Info
from resolvers.interactions import report_filter, resolve_interaction_report
from schema.interactions import FilterArgument as FilterArgument
from schema.interactions import InteractionFilterInput, store_filter
from store import reports
from store.interaction_reads import GroupCount, InteractionGroup
from store.pagination import Page, page_request

strawberry.enum(
    InteractionGroup,
    name="InteractionReportGroup",
    description="What to count interactions by: AGENT is who logged them (the row's `agent`), "
    "DAY the UTC calendar day they occurred (the row's `day`), SENTIMENT and URGENCY their "
    "labels (suggested or overridden; null key: not classified).",
)

ReportFrom = Annotated[
    datetime | None,
    strawberry.argument(
        name="from",
        description="Same as `filter.from` (give one of them). Default: 30 days before `to`.",
    ),
]
ReportTo = Annotated[
    datetime | None,
    strawberry.argument(description="Same as `filter.to` (give one of them). Default: now."),
]

INTERACTION_REPORT = (
    "Interactions the caller sees (activity fields, customers it reaches), counted per group, "
    "largest first (DAY by date); each row's count is the `totalCount` of the root "
    "`interactions` list for the same filter and that group. The window is half-open "
    "(`from` ≤ occurredAt < `to`), at most three years. `totalCount` counts the groups; "
    "`first`/`after` page forwards (default 100, at most 1000). TYPE, PURPOSE, SENTIMENT and "
    "URGENCY keys are the enum values (`CALL`, `NEGATIVE`)."
)


async def interaction_report_page(
    info: Info,
    group: InteractionGroup,
    interaction_filter: InteractionFilterInput | None,
    since: datetime | None,
    until: datetime | None,
    first: int | None,
    after: str | None,
) -> Page[GroupCount]:
    """Validate the arguments and read one page of the report."""
    request = page_request(first, after, default=100, maximum=reports.MAX_ROWS)
    bounded = report_filter(since, until, store_filter(interaction_filter))
    return await resolve_interaction_report(info, group, bounded, request)
