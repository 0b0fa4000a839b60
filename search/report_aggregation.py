"""noteReport(groupBy: CUSTOMER) from the search engine's terms aggregation.

The rows are exactly the store's scan (`store.reports.note_report`): the caller's
`NoteVisibility` as the same filters searchNotes runs (`visibility_filters`), live notes
created in [since, until), every `NoteFilter` field on its index field (`note_filters`);
groups largest first, then by key in byte order (the engine's `_key asc`; the scan orders
keys the same way on both dialects). The notes index has one shard, so every count is exact
(a response that says otherwise is declined).

As in searchNotes, notes whose latest change the index may not hold yet (pending in the
outbox, or dead-lettered: `store.outbox.unsettled_note_ids`) are left out of the engine's
counts; the store counts those few itself (`store.reports.groups_of_notes`) and they are added
in, so a re-scoped or deleted note leaves the report at commit, whatever the indexer does.

A terms aggregation cannot start after a cursor: a page asks for the top K groups (enough to
pass the cursor, by the rank hint the engine's cursors carry, plus the page and one more,
growing K when the hint fell short) and keeps those after the cursor. Past `MAX_DEPTH` groups,
the scan answers. `totalCount` is exact up to `GROUP_COUNT_CAP` groups, as the scan counts
them: at least that many are asked for, so a response with more groups than it returned has
more than the cap (then the cap, flagged). No `cardinality` aggregation: at a million customers
it took 5-10 s on this kind of machine (its terms lookups), and it only estimates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from search.opensearch_backend import OpenSearchBackend
from search.opensearch_dsl import note_filters, visibility_filters
from search.request import NoteSearch, TagMode
from store.keyset import CappedPage
from store.note_reads import NoteFilter
from store.pagination import PageRequest, encode_cursor
from store.reports import (
    GROUP_COUNT_CAP,
    NoteGroup,
    ReportCursor,
    ReportRow,
    report_cursor,
    report_tag,
)
from store.visibility import NoteVisibility

# Deeper pages than this many groups are left to the scan (a terms aggregation of 10,000
# buckets costs about 300 ms at 10M notes, and grows with its size).
MAX_DEPTH = 10_000
# At least this many groups are asked for: measured as cheap as 101 at 10M notes, and every
# caller with up to GROUP_COUNT_CAP groups then gets them all (an exact totalCount).
MIN_BUCKETS = GROUP_COUNT_CAP
# How far a short rank hint grows K per retry.
GROWTH = 4
# The engine's answer must come sooner than the scan would (about 2 s at 10M notes).
TIMEOUT_SECONDS = 2.0
_FIELD = "customer_id"
_TAG = report_tag(NoteGroup.CUSTOMER)


class EngineDeclined(Exception):
    """The engine cannot give the scan's exact answer to this request; the scan must."""


def whole_milliseconds(moment: datetime) -> bool:
    """True when the index (dates to the millisecond) can tell notes on either side apart."""
    return moment.microsecond % 1000 == 0


def report_filters(
    visibility: NoteVisibility,
    report_filter: NoteFilter,
    since: datetime,
    until: datetime,
    unsettled: frozenset[str] = frozenset(),
) -> list[dict[str, Any]]:
    """The scan's WHERE as `bool.filter` clauses: visibility, the note filter, the window;
    the `unsettled` notes left out (the store counts them)."""
    search = NoteSearch(
        unsettled=unsettled,
        tags=report_filter.tags,
        tag_mode=TagMode.ALL if report_filter.all_tags else TagMode.ANY,
        since=since,
        until=until,
        customer_id=report_filter.customer_id,
        author_id=report_filter.author_id,
        type=report_filter.type,
        category=report_filter.category,
        scope=report_filter.scope,
        importance=report_filter.importance,
        sentiments=report_filter.sentiments,
        urgencies=report_filter.urgencies,
    )
    return [*visibility_filters(visibility), *note_filters(search)]


def terms_body(
    filters: list[dict[str, Any]], size: int, also: Sequence[str] = ()
) -> dict[str, Any]:
    """The top `size` customers by readable notes, largest first, then by id; and the counts
    of the customers `also` names wherever they rank."""
    order = [{"_count": "desc"}, {"_key": "asc"}]
    aggregations: dict[str, Any] = {
        "groups": {"terms": {"field": _FIELD, "size": size, "order": order}}
    }
    if also:
        named = {"field": _FIELD, "size": len(also), "include": sorted(also), "order": order}
        aggregations["named"] = {"terms": named}
    return {
        "size": 0,
        "track_total_hits": False,
        "query": {"bool": {"filter": filters}},
        "aggs": aggregations,
    }


