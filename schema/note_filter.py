"""The one `NoteFilter` input of every list, search and report of notes, and its parsing.

`parse_note_filter` is the single place that turns the input (plus a field's deprecated flat
arguments) into the store's `NoteFilter`, which the SQL lists, the reports and both search
backends read; a new filter field is added here and in the store, nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

import strawberry

from core.errors import Invalid, UserInputError
from intelligence.labels import Sentiment, Urgency
from schema.enums import Importance, NoteCategory, NoteType, Scope
from schema.filter_args import either
from schema.node import AGENT, CUSTOMER, parse_optional_id
from search.request import TagMode, normalise_tags
from store import note_reads
from store.note_reads import NoteOrder

L = TypeVar("L", Sentiment, Urgency)

strawberry.enum(TagMode, name="TagMode", description="A note needs ANY or ALL of the tags.")
strawberry.enum(
    NoteOrder,
    name="NoteOrder",
    description="PINNED_NEWEST (default): pinned first, then newest. IMPORTANCE: critical "
    "first, then high, normal, low; pinned then newest within one importance.",
)


@strawberry.input(
    description="Narrow a list, search or report of notes; every field is optional and the "
    "fields combine with AND. `from`/`to` bound the creation time."
)
class NoteFilter:
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="The customer (global id; the raw key until v2)."
    )
    agent_id: strawberry.ID | None = strawberry.field(
        default=None, description="The note's author (the agent's global id or agentId)."
    )
    type: NoteType | None = None
    category: NoteCategory | None = None
    scope: Scope | None = None
    importance: Importance | None = None
    sentiments: list[Sentiment] | None = strawberry.field(
        default=None,
        description="Notes whose sentiment (suggested or overridden) is one of these; a note "
        "not yet classified matches none.",
    )
    urgencies: list[Urgency] | None = strawberry.field(
        default=None,
        description="Notes whose urgency (suggested or overridden) is one of these.",
    )
    tags: list[str] | None = strawberry.field(
        default=None, description="At most 20 tags; see `tagMode`."
    )
    tag_mode: TagMode = strawberry.field(
        default=TagMode.ANY, description="ANY (default): a note with any of `tags`; ALL: every one."
    )
    from_: datetime | None = strawberry.field(
        default=None, name="from", description="At or after this instant."
    )
    to: datetime | None = strawberry.field(
        default=None, description="Before this instant (half-open: `to` itself is outside)."
    )


@dataclass(frozen=True, slots=True)
class FlatNoteArguments:
    """A field's deprecated flat filter arguments, by the `NoteFilter` field they became."""

    customer_id: strawberry.ID | None = None
    agent_id: strawberry.ID | None = None
    type: NoteType | None = None
    category: NoteCategory | None = None
    scope: Scope | None = None
    tags: list[str] | None = None
    tag_mode: TagMode | None = None
    from_: datetime | None = None
    to: datetime | None = None


def _named(in_filter: object, argument: str) -> str:
    # An error names the input the value came in: `filter.x`, or the old argument.
    if in_filter is not None:
        return f"filter.{'agentId' if argument == 'authorId' else argument}"
    return argument


def _labels(values: list[L] | None, field: str) -> tuple[L, ...]:
    # An empty list would match nothing: like every list filter, it is INVALID; leave it out.
    if values is None:
        return ()
    if not values:
        raise Invalid(f"`{field}` is an empty list; leave it out for all", field=field)
    return tuple(dict.fromkeys(values))


def parse_note_filter(
    given: NoteFilter | None, flat: FlatNoteArguments | None = None
) -> note_reads.NoteFilter:
    """The store's filter from `filter` and the old flat arguments (BAD_USER_INPUT when one
    field comes both ways)."""
    given = given or NoteFilter()
    flat = flat or FlatNoteArguments()
    customer = either(given.customer_id, flat.customer_id, "customerId")
    agent = either(given.agent_id, flat.agent_id, "agentId")
    tags = either(given.tags, flat.tags, "tags")
    if flat.tag_mode is not None and given.tag_mode is not TagMode.ANY:
        raise UserInputError(
            "`tagMode` is given both in `filter` and as an argument; use `filter.tagMode`",
            field="filter.tagMode",
        )
    tag_mode = flat.tag_mode or given.tag_mode
    return note_reads.NoteFilter(
        customer_id=parse_optional_id(
            customer or None, CUSTOMER, _named(given.customer_id, "customerId")
        ),
        author_id=parse_optional_id(agent or None, AGENT, _named(given.agent_id, "authorId")),
        type=either(given.type, flat.type, "type"),
        category=either(given.category, flat.category, "category"),
        scope=either(given.scope, flat.scope, "scope"),
        importance=given.importance,
        sentiments=_labels(given.sentiments, "filter.sentiments"),
        urgencies=_labels(given.urgencies, "filter.urgencies"),
        tags=normalise_tags(tags, field=_named(given.tags, "tags")),
        all_tags=tag_mode is TagMode.ALL,
        since=either(given.from_, flat.from_, "from"),
        until=either(given.to, flat.to, "to"),
    )
