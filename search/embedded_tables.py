"""The embedded backend's SQLite tables, one set per generation (its "versioned index").

A generation is a documents table, its tags and assigned agents, and an FTS5 table over
subject and body sharing the documents' rowids. ``search_meta.generation`` plays the alias: a
rebuild fills generation N+1, then flips the pointer in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TextClause,
    column,
    table,
    text,
)
from sqlalchemy.sql.expression import TableClause
from sqlalchemy.types import TypeEngine

from search.fields import FIELDS, IndexedField, Kind

META_DDL = text(
    "CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
)
# Like OpenSearch's analyser with analysis-common: folded, lower-cased, Porter-stemmed words.
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2 tokenchars '_'"


@dataclass(frozen=True, slots=True)
class Generation:
    """The tables of one generation of the embedded index."""

    number: int
    metadata: MetaData
    docs: Table
    tags: Table
    agents: Table
    fts: TableClause

    def fts_ddl(self) -> TextClause:
        """CREATE for the FTS5 table (SQLAlchemy has no construct for virtual tables)."""
        return text(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.fts.name} "
            f'USING fts5(subject, body, tokenize="{FTS_TOKENIZER}")'
        )

    def drop_ddl(self) -> list[TextClause]:
        """DROP statements for every table of the generation."""
        names = (self.fts.name, self.tags.name, self.agents.name, self.docs.name)
        return [text(f"DROP TABLE IF EXISTS {name}") for name in names]


# Column types of the documents table, by field kind. Times are microseconds since the epoch:
# exact, sortable, and cheap to page on.
_COLUMN_TYPES: dict[Kind, type[TypeEngine[Any]]] = {
    Kind.KEYWORD: String,
    Kind.TEXT: Text,
    Kind.LONG: Integer,
    Kind.BOOLEAN: Boolean,
    Kind.DATE: Integer,
}
# List fields live in side tables of (doc_id, item) rows: their table names, by field.
SIDE_TABLES = {"tags": "search_doc_tags", "assigned_agents": "search_doc_agents"}
# Columns the permission and paging filters select on.
_INDEXED = ("created_at", "customer_id", "branch_id", "partner_id")


def _column(field: IndexedField) -> Column[Any]:
    return Column(
        field.name,
        _COLUMN_TYPES[field.kind],
        nullable=not field.required,
        unique=field.name == "note_id",
    )


def _side_table(number: int, metadata: MetaData, field: IndexedField) -> Table:
    assert field.item is not None
    name = f"{SIDE_TABLES[field.name]}_{number}"
    return Table(
        name,
        metadata,
        Column("doc_id", Integer, primary_key=True),
        Column(field.item, String(64), primary_key=True),
        Index(f"ix_{name}_{field.item}", field.item),
    )


@cache
def generation(number: int) -> Generation:
    """The table objects of generation `number` (built once, reused), from `FIELDS`."""
    metadata = MetaData()
    docs = Table(
        f"search_docs_{number}",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        *(_column(field) for field in FIELDS if not field.many),
        *(Index(f"ix_search_docs_{number}_{name}", name) for name in _INDEXED),
    )
    side = {field.name: _side_table(number, metadata, field) for field in FIELDS if field.many}
    fts = table(f"search_fts_{number}", column("rowid"), column("subject"), column("body"))
    return Generation(number, metadata, docs, side["tags"], side["assigned_agents"], fts)
