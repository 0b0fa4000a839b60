"""Note search: the searchNotes root field, its edges (score, highlights), facets, page info."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Self

import strawberry

from resolvers.context import Info
from resolvers.search import NoteSearchHitRecord, NoteSearchRecords, resolve_search_notes
from schema.agents import Agent, agent_field, named_agent
from schema.connections import PageInfo
from schema.enums import NoteCategory, NoteType, Scope
from schema.filter_args import deprecated_argument
from schema.note_filter import FlatNoteArguments, NoteFilter, parse_note_filter
from schema.notes import Note
from search.request import SortOrder, TagMode
from search.results import FacetBucket as FacetBucketRecord

strawberry.enum(
    SortOrder,
    name="NoteSearchSort",
    description="RELEVANCE (default), DATE (newest first) or IMPORTANCE (critical first, "
    "pinned first within one importance, then newest).",
)


def _old(field: str, *, name: str | None = None) -> Any:
    return strawberry.argument(name=name, deprecation_reason=deprecated_argument(field))


@strawberry.type(description="Fragments of the note with the matched words in <em>…</em>.")
class NoteHighlights:
    subject: list[str] = strawberry.field(description="HTML-escaped text with <em> marks.")
    body: list[str] = strawberry.field(description="HTML-escaped fragments with <em> marks.")


@strawberry.type(description="One note found by searchNotes, with how and where it matched.")
class NoteSearchEdge:
    cursor: str
    node: Note
    score: float | None = strawberry.field(description="Relevance; null when sorted by date.")
    highlights: NoteHighlights

    @classmethod
    def from_record(cls, record: NoteSearchHitRecord) -> Self:
        """Build from a resolver hit."""
        marks = record.hit.highlights
        return cls(
            cursor=record.cursor,
            node=Note.from_record(record.row),
            score=record.hit.score,
            highlights=NoteHighlights(subject=marks.get("subject", []), body=marks.get("body", [])),
        )


@strawberry.type(description="How many matching notes carry one value.")
class FacetBucket:
    value: str
    count: int
    # The value is an agent id (the authors facet).
    names_agent: strawberry.Private[bool] = False

    @strawberry.field(description=agent_field("The author (in the authors facet; else null)."))
    async def agent(self, info: Info) -> Agent | None:
        return await named_agent(info, self.value if self.names_agent else None)

    @classmethod
    def from_record(
        cls, bucket: FacetBucketRecord, *, names_agent: bool = False, enum_value: bool = False
    ) -> Self:
        """Build from a search facet bucket; an enum's value is shown as its GraphQL name
        (UPPER_CASE, as everywhere in the API), so `types` facets match `NoteType`."""
        value = bucket.value.upper() if enum_value else bucket.value
        return cls(value=value, count=bucket.count, names_agent=names_agent)


@strawberry.type(description="Counts over every matching note the caller may read.")
class NoteSearchFacets:
    tags: list[FacetBucket]
    types: list[FacetBucket]
    authors: list[FacetBucket]
    sentiments: list[FacetBucket] = strawberry.field(
        description="Matching notes per sentiment (SENTIMENT values; unclassified notes are "
        "not counted)."
    )
    urgencies: list[FacetBucket] = strawberry.field(
        description="Matching notes per urgency (URGENCY values)."
    )


@strawberry.type(
    description="searchNotes results. `totalCount` counts every matching note the caller may "
    "read (not only this page), and the facets count the same set; notes with a change the "
    "index does not hold yet are left out of both until it does."
)
class NoteSearchConnection:
    edges: list[NoteSearchEdge]
    page_info: PageInfo
    total_count: int
    facets: NoteSearchFacets

    @classmethod
    def from_records(cls, records: NoteSearchRecords) -> Self:
        """Build from the resolver's page."""
        facets = records.facets
        edges = [NoteSearchEdge.from_record(hit) for hit in records.hits]
        return cls(
            edges=edges,
            total_count=records.total_count,
            facets=NoteSearchFacets(
                tags=[FacetBucket.from_record(b) for b in facets.tags],
                types=[FacetBucket.from_record(b, enum_value=True) for b in facets.types],
                authors=[FacetBucket.from_record(b, names_agent=True) for b in facets.authors],
                sentiments=[FacetBucket.from_record(b, enum_value=True) for b in facets.sentiments],
                urgencies=[FacetBucket.from_record(b, enum_value=True) for b in facets.urgencies],
            ),
            page_info=PageInfo(
                has_next_page=records.has_next_page,
                has_previous_page=records.has_previous_page,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=records.end_cursor,
            ),
        )


@strawberry.type
class SearchQuery:
    @strawberry.field(
        description=(
            'Search the notes the caller may read. `query`: words, "phrases", AND/OR/NOT '
            "(or -word), prefix*, (groups); at most 500 characters. Errors: INVALID for bad "
            "input, SEARCH_UNAVAILABLE when the search backend is down. Pages forwards only "
            "(`first`/`after`, at most 100)."
        )
    )
    async def search_notes(
        self,
        info: Info,
        query: str | None = None,
        tags: Annotated[list[str] | None, _old("tags")] = None,
        tag_mode: Annotated[TagMode | None, _old("tagMode")] = None,
        since: Annotated[datetime | None, _old("from", name="from")] = None,
        until: Annotated[datetime | None, _old("to", name="to")] = None,
        customer_id: Annotated[strawberry.ID | None, _old("customerId")] = None,
        author_id: Annotated[strawberry.ID | None, _old("agentId")] = None,
        type: Annotated[NoteType | None, _old("type")] = None,
        category: Annotated[NoteCategory | None, _old("category")] = None,
        scope: Annotated[Scope | None, _old("scope")] = None,
        filter: NoteFilter | None = None,
        sort: SortOrder = SortOrder.RELEVANCE,
        first: int = 20,
        after: str | None = None,
    ) -> NoteSearchConnection | None:
        flat = FlatNoteArguments(
            customer_id=customer_id,
            agent_id=author_id,
            type=type,
            category=category,
            scope=scope,
            tags=tags,
            tag_mode=tag_mode,
            from_=since,
            to=until,
        )
        records = await resolve_search_notes(
            info,
            query=query,
            note_filter=parse_note_filter(filter, flat),
            sort=sort,
            first=first,
            after=after,
        )
        return NoteSearchConnection.from_records(records)
