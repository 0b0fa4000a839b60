"""What the store knows about closed helpdesk tickets: which customers to ask about, and which
tickets already have a resolution note.

A **resolution note** of a ticket is a live (not deleted) note of type `RESOLUTION` that
references the ticket (`ref_kind = "ticket"`, `ref_id` = the helpdesk's id) and belongs to the
ticket's customer. Whether the caller may read that note does not matter: the list of tickets
awaiting one is a work list for the store as a whole, so a ticket resolved in a note the
caller cannot read is not offered again (that says only that some resolution note exists).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from policies.view import PolicyView
from store.enums import NoteType
from store.models import Customer, Note
from store.visibility import reachable_customers

TICKET_REF = "ticket"
# Helpdesk statuses (lower-cased by the datasource) that mean the case is over.
CLOSED_STATUSES = frozenset({"solved", "closed"})
# Pairs per IN clause: well under SQLite's and asyncpg's bound-parameter limits.
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class CustomerScope:
    """Which of the reachable customers a list is about (None narrows nothing)."""

    customer_id: str | None = None
    branch_id: str | None = None
    owner_agent_id: str | None = None


async def reachable_customers_in(
    session: AsyncSession, view: PolicyView, scope: CustomerScope
) -> dict[str, Customer]:
    """The customers the caller reaches, narrowed by `scope`, by id."""
    statement = select(Customer).where(reachable_customers(view))
    if scope.customer_id is not None:
        statement = statement.where(Customer.id == scope.customer_id)
    if scope.branch_id is not None:
        statement = statement.where(Customer.branch_id == scope.branch_id)
    if scope.owner_agent_id is not None:
        statement = statement.where(Customer.owner_agent_id == scope.owner_agent_id)
    return {customer.id: customer for customer in await session.scalars(statement)}


async def tickets_with_resolution_note(
    session: AsyncSession, tickets: Sequence[tuple[str, str]]
) -> set[tuple[str, str]]:
    """Of the (customer id, ticket id) pairs, those with a resolution note in the store."""
    found: set[tuple[str, str]] = set()
    pairs = sorted(set(tickets))
    for start in range(0, len(pairs), _CHUNK):
        chunk = pairs[start : start + _CHUNK]
        rows = await session.execute(
            select(Note.customer_id, Note.ref_id)
            .where(
                Note.ref_kind == TICKET_REF,
                Note.type == NoteType.RESOLUTION,
                Note.deleted_at.is_(None),
                Note.ref_id.in_({ticket for _, ticket in chunk}),
            )
            .distinct()
        )
        wanted = set(chunk)
        # A note of another customer naming the same id does not resolve this ticket.
        found.update(pair for pair in ((c, str(r)) for c, r in rows) if pair in wanted)
    return found
