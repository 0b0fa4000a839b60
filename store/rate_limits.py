"""Cost budgets per fixed window: a principal's and its partner's, counted in one place.

Each GraphQL operation spends its estimated cost (at least 1) from every budget that applies
to its caller; once one is spent, the caller is refused until that window ends. Windows are
fixed (aligned to `window_seconds`), which a client can predict from `Retry-After`.

Two counters, one contract: `DatabaseRateLimiter` counts in the store (one upsert per
request, atomic per row, never twice, also when the connection drops at COMMIT, shared by
every gateway on the database) and `MemoryRateLimiter` in
this process (one instance only; the default on SQLite, where a write per request would
serialise every reader). Once a process has seen a budget spent, it refuses that caller
until the window ends without counting again (`refused_until`, no I/O): a client that
ignores Retry-After cannot buy its budget back, nor make its refusals cost the others.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, cast

import structlog
from sqlalchemy import BigInteger, Table, bindparam, case, delete, func, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.settings import Settings
from store.models import RateLimitWindow

_XID = func.txid_current(type_=BigInteger).label("xid")
"""The spend's transaction id, returned with the sums (no extra round trip)."""
# How long a spend whose connection dropped at COMMIT waits for the server to end that
# transaction (a terminated backend ends in milliseconds; a slow disk or a synchronous standby
# can hold a COMMIT for seconds).
SETTLE_SECONDS = 5.0
_LOCK_TIMEOUT = text("SELECT set_config('lock_timeout', :timeout, true)")
_LOCK_NOT_AVAILABLE = "55P03"

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class Budget:
    """One budget that applies to a request: its key and what a window allows."""

    key: str
    limit: int


@dataclass(frozen=True, slots=True)
class BudgetState:
    """A budget after (or without) a spend: used, left, and when the window ends."""

    key: str
    limit: int
    used: int
    resets_at: float  # Unix time

    @property
    def remaining(self) -> int:
        """What is left of the window's budget (never negative)."""
        return max(0, self.limit - self.used)

    @property
    def exhausted(self) -> bool:
        """Spent beyond the limit."""
        return self.used > self.limit


class RateLimiter(Protocol):
    """Where budgets are counted."""

    window_seconds: int

    async def spend(self, budgets: Sequence[Budget], cost: int) -> list[BudgetState]:
        """Spend `cost` from every budget; their states after the spend."""
        ...

    async def peek(self, budgets: Sequence[Budget]) -> list[BudgetState]:
        """The budgets' states now, spending nothing."""
        ...

    def refused_until(self, budgets: Sequence[Budget]) -> tuple[Budget, float] | None:
        """A budget this process saw spent in a window not yet over, and that window's end
        (None: none); answers without I/O, so a refused caller costs next to nothing."""
        ...


class _Windows:
    def __init__(self, window_seconds: int, clock: Callable[[], float]) -> None:
        self.window_seconds = window_seconds
        self._clock = clock
        # Budgets this process saw spent, until their window ends: refused without counting.
        self._spent: dict[str, float] = {}

    def _remember(self, states: Sequence[BudgetState]) -> list[BudgetState]:
        for state in states:
            if state.exhausted:
                self._spent[state.key] = state.resets_at
        return list(states)

    def refused_until(self, budgets: Sequence[Budget]) -> tuple[Budget, float] | None:
        """A budget this process saw spent in a window not yet over, and that window's end."""
        now = self._clock()
        for budget in budgets:
            end = self._spent.get(budget.key, 0.0)
            if end > now:
                return budget, end
        if len(self._spent) > 10_000:
            # Forget windows that ended (bounded: a flood of new keys cannot grow it).
            self._spent = {key: end for key, end in self._spent.items() if end > now}
        return None

    def current(self) -> tuple[int, float]:
        """The current window's start (Unix seconds) and end."""
        start = math.floor(self._clock() / self.window_seconds) * self.window_seconds
        return start, float(start + self.window_seconds)


