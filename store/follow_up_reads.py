"""Which follow-ups exist for a caller: a follow-up is derived from its note.

A follow-up made from a note carries that note's instructions (and its id), so it is shown
only to a reader of the note, in the scope the note has now; deleting the note, or moving it
out of the reader's scopes, hides its follow-ups too. A follow-up made from an interaction
(or by the outreach trigger) has no note and is shown to staff who reach the customer.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select

from policies.view import PolicyView
from store.models import Customer, FollowUp, Note
from store.visibility import reachable_customers, readable_notes


def follow_up_source_readable(view: PolicyView) -> ColumnElement[bool]:
    """A WHERE clause on `FollowUp`: no note, or a note the caller reads."""
    readable = select(Note.id).where(readable_notes(view))
    return or_(FollowUp.note_id.is_(None), FollowUp.note_id.in_(readable))


def visible_follow_ups(view: PolicyView) -> ColumnElement[bool]:
    """A WHERE clause on `FollowUp`: a reachable customer and a readable source."""
    reachable = select(Customer.id).where(reachable_customers(view))
    return FollowUp.customer_id.in_(reachable) & follow_up_source_readable(view)
