"""Start a customer's upstream reads while the store decides whether the caller reaches them.

`customer(id)` must ask the store first (reach is the store's decision); the upstream fields
resolve only after that answer. Waiting would put one store round trip in front of every
upstream call, so the reads the query will need are started at once through the request's
own dataloaders, and the fields later pick the same futures up.

Only what the query selects and the caller's field groups let it see is started. For a
customer out of reach the answer is NOT_FOUND as before: the prefetched records stay in the
request's loader cache and are dropped with it, never resolved into a field.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Iterator
from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField

from policies.vocabulary import FieldGroup
from resolvers.context import Info
from resolvers.upstream_loaders import UpstreamLoaders

# Customer360 field → (the field group guarding it or None, the loaders it reads).
_READS: dict[str, tuple[FieldGroup | None, tuple[str, ...]]] = {
    "profile": (None, ("customer_by_id",)),
    "orders": (FieldGroup.ACTIVITY, ("orders_by_customer_id",)),
    "tickets": (FieldGroup.ACTIVITY, ("tickets_by_customer_id",)),
    "timeline": (FieldGroup.ACTIVITY, ("orders_by_customer_id", "tickets_by_customer_id")),
    "invoices": (FieldGroup.FINANCIALS, ("invoices_by_customer_id",)),
    "payments": (FieldGroup.FINANCIALS, ("payments_by_customer_id",)),
    "balance": (FieldGroup.FINANCIALS, ("balance_by_customer_id",)),
    "lifetimeValue": (FieldGroup.LIFETIME_VALUE, ("orders_by_customer_id",)),
    "repurchaseSignal": (FieldGroup.LIFETIME_VALUE, ("orders_by_customer_id",)),
}


def _names(selections: Iterable[Any]) -> Iterator[str]:
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection.name
        elif isinstance(selection, FragmentSpread | InlineFragment):
            yield from _names(selection.selections)


def _retrieve(future: asyncio.Future[Any]) -> None:
    # A prefetch nobody awaits (out of reach) must not log "exception never retrieved";
    # a field that does await it gets the same error as without the prefetch.
    if not future.cancelled():
        future.exception()


def prefetch_customer(info: Info, customer_id: str) -> None:
    """Start the upstream reads the selected Customer360 fields will make."""
    loaders: UpstreamLoaders | None = info.context.upstream
    if loaders is None or not info.selected_fields:
        return
    view = info.context.policy
    started: set[str] = set()
    for name in _names(info.selected_fields[0].selections):
        group, reads = _READS.get(name, (None, ()))
        if group is not None and not view.sees(group):
            continue
        for loader_name in reads:
            if loader_name not in started:
                started.add(loader_name)
                future = getattr(loaders, loader_name).load(customer_id)
                future.add_done_callback(_retrieve)
