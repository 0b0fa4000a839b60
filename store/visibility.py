"""Who sees which notes and customers: `NoteVisibility`, and the store's SQL row filters.

`note_visibility` turns a request's PolicyView into the one frozen value that says which
notes the caller reads: readable scopes, the handoff rule and the customer reach. The store
composes it into its own WHERE clauses here; the search backends accept nothing else and apply
the same value as filters inside their engine, on the branch, partner and assigned agents each
index document carries (kept current by `store.customer_refs`, which re-queues a customer's
notes when the CRM sync moves it). Nothing is filtered after the fact in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import ColumnElement, and_, false, or_, select, true

from policies.view import CustomerReach, PolicyView
from policies.vocabulary import Scope
from store.models import Customer, CustomerAssignment, Note, NoteTag

# Sales notes tagged with this become readable by support as well (PRODUCT.md handoff rule).
HANDOFF_TAG = "handoff"
# Only `note_visibility` holds this, so no other module can make up a visibility.
_SEAL = object()


@dataclass(frozen=True, slots=True)
class NoteVisibility:
    """Which notes one caller reads, as one value; built only by `note_visibility`."""

    # Notes in these scopes are readable…
    scopes: frozenset[Scope]
    # …and notes in these only once tagged `HANDOFF_TAG` (the sales → support handoff).
    handoff_scopes: frozenset[Scope]
    # …of the customers reached: everyone, or by branch, partner, assigned agent or self.
    reach: CustomerReach
    _seal: object = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self._seal is not _SEAL:
            raise TypeError("a NoteVisibility comes from store.visibility.note_visibility")

    @property
    def nothing(self) -> bool:
        """True when no note at all is readable (handoff scopes alone grant nothing)."""
        return not self.scopes or self.reach.nobody

    @property
    def every_scope(self) -> bool:
        """True when no scope filter is needed."""
        return len(self.scopes) == len(Scope)

    @property
    def everything(self) -> bool:
        """True when every live note is readable (no filter but the deletion one)."""
        return self.every_scope and self.reach.everyone


@lru_cache(maxsize=1024)
def _visibility(
    scopes: frozenset[Scope], handoff: frozenset[Scope], reach: CustomerReach
) -> NoteVisibility:
    # A handoff scope already readable outright needs no tag test.
    return NoteVisibility(scopes, handoff - scopes, reach, _SEAL)


def note_visibility(view: PolicyView) -> NoteVisibility:
    """The caller's note visibility (one value per distinct policy, computed once)."""
    return _visibility(view.readable_scopes, view.handoff_readable, view.reach)


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


def reachable_customer_ids(view: PolicyView) -> ColumnElement[bool]:
    """A WHERE clause on `Note.customer_id` (or any customer FK) for reachable customers."""
    if view.reach.everyone:
        return true()
    return Note.customer_id.in_(select(Customer.id).where(reachable_customers(view)))


def readable_notes(view: PolicyView) -> ColumnElement[bool]:
    """A WHERE clause on `Note`: live notes in a readable scope of a reachable customer."""
    visibility = note_visibility(view)
    if visibility.nothing:
        return false()
    if visibility.everything:
        return Note.deleted_at.is_(None)
    in_scope: ColumnElement[bool] = Note.scope.in_(sorted(visibility.scopes))
    if visibility.handoff_scopes:
        handed_off = and_(
            Note.scope.in_(sorted(visibility.handoff_scopes)),
            Note.id.in_(select(NoteTag.note_id).where(NoteTag.tag == HANDOFF_TAG)),
        )
        in_scope = or_(in_scope, handed_off)
    return and_(Note.deleted_at.is_(None), in_scope, reachable_customer_ids(view))
