"""Enum values inside JSON (audit `before`/`after`, note history) shown as GraphQL names.

The store keeps enum-valued fields of its JSON snapshots as their stored lower-case values
(`"scope": "sales"`); the API shows every enum value by its UPPER_CASE name, JSON included.
The conversion happens here, on the way out, so stored rows are never rewritten and the
search index, filters and digests keep reading the stored values.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from schema.closed_sets import Role
from schema.enums import (
    Importance,
    InteractionPurpose,
    InteractionType,
    NoteCategory,
    NoteType,
    RiskFlagKind,
    Scope,
)

# The enum-valued keys of each audited target's snapshot (store/*.py `audit.append` calls).
NOTE_ENUMS: Mapping[str, type[StrEnum]] = {
    "category": NoteCategory,
    "type": NoteType,
    "scope": Scope,
    "importance": Importance,
}
TARGET_ENUMS: Mapping[str, Mapping[str, type[StrEnum]]] = {
    "note": NOTE_ENUMS,
    "risk_flag": {"kind": RiskFlagKind},
    "interaction": {"type": InteractionType, "purpose": InteractionPurpose},
    "customer": {"to": Scope},  # a sales → support handoff names the scope it hands to
    "agent": {"role": Role},
}


SHOWN = 'Enum values in it are their GraphQL names (UPPER_CASE), e.g. "scope": "SALES".'


def shown_note_field(name: str, value: Any) -> Any:
    """One field of a note snapshot (a history change) as the API shows it."""
    enum = NOTE_ENUMS.get(name)
    return shown_value(enum, value) if enum is not None else value


def shown_value(enum: type[StrEnum], value: Any) -> Any:
    """A stored enum value as its GraphQL name; anything else (or an unknown value) as is."""
    if isinstance(value, str):
        for member in enum:
            if member.value == value:
                return member.name
    return value


def shown_values(target_type: str | None, values: dict[str, Any] | None) -> dict[str, Any] | None:
    """Enum values are their UPPER_CASE GraphQL names (`"scope": "SALES"`)."""
    enums = TARGET_ENUMS.get(target_type or "", {})
    if values is None or not enums:
        return values
    return {
        key: shown_value(enums[key], value) if key in enums else value
        for key, value in values.items()
    }
