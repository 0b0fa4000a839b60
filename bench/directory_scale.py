"""`python -m bench.directory_scale --admin-dsn postgresql://… [--customers N] [--big-notes N]`
(or `--sqlite PATH` for the embedded store): the directory search and a customer's notes page
at scale, the previous query shapes against the current ones.

A scratch PostgreSQL database (migrated to head, dropped afterwards) is filled by binary COPY:
`--customers` customers (given names drawn from 15 and surnames from 50, so "smith" matches ~2%
and sits late in each given name's block of the name order; one in 10,000 is a "Quennell";
phones in mixed punctuation), two notes for every customer, and two chosen customers with 100
and `--big-notes` notes. Each figure is `--rounds` executions through the store's own engine
(asyncpg prepared statements, so PostgreSQL may switch to a generic plan after five), reported
as median and p95:

- directory "smith", a rare surname, a phone number, an email fragment, and "zoë smith" (a
  frequent term whose matches all sort late, past the walk's bound): the previous shape
  (capped COUNT, then the trigram bitmap's matches sorted for the page) against
  `store.directory.search_customers` (count and page of a rarer term in one statement, a
  frequent term's page walked from the covering name index);
- notes(first: 20) of the 100-note and the big customer: the old window over all of the
  customer's notes against the LATERAL page, rows only, and the whole `notes_by_customer_ids`
  (count, page, tags).

With `--sqlite PATH` a new SQLite store at PATH is migrated and filled with the same customers
(no notes), and the directory figures compare the LIKE scan with the FTS5 trigram index.

Not part of `python -m bench` (it needs minutes of loading); tests/bench runs a tiny smoke.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Select, event, func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bench.in_process import request_context
from bench.services import scratch_database
from core.settings import REPO_ROOT, Settings
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from policies.view import PolicyView
from schema import build_schema
from store.db import create_engine, session_factory
from store.directory import COUNT_CAP, directory_filter, search_customers
from store.keyset_lateral import lateral_pages, window_pages
from store.migrate import async_upgrade
from store.models import Branch, Customer, Note
from store.note_reads import CUSTOMER_NOTES, NoteFilter, notes_by_customer_ids
from store.pagination import PageRequest
from store.visibility import readable_notes

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
RARE = "Quennell"
RARE_EVERY = 10_000
DIRECTORY_QUERIES = (
    ("smith", "smith"),
    ("rare surname", RARE.lower()),
    ("phone", PHONE_QUERY),
    ("email fragment", "user4242"),
    ("frequent, sorting last", "zoë smith"),
)


def _phone(rng: random.Random) -> str:
    digits = f"{rng.randrange(10**7):07d}"
    shape = rng.randrange(3)
    if shape == 0:
        return f"+44 (0)20 {digits[:3]}-{digits[3:]}"
    if shape == 1:
        return f"020.{digits[:3]}/{digits[3:]}"
    return f"07700 {digits}"


def _customers(customers: int, now: datetime, seed: int = 7) -> list[tuple[Any, ...]]:
    # (id, name, email, phone, branch_id, vip, created_at) of every generated customer.
    rng = random.Random(seed)
    rows: list[tuple[Any, ...]] = []
    for i in range(customers):
        given, surname = rng.choice(GIVEN), rng.choice(SURNAMES)
        if i % RARE_EVERY == 5:
            surname = RARE
        email, phone = f"user{i}@example.com", _phone(rng)
        rows.append((f"c-{i:07d}", f"{given} {surname}", email, phone, "b-1", False, now))
    rows[0] = (SMALL, "Small Customer", None, PHONE_QUERY, "b-1", False, now)
    rows[1] = (BIG, "Big Customer", None, None, "b-1", False, now)
    return rows


CUSTOMER_COLUMNS = ("id", "name", "email", "phone", "branch_id", "vip", "created_at")


async def load_sqlite(engine: AsyncEngine, customers: int) -> None:
    """Fill a migrated SQLite store with the same customers (its triggers index them)."""
    now = datetime(2026, 11, 1, tzinfo=UTC)
    rows = [dict(zip(CUSTOMER_COLUMNS, row, strict=True)) for row in _customers(customers, now)]
    async with session_factory(engine)() as session:
        session.add(Branch(id="b-1", name="One"))
        await session.flush()
        for start in range(0, len(rows), 20_000):
            await session.execute(insert(Customer), rows[start : start + 20_000])
        await session.commit()
    async with engine.connect() as connection:
        await connection.exec_driver_sql("ANALYZE")


async def load(engine: AsyncEngine, customers: int, big_notes: int, seed: int = 7) -> None:
    """Fill the scratch store by COPY (generated columns and indexes are built on the way)."""
    now = datetime(2026, 11, 1, tzinfo=UTC)
    async with engine.begin() as connection:
        raw = await connection.get_raw_connection()
        pg: Any = raw.driver_connection
        await pg.execute("INSERT INTO branches (id, name) VALUES ('b-1', 'One')")
        await pg.execute(
            "INSERT INTO agents (id, name, email, role, active, created_at, source)"
            " VALUES ('agent-1', 'Agent', 'agent@example.com', 'sales', true, now(), 'seed')"
        )
        rows = _customers(customers, now, seed)
        columns = list(CUSTOMER_COLUMNS)
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


async def _previous_search(session: AsyncSession, view: PolicyView, query: str) -> int:
    # The directory search as it was before migration 0021: the capped count, then the page
    # from every match the trigram bitmap finds (a scan on SQLite), sorted.
    where = directory_filter(view, query)
    total = await session.scalar(
        select(func.count()).select_from(
            select(Customer.id).where(*where).limit(COUNT_CAP + 1).subquery()
        )
    )
    rows = await session.scalars(
        select(Customer).where(*where).order_by(Customer.name + "", Customer.id).limit(21)
    )
    return int(total or 0) + len(list(rows))


async def measure_directory(engine: AsyncEngine, rounds: int) -> list[tuple[str, float, float]]:
    """(label, median ms, p95 ms) of each directory query, previous shape and current."""
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    admin = policy.compile(Principal("agent-1", ("admin",)))
    figures = []
    async with session_factory(engine)() as session:
        for label, query in DIRECTORY_QUERIES:

            async def previous(query: str = query) -> object:
                return await _previous_search(session, admin, query)

            async def current(query: str = query) -> object:
                return await search_customers(session, admin, query=query, first=20, after=None)

            before, after = await _timed_pair(rounds, previous, current)
            figures.append((f"directory {label!r} before", *before))
            figures.append((f"directory {label!r} after", *after))
    return figures


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


async def _timed_pair(
    rounds: int, first: Callable[[], Awaitable[object]], second: Callable[[], Awaitable[object]]
) -> tuple[tuple[float, float], tuple[float, float]]:
    # Alternated round by round, so a shared machine's load weighs on both alike.
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(rounds):
        for run, into in ((first, times[0]), (second, times[1])):
            started = time.perf_counter()
            await run()
            into.append((time.perf_counter() - started) * 1000)
    return _summary(times[0]), _summary(times[1])


def _summary(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[max(0, round(len(ordered) * 0.95) - 1)]


async def _timed(rounds: int, run: Callable[[], Awaitable[object]]) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        await run()
        times.append((time.perf_counter() - started) * 1000)
    return _summary(times)


DIRECTORY_QUERY = """
query Directory($query: String!) {
  customers(query: $query, first: 20) {
    totalCount totalCountCapped
    edges { cursor node { id name email phone } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


async def measure_graphql(
    engine: AsyncEngine, url: str, rounds: int
) -> list[tuple[str, float, float]]:
    """(label, median ms, p95 ms) of each directory query through the GraphQL schema in
    process (resolvers, policy, serialisation; no HTTP), as an admin."""
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    principal = Principal("agent-1", ("admin",))
    settings = Settings(environment="test", database_url=url)
    schema = build_schema(settings)
    sessions = session_factory(engine)
    figures = []
    for label, query in DIRECTORY_QUERIES:

        async def execute(query: str = query) -> object:
            view = policy.compile(principal)
            context = request_context(settings, principal, view, policy, engine, sessions)
            result = await schema.execute(
                DIRECTORY_QUERY, variable_values={"query": query}, context_value=context
            )
            assert not result.errors, result.errors
            return result

        figures.append((f"GraphQL customers(query: {label!r})", *await _timed(rounds, execute)))
    return figures


async def measure(engine: AsyncEngine, rounds: int) -> list[tuple[str, float, float]]:
    """(label, median ms, p95 ms) of each query shape, old and new."""
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    sales = policy.compile(Principal("agent-1", ("sales",)))
    sessions = session_factory(engine)
    figures = await measure_directory(engine, rounds)
    async with sessions() as session:
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


async def explain_directory(engine: AsyncEngine) -> str:
    """The plans of every statement the directory search runs for each query (count, then
    page): EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, EXPLAIN QUERY PLAN on SQLite."""
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    admin = policy.compile(Principal("agent-1", ("admin",)))
    plans = []
    for label, query in DIRECTORY_QUERIES:

        async def search(session: AsyncSession, query: str = query) -> object:
            return await search_customers(session, admin, query=query, first=20, after=None)

        for step, plan in enumerate(await _explain_runs(engine, search), start=1):
            plans.append(f"-- {label} ({query!r}), statement {step}\n{plan}")
    return "\n".join(plans)


async def explain(engine: AsyncEngine) -> str:
    """The plans of the directory search and of the notes pages."""
    plans = [await explain_directory(engine)]
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    sales = policy.compile(Principal("agent-1", ("sales",)))
    for customer in (SMALL, BIG):
        for lateral in (False, True):
            notes = _notes_statement(sales, customer, lateral=lateral)

            async def read(session: AsyncSession, notes: Select[Note] = notes) -> object:
                return list(await session.scalars(notes))

            shape = "LATERAL" if lateral else "window"
            plan = (await _explain_runs(engine, read))[-1]
            plans.append(f"-- notes of {customer}, {shape}\n{plan}")
    return "\n".join(plans)


async def _explain_runs(
    engine: AsyncEngine, run: Callable[[AsyncSession], Awaitable[object]]
) -> list[str]:
    # The statements as the driver runs them (enum literals cannot be rendered inline).
    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, sql: str, parameters: Any, *_: Any) -> None:
        # Queries only (SQLite's BEGIN passes here too).
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            captured.append((sql, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", capture)
    try:
        async with session_factory(engine)() as session:
            await run(session)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", capture)
    sqlite = engine.dialect.name == "sqlite"
    prefix = "EXPLAIN QUERY PLAN" if sqlite else "EXPLAIN (ANALYZE, BUFFERS)"
    plans = []
    async with engine.connect() as connection:
        for sql, parameters in captured:
            result = await connection.exec_driver_sql(f"{prefix} {sql}", parameters)
            plans.append("\n".join(str(row[-1] if sqlite else row[0]) for row in result))
    return plans


def _print(figures: list[tuple[str, float, float]]) -> None:
    for label, median, p95 in figures:
        print(f"{label:55} median {median:8.2f} ms   p95 {p95:8.2f} ms")


async def run(admin_dsn: str, customers: int, big_notes: int, rounds: int) -> None:
    """Load, measure, print."""
    async with scratch_database(admin_dsn, "dirscale") as url:
        engine = create_engine(url)
        try:
            started = time.perf_counter()
            await load(engine, customers, big_notes)
            seconds = time.perf_counter() - started
            print(f"loaded {customers} customers, {big_notes} notes on one, in {seconds:.0f} s")
            _print(await measure(engine, rounds))
            _print(await measure_graphql(engine, url, rounds))
            print(await explain(engine))
        finally:
            await engine.dispose()


async def run_sqlite(path: Path, customers: int, rounds: int) -> None:
    """Migrate and fill a new SQLite store at `path`, measure the directory, print."""
    url = f"sqlite+aiosqlite:///{path}"
    await async_upgrade(url)
    engine = create_engine(url)
    try:
        started = time.perf_counter()
        await load_sqlite(engine, customers)
        print(f"loaded {customers} customers into SQLite in {time.perf_counter() - started:.0f} s")
        _print(await measure_directory(engine, rounds))
        _print(await measure_graphql(engine, url, rounds))
        print(await explain_directory(engine))
    finally:
        await engine.dispose()


def main() -> None:
    """Command line entry."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--admin-dsn")
    target.add_argument("--sqlite", type=Path, help="a new SQLite store to fill (directory only)")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--big-notes", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=20)
    arguments = parser.parse_args()
    if arguments.sqlite is not None:
        if arguments.sqlite.exists():
            parser.error(f"{arguments.sqlite} exists; the benchmark fills a new store")
        asyncio.run(run_sqlite(arguments.sqlite, arguments.customers, arguments.rounds))
        return
    asyncio.run(
        run(arguments.admin_dsn, arguments.customers, arguments.big_notes, arguments.rounds)
    )


if __name__ == "__main__":
    main()
