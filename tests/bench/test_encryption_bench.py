"""The encryption overhead benchmark runs and compares the same reads and writes."""

from __future__ import annotations

from bench.encryption import run


async def test_encryption_bench_reports_three_ratios() -> None:
    results = await run(rounds=2)
    assert [result.name.split(": ", 1)[1] for result in results] == [
        "Customer360 page of 20 restricted notes (GraphQL)",
        "store read of the 20 notes (ORM rows)",
        "write of 20 restricted notes (insert + flush)",
    ]
    assert all(result.ratio > 0 for result in results)
