"""The `sync-customers` job: copy the CRM's directory into the store's customer references."""

from __future__ import annotations

from dataclasses import dataclass

from rich.progress import Progress, SpinnerColumn, TextColumn

from core.metrics import Metrics
from core.settings import Settings
from datasources.config import UpstreamConfig
from datasources.records import CustomerRecord
from datasources.registry import Upstreams
from store.customer_refs import CustomerReference, link_referrals, upsert_customers
from store.db import create_engine, session_factory
from store.write_context import transaction

PAGE_SIZE = 1000


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
    )


async def sync_customers(
    settings: Settings, upstream_config: UpstreamConfig, *, progress: bool
) -> SyncReport:
    """Page through the CRM by id and upsert every customer; then link referrals."""
    engine = create_engine(settings.database_url)
    sessions = session_factory(engine)
    upstreams = Upstreams(upstream_config, Metrics())
    seen: list[CustomerReference] = []
    try:
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), disable=not progress
        ) as bar:
            task = bar.add_task("customers from the CRM: 0")
            after: str | None = None
            while True:
                page = await upstreams.crm.list_customers(first=PAGE_SIZE, after=after)
                if not page:
                    break
                references = [_reference(record) for record in page]
                async with transaction(sessions) as session:
                    await upsert_customers(session, references)
                seen += references
                after = page[-1].id
                bar.update(task, description=f"customers from the CRM: {len(seen):,}")
        async with transaction(sessions) as session:
            referrals = await link_referrals(session, seen)
    finally:
        await upstreams.aclose()
        await engine.dispose()
    return SyncReport(customers=len(seen), referrals=referrals)
