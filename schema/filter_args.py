"""A list's old flat filter arguments beside its one `filter` input (deprecated until v2).

A caller sends a filter field either in `filter` or as the old argument, never both: two
values for one field would have to be silently merged or one silently dropped.
"""

from __future__ import annotations

from typing import TypeVar

from core.errors import UserInputError

T = TypeVar("T")


def deprecated_argument(field: str) -> str:
    """The deprecation reason of an old flat argument that `filter.<field>` replaces."""
    return f"Use filter.{field}. Removed in v2."


def either(in_filter: T | None, argument: T | None, field: str) -> T | None:
    """The one value given for `field`; BAD_USER_INPUT when both `filter` and the old argument
    name it."""
    if in_filter is not None and argument is not None:
        raise UserInputError(
            f"`{field}` is given both in `filter` and as an argument; use `filter.{field}`",
            field=f"filter.{field}",
        )
    return argument if in_filter is None else in_filter
