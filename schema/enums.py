"""The store's closed vocabularies exposed as GraphQL enums (one definition, two uses).

`strawberry.enum` registers a class in place, so the schema uses the store's own enum
classes; import them from here to be sure the registration has happened.
"""

from __future__ import annotations

import strawberry

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

__all__ = [
    "Importance",
    "InteractionPurpose",
    "InteractionType",
    "NoteCategory",
    "NoteType",
    "RiskFlagKind",
    "Scope",
]
