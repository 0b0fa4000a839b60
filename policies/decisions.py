"""Named policy decisions over a compiled PolicyView; the only place such rules are written."""

from __future__ import annotations

from enum import StrEnum

from policies.view import PolicyView
from policies.vocabulary import Capability, FieldGroup, Scope


def can_read_scope(view: PolicyView, scope: Scope | str) -> bool:
    """True if notes of this scope exist for the principal."""
    return scope in view.readable_scopes


def can_write_scope(view: PolicyView, scope: Scope | str) -> bool:
    """True if the principal may create a note in this scope."""
    return scope in view.writable_scopes


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


def can_write_activity(view: PolicyView) -> bool:
    """True if the principal tags customers, logs interactions and handles follow-ups."""
    return view.can(Capability.WRITE_ACTIVITY)


def can_label_interaction(view: PolicyView) -> bool:
    """True if the principal overrides the sentiment and urgency of interactions it reads."""
    return view.can(Capability.LABEL_INTERACTION)


def can_upload_attachment(view: PolicyView) -> bool:
    """True if the principal attaches files to the customers (and notes) it reads."""
    return view.can(Capability.UPLOAD_ATTACHMENT)


def can_delete_attachment(view: PolicyView, *, uploaded_by: str) -> bool:
    """Uploaders delete (soft) their own attachments; some roles delete any."""
    if view.can(Capability.DELETE_ANY_ATTACHMENT):
        return True
    return uploaded_by == view.principal.subject and view.can(Capability.DELETE_OWN_ATTACHMENT)


def can_hand_off_case(view: PolicyView) -> bool:
    """True if the principal may move a customer's case from sales to support."""
    return view.can(Capability.HAND_OFF_CASE)


def can_raise_risk_flag(view: PolicyView) -> bool:
    """True if the principal raises risk flags (the roles that see them)."""
    return view.can(Capability.RAISE_RISK_FLAG)


def can_clear_risk_flag(view: PolicyView) -> bool:
    """True if the principal clears risk flags."""
    return view.can(Capability.CLEAR_RISK_FLAG)


def can_admin_lists(view: PolicyView) -> bool:
    """True if the principal administers choice lists and required note fields."""
    return view.can(Capability.ADMIN_LISTS)


def can_read_audit_log(view: PolicyView) -> bool:
    """True if the principal reads the audit log."""
    return view.can(Capability.READ_AUDIT_LOG)


def can_read_reports(view: PolicyView) -> bool:
    """True if the principal reads dashboard reports (always within its own visibility)."""
    return view.can(Capability.READ_REPORTS)


def can_read_interaction_report(view: PolicyView) -> bool:
    """True if the principal reads interaction reports: reports plus the activity fields."""
    return view.can(Capability.READ_REPORTS) and view.sees(FieldGroup.ACTIVITY)


def can_read_qa_report(view: PolicyView) -> bool:
    """True if the principal reads the QA review of agents' notes."""
    return view.can(Capability.READ_QA_REPORT)


def can_read_intake(view: PolicyView) -> bool:
    """True if the principal lists the order intake dead-letter (operations staff)."""
    return view.can(Capability.INTAKE_READ)


def can_redrive_intake(view: PolicyView) -> bool:
    """True if the principal retries failed channel payloads after a mapping fix."""
    return view.can(Capability.INTAKE_REDRIVE)


def can_reload_policy(view: PolicyView) -> bool:
    """Reloading the policy files is an administrator's action."""
    return view.can(Capability.RELOAD_POLICY)


# --- Derived records: each is shown only to a reader of what it was derived from. ---


def can_read_revision(
    view: PolicyView, *, scope_before: Scope | str, scope_after: Scope | str, current: Scope | str
) -> bool:
    """A revision of a note the caller reads now, shown only if it reads the scopes the note
    had before and after that edit (the current scope is read by whatever route let it see
    the note, the handoff included)."""
    return all(
        scope == current or can_read_scope(view, scope) for scope in (scope_before, scope_after)
    )


