"""Attachment metadata: who may see one, recording an upload, soft delete; audited.

An attachment is derived from what it is attached to: one on a note exists only for readers
of that note; one on the customer alone for callers who reach the customer and see its
activity fields. A deleted one exists for nobody's lists or downloads (its row stays, with
its audit trail). Anything hidden is NOT_FOUND, exactly like an id that never existed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Conflict, NotFound, PolicyDenied
from policies.decisions import can_delete_attachment, can_upload_attachment
from policies.view import PolicyView
from policies.vocabulary import FieldGroup
from store import audit
from store.attachment_reads import attachment_readable
from store.models import Attachment, Note
from store.references import require_customer
from store.validation import Unreachable
from store.visibility import readable_notes
from store.write_context import WriteContext

AUDIT_TARGET = "attachment"


async def visible_attachment(
    session: AsyncSession, view: PolicyView, attachment_id: str
) -> Attachment | None:
    """The live attachment if the caller may see it; None for hidden and unknown alike."""
    return await session.scalar(
        select(Attachment).where(Attachment.id == attachment_id, attachment_readable(view))
    )


@dataclass(frozen=True, slots=True)
class UploadTarget:
    """What an upload is attached to: a customer, and optionally one of its notes."""

    customer_id: str
    note_id: str | None = None


async def check_target(session: AsyncSession, ctx: WriteContext, target: UploadTarget) -> None:
    """Refuse an upload the caller may not make: FORBIDDEN without the capability, NOT_FOUND
    for a customer or note it cannot read (a note of another customer is NOT_FOUND too)."""
    if not can_upload_attachment(ctx.view):
        raise PolicyDenied("the caller may not upload attachments")
    customer = await require_customer(session, ctx.view, target.customer_id)
    if target.note_id is None:
        if not ctx.view.sees(FieldGroup.ACTIVITY):
            raise Unreachable(f"customer {target.customer_id!r} not found", field="customerId")
        return
    note = await session.scalar(
        select(Note.id).where(
            Note.id == target.note_id, Note.customer_id == customer.id, readable_notes(ctx.view)
        )
    )
    if note is None:
        exists = await session.get(Note, target.note_id) is not None
        error = Unreachable if exists else NotFound
        raise error(f"note {target.note_id!r} not found", field="noteId")


@dataclass(frozen=True, slots=True)
class StoredFile:
    """What the upload stream produced: the blob key and what was measured on the way."""

    storage_key: str
    file_name: str
    content_type: str
    size_bytes: int
    sha256: str
    sealed: bool = False


async def record_upload(
    session: AsyncSession, ctx: WriteContext, target: UploadTarget, stored: StoredFile
) -> Attachment:
    """Insert the metadata row and its audit row (the caller's transaction holds both)."""
    await check_target(session, ctx, target)
    row = Attachment(
        customer_id=target.customer_id,
        note_id=target.note_id,
        file_name=stored.file_name,
        content_type=stored.content_type,
        size_bytes=stored.size_bytes,
        sha256=stored.sha256,
        storage_key=stored.storage_key,
        sealed=stored.sealed,
        uploaded_by=ctx.actor,
        uploaded_at=ctx.now,
    )
    session.add(row)
    await session.flush()
    await audit.append(
        session,
        ctx,
        "attachment.upload",
        audit.Target(AUDIT_TARGET, row.id, row.customer_id),
        after={
            "file_name": row.file_name,
            "content_type": row.content_type,
            "size_bytes": row.size_bytes,
            "sha256": row.sha256,
            "note_id": row.note_id,
        },
    )
    return row


async def record_download(session: AsyncSession, ctx: WriteContext, row: Attachment) -> None:
    """Audit one download of an attachment the caller may see."""
    await audit.append(
        session,
        ctx,
        "attachment.download",
        audit.Target(AUDIT_TARGET, row.id, row.customer_id),
        detail={"sha256": row.sha256, "size_bytes": row.size_bytes},
    )


async def delete_attachment(
    session: AsyncSession, ctx: WriteContext, attachment_id: str
) -> Attachment:
    """Soft-delete an attachment the caller sees: its uploader, or a role that deletes any."""
    row = await session.scalar(
        select(Attachment)
        .where(Attachment.id == attachment_id, attachment_readable(ctx.view, include_deleted=True))
        .with_for_update()
    )
    if row is None:
        if await session.get(Attachment, attachment_id) is not None:
            raise Unreachable(f"attachment {attachment_id!r} not found", field="id")
        raise NotFound(f"attachment {attachment_id!r} not found", field="id")
    if not can_delete_attachment(ctx.view, uploaded_by=row.uploaded_by):
        raise PolicyDenied("the caller may not delete this attachment")
    if row.deleted_at is not None:
        raise Conflict("the attachment is already deleted", field="id")
    row.deleted_at, row.deleted_by = ctx.now, ctx.actor
    await session.flush()
    await audit.append(
        session,
        ctx,
        "attachment.delete",
        audit.Target(AUDIT_TARGET, row.id, row.customer_id),
        before={"deleted_at": None},
        after={"deleted_at": ctx.now.isoformat()},
    )
    return row
