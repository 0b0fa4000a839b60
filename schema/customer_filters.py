"""Customer360's own lists (notes, audit) narrowed by their kind's one filter.

A list under a customer is that customer's: a `filter.customerId` naming another customer
is a contradiction the caller should hear about (BAD_USER_INPUT), not an empty page.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import strawberry

from core.errors import UserInputError
from schema.filter_args import deprecated_argument
from store import audit, note_reads


def old_argument(field: str, *, name: str | None = None) -> Any:
    """A deprecated flat argument of `Customer360.notes` that `filter.<field>` replaces."""
    return strawberry.argument(name=name, deprecation_reason=deprecated_argument(field))


def _same_customer(given: str | None, customer_id: str) -> None:
    if given is not None and given != customer_id:
        raise UserInputError(
            "`filter.customerId` names another customer than this one",
            field="filter.customerId",
        )


def own_notes(note_filter: note_reads.NoteFilter, customer_id: str) -> note_reads.NoteFilter:
    """`note_filter` for this customer's notes; another customer is BAD_USER_INPUT."""
    _same_customer(note_filter.customer_id, customer_id)
    return replace(note_filter, customer_id=None)


def own_entries(audit_filter: audit.AuditFilter, customer_id: str) -> audit.AuditFilter:
    """`audit_filter` for this customer's audit trail; another customer is BAD_USER_INPUT."""
    _same_customer(audit_filter.customer_id, customer_id)
    return replace(audit_filter, customer_id=customer_id)
