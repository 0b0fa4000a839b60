"""The OpenSearch notes index: analysis, mapping, and versioned index names behind one alias.

Reads and writes go through the alias ``<prefix>-notes``; a rebuild creates
``<prefix>-notes-<UTC timestamp>`` and swaps the alias in one atomic call, so searches never
see a half-built index.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from search.fields import FIELDS, IndexedField, Kind

# Near-real-time: a note is searchable within this after the indexer writes it.
REFRESH_INTERVAL = "500ms"

# Needs the `analysis-common` module (in every full distribution); see `index_body`.
_LINGUISTIC_ANALYSIS: dict[str, Any] = {
    "filter": {
        "note_stemmer": {"type": "stemmer", "language": "porter"},
    },
    "analyzer": {
        # Words lower-cased and folded to ASCII, then stemmed: "Invoices" finds "invoice".
        "note_text": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding", "note_stemmer"],
        },
        # Unstemmed, for prefix searches: "invoi*" must see the words as written.
        "note_exact": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding"],
        },
    },
}


# Core-only fallback (the minimal integ-test distribution): lower-cased words, no stemming.
_PLAIN_ANALYSIS: dict[str, Any] = {
    "analyzer": {
        "note_text": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
        "note_exact": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
    },
}
ANALYSIS_MODULE = "analysis-common"


def _text_field() -> dict[str, Any]:
    return {
        "type": "text",
        "analyzer": "note_text",
        "fields": {
            "exact": {
                "type": "text",
                "analyzer": "note_exact",
                "index_prefixes": {"min_chars": 2, "max_chars": 10},
            }
        },
    }


def _property(field: IndexedField) -> dict[str, Any]:
    return _text_field() if field.kind is Kind.TEXT else {"type": field.kind.value}


MAPPINGS: dict[str, Any] = {
    # A stray field is a bug in documents.py, not something to guess a type for.
    "dynamic": "strict",
    "properties": {field.name: _property(field) for field in FIELDS},
}


# Fields added after indexes were first created: `ensure_index` adds them to an existing
# index's mapping (an index refuses documents with a field it does not map: strict).
ADDED_LATER = ("sentiment", "urgency")
ADDED_FIELDS: dict[str, Any] = {
    "properties": {name: MAPPINGS["properties"][name] for name in ADDED_LATER}
}


def alias_name(prefix: str) -> str:
    """The alias every read and write goes through."""
    return f"{prefix}-notes"


def new_index_name(prefix: str, now: datetime | None = None) -> str:
    """A fresh versioned index name, sortable by creation time."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d%H%M%S%f")
    return f"{alias_name(prefix)}-{stamp}"


def index_body(
    *, linguistic: bool, replicas: int = 0, refresh_interval: str = REFRESH_INTERVAL
) -> dict[str, Any]:
    """Settings and mappings for a new notes index.

    `linguistic` (the cluster has the analysis-common module) adds ASCII folding and Porter
    stemming; without it words are only lower-cased, which every OpenSearch node can do.
    """
    return {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": replicas,
            "refresh_interval": refresh_interval,
            "analysis": _LINGUISTIC_ANALYSIS if linguistic else _PLAIN_ANALYSIS,
        },
        "mappings": MAPPINGS,
    }
