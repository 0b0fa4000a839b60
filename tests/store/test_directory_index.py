"""The directory search from its indexes answers what the scan answers, row for row and page
by page: the SQLite FTS5 trigram index (with the scan kept for texts under three characters),
the PostgreSQL ordered walk of a frequent term (and its bitmap fallback past the walk's bound),
on a generated dataset with non-ASCII names; migration 0021 goes down and up again."""

from __future__ import annotations

import random
from typing import Any

import pytest
from sqlalchemy import event, insert, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from policies.view import PolicyView
from store import directory_walk
from store.db import session_factory
from store.directory import COUNT_CAP, search_customers
from store.migrate import async_downgrade, async_upgrade
from store.models import Branch, Customer
from store.visibility import reachable_customers
from tests.store.test_directory_search import _old_matches, _view

GIVEN = ("Anne", "zoë", "ÉMILE", "Jean-Luc", "Øyvind", "li", "Mary Jane", "İlkay", "O'Neil")
SURNAMES = ("Smith", "SMITH-Jones", "Dupont", "Ødegård", "Müller", "Nguyễn", "Brown", "Ng")
FREQUENT = "Smith"


def _name(rng: random.Random, index: int) -> str:
    # Half the customers are Smiths, so "smith" matches more than COUNT_CAP (a frequent term).
    surname = FREQUENT if index % 2 else rng.choice(SURNAMES)
    return f"{rng.choice(GIVEN)} {surname}"


def _phone(rng: random.Random) -> str | None:
    digits = f"{rng.randrange(10**7):07d}"
    return rng.choice((None, f"+44 (0)20 {digits[:3]}-{digits[3:]}", f"07700.{digits}"))


async def _given_dataset(session: AsyncSession, size: int = 2 * COUNT_CAP + 300) -> list[str]:
    rng = random.Random(19)
    session.add_all([Branch(id="gx-1", name="One"), Branch(id="gx-2", name="Two")])
    await session.flush()
    rows = [
        {
            "id": f"gx-{i:05d}",
            "name": _name(rng, i),
            "email": rng.choice((None, f"User{i}@Example.com", f"ü{i}@exämple.de")),
            "phone": _phone(rng),
            "branch_id": "gx-1" if i % 3 else "gx-2",
        }
        for i in range(size)
    ]
    await session.execute(insert(Customer), rows)
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text("ANALYZE customers"))
    return [str(row["name"]) for row in rows]


async def _scan(session: AsyncSession, view: PolicyView, query: str) -> list[str]:
    # The oracle: every row folded per query, in (name, id) order.
    return list(
        await session.scalars(
            select(Customer.id)
            .where(reachable_customers(view), _old_matches(query))
            .order_by(Customer.name, Customer.id)
        )
    )


async def _paged(session: AsyncSession, view: PolicyView, query: str, first: int) -> list[str]:
    found: list[str] = []
    after = None
    while True:
        page = await search_customers(session, view, query=query, first=first, after=after)
        found += [customer.id for customer in page.items]
        if not page.has_next_page:
            return found
        after = page.cursors[-1]


async def test_a_frequent_term_pages_as_the_scan_does(session: AsyncSession) -> None:
    await _given_dataset(session)
    for view in (await _view(), await _view("branch", branches=("gx-1",))):
        expected = await _scan(session, view, "smith")
        assert await _paged(session, view, "smith", 100) == expected
    admin = await _view()
    page = await search_customers(session, admin, query="smith", first=20, after=None)
    assert (page.total_count, page.total_capped) == (COUNT_CAP, True)


