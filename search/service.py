"""searchNotes: one validated search, run on the configured backend, with its page cursor."""

from __future__ import annotations

from dataclasses import dataclass

from search.backend import SearchBackend
from search.request import Cursor, NoteSearch
from search.results import SearchPage
from store.visibility import NoteVisibility


@dataclass(frozen=True, slots=True)
class NoteSearchResult:
    """A page of hits and the cursor that continues after its last hit."""

    page: SearchPage
    end_cursor: str | None


async def search_notes(
    backend: SearchBackend, visibility: NoteVisibility, search: NoteSearch
) -> NoteSearchResult:
    """Run `search` within `visibility`; SearchUnavailable if the backend cannot answer."""
    page = await backend.search(search, visibility)
    last = page.hits[-1] if page.hits else None
    end_cursor = Cursor(search.sort, last.sort_values).encode() if last is not None else None
    return NoteSearchResult(page=page, end_cursor=end_cursor)
