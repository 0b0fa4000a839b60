"""Turning an upstream's raw answer into records, after the upstream's guard has let go.

`Guard.read` times, retries and judges the upstream's I/O: the query or request, the rows or
bytes coming back. What the gateway then does with them (JSON decoding, normalising rows into
records) is the gateway's own work: run inside the guard, a large answer's normalisation
counted against the upstream's timeout, latency histogram and breaker, and a retry repeated
it. `normalised` runs it after the guard instead, with the same error map (unreadable data is
`BadUpstreamData` naming the source, which never touches the breaker).

A page holds at most a few hundred rows and is normalised where it is. A whole-history read
(the nightly jobs, the remaining whole-list fields) can hold tens of thousands: above
`OFF_LOOP_ROWS` it is normalised in a worker thread, so the event loop keeps serving other
requests meanwhile (the interpreter switches threads every few milliseconds) instead of
stalling every request in flight for the whole parse.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from datasources.resilience import translate_errors

R = TypeVar("R")
T = TypeVar("T")

OFF_LOOP_ROWS = 1_000
"""Above this many raw rows, normalisation leaves the event loop (measured: ~20 µs a row,
so 1,000 rows hold the loop for ~20 ms; a 50,000-order history held it for seconds)."""


async def normalised(source: str, parse: Callable[[R], T], raw: R, *, rows: int) -> T:
    """`parse(raw)` outside the guard: inline for a page, in a thread above `OFF_LOOP_ROWS`
    rows; a ValueError (undecodable or unmappable data) becomes BadUpstreamData of `source`."""
    with translate_errors(source):
        if rows > OFF_LOOP_ROWS:
            return await asyncio.to_thread(parse, raw)
        return parse(raw)
