"""The `node(id:)` and `nodes(ids:)` root fields: any object by its global id.

`NODE_TYPES` maps each GraphQL type that implements `Node` to the function that finds one of
its objects by raw key, through the same policy as the ordinary fields (resolvers/node.py),
and builds the schema object. A test checks that every type implementing `Node` is here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import strawberry

from core.errors import GatewayError, UserInputError
from resolvers import node as find
from resolvers.context import Info
from schema.activity import FollowUp, Interaction, RiskFlag
from schema.admin_mutations import Choice
from schema.agents import agent_node
from schema.audit import AuditEntry
from schema.commerce import Delivery, Installation, Invoice, Order, Payment
from schema.customer import Customer360
from schema.customer_links import Attachment
from schema.customer_upstream import CustomerRef, TimelineEntry
from schema.intake import IntakeFailure
from schema.node import InvalidId, Node, decode_global_id, split_key
from schema.notes import Note, NoteRevision
from schema.tickets import Ticket

MAX_NODES = 100

Resolve = Callable[[Info, str], Awaitable[Node | None]]


def _maybe(value: Any, build: Callable[[Any], Node]) -> Node | None:
    return None if value is None else build(value)


def _composite(
    parts: int, resolve: Callable[..., Awaitable[Any]], build: Callable[[Any], Node]
) -> Resolve:
    """A resolver for a type keyed by `parts` composed parts (the first the customer id)."""

    async def run(info: Info, key: str) -> Node | None:
        split = split_key(key, parts)
        return None if split is None else _maybe(await resolve(info, *split), build)

    return run


def _simple(
    resolve: Callable[[Info, str], Awaitable[Any]], build: Callable[[Any], Node]
) -> Resolve:
    async def run(info: Info, key: str) -> Node | None:
        return _maybe(await resolve(info, key), build)

    return run


async def _customer_ref(info: Info, key: str) -> Node | None:
    row = await find.customer(info, key)
    return None if row is None else CustomerRef(id=row.id, name=row.name)


NODE_TYPES: dict[str, Resolve] = {
    "Agent": agent_node,
    "Customer360": _simple(find.customer, Customer360.from_record),
    "CustomerRef": _customer_ref,
    "Note": _simple(find.note, Note.from_record),
    "NoteRevision": _composite(2, find.note_revision, NoteRevision.from_record),
    "Interaction": _simple(find.interaction, Interaction.from_record),
    "FollowUp": _simple(find.follow_up, FollowUp.from_record),
    "RiskFlag": _simple(find.risk_flag, RiskFlag.from_record),
    "Attachment": _simple(find.attachment, Attachment.from_record),
    "AuditEntry": _simple(find.audit_entry, AuditEntry.from_record),
    "IntakeFailure": _simple(
        find.intake_failure, lambda found: IntakeFailure.from_record(found[0], vip=found[1])
    ),
    "Order": _composite(2, find.order, Order.from_record),
    "Delivery": _composite(3, find.delivery, lambda found: Delivery.from_record(*found)),
    "Installation": _composite(
        3, find.installation, lambda found: Installation.from_record(*found)
    ),
    "Invoice": _composite(2, find.invoice, Invoice.from_record),
    "Payment": _composite(2, find.payment, Payment.from_record),
    "Ticket": _composite(2, find.ticket, Ticket.from_record),
    "TimelineEntry": _composite(3, find.timeline_entry, TimelineEntry.from_record),
    "Choice": _composite(2, find.choice, Choice.from_record),
}


async def resolve_node(info: Info, value: str, argument: str) -> Node | None:
    """The object a global id names, if the caller may see it; a malformed id is an error."""
    decoded = decode_global_id(str(value))
    resolve = None if decoded is None else NODE_TYPES.get(decoded[0])
    if decoded is None or resolve is None:
        raise InvalidId(f"{argument}: not a global id of this API", argument=argument)
    return await resolve(info, decoded[1])


@strawberry.type
class NodeQuery:
    @strawberry.field(
        description="The object with this global id, or null when it is unknown or the "
        "caller may not see it (the same policy as every other field). A value that is not "
        "a global id is null with BAD_USER_INPUT."
    )
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return await resolve_node(info, id, "id")

    @strawberry.field(
        description=f"The objects with these global ids, in order; each null like `node`. At "
        f"most {MAX_NODES} ids (more is BAD_USER_INPUT)."
    )
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None] | None:
        if len(ids) > MAX_NODES:
            raise UserInputError(
                f"ids: at most {MAX_NODES} ids per request, got {len(ids)}",
                argument="ids",
                limit=MAX_NODES,
            )
        path = tuple(info.path.as_list())

        async def one(index: int, value: str) -> Node | None:
            try:
                return await resolve_node(info, value, f"ids[{index}]")
            except GatewayError as error:
                info.context.partial.add(error, (*path, index))
                return None

        return list(await asyncio.gather(*(one(i, v) for i, v in enumerate(ids))))
