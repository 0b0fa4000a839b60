"""A request's store reads share one pooled connection while they do not overlap: a
Customer360 (the customer, then its notes page) takes one connection from the pool, not one
per read, and on PostgreSQL its access record is written on that connection too; reads in
flight together still each get their own; and every connection is back in the pool once the
request is answered."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event, select
from sqlalchemy.pool import Pool

from core.settings import Settings
from gateway.auth import mint_token
from store.enums import Scope
from store.models import AccessRead, Note
from tests.fixtures.app import serve_in_thread, sqlite_settings
from tests.fixtures.database import Backend
from tests.fixtures.seeded import SeededStore
from tests.fixtures.statements import busiest_customers

CUSTOMER360 = """query($id: ID!) { customer(id: $id) { id name
  notes(first: 5) { totalCount edges { node { id subject tags } } } } }"""

# Two lists of one customer resolve side by side: their reads overlap.
TWO_LISTS = """query($id: ID!) { customer(id: $id) {
  notes(first: 5) { totalCount edges { node { id } } }
  interactions(first: 5) { totalCount edges { node { id } } } } }"""


@dataclass
class PoolTraffic:
    """Connections the gateway's thread took from a pool and gave back."""

    checkouts: int = 0
    checkins: int = 0
    changed: threading.Condition = field(default_factory=threading.Condition)

    def count(self, *, checkout: bool) -> None:
        """One checkout or checkin, seen in the gateway's thread."""
        with self.changed:
            if checkout:
                self.checkouts += 1
            else:
                self.checkins += 1
            self.changed.notify_all()

    def wait_settled(self, timeout: float) -> bool:
        """Block until every connection taken is back (False after `timeout` seconds)."""
        with self.changed:
            return self.changed.wait_for(lambda: self.checkins == self.checkouts, timeout)


@contextmanager
def gateway_pool_traffic() -> Iterator[PoolTraffic]:
    """Count checkouts and checkins of every pool, made outside this (the test's) thread."""
    traffic = PoolTraffic()
    mine = threading.get_ident()

    def on_checkout(*_args: Any) -> None:
        if threading.get_ident() != mine:
            traffic.count(checkout=True)

    def on_checkin(*_args: Any) -> None:
        if threading.get_ident() != mine:
            traffic.count(checkout=False)

    event.listen(Pool, "checkout", on_checkout)
    event.listen(Pool, "checkin", on_checkin)
    try:
        yield traffic
    finally:
        event.remove(Pool, "checkout", on_checkout)
        event.remove(Pool, "checkin", on_checkin)


def _served_settings(tmp_path: Path, database_url: str, *, access_audit: bool) -> Settings:
    """A served gateway on the store under test, without rate-limit spends or the indexer."""
    return sqlite_settings(
        tmp_path,
        database_url=database_url,
        search_embedded_path=tmp_path / "search.db",
        search_indexer=False,
        rate_limit_enabled=False,
        access_audit_enabled=access_audit,
    )


async def _settled(traffic: PoolTraffic) -> None:
    # The kept connection goes back after the answer is sent (and its access record written).
    assert await asyncio.to_thread(traffic.wait_settled, 5), traffic


async def test_a_customer360_reads_on_one_connection_and_gives_it_back(
    seeded_store: SeededStore, database_url: str, tmp_path: Path
) -> None:
    # Only the reads: no rate-limit spend and no access record (each has its own connection).
    settings = _served_settings(tmp_path, database_url, access_audit=False)
    async with seeded_store.sessions() as session:
        [customer] = await busiest_customers(session, 1)
    token = mint_token(settings, subject="agent-2", roles=("manager",))
    with serve_in_thread(settings) as url:
        async with httpx.AsyncClient(
            base_url=url, timeout=30, headers={"Authorization": f"Bearer {token}"}
        ) as client:

            async def ask(query: str) -> dict[str, Any]:
                response = await client.post(
                    "/graphql", json={"query": query, "variables": {"id": customer}}
                )
                assert response.status_code == 200, response.text
                body: dict[str, Any] = response.json()
                assert "errors" not in body, body
                return body

            with gateway_pool_traffic() as traffic:
                await ask(CUSTOMER360)  # warm: the policy, the statement caches
                await _settled(traffic)
                before = traffic.checkouts
                body = await ask(CUSTOMER360)
                await _settled(traffic)
                # The customer and then its notes page: two reads, one connection.
                assert body["data"]["customer"]["notes"]["edges"]
                assert traffic.checkouts - before == 1

                before = traffic.checkouts
                body = await ask(TWO_LISTS)
                await _settled(traffic)
                # Overlapping reads are not serialised on one connection: the customer's
                # connection serves one list, the other list's read takes one of its own.
                assert body["data"]["customer"]["notes"]["edges"]
                assert body["data"]["customer"]["interactions"] is not None
                assert traffic.checkouts - before == 2


async def test_the_access_record_is_written_on_the_requests_read_connection(
    seeded_store: SeededStore, database_url: str, database_backend: Backend, tmp_path: Path
) -> None:
    settings = _served_settings(tmp_path, database_url, access_audit=True)
    # A customer whose newest note is restricted: its first page shows (and records) it.
    async with seeded_store.sessions() as session:
        customer = await session.scalar(
            select(Note.customer_id)
            .where(Note.scope == Scope.RESTRICTED, Note.deleted_at.is_(None))
            .order_by(Note.customer_id)
            .limit(1)
        )
    assert customer is not None
    query = """query($id: ID!) { customer(id: $id) {
      notes(first: 100, filter: {scope: RESTRICTED}) { edges { node { id } } } } }"""
    token = mint_token(settings, subject="agent-2", roles=("manager",))
    with serve_in_thread(settings) as url:
        async with httpx.AsyncClient(
            base_url=url, timeout=30, headers={"Authorization": f"Bearer {token}"}
        ) as client:
            with gateway_pool_traffic() as traffic:
                response = await client.post(
                    "/graphql", json={"query": query, "variables": {"id": customer}}
                )
                assert response.status_code == 200, response.text
                assert response.json()["data"]["customer"]["notes"]["edges"]
                await _settled(traffic)
    async with seeded_store.sessions() as session:
        recorded = await session.scalar(
            select(AccessRead.note_ids).where(
                AccessRead.principal == "agent-2", AccessRead.customer_id == customer
            )
        )
    assert recorded  # the restricted notes shown were recorded
    # PostgreSQL: the reads and the record, one connection. SQLite writes the record in a
    # write transaction of its own.
    assert traffic.checkouts == (1 if database_backend.name == "postgres" else 2)
