"""The caller's PolicyView as filters inside the search query, for both backends.

Same rule as `store.visibility.readable_notes`: a live note in a readable scope (or a
handoff-readable scope when tagged ``handoff``) of a customer the caller reaches (everyone, or
by branch, partner, assigned agent or the customer itself). Because these are filters of the
query, hits, totals, highlights and facets are all computed over readable notes only.

Which customers a caller reaches is decided by the store, per request: searchNotes resolves the
reach slices to customer ids (`store.visibility.resolve_reach`) and the filter is on
``customer_id``. Index documents also carry branch, partner and assigned agents as they were
when the note was last indexed; those copies are used only by a view whose reach was not
resolved (the backends' own tests), never by searchNotes, so reassigning a customer in the CRM
takes effect at once rather than at the next reindex.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    column,
    exists,
    false,
    func,
    or_,
    select,
    true,
)

from policies.view import PolicyView
from search.embedded_tables import Generation
from store.visibility import HANDOFF_TAG

MATCH_NONE: dict[str, Any] = {"match_none": {}}
# OpenSearch refuses a terms query over index.max_terms_count (65,536) values: split below it.
TERMS_CHUNK = 50_000


def _customer_terms(ids: frozenset[str]) -> list[dict[str, Any]]:
    ordered = sorted(ids)
    return [
        {"terms": {"customer_id": ordered[start : start + TERMS_CHUNK]}}
        for start in range(0, len(ordered), TERMS_CHUNK)
    ]


def opensearch_filters(view: PolicyView) -> list[dict[str, Any]]:
    """Filter clauses for `bool.filter` of every OpenSearch search."""
    scopes = sorted(view.readable_scopes)
    if not scopes or view.reach.nobody:
        return [MATCH_NONE]
    in_scope: dict[str, Any] = {"terms": {"scope": scopes}}
    if view.handoff_readable:
        handed_off = {
            "bool": {
                "filter": [
                    {"terms": {"scope": sorted(view.handoff_readable)}},
                    {"term": {"tags": HANDOFF_TAG}},
                ]
            }
        }
        in_scope = {"bool": {"should": [in_scope, handed_off], "minimum_should_match": 1}}
    filters: list[dict[str, Any]] = [{"term": {"deleted": False}}, in_scope]
    reach = view.reach
    if reach.everyone:
        return filters
    slices: list[dict[str, Any]] = []
    if reach.resolved is not None:
        if not reach.resolved:
            return [MATCH_NONE]
        terms = _customer_terms(reach.resolved)
        filters.append({"bool": {"should": terms, "minimum_should_match": 1}})
        return filters
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


def embedded_filter(view: PolicyView, tables: Generation) -> ColumnElement[bool]:
    """The same filter as a WHERE clause over one embedded generation's documents."""
    docs, tags, agents = tables.docs, tables.tags, tables.agents
    scopes = sorted(view.readable_scopes)
    if not scopes or view.reach.nobody:
        return false()
    in_scope: ColumnElement[bool] = docs.c.scope.in_(scopes)
    if view.handoff_readable:
        tagged = exists(
            select(tags.c.doc_id).where(tags.c.doc_id == docs.c.id, tags.c.tag == HANDOFF_TAG)
        )
        in_scope = or_(in_scope, and_(docs.c.scope.in_(sorted(view.handoff_readable)), tagged))
    reach = view.reach
    reachable: ColumnElement[bool] = true()
    if reach.resolved is not None:
        # One JSON parameter, however many customers: no bound-variable limit to run into.
        ids: Select[str] = select(column("value", String)).select_from(
            func.json_each(json.dumps(sorted(reach.resolved)))
        )
        reachable = docs.c.customer_id.in_(ids)
    elif not reach.everyone:
        slices: list[ColumnElement[bool]] = []
        if reach.branches:
            slices.append(docs.c.branch_id.in_(sorted(reach.branches)))
        if reach.partner is not None:
            slices.append(docs.c.partner_id == reach.partner)
        if reach.assigned_agent is not None:
            slices.append(
                exists(
                    select(agents.c.doc_id).where(
                        agents.c.doc_id == docs.c.id, agents.c.agent_id == reach.assigned_agent
                    )
                )
            )
        if reach.customer is not None:
            slices.append(docs.c.customer_id == reach.customer)
        reachable = or_(*slices)
    return and_(docs.c.deleted.is_(False), in_scope, reachable)
