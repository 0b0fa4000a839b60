"""A validated note search: the parsed query, filters, sort and the page cursor.

`build_search` checks every argument once, so the backends only ever compile sane input; a
bad argument is an `Invalid` naming the field.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from core.errors import Invalid
from intelligence.labels import Sentiment, Urgency
from search.query import Node, parse
from store.enums import Importance, NoteCategory, NoteType, Scope
from store.note_reads import NoteFilter

MAX_FIRST = 100
MAX_TAGS = 20
MAX_TAG_LENGTH = 64
MAX_ID_LENGTH = 64
MAX_CURSOR_LENGTH = 512
MAX_CURSOR_NUMBER = 2**63 - 1
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)
LATEST_MICROS = int(LATEST.timestamp() * 1_000_000)

CursorValue = float | int | str
# The importance sort's rank of a hit is 1 + the weight of its importance + 1 when pinned, so
# every critical note comes before every high one and pinned before unpinned within one level.
IMPORTANCE_WEIGHTS = {
    Importance.NORMAL.value: 2,
    Importance.HIGH.value: 4,
    Importance.CRITICAL.value: 6,
}


class SortOrder(StrEnum):
    """How hits are ordered."""

    RELEVANCE = "relevance"
    DATE = "date"
    # Critical first (then high, normal, low), pinned first within one importance, then newest.
    IMPORTANCE = "importance"


class TagMode(StrEnum):
    """Whether a note needs any or all of the requested tags."""

    ANY = "any"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the previous page ended: the sort values of its last hit."""

    sort: SortOrder
    values: tuple[CursorValue, ...]

    def encode(self) -> str:
        """An opaque, URL-safe string for the client."""
        raw = json.dumps([self.sort.value, list(self.values)], separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str, sort: SortOrder, *, ranked: bool | None = None) -> Cursor:
        """Parse a cursor from `encode`; anything else is `Invalid`.

        The sort values are [score or importance rank,] creation time, note id: a finite
        number, a whole number, a short id. With `ranked` known, their count must match the
        sort the search runs (a forged cursor used to reach OpenSearch, which refused it with
        a 400).
        """
        problem = Invalid("`after` is not a cursor from this search", field="after")
        if len(text) > MAX_CURSOR_LENGTH:
            raise problem
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            order, values = json.loads(raw)
        except (binascii.Error, ValueError, TypeError, RecursionError) as exc:
            raise problem from exc
        if order != sort.value or not isinstance(values, list) or not 2 <= len(values) <= 3:
            raise problem
        keyed = ranked or sort is SortOrder.IMPORTANCE
        if ranked is not None and len(values) != (3 if keyed else 2):
            raise problem
        *scores, created, note_id = values
        if not all(_finite_number(score) for score in scores):
            raise problem
        if not _created_at(created) or not _short_id(note_id):
            raise problem
        return cls(sort, tuple(values))


def _finite_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and abs(value) <= MAX_CURSOR_NUMBER


def _created_at(value: object) -> bool:
    # Epoch milliseconds (OpenSearch) or microseconds (embedded) before the window's end.
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    return 0 <= value <= LATEST_MICROS


