"""The one connection convention (Relay cursor connections): PageInfo, Edge, Connection.

Every list that can grow is a connection: `edges { cursor node }`, one `PageInfo`, and a
`totalCount` that counts only what the caller may see. Lists read both ways take
`last`/`before` besides `first`/`after`; cursors are opaque keyset positions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, Self, TypeVar, cast

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
    def of(cls, page: Page[Row]) -> PageInfo:
        """The page info of a store page (its cursors read from the page only if selected)."""
        return cast(PageInfo, _PageInfoOf(page))


@strawberry.type
class Edge(Generic[Node]):
    cursor: str
    node: Node


class _PageInfoOf:
    """`PageInfo` of a store page: the start and end cursors are read from the page (and a
    lazy page encodes them) only when the query selects them. GraphQL reads attributes, so
    this stands in for the type (PageInfo implements no interface: nothing checks its class)."""

    __slots__ = ("_page",)

    def __init__(self, page: Page[Any]) -> None:
        self._page = page

    @property
    def has_next_page(self) -> bool:
        return self._page.has_next_page

    @property
    def has_previous_page(self) -> bool:
        return self._page.has_previous_page

    @property
    def start_cursor(self) -> str | None:
        cursors = self._page.cursors
        return cursors[0] if cursors else None

    @property
    def end_cursor(self) -> str | None:
        cursors = self._page.cursors
        return cursors[-1] if cursors else None


class _PageEdge(Generic[Node]):
    """An `Edge` of a store page whose cursor is read from the page only when selected."""

    __slots__ = ("_cursors", "_index", "node")

    def __init__(self, node: Node, cursors: Sequence[str], index: int) -> None:
        self.node = node
        self._cursors = cursors
        self._index = index

    @property
    def cursor(self) -> str:
        return self._cursors[self._index]


@strawberry.type(description="A page of a list; totalCount counts what the caller may see.")
class Connection(Generic[Node]):
    edges: list[Edge[Node]]
    page_info: PageInfo
    total_count: int

    @classmethod
    def of(cls, page: Page[Row], convert: Callable[[Row], Node]) -> Self:
        """Build from a page of records, converting each to its schema type (the cursors are
        read from the page only for the edges whose cursor the query selects)."""
        cursors = page.cursors
        if len(cursors) != len(page.items):
            raise ValueError("a page needs one cursor per item")
        edges = [_PageEdge(convert(row), cursors, index) for index, row in enumerate(page.items)]
        return cls(
            edges=cast(list[Edge[Node]], edges),
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
