"""Generic cursor connections for Customer360's lists (orders, invoices, payments, tickets)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Self, TypeVar

import strawberry

from store.pagination import Page

Node = TypeVar("Node")
Row = TypeVar("Row")


@strawberry.type
class ListPageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[Node]):
    cursor: str
    node: Node


@strawberry.type(description="A page of a list; totalCount counts the whole list.")
class Connection(Generic[Node]):
    edges: list[Edge[Node]]
    page_info: ListPageInfo
    total_count: int

    @classmethod
    def of(cls, page: Page[Row], convert: Callable[[Row], Node]) -> Self:
        """Build from a page of records, converting each to its schema type."""
        return cls(
            edges=[
                Edge(cursor=cursor, node=convert(row))
                for row, cursor in zip(page.items, page.cursors, strict=True)
            ],
            page_info=ListPageInfo(
                has_next_page=page.has_next_page,
                end_cursor=page.cursors[-1] if page.cursors else None,
            ),
            total_count=page.total_count,
        )
