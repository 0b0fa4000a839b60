"""Reading interactions: the one filter, the caller's visibility, keyset pages and the report.

What a caller sees of interactions is one WHERE clause (`visible_interactions`): the activity
field group, and the customers it reaches (`store.visibility.reachable_customers`, the reach
every cross-customer list uses). The list across customers, each customer's list and the
report all compose it with the same `InteractionFilter`, so a report's counts are the list's
totals for the same filter, and neither ever counts what the caller could not read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, and_, false, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Invalid
from intelligence.labels import Sentiment, Urgency
from policies.view import PolicyView
from policies.vocabulary import FieldGroup
from store.activity_pages import INTERACTIONS
from store.choices import normalise_value
from store.enums import InteractionPurpose, InteractionType
from store.keyset import Keyset, keyset_page, keyset_pages
from store.models import Customer, Interaction
from store.pagination import Page, PageRequest, decode_cursor, encode_cursor
from store.reports import day_of
from store.visibility import reachable_customers

# The list across customers: its own cursor tag, so a customer's cursor is refused there.
ALL_INTERACTIONS = Keyset(
    "interaction-list", (Interaction.occurred_at, Interaction.id), (datetime, str)
)
V = TypeVar("V", bound=str)
MAX_VALUES = 50
MAX_VALUE_LENGTH = 64  # the outcome and mood columns


class InteractionGroup(StrEnum):
    """What an interaction report counts by."""

    TYPE = "type"
    PURPOSE = "purpose"
    OUTCOME = "outcome"
    MOOD = "mood"
    AGENT = "agent"
    CUSTOMER = "customer"
    DAY = "day"
    SENTIMENT = "sentiment"
    URGENCY = "urgency"


def _values(field: str, values: Sequence[V] | None) -> frozenset[V] | None:
    """A list filter as a set: absent is no narrowing; an empty list is refused, not guessed."""
    if values is None:
        return None
    if not values:
        raise Invalid(f"`{field}` needs at least one value (leave it out for all)", field=field)
    if len(values) > MAX_VALUES:
        raise Invalid(f"`{field}` takes at most {MAX_VALUES} values", field=field)
    if any(len(value) > MAX_VALUE_LENGTH for value in values):
        raise Invalid(f"a `{field}` value is over {MAX_VALUE_LENGTH} characters", field=field)
    return frozenset(values)


@dataclass(frozen=True, slots=True)
class InteractionFilter:
    """One narrowing of interactions, for every list and report of them; hashable, so pages
    of many customers with one filter share a loader. `since`/`until` are half-open."""

    customer_id: str | None = None
    agent_id: str | None = None
    types: frozenset[InteractionType] | None = None
    purposes: frozenset[InteractionPurpose] | None = None
    outcomes: frozenset[str] | None = None
    moods: frozenset[str] | None = None
    sentiments: frozenset[Sentiment] | None = None
    urgencies: frozenset[Urgency] | None = None
    since: datetime | None = None
    until: datetime | None = None

    @classmethod
    def of(
        cls,
        *,
        customer_id: str | None = None,
        agent_id: str | None = None,
        types: Sequence[InteractionType] | None = None,
        purposes: Sequence[InteractionPurpose] | None = None,
        outcomes: Sequence[str] | None = None,
        moods: Sequence[str] | None = None,
        sentiments: Sequence[Sentiment] | None = None,
        urgencies: Sequence[Urgency] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        field: str = "filter",
    ) -> InteractionFilter:
        """Validate a client's filter; outcome and mood values are read as the lists store
        them (`Not interested` is `not_interested`)."""
        if since is not None and until is not None and since > until:
            raise Invalid(f"`{field}.from` is after `{field}.to`", field=f"{field}.from")
        checked_outcomes = _values(f"{field}.outcomes", outcomes)
        checked_moods = _values(f"{field}.moods", moods)
        return cls(
            customer_id=customer_id,
            agent_id=agent_id,
            types=_values(f"{field}.types", types),
            purposes=_values(f"{field}.purposes", purposes),
            outcomes=_normalised(checked_outcomes),
            moods=_normalised(checked_moods),
            sentiments=_values(f"{field}.sentiments", sentiments),
            urgencies=_values(f"{field}.urgencies", urgencies),
            since=since,
            until=until,
        )

    def clauses(self) -> list[ColumnElement[bool]]:
        """The filter as WHERE clauses on `Interaction`."""
        clauses: list[ColumnElement[bool]] = []
        if self.customer_id is not None:
            clauses.append(Interaction.customer_id == self.customer_id)
        if self.agent_id is not None:
            clauses.append(Interaction.logged_by == self.agent_id)
        for column, values in (
            (Interaction.type, self.types),
            (Interaction.purpose, self.purposes),
            (Interaction.outcome, self.outcomes),
            (Interaction.mood, self.moods),
            (Interaction.sentiment, self.sentiments),
            (Interaction.urgency, self.urgencies),
        ):
            if values is not None:
                clauses.append(column.in_(sorted(values)))
        if self.since is not None:
            clauses.append(Interaction.occurred_at >= self.since)
        if self.until is not None:
            clauses.append(Interaction.occurred_at < self.until)
        return clauses


def _normalised(values: frozenset[str] | None) -> frozenset[str] | None:
    return None if values is None else frozenset(normalise_value(value) for value in values)


def visible_interactions(view: PolicyView) -> ColumnElement[bool]:
    """A WHERE clause on `Interaction`: the caller sees activity fields and reaches the
    customer (what `Customer360.interactions` shows, for every customer at once)."""
    if not view.sees(FieldGroup.ACTIVITY) or view.reach.nobody:
        return false()
    if view.reach.everyone:
        return true()
    return Interaction.customer_id.in_(select(Customer.id).where(reachable_customers(view)))


async def interaction_page(
    session: AsyncSession,
    view: PolicyView,
    interaction_filter: InteractionFilter,
    request: PageRequest,
) -> Page[Interaction]:
    """A page of the interactions the caller sees across customers, newest first."""
    where = [visible_interactions(view), *interaction_filter.clauses()]
    return await keyset_page(session, Interaction, where, ALL_INTERACTIONS, request)


async def customer_interaction_pages(
    session: AsyncSession,
    view: PolicyView,
    customer_ids: Sequence[str],
    interaction_filter: InteractionFilter,
    request: PageRequest,
) -> list[Page[Interaction]]:
    """A page of each customer's interactions the caller sees, newest first, in one batch."""
    where = [
        Interaction.customer_id.in_(set(customer_ids)),
        visible_interactions(view),
        *interaction_filter.clauses(),
    ]
    return await keyset_pages(
        session,
        Interaction,
        where,
        INTERACTIONS,
        request,
        partition=(Interaction.customer_id,),
        parents=[(customer_id,) for customer_id in customer_ids],
    )


