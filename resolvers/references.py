"""Checks a note's reference to an upstream record (ticket, order, invoice) against its source.

Only for a customer the caller reaches (otherwise the store answers NOT_FOUND for the
customer, and nothing about its records is revealed). When the source cannot be asked, the
note is accepted unverified: taking notes must not depend on the helpdesk being up.
"""

from __future__ import annotations

import structlog

from core.errors import GatewayError
from resolvers.context import Info
from store.note_drafts import NoteDraft
from store.validation import Violation, ViolationCode

_log = structlog.get_logger("gateway.references")


async def _exists(info: Info, kind: str, ref_id: str, customer_id: str) -> bool:
    loaders = info.context.upstream
    assert loaders is not None
    if kind == "ticket":
        tickets = await loaders.tickets_by_customer_id.load(customer_id)
        return any(ticket.id == ref_id for ticket in tickets)
    if kind == "order":
        orders = await loaders.orders_by_customer_id.load(customer_id)
        return any(order.number == ref_id for order in orders.orders) or any(
            failure.reference == ref_id for failure in orders.failures
        )
    invoices = await loaders.invoices_by_customer_id.load(customer_id)
    return any(invoice.number == ref_id for invoice in invoices)


async def unknown_reference(info: Info, draft: NoteDraft) -> Violation | None:
    """A NOT_FOUND user error when the referenced record is not the customer's; else None."""
    kind, ref_id = draft.ref_kind, (draft.ref_id or "").strip()
    if kind not in {"ticket", "order", "invoice"} or not ref_id or info.context.upstream is None:
        return None  # shape problems are the store's validation to report
    if await info.context.store.customer_by_id.load(draft.customer_id) is None:
        return None
    try:
        found = await _exists(info, kind, ref_id, draft.customer_id)
    except GatewayError as error:
        _log.warning("note reference not verified", kind=kind, ref_id=ref_id, error=error.code)
        return None
    if found:
        return None
    return Violation(
        "refId", ViolationCode.NOT_FOUND, f"{kind} {ref_id!r} is not one of this customer's"
    )
