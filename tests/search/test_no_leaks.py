"""Proof of no leaks in search: generated principals and queries on both backends.

For each case the expected answer is what the query matches for an administrator, filtered by
an oracle of raw `enforce` calls; hits, the total and every facet count must equal it exactly.

Each case runs twice: with the reach slices matched against the index documents' copies of
branch, partner and assigned agents, and with the reach resolved to customer ids from a
directory where the customers have since moved (as searchNotes does from the store). The second
answer must follow the moved directory, not the stale copies in the index.
"""

from __future__ import annotations

import dataclasses
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policies.enforcer import PolicyEngine
from policies.principal import Principal
from policies.view import PolicyView
from search.backend import SearchBackend, WriteStatus
from search.documents import NoteDocument
from search.request import build_search
from search.results import SearchPage
from tests.search.conftest import Oracle, view_of
from tests.search.corpus import ASSIGNED, DOCS, PRINCIPALS, TOMBSTONE
from tests.search.helpers import assert_counts

CASES = int(os.environ.get("C360_SEARCH_LEAK_CASES", "500"))
ROLES = [
    "owner", "admin", "manager", "executive", "support", "finance", "sales", "branch",
    "fulfillment", "field", "qa", "partner", "customer", "bogus",
]  # fmt: skip
WORDS = ["invoice", "kitchen", "delivery", "overdue", "quote", "refund", "zebra", "cafe*"]
# The directory after a CRM sync moved every customer: (branch, partner, assigned agents).
MOVED = {
    "c1": ("b2", None, ()),
    "c2": ("b1", "p1", ("agent-s",)),
    "c3": ("b9", "p2", ("agent-f",)),
}
MOVED_ASSIGNED = {(c, agent) for c, (_, _, agents) in MOVED.items() for agent in agents}


def _moved(doc: NoteDocument) -> NoteDocument:
    branch, partner, agents = MOVED[doc.customer_id or ""]
    return dataclasses.replace(doc, branch_id=branch, partner_id=partner, assigned_agents=agents)


def _resolved(view: PolicyView) -> PolicyView:
    """What `store.visibility.resolve_reach` answers over the moved directory."""
    reach = view.reach
    if reach.everyone or reach.nobody:
        return view
    ids = frozenset(
        customer
        for customer, (branch, partner, agents) in MOVED.items()
        if branch in reach.branches
        or (reach.partner is not None and partner == reach.partner)
        or reach.assigned_agent in agents
        or customer == reach.customer
    )
    return view.with_resolved_reach(ids)


def _assert_page(page: SearchPage, allowed: list[NoteDocument]) -> None:
    assert {hit.note_id for hit in page.hits} == {doc.note_id for doc in allowed}
    assert_counts(page, allowed)


@pytest.fixture(scope="module")
async def indexed(backend: SearchBackend) -> SearchBackend:
    outcomes = await backend.write([*DOCS, TOMBSTONE])
    assert {outcome.status for outcome in outcomes} == {WriteStatus.WRITTEN}
    await backend.refresh()
    return backend


def principals() -> st.SearchStrategy[Principal]:
    return st.builds(
        Principal,
        subject=st.sampled_from(["agent-f", "agent-s", "agent-x", "c2", "portal-1"]),
        roles=st.lists(st.sampled_from(ROLES), min_size=1, max_size=3).map(tuple),
        branches=st.lists(st.sampled_from(["b1", "b2", "b9"]), max_size=2).map(tuple),
        partner=st.none() | st.sampled_from(["p1", "p2", "p9"]),
        customer=st.none() | st.sampled_from(["c1", "c2", "c3", "c9"]),
    )


def queries() -> st.SearchStrategy[str | None]:
    term = st.sampled_from(WORDS)
    joined = st.tuples(term, st.sampled_from([" ", " OR ", " AND ", " NOT "]), term).map(
        lambda parts: "".join(parts)
    )
    return st.none() | term | joined


@settings(
    max_examples=CASES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(principal=principals(), query=queries())
async def test_search_answers_exactly_what_the_policy_allows(
    indexed: SearchBackend, policy: PolicyEngine, principal: Principal, query: str | None
) -> None:
    admin_page = await indexed.search(
        build_search(query=query, first=100), view_of(policy, PRINCIPALS["admin"])
    )
    matching = {hit.note_id for hit in admin_page.hits}
    oracle = Oracle(policy, principal, ASSIGNED)
    allowed = [doc for doc in DOCS if doc.note_id in matching and oracle.reads(doc)]

    view = view_of(policy, principal)
    page = await indexed.search(build_search(query=query, first=100), view)
    _assert_page(page, allowed)

    moved_oracle = Oracle(policy, principal, MOVED_ASSIGNED)
    moved = [doc for doc in DOCS if doc.note_id in matching and moved_oracle.reads(_moved(doc))]
    page = await indexed.search(build_search(query=query, first=100), _resolved(view))
    _assert_page(page, moved)
