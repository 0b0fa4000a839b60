"""The directory search on its stored, folded columns: the same matches as the per-row folding
it replaces, kept current by the CRM sync, counts capped at COUNT_CAP, and (PostgreSQL) answered
by the trigram indexes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import ColumnElement, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Invalid
from policies.principal import Principal
from policies.view import PolicyView
from store.customer_refs import CustomerReference, upsert_customers
from store.directory import COUNT_CAP, search_customers
from store.models import Branch, Customer
from store.visibility import reachable_customers
from tests.store.native import policy

CUSTOMERS = [
    ("d-01", "Zoë O'Brien-Smith", "zoe@Example.com", "+44 (0)20-7946 0018"),
    ("d-02", "ANNE SMITH", "Anne.Smith@EXAMPLE.COM", "020.7946/0019"),
    ("d-03", "J. Smith, Jr.", None, "07700 900123"),
    ("d-04", "Émile Dupont", "emile@dupont.fr", None),
    ("d-05", "émile dupont", "EMILE2@dupont.fr", "+33 1 23 45 67 89"),
    ("d-06", "Mary-Jane Watson", "mj_watson@example.org", "555-0100 ext. 7"),
    ("d-07", "Percent 100% Ltd", "pct@example.com", "(555) 0100"),
    ("d-08", "Under_Score", "under_score@example.com", "5550101"),
]
QUERIES = [
    "smith",
    "SMITH",
    "obrien",
    "O'Brien",
    "o brien-smith",
    "j.smith",
    "jsmith",
    "émile",
    "ÉMILE",
    "emile",
    "dupont.fr",
    "anne.smith@example",
    "@example.com",
    "2079460018",
    "+44 20 7946",
    "7946",
    "0100",
    "ext",
    "100%",
    "_",
    "under_score",
    "maryjane",
    "mary jane",
    "789",
    "zzz-no-match",
]


def _old_folded_name(column: ColumnElement[str]) -> ColumnElement[str]:
    name = func.lower(column)
    for char in " '-.,":
        name = func.replace(name, char, "")
    return name


def _old_matches(query: str) -> ColumnElement[bool]:
    # The search as it was: every row folded per query (kept here as the oracle).
    import re

    text_ = re.sub(r"[^\w@.]+", "", query.lower())
    digits = re.sub(r"\D+", "", query)
    clauses = [
        _old_folded_name(Customer.name.expression).contains(text_, autoescape=True),
        func.lower(Customer.email).contains(text_, autoescape=True),
    ]
    if len(digits) >= 3:
        phone: ColumnElement[str | None] = Customer.phone.expression
        for char in " -()+./":
            phone = func.replace(phone, char, "")
        clauses.append(phone.contains(digits, autoescape=True))
    return or_(*clauses)


async def _view(role: str = "admin", **claims: object) -> PolicyView:
    principal = Principal(subject="x", roles=(role,), **claims)  # type: ignore[arg-type]
    return (await policy()).compile(principal)


async def _given_customers(session: AsyncSession) -> None:
    session.add_all([Branch(id="db-1", name="One"), Branch(id="db-2", name="Two")])
    await session.flush()
    session.add_all(
        Customer(
            id=customer_id,
            name=name,
            email=email,
            phone=phone,
            branch_id="db-1" if index % 2 else "db-2",
        )
        for index, (customer_id, name, email, phone) in enumerate(CUSTOMERS)
    )
    await session.flush()


async def _ids(session: AsyncSession, view: PolicyView, query: str) -> list[str]:
    page = await search_customers(session, view, query=query, first=100, after=None)
    assert page.total_count == len(page.items)
    assert not page.total_capped
    return [customer.id for customer in page.items]


async def test_matches_are_those_of_the_per_row_folding(session: AsyncSession) -> None:
    await _given_customers(session)
    for view in (await _view(), await _view("branch", branches=("db-1",))):
        for query in QUERIES:
            expected = list(
                await session.scalars(
                    select(Customer.id)
                    .where(reachable_customers(view), _old_matches(query))
                    .where(Customer.id.like("d-%"))
                    .order_by(Customer.name, Customer.id)
                )
            )
            assert await _ids(session, view, query) == expected, query
    admin = await _view()
    # A few answers spelled out, so the oracle itself is pinned down.
    assert await _ids(session, admin, "obrien") == ["d-01"]
    assert await _ids(session, admin, "+44 (0)20 7946") == ["d-01"]
    assert await _ids(session, admin, "@example.com") == ["d-02", "d-07", "d-08", "d-01"]
    assert await _ids(session, admin, "100%") == ["d-06", "d-07"]


async def test_the_folded_columns_are_stored_on_the_row(session: AsyncSession) -> None:
    await _given_customers(session)
    row = (
        await session.execute(
            select(Customer.name_search, Customer.email_search, Customer.phone_search).where(
                Customer.id == "d-01"
            )
        )
    ).one()
    assert tuple(row) == ("zoëobriensmith", "zoe@example.com", "4402079460018")


async def test_a_crm_sync_keeps_the_search_current(session: AsyncSession) -> None:
    await _given_customers(session)
    admin = await _view()
    reference = CustomerReference(
        id="d-02",
        name="Anne Kowalczyk",
        email="anne.k@example.net",
        phone="+48 (22) 555-01-02",
        branch_id="db-2",
        partner_id=None,
        owner_agent_id=None,
        vip=False,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        referred_by_id=None,
    )
    assert await upsert_customers(session, [reference]) == 1
    session.expunge_all()
    assert "d-02" not in await _ids(session, admin, "anne.smith")
    assert "d-02" not in await _ids(session, admin, "0207946")
    assert await _ids(session, admin, "kowalczyk") == ["d-02"]
    assert await _ids(session, admin, "anne.k@") == ["d-02"]
    assert await _ids(session, admin, "48 22 555 01") == ["d-02"]
    # A new customer from the sync is searchable at once, too.
    await upsert_customers(session, [replace(reference, id="d-99")])
    assert await _ids(session, admin, "kowalczyk") == ["d-02", "d-99"]


async def test_counts_are_exact_up_to_the_cap_then_marked(session: AsyncSession) -> None:
    session.add(Branch(id="cap-b", name="Cap"))
    await session.flush()
    rows = [
        {"id": f"cap-{i:05d}", "name": f"Capella {i:05d}", "branch_id": "cap-b"}
        for i in range(COUNT_CAP + 1)
    ]
    await session.execute(insert(Customer), rows)
    admin = await _view()
    page = await search_customers(session, admin, query="capella", first=5, after=None)
    assert (page.total_count, page.total_capped) == (COUNT_CAP, True)
    assert [c.id for c in page.items] == [f"cap-{i:05d}" for i in range(5)]
    exact = await search_customers(session, admin, query="capella 00", first=5, after=None)
    assert (exact.total_count, exact.total_capped) == (COUNT_CAP, False)
    small = await search_customers(session, admin, query="capella 0001", first=5, after=None)
    assert (small.total_count, small.total_capped) == (10, False)


async def test_a_query_of_punctuation_only_is_invalid(session: AsyncSession) -> None:
    with pytest.raises(Invalid):
        await search_customers(session, await _view(), query="-- ''", first=5, after=None)
