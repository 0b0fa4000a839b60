"""Reads of customers and agents, filtered by the caller's reach in SQL.

The customer search matches `LIKE '%text%'` on the folded columns the database keeps on each
customer row (`name_search`, `email_search`, `phone_search`; migration 0015). On PostgreSQL
their pg_trgm GIN indexes answer a text of three characters or more (and a phone query of three
digits or more) without reading every customer; on SQLite an FTS5 trigram table narrows the
rows the LIKE tests (store.directory_fts, migration 0021); a shorter text still scans.

A search costs what its page holds: one statement counts the matches up to COUNT_CAP + 1 and
takes the page from them, which is the answer when they are all the matches; past the cap, the
page is read again bounded by that first page's last row, so a frequent term sorts only the
matches up to it rather than all of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, false, func, or_, select, true, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Invalid
from policies.agent_access import AgentReach
from policies.view import CustomerReach, PolicyView
from store import directory_fts
from store.customer_records import StoredCustomer, customer_columns
from store.models import Agent, Customer
from store.pagination import Page, check_first, decode_cursor, encode_cursor
from store.visibility import reachable_customers

MAX_QUERY_LENGTH = 200
COUNT_CAP = 1000
"""The directory counts its matches exactly up to here; beyond, `totalCount` is marked capped."""


_by_ids: dict[CustomerReach, Select[Any]] = {}


async def customers_by_ids(
    session: AsyncSession, view: PolicyView, ids: Sequence[str]
) -> list[StoredCustomer | None]:
    """Customers in key order; None for an unknown id or one the caller does not reach."""
    if not ids:
        return []
    statement = _by_ids.get(view.reach)
    if statement is None:
        # Built once per reach (the only part of the view `reachable_customers` reads).
        if len(_by_ids) >= 256:
            _by_ids.clear()
        statement = _by_ids[view.reach] = select(*customer_columns()).where(
            Customer.id.in_(bindparam("ids", expanding=True)), reachable_customers(view)
        )
    # Core rows on the session's connection into frozen records (no ORM entities).
    connection = await session.connection()
    rows = await connection.execute(statement, {"ids": sorted(set(ids))})
    found = {row[0]: StoredCustomer(*row) for row in rows}
    return [found.get(customer_id) for customer_id in ids]


async def customer_exists(session: AsyncSession, customer_id: str) -> bool:
    """Whether the id names a customer at all (for auditing denials, never for answers)."""
    found = await session.scalar(select(Customer.id).where(Customer.id == customer_id))
    return found is not None


async def agents_by_ids(session: AsyncSession, ids: Sequence[str]) -> list[Agent | None]:
    """Agents in key order; None for an unknown id."""
    if not ids:
        return []
    rows = await session.scalars(select(Agent).where(Agent.id.in_(set(ids))))
    found = {agent.id: agent for agent in rows}
    return [found.get(agent_id) for agent_id in ids]


def _search_text(query: str) -> str:
    # Case- and punctuation-insensitive: "O'Brien", "obrien" and "+44 (0)20-7946" all match.
    text = re.sub(r"[^\w@.]+", "", query.lower())
    if not text:
        raise Invalid("query has nothing to search for", field="query")
    return text


def _folded_name(column: ColumnElement[str]) -> ColumnElement[str]:
    name = func.lower(column)
    for char in " '-.,":
        name = func.replace(name, char, "")
    return name


def _matches(query: str, *, sqlite_index: bool) -> list[ColumnElement[bool]]:
    # The folded columns hold the very expressions _folded_name and the phone's punctuation
    # stripping compute (store.models.directory), so a match is what it always was; on
    # PostgreSQL each `LIKE '%text%'` is answered by its trigram index (3+ characters), on
    # SQLite the FTS5 trigram index narrows the rows the LIKE tests (store.directory_fts).
    text = _search_text(query)
    digits = re.sub(r"\D+", "", query)
    phone = digits if len(digits) >= 3 else None
    clauses = [
        Customer.name_search.contains(text, autoescape=True),
        Customer.email_search.contains(text, autoescape=True),
    ]
    if phone is not None:
        clauses.append(Customer.phone_search.contains(phone, autoescape=True))
    if sqlite_index and directory_fts.usable(text):
        return [directory_fts.candidates(text, phone), or_(*clauses)]
    return [or_(*clauses)]


def directory_filter(
    view: PolicyView, query: str | None, *, dialect: str = "postgresql"
) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a directory search on one backend: the caller's reach and the
    query's match."""
    where = [reachable_customers(view)]
    if query:
        where += _matches(query, sqlite_index=dialect == "sqlite")
    return where


@dataclass(frozen=True, slots=True)
class DirectoryPage(Page[Customer]):
    """A directory page; `total_capped` when more than `COUNT_CAP` customers match, and
    `total_count` is then `COUNT_CAP` (a lower bound)."""

    total_capped: bool = False


def _cursor_after(
    after: str | None, name: ColumnElement[str], key: ColumnElement[str]
) -> list[ColumnElement[bool]]:
    # The keyset condition on (name, id) for the rows after a directory cursor.
    if after is None:
        return []
    after_name, after_key = decode_cursor(after, 2)
    return [or_(name > str(after_name), (name == str(after_name)) & (key > str(after_key)))]


