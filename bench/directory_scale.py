"""`python -m bench.directory_scale --admin-dsn postgresql://… [--customers N] [--big-notes N]`:
the directory search and a customer's notes page at scale, the old query shapes against the new.

A scratch PostgreSQL database (migrated to head, dropped afterwards) is filled by binary COPY:
`--customers` customers (surnames drawn from 50, so "smith" matches ~2%, phones in mixed
punctuation), two notes for every customer, and two chosen customers with 100 and `--big-notes`
notes. Each figure is `--rounds` executions through the store's own engine (asyncpg prepared
statements, so PostgreSQL may switch to a generic plan after five), reported as median and p95:

- directory "smith" / a phone number: the old shape (every row folded per query, exact COUNT
  and page) against `store.directory.search_customers` (folded columns, trigram indexes,
  COUNT capped);
- notes(first: 20) of the 100-note and the big customer: the old window over all of the
  customer's notes against the LATERAL page, rows only, and the whole `notes_by_customer_ids`
  (count, page, tags).

Not part of `python -m bench` (it needs minutes of loading); tests/bench runs a tiny smoke.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, event, func, or_, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bench.services import scratch_database
from core.settings import REPO_ROOT
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from policies.view import PolicyView
from store.db import create_engine, session_factory
from store.directory import COUNT_CAP, directory_filter, search_customers
from store.keyset_lateral import lateral_pages, window_pages
from store.models import Customer, Note
from store.note_reads import CUSTOMER_NOTES, NoteFilter, notes_by_customer_ids
from store.pagination import PageRequest
from store.visibility import reachable_customers, readable_notes

SURNAMES = (
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Robinson",
    "Wright",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Wood",
    "Jackson",
    "Clarke",
    "Patel",
    "Khan",
    "Lewis",
    "James",
    "Phillips",
    "Mason",
    "Mitchell",
    "Rose",
    "Davis",
    "Rodriguez",
    "Cox",
    "Alexander",
    "Morgan",
    "Moore",
    "Kowalczyk",
    "Nowak",
    "Müller",
    "Schmidt",
    "Dupont",
    "O'Brien",
    "Martin",
    "Bernard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Michel",
    "Garcia",
)
GIVEN = (
    "Anne",
    "John",
    "Mary",
    "Zoë",
    "Émile",
    "Jean-Luc",
    "Ahmed",
    "Priya",
    "Li",
    "Olga",
    "Sean",
    "Maria",
    "Tom",
    "Ava",
    "Noah",
)
SMALL, BIG = "bench-small", "bench-big"
PHONE_QUERY = "+44 (0)20 7946 0123"


def _phone(rng: random.Random) -> str:
    digits = f"{rng.randrange(10**7):07d}"
    shape = rng.randrange(3)
    if shape == 0:
        return f"+44 (0)20 {digits[:3]}-{digits[3:]}"
    if shape == 1:
        return f"020.{digits[:3]}/{digits[3:]}"
    return f"07700 {digits}"


async def load(engine: AsyncEngine, customers: int, big_notes: int, seed: int = 7) -> None:
    """Fill the scratch store by COPY (generated columns and indexes are built on the way)."""
    rng = random.Random(seed)
    now = datetime(2026, 11, 1, tzinfo=UTC)
    async with engine.begin() as connection:
        raw = await connection.get_raw_connection()
        pg: Any = raw.driver_connection
        await pg.execute("INSERT INTO branches (id, name) VALUES ('b-1', 'One')")
        await pg.execute(
            "INSERT INTO agents (id, name, email, role, active, created_at, source)"
            " VALUES ('agent-1', 'Agent', 'agent@example.com', 'sales', true, now(), 'seed')"
        )
        rows: list[tuple[Any, ...]] = [
            (
                f"c-{i:07d}",
                f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}",
                f"user{i}@example.com",
                _phone(rng),
                "b-1",
                False,
                now,
            )
            for i in range(customers)
        ]
        rows[0] = (SMALL, "Small Customer", None, PHONE_QUERY, "b-1", False, now)
        rows[1] = (BIG, "Big Customer", None, None, "b-1", False, now)
        columns = ["id", "name", "email", "phone", "branch_id", "vip", "created_at"]
        await pg.copy_records_to_table("customers", records=rows, columns=columns)

        def notes(customer: str, count: int) -> list[tuple[Any, ...]]:
            return [
                (
                    str(uuid.uuid4()),
                    customer,
                    "agent-1",
                    "Subject",
                    "Body",
                    "sales",
                    "interaction_log",
                    ("sales", "support", "internal")[n % 3],
                    "normal",
                    n % 50 == 0,
                    now - timedelta(minutes=n),
                    now,
                    1,
                )
                for n in range(count)
            ]

        note_columns = [
            "id", "customer_id", "author_id", "subject", "body", "category", "type", "scope",
            "importance", "pinned", "created_at", "updated_at", "version",
        ]  # fmt: skip
        batch: list[tuple[Any, ...]] = []
        for i in range(2, customers):
            batch += notes(f"c-{i:07d}", 2)
            if len(batch) >= 50_000:
                await pg.copy_records_to_table("notes", records=batch, columns=note_columns)
                batch = []
        batch += notes(SMALL, 100) + notes(BIG, big_notes)
        await pg.copy_records_to_table("notes", records=batch, columns=note_columns)
    async with engine.connect() as connection:
        await connection.execution_options(isolation_level="AUTOCOMMIT")
        await connection.execute(text("VACUUM ANALYZE customers"))
        await connection.execute(text("VACUUM ANALYZE notes"))


def _old_matches(query: str) -> ColumnElement[bool]:
    # The directory search as it was before migration 0012: every row folded per query.
    folded = re.sub(r"[^\w@.]+", "", query.lower())
    digits = re.sub(r"\D+", "", query)
    name: ColumnElement[str] = func.lower(Customer.name)
    for char in " '-.,":
        name = func.replace(name, char, "")
    clauses = [
        name.contains(folded, autoescape=True),
        func.lower(Customer.email).contains(folded, autoescape=True),
    ]
    if len(digits) >= 3:
        phone: ColumnElement[str | None] = Customer.phone.expression
        for char in " -()+./":
            phone = func.replace(phone, char, "")
        clauses.append(phone.contains(digits, autoescape=True))
    return or_(*clauses)


async def _old_search(session: AsyncSession, view: PolicyView, query: str) -> int:
    where = [reachable_customers(view), _old_matches(query)]
    total = await session.scalar(select(func.count()).select_from(Customer).where(*where))
    rows = await session.scalars(
        select(Customer).where(*where).order_by(Customer.name, Customer.id).limit(21)
    )
    return int(total or 0) + len(list(rows))


def _notes_statement(view: PolicyView, customer: str, *, lateral: bool) -> Select[Note]:
    where = [readable_notes(view), Note.customer_id.in_([customer])]
    partition = (Note.customer_id,)
    if lateral:
        return lateral_pages(
            Note, where, CUSTOMER_NOTES.columns, down=True, size=21, partition=partition,
            parents=[(customer,)],
        )  # fmt: skip
    return window_pages(
        Note, where, CUSTOMER_NOTES.columns, down=True, size=21, partition=partition
    )


async def _timed(rounds: int, run: Callable[[], Awaitable[object]]) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        await run()
        times.append((time.perf_counter() - started) * 1000)
    ordered = sorted(times)
    return statistics.median(ordered), ordered[max(0, round(len(ordered) * 0.95) - 1)]


async def measure(engine: AsyncEngine, rounds: int) -> list[tuple[str, float, float]]:
    """(label, median ms, p95 ms) of each query shape, old and new."""
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    admin = policy.compile(Principal("agent-1", ("admin",)))
    sales = policy.compile(Principal("agent-1", ("sales",)))
    sessions = session_factory(engine)
    figures = []
    async with sessions() as session:
        for label, query in (("smith", "smith"), ("phone", PHONE_QUERY)):

            async def old(query: str = query) -> object:
                return await _old_search(session, admin, query)

            async def new(query: str = query) -> object:
                return await search_customers(session, admin, query=query, first=20, after=None)

            figures.append((f"directory {label!r} before", *await _timed(rounds, old)))
            figures.append((f"directory {label!r} after", *await _timed(rounds, new)))
        for customer in (SMALL, BIG):
            for lateral in (False, True):
                statement = _notes_statement(sales, customer, lateral=lateral)

                async def rows(statement: Select[Note] = statement) -> object:
                    return list(await session.scalars(statement))

                shape = "LATERAL page" if lateral else "window (before)"
                figures.append((f"notes {customer} rows, {shape}", *await _timed(rounds, rows)))

            async def whole(customer: str = customer) -> object:
                return await notes_by_customer_ids(
                    session, sales, [customer], NoteFilter(), PageRequest(20)
                )

            label = f"notes {customer} whole page (count+rows+tags)"
            figures.append((label, *await _timed(rounds, whole)))
    return figures


async def explain(engine: AsyncEngine) -> str:
    """The plans of the new directory search's count and page for "smith" and a phone."""
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    admin = policy.compile(Principal("agent-1", ("admin",)))
    plans = []
    for query in ("smith", PHONE_QUERY):
        where = directory_filter(admin, query)
        count = select(func.count()).select_from(
            select(Customer.id).where(*where).limit(COUNT_CAP + 1).subquery()
        )
        page = select(Customer).where(*where).order_by(Customer.name + "", Customer.id).limit(21)
        for label, statement in (("count", count), ("page", page)):
            compiled = statement.compile(engine, compile_kwargs={"literal_binds": True})
            async with engine.connect() as connection:
                result = await connection.exec_driver_sql(f"EXPLAIN (ANALYZE, BUFFERS) {compiled}")
                plan = "\n".join(row[0] for row in result)
            plans.append(f"-- {label} of {query!r}\n{plan}")
    sales = policy.compile(Principal("agent-1", ("sales",)))
    for customer in (SMALL, BIG):
        for lateral in (False, True):
            notes = _notes_statement(sales, customer, lateral=lateral)
            shape = "LATERAL" if lateral else "window"
            plans.append(f"-- notes of {customer}, {shape}\n{await _explain_run(engine, notes)}")
    return "\n".join(plans)


