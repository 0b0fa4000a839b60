"""A `NoteSearch` and a `NoteVisibility` → SQL over one embedded generation (SQLite FTS5).

Each word or phrase becomes an FTS5 MATCH built from already-clean words (letters and digits
only, always double-quoted), combined with SQL AND/OR/NOT, so FTS5's own syntax never sees
user text. The visibility is part of the WHERE clause of the hits, the count and the facets.
"""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    and_,
    case,
    exists,
    false,
    func,
    literal,
    literal_column,
    not_,
    or_,
    select,
    tuple_,
)
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.expression import FromClause

from search.embedded_tables import Generation
from search.query import AllOf, Node, Not, Phrase, Term, positive_leaves
from search.request import IMPORTANCE_WEIGHTS, NoteSearch, SortOrder, TagMode
from search.results import POST_TAG, PRE_TAG, Facets, SearchHit, SearchPage, buckets
from store.visibility import HANDOFF_TAG, NoteVisibility

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# FTS5 wraps matches in these; the text is HTML-escaped before they become <em> tags.
_START, _END = "\x02", "\x03"
SNIPPET_TOKENS = 24


def micros(moment: datetime) -> int:
    """Microseconds since the epoch (how the embedded tables store times)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return (aware - EPOCH) // timedelta(microseconds=1)


def fts_expression(leaf: Term | Phrase) -> str:
    """An FTS5 query for one leaf; its words hold only letters and digits."""
    if isinstance(leaf, Phrase):
        return '"' + " ".join(leaf.words) + '"'
    return f'"{leaf.text}"' + ("*" if leaf.prefix else "")


def visibility_clause(visibility: NoteVisibility, tables: Generation) -> ColumnElement[bool]:
    """`visibility` as a WHERE clause on the documents' scope, tags and reach fields."""
    if not isinstance(visibility, NoteVisibility):
        raise TypeError("search filters need the store's NoteVisibility")
    if visibility.nothing:
        return false()
    docs, tags, agents = tables.docs, tables.tags, tables.agents
    clauses: list[ColumnElement[bool]] = [docs.c.deleted.is_(False)]
    if not visibility.every_scope or visibility.handoff_scopes:
        in_scope: ColumnElement[bool] = docs.c.scope.in_(sorted(visibility.scopes))
        if visibility.handoff_scopes:
            tagged = exists(
                select(tags.c.doc_id).where(tags.c.doc_id == docs.c.id, tags.c.tag == HANDOFF_TAG)
            )
            handed_off = and_(docs.c.scope.in_(sorted(visibility.handoff_scopes)), tagged)
            in_scope = or_(in_scope, handed_off)
        clauses.append(in_scope)
    reach = visibility.reach
    if not reach.everyone:
        slices: list[ColumnElement[bool]] = []
        if reach.branches:
            slices.append(docs.c.branch_id.in_(sorted(reach.branches)))
        if reach.partner is not None:
            slices.append(docs.c.partner_id == reach.partner)
        if reach.assigned_agent is not None:
            assigned = select(agents.c.doc_id).where(
                agents.c.doc_id == docs.c.id, agents.c.agent_id == reach.assigned_agent
            )
            slices.append(exists(assigned))
        if reach.customer is not None:
            slices.append(docs.c.customer_id == reach.customer)
        clauses.append(or_(*slices))
    return and_(*clauses)


def _matches(tables: Generation, expression: str) -> ColumnElement[bool]:
    return literal_column(tables.fts.name).op("MATCH")(literal(expression))


def _compile(node: Node, tables: Generation) -> ColumnElement[bool]:
    if isinstance(node, Term | Phrase):
        fts = tables.fts
        return tables.docs.c.id.in_(
            select(fts.c.rowid).where(_matches(tables, fts_expression(node)))
        )
    if isinstance(node, Not):
        return not_(_compile(node.part, tables))
    parts = [_compile(part, tables) for part in node.parts]
    return and_(*parts) if isinstance(node, AllOf) else or_(*parts)


def _filters(search: NoteSearch, tables: Generation) -> list[ColumnElement[bool]]:
    docs, tags = tables.docs, tables.tags
    clauses: list[ColumnElement[bool]] = []
    if search.tags:
        wanted = list(search.tags) if search.tag_mode is TagMode.ALL else [list(search.tags)]
        for tag in wanted:
            match = tags.c.tag.in_(tag) if isinstance(tag, list) else tags.c.tag == tag
            clauses.append(exists(select(tags.c.doc_id).where(tags.c.doc_id == docs.c.id, match)))
    for column, value in (
        (docs.c.customer_id, search.customer_id),
        (docs.c.author_id, search.author_id),
        (docs.c.type, search.type),
        (docs.c.category, search.category),
        (docs.c.scope, search.scope),
        (docs.c.importance, search.importance),
    ):
        if value is not None:
            clauses.append(column == str(value))
    for column, values in (
        (docs.c.sentiment, search.sentiments),
        (docs.c.urgency, search.urgencies),
    ):
        if values:
            clauses.append(column.in_([str(value) for value in values]))
    if search.unsettled:
        # One JSON parameter, however many notes: SQLite limits bound parameters.
        unsettled: Select[Any] = select(literal_column("value")).select_from(
            func.json_each(json.dumps(sorted(search.unsettled)))
        )
        clauses.append(docs.c.note_id.not_in(unsettled))
    if search.since is not None:
        clauses.append(docs.c.created_at >= micros(search.since))
    if search.until is not None:
        clauses.append(docs.c.created_at < micros(search.until))
    if search.query is not None:
        clauses.append(_compile(search.query, tables))
    return clauses


