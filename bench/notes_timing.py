"""Timings on the 10M-note store (bench.note_store): the key account's notes page through the
in-process GraphQL path, and noteReport over the last year from the rollup and the scan.

The page is timed as the schema answers it (loaders, statements, result), `rounds` times after
3 warm-up requests, with the count capped (now) and exact (before: every visible note of the
customer counted); the EXPLAIN (ANALYZE, BUFFERS) of each statement the capped page runs is
printed. noteReport is timed in the store (note_report), once by scanning the readable notes
(the rollup refused) and once from the rollup (the two answers checked equal), for every
grouping the rollup answers, over the year to now, the year of whole days, and the year from
noon to noon (the largest edge-day scans).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from itertools import product
from typing import Any
from unittest import mock

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.in_process import request_context
from bench.note_store import BIG_CUSTOMER, NOW
from core.settings import REPO_ROOT, Settings
from policies.enforcer import PolicyEngine
from policies.principal import Principal
from schema import build_schema
from store import note_reads, rollup_reads
from store.db import create_engine, session_factory
from store.note_reads import NoteFilter
from store.pagination import PageRequest
from store.reports import NoteGroup, ReportWindow, note_report

PAGE = """query Notes($id: ID!) {
  customer(id: $id) {
    notes(first: 20) {
      totalCount totalCountCapped pageInfo { hasNextPage endCursor }
      edges { cursor node { id subject scope type importance pinned tags createdAt } }
    }
  }
}"""
CALLERS = {
    "manager": Principal("ag-0", ("manager",)),
    "branch": Principal("ag-40", ("branch",), branches=("br-0",)),
}
# Every grouping the rollup answers (CUSTOMER is always a scan).
GROUPS = (
    NoteGroup.TYPE,
    NoteGroup.CATEGORY,
    NoteGroup.SCOPE,
    NoteGroup.AGENT,
    NoteGroup.TAG,
    NoteGroup.DAY,
    NoteGroup.SENTIMENT,
    NoteGroup.URGENCY,
)


async def median_ms(call: Callable[[], Awaitable[Any]], rounds: int, warm: int = 3) -> float:
    """The median wall time of `call` in ms, after `warm` untimed calls."""
    return (await medians_ms(call, rounds, warm))[0]


async def medians_ms(
    call: Callable[[], Awaitable[Any]], rounds: int, warm: int = 3
) -> tuple[float, float]:
    """The median wall time and this process's median CPU time of `call` in ms (the CPU
    figure does not grow with other work on a shared machine; the wall time does)."""
    for _ in range(warm):
        await call()
    walls, cpus = [], []
    for _ in range(rounds):
        started, cpu = time.perf_counter(), time.process_time()
        await call()
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


@contextmanager
def captured(engine: AsyncEngine) -> Iterator[list[tuple[str, Any]]]:
    """The (statement, parameters) the engine runs meanwhile."""
    seen: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, *args: Any) -> None:
        seen.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


async def page_timings(url: str, rounds: int) -> list[str]:
    """The notes page of the key account per caller, capped and exact; then EXPLAINs."""
    settings = Settings(environment="test", database_url=url)
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    engine = create_engine(url)
    sessions = session_factory(engine)
    schema = build_schema(settings)
    lines = []
    explains: list[str] = []
    try:
        for name, principal in CALLERS.items():
            view = policy.compile(principal)
            answers: list[Any] = []

            async def page(
                view: Any = view, principal: Principal = principal, answers: list[Any] = answers
            ) -> None:
                context = request_context(settings, principal, view, policy, engine, sessions)
                result = await schema.execute(
                    PAGE, variable_values={"id": BIG_CUSTOMER}, context_value=context
                )
                assert not result.errors, result.errors
                assert result.data is not None
                answers.append(result.data["customer"]["notes"])

            capped, capped_cpu = await medians_ms(page, rounds)
            shown = answers[-1]
            with mock.patch.object(note_reads, "NOTES_COUNT_CAP", None):
                exact, exact_cpu = await medians_ms(page, rounds)
            lines.append(
                f"| notes(first: 20) of {BIG_CUSTOMER}, {name} | {exact:.1f} ms, CPU "
                f"{exact_cpu:.1f} ms (totalCount {answers[-1]['totalCount']:,}) | {capped:.1f} ms, "
                f"CPU {capped_cpu:.1f} ms (totalCount {shown['totalCount']:,}, capped "
                f"{shown['totalCountCapped']}) |"
            )
            with captured(engine) as seen:
                await page()
            async with engine.connect() as connection:
                for statement, parameters in seen:
                    plan = await connection.exec_driver_sql(
                        "EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters
                    )
                    explains.append(f"-- {name}\n{statement}\n" + "\n".join(r[0] for r in plan))
    finally:
        await engine.dispose()
    return [*lines, "", *explains]


async def report_timings(url: str, rounds: int, *, scans: bool = True) -> list[str]:
    """noteReport over the last year per caller and group: scan and rollup medians (the
    year to NOW, the year of whole days before NOW's day, and a year from noon to noon)."""
    policy = await PolicyEngine.load(REPO_ROOT / "casbin_model.conf", REPO_ROOT / "policies")
    engine = create_engine(url)
    sessions = session_factory(engine)
    midnight = NOW.replace(hour=0, minute=0)
    # Noon to noon: both edge days half in the window, the most notes an edge scan reads.
    noon = midnight - timedelta(hours=12)
    windows = {
        "to now": ReportWindow(NOW - timedelta(days=365), NOW),
        "whole days": ReportWindow(midnight - timedelta(days=365), midnight),
        "noon to noon": ReportWindow(noon - timedelta(days=365), noon),
    }
    lines = []
    try:
        for (name, principal), (label, window) in product(CALLERS.items(), windows.items()):
            view = policy.compile(principal)
            for group in GROUPS:
                groups, answer = 0, []

                async def report(
                    group: NoteGroup = group, view: Any = view, window: ReportWindow = window
                ) -> None:
                    nonlocal groups, answer
                    async with sessions() as session:
                        page = await note_report(
                            session, view, group, window, NoteFilter(), PageRequest(size=100)
                        )
                    groups, answer = page.total_count, page.items

                summed = await median_ms(report, rounds)
                scanned = float("nan")
                if scans:
                    summed_answer = answer
                    with mock.patch.object(rollup_reads, "answerable", return_value=False):
                        scanned = await median_ms(report, max(3, rounds // 4), warm=1)
                    # The rollup's answer is the scan's, group for group.
                    assert summed_answer == answer, (name, label, group)
                lines.append(
                    f"| {name} | {label} | {group.value} | {groups:,} | {scanned:,.1f} | "
                    f"{summed:.1f} | {scanned / summed:.1f}x |"
                )
    finally:
        await engine.dispose()
    return lines


async def run(url: str, rounds: int, *, scans: bool = True) -> None:
    """Print the page and report tables (markdown) and the page's plans."""
    print("| page | exact count (before) | capped count (now) |\n|---|---|---|")
    page_lines = await page_timings(url, rounds)
    print("\n".join(page_lines))
    print("\n| caller | window | group | groups | scan ms | rollup ms | scan / rollup |")
    print("|---|---|---|---|---|---|---|")
    print("\n".join(await report_timings(url, rounds, scans=scans)))
