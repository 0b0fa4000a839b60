"""Encryption-at-rest overhead: a page of 20 restricted notes, sealed vs plain, in one run.

Two SQLite stores are seeded alike; in one the restricted notes are written through a sealer
(store/sealing.py), in the other in plain text. Three figures, each the ratio of medians of
the two variants run alternately (bench/harness.py):

- the Customer360 read: `customer(id) { notes(first: 20, filter: {scope: RESTRICTED}) { … } }`
  executed by the schema as a manager (policy, loaders, the store read and decryption);
- the store read alone: the same 20 notes loaded as ORM rows (decryption is all the difference);
- the write: 20 restricted notes inserted and flushed (encryption), rolled back each round.

Run: `python -m bench.encryption [--rounds N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bench.harness import Comparison, compare
from bench.in_process import request_context
from core.crypto import Envelope, LocalKeyring
from core.settings import REPO_ROOT, Settings
from demo.seed import seed
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from schema import build_schema
from store.db import create_engine, session_factory
from store.enums import NoteCategory, NoteType, Scope
from store.migrate import async_upgrade
from store.models import Customer, Note
from store.sealing import Sealer, attach

PAGE = 20
QUERY = """
query Page($id: ID!) {
  customer(id: $id) {
    notes(first: 20, filter: {scope: RESTRICTED}) {
      edges { node { id subject body scope } }
    }
  }
}
"""
SUBJECT = "Escalation about the delivery of order {n}, refund under review"
BODY = (
    "Customer called about order {n}: the wardrobe arrived with a scratched panel and the "
    "fitting appointment was missed twice. Agreed a partial refund pending the courier's "
    "report; the account manager follows up on Friday. Notes from the call: " + "x" * 300
)


def _notes(customer_id: str, author_id: str, first: int) -> list[Note]:
    now = datetime.now(UTC)
    return [
        Note(
            customer_id=customer_id,
            author_id=author_id,
            subject=SUBJECT.format(n=n),
            body=BODY.format(n=n),
            category=NoteCategory.SALES,
            type=NoteType.INTERACTION_LOG,
            scope=Scope.RESTRICTED,
            created_at=now - timedelta(minutes=n),
            updated_at=now - timedelta(minutes=n),
        )
        for n in range(first, first + PAGE)
    ]


@asynccontextmanager
async def _store(directory: Path, name: str, sealer: Sealer | None) -> AsyncIterator[AsyncEngine]:
    url = f"sqlite+aiosqlite:///{directory / name}"
    await async_upgrade(url)
    engine = create_engine(url)
    attach(engine, sealer)
    try:
        await seed(engine, customers=20, notes=200)
        yield engine
    finally:
        await engine.dispose()


async def run(*, rounds: int) -> list[Comparison]:
    """Seed a plain and a sealed store, then compare reads and writes of 20 restricted notes."""
    ring = LocalKeyring({"k1": os.urandom(32)}, "k1")
    sealer = Sealer(Envelope(ring), frozenset({Scope.RESTRICTED}))
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    principal = Principal(subject="agent-2", roles=("manager",))
    with tempfile.TemporaryDirectory() as directory:
        async with (
            _store(Path(directory), "plain.db", None) as plain,
            _store(Path(directory), "sealed.db", sealer) as sealed,
        ):
            customer_id = ""
            for engine in (plain, sealed):
                async with AsyncSession(engine) as session, session.begin():
                    customer_id = (
                        await session.scalar(select(Customer.id).order_by(Customer.id)) or ""
                    )
                    session.add_all(_notes(customer_id, "agent-2", 0))
            settings = Settings(environment="test", database_url="sqlite://", opensearch_url=None)
            schema = build_schema(settings)

            def read_page(engine: AsyncEngine) -> object:
                sessions = session_factory(engine)

                async def page() -> None:
                    view = policy.compile(principal)
                    context = request_context(settings, principal, view, policy, engine, sessions)
                    result = await schema.execute(
                        QUERY, variable_values={"id": customer_id}, context_value=context
                    )
                    assert not result.errors, result.errors
                    edges = result.data["customer"]["notes"]["edges"]  # type: ignore[index]
                    assert len(edges) == PAGE, len(edges)
                    assert all(e["node"]["subject"].startswith("Escalation") for e in edges)

                return page

            def load_rows(engine: AsyncEngine) -> object:
                async def rows() -> None:
                    async with AsyncSession(engine) as session:
                        found = list(
                            await session.scalars(
                                select(Note)
                                .where(Note.customer_id == customer_id, Note.scope == "restricted")
                                .order_by(Note.created_at.desc())
                                .limit(PAGE)
                            )
                        )
                    assert len(found) == PAGE
                    assert all(note.subject.startswith("Escalation") for note in found)

                return rows

            def write(engine: AsyncEngine) -> object:
                async def insert() -> None:
                    async with AsyncSession(engine) as session:
                        session.add_all(_notes(customer_id, "agent-2", 1000))
                        await session.flush()
                        await session.rollback()

                return insert

            results = []
            for name, make in (
                ("Customer360 page of 20 restricted notes (GraphQL)", read_page),
                ("store read of the 20 notes (ORM rows)", load_rows),
                ("write of 20 restricted notes (insert + flush)", write),
            ):
                results.append(
                    await compare(
                        f"encryption overhead: {name}",
                        make(plain),  # type: ignore[arg-type]
                        make(sealed),  # type: ignore[arg-type]
                        rounds=rounds,
                        progress=False,
                    )
                )
            return results


def per_value(count: int = 2000) -> tuple[float, float]:
    """Microseconds to seal and to open one 600-character body (the envelope alone)."""
    envelope = Envelope(LocalKeyring({"k1": os.urandom(32)}, "k1"))
    text = BODY.format(n=1)[:600]
    started = time.perf_counter()
    tokens = [envelope.seal(text, "note:n:body") for _ in range(count)]
    sealed = time.perf_counter()
    for token in tokens:
        envelope.open(token, "note:n:body")
    opened = time.perf_counter()
    return (sealed - started) / count * 1e6, (opened - sealed) / count * 1e6


def main() -> None:
    """Print the three comparisons (baseline: plain; variant: sealed) and the per-value cost."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    for result in asyncio.run(run(rounds=args.rounds)):
        print(result.line())
    seal, unseal = per_value()
    print(f"encryption per value (600 characters): seal {seal:.1f} us, open {unseal:.1f} us")


if __name__ == "__main__":
    main()
