"""The administration enums, registered once: import them from here, so that every type using
them (the admin mutations and their inputs) gets the same definition, whichever loads first."""

from __future__ import annotations

import strawberry

from store.enums import ChoiceList
from store.governance import NoteField

strawberry.enum(ChoiceList, description="The admin-managed lists interactions draw from.")
strawberry.enum(NoteField, description="Note fields a governance rule can make mandatory.")

__all__ = ["ChoiceList", "NoteField"]