def _short_id(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_ID_LENGTH and "\x00" not in value


@dataclass(frozen=True, slots=True)
class NoteSearch:
    """Everything a backend needs to answer one searchNotes call (permissions come apart)."""

    query: Node | None = None
    tags: tuple[str, ...] = ()
    tag_mode: TagMode = TagMode.ANY
    since: datetime | None = None
    until: datetime | None = None
    customer_id: str | None = None
    author_id: str | None = None
    type: NoteType | None = None
    category: NoteCategory | None = None
    scope: Scope | None = None
    importance: Importance | None = None
    sentiments: tuple[Sentiment, ...] = ()
    urgencies: tuple[Urgency, ...] = ()
    sort: SortOrder = SortOrder.RELEVANCE
    first: int = 20
    after: Cursor | None = None
    # Notes with a change the index does not hold yet (store.outbox.unsettled_note_ids): left
    # out of hits, totals and facets until the indexer has written them, so a re-scoped or
    # deleted note leaves the answer at commit, whatever the indexer is doing.
    unsettled: frozenset[str] = frozenset()

    @property
    def ranked(self) -> bool:
        """True when hits are ordered by score (relevance sort with keywords)."""
        return self.sort is SortOrder.RELEVANCE and self.query is not None


def _utc(value: datetime | None, field: str) -> datetime | None:
    if value is None:
        return None
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    if not EARLIEST <= aware < LATEST:
        raise Invalid(f"`{field}` must be between 1970 and 2200", field=field)
    return aware.astimezone(UTC)


def normalise_tags(tags: Sequence[str] | None, *, field: str = "tags") -> tuple[str, ...]:
    """Tags as stored (spaces collapsed, lower case, no repeats); INVALID past the limits."""
    if not tags:
        return ()
    if len(tags) > MAX_TAGS:
        raise Invalid(f"at most {MAX_TAGS} tags per filter", field=field)
    normalised: list[str] = []
    for tag in tags:
        clean = " ".join(tag.split()).lower()
        if not clean or len(clean) > MAX_TAG_LENGTH:
            raise Invalid(f"tags are 1 to {MAX_TAG_LENGTH} characters long", field=field)
        if clean not in normalised:
            normalised.append(clean)
    return tuple(normalised)


def _identifier(value: str | None, field: str) -> str | None:
    if value is None:
        return None
    if not value or len(value) > MAX_ID_LENGTH:
        raise Invalid(f"`{field}` is not an id", field=field)
    return value


def build_search(
    *,
    query: str | None = None,
    tags: Sequence[str] | None = None,
    tag_mode: TagMode = TagMode.ANY,
    since: datetime | None = None,
    until: datetime | None = None,
    customer_id: str | None = None,
    author_id: str | None = None,
    type: NoteType | None = None,
    category: NoteCategory | None = None,
    scope: Scope | None = None,
    importance: Importance | None = None,
    sentiments: Sequence[Sentiment] = (),
    urgencies: Sequence[Urgency] = (),
    sort: SortOrder = SortOrder.RELEVANCE,
    first: int = 20,
    after: str | None = None,
) -> NoteSearch:
    """Validate searchNotes arguments into a `NoteSearch`; `Invalid` names the bad field."""
    if not 1 <= first <= MAX_FIRST:
        raise Invalid(f"`first` must be between 1 and {MAX_FIRST}", field="first")
    start, end = _utc(since, "from"), _utc(until, "to")
    if start is not None and end is not None and start > end:
        raise Invalid("`from` is after `to`", field="from")
    parsed = parse(query)
    ranked = sort is SortOrder.RELEVANCE and parsed is not None
    return NoteSearch(
        query=parsed,
        tags=normalise_tags(tags),
        tag_mode=tag_mode,
        since=start,
        until=end,
        customer_id=_identifier(customer_id, "customerId"),
        author_id=_identifier(author_id, "authorId"),
        type=type,
        category=category,
        scope=scope,
        importance=importance,
        sentiments=tuple(sentiments),
        urgencies=tuple(urgencies),
        sort=sort,
        first=first,
        after=Cursor.decode(after, sort, ranked=ranked) if after else None,
    )


def build_filtered_search(
    note_filter: NoteFilter,
    *,
    query: str | None,
    sort: SortOrder,
    first: int,
    after: str | None,
) -> NoteSearch:
    """`build_search` over the API's one note filter (the store's `NoteFilter`)."""
    return build_search(
        query=query,
        tags=note_filter.tags,
        tag_mode=TagMode.ALL if note_filter.all_tags else TagMode.ANY,
        since=note_filter.since,
        until=note_filter.until,
        customer_id=note_filter.customer_id,
        author_id=note_filter.author_id,
        type=note_filter.type,
        category=note_filter.category,
        scope=note_filter.scope,
        importance=note_filter.importance,
        sentiments=note_filter.sentiments,
        urgencies=note_filter.urgencies,
        sort=sort,
        first=first,
        after=after,
    )
