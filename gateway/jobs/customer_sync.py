"""The `sync-customers` job: copy the CRM's directory into the store's customer references."""

from __future__ import annotations

from dataclasses import dataclass

from core.progress import SILENT, Progress
from datasources.records import CustomerRecord
from gateway.runtime import Runtime
from store.customer_refs import CustomerReference, link_referrals, upsert_customers
from store.write_context import transaction

PAGE_SIZE = 1000
TASK = "customers from the CRM"


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What a sync wrote."""

    customers: int
    referrals: int

    def __str__(self) -> str:
        return f"synced {self.customers} customers from the CRM ({self.referrals} referrals)"


def _reference(record: CustomerRecord) -> CustomerReference:
    return CustomerReference(
        id=record.id,
        name=record.name,
        email=record.email,
        phone=record.phone,
        branch_id=record.branch_id,
        partner_id=record.partner_id,
        owner_agent_id=record.owner_agent_id,
        vip=record.vip,
        created_at=record.created_at,
        referred_by_id=record.referred_by_id,
        last_activity_at=record.last_activity_at,
    )


async def sync_customers(runtime: Runtime, *, progress: Progress = SILENT) -> SyncReport:
    """Page through the CRM by id and upsert every customer; then link referrals."""
    crm = runtime.require_upstreams().crm
    seen: list[CustomerReference] = []
    # The CRM does not say how many customers it holds: the task's total stays unknown.
    progress.start(TASK)
    after: str | None = None
    while True:
        page = await crm.list_customers(first=PAGE_SIZE, after=after)
        if not page:
            break
        references = [_reference(record) for record in page]
        async with transaction(runtime.sessions) as session:
            await upsert_customers(session, references)
        seen += references
        after = page[-1].id
        progress.advance(TASK, len(references))
    progress.finish(TASK)
    async with transaction(runtime.sessions) as session:
        referrals = await link_referrals(session, seen)
    return SyncReport(customers=len(seen), referrals=referrals)
