"""Which attachments a caller may see: one WHERE clause for lists, downloads, deletes and the
audit rows about them (an attachment exists only for readers of what it is attached to).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, false, or_, select

from policies.view import PolicyView
from policies.vocabulary import FieldGroup
from store.models import Attachment, Customer, Note
from store.visibility import reachable_customers, readable_notes


def attachment_readable(view: PolicyView, *, include_deleted: bool = False) -> ColumnElement[bool]:
    """A WHERE clause on `Attachment`: the caller reaches its customer and reads its note
    (or, without a note, sees the customer's activity fields); live ones unless asked."""
    readable = select(Note.id).where(readable_notes(view))
    on_customer = Attachment.note_id.is_(None) if view.sees(FieldGroup.ACTIVITY) else false()
    clauses = [
        Attachment.customer_id.in_(select(Customer.id).where(reachable_customers(view))),
        or_(on_customer, Attachment.note_id.in_(readable)),
    ]
    if not include_deleted:
        clauses.append(Attachment.deleted_at.is_(None))
    return and_(*clauses)
