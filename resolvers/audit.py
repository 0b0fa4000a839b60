"""Resolvers for reading the audit log (there is no way to change it)."""

from __future__ import annotations

from policies.decisions import can_read_audit_log
from resolvers.access_audit import audit_rows_shown
from resolvers.context import Info
from resolvers.guards import require_authenticated
from resolvers.writes import deny
from store.audit import AuditFilter, Target, audit_page
from store.models import AuditLog
from store.pagination import Page, PageRequest


async def resolve_audit_log(
    info: Info, audit_filter: AuditFilter, request: PageRequest
) -> Page[AuditLog]:
    """A page of the audit log, newest first, for principals allowed to read it."""
    require_authenticated(info)
    if not can_read_audit_log(info.context.policy):
        target = Target("audit_log", None, audit_filter.customer_id)
        raise await deny(info, "audit_log.read", target, "the caller may not read the audit log")
    async with info.context.sessions() as session:
        page = await audit_page(session, info.context.policy, audit_filter, request)
    audit_rows_shown(info, (row.customer_id for row in page.items), audit_filter.customer_id)
    return page
