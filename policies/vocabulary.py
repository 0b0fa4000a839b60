"""The words the policy speaks: note scopes, field groups, customer reach kinds, actions."""

from __future__ import annotations

from enum import StrEnum


class Scope(StrEnum):
    """Visibility scope of a note; the policy decides which roles read and write each one."""

    INTERNAL = "internal"
    SALES = "sales"
    BRANCH = "branch"
    SUPPORT = "support"
    FINANCE = "finance"
    FULFILLMENT = "fulfillment"
    RESTRICTED = "restricted"
    CUSTOMER = "customer"


class FieldGroup(StrEnum):
    """Groups of Customer360 fields that only some roles may see."""

    FINANCIALS = "financials"
    RISK_FLAGS = "risk_flags"
    LIFETIME_VALUE = "lifetime_value"
    AUDIT = "audit"
    # Interactions, follow-ups and customer tags: staff working data, not for portals.
    ACTIVITY = "activity"


class Reach(StrEnum):
    """How a role reaches customers: all of them, or a slice named by the token's claims."""

    ALL = "all"
    BRANCH = "branch"
    PARTNER = "partner"
    ASSIGNED = "assigned"
    SELF = "self"


class Capability(StrEnum):
    """Actions beyond reading, as (object, action) pairs in the policy files."""

    EDIT_OWN_NOTE = "note:own/edit"
    DELETE_OWN_NOTE = "note:own/delete"
    EDIT_ANY_NOTE = "note:any/edit"
    DELETE_ANY_NOTE = "note:any/delete"
    RAISE_RISK_FLAG = "risk_flag/raise"
    # The at-risk list and the 360's risk score (the roles that see risk flags).
    READ_AT_RISK = "at_risk/read"
    CLEAR_RISK_FLAG = "risk_flag/clear"
    READ_AUDIT_LOG = "audit_log/read"
    ADMIN_LISTS = "lists/admin"
    # Customer tags, interactions and follow-ups (staff working data).
    WRITE_ACTIVITY = "activity/write"
    # Overriding the suggested sentiment and urgency of an interaction.
    LABEL_INTERACTION = "interaction/label"
    # Completing, reassigning, cancelling a follow-up: its own (assignee or author) or any.
    COMPLETE_OWN_FOLLOW_UP = "follow_up:own/complete"
    COMPLETE_ANY_FOLLOW_UP = "follow_up:any/complete"
    REASSIGN_OWN_FOLLOW_UP = "follow_up:own/reassign"
    REASSIGN_ANY_FOLLOW_UP = "follow_up:any/reassign"
    CANCEL_OWN_FOLLOW_UP = "follow_up:own/cancel"
    CANCEL_ANY_FOLLOW_UP = "follow_up:any/cancel"
    RESCHEDULE_OWN_FOLLOW_UP = "follow_up:own/reschedule"
    RESCHEDULE_ANY_FOLLOW_UP = "follow_up:any/reschedule"
    # Listing follow-ups (`followUps`, the team view): every one of the customers the role
    # reaches, or only its own (assigned to or created by the caller).
    LIST_ANY_FOLLOW_UPS = "follow_up:any/list"
    LIST_OWN_FOLLOW_UPS = "follow_up:own/list"
    HAND_OFF_CASE = "case/handoff"
    # Files attached to a customer or a note: uploading, and deleting one's own or any.
    UPLOAD_ATTACHMENT = "attachment/upload"
    DELETE_OWN_ATTACHMENT = "attachment:own/delete"
    DELETE_ANY_ATTACHMENT = "attachment:any/delete"
    READ_REPORTS = "reports/read"
    READ_QA_REPORT = "qa_report/read"
    RELOAD_POLICY = "policy/reload"
    # The order intake dead-letter (operations staff).
    INTAKE_READ = "intake/read"
    INTAKE_REDRIVE = "intake/redrive"
    # The authenticated health view: versions, breaker states, latencies (operations staff).
    READ_HEALTH = "health/read"
    # Staff: an agent of the agent directory (its writes need an active agent row).
    AGENT_DIRECTORY_MEMBER = "agent_directory/member"

    # People (policies/agent_access.py): every agent, the agents of the token's branches, the
    # caller's own record, the name of a person named on a record the caller sees, and the
    # email of the agents seen in full.
    READ_ALL_AGENTS = "agents:all/read"
    READ_BRANCH_AGENTS = "agents:branch/read"
    READ_OWN_AGENT = "agents:self/read"
    READ_NAMED_AGENTS = "agents:named/read"
    READ_AGENT_EMAIL = "agents:email/read"

    @property
    def obj(self) -> str:
        """The policy object, e.g. ``note:own``."""
        return self.value.split("/", 1)[0]

    @property
    def act(self) -> str:
        """The policy action, e.g. ``edit``."""
        return self.value.split("/", 1)[1]


# The policy line that makes a role claimable by a token: p, <role>, token, claim.
TOKEN_CLAIM = ("token", "claim")
