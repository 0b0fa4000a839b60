"""A `NoteSearch` and a `NoteVisibility` → one OpenSearch request body.

Only structured clauses are built (bool, multi_match, prefix, term(s), range): no
query_string, no regexp, no script. The visibility filters sit in `bool.filter` next to the
caller's own filters, so scoring, totals, highlights and aggregations all see the same set.
"""

from __future__ import annotations

from typing import Any

from search.query import AllOf, AnyOf, Node, Not, Phrase, Term, positive_leaves
from search.request import IMPORTANCE_WEIGHTS, NoteSearch, SortOrder, TagMode
from search.results import FACET_SIZE, POST_TAG, PRE_TAG
from store.visibility import HANDOFF_TAG, NoteVisibility

TEXT_FIELDS = ["subject^2", "body"]
EXACT_FIELDS = ["subject.exact", "body.exact"]
FRAGMENT_SIZE = 150
FRAGMENTS = 3
MATCH_NONE: dict[str, Any] = {"match_none": {}}


def visibility_filters(visibility: NoteVisibility) -> list[dict[str, Any]]:
    """`visibility` as `bool.filter` clauses on the document's scope, tags and reach fields."""
    if not isinstance(visibility, NoteVisibility):
        raise TypeError("search filters need the store's NoteVisibility")
    if visibility.nothing:
        return [MATCH_NONE]
    filters: list[dict[str, Any]] = [{"term": {"deleted": False}}]
    if not visibility.every_scope or visibility.handoff_scopes:
        in_scope: dict[str, Any] = {"terms": {"scope": sorted(visibility.scopes)}}
        if visibility.handoff_scopes:
            handed_off = {
                "bool": {
                    "filter": [
                        {"terms": {"scope": sorted(visibility.handoff_scopes)}},
                        {"term": {"tags": HANDOFF_TAG}},
                    ]
                }
            }
            in_scope = {"bool": {"should": [in_scope, handed_off], "minimum_should_match": 1}}
        filters.append(in_scope)
    reach = visibility.reach
    if reach.everyone:
        return filters
    slices: list[dict[str, Any]] = []
    if reach.branches:
        slices.append({"terms": {"branch_id": sorted(reach.branches)}})
    if reach.partner is not None:
        slices.append({"term": {"partner_id": reach.partner}})
    if reach.assigned_agent is not None:
        slices.append({"term": {"assigned_agents": reach.assigned_agent}})
    if reach.customer is not None:
        slices.append({"term": {"customer_id": reach.customer}})
    filters.append({"bool": {"should": slices, "minimum_should_match": 1}})
    return filters


def _leaf(node: Term | Phrase) -> dict[str, Any]:
    if isinstance(node, Phrase):
        return {
            "multi_match": {"query": " ".join(node.words), "type": "phrase", "fields": TEXT_FIELDS}
        }
    if node.prefix:
        return {
            "bool": {
                "should": [{"prefix": {field: {"value": node.text}}} for field in EXACT_FIELDS],
                "minimum_should_match": 1,
            }
        }
    return {"multi_match": {"query": node.text, "fields": TEXT_FIELDS}}


def compile_query(node: Node) -> dict[str, Any]:
    """The query tree as nested bool clauses."""
    if isinstance(node, Term | Phrase):
        return _leaf(node)
    if isinstance(node, Not):
        return {"bool": {"must_not": [compile_query(node.part)]}}
    parts = [compile_query(part) for part in node.parts]
    if isinstance(node, AllOf):
        return {"bool": {"must": parts}}
    assert isinstance(node, AnyOf)
    return {"bool": {"should": parts, "minimum_should_match": 1}}


def note_filters(search: NoteSearch) -> list[dict[str, Any]]:
    """The search's own filters (tags, ids, enums, labels, window) as `bool.filter` clauses."""
    filters: list[dict[str, Any]] = []
    if search.tags:
        if search.tag_mode is TagMode.ALL:
            filters.extend({"term": {"tags": tag}} for tag in search.tags)
        else:
            filters.append({"terms": {"tags": list(search.tags)}})
    for field, value in (
        ("customer_id", search.customer_id),
        ("author_id", search.author_id),
        ("type", search.type),
        ("category", search.category),
        ("scope", search.scope),
        ("importance", search.importance),
    ):
        if value is not None:
            filters.append({"term": {field: str(value)}})
    for field, values in (("sentiment", search.sentiments), ("urgency", search.urgencies)):
        if values:
            filters.append({"terms": {field: [str(value) for value in values]}})
    if search.unsettled:
        filters.append({"bool": {"must_not": {"terms": {"note_id": sorted(search.unsettled)}}}})
    if search.since is not None or search.until is not None:
        window: dict[str, str] = {}
        if search.since is not None:
            window["gte"] = search.since.isoformat()
        if search.until is not None:
            window["lt"] = search.until.isoformat()
        filters.append({"range": {"created_at": window}})
    return filters


