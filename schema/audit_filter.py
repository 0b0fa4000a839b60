"""The one `AuditFilter` input of every list of audit entries (`auditLog`, `Customer360.audit`)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import strawberry

from schema.filter_args import either
from schema.node import AGENT, CUSTOMER, parse_optional_id
from store import audit


@strawberry.input(
    description="Narrow a list of audit entries; the fields combine with AND. `from`/`to` "
    "bound the time of the entry."
)
class AuditFilter:
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="The customer (global id; the raw key until v2)."
    )
    agent_id: strawberry.ID | None = strawberry.field(
        default=None, description="The agent who acted (the agent's global id or agentId)."
    )
    action: str | None = strawberry.field(
        default=None, description="One action, exactly (e.g. `note.update`)."
    )
    from_: datetime | None = strawberry.field(
        default=None, name="from", description="At or after this instant."
    )
    to: datetime | None = strawberry.field(
        default=None, description="Before this instant (half-open: `to` itself is outside)."
    )
    outcome: AuditOutcome | None = strawberry.field(
        default=None, description="DENIED: refusals only (actions starting `denied:`)."
    )


@strawberry.enum(description="Whether an audited action was carried out or refused.")
class AuditOutcome(StrEnum):
    ALLOWED = "allowed"
    DENIED = "denied"


def parse_audit_filter(
    given: AuditFilter | None,
    *,
    customer_id: strawberry.ID | None = None,
    actor_id: strawberry.ID | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> audit.AuditFilter:
    """The store's filter from `filter` and the old flat arguments (BAD_USER_INPUT when one
    field comes both ways)."""
    given = given or AuditFilter()
    customer = either(given.customer_id, customer_id, "customerId")
    agent = either(given.agent_id, actor_id, "agentId")
    action = given.action.strip() if given.action else None
    return audit.AuditFilter(
        customer_id=parse_optional_id(customer or None, CUSTOMER, "filter.customerId"),
        actor_id=parse_optional_id(agent or None, AGENT, "filter.agentId"),
        action=action or None,
        since=either(given.from_, since, "from"),
        until=either(given.to, until, "to"),
        denied=None if given.outcome is None else given.outcome is AuditOutcome.DENIED,
    )
