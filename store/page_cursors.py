"""A page's cursors, each encoded when it is first read rather than when the page is built.

Most reads of a list never show a cursor: a Customer360 shows a customer's first notes, not
where they sit in the list. Encoding one per row anyway (a JSON dump and a base64 of the row's
sort key) was ~3 % of such a request's CPU. `LazyCursors` is the page's `cursors` sequence;
a connection reads an edge's cursor (or `pageInfo`'s first and last) only when the query
selects it (schema/connections.py), and each is encoded once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar, overload

T = TypeVar("T")


class LazyCursors(Sequence[str], Generic[T]):
    """The cursors of `rows`, `encode(row)` each, computed on first access and kept."""

    __slots__ = ("_encode", "_encoded", "_rows")

    def __init__(self, rows: Sequence[T], encode: Callable[[T], str]) -> None:
        self._rows = rows
        self._encode = encode
        self._encoded: list[str | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._encoded)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(len(self)))]
        cursor = self._encoded[index]  # IndexError as a list's
        if cursor is None:
            cursor = self._encoded[index] = self._encode(self._rows[index])
        return cursor

    def __iter__(self) -> Iterator[str]:
        return (self[position] for position in range(len(self)))

    def __eq__(self, other: object) -> bool:
        # Equal to any sequence of the same cursors (a page built with a list compares alike).
        if isinstance(other, Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable cache, compared by value, as a list

    def __repr__(self) -> str:
        return f"LazyCursors({list(self)!r})"

    def encoded(self) -> int:
        """How many cursors have been encoded so far."""
        return sum(cursor is not None for cursor in self._encoded)
