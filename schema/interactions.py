"""Interactions you can query: the one `InteractionFilter`, and the list across customers."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from core.errors import UserInputError
from intelligence.labels import Sentiment, Urgency
from resolvers.context import Info
from resolvers.interactions import resolve_interactions
from schema.activity import Interaction
from schema.connections import PAGE_ARGUMENTS, Connection
from schema.enums import InteractionPurpose, InteractionType
from schema.node import AGENT, CUSTOMER, parse_optional_id
from store.interaction_reads import InteractionFilter as StoreFilter
from store.pagination import page_request


@strawberry.input(
    name="InteractionFilter",
    description="Narrows every list and report of interactions. Fields combine with AND; a "
    "list matches any of its values (an empty list is INVALID: leave it out for all).",
)
class InteractionFilterInput:
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="The customer (its global id; the raw key until v2)."
    )
    agent_id: strawberry.ID | None = strawberry.field(
        default=None, description="The agent who logged the interaction."
    )
    types: list[InteractionType] | None = None
    purposes: list[InteractionPurpose] | None = None
    outcomes: list[str] | None = strawberry.field(
        default=None, description="Values of the outcome list (`choices(list: OUTCOME)`)."
    )
    moods: list[str] | None = strawberry.field(
        default=None, description="Values of the mood list (`choices(list: MOOD)`)."
    )
    sentiments: list[Sentiment] | None = strawberry.field(
        default=None, description="Sentiment labels (suggested or overridden)."
    )
    urgencies: list[Urgency] | None = strawberry.field(
        default=None, description="Urgency labels (suggested or overridden)."
    )
    from_: datetime | None = strawberry.field(
        default=None, name="from", description="Occurred at or after this instant."
    )
    to: datetime | None = strawberry.field(
        default=None, description="Occurred before this instant (half-open: `from` ≤ t < `to`)."
    )

    def to_store(self) -> StoreFilter:
        """The store's filter, validated (`from` after `to` is INVALID)."""
        return StoreFilter.of(
            customer_id=parse_optional_id(self.customer_id, CUSTOMER, "filter.customerId"),
            agent_id=parse_optional_id(self.agent_id, AGENT, "filter.agentId"),
            types=self.types,
            purposes=self.purposes,
            outcomes=self.outcomes,
            moods=self.moods,
            sentiments=self.sentiments,
            urgencies=self.urgencies,
            since=self.from_,
            until=self.to,
        )


def store_filter(interaction_filter: InteractionFilterInput | None) -> StoreFilter:
    """The store's filter of an optional argument."""
    return interaction_filter.to_store() if interaction_filter else StoreFilter()


FilterArgument = Annotated[
    InteractionFilterInput | None,
    strawberry.argument(
        name="filter",
        description="Which interactions: customer, agent, type, purpose, outcome, mood, "
        "and a half-open time range (`from` ≤ occurredAt < `to`).",
    ),
]


@strawberry.type
class InteractionQuery:
    @strawberry.field(
        description="Interactions with the customers the caller reaches, newest first "
        "(`occurredAt`, then id); `totalCount` counts only those. Null with a FORBIDDEN error "
        "for a role that may not see activity fields. " + PAGE_ARGUMENTS
    )
    async def interactions(
        self,
        info: Info,
        filter_: FilterArgument = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Interaction] | None:
        request = page_request(first, after, last, before)
        page = await resolve_interactions(info, store_filter(filter_), request)
        return Connection.of(page, Interaction.from_record)


def own_filter(interaction_filter: StoreFilter, customer_id: str) -> StoreFilter:
    """A filter for one customer's list: its `customerId` may only name that customer."""
    if interaction_filter.customer_id not in (None, customer_id):
        raise UserInputError(
            "filter.customerId names another customer than the one whose interactions are "
            "listed; leave it out, or list across customers with the root `interactions`",
            argument="filter.customerId",
        )
    return interaction_filter
