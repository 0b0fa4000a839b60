"""The directory/notes scale bench runs end to end on tiny data, on PostgreSQL and SQLite (the
figures come from `python -m bench.directory_scale` at 100,000 customers and more)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import directory_scale
from devservices.postgres import ExternalPostgres, PostgresServer


async def test_the_bench_prints_every_figure_and_the_plans(
    postgres_server: PostgresServer | ExternalPostgres, capsys: pytest.CaptureFixture[str]
) -> None:
    await directory_scale.run(postgres_server.admin_dsn, customers=300, big_notes=200, rounds=2)
    out = capsys.readouterr().out
    for label in (
        "directory 'smith' before",
        "directory 'smith' after",
        "directory 'phone' after",
        "directory 'rare surname' after",
        "directory 'email fragment' after",
        "GraphQL customers(query: 'smith')",
        "notes bench-big rows, LATERAL page",
        "notes bench-big whole page",
        "-- smith ('smith'), statement 1",
    ):
        assert label in out, out


async def test_the_bench_measures_the_sqlite_directory_and_its_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    await directory_scale.run_sqlite(tmp_path / "directory.db", customers=300, rounds=2)
    out = capsys.readouterr().out
    for label in (
        "directory 'smith' before",
        "directory 'smith' after",
        "GraphQL customers(query: 'phone')",
        "customers_fts VIRTUAL TABLE",
    ):
        assert label in out, out