def _sort(search: NoteSearch) -> list[dict[str, Any]]:
    by_date = [{"created_at": {"order": "desc"}}, {"note_id": {"order": "desc"}}]
    by_score = search.ranked or search.sort is SortOrder.IMPORTANCE
    return [{"_score": {"order": "desc"}}, *by_date] if by_score else by_date


def _importance_ranked(query: dict[str, Any]) -> dict[str, Any]:
    """`query` with the importance rank (`importance_rank`) as each hit's score: filtered
    weights summed, no script, so the keyword field needs no numeric twin in the mapping."""
    functions: list[dict[str, Any]] = [{"filter": {"match_all": {}}, "weight": 1}]
    functions += [
        {"filter": {"term": {"importance": level}}, "weight": weight}
        for level, weight in IMPORTANCE_WEIGHTS.items()
    ]
    functions.append({"filter": {"term": {"pinned": True}}, "weight": 1})
    return {
        "function_score": {
            "query": query,
            "functions": functions,
            "score_mode": "sum",
            "boost_mode": "replace",
        }
    }


def _highlight(search: NoteSearch) -> dict[str, Any] | None:
    if search.query is None:
        return None
    positive = list(positive_leaves(search.query))
    if not positive:
        return None
    # Highlight only what the hit matched, never the NOT parts. Prefix queries run on the
    # hidden `_index_prefix` field, which highlighters cannot see, so highlight a wildcard.
    should = [
        {
            "bool": {
                "should": [
                    {"wildcard": {field: {"value": f"{leaf.text}*"}}} for field in EXACT_FIELDS
                ]
            }
        }
        if isinstance(leaf, Term) and leaf.prefix
        else _leaf(leaf)
        for leaf in positive
    ]
    return {
        "pre_tags": [PRE_TAG],
        "post_tags": [POST_TAG],
        "encoder": "html",
        "require_field_match": False,
        "highlight_query": {"bool": {"should": should, "minimum_should_match": 1}},
        "fields": {
            # Prefix matches live in the unstemmed sub-fields; results merge them back.
            "subject": {"number_of_fragments": 0},
            "body": {"fragment_size": FRAGMENT_SIZE, "number_of_fragments": FRAGMENTS},
            "subject.exact": {"number_of_fragments": 0},
            "body.exact": {"fragment_size": FRAGMENT_SIZE, "number_of_fragments": FRAGMENTS},
        },
    }


def request_body(search: NoteSearch, visibility: NoteVisibility) -> dict[str, Any]:
    """The `_search` body for one page of `search` within `visibility`."""
    must = [compile_query(search.query)] if search.query is not None else []
    query: dict[str, Any] = {
        "bool": {
            "must": must or [{"match_all": {}}],
            "filter": [*visibility_filters(visibility), *note_filters(search)],
        }
    }
    if search.sort is SortOrder.IMPORTANCE:
        query = _importance_ranked(query)
    body: dict[str, Any] = {
        "query": query,
        "size": search.first + 1,
        "track_total_hits": True,
        "sort": _sort(search),
        "_source": False,
        "docvalue_fields": ["note_id"],
        "aggs": {
            "tags": {"terms": {"field": "tags", "size": FACET_SIZE}},
            "types": {"terms": {"field": "type", "size": FACET_SIZE}},
            "authors": {"terms": {"field": "author_id", "size": FACET_SIZE}},
            "sentiments": {"terms": {"field": "sentiment", "size": FACET_SIZE}},
            "urgencies": {"terms": {"field": "urgency", "size": FACET_SIZE}},
        },
    }
    highlight = _highlight(search)
    if highlight is not None:
        body["highlight"] = highlight
    if search.after is not None:
        body["search_after"] = list(search.after.values)
    return body
