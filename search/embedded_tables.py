"""The embedded backend's SQLite tables, one set per generation (its "versioned index").

A generation is a documents table, its tags and assigned agents, and an FTS5 table over
subject and body sharing the documents' rowids. ``search_meta.generation`` plays the alias: a
rebuild fills generation N+1, then flips the pointer in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

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


@cache
def generation(number: int) -> Generation:
    """The table objects of generation `number` (built once, reused)."""
    metadata = MetaData()
    docs = Table(
        f"search_docs_{number}",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("note_id", String(36), nullable=False, unique=True),
        Column("version", Integer, nullable=False),
        Column("deleted", Boolean, nullable=False),
        Column("subject", Text),
        Column("body", Text),
        Column("scope", String(32)),
        Column("type", String(32)),
        Column("category", String(32)),
        Column("importance", String(32)),
        Column("pinned", Boolean),
        Column("author_id", String(64)),
        Column("customer_id", String(64)),
        Column("branch_id", String(64)),
        Column("partner_id", String(64)),
        # Microseconds since the epoch: exact, sortable, and cheap to page on.
        Column("created_at", Integer),
        Column("updated_at", Integer),
        Index(f"ix_search_docs_{number}_created_at", "created_at"),
        Index(f"ix_search_docs_{number}_customer_id", "customer_id"),
    )
    tags = Table(
        f"search_doc_tags_{number}",
        metadata,
        Column("doc_id", Integer, primary_key=True),
        Column("tag", String(64), primary_key=True),
        Index(f"ix_search_doc_tags_{number}_tag", "tag"),
    )
    agents = Table(
        f"search_doc_agents_{number}",
        metadata,
        Column("doc_id", Integer, primary_key=True),
        Column("agent_id", String(64), primary_key=True),
        Index(f"ix_search_doc_agents_{number}_agent_id", "agent_id"),
    )
    fts = table(f"search_fts_{number}", column("rowid"), column("subject"), column("body"))
    return Generation(number, metadata, docs, tags, agents, fts)
