"""The SQLite directory search index: an FTS5 trigram table over the customers' folded columns.

SQLite cannot index `LIKE '%text%'`, so migration 0021 keeps `customers_fts` (FTS5, trigram
tokenizer) in step with `customers` by triggers: every insert, update of the name, email,
phone or id, and delete rewrites the customer's row there. A trigram query finds, from the
index, every customer whose folded name or email contains the text (or whose phone digits
contain the query's digits), folding case over all of Unicode; the search then tests its exact
`LIKE` on those candidates only, so the answer is the scan's, row for row. A text shorter than
three characters has no trigram: the search keeps its scan for it.

The FTS row of a customer is keyed by `customer_search_rows`, an integer key per customer id:
`customers` has a text primary key, and the implicit rowid of such a table is not promised to
survive a VACUUM.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, column, select, table, text

from store.models import Customer

FTS_TABLE = "customers_fts"
KEY_TABLE = "customer_search_rows"
SHADOW_TABLES = frozenset(
    f"{FTS_TABLE}_{suffix}" for suffix in ("data", "idx", "content", "docsize", "config")
)
SEARCH_TABLES = frozenset({FTS_TABLE, KEY_TABLE}) | SHADOW_TABLES
"""The tables of the index (SQLite only, made by the migration, not by the models)."""

TRIGRAM = 3
"""The shortest text the trigram index answers; a shorter one is searched by the scan."""

_FTS = table(FTS_TABLE, column("customer_id"))


def usable(folded: str) -> bool:
    """Whether the index can answer a search for this folded text."""
    return len(folded) >= TRIGRAM


def _phrase(value: str) -> str:
    # An FTS5 string: inside double quotes every character is literal but the quote itself.
    return '"' + value.replace('"', '""') + '"'


def match_expression(folded: str, digits: str | None) -> str:
    """The FTS5 query for a folded text (name and email) and, if given, phone digits."""
    expression = "{name_search email_search} : " + _phrase(folded)
    if digits is not None:
        expression += " OR phone_search : " + _phrase(digits)
    return expression


def candidates(folded: str, digits: str | None) -> ColumnElement[bool]:
    """Customers the index says may match: a superset of the exact match, which still
    applies (the index folds case over all of Unicode, SQLite's LIKE over ASCII only)."""
    matched = (
        select(_FTS.c.customer_id)
        .select_from(_FTS)
        .where(
            text(f"{FTS_TABLE} MATCH :directory_match").bindparams(
                directory_match=match_expression(folded, digits)
            )
        )
    )
    return Customer.id.in_(matched.scalar_subquery())
