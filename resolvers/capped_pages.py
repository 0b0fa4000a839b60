"""Pages of upstream lists whose totals are counted up to a cap (see `TOTAL_CAP`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from store.pagination import Page

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CappedPage(Page[T]):
    """A page whose `total_count` is a lower bound when `total_capped`: the list holds more
    than the source counted (each source counts up to `datasources.source_pages.TOTAL_CAP`)."""

    total_capped: bool = False


def total_capped(page: Page[Any]) -> bool:
    """Whether the page's `total_count` is a lower bound."""
    return isinstance(page, CappedPage) and page.total_capped