def _by_score(search: NoteSearch) -> bool:
    return search.ranked or search.sort is SortOrder.IMPORTANCE


def importance_rank(docs: Table) -> ColumnElement[float]:
    """The importance sort's rank, as the OpenSearch backend scores it (IMPORTANCE_WEIGHTS)."""
    weight = case(
        {level: float(value) for level, value in IMPORTANCE_WEIGHTS.items()},
        value=docs.c.importance,
        else_=0.0,
    )
    return 1.0 + weight + case((docs.c.pinned.is_(True), 1.0), else_=0.0)


def _positive(search: NoteSearch) -> str | None:
    if search.query is None:
        return None
    expressions = sorted({fts_expression(leaf) for leaf in positive_leaves(search.query)})
    return " OR ".join(expressions) or None


def _page(search: NoteSearch, tables: Generation, where: ColumnElement[bool]) -> Select[Any]:
    docs, fts = tables.docs, tables.fts
    positive = _positive(search)
    if search.ranked and positive is not None:
        scores = (
            select(
                fts.c.rowid.label("rowid"),
                (-func.bm25(literal_column(fts.name), 2.0, 1.0)).label("score"),
            )
            .where(_matches(tables, positive))
            .subquery("scores")
        )
        score: ColumnElement[float] = func.coalesce(scores.c.score, 0.0)
        source: FromClause = docs.outerjoin(scores, scores.c.rowid == docs.c.id)
    elif search.sort is SortOrder.IMPORTANCE:
        score, source = importance_rank(docs), docs
    else:
        score, source = literal(0.0), docs
    inner = (
        select(docs.c.id, docs.c.note_id, docs.c.created_at, score.label("score"))
        .select_from(source)
        .where(where)
        .subquery("hits")
    )
    keys = (
        [inner.c.score, inner.c.created_at, inner.c.note_id]
        if _by_score(search)
        else [inner.c.created_at, inner.c.note_id]
    )
    statement = select(inner).order_by(*(key.desc() for key in keys)).limit(search.first + 1)
    if search.after is not None and len(search.after.values) == len(keys):
        # Every key sorts descending, so "after" is one row-value comparison.
        statement = statement.where(tuple_(*keys) < tuple_(*search.after.values))
    return statement


async def _highlights(
    conn: AsyncConnection, search: NoteSearch, tables: Generation, doc_ids: list[int]
) -> dict[int, dict[str, list[str]]]:
    positive = _positive(search)
    if positive is None or not doc_ids:
        return {}
    fts: ColumnElement[Any] = literal_column(tables.fts.name)
    rows = await conn.execute(
        select(
            tables.fts.c.rowid,
            func.highlight(fts, 0, _START, _END),
            func.snippet(fts, 1, _START, _END, "…", SNIPPET_TOKENS),
        ).where(_matches(tables, positive), tables.fts.c.rowid.in_(doc_ids))
    )
    found: dict[int, dict[str, list[str]]] = {}
    for rowid, subject, body in rows:
        fields = {
            name: [html.escape(value).replace(_START, PRE_TAG).replace(_END, POST_TAG)]
            for name, value in (("subject", subject), ("body", body))
            if value and _START in value
        }
        found[int(rowid)] = fields
    return found


async def run_search(
    conn: AsyncConnection, tables: Generation, search: NoteSearch, visibility: NoteVisibility
) -> SearchPage:
    """One page of hits, the total and the facets, inside the caller's visibility."""
    docs = tables.docs
    where = and_(visibility_clause(visibility, tables), *_filters(search, tables))
    rows = list(await conn.execute(_page(search, tables, where)))
    page = rows[: search.first]
    highlights = await _highlights(conn, search, tables, [int(row.id) for row in page])
    hits = [
        SearchHit(
            note_id=row.note_id,
            score=float(row.score) if search.ranked else None,
            highlights=highlights.get(int(row.id), {}),
            sort_values=(
                (float(row.score), int(row.created_at), row.note_id)
                if _by_score(search)
                else (int(row.created_at), row.note_id)
            ),
        )
        for row in page
    ]
    matching = select(docs.c.id).where(where)
    total = await conn.scalar(select(func.count()).select_from(matching.subquery()))
    tag_counts = await conn.execute(
        select(tables.tags.c.tag, func.count())
        .where(tables.tags.c.doc_id.in_(matching))
        .group_by(tables.tags.c.tag)
    )
    type_counts = await conn.execute(
        select(docs.c.type, func.count()).where(where).group_by(docs.c.type)
    )
    author_counts = await conn.execute(
        select(docs.c.author_id, func.count()).where(where).group_by(docs.c.author_id)
    )
    labels = {
        name: [
            (str(value), int(count))
            for value, count in await conn.execute(
                select(column, func.count()).where(where, column.is_not(None)).group_by(column)
            )
        ]
        for name, column in (("sentiments", docs.c.sentiment), ("urgencies", docs.c.urgency))
    }
    return SearchPage(
        hits=hits,
        total=int(total or 0),
        facets=Facets(
            tags=buckets([(str(tag), int(count)) for tag, count in tag_counts]),
            types=buckets([(str(kind), int(count)) for kind, count in type_counts]),
            authors=buckets([(str(author), int(count)) for author, count in author_counts]),
            sentiments=buckets(labels["sentiments"]),
            urgencies=buckets(labels["urgencies"]),
        ),
        has_next=len(rows) > search.first,
    )
