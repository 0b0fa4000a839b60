"""Mutations on attachments: soft delete (upload and download are HTTP routes, see README)."""

from __future__ import annotations

import strawberry

from resolvers import attachments
from resolvers.context import Info
from schema.customer import Customer360
from schema.customer_links import Attachment
from schema.node import parse_id
from schema.user_errors import UserError


@strawberry.input(description="The attachment to delete.")
class DeleteAttachmentInput:
    id: strawberry.ID = strawberry.field(description="The attachment's id.")


@strawberry.type
class DeleteAttachmentPayload:
    attachment: Attachment | None = strawberry.field(
        description="The deleted attachment (`deleted: true`), so a cache can drop it."
    )
    customer: Customer360 | None = strawberry.field(
        description="The customer whose `attachments` list changed."
    )
    errors: list[UserError]


@strawberry.type
class AttachmentMutation:
    @strawberry.mutation(
        description="Soft-delete an attachment: the uploader deletes its own, owner, admin and "
        "manager any they can see. It leaves every list and can no longer be downloaded; the "
        "row and its audit trail stay."
    )
    async def delete_attachment(
        self, info: Info, input: DeleteAttachmentInput
    ) -> DeleteAttachmentPayload | None:
        result = await attachments.resolve_delete_attachment(
            info, parse_id(input.id, "Attachment", "input.id")
        )
        row = result.value
        customer = (
            await attachments.resolve_attachment_customer(info, row.customer_id) if row else None
        )
        return DeleteAttachmentPayload(
            attachment=Attachment.from_record(row) if row else None,
            customer=Customer360.from_record(customer) if customer else None,
            errors=UserError.from_records(result.errors),
        )
