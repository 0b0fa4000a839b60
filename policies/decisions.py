"""Named policy decisions over a compiled PolicyView; the only place such rules are written."""

from __future__ import annotations

from collections.abc import Iterable

from policies.view import PolicyView
from policies.vocabulary import Capability, Scope


def can_read_scope(view: PolicyView, scope: Scope | str) -> bool:
    """True if notes of this scope exist for the principal."""
    return scope in view.readable_scopes


def can_write_scope(view: PolicyView, scope: Scope | str) -> bool:
    """True if the principal may create a note in this scope."""
    return scope in view.writable_scopes


def can_reach_customer(
    view: PolicyView,
    *,
    customer_id: str,
    branch_id: str | None,
    partner_id: str | None,
    assigned_agents: Iterable[str] = (),
) -> bool:
    """True if the customer exists for the principal (for checks on a single loaded row)."""
    reach = view.reach
    if reach.everyone:
        return True
    return (
        (branch_id is not None and branch_id in reach.branches)
        or (partner_id is not None and partner_id == reach.partner)
        or (reach.assigned_agent is not None and reach.assigned_agent in set(assigned_agents))
        or (reach.customer is not None and reach.customer == customer_id)
    )


def can_edit_note(view: PolicyView, *, author_id: str) -> bool:
    """Authors edit their own notes; some roles edit any note."""
    if view.can(Capability.EDIT_ANY_NOTE):
        return True
    return author_id == view.principal.subject and view.can(Capability.EDIT_OWN_NOTE)


def can_delete_note(view: PolicyView, *, author_id: str) -> bool:
    """Authors delete (soft) their own notes; some roles delete any note."""
    if view.can(Capability.DELETE_ANY_NOTE):
        return True
    return author_id == view.principal.subject and view.can(Capability.DELETE_OWN_NOTE)
