"""Resolvers for `node(id:)` / `nodes(ids:)`: one object by its type and raw key.

Each function answers the record the caller would see through the ordinary fields, or None:
it goes through the same policy-filtered loaders (a note through note visibility, a customer
through reach, a customer's rows through the customer's reach, the field group of the list
they appear in and that list's own filter; an upstream record through its customer and the
field group of its list). Unknown, hidden and malformed keys are alike None, so a node
lookup reveals nothing the ordinary fields do not.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import select

from core.errors import UpstreamUnavailable
from datasources.records import (
    Delivery,
    Installation,
    InvoiceRecord,
    OrderRecord,
    PaymentRecord,
    TicketRecord,
)
from policies.decisions import can_read_audit_log, can_read_intake, can_read_orders
from policies.vocabulary import FieldGroup
from resolvers.access_audit import group_shown, rows_shown
from resolvers.context import Info
from resolvers.guards import require_authenticated
from resolvers.timeline import TimelineEntry, resolve_timeline
from resolvers.upstream import resolve_invoices, resolve_payments, resolve_tickets
from store import choices, intake
from store.activity_pages import visible_activity_row
from store.audit import Target, visible_audit
from store.customer_records import StoredCustomer
from store.directory import customer_exists
from store.enums import ChoiceList
from store.models import (
    Attachment,
    AuditLog,
    ChoiceOption,
    Customer,
    FollowUp,
    Interaction,
    NoteRevision,
    RiskFlag,
)
from store.note_history import visible_revision
from store.note_reads import NoteRow

T = TypeVar("T")

# The merged timeline is searched whole for one entry (as Customer360.timeline builds it).
TIMELINE_LIMIT = 10_000


async def customer(info: Info, customer_id: str) -> StoredCustomer | None:
    """A customer the caller reaches; one out of reach is audited as `customer(id)` does."""
    require_authenticated(info)
    row = await info.context.store.customer_by_id.load(customer_id)
    if row is None:
        async with info.context.sessions() as session:
            if await customer_exists(session, customer_id):
                info.context.denials.add(
                    "read:customer",
                    Target(type="Customer", id=customer_id, customer_id=customer_id),
                    "customer out of the caller's reach",
                )
    return row


async def note(info: Info, note_id: str) -> NoteRow | None:
    """A note the caller reads."""
    require_authenticated(info)
    row = await info.context.store.note_by_id.load(note_id)
    rows_shown(info, [row])
    return row


async def note_revision(info: Info, note_id: str, version: str) -> NoteRevision | None:
    """One edit of a note the caller reads, if the caller may see that edit."""
    row = await note(info, note_id)
    if row is None:
        return None
    if not version.isdecimal():
        return None
    async with info.context.sessions() as session:
        return await visible_revision(session, info.context.policy, note_id, int(version))


_CustomerRow = type[Interaction] | type[FollowUp] | type[RiskFlag] | type[Attachment]


async def _customer_of(info: Info, model: _CustomerRow, key: str) -> str | None:
    """The customer a stored row belongs to (routing only: the answer is checked after)."""
    async with info.context.sessions() as session:
        found = await session.scalar(select(model.customer_id).where(model.id == key))
    return None if found is None else str(found)


def _find(rows: Sequence[T], key: str, attribute: str = "id") -> T | None:
    return next((row for row in rows if str(getattr(row, attribute)) == key), None)


async def _reached(info: Info, customer_id: str, group: FieldGroup | None) -> bool:
    """Whether the caller reaches the customer and sees the field group of the list."""
    require_authenticated(info)
    if group is not None and not info.context.policy.sees(group):
        return False
    return await info.context.store.customer_by_id.load(customer_id) is not None


async def interaction(info: Info, key: str) -> Interaction | None:
    """An interaction, as `Customer360.interactions` shows it."""
    customer_id = await _customer_of(info, Interaction, key)
    if customer_id is None or not await _reached(info, customer_id, FieldGroup.ACTIVITY):
        return None
    return _find(await info.context.store.interactions_by_customer_id.load(customer_id), key)


async def follow_up(info: Info, key: str) -> FollowUp | None:
    """A follow-up, as `Customer360.followUps` shows it."""
    customer_id = await _customer_of(info, FollowUp, key)
    if customer_id is None or not await _reached(info, customer_id, FieldGroup.ACTIVITY):
        return None
    async with info.context.sessions() as session:
        return await visible_activity_row(session, info.context.policy, FollowUp, key)


async def risk_flag(info: Info, key: str) -> RiskFlag | None:
    """A risk flag, as `Customer360.riskFlags` shows it."""
    customer_id = await _customer_of(info, RiskFlag, key)
    if customer_id is None or not await _reached(info, customer_id, FieldGroup.RISK_FLAGS):
        return None
    found = _find(await info.context.store.risk_flags_by_customer_id.load(customer_id), key)
    if found is not None:
        group_shown(info, customer_id, FieldGroup.RISK_FLAGS)
    return found


async def attachment(info: Info, key: str) -> Attachment | None:
    """An attachment's metadata, as `Customer360.attachments` shows it."""
    customer_id = await _customer_of(info, Attachment, key)
    if customer_id is None or not await _reached(info, customer_id, FieldGroup.ACTIVITY):
        return None
    async with info.context.sessions() as session:
        return await visible_activity_row(session, info.context.policy, Attachment, key)


