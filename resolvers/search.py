"""Resolver for searchNotes: validate, search with the caller's view, load the notes."""

from __future__ import annotations

from dataclasses import dataclass, replace

from resolvers.access_audit import rows_shown
from resolvers.context import Info
from resolvers.guards import require_authenticated
from search.request import Cursor, SortOrder, build_filtered_search
from search.results import Facets, SearchHit
from search.service import search_notes
from store.note_reads import NoteFilter, NoteRow
from store.outbox import unsettled_note_ids
from store.visibility import note_visibility


@dataclass(frozen=True, slots=True)
class NoteSearchHitRecord:
    """A hit with its note (loaded through the caller's visibility) and its cursor."""

    row: NoteRow
    hit: SearchHit
    cursor: str


@dataclass(frozen=True, slots=True)
class NoteSearchRecords:
    """One page of searchNotes as the schema shows it."""

    hits: list[NoteSearchHitRecord]
    total_count: int
    facets: Facets
    has_next_page: bool
    has_previous_page: bool
    end_cursor: str | None


async def resolve_search_notes(
    info: Info,
    *,
    query: str | None,
    note_filter: NoteFilter,
    sort: SortOrder,
    first: int,
    after: str | None,
) -> NoteSearchRecords:
    """Search notes within the caller's permissions; INVALID or SEARCH_UNAVAILABLE on error."""
    require_authenticated(info)
    search = build_filtered_search(note_filter, query=query, sort=sort, first=first, after=after)
    # Filtered inside the search engine on the index's reach fields, which the CRM sync keeps
    # current by re-queueing a moved customer's notes (no per-request customer lookup).
    visibility = note_visibility(info.context.policy)
    # The index may lag the store: notes with a change it does not hold yet are left out of
    # hits, totals and facets, so a re-scoped or deleted note leaves the answer at commit.
    search = replace(search, unsettled=await unsettled_note_ids(info.context.sessions))
    result = await search_notes(info.context.search, visibility, search)
    page = result.page
    # The store is the truth: a note deleted since it was indexed is dropped, not shown stale.
    rows = await info.context.store.note_by_id.load_many([hit.note_id for hit in page.hits])
    hits = [
        NoteSearchHitRecord(row, hit, Cursor(search.sort, hit.sort_values).encode())
        for hit, row in zip(page.hits, rows, strict=True)
        if row is not None
    ]
    rows_shown(info, (hit.row for hit in hits))
    return NoteSearchRecords(
        hits=hits,
        total_count=page.total,
        facets=page.facets,
        has_next_page=page.has_next,
        # A valid cursor names a hit of this search, so a page before it exists.
        has_previous_page=after is not None,
        end_cursor=result.end_cursor,
    )
