"""SQL row filters from a compiled PolicyView: which customers and notes exist for a caller.

Every store read that returns customers or notes (lists, counts, reports) composes these
clauses into its own WHERE, so nothing is filtered after the fact in Python.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, false, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from policies.view import PolicyView
from store.models import Customer, CustomerAssignment, Note, NoteTag

# Sales notes tagged with this become readable by support as well (PRODUCT.md handoff rule).
HANDOFF_TAG = "handoff"


def reachable_customers(view: PolicyView) -> ColumnElement[bool]:
    """A WHERE clause on `Customer` selecting the customers the caller reaches."""
    reach = view.reach
    if reach.everyone:
        return true()
    clauses: list[ColumnElement[bool]] = []
    if reach.branches:
        clauses.append(Customer.branch_id.in_(sorted(reach.branches)))
    if reach.partner is not None:
        clauses.append(Customer.partner_id == reach.partner)
    if reach.assigned_agent is not None:
        assigned = select(CustomerAssignment.customer_id).where(
            CustomerAssignment.agent_id == reach.assigned_agent
        )
        clauses.append(Customer.id.in_(assigned))
    if reach.customer is not None:
        clauses.append(Customer.id == reach.customer)
    return or_(*clauses) if clauses else false()


async def resolve_reach(session: AsyncSession, view: PolicyView) -> PolicyView:
    """`view` with its reach resolved to the customer ids the store says it selects now.

    Unchanged when the caller reaches everyone or nobody. The search filters use the resolved
    ids, so a customer's current branch, partner and assignments decide, never a copy.
    """
    if view.reach.everyone or view.reach.nobody:
        return view
    ids = await session.scalars(select(Customer.id).where(reachable_customers(view)))
    return view.with_resolved_reach(frozenset(ids))


def reachable_customer_ids(view: PolicyView) -> ColumnElement[bool]:
    """A WHERE clause on `Note.customer_id` (or any customer FK) for reachable customers."""
    if view.reach.everyone:
        return true()
    return Note.customer_id.in_(select(Customer.id).where(reachable_customers(view)))


def readable_notes(view: PolicyView) -> ColumnElement[bool]:
    """A WHERE clause on `Note`: live notes in a readable scope of a reachable customer."""
    scopes = sorted(view.readable_scopes)
    if not scopes or view.reach.nobody:
        return false()
    if view.reads_every_scope and view.reach.everyone:
        return Note.deleted_at.is_(None)
    in_scope: ColumnElement[bool] = Note.scope.in_(scopes)
    if view.handoff_readable:
        handed_off = and_(
            Note.scope.in_(sorted(view.handoff_readable)),
            Note.id.in_(select(NoteTag.note_id).where(NoteTag.tag == HANDOFF_TAG)),
        )
        in_scope = or_(in_scope, handed_off)
    return and_(Note.deleted_at.is_(None), in_scope, reachable_customer_ids(view))
