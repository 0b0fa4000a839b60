"""The indexed note fields, declared once: documents, the OpenSearch mapping and the embedded
tables are all derived from `FIELDS` (a test checks that the three agree).

The reach fields (branch, partner, assigned agents, customer) are what both backends filter a
caller's `NoteVisibility` on; `store.customer_refs` re-queues a customer's notes whenever the
CRM sync changes one of them, so the copies in the index stay current.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """How a field is indexed (named after its OpenSearch type)."""

    KEYWORD = "keyword"
    TEXT = "text"
    LONG = "long"
    BOOLEAN = "boolean"
    DATE = "date"


@dataclass(frozen=True, slots=True)
class IndexedField:
    """One field of a note's index document."""

    name: str
    kind: Kind
    # A list of keywords: in the embedded backend a side table of (doc_id, `item`) rows.
    item: str | None = None
    # Present in a tombstone (a deleted note's content-free document).
    tombstone: bool = False
    # Never null in the embedded documents table.
    required: bool = False

    @property
    def many(self) -> bool:
        """True for a list-valued field (tags, assigned agents)."""
        return self.item is not None


FIELDS: tuple[IndexedField, ...] = (
    IndexedField("note_id", Kind.KEYWORD, tombstone=True, required=True),
    IndexedField("version", Kind.LONG, tombstone=True, required=True),
    IndexedField("deleted", Kind.BOOLEAN, tombstone=True, required=True),
    IndexedField("subject", Kind.TEXT),
    IndexedField("body", Kind.TEXT),
    IndexedField("tags", Kind.KEYWORD, item="tag"),
    IndexedField("scope", Kind.KEYWORD),
    IndexedField("type", Kind.KEYWORD),
    IndexedField("category", Kind.KEYWORD),
    IndexedField("importance", Kind.KEYWORD),
    # The suggested (or overridden) labels; absent until the note is classified.
    IndexedField("sentiment", Kind.KEYWORD),
    IndexedField("urgency", Kind.KEYWORD),
    IndexedField("pinned", Kind.BOOLEAN),
    IndexedField("author_id", Kind.KEYWORD),
    IndexedField("customer_id", Kind.KEYWORD),
    IndexedField("branch_id", Kind.KEYWORD),
    IndexedField("partner_id", Kind.KEYWORD),
    IndexedField("assigned_agents", Kind.KEYWORD, item="agent_id"),
    IndexedField("created_at", Kind.DATE),
    IndexedField("updated_at", Kind.DATE),
)
