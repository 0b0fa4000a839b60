"""Note search: the searchNotes root field, its edges (score, highlights), facets, page info."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Self

import strawberry

from resolvers.context import Info
from resolvers.search import NoteSearchHitRecord, NoteSearchRecords, resolve_search_notes
from schema.agents import Agent, agent_field, named_agent
from schema.connections import PageInfo
from schema.enums import NoteCategory, NoteType, Scope
from schema.node import AGENT, CUSTOMER, parse_optional_id
from schema.notes import Note
from search.request import SortOrder, TagMode
from search.results import FacetBucket as FacetBucketRecord

strawberry.enum(SortOrder, name="NoteSearchSort", description="RELEVANCE (default) or DATE.")
strawberry.enum(TagMode, name="TagMode", description="A note needs ANY or ALL of the tags.")


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
    def from_record(cls, bucket: FacetBucketRecord, *, names_agent: bool = False) -> Self:
        """Build from a search facet bucket."""
        return cls(value=bucket.value, count=bucket.count, names_agent=names_agent)


@strawberry.type(description="Counts over every matching note the caller may read.")
class NoteSearchFacets:
    tags: list[FacetBucket]
    types: list[FacetBucket]
    authors: list[FacetBucket]


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
                types=[FacetBucket.from_record(b) for b in facets.types],
                authors=[FacetBucket.from_record(b, names_agent=True) for b in facets.authors],
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
        tags: list[str] | None = None,
        tag_mode: TagMode = TagMode.ANY,
        since: Annotated[datetime | None, strawberry.argument(name="from")] = None,
        until: Annotated[datetime | None, strawberry.argument(name="to")] = None,
        customer_id: strawberry.ID | None = None,
        author_id: strawberry.ID | None = None,
        type: NoteType | None = None,
        category: NoteCategory | None = None,
        scope: Scope | None = None,
        sort: SortOrder = SortOrder.RELEVANCE,
        first: int = 20,
        after: str | None = None,
    ) -> NoteSearchConnection | None:
        records = await resolve_search_notes(
            info,
            query=query,
            tags=tags,
            tag_mode=tag_mode,
            since=since,
            until=until,
            customer_id=parse_optional_id(customer_id, CUSTOMER, "customerId"),
            author_id=parse_optional_id(author_id, AGENT, "authorId"),
            type=type,
            category=category,
            scope=scope,
            sort=sort,
            first=first,
            after=after,
        )
        return NoteSearchConnection.from_records(records)
