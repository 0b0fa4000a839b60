"""The request's agent loader: every person an answer names, read in one query.

People are named at every depth of an answer: a note's author beside the note, its editors
only once its history has been read, an assignee once the follow-ups are. A plain dataloader
dispatches on the next loop turn, so editors found after the history batch would cost a second
query. This loader waits until the request's store batches have answered and the resolvers
they woke have asked (a few quiet loop turns), then reads every id asked so far at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession

from store.models import Agent
from store.read_lease import SessionSource

# Loop turns without a new key (and with no store batch in flight) before the batch is read:
# enough for a resolved list to reach the fields of its items, few enough to cost nothing.
QUIET_TURNS = 8

AgentBatch = Callable[[AsyncSession, Sequence[str]], Awaitable[Sequence[Agent | None]]]


class StoreActivity:
    """Counts the request's store batches in flight (the agent batch waits for them)."""

    def __init__(self) -> None:
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @asynccontextmanager
    async def batch(self) -> AsyncIterator[None]:
        """Mark one store batch as in flight while the block runs."""
        self._in_flight += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._in_flight -= 1
            if not self._in_flight:
                self._idle.set()

    async def settled(self, asked: Callable[[], int]) -> None:
        """Return once no batch is in flight and `asked()` stayed put for QUIET_TURNS turns."""
        quiet, seen = 0, asked()
        while quiet < QUIET_TURNS:
            if self._in_flight:
                await self._idle.wait()
                quiet = 0
                continue
            await asyncio.sleep(0)
            now = asked()
            quiet = quiet + 1 if now == seen and not self._in_flight else 0
            seen = now


class AgentByIdLoader:
    """Agents by id (None for an id no agent has), cached for the request, read in one batch."""

    def __init__(
        self,
        sessions: SessionSource,
        batch: AgentBatch,
        activity: StoreActivity,
    ) -> None:
        self._sessions = sessions
        self._batch = batch
        self._activity = activity
        self._cache: dict[str, asyncio.Future[Agent | None]] = {}
        self._queue: dict[str, asyncio.Future[Agent | None]] = {}
        self._dispatch: asyncio.Task[None] | None = None

    def load(self, key: str) -> asyncio.Future[Agent | None]:
        """The agent with this id, once the request's batch is read."""
        future = self._cache.get(key)
        if future is None:
            future = asyncio.get_running_loop().create_future()
            self._cache[key] = self._queue[key] = future
            if self._dispatch is None:
                self._dispatch = asyncio.ensure_future(self._read())
        return future

    async def load_many(self, keys: Iterable[str]) -> list[Agent | None]:
        """Agents in key order."""
        return list(await asyncio.gather(*(self.load(key) for key in keys)))

    def prime(self, key: str, value: Agent | None) -> None:
        """Cache an agent already read (a write that just loaded it)."""
        if key not in self._cache:
            future: asyncio.Future[Agent | None] = asyncio.get_running_loop().create_future()
            future.set_result(value)
            self._cache[key] = future

    def clear(self, key: str) -> None:
        """Forget one agent (after a write changed it)."""
        self._cache.pop(key, None)

    async def _read(self) -> None:
        queue: dict[str, asyncio.Future[Agent | None]] = {}
        try:
            await self._activity.settled(lambda: len(self._queue))
            queue, self._queue, self._dispatch = self._queue, {}, None
            async with self._sessions() as session:
                rows = list(await self._batch(session, list(queue)))
        except BaseException as error:
            self._dispatch = None
            if not queue:
                queue, self._queue = self._queue, {}
            for key, future in queue.items():
                self._cache.pop(key, None)
                if not future.done():
                    future.set_exception(error)
            if not isinstance(error, Exception):
                raise
            return
        for future, row in zip(queue.values(), rows, strict=True):
            if not future.done():
                future.set_result(row)