async def _counted_page(
    session: AsyncSession, where: Sequence[ColumnElement[bool]], after: str | None, size: int
) -> tuple[int, list[Customer]]:
    # One statement: the matches, up to COUNT_CAP + 1 of them (counting stops there: a common
    # name at a million customers would otherwise visit every match, and no query every
    # customer), their count, and the page from them. When they are all the matches (the
    # count is under the cap) that page is the answer, and the index is not read twice.
    matches = select(Customer.id, Customer.name).where(*where).limit(COUNT_CAP + 1).cte("matches")
    total = select(func.count().label("total")).select_from(matches).subquery("total")
    page = (
        select(matches.c.id, matches.c.name)
        .where(*_cursor_after(after, matches.c.name, matches.c.id))
        .order_by(matches.c.name, matches.c.id)
        .limit(size)
        .subquery("page")
    )
    statement = (
        select(total.c.total, Customer)
        .select_from(total)
        .outerjoin(page, true())
        .outerjoin(Customer, Customer.id == page.c.id)
        .order_by(page.c.name, page.c.id)
    )
    rows = (await session.execute(statement)).all()
    return int(rows[0].total), [row.Customer for row in rows if row.Customer is not None]


async def _bounded_page(
    session: AsyncSession,
    where: Sequence[ColumnElement[bool]],
    after: str | None,
    size: int,
    *,
    searching: bool,
    sample: Sequence[Customer],
) -> list[Customer]:
    # More than COUNT_CAP customers match, and `sample` is the page from the first COUNT_CAP
    # + 1 found. Those are some of the matches, so the page's rows sort no later than the
    # sample page's last one: with a full sample page, only matches up to its key can be on
    # the page. That bound lets PostgreSQL intersect the trigram bitmap with a range of the
    # name index and sort the matches in the range only ("smith" at a million customers in
    # the benchmark: 21 rows instead of 20,230), or, when the range is most of the index,
    # ignore it.
    bound = []
    if len(sample) == size:
        last = sample[-1]
        # (name, id) as a row: a name many customers share bounds no more rows than needed.
        bound = [tuple_(Customer.name, Customer.id) <= (last.name, last.id)]
    # Without a query the name index is the directory's order (a range read). With one,
    # `name || ''` orders the same but keeps PostgreSQL from walking ix_customers_name_id and
    # testing every entry: a term whose matches sort late would cost a read of most of it.
    by_name = Customer.name + "" if searching else Customer.name
    statement = select(Customer).where(
        *where, *_cursor_after(after, Customer.name.expression, Customer.id.expression), *bound
    )
    statement = statement.order_by(by_name, Customer.id).limit(size)
    return list(await session.scalars(statement))


async def search_customers(
    session: AsyncSession,
    view: PolicyView,
    *,
    query: str | None,
    first: int,
    after: str | None,
) -> DirectoryPage:
    """The directory page by page, ordered by name then id, within the caller's reach."""
    check_first(first)
    if query is not None and len(query) > MAX_QUERY_LENGTH:
        raise Invalid(f"query is longer than {MAX_QUERY_LENGTH} characters", field="query")
    dialect = session.get_bind().dialect.name
    where = directory_filter(view, query, dialect=dialect)
    total, rows = await _counted_page(session, where, after, first + 1)
    if total > COUNT_CAP:
        rows = await _bounded_page(
            session, where, after, first + 1, searching=bool(query), sample=rows
        )
    items = rows[:first]
    return DirectoryPage(
        items=items,
        cursors=[encode_cursor(c.name, c.id) for c in items],
        has_next_page=len(rows) > first,
        # A valid cursor names a row of this list, so a page before it exists.
        has_previous_page=after is not None,
        total_count=min(total, COUNT_CAP),
        total_capped=total > COUNT_CAP,
    )


def _agent_reached(reach: AgentReach) -> ColumnElement[bool]:
    if reach.everyone:
        return true()
    clauses: list[ColumnElement[bool]] = []
    if reach.branches:
        clauses.append(Agent.branch_id.in_(sorted(reach.branches)))
    if reach.own_id is not None:
        clauses.append(Agent.id == reach.own_id)
    return or_(*clauses) if clauses else false()


async def search_agents(
    session: AsyncSession,
    reach: AgentReach,
    *,
    query: str | None,
    first: int,
    after: str | None,
    include_inactive: bool = False,
    match_email: bool = True,
) -> Page[Agent]:
    """Agents the caller sees in full, by name (or email, when it may see emails), ordered
    by name then id; active ones only unless asked."""
    check_first(first)
    if query is not None and len(query) > MAX_QUERY_LENGTH:
        raise Invalid(f"query is longer than {MAX_QUERY_LENGTH} characters", field="query")
    where = [_agent_reached(reach)]
    if not include_inactive:
        where.append(Agent.active.is_(True))
    if query:
        text = _search_text(query)
        matched = [_folded_name(Agent.name.expression).contains(text, autoescape=True)]
        if match_email:
            matched.append(func.lower(Agent.email).contains(text, autoescape=True))
        where.append(or_(*matched))
    statement = select(Agent).where(*where).order_by(Agent.name, Agent.id)
    if after is not None:
        name, agent_id = decode_cursor(after, (str, str))
        statement = statement.where(
            or_(
                Agent.name > str(name),
                (Agent.name == str(name)) & (Agent.id > str(agent_id)),
            )
        )
    if reach.nobody:
        return Page(items=[], cursors=[], has_next_page=False, total_count=0)
    total = await session.scalar(select(func.count()).select_from(Agent).where(*where))
    rows = list(await session.scalars(statement.limit(first + 1)))
    items = rows[:first]
    return Page(
        items=items,
        cursors=[encode_cursor(a.name, a.id) for a in items],
        has_next_page=len(rows) > first,
        # A valid cursor names a row of this list, so a page before it exists.
        has_previous_page=after is not None,
        total_count=total or 0,
    )
