"""Fairness between customers: one customer's requests take turns at upstream work.

One gateway process serves every request on one event loop. When several agents open the
same big account in a loop, their requests together hold the loop most of the time and every
other customer's page waits behind them (measured: normal customers' p95 6-10x its idle value
with four such loops). The gate lets at most `per_customer` requests at a time work for one
customer: a request takes the customer's turn when it opens that customer (`customer(id:)`)
or at its first upstream read of it (`admit`, called by the upstream loaders), and keeps it
until the operation ends (`request_scope`, opened by the schema's `CustomerGateScope`
extension), so its own sources still read in parallel while the account's other requests
wait their turn without using the loop. Other customers never wait on it.

A contested customer's turns also rest: when a turn ends and another request waits for the
same customer, the slot is handed on only after a rest of the turn's length times
(1 / `share` - 1) (at most a quarter of `wait_seconds`), so one account's requests work at most
that share of the time and the loop is free for everyone else in between (measured with four
agents looping on a 50,000-record account: other customers' p95 2.3-2.8x its idle value at
share 1, 1.1-2.0x at 0.5). An uncontested customer never rests.

A request that waits longer than `wait_seconds` goes ahead without the slot: two requests
each holding one customer and waiting for the other's (a list of customers) cannot deadlock,
and a crowd on one account degrades to the ungated behaviour instead of failing. Outside a
request scope (the CLI's jobs) `admit` does nothing. The limits are settings
(`C360_CUSTOMER_GATE_PER_CUSTOMER`, `C360_CUSTOMER_GATE_WAIT_SECONDS`,
`C360_CUSTOMER_GATE_SHARE`); the defaults below are theirs.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager, suppress
from contextvars import ContextVar

PER_CUSTOMER = 1
"""Requests doing upstream work for one customer at a time (by default)."""
WAIT_SECONDS = 2.0
"""The longest a request waits for its turn before it goes ahead anyway (by default)."""
SHARE = 0.5
"""The share of the time a contested customer's requests work (by default)."""


class CustomerGate:
    """Per-customer turn-taking of one event loop's requests."""

    def __init__(
        self,
        per_customer: int = PER_CUSTOMER,
        wait_seconds: float = WAIT_SECONDS,
        share: float = SHARE,
    ):
        self.per_customer = per_customer
        self.wait_seconds = wait_seconds
        self.share = share
        self._slots: dict[str, asyncio.Semaphore] = {}
        self._holders: dict[str, int] = {}  # requests holding or waiting, to drop idle slots
        self.overflows = 0
        """Requests that waited `wait_seconds` and went ahead without their turn."""

    async def take(self, customer_id: str) -> bool:
        """Wait for a turn at `customer_id` (at most `wait_seconds`); whether one was taken."""
        slot = self._slots.get(customer_id)
        if slot is None:
            slot = self._slots[customer_id] = asyncio.Semaphore(self.per_customer)
        self._holders[customer_id] = self._holders.get(customer_id, 0) + 1
        try:
            async with asyncio.timeout(self.wait_seconds):
                await slot.acquire()
        except TimeoutError:
            self.overflows += 1
            self._forget(customer_id)
            return False
        except BaseException:
            self._forget(customer_id)
            raise
        return True

    def give_back(self, customer_id: str, started: float | None = None) -> None:
        """End a turn taken by `take` (at loop time `started`); while another request waits
        for this customer, its slot is handed on after the turn's rest."""
        slot = self._slots.get(customer_id)
        if slot is not None:
            rest = self._rest(customer_id, started)
            if rest > 0:
                asyncio.get_running_loop().call_later(rest, slot.release)
            else:
                slot.release()
        self._forget(customer_id)

    def _rest(self, customer_id: str, started: float | None) -> float:
        if started is None or self.share >= 1 or self._holders.get(customer_id, 0) <= 1:
            return 0.0  # no turn length, no limit, or nobody waiting
        worked = asyncio.get_running_loop().time() - started
        return min(worked * (1 / self.share - 1), self.wait_seconds / 4)

    def busy(self) -> int:
        """Customers with a request holding or awaiting a turn."""
        return len(self._holders)

    def _forget(self, customer_id: str) -> None:
        left = self._holders.get(customer_id, 0) - 1
        if left > 0:
            self._holders[customer_id] = left
        else:
            self._holders.pop(customer_id, None)
            self._slots.pop(customer_id, None)


class _Scope:
    """The customers one request holds a turn at (or went ahead for)."""

    def __init__(self, gate: CustomerGate) -> None:
        self.gate = gate
        self.seen: set[str] = set()
        self.held: list[tuple[str, float]] = []  # (customer, loop time the turn began)
        self.closed = False
        self.lock = asyncio.Lock()  # one request's loaders admit one after another

    async def admit(self, customer_ids: Iterable[str]) -> None:
        async with self.lock:
            for customer_id in sorted(set(customer_ids) - self.seen):
                self.seen.add(customer_id)
                if await self.gate.take(customer_id):
                    if self.closed:  # a read the request left running: no turn to keep
                        self.gate.give_back(customer_id)
                    else:
                        self.held.append((customer_id, asyncio.get_running_loop().time()))

    def close(self) -> None:
        self.closed = True
        for customer_id, started in self.held:
            self.gate.give_back(customer_id, started)
        self.held.clear()


Limits = tuple[int, float, float]
_gates: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[Limits, CustomerGate]] = (
    weakref.WeakKeyDictionary()
)
_scope: ContextVar[_Scope | None] = ContextVar("customer_gate_scope", default=None)


def customer_gate(
    per_customer: int = PER_CUSTOMER, wait_seconds: float = WAIT_SECONDS, share: float = SHARE
) -> CustomerGate:
    """The running loop's gate with these limits (one per loop: semaphores belong to their
    loop; one per limits, so gateways configured differently never share turns)."""
    gates = _gates.setdefault(asyncio.get_running_loop(), {})
    limits = (per_customer, wait_seconds, share)
    gate = gates.get(limits)
    if gate is None:
        gate = gates[limits] = CustomerGate(per_customer, wait_seconds, share)
    return gate


@asynccontextmanager
async def request_scope(gate: CustomerGate | None = None) -> AsyncIterator[None]:
    """One request's turns: taken by `admit` inside the block, all given back at its end."""
    scope = _Scope(gate or customer_gate())
    token = _scope.set(scope)
    try:
        yield
    finally:
        scope.close()
        with suppress(ValueError):  # closed from another context: the turns are back anyway
            _scope.reset(token)


async def admit(customer_ids: Iterable[str]) -> None:
    """Take the request's turn at each customer it does not hold yet (no-op outside a scope)."""
    scope = _scope.get()
    if scope is not None:
        await scope.admit(customer_ids)
