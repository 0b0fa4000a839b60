"""Per-request dataloaders over the native store: one batched query per list, keys in order.

Each loader opens its own short session per batch (batches of different loaders run
concurrently, and one AsyncSession must not be shared between concurrent tasks); in the HTTP
app the sessions come from the request's `ReadLease`, so batches that do not overlap share
one pooled connection (store/read_lease.py). The caller's PolicyView is fixed for the
request, so every batch carries the same filter.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiodataloader import DataLoader
from sqlalchemy.ext.asyncio import AsyncSession

from core.tracing import loader_span
from policies.view import PolicyView
from resolvers.agent_loader import AgentByIdLoader, StoreActivity
from store.activity_reads import (
    interactions_by_customer_ids,
    risk_flags_by_customer_ids,
)
from store.customer_records import StoredCustomer
from store.db import retry_disconnect
from store.directory import agents_by_ids, customers_by_ids
from store.models import (
    Interaction,
    NoteRevision,
    RiskFlag,
)
from store.note_reads import NoteRow, count_notes_by_customer_ids, notes_by_ids
from store.notes import revisions_by_note_ids
from store.pagination import Page
from store.read_lease import SessionSource

K = TypeVar("K")
V = TypeVar("V")


class _StoreLoader(DataLoader[K, V]):
    """A DataLoader whose batch function reads the store with the request's policy view."""

    def __init__(
        self,
        sessions: SessionSource,
        batch: Callable[[AsyncSession, list[K]], Awaitable[Sequence[V]]],
        activity: StoreActivity | None = None,
    ) -> None:
        super().__init__()
        self.trace_name: str | None = None
        self._sessions = sessions
        self._batch = batch
        # The request's agent loader waits for batches in flight (people they name join it).
        self._activity = activity or StoreActivity()

    async def batch_load_fn(self, keys: list[K]) -> list[V]:
        with loader_span(self, keys):
            async with self._activity.batch():
                return await retry_disconnect(lambda: self._read(keys))

    async def _read(self, keys: list[K]) -> list[V]:
        async with self._sessions() as session:
            return list(await self._batch(session, keys))


class CustomerByIdLoader(_StoreLoader[str, StoredCustomer | None]):
    """Customers the caller reaches, by id."""


class NoteByIdLoader(_StoreLoader[str, NoteRow | None]):
    """Notes the caller can see, by id."""


class RevisionsByNoteIdLoader(_StoreLoader[str, list[NoteRevision]]):
    """Edit histories by note id (of notes the caller has already seen)."""


class NoteCountByCustomerIdLoader(_StoreLoader[str, int]):
    """How many notes of each customer the caller can see."""


class InteractionsByCustomerIdLoader(_StoreLoader[str, list[Interaction]]):
    """Interactions by customer id."""


class RiskFlagsByCustomerIdLoader(_StoreLoader[str, list[RiskFlag]]):
    """Risk flags by customer id."""


@dataclass(frozen=True)
class StoreLoaders:
    """The native store's loaders for one request."""

    sessions: SessionSource
    view: PolicyView
    customer_by_id: CustomerByIdLoader
    agent_by_id: AgentByIdLoader
    note_by_id: NoteByIdLoader
    note_count_by_customer_id: NoteCountByCustomerIdLoader
    revisions_by_note_id: RevisionsByNoteIdLoader
    interactions_by_customer_id: InteractionsByCustomerIdLoader
    risk_flags_by_customer_id: RiskFlagsByCustomerIdLoader
    activity: StoreActivity = field(default_factory=StoreActivity)
    _pages: dict[Hashable, DataLoader[Any, Any]] = field(default_factory=dict)

    @classmethod
    def create(cls, sessions: SessionSource, view: PolicyView) -> StoreLoaders:
        """Fresh loaders (and caches) for one request."""
        act = StoreActivity()
        return cls(
            sessions=sessions,
            view=view,
            customer_by_id=CustomerByIdLoader(
                sessions, lambda s, ids: customers_by_ids(s, view, ids), act
            ),
            agent_by_id=AgentByIdLoader(sessions, agents_by_ids, act),
            note_by_id=NoteByIdLoader(sessions, lambda s, ids: notes_by_ids(s, view, ids), act),
            revisions_by_note_id=RevisionsByNoteIdLoader(sessions, revisions_by_note_ids, act),
            note_count_by_customer_id=NoteCountByCustomerIdLoader(
                sessions, lambda s, ids: count_notes_by_customer_ids(s, view, ids), act
            ),
            interactions_by_customer_id=InteractionsByCustomerIdLoader(
                sessions, lambda s, ids: interactions_by_customer_ids(s, view, ids), act
            ),
            risk_flags_by_customer_id=RiskFlagsByCustomerIdLoader(
                sessions, lambda s, ids: risk_flags_by_customer_ids(s, view, ids), act
            ),
            activity=act,
        )

    def forget(self) -> None:
        """Drop every cached read: a mutation of this request changed the store, and what it
        returns must show the change (an earlier field or mutation may have loaded the old)."""
        for loader in (
            self.customer_by_id,
            self.note_by_id,
            self.note_count_by_customer_id,
            self.revisions_by_note_id,
            self.interactions_by_customer_id,
            self.risk_flags_by_customer_id,
        ):
            loader.clear_all()
        self._pages.clear()

    def pages(
        self,
        key: Hashable,
        batch: Callable[[AsyncSession, PolicyView, list[K]], Awaitable[Sequence[Page[V]]]],
    ) -> DataLoader[K, Page[V]]:
        """The loader of one paged list for one page request (`key` names both): fields
        asking for the same page of many parents share a batch."""
        loader = self._pages.get(key)
        if loader is None:
            view = self.view
            loader = self._pages[key] = _StoreLoader[K, Page[V]](
                self.sessions, lambda s, keys: batch(s, view, keys), self.activity
            )
            # Its span is named after the list (the key's first part: "notes", "tags", …).
            head = key[0] if isinstance(key, tuple) and key else key
            loader.trace_name = f"PagesLoader {head}" if isinstance(head, str) else None
        return loader