def _merged(
    top: list[tuple[str, int]],
    named: dict[str, int],
    pending: Mapping[str, int],
    complete: bool,
) -> list[tuple[str, int]]:
    """The groups known for certain, in report order: the engine's top groups and the named
    ones, each with the store's count of its unsettled notes added. Only the engine's counts
    are short of the truth, and only those of customers with unsettled notes (all named), so
    a group ranking at or before the engine's last top group is in its final place; past it,
    a customer the engine did not return could still come first (unless none is left)."""
    counts = dict(top) | named
    for key, extra in pending.items():
        counts[key] = counts.get(key, 0) + extra
    ordered = sorted(counts.items(), key=lambda group: (-group[1], group[0]))
    if complete or not top:
        return ordered
    last_key, last_count = top[-1]
    return [
        (key, count)
        for key, count in ordered
        if count > last_count or (count == last_count and key <= last_key)
    ]


def _after(buckets: list[tuple[str, int]], last: ReportCursor | None) -> int:
    """Index of the first bucket after the cursor (buckets in report order)."""
    if last is None:
        return 0
    for index, (key, count) in enumerate(buckets):
        # Python compares str by code point: the UTF-8 byte order of the engine's keys.
        if count < last.count or (count == last.count and key > last.key):
            return index
    return len(buckets)


async def customer_report(
    backend: OpenSearchBackend,
    visibility: NoteVisibility,
    report_filter: NoteFilter,
    since: datetime,
    until: datetime,
    request: PageRequest,
    *,
    unsettled: frozenset[str] = frozenset(),
    pending: Mapping[str, int] | None = None,
) -> CappedPage[ReportRow]:
    """A page of readable notes per customer in [since, until), from the engine.

    `unsettled` notes are left out of the engine's counts and `pending` (the store's count of
    those the caller reads, per customer) added in. Raises `EngineDeclined` when only the
    scan can answer exactly, `SearchUnavailable` when the engine cannot be reached, and
    INVALID (as the scan) for a cursor that is not one.
    """
    last = report_cursor(request, NoteGroup.CUSTOMER)
    if not (whole_milliseconds(since) and whole_milliseconds(until)):
        raise EngineDeclined("the window is not in whole milliseconds")
    pending = {key: count for key, count in (pending or {}).items() if count}
    filters = report_filters(visibility, report_filter, since, until, unsettled)
    wanted = request.size + 1 + ((last.rank or 0) if last is not None else 0)
    if wanted > MAX_DEPTH:
        raise EngineDeclined(f"the page starts past {MAX_DEPTH} groups")
    size = min(MAX_DEPTH, max(wanted, MIN_BUCKETS))
    while True:
        answers = await backend.aggregate(
            [terms_body(filters, size, list(pending))], request_timeout=TIMEOUT_SECONDS
        )
        aggregations = answers[0]["aggregations"]
        groups = aggregations["groups"]
        if int(groups.get("doc_count_error_upper_bound", 0)):
            raise EngineDeclined("the engine's counts are not exact (more than one shard)")
        top = [(str(bucket["key"]), int(bucket["doc_count"])) for bucket in groups["buckets"]]
        named = {
            str(bucket["key"]): int(bucket["doc_count"])
            for bucket in aggregations.get("named", {}).get("buckets", [])
        }
        complete = int(groups["sum_other_doc_count"]) == 0
        known = _merged(top, named, pending, complete)
        start = _after(known, last)
        found = len(known) - start > request.size
        # Incomplete, the groups are counted only once the cap was asked for (MIN_BUCKETS is
        # the cap unless a test lowers it to exercise the growth).
        if complete or (found and size >= GROUP_COUNT_CAP):
            break
        if size >= MAX_DEPTH:
            raise EngineDeclined(f"the page ends past {MAX_DEPTH} groups")
        size = min(MAX_DEPTH, max(size * GROWTH, GROUP_COUNT_CAP) if found else size * GROWTH)
    chosen = known[start : start + request.size]
    # Complete, every group is known; incomplete, more groups exist than the `size` (at least
    # the cap) returned.
    total = len(known) if complete else GROUP_COUNT_CAP + 1
    return CappedPage(
        items=[ReportRow(key, count) for key, count in chosen],
        cursors=[
            encode_cursor(_TAG, count, key, start + offset + 1)
            for offset, (key, count) in enumerate(chosen)
        ],
        has_next_page=len(known) - start > request.size,
        has_previous_page=request.cursor is not None,
        total_count=min(total, GROUP_COUNT_CAP),
        total_capped=total > GROUP_COUNT_CAP,
    )
