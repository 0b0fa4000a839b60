"""Persisted operations on the HTTP path: automatic persisted queries and the safelist.

The Apollo APQ protocol: a request whose `extensions.persistedQuery` is
``{"version": 1, "sha256Hash": H}`` and that has no `query` runs the document persisted under
H, or answers PERSISTED_QUERY_NOT_FOUND (message ``PersistedQueryNotFound``), after which the
client sends the document with H: it is checked (SHA-256 of its text must be H), executed and,
when it parsed and validated, kept for the next time. `C360_PERSISTED_QUERIES=false` turns
registration and hash-only requests off (PERSISTED_QUERY_NOT_SUPPORTED).

A principal holding a role in `C360_SAFELIST_ROLES` may run only safelisted operations (the
ones an operator loaded with `python -m gateway persist`), by hash or by their exact text;
anything else is FORBIDDEN with `reason: PERSISTED_QUERY_REQUIRED`, and it registers nothing.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult

from core.settings import Settings
from policies.principal import Principal
from store.persisted import Persisted, PersistedOperations, sha256_of

_HASH = re.compile(r"[0-9a-f]{64}")


def _refusal(message: str, code: str, **extensions: Any) -> ExecutionResult:
    return ExecutionResult(
        data=None, errors=[GraphQLError(message, extensions={"code": code, **extensions})]
    )


@dataclass(frozen=True, slots=True)
class Resolved:
    """The request to execute, the persisted operation it named (if any), and whether its
    document should be registered once it has run without request errors."""

    request: GraphQLRequestData
    operation: Persisted | None = None
    register: bool = False


def _restricted(principal: Principal, settings: Settings) -> bool:
    return any(role in settings.safelist_roles for role in principal.roles)


def _requested_hash(request: GraphQLRequestData) -> str | ExecutionResult | None:
    persisted = (request.extensions or {}).get("persistedQuery")
    if persisted is None:
        return None
    if (
        not isinstance(persisted, dict)
        or persisted.get("version") != 1
        or not isinstance(persisted.get("sha256Hash"), str)
        or not _HASH.fullmatch(persisted["sha256Hash"])
    ):
        return _refusal(
            "extensions.persistedQuery must be {version: 1, sha256Hash: <64 lowercase hex>}",
            "BAD_REQUEST",
        )
    return str(persisted["sha256Hash"])


async def resolve(
    request: GraphQLRequestData,
    principal: Principal,
    settings: Settings,
    operations: PersistedOperations,
) -> Resolved | ExecutionResult:
    """What to execute for this request, or the refusal to answer instead."""
    requested = _requested_hash(request)
    if isinstance(requested, ExecutionResult):
        return requested
    restricted = _restricted(principal, settings)
    if requested is None:
        if not restricted or request.query is None:
            return Resolved(request)
        found = await operations.find(sha256_of(request.query))
        if found is None or not found.safelisted:
            return _safelist_only()
        return Resolved(request, found)
    if not settings.persisted_queries:
        return _refusal("persisted queries are turned off", "PERSISTED_QUERY_NOT_SUPPORTED")
    if request.query is None:
        found = await operations.find(requested)
        if found is None:
            return _refusal("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND")
        if restricted and not found.safelisted:
            return _safelist_only()
        return Resolved(dataclasses.replace(request, query=found.document), found)
    if sha256_of(request.query) != requested:
        return _refusal("provided sha does not match query", "BAD_REQUEST")
    if restricted:
        found = await operations.find(requested)
        if found is None or not found.safelisted:
            return _safelist_only()
        return Resolved(request, found)
    return Resolved(request, register=True)


def _safelist_only() -> ExecutionResult:
    return _refusal(
        "this caller may run only the operations of the safelist (python -m gateway persist)",
        "FORBIDDEN",
        reason="PERSISTED_QUERY_REQUIRED",
    )
