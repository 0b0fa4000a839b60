"""Search test fixtures: one backend of each kind, policy views, and a policy oracle."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from core.settings import REPO_ROOT
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from search.backend import SearchBackend
from search.documents import NoteDocument
from search.embedded import EmbeddedSearch
from search.opensearch_backend import OpenSearchBackend
from store.visibility import NoteVisibility, note_visibility
from tests.fixtures.decisions import raw_decisions

BACKENDS = [
    pytest.param("embedded", id="embedded"),
    pytest.param("opensearch", id="opensearch", marks=pytest.mark.opensearch),
]


async def open_backend(kind: str, request: pytest.FixtureRequest, directory: Path) -> SearchBackend:
    """A fresh, empty backend of `kind` (a private index prefix or SQLite file)."""
    if kind == "embedded":
        return EmbeddedSearch.open(directory / f"search-{uuid.uuid4().hex[:8]}.db")
    server: Any = request.getfixturevalue("opensearch_server")
    return OpenSearchBackend(server.url, f"test-{uuid.uuid4().hex[:10]}")


async def dispose_backend(backend: SearchBackend) -> None:
    """Delete a test backend's indexes and close it."""
    if isinstance(backend, OpenSearchBackend):
        await backend.client.indices.delete(
            index=f"{backend.alias}*", ignore_unavailable=True, expand_wildcards="all"
        )
    await backend.close()


@pytest.fixture(scope="module", params=BACKENDS)
async def backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[SearchBackend]:
    """An empty backend for the module, once per kind (embedded, OpenSearch)."""
    opened = await open_backend(request.param, request, tmp_path_factory.mktemp("search"))
    await opened.ensure_index()
    try:
        yield opened
    finally:
        await dispose_backend(opened)


@pytest.fixture(scope="session")
async def policy() -> PolicyEngine:
    """The real policy files."""
    return await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")


class Oracle:
    """What a principal may read, decided with raw `enforce` calls (not PolicyView)."""

    def __init__(self, policy: PolicyEngine, principal: Principal, assigned: set[tuple[str, str]]):
        self.policy = policy
        self.p = principal
        self.assigned = assigned

    def _any(self, obj: str, act: str) -> bool:
        return raw_decisions(self.policy).any(self.p.roles, obj, act)

    def reads(self, doc: NoteDocument) -> bool:
        """True if the principal may read this document's note."""
        if doc.deleted:
            return False
        reaches = (
            self._any("reach:all", "use")
            or (self._any("reach:branch", "use") and doc.branch_id in self.p.branches)
            or (
                self._any("reach:partner", "use")
                and self.p.partner is not None
                and doc.partner_id == self.p.partner
            )
            or (
                self._any("reach:assigned", "use")
                and (doc.customer_id or "", self.p.subject) in self.assigned
            )
            or (self._any("reach:self", "use") and doc.customer_id == self.p.customer)
        )
        if not reaches:
            return False
        return self._any(f"scope:{doc.scope}", "read") or (
            self._any(f"handoff:{doc.scope}", "read") and "handoff" in doc.tags
        )


def visibility_of(policy: PolicyEngine, principal: Principal) -> NoteVisibility:
    """The note visibility searchNotes would search with for `principal`."""
    return note_visibility(policy.compile(principal))
