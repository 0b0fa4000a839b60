"""The backend contract: embedded and OpenSearch give the same answers to the same searches.

Every test here runs once per backend against the corpus in `corpus.py`, with the same
expectations; only scores and fragment boundaries may differ.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest

from core.errors import Invalid
from policies.enforcer import PolicyEngine
from search.backend import SearchBackend, WriteStatus
from search.opensearch_backend import OpenSearchBackend
from search.request import SortOrder, TagMode, build_search
from search.results import SearchPage
from search.service import search_notes
from tests.search.conftest import Oracle, visibility_of
from tests.search.corpus import ASSIGNED, DOCS, PRINCIPALS, STALE_N8, TOMBSTONE
from tests.search.helpers import assert_counts

ADMIN = PRINCIPALS["admin"]


def _linguistic(backend: SearchBackend) -> bool:
    return not isinstance(backend, OpenSearchBackend) or bool(backend.linguistic)


@pytest.fixture(scope="module")
async def corpus(backend: SearchBackend) -> SearchBackend:
    """The backend holding the corpus (and the tombstone), refreshed."""
    outcomes = await backend.write([*DOCS, TOMBSTONE])
    assert {outcome.status for outcome in outcomes} == {WriteStatus.WRITTEN}
    await backend.refresh()
    return backend


async def _search(
    backend: SearchBackend, policy: PolicyEngine, principal: str = "admin", **arguments: Any
) -> SearchPage:
    return await backend.search(
        build_search(**arguments), visibility_of(policy, PRINCIPALS[principal])
    )


async def _ids(backend: SearchBackend, policy: PolicyEngine, **arguments: Any) -> set[str]:
    page = await _search(backend, policy, first=100, **arguments)
    assert page.total == len(page.hits)
    return {hit.note_id for hit in page.hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("overdue", {"n1"}),
        ("INVOICE*", {"n1", "n5", "n7"}),
        ('"overdue invoice"', {"n1"}),
        ('"invoice overdue"', {"n1"}),  # the subject, in that order
        ('"kitchen granite"', set()),
        ("kitchen NOT quote", {"n1", "n6"}),
        ("kitchen -quote", {"n1", "n6"}),
        ("refund OR delayed", {"n2", "n4"}),
        ("kitchen AND worktop", {"n3"}),
        ("(refund OR delayed) AND carrier", {"n2"}),
        ("deliv*", {"n2", "n4"}),
        ("caf*", {"n7"}),
        ("café", {"n7"}),
        ("NOT kitchen", {"n2", "n4", "n5", "n7", "n9"}),
        ("zebra", set()),  # only in a deleted note
        ("e-mail:invoice", set()),
        ("/.*/ overdue", {"n1"}),  # punctuation is inert
    ],
)
async def test_keyword_syntax(
    corpus: SearchBackend, policy: PolicyEngine, query: str, expected: set[str]
) -> None:
    assert await _ids(corpus, policy, query=query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [("invoice", {"n1", "n5", "n7"}), ("invoices", {"n1", "n5", "n7"}), ("cafe", {"n7"})],
)
async def test_words_are_stemmed_and_folded(
    corpus: SearchBackend, policy: PolicyEngine, query: str, expected: set[str]
) -> None:
    # devservices installs the analysis-common module; a server without it fails here.
    assert _linguistic(corpus), "OpenSearch lacks the analysis-common module"
    assert await _ids(corpus, policy, query=query) == expected


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"tags": ["billing", "legal"]}, {"n1", "n4", "n5"}),
        ({"tags": ["billing", "urgent"], "tag_mode": TagMode.ALL}, {"n1"}),
        ({"tags": ["Billing "]}, {"n1", "n4"}),
        (
            {"since": datetime(2024, 3, 1, tzinfo=UTC), "until": datetime(2024, 4, 10, tzinfo=UTC)},
            {"n3", "n4", "n5"},
        ),
        ({"since": datetime(2024, 5, 1, 9, 30)}, {"n7", "n9"}),  # naive means UTC, inclusive
        ({"author_id": "a1"}, {"n1", "n3", "n6"}),
        ({"type": "escalation"}, {"n2"}),
        ({"category": "sales"}, {"n1", "n3", "n6"}),
        ({"customer_id": "c2"}, {"n3", "n4", "n9"}),
        ({"scope": "customer"}, {"n3", "n7"}),
        ({"query": "kitchen", "customer_id": "c2"}, {"n3"}),
    ],
)
async def test_filters(
    corpus: SearchBackend, policy: PolicyEngine, arguments: dict[str, Any], expected: set[str]
) -> None:
    assert await _ids(corpus, policy, **arguments) == expected


async def test_date_sort_is_newest_first(corpus: SearchBackend, policy: PolicyEngine) -> None:
    page = await _search(corpus, policy, sort=SortOrder.DATE, first=100)
    assert [hit.note_id for hit in page.hits] == ["n9", "n7", "n6", "n5", "n4", "n3", "n2", "n1"]


async def test_relevance_ranks_a_subject_match_first(
    corpus: SearchBackend, policy: PolicyEngine
) -> None:
    page = await _search(corpus, policy, query="kitchen")
    assert page.hits[0].note_id == "n3"
    scores = [hit.score or 0.0 for hit in page.hits]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    ("arguments", "size"),
    [
        ({"sort": SortOrder.DATE}, 3),
        ({"query": "invoice OR kitchen OR delivery"}, 2),
        ({"query": "NOT zebra"}, 1),
    ],
)
async def test_cursor_pages_through_every_hit_once(
    corpus: SearchBackend, policy: PolicyEngine, arguments: dict[str, Any], size: int
) -> None:
    everything = await _search(corpus, policy, first=100, **arguments)
    seen: list[str] = []
    after = None
    while True:
        result = await search_notes(
            corpus,
            visibility_of(policy, ADMIN),
            build_search(first=size, after=after, **arguments),
        )
        assert result.page.total == everything.total
        seen += [hit.note_id for hit in result.page.hits]
        if not result.page.has_next:
            break
        after = result.end_cursor
    assert seen == [hit.note_id for hit in everything.hits]


async def test_facets_count_every_match(corpus: SearchBackend, policy: PolicyEngine) -> None:
    page = await _search(corpus, policy, first=1)
    assert_counts(page, DOCS)


async def test_highlights_mark_matches_and_escape_html(
    corpus: SearchBackend, policy: PolicyEngine
) -> None:
    page = await _search(corpus, policy, query="overdue")
    (hit,) = page.hits
    assert "<em>overdue</em>" in " ".join(hit.highlights["subject"]).lower()
    assert "<em>overdue</em>" in " ".join(hit.highlights["body"]).lower()
    page = await _search(corpus, policy, query="cash")
    body = " ".join(page.hits[0].highlights["body"])
    assert "<em>cash</em>" in body
    assert "<b>" not in body
    assert "&lt;b&gt;" in body
    page = await _search(corpus, policy, query="caf* NOT kitchen")
    assert "<em>" in " ".join(page.hits[0].highlights["subject"])


async def test_older_versions_never_overwrite_newer(
    corpus: SearchBackend, policy: PolicyEngine
) -> None:
    (outcome,) = await corpus.write([STALE_N8])
    assert outcome.status is WriteStatus.STALE
    (outcome,) = await corpus.write([DOCS[0]])  # same version again: idempotent
    assert outcome.status is WriteStatus.STALE
    await corpus.refresh()
    assert await _ids(corpus, policy, query="zebra") == set()


@pytest.mark.parametrize("principal", sorted(PRINCIPALS))
@pytest.mark.parametrize("query", [None, "invoice OR kitchen OR delivery", "NOT zebra"])
async def test_hits_totals_facets_follow_the_policy(
    corpus: SearchBackend, policy: PolicyEngine, principal: str, query: str | None
) -> None:
    oracle = Oracle(policy, PRINCIPALS[principal], ASSIGNED)
    matching = await _ids(corpus, policy, query=query)  # as admin: what the query matches
    allowed = {doc.note_id for doc in DOCS if oracle.reads(doc) and doc.note_id in matching}
    page = await _search(corpus, policy, principal, query=query, first=100)
    assert {hit.note_id for hit in page.hits} == allowed
    assert page.total == len(allowed)
    readable = [doc for doc in DOCS if doc.note_id in allowed]
    assert {b.value: b.count for b in page.facets.tags} == dict(
        Counter(tag for doc in readable for tag in doc.tags)
    )
    assert {b.value: b.count for b in page.facets.types} == dict(Counter(d.type for d in readable))
    assert {b.value: b.count for b in page.facets.authors} == dict(
        Counter(d.author_id for d in readable)
    )


async def test_the_policy_cases_are_not_trivial(policy: PolicyEngine) -> None:
    def readable(name: str) -> set[str]:
        oracle = Oracle(policy, PRINCIPALS[name], ASSIGNED)
        return {doc.note_id for doc in DOCS if oracle.reads(doc)}

    assert readable("support") >= {"n6"}  # the handoff rule
    assert "n1" not in readable("support")
    assert readable("partner-p1") == {"n7"}
    assert readable("customer-c2") == {"n3"}
    assert readable("field") == {"n7"}
    assert readable("nobody") == set()
    assert "n5" not in readable("qa")


@pytest.mark.parametrize(
    "query",
    [
        "*:* OR scope:restricted",
        "restricted) OR (matter",
        '\\" OR 1=1 --',
        '{"script": "ctx._source"} invoice',
        "scope:restricted",
        "legal~2 dispute^10",
    ],
)
async def test_hostile_queries_stay_inside_the_permission_filter(
    corpus: SearchBackend, policy: PolicyEngine, query: str
) -> None:
    try:
        search = build_search(query=query, first=100)
    except Invalid:  # a clear rejection is as good as a safe search
        return
    page = await corpus.search(search, visibility_of(policy, PRINCIPALS["partner-p1"]))
    assert {hit.note_id for hit in page.hits} <= {"n7"}