def _handles_follow_up(
    view: PolicyView, own: Capability, any_: Capability, *, assignee_id: str, author_id: str
) -> bool:
    if view.can(any_):
        return True
    return view.principal.subject in (assignee_id, author_id) and view.can(own)


def can_complete_follow_up(view: PolicyView, *, assignee_id: str, author_id: str) -> bool:
    """The assignee and the author complete their follow-ups; some roles complete any."""
    return _handles_follow_up(
        view,
        Capability.COMPLETE_OWN_FOLLOW_UP,
        Capability.COMPLETE_ANY_FOLLOW_UP,
        assignee_id=assignee_id,
        author_id=author_id,
    )


def can_reassign_follow_up(view: PolicyView, *, assignee_id: str, author_id: str) -> bool:
    """The assignee and the author hand their follow-ups on; some roles reassign any."""
    return _handles_follow_up(
        view,
        Capability.REASSIGN_OWN_FOLLOW_UP,
        Capability.REASSIGN_ANY_FOLLOW_UP,
        assignee_id=assignee_id,
        author_id=author_id,
    )


def can_be_assigned_follow_up(assignee: PolicyView, *, note_scope: Scope | str | None) -> bool:
    """An agent (its own compiled view) may be given a follow-up if it handles activity and
    reads the scope of the note the follow-up comes from; customer reach is checked apart."""
    if not (assignee.sees(FieldGroup.ACTIVITY) and can_write_activity(assignee)):
        return False
    return note_scope is None or can_read_scope(assignee, note_scope)


# The field group whose readers see each kind of upstream record a note may be linked to.
_RECORD_GROUPS: dict[str, FieldGroup] = {
    "invoice": FieldGroup.FINANCIALS,
    "order": FieldGroup.ACTIVITY,
    "ticket": FieldGroup.ACTIVITY,
}


def can_link_record(view: PolicyView, kind: str | None) -> bool:
    """True if the principal reads upstream records of this kind (invoices need financial
    rights), so it may link a note to one and see such a link; unknown kinds are refused."""
    group = _RECORD_GROUPS.get(kind or "")
    return group is not None and view.sees(group)


def can_read_orders(view: PolicyView) -> bool:
    """True if the principal reads a customer's orders (and what is derived from them)."""
    return can_link_record(view, "order")


def can_cancel_follow_up(view: PolicyView, *, assignee_id: str, author_id: str) -> bool:
    """The assignee and the author cancel their follow-ups; some roles cancel any."""
    return _handles_follow_up(
        view,
        Capability.CANCEL_OWN_FOLLOW_UP,
        Capability.CANCEL_ANY_FOLLOW_UP,
        assignee_id=assignee_id,
        author_id=author_id,
    )


def can_reschedule_follow_up(view: PolicyView, *, assignee_id: str, author_id: str) -> bool:
    """The assignee and the author move their follow-ups' due time; some roles any."""
    return _handles_follow_up(
        view,
        Capability.RESCHEDULE_OWN_FOLLOW_UP,
        Capability.RESCHEDULE_ANY_FOLLOW_UP,
        assignee_id=assignee_id,
        author_id=author_id,
    )


class FollowUpListing(StrEnum):
    """Which follow-ups `followUps` lists for a principal (always within its reach and only
    those whose note it reads)."""

    ALL = "all"  # every follow-up of the customers it reaches (the team view)
    OWN = "own"  # only those assigned to it or created by it
    NONE = "none"  # refused


def follow_up_listing(view: PolicyView) -> FollowUpListing:
    """How far the principal lists follow-ups; activity data, so never without that group."""
    if not view.sees(FieldGroup.ACTIVITY):
        return FollowUpListing.NONE
    if view.can(Capability.LIST_ANY_FOLLOW_UPS):
        return FollowUpListing.ALL
    if view.can(Capability.LIST_OWN_FOLLOW_UPS):
        return FollowUpListing.OWN
    return FollowUpListing.NONE


def is_directory_agent(view: PolicyView) -> bool:
    """True if the principal is staff: an agent that must be in the agent directory to write."""
    return view.can(Capability.AGENT_DIRECTORY_MEMBER)