class MemoryRateLimiter(_Windows):
    """Budgets counted in this process (a single gateway)."""

    def __init__(self, window_seconds: int, clock: Callable[[], float] = time.time) -> None:
        super().__init__(window_seconds, clock)
        self._window = -1
        self._used: dict[str, int] = {}

    def _roll(self) -> float:
        start, end = self.current()
        if start != self._window:
            self._window, self._used = start, {}
        return end

    async def spend(self, budgets: Sequence[Budget], cost: int) -> list[BudgetState]:
        """Spend `cost` from every budget (no await inside: atomic on the event loop)."""
        end = self._roll()
        for budget in budgets:
            self._used[budget.key] = self._used.get(budget.key, 0) + cost
        return self._remember(
            [BudgetState(b.key, b.limit, self._used[b.key], end) for b in budgets]
        )

    async def peek(self, budgets: Sequence[Budget]) -> list[BudgetState]:
        """The budgets' states now."""
        end = self._roll()
        return [BudgetState(b.key, b.limit, self._used.get(b.key, 0), end) for b in budgets]


def _spend_statement() -> Any:
    # Built once, on the table (Core, not the ORM's bulk path), the rows as parameters: a
    # multi-row VALUES is never in SQLAlchemy's statement cache, and building the upsert
    # (its `excluded` alias proxies every column) cost as much as running it. It runs in a
    # transaction, not in autocommit: the transaction id it returns is what tells, after a
    # connection dropped at COMMIT, whether the spend counted (see `spend`).
    table = cast(Table, RateLimitWindow.__table__)
    insert = postgresql.insert(table)
    return insert.on_conflict_do_update(
        index_elements=["key", "window_start"],
        set_={"used": table.c.used + insert.excluded.used},
    ).returning(table.c.key, table.c.used, _XID)


def _spend_unless_committed_statement() -> Any:
    # The same upsert, adding the cost only where transaction :xid did not commit. That
    # transaction's upsert holds these rows (or their keys) until it ends, so each row's SET is
    # evaluated after it ended, when `txid_status` is final; a row it inserted and then
    # aborted is not there, and is inserted with the cost.
    table = cast(Table, RateLimitWindow.__table__)
    insert = postgresql.insert(table)
    committed = func.txid_status(bindparam("xid", type_=BigInteger)) == "committed"
    return insert.on_conflict_do_update(
        index_elements=["key", "window_start"],
        set_={"used": table.c.used + case((committed, 0), else_=insert.excluded.used)},
    ).returning(table.c.key, table.c.used)


_SPEND = _spend_statement()
_SPEND_UNLESS_COMMITTED = _spend_unless_committed_statement()


@dataclass(slots=True)
class _Attempt:
    """What one spend's transaction had computed before COMMIT."""

    xid: int | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)
    end: float = 0.0
    states: list[BudgetState] = field(default_factory=list)


