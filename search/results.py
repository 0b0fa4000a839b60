"""What a backend answers: one page of hits (ids, highlights), the total and the facets."""

from __future__ import annotations

from dataclasses import dataclass, field

from search.request import CursorValue

# Highlight fragments are HTML-escaped note text with matches wrapped in these tags.
PRE_TAG = "<em>"
POST_TAG = "</em>"
FACET_SIZE = 20


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching note: its id, score, highlighted fragments and sort position."""

    note_id: str
    score: float | None
    highlights: dict[str, list[str]] = field(default_factory=dict)
    sort_values: tuple[CursorValue, ...] = ()


@dataclass(frozen=True, slots=True)
class FacetBucket:
    """How many matching notes carry one value."""

    value: str
    count: int


@dataclass(frozen=True, slots=True)
class Facets:
    """Counts over every matching note the caller may read (not just this page)."""

    tags: list[FacetBucket] = field(default_factory=list)
    types: list[FacetBucket] = field(default_factory=list)
    authors: list[FacetBucket] = field(default_factory=list)
    sentiments: list[FacetBucket] = field(default_factory=list)
    urgencies: list[FacetBucket] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SearchPage:
    """A page of hits; `has_next` when more hits follow the last one."""

    hits: list[SearchHit]
    total: int
    facets: Facets
    has_next: bool


def buckets(counts: list[tuple[str, int]]) -> list[FacetBucket]:
    """Facet buckets, biggest first then by value, at most FACET_SIZE of them."""
    ordered = sorted(counts, key=lambda item: (-item[1], item[0]))
    return [FacetBucket(value, count) for value, count in ordered[:FACET_SIZE]]
