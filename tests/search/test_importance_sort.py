"""The importance sort and filter give the same answers on both backends, keywords or not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from policies.enforcer import PolicyEngine
from search.backend import SearchBackend
from search.documents import NoteDocument
from search.request import SortOrder, build_search
from search.service import search_notes
from store.enums import Importance
from tests.search.conftest import visibility_of
from tests.search.corpus import PRINCIPALS


def _doc(number: int, importance: str, pinned: bool, text: str) -> NoteDocument:
    at = datetime(2024, 1, number + 1, tzinfo=UTC)
    return NoteDocument(
        note_id=f"i{number}",
        version=1,
        subject=text,
        body=text,
        scope="internal",
        type="technical",
        category="general",
        importance=importance,
        pinned=pinned,
        author_id="a1",
        customer_id="c2",
        branch_id="b2",
        created_at=at,
        updated_at=at,
    )


# Newest last: i3 (critical, pinned) leads, then i1 (critical), i2 (high, pinned), i4, i0.
DOCS = [
    _doc(0, "low", False, "kitchen sink"),
    _doc(1, "critical", False, "kitchen"),
    _doc(2, "high", True, "kitchen tap"),
    _doc(3, "critical", True, "garden"),
    _doc(4, "normal", False, "kitchen kitchen kitchen"),
    _doc(5, "critical", False, "garden shed"),
]


@pytest.fixture(scope="module")
async def indexed(backend: SearchBackend) -> SearchBackend:
    await backend.write(DOCS)
    await backend.refresh()
    return backend


@pytest.mark.parametrize(
    ("query", "importance", "expected"),
    [
        (None, None, ["i3", "i5", "i1", "i2", "i4", "i0"]),
        ("kitchen", None, ["i1", "i2", "i4", "i0"]),
        (None, Importance.CRITICAL, ["i3", "i5", "i1"]),
    ],
    ids=["everything", "keywords", "critical only"],
)
async def test_importance_first_then_pinned_then_newest_page_by_page(
    indexed: SearchBackend,
    policy: PolicyEngine,
    query: str | None,
    importance: Importance | None,
    expected: list[str],
) -> None:
    visibility = visibility_of(policy, PRINCIPALS["admin"])
    seen: list[str] = []
    after = None
    while True:
        search = build_search(
            query=query, importance=importance, sort=SortOrder.IMPORTANCE, first=2, after=after
        )
        result = await search_notes(indexed, visibility, search)
        assert result.page.total == len(expected)
        assert all(hit.score is None for hit in result.page.hits)
        seen += [hit.note_id for hit in result.page.hits]
        if not result.page.has_next:
            break
        after = result.end_cursor
    assert seen == expected