async def audit_entry(info: Info, key: str) -> AuditLog | None:
    """An audit row, for readers of the audit log who may see that row."""
    require_authenticated(info)
    if not key.isdecimal() or not can_read_audit_log(info.context.policy):
        return None
    async with info.context.sessions() as session:
        return await session.scalar(
            select(AuditLog).where(AuditLog.id == int(key), visible_audit(info.context.policy))
        )


async def intake_failure(info: Info, key: str) -> tuple[Any, bool] | None:
    """An intake failure and whether its customer is a VIP, for readers of the dead letter."""
    require_authenticated(info)
    if not can_read_intake(info.context.policy):
        return None
    async with info.context.sessions() as session:
        failure = (await intake.get_many(session, [key])).get(key)
        if failure is None:
            return None
        vip = failure.customer_id is not None and bool(
            await session.scalar(select(Customer.vip).where(Customer.id == failure.customer_id))
        )
    return failure, vip


async def choice(info: Info, list_name: str, value: str) -> ChoiceOption | None:
    """One choice of an admin-managed list (retired ones too: history names them)."""
    require_authenticated(info)
    if list_name not in set(ChoiceList):
        return None
    async with info.context.sessions() as session:
        rows = await choices.choices(session, ChoiceList(list_name), include_retired=True)
    return _find(rows, value, "value")


async def order(info: Info, customer_id: str, number: str) -> OrderRecord | None:
    """An order or quote, as `Customer360.orders` shows it."""
    if not can_read_orders(info.context.policy) or not await _reached(
        info, customer_id, FieldGroup.ACTIVITY
    ):
        return None
    loaders = info.context.upstream
    if loaders is None:
        raise UpstreamUnavailable("no upstream systems are configured", source="gateway")
    result = await loaders.orders_by_customer_id.load(customer_id)
    found = _find(result.orders, number, "number")
    if found is None:
        # Not there: perhaps on a channel that failed (other channels' failures are noise).
        for error in result.errors:
            info.context.partial.add(error, tuple(info.path.as_list()))
    return found


async def delivery(
    info: Info, customer_id: str, number: str, reference: str
) -> tuple[Delivery, OrderRecord] | None:
    """A delivery of an order, as `Order.deliveries` shows it."""
    found = await order(info, customer_id, number)
    row = None if found is None else _find(found.deliveries, reference, "reference")
    return None if found is None or row is None else (row, found)


async def installation(
    info: Info, customer_id: str, number: str, reference: str
) -> tuple[Installation, OrderRecord] | None:
    """An installation of an order, as `Order.installations` shows it."""
    found = await order(info, customer_id, number)
    row = None if found is None else _find(found.installations, reference, "reference")
    return None if found is None or row is None else (row, found)


async def invoice(info: Info, customer_id: str, number: str) -> InvoiceRecord | None:
    """An invoice, as `Customer360.invoices` shows it."""
    if not await _reached(info, customer_id, FieldGroup.FINANCIALS):
        return None
    found = _find(await resolve_invoices(info, customer_id), number, "number")
    if found is not None:
        group_shown(info, customer_id, FieldGroup.FINANCIALS)
    return found


async def payment(info: Info, customer_id: str, reference: str) -> PaymentRecord | None:
    """A ledger entry, as `Customer360.payments` shows it."""
    if not await _reached(info, customer_id, FieldGroup.FINANCIALS):
        return None
    found = _find(await resolve_payments(info, customer_id), reference, "reference")
    if found is not None:
        group_shown(info, customer_id, FieldGroup.FINANCIALS)
    return found


async def ticket(info: Info, customer_id: str, ticket_id: str) -> TicketRecord | None:
    """A helpdesk case, as `Customer360.tickets` shows it."""
    if not await _reached(info, customer_id, FieldGroup.ACTIVITY):
        return None
    return _find(await resolve_tickets(info, customer_id), ticket_id)


async def timeline_entry(
    info: Info, customer_id: str, kind: str, reference: str
) -> TimelineEntry | None:
    """An entry of the merged timeline, as `Customer360.timeline` shows it."""
    if not await _reached(info, customer_id, FieldGroup.ACTIVITY):
        return None
    entries = await resolve_timeline(info, customer_id, first=TIMELINE_LIMIT)
    return next((e for e in entries if e.kind == kind and e.reference == reference), None)
