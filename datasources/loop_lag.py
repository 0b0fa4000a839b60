"""How long the gateway's own event loop was too busy to run anything: its lag.

An upstream call's timeout is measured on the event loop. When the loop is blocked (a large
answer being built, a slow synchronous step), an upstream that answered in milliseconds still
"times out": its reply sits unread until the loop runs again, and then the timeout fires
first. Counting that against the upstream's circuit breaker would blame the upstream for the
gateway's own stall — and open breakers for every user.

`LoopLag` is a heartbeat on the loop: a callback every `INTERVAL` seconds adds how late it
ran to a running total. The lag during a call is the growth of that total while the call was
in flight, or — when the loop has only just come back and the heartbeat has not run yet — how
far past its deadline the timeout fired, whichever is larger.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from dataclasses import dataclass

INTERVAL = 0.05

_monitors: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, LoopLag] = (
    weakref.WeakKeyDictionary()
)


class LoopLag:
    """A heartbeat on one event loop that totals how late it ran."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        # No reference to the loop is kept: the registry is keyed weakly by it.
        self.total = 0.0
        self._expected = time.monotonic() + INTERVAL
        loop.call_later(INTERVAL, self._beat)

    def _beat(self) -> None:
        now = time.monotonic()
        self.total += max(0.0, now - self._expected)
        self._expected = now + INTERVAL
        asyncio.get_running_loop().call_later(INTERVAL, self._beat)

    def mark(self) -> LagMark:
        """A point to measure the lag since (the start of a call)."""
        return LagMark(self, self.total, time.monotonic())


@dataclass(frozen=True)
class LagMark:
    """The heartbeat total and the clock when a call began."""

    monitor: LoopLag
    total: float
    started: float

    def lag_since(self, expected_seconds: float | None = None) -> float:
        """Seconds the loop lagged since the mark; with a timeout, also how late it fired."""
        lag = self.monitor.total - self.total
        if expected_seconds is not None:
            overshoot = time.monotonic() - self.started - expected_seconds
            lag = max(lag, overshoot)
        return max(0.0, lag)


def loop_lag() -> LoopLag:
    """The running loop's lag monitor, started on first use."""
    loop = asyncio.get_running_loop()
    monitor = _monitors.get(loop)
    if monitor is None:
        monitor = _monitors[loop] = LoopLag(loop)
    return monitor
