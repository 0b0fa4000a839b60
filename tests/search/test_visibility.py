"""The search backends take only the store's `NoteVisibility`, never a raw PolicyView."""

from __future__ import annotations

from typing import Any

import pytest

from policies.enforcer import PolicyEngine
from policies.principal import Principal
from policies.view import CustomerReach
from policies.vocabulary import Scope
from search.backend import SearchBackend
from search.request import build_search
from store.visibility import NoteVisibility, note_visibility

BRANCH = Principal("agent-b", ("branch",), branches=("b1",))


async def test_a_policy_view_is_refused_by_both_backends(
    backend: SearchBackend, policy: PolicyEngine
) -> None:
    view: Any = policy.compile(BRANCH)
    with pytest.raises(TypeError, match="NoteVisibility"):
        await backend.search(build_search(), view)


def test_only_the_store_builds_a_visibility() -> None:
    with pytest.raises(TypeError, match="note_visibility"):
        NoteVisibility(frozenset(Scope), frozenset(), CustomerReach(everyone=True))


def test_one_visibility_per_distinct_policy(policy: PolicyEngine) -> None:
    first = note_visibility(policy.compile(BRANCH))
    again = note_visibility(policy.compile(Principal("agent-c", ("branch",), branches=("b1",))))
    other = note_visibility(policy.compile(Principal("agent-b", ("branch",), branches=("b2",))))
    assert again is first
    assert other != first
    assert first.reach.branches == frozenset({"b1"})
    assert not first.reach.everyone