async def _explain_run(engine: AsyncEngine, statement: Select[Note]) -> str:
    # The statement as the driver runs it (its enum literals cannot be rendered inline).
    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, sql: str, parameters: Any, *_: Any) -> None:
        captured.append((sql, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", capture)
    try:
        async with session_factory(engine)() as session:
            await session.scalars(statement)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", capture)
    sql, parameters = captured[-1]
    async with engine.connect() as connection:
        result = await connection.exec_driver_sql(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", parameters)
        return "\n".join(row[0] for row in result)


async def run(admin_dsn: str, customers: int, big_notes: int, rounds: int) -> None:
    """Load, measure, print."""
    async with scratch_database(admin_dsn, "dirscale") as url:
        engine = create_engine(url)
        try:
            started = time.perf_counter()
            await load(engine, customers, big_notes)
            seconds = time.perf_counter() - started
            print(f"loaded {customers} customers, {big_notes} notes on one, in {seconds:.0f} s")
            for label, median, p95 in await measure(engine, rounds):
                print(f"{label:55} median {median:8.2f} ms   p95 {p95:8.2f} ms")
            print(await explain(engine))
        finally:
            await engine.dispose()


def main() -> None:
    """Command line entry."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--admin-dsn", required=True)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--big-notes", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=20)
    arguments = parser.parse_args()
    asyncio.run(
        run(arguments.admin_dsn, arguments.customers, arguments.big_notes, arguments.rounds)
    )


if __name__ == "__main__":
    main()
