"""Reads of sensitive data collected during one request, recorded once at its end.

Resolvers add what they return to the caller (after policy trimming): a customer's field
group, or a restricted note by id. Adding is a set insert; the whole request is written by
the GraphQL view in one upsert once the answer is sent (store/access_audit.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from store.access_audit import AccessGroup, record
from store.read_lease import SessionSource


@dataclass
class AccessReads:
    """The request's sensitive reads: (customer id, group) → the note ids read."""

    _reads: dict[tuple[str, AccessGroup], set[str]] = field(default_factory=dict)

    def group(self, customer_id: str | None, group: AccessGroup) -> None:
        """The caller was shown `group` of the customer (None: of no one customer)."""
        self._reads.setdefault((customer_id or "", group), set())

    def note(self, customer_id: str, note_id: str) -> None:
        """The caller was shown a restricted note."""
        self._reads.setdefault((customer_id, AccessGroup.RESTRICTED_NOTES), set()).add(note_id)

    def __len__(self) -> int:
        return len(self._reads)

    async def flush(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        principal: str,
        role: str,
        connections: SessionSource | None = None,
    ) -> int:
        """Record the reads in one statement (SQLite: one transaction) and forget them;
        return the rows touched (`connections`: see `store.access_audit.record`)."""
        reads, self._reads = self._reads, {}
        return await record(
            sessions,
            principal=principal,
            role=role,
            reads=reads,
            now=datetime.now(UTC),
            connections=connections,
        )