class DatabaseRateLimiter(_Windows):
    """Budgets counted in the store's `rate_limit_windows` (PostgreSQL): every gateway on the
    database shares them."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        window_seconds: int,
        clock: Callable[[], float] = time.time,
        *,
        settle_seconds: float = SETTLE_SECONDS,
    ) -> None:
        super().__init__(window_seconds, clock)
        self._sessions = sessions
        self._settle_seconds = settle_seconds
        self._purged_before = -1

    async def spend(self, budgets: Sequence[Budget], cost: int) -> list[BudgetState]:
        """One upsert adds `cost` to every budget's row of this window and returns the sums.
        Never counted twice; counted once also when the server drops the connection at COMMIT
        (the pool no longer pings before every checkout), unless the server still holds that
        COMMIT after `settle_seconds`: then answered as spent, and logged."""
        attempt = _Attempt()
        try:
            return await self._spend(budgets, cost, attempt)
        except DBAPIError as error:
            if not error.connection_invalidated:
                raise
        if attempt.xid is None:
            # Dropped before the upsert answered: its transaction never reached COMMIT.
            return await self._spend(budgets, cost, _Attempt())
        # Dropped before COMMIT was answered: the spend may have been counted or not (the
        # server may still be ending it). Spent again unless its transaction committed,
        # decided once that transaction ended.
        try:
            return await self._spend_unless_committed(budgets, attempt)
        except DBAPIError as error:
            if getattr(error.orig, "sqlstate", None) != _LOCK_NOT_AVAILABLE:
                raise
        # Still not ended: spending again could charge the request twice, and answering as
        # unspent would let a dropped connection skip the budget. So the caller is charged as
        # if it committed (the sums its transaction computed), and the outcome logged.
        log.warning(
            "rate-limit spend unsettled: answered as spent, not spent again",
            xid=attempt.xid,
            waited_seconds=self._settle_seconds,
        )
        return self._remember(attempt.states)

    async def _spend(
        self, budgets: Sequence[Budget], cost: int, attempt: _Attempt
    ) -> list[BudgetState]:
        start, end = self.current()
        rows = [{"key": b.key, "window_start": start, "used": cost} for b in budgets]
        attempt.rows, attempt.end = rows, end
        async with self._sessions() as session, session.begin():
            connection = await session.connection()
            result = list(await connection.execute(_SPEND, rows))
            used = {row.key: row.used for row in result}
            attempt.xid = result[0].xid if result else None
            attempt.states = [BudgetState(b.key, b.limit, used[b.key], end) for b in budgets]
            if self._purged_before < start:
                # The first spend of a window in this process clears windows before the last.
                await connection.execute(
                    delete(RateLimitWindow).where(
                        RateLimitWindow.window_start < start - self.window_seconds
                    )
                )
                self._purged_before = start
        return self._remember(attempt.states)

    async def _spend_unless_committed(
        self, budgets: Sequence[Budget], attempt: _Attempt
    ) -> list[BudgetState]:
        """The attempt's rows spent again where its transaction did not commit, after waiting
        (up to `settle_seconds`, then LockNotAvailable) for that transaction to end."""
        rows = [row | {"xid": attempt.xid} for row in attempt.rows]
        async with self._sessions() as session, session.begin():
            connection = await session.connection()
            timeout = f"{max(1, round(self._settle_seconds * 1000))}ms"
            await connection.execute(_LOCK_TIMEOUT, {"timeout": timeout})
            used = {
                row.key: row.used for row in await connection.execute(_SPEND_UNLESS_COMMITTED, rows)
            }
        return self._remember(
            [BudgetState(b.key, b.limit, used[b.key], attempt.end) for b in budgets]
        )

    async def peek(self, budgets: Sequence[Budget]) -> list[BudgetState]:
        """The budgets' rows of this window (absent: nothing spent)."""
        start, end = self.current()
        async with self._sessions() as session:
            rows = await session.execute(
                select(RateLimitWindow.key, RateLimitWindow.used).where(
                    RateLimitWindow.window_start == start,
                    RateLimitWindow.key.in_([b.key for b in budgets]),
                )
            )
            used = {row.key: row.used for row in rows}
        return [BudgetState(b.key, b.limit, used.get(b.key, 0), end) for b in budgets]


def open_rate_limiter(
    settings: Settings, dialect: str, sessions: async_sessionmaker[AsyncSession]
) -> RateLimiter | None:
    """The limiter the settings ask for on this store (None when rate limits are off)."""
    if not settings.rate_limit_enabled:
        return None
    backend = settings.rate_limit_backend
    if backend == "auto":
        backend = "database" if dialect == "postgresql" else "memory"
    if backend == "database":
        if dialect != "postgresql":
            raise ValueError(
                "C360_RATE_LIMIT_BACKEND=database needs the PostgreSQL store; on SQLite (one "
                "process) use memory or auto"
            )
        return DatabaseRateLimiter(sessions, settings.rate_limit_window_seconds)
    return MemoryRateLimiter(settings.rate_limit_window_seconds)
