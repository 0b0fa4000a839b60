"""The `search-dead-letters` job: list what the indexer gave up on, optionally re-queue it."""

from __future__ import annotations

from dataclasses import dataclass

from gateway.runtime import Runtime
from search import dead_letters as letters
from store.models import SearchDeadLetter


@dataclass(frozen=True, slots=True)
class DeadLetterReport:
    """The pending dead letters, how many were re-queued, and the outbox depth afterwards."""

    letters: list[SearchDeadLetter]
    requeued: int
    outbox_depth: int


async def dead_letters(runtime: Runtime, *, redrive: bool = False) -> DeadLetterReport:
    """The newest pending dead letters; with `redrive`, put them all back on the outbox."""
    pending = await letters.dead_letters(runtime.sessions)
    requeued = await letters.redrive(runtime.sessions) if redrive and pending else 0
    return DeadLetterReport(pending, requeued, await letters.outbox_depth(runtime.sessions))
