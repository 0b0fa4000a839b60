"""Proof of no leaks in search: generated principals and queries on both backends.

For each case the expected answer is what the query matches for an administrator, filtered by
an oracle of raw `enforce` calls; hits, the total and every facet count must equal it exactly.

Each case runs twice: on the corpus as written, and on a second index holding the same notes
re-indexed after a CRM sync moved every customer (as the indexer does when the sync re-queues
a moved customer's notes). The second answer must follow the moved directory.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import AsyncIterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policies.enforcer import PolicyEngine
from policies.principal import Principal
from search.backend import SearchBackend, WriteStatus
from search.documents import NoteDocument
from search.request import build_search
from search.results import SearchPage
from tests.search.conftest import Oracle, dispose_backend, open_backend, visibility_of
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
    return dataclasses.replace(
        doc, version=doc.version + 1, branch_id=branch, partner_id=partner, assigned_agents=agents
    )


def _assert_page(page: SearchPage, allowed: list[NoteDocument]) -> None:
    assert {hit.note_id for hit in page.hits} == {doc.note_id for doc in allowed}
    assert_counts(page, allowed)


@pytest.fixture(scope="module")
async def indexed(backend: SearchBackend) -> SearchBackend:
    outcomes = await backend.write([*DOCS, TOMBSTONE])
    assert {outcome.status for outcome in outcomes} == {WriteStatus.WRITTEN}
    await backend.refresh()
    return backend


@pytest.fixture(scope="module")
async def moved(
    backend: SearchBackend,
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[SearchBackend]:
    """A second index of the same kind: the corpus, then its re-index after the move."""
    opened = await open_backend(backend.name, request, tmp_path_factory.mktemp("moved"))
    try:
        await opened.write([*DOCS, TOMBSTONE])
        outcomes = await opened.write([_moved(doc) for doc in DOCS])
        assert {outcome.status for outcome in outcomes} == {WriteStatus.WRITTEN}
        await opened.refresh()
        yield opened
    finally:
        await dispose_backend(opened)


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
    indexed: SearchBackend,
    moved: SearchBackend,
    policy: PolicyEngine,
    principal: Principal,
    query: str | None,
) -> None:
    admin_page = await indexed.search(
        build_search(query=query, first=100), visibility_of(policy, PRINCIPALS["admin"])
    )
    matching = {hit.note_id for hit in admin_page.hits}
    oracle = Oracle(policy, principal, ASSIGNED)
    allowed = [doc for doc in DOCS if doc.note_id in matching and oracle.reads(doc)]

    visibility = visibility_of(policy, principal)
    page = await indexed.search(build_search(query=query, first=100), visibility)
    _assert_page(page, allowed)

    moved_oracle = Oracle(policy, principal, MOVED_ASSIGNED)
    now = [doc for doc in DOCS if doc.note_id in matching and moved_oracle.reads(_moved(doc))]
    page = await moved.search(build_search(query=query, first=100), visibility)
    _assert_page(page, now)
