"""Start a customer's upstream reads while the store decides whether the caller reaches them.

`customer(id)` must ask the store first (reach is the store's decision); the upstream fields
resolve only after that answer. Waiting would put one store round trip in front of every
upstream call, so the reads the query will need are started at once through the request's
own dataloaders, and the fields later pick the same futures up.

What a field reads is declared once, on the field itself (`UpstreamReads` in its strawberry
metadata, see schema/upstream_field.py); this module reads that declaration off the returned
type, so a new upstream field is prefetched without being listed anywhere else.

Only what the query selects and the caller's field groups let it see is started, and only the
first page a paged field would read: a field asked for the page after a cursor (`after`), or
for a page size it refuses (`first` out of range), reads its own page or nothing, so its
prefetch would be a read nobody uses (on a big account, a first page of every channel with
its counted totals). For a customer out of reach the answer is NOT_FOUND as before: the
prefetched records stay in the request's loader cache and are dropped with it, never
resolved into a field.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from strawberry.schema.name_converter import NameConverter
from strawberry.types.base import StrawberryContainer, get_object_definition
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField

from policies.vocabulary import FieldGroup
from resolvers.context import Info
from resolvers.upstream_loaders import UpstreamLoaders
from store.pagination import MAX_PAGE_SIZE

METADATA_KEY = "upstream_reads"
"""The strawberry field metadata key under which a field declares its `UpstreamReads`."""

LOADER_NAMES = frozenset(field.name for field in dataclasses.fields(UpstreamLoaders))


@dataclass(frozen=True, slots=True)
class UpstreamReads:
    """What one field reads upstream: its loaders, the field group guarding it, and the
    source named in its description when a failure of that source nulls the field."""

    loaders: tuple[str, ...]
    group: FieldGroup | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        unknown = sorted(set(self.loaders) - LOADER_NAMES)
        if unknown or not self.loaders:
            # A typo would otherwise be a read that is silently never prefetched.
            raise ValueError(f"unknown or no upstream loaders {unknown}; known: {LOADER_NAMES}")


# GraphQL type (the class) → its fields' GraphQL names → what they read; built once per type.
_TABLES: dict[type, dict[str, UpstreamReads]] = {}


def reads_by_field(type_: Any, converter: NameConverter) -> Mapping[str, UpstreamReads]:
    """The upstream reads each field of the strawberry type `type_` declares, by GraphQL name."""
    while isinstance(type_, StrawberryContainer):
        type_ = type_.of_type
    table = _TABLES.get(type_)
    if table is None:
        definition = get_object_definition(type_)
        table = {
            converter.get_graphql_name(field): field.metadata[METADATA_KEY]
            for field in (definition.fields if definition else ())
            if METADATA_KEY in (field.metadata or {})
        }
        _TABLES[type_] = table
    return table


def _fields(selections: Iterable[Any]) -> Iterator[SelectedField]:
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, FragmentSpread | InlineFragment):
            yield from _fields(selection.selections)


def reads_first_page(selection: SelectedField) -> bool:
    """Whether the selected field reads what a prefetch starts: its first page (a field
    without paging arguments reads it too)."""
    arguments = selection.arguments or {}
    if arguments.get("after") is not None:
        return False  # the page after a cursor (or a refused cursor): not the first page
    first = arguments.get("first")
    # A refused page size answers INVALID before any read.
    return not isinstance(first, int) or 1 <= first <= MAX_PAGE_SIZE


def _retrieve(future: asyncio.Future[Any]) -> None:
    # A prefetch nobody awaits (out of reach) must not log "exception never retrieved";
    # a field that does await it gets the same error as without the prefetch.
    if not future.cancelled():
        future.exception()


def prefetch_customer(info: Info, customer_id: str) -> None:
    """Start the upstream reads the selected fields of the returned customer will make."""
    loaders: UpstreamLoaders | None = info.context.upstream
    if loaders is None or not info.selected_fields:
        return
    view = info.context.policy
    table = reads_by_field(info.return_type, info.schema.config.name_converter)
    started: set[str] = set()
    for selection in _fields(info.selected_fields[0].selections):
        reads = table.get(selection.name)
        if reads is None or (reads.group is not None and not view.sees(reads.group)):
            continue
        if not reads_first_page(selection):
            continue
        for loader_name in reads.loaders:
            if loader_name not in started:
                started.add(loader_name)
                future = getattr(loaders, loader_name).load(customer_id)
                future.add_done_callback(_retrieve)
