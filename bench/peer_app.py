"""The CPU baseline: a bare strawberry app over the store's own tables, with hand-written SQL.

It answers the store-backed part of the typical Customer360 (`PEER_QUERY`) for a caller who
reads every note: a manager (policies: manager inherits senior, whose note visibility is every
scope of every customer), so the only row filter is the deletion one and the peer skips policy.
No SQLAlchemy, no policy, no auth: asyncpg directly, strawberry's own DataLoader (the gateway's
environment has no aiodataloader, and strawberry's loader batches the same way), JSON out. Its
answers are byte-identical to the gateway's for `PEER_QUERY` (tests/bench/test_cpu_peer.py), so
`bench.cpu_peer` compares CPU per request for the same work.

``python -m bench.peer_app DSN PORT`` serves it (DSN: a plain postgresql:// URL).
"""

from __future__ import annotations

import base64
import contextlib
import json
import sys
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from enum import Enum
from typing import Any

import asyncpg
import strawberry
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from strawberry.dataloader import DataLoader

PEER_QUERY = """
query Customer360($id: ID!) {
  customer(id: $id) {
    id name email phone lastActivityAt
    notes(first: 20) { totalCount edges { node { id subject scope tags version } } }
  }
}
"""

_CUSTOMERS = "SELECT id, name, email, phone, last_activity_at FROM customers WHERE id = ANY($1)"
# One page per customer: pinned first then newest (the gateway's default order), plus a count.
_NOTES = """
SELECT c.id AS customer_id, n.id, n.subject, n.scope, n.version,
       (SELECT count(*) FROM notes k WHERE k.customer_id = c.id AND k.deleted_at IS NULL)
         AS total
FROM unnest($1::text[]) AS c(id)
LEFT JOIN LATERAL (
  SELECT id, subject, scope, version FROM notes
  WHERE customer_id = c.id AND deleted_at IS NULL
  ORDER BY pinned DESC, created_at DESC, id DESC LIMIT $2
) n ON true
"""
_TAGS = "SELECT note_id, tag FROM note_tags WHERE note_id = ANY($1) ORDER BY note_id, tag"
PAGE = 20


def _global_id(type_name: str, key: str) -> str:
    return base64.b64encode(f"{type_name}:{key}".encode()).decode("ascii")


def _raw_key(value: str) -> str:
    # The gateway takes a Customer360 global id or (v1) a raw key; so does the peer.
    try:
        decoded = base64.b64decode(value.encode("ascii"), validate=True).decode("utf-8")
    except ValueError:
        return value
    type_name, _, key = decoded.partition(":")
    return key if type_name == "Customer360" and key else value


@strawberry.enum
class Scope(Enum):
    INTERNAL = "internal"
    SALES = "sales"
    BRANCH = "branch"
    SUPPORT = "support"
    FINANCE = "finance"
    FULFILLMENT = "fulfillment"
    RESTRICTED = "restricted"
    CUSTOMER = "customer"


@strawberry.type
class Note:
    id: strawberry.ID
    subject: str
    scope: Scope
    version: int
    key: strawberry.Private[str]

    @strawberry.field
    async def tags(self, info: strawberry.Info) -> list[str]:
        tags: list[str] = await info.context["tags"].load(self.key)
        return tags


@strawberry.type
class NoteEdge:
    node: Note


@strawberry.type
class NoteConnection:
    total_count: int
    edges: list[NoteEdge]


@strawberry.type
class Customer360:
    id: strawberry.ID
    name: str
    email: str | None
    phone: str | None
    last_activity_at: datetime | None
    key: strawberry.Private[str]

    @strawberry.field
    async def notes(self, info: strawberry.Info, first: int = PAGE) -> NoteConnection:
        total, notes = await info.context["notes"].load(self.key)
        return NoteConnection(
            total_count=total, edges=[NoteEdge(node=note) for note in notes[:first]]
        )


@strawberry.type
class Query:
    @strawberry.field
    async def customer(self, info: strawberry.Info, id: strawberry.ID) -> Customer360 | None:
        found: Customer360 | None = await info.context["customers"].load(_raw_key(str(id)))
        return found


schema = strawberry.Schema(query=Query)


def _loaders(pool: asyncpg.Pool) -> dict[str, DataLoader[str, Any]]:
    async def customers(keys: Sequence[str]) -> list[Customer360 | None]:
        rows = await pool.fetch(_CUSTOMERS, list(keys))
        found = {
            row["id"]: Customer360(
                id=strawberry.ID(_global_id("Customer360", row["id"])),
                name=row["name"],
                email=row["email"],
                phone=row["phone"],
                last_activity_at=row["last_activity_at"],
                key=row["id"],
            )
            for row in rows
        }
        return [found.get(key) for key in keys]

    async def notes(keys: Sequence[str]) -> list[tuple[int, list[Note]]]:
        pages: dict[str, tuple[int, list[Note]]] = {key: (0, []) for key in keys}
        for row in await pool.fetch(_NOTES, list(keys), PAGE):
            page = pages[row["customer_id"]][1]
            pages[row["customer_id"]] = (row["total"], page)
            if row["id"] is not None:
                page.append(
                    Note(
                        id=strawberry.ID(_global_id("Note", row["id"])),
                        subject=row["subject"],
                        scope=Scope(row["scope"]),
                        version=row["version"],
                        key=row["id"],
                    )
                )
        return [pages[key] for key in keys]

    async def tags(keys: Sequence[str]) -> list[list[str]]:
        found: dict[str, list[str]] = {key: [] for key in keys}
        for row in await pool.fetch(_TAGS, list(keys)):
            found[row["note_id"]].append(row["tag"])
        return [found[key] for key in keys]

    return {
        "customers": DataLoader(load_fn=customers),
        "notes": DataLoader(load_fn=notes),
        "tags": DataLoader(load_fn=tags),
    }


def create_peer_app(dsn: str) -> Starlette:
    """The peer ASGI app over the store at `dsn` (a postgresql:// URL, no driver suffix)."""
    state: dict[str, asyncpg.Pool] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state["pool"] = await asyncpg.create_pool(dsn, min_size=1, max_size=10)
        try:
            yield
        finally:
            await state["pool"].close()

    async def graphql(request: Request) -> Response:
        body = await request.json()
        result = await schema.execute(
            body["query"],
            variable_values=body.get("variables"),
            operation_name=body.get("operationName"),
            context_value=_loaders(state["pool"]),
        )
        answer: dict[str, Any] = {"data": result.data}
        if result.errors:
            answer["errors"] = [error.formatted for error in result.errors]
        # Encoded as strawberry's HTTP views encode (compact, ASCII), like the gateway.
        return Response(json.dumps(answer, separators=(",", ":")), media_type="application/json")

    async def healthz(request: Request) -> Response:
        return Response("ok")

    return Starlette(
        routes=[Route("/graphql", graphql, methods=["POST"]), Route("/healthz", healthz)],
        lifespan=lifespan,
    )


def plain_dsn(database_url: str) -> str:
    """A SQLAlchemy `postgresql+asyncpg://` URL as asyncpg takes it."""
    return database_url.replace("postgresql+asyncpg://", "postgresql://", 1)


def _serve(dsn: str, port: int) -> None:
    import uvicorn

    uvicorn.run(
        create_peer_app(dsn),
        host="127.0.0.1",
        port=port,
        log_config=None,
        access_log=False,
        ws="none",
        lifespan="on",
    )


if __name__ == "__main__":
    _serve(sys.argv[1], int(sys.argv[2]))
