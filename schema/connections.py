"""The one connection convention (Relay cursor connections): PageInfo, Edge, Connection.

Every list that can grow is a connection: `edges { cursor node }`, one `PageInfo`, and a
`totalCount` that counts only what the caller may see. Lists read both ways take
`last`/`before` besides `first`/`after`; cursors are opaque keyset positions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Self, TypeVar

import strawberry

from store.pagination import Page

Node = TypeVar("Node")
Row = TypeVar("Row")

PAGE_ARGUMENTS = (
    "`first`/`after` page forwards (default 20, at most 100); `last`/`before` backwards."
)


@strawberry.type(description="Where a page sits in its list (Relay cursor connections).")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None

    @classmethod
    def of(cls, page: Page[Row]) -> Self:
        """The page info of a store page."""
        return cls(
            has_next_page=page.has_next_page,
            has_previous_page=page.has_previous_page,
            start_cursor=page.cursors[0] if page.cursors else None,
            end_cursor=page.cursors[-1] if page.cursors else None,
        )


@strawberry.type
class Edge(Generic[Node]):
    cursor: str
    node: Node


@strawberry.type(description="A page of a list; totalCount counts what the caller may see.")
class Connection(Generic[Node]):
    edges: list[Edge[Node]]
    page_info: PageInfo
    total_count: int

    @classmethod
    def of(cls, page: Page[Row], convert: Callable[[Row], Node]) -> Self:
        """Build from a page of records, converting each to its schema type."""
        return cls(
            edges=[
                Edge(cursor=cursor, node=convert(row))
                for row, cursor in zip(page.items, page.cursors, strict=True)
            ],
            page_info=PageInfo.of(page),
            total_count=page.total_count,
        )


@strawberry.type(description="A tag in a list of tags.")
class TagEdge:
    cursor: str
    node: str


@strawberry.type(description="A page of tags; totalCount counts what the caller may see.")
class TagConnection:
    edges: list[TagEdge]
    page_info: PageInfo
    total_count: int

    @classmethod
    def of(cls, page: Page[Row], tag: Callable[[Row], str]) -> Self:
        """Build from a page of tag records."""
        return cls(
            edges=[
                TagEdge(cursor=cursor, node=tag(row))
                for row, cursor in zip(page.items, page.cursors, strict=True)
            ],
            page_info=PageInfo.of(page),
            total_count=page.total_count,
        )
