"""The directory search from its indexes answers what the scan answers, row for row and page
by page, on a generated dataset with non-ASCII names: the SQLite FTS5 trigram index (with the
scan kept for texts under three characters), and a frequent term's page bounded by the sample
of matches its count found (PostgreSQL sorts only the matches up to that bound); migration 0021
goes down and up again."""

from __future__ import annotations

import json
import random
from typing import Any

from sqlalchemy import event, insert, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from policies.view import PolicyView
from store.db import session_factory
from store.directory import COUNT_CAP, search_customers
from store.migrate import async_downgrade, async_upgrade
from store.models import Branch, Customer
from store.visibility import reachable_customers
from tests.store.test_directory_search import _old_matches, _view

FOLDED = ("name_search", "email_search", "phone_search")
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


async def test_a_sample_from_the_end_of_the_name_order_bounds_nothing_wrongly(
    session: AsyncSession,
) -> None:
    # Customers stored in reverse name order: the first matches the count finds sort last,
    # so their bound is loose; the pages are still the scan's.
    session.add(Branch(id="rx-1", name="One"))
    await session.flush()
    rows = [
        {"id": f"rx-{i:05d}", "name": f"Reverse Smith {3000 - i:05d}", "branch_id": "rx-1"}
        for i in range(COUNT_CAP + 500)
    ]
    await session.execute(insert(Customer), rows)
    admin = await _view()
    expected = await _scan(session, admin, "reverse smith")
    assert len(expected) == COUNT_CAP + 500
    assert await _paged(session, admin, "reverse smith", 100) == expected


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
    rows = await connection.exec_driver_sql(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", parameters)
    return json.dumps(rows.scalar_one())


def _sorted_rows(node: dict[str, Any]) -> list[int]:
    # The rows each Sort node of a JSON plan received from below it.
    found = [sum(child["Actual Rows"] for child in node.get("Plans", []))]
    if node["Node Type"] != "Sort":
        found = []
    for child in node.get("Plans", []):
        found += _sorted_rows(child)
    return found


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
        # The page sorts the matches up to the sample's bound, not every match.
        matches = len(await _scan(session, await _view(), "smith"))
        sorted_rows = _sorted_rows(json.loads(plan)[0]["Plan"])
        assert sorted_rows, plan
        assert max(sorted_rows) < matches / 5, (sorted_rows, matches)


async def _search_tables(engine: AsyncEngine) -> set[str]:
    # SQLite's FTS tables; on PostgreSQL, the folded columns with a statistics target set.
    async with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            return set(await connection.scalars(text("SELECT name FROM sqlite_master")))
        return set(
            await connection.scalars(
                text(
                    "SELECT attname FROM pg_attribute WHERE attrelid = 'customers'::regclass"
                    " AND attstattarget > 0"
                )
            )
        )


async def test_the_migration_goes_down_and_up_and_indexes_existing_customers(
    engine: AsyncEngine,
) -> None:
    sqlite = engine.dialect.name == "sqlite"
    await async_downgrade(engine, "0020_access_audit")
    made = {"customers_fts", "customer_search_rows"} if sqlite else set(FOLDED)
    assert not made & await _search_tables(engine)
    async with session_factory(engine)() as session:
        session.add(Branch(id="mx-1", name="One"))
        await session.flush()
        session.add(Customer(id="mx-01", name="Migrated Quennell", branch_id="mx-1"))
        await session.commit()

    await async_upgrade(engine)
    assert made <= await _search_tables(engine)
    async with session_factory(engine)() as session:
        page = await search_customers(session, await _view(), query="quennell", first=5, after=None)
        assert [customer.id for customer in page.items] == ["mx-01"]
        await session.delete(await session.get_one(Customer, "mx-01"))
        await session.commit()


async def test_every_write_keeps_the_index_current(session: AsyncSession) -> None:
    admin = await _view()
    session.add(Branch(id="wx-1", name="One"))
    await session.flush()
    session.add_all(
        [
            Customer(id="wx-1", name="Wanda Quillfeather", branch_id="wx-1"),
            Customer(id="wx-2", name="Quill Two", email="quill@example.com", branch_id="wx-1"),
        ]
    )
    await session.flush()
    assert await _paged(session, admin, "quill", 20) == ["wx-2", "wx-1"]
    # A rename, a new email, a new phone, a delete: each is seen at once.
    await session.execute(
        text("UPDATE customers SET name = 'Wanda Inkwell', phone = '+1 555 0199' WHERE id = 'wx-1'")
    )
    await session.execute(text("UPDATE customers SET email = NULL WHERE id = 'wx-2'"))
    session.expunge_all()
    assert await _paged(session, admin, "quill", 20) == ["wx-2"]
    assert await _paged(session, admin, "inkwell", 20) == ["wx-1"]
    assert await _paged(session, admin, "5550199", 20) == ["wx-1"]
    assert await _paged(session, admin, "example.com", 20) == []
    await session.execute(text("DELETE FROM customers WHERE id = 'wx-2'"))
    assert await _paged(session, admin, "quill", 20) == []
    if session.get_bind().dialect.name == "sqlite":
        # One index row per customer, no leftovers.
        counts = await session.execute(
            text(
                "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM customers_fts),"
                " (SELECT count(*) FROM customer_search_rows)"
            )
        )
        customers, indexed, keys = counts.one()
        assert customers == indexed == keys