@dataclass(frozen=True, slots=True)
class GroupCount:
    """One group of an interaction report; `key` is None for rows that leave the field empty."""

    key: str | None
    count: int


def _key(session: AsyncSession, group: InteractionGroup) -> Any:
    return {
        InteractionGroup.TYPE: Interaction.type,
        InteractionGroup.PURPOSE: Interaction.purpose,
        InteractionGroup.OUTCOME: Interaction.outcome,
        InteractionGroup.MOOD: Interaction.mood,
        InteractionGroup.AGENT: Interaction.logged_by,
        InteractionGroup.CUSTOMER: Interaction.customer_id,
        InteractionGroup.DAY: day_of(session, Interaction.occurred_at),
        InteractionGroup.SENTIMENT: Interaction.sentiment,
        InteractionGroup.URGENCY: Interaction.urgency,
    }[group]


_ENUM_GROUPS = frozenset(
    {
        InteractionGroup.TYPE,
        InteractionGroup.PURPOSE,
        InteractionGroup.SENTIMENT,
        InteractionGroup.URGENCY,
    }
)


def _shown(group: InteractionGroup, key: object) -> str | None:
    if key is None:
        return None
    # Enum values are UPPER_CASE wherever the API shows them (docs/api-conventions.md).
    if group in _ENUM_GROUPS:
        return str(key).upper()
    return str(key)


async def interaction_report(
    session: AsyncSession,
    view: PolicyView,
    group: InteractionGroup,
    interaction_filter: InteractionFilter,
    request: PageRequest,
) -> Page[GroupCount]:
    """A page of counts of the interactions the caller sees per group: largest first (DAY in
    date order). The cursor is the last group's (count, key), so paging runs in SQL."""
    key = _key(session, group).label("key")
    grouped = (
        select(key, func.count(Interaction.id).label("n"))
        .where(visible_interactions(view), *interaction_filter.clauses())
        .group_by(key)
        .subquery()
    )
    total = await session.scalar(select(func.count()).select_from(grouped))
    # An empty group (key None) sorts as "" on every dialect.
    name, count = func.coalesce(grouped.c.key, ""), grouped.c.n
    tag = f"interaction-report:{group.value}"
    by_day = group is InteractionGroup.DAY
    query = select(grouped.c.key, count)
    if request.cursor is not None:
        field = request.cursor_field
        if by_day:
            got, last_name = decode_cursor(request.cursor, (str, str), field=field)
            query = query.where(name > last_name)
        else:
            got, last_count, last_name = decode_cursor(request.cursor, (str, int, str), field=field)
            query = query.where(
                or_(count < last_count, and_(count == last_count, name > last_name))
            )
        if got != tag:
            raise Invalid("cursor is not valid for this report", field=field)
    order = (name,) if by_day else (count.desc(), name)
    result = await session.execute(query.order_by(*order).limit(request.size + 1))
    rows = [(raw, int(n)) for raw, n in result]
    items = rows[: request.size]
    return Page(
        items=[GroupCount(_shown(group, raw), n) for raw, n in items],
        cursors=[
            encode_cursor(tag, "" if raw is None else str(raw))
            if by_day
            else encode_cursor(tag, n, "" if raw is None else str(raw))
            for raw, n in items
        ],
        has_next_page=len(rows) > request.size,
        has_previous_page=request.cursor is not None,
        total_count=int(total or 0),
    )
