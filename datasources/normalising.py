"""Turning an upstream's raw answer into records, after the upstream's guard has let go.

`Guard.read` times, retries and judges the upstream's I/O: the query or request, the rows or
bytes coming back. What the gateway then does with them (JSON decoding, normalising rows into
records) is the gateway's own work: run inside the guard, a large answer's normalisation
counted against the upstream's timeout, latency histogram and breaker, and a retry repeated
it. `normalised` and `normalised_rows` run it after the guard instead, with the same error
map (unreadable data is `BadUpstreamData` naming the source, which never touches the breaker).

A page holds at most a few hundred rows and is normalised in one go. A whole-history read
(the nightly jobs, the remaining whole-list fields) can hold tens of thousands of rows:
`normalised_rows` hands the event loop back every `YIELD_SECONDS` of work, so the other
requests and upstream calls in flight wait at most that long instead of for the whole parse.
(A worker thread was measured to be worse: it shares the interpreter lock with the loop for
the whole parse, so concurrent upstream calls crawled through all their retries and the
nightly summary of a 50,000-order customer failed on its marketplace pages.)
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from datasources.resilience import translate_errors

R = TypeVar("R")
T = TypeVar("T")

YIELD_SECONDS = 0.01
"""The longest normalisation holds the event loop before letting other work run."""


async def normalised(source: str, parse: Callable[[R], T], raw: R) -> T:
    """`parse(raw)` outside the guard, in one go (a page, a JSON body); a ValueError
    (undecodable or unmappable data) becomes BadUpstreamData of `source`."""
    with translate_errors(source):
        return parse(raw)


async def normalised_rows(source: str, build: Callable[[R], T], rows: Sequence[R]) -> list[T]:
    """`build` of every row outside the guard, yielding to the event loop every
    `YIELD_SECONDS`; a ValueError becomes BadUpstreamData of `source`."""
    built: list[T] = []
    with translate_errors(source):
        until = time.perf_counter() + YIELD_SECONDS
        for row in rows:
            built.append(build(row))
            if time.perf_counter() >= until:
                await asyncio.sleep(0)
                until = time.perf_counter() + YIELD_SECONDS
    return built
