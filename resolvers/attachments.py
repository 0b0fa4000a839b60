"""Resolvers for attachment writes made through GraphQL (soft delete); uploads and downloads
are HTTP routes of their own (gateway/attachments.py)."""

from __future__ import annotations

from resolvers.context import Info
from resolvers.writes import Outcome, perform
from store.attachments import AUDIT_TARGET, delete_attachment
from store.audit import Target
from store.customer_records import StoredCustomer
from store.models import Attachment


async def resolve_delete_attachment(info: Info, attachment_id: str) -> Outcome[Attachment]:
    """Soft-delete an attachment the caller sees and may delete."""
    return await perform(
        info,
        "attachment.delete",
        Target(AUDIT_TARGET, attachment_id),
        lambda s, ctx: delete_attachment(s, ctx, attachment_id),
    )


async def resolve_attachment_customer(info: Info, customer_id: str) -> StoredCustomer | None:
    """The customer an attachment belongs to, for the delete payload (reach checked)."""
    return await info.context.store.customer_by_id.load(customer_id)