async def test_a_walk_past_its_bound_takes_the_bitmap_with_the_same_answer(
    session: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _given_dataset(session)
    admin = await _view()
    expected = await _scan(session, admin, "smith")
    # A bound shorter than the page: every walk comes back empty-handed.
    monkeypatch.setattr(directory_walk, "WALK_ENTRIES", 15)
    assert await _paged(session, admin, "smith", 20) == expected
    monkeypatch.setattr(directory_walk, "WALK_ENTRIES", 40)
    assert await _paged(session, admin, "smith", 20) == expected


async def test_any_substring_finds_what_the_scan_finds(session: AsyncSession) -> None:
    names = await _given_dataset(session, 600)
    admin = await _view()
    rng = random.Random(7)
    queries = ["smith", "SMITH", "ødegård", "ØDEGÅRD", "nguyễn", "ü1", "exämple", "@example.com"]
    queries += ["li", "ng", "z", "é", "44 20", "0770", "0)20 5", "user12", "İlkay", "i̇lkay"]
    for _ in range(60):
        name = rng.choice(names)
        start = rng.randrange(len(name))
        piece = name[start : start + rng.randrange(1, 7)]
        queries.append(piece.upper() if rng.random() < 0.3 else piece)
    for query in queries:
        if not query.strip(" '-"):
            continue
        assert await _paged(session, admin, query, 100) == await _scan(session, admin, query), query


async def _page_plan(session: AsyncSession, engine: AsyncEngine, query: str) -> str:
    # The plan of the last statement the search runs (its page), as the driver ran it.
    statements: list[tuple[str, Any]] = []

    def capture(_conn: object, _cursor: object, sql: str, parameters: Any, *_: object) -> None:
        statements.append((sql, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", capture)
    try:
        await search_customers(session, await _view(), query=query, first=20, after=None)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", capture)
    sql, parameters = statements[-1]
    connection = await session.connection()
    if engine.dialect.name == "sqlite":
        rows = await connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", parameters)
        return "\n".join(str(row.detail) for row in rows)
    # A test table is small enough for a scan and a sort to look cheaper than any index; with
    # them priced out, the plan shows what the statement's shape can be answered from.
    for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
        await connection.exec_driver_sql(f"SET LOCAL {setting} = off")
    rows = await connection.exec_driver_sql(f"EXPLAIN {sql}", parameters)
    return "\n".join(str(row[0]) for row in rows)


async def test_the_page_is_read_from_the_index(session: AsyncSession, engine: AsyncEngine) -> None:
    await _given_dataset(session)
    plan = await _page_plan(session, engine, "smith")
    if engine.dialect.name == "sqlite":
        # The FTS5 table yields the candidates; the LIKE tests only those.
        assert "customers_fts VIRTUAL TABLE" in plan, plan
        assert "SCAN customers" not in plan.replace("SCAN customers_fts", ""), plan
        # A text under three characters has no trigram: the scan answers it.
        assert "customers_fts" not in await _page_plan(session, engine, "ng")
    else:
        # A frequent term walks the name index in page order: nothing sorts its matches.
        assert "Index Only Scan using ix_customers_name_id" in plan, plan
        assert "Sort" not in plan, plan


async def _search_tables(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            found = await connection.scalars(text("SELECT name FROM sqlite_master"))
        else:
            found = await connection.scalars(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_customers_name_id'")
            )
        return set(found)


async def test_the_migration_goes_down_and_up_and_indexes_existing_customers(
    engine: AsyncEngine,
) -> None:
    await async_downgrade(engine, "0020_access_audit")
    down = await _search_tables(engine)
    assert "customers_fts" not in down
    assert not any("INCLUDE" in definition for definition in down)
    async with session_factory(engine)() as session:
        session.add(Branch(id="mx-1", name="One"))
        await session.flush()
        session.add(Customer(id="mx-01", name="Migrated Quennell", branch_id="mx-1"))
        await session.commit()

    await async_upgrade(engine)
    up = await _search_tables(engine)
    if engine.dialect.name == "sqlite":
        assert {"customers_fts", "customer_search_rows"} <= up
    else:
        assert any("INCLUDE (name_search" in definition for definition in up), up
    async with session_factory(engine)() as session:
        page = await search_customers(session, await _view(), query="quennell", first=5, after=None)
        assert [customer.id for customer in page.items] == ["mx-01"]
        await session.delete(await session.get_one(Customer, "mx-01"))
        await session.commit()
