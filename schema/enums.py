"""The store's and the policy's closed vocabularies exposed as GraphQL enums.

`strawberry.enum` registers a class in place, so the schema uses the store's own enum
classes; import them from here to be sure the registration has happened. GraphQL shows each
member by its UPPER_CASE name, whatever its stored value.
"""

from __future__ import annotations

from enum import StrEnum

import strawberry

from policies.vocabulary import Capability, FieldGroup
from store.enums import (
    Importance,
    InteractionPurpose,
    InteractionType,
    NoteCategory,
    NoteType,
    RiskFlagKind,
    Scope,
)

strawberry.enum(NoteCategory, description="What a note is about.")
strawberry.enum(NoteType, description="What kind of record a note is.")
strawberry.enum(Scope, description="Visibility scope of a note.")
strawberry.enum(Importance)
strawberry.enum(InteractionType)
strawberry.enum(InteractionPurpose)
strawberry.enum(RiskFlagKind, description="Controlled vocabulary of risk flags.")
strawberry.enum(FieldGroup, description="Groups of Customer360 fields only some roles see.")
strawberry.enum(Capability, description="Actions beyond reading that the policy grants.")


@strawberry.enum(description="Kind of upstream record a note is about.")
class RefKind(StrEnum):
    """Stored as its lower-case value (`notes.ref_kind`); store/notes.py checks the same set."""

    TICKET = "ticket"
    ORDER = "order"
    INVOICE = "invoice"


__all__ = [
    "Capability",
    "FieldGroup",
    "Importance",
    "InteractionPurpose",
    "InteractionType",
    "NoteCategory",
    "NoteType",
    "RefKind",
    "RiskFlagKind",
    "Scope",
]
