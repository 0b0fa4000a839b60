"""Customer360's links to other records: who referred the customer, and its attachments."""

from __future__ import annotations

from datetime import datetime
from typing import Self
from urllib.parse import quote

import strawberry

from policies.vocabulary import FieldGroup
from resolvers.context import Info
from resolvers.lists import attachment_page
from schema.agents import Agent, agent_field, deprecated_id, named_agent
from schema.connections import PAGE_ARGUMENTS, Connection
from schema.customer_upstream import CustomerRef
from schema.field_access import RequiresFieldGroup
from schema.node import Node, NodeID, raw_key
from store.models import Attachment as AttachmentRow
from store.pagination import page_request


@strawberry.type(
    description="Metadata of a file attached to the customer or one of its notes; the bytes "
    "are downloaded from `url`."
)
class Attachment(Node):
    id: NodeID[str]
    attachment_id: strawberry.ID = raw_key("attachment")
    note_id: strawberry.ID | None
    file_name: str
    content_type: str
    size_bytes: int
    sha256: str
    uploaded_by: strawberry.ID = strawberry.field(
        deprecation_reason=deprecated_id("uploadedByAgent")
    )
    uploaded_at: datetime
    deleted_at: datetime | None = strawberry.field(
        default=None, description="When it was deleted; deleted ones appear only in a payload."
    )

    @strawberry.field(description="True once deleted (`deleteAttachment`).")
    def deleted(self) -> bool:
        return self.deleted_at is not None

    @strawberry.field(
        description="Where to download the bytes (GET with the same bearer token), relative "
        "to the gateway's origin."
    )
    def url(self) -> str:
        return f"/attachments/{quote(str(self.id), safe='')}"

    @strawberry.field(description=agent_field("Who attached the file."))
    async def uploaded_by_agent(self, info: Info) -> Agent | None:
        return await named_agent(info, self.uploaded_by)

    @classmethod
    def from_record(cls, row: AttachmentRow) -> Self:
        """Build from a store row."""
        return cls(
            id=row.id,
            note_id=strawberry.ID(row.note_id) if row.note_id else None,
            file_name=row.file_name,
            content_type=row.content_type,
            size_bytes=row.size_bytes,
            sha256=row.sha256,
            uploaded_by=strawberry.ID(row.uploaded_by),
            uploaded_at=row.uploaded_at,
            deleted_at=row.deleted_at,
        )


@strawberry.type
class CustomerLinkFields:
    # The stored id; shown only through the fields below, for a customer the caller reaches.
    referred_by_id: strawberry.Private[strawberry.ID | None]

    @strawberry.field(
        name="referredById",
        description="Id of the customer who referred this one, if the caller reaches it; "
        "null otherwise (an out-of-reach customer's id is never shown).",
    )
    async def visible_referred_by_id(self, info: Info) -> strawberry.ID | None:
        ref = await self.referred_by(info)
        return ref.id if ref else None

    @strawberry.field(description="The customer who referred this one, if the caller reaches it.")
    async def referred_by(self, info: Info) -> CustomerRef | None:
        if self.referred_by_id is None:
            return None
        row = await info.context.store.customer_by_id.load(str(self.referred_by_id))
        return CustomerRef(id=row.id, name=row.name) if row else None

    @strawberry.field(
        description="Attachment metadata, newest first. "
        + PAGE_ARGUMENTS
        + " Null with FORBIDDEN when the caller's role may not see activity fields.",
        extensions=[RequiresFieldGroup(FieldGroup.ACTIVITY)],
    )
    async def attachments(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Attachment] | None:
        source_id = str(getattr(self, "id", None))
        page = await attachment_page(info, source_id, page_request(first, after, last, before))
        return Connection.of(page, Attachment.from_record)
