"""The search backend interface shared by OpenSearch (production) and the embedded backend.

Both index the same `NoteDocument`s with external versioning (a document is written only if
its version is newer than the stored one) and answer the same `NoteSearch` with the caller's
`NoteVisibility` inside the query. Any failure to reach the backend is `SearchUnavailable`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from search.documents import NoteDocument
from search.request import NoteSearch
from search.results import SearchPage
from store.visibility import NoteVisibility


class WriteStatus(StrEnum):
    """What became of one document in a bulk write."""

    WRITTEN = "written"
    # The index already holds this version or a newer one: nothing to do, and not an error.
    STALE = "stale"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class WriteOutcome:
    """One document's result; `error` says why it failed."""

    note_id: str
    status: WriteStatus
    error: str | None = None


class SearchBackend(Protocol):
    """What the gateway, the indexer and the rebuild need from a note search backend."""

    name: str

    async def ping(self) -> str:
        """Return a short description (e.g. version) or raise SearchUnavailable."""
        ...

    async def close(self) -> None:
        """Release connections."""
        ...

    async def ensure_index(self) -> None:
        """Create the live index (behind its alias) if there is none yet."""
        ...

    async def write(
        self, documents: Sequence[NoteDocument], *, index: str | None = None
    ) -> list[WriteOutcome]:
        """Index documents (live index unless `index` names a rebuild target), one outcome each."""
        ...

    async def search(self, search: NoteSearch, visibility: NoteVisibility) -> SearchPage:
        """One page of hits, the total and the facets, all within the caller's visibility.

        Only the store's `NoteVisibility` is accepted: it is filtered inside the engine on each
        document's scope, tags and reach fields (branch, partner, assigned agents, customer).
        """
        ...

    async def refresh(self) -> None:
        """Make every write so far visible to searches (tests and rebuilds)."""
        ...

    async def create_index(self) -> str:
        """A new, empty versioned index for a rebuild; not yet live."""
        ...

    async def swap_alias(self, index: str) -> list[str]:
        """Make `index` the live one in one atomic step; drop and return the previous ones."""
        ...

    async def drop_index(self, index: str) -> None:
        """Delete a rebuild target that will not go live (a failed rebuild)."""
        ...
