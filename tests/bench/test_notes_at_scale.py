"""The 10M-note bench runs end to end on tiny data: the loader writes its shape (the key
account, tags, the rollup recounted), and the timings print every figure and the plans
(the figures come from `python -m bench notes` at 10,000,000 notes)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bench.note_store import BIG_CUSTOMER, Shape, load
from bench.notes_timing import run
from bench.services import scratch_database
from devservices.postgres import ExternalPostgres, PostgresServer
from store.db import create_engine
from store.models import Customer, Note, NoteRollup, NoteTag


async def test_the_loader_and_the_timings_run_on_tiny_data(
    postgres_server: PostgresServer | ExternalPostgres, capsys: pytest.CaptureFixture[str]
) -> None:
    shape = Shape(customers=300, notes=4_000, big_notes=1_200, chunks=3)
    async with scratch_database(postgres_server.admin_dsn, "notes_scale") as url:
        loaded = await load(url, shape, say=lambda _: None)
        engine = create_engine(url)
        try:
            async with engine.connect() as connection:
                notes = await connection.scalar(select(func.count()).select_from(Note))
                big = await connection.scalar(
                    select(func.count()).where(Note.customer_id == BIG_CUSTOMER)
                )
                customers = await connection.scalar(select(func.count()).select_from(Customer))
                tags = await connection.scalar(select(func.count()).select_from(NoteTag))
                rollup = await connection.scalar(select(func.count()).select_from(NoteRollup))
        finally:
            await engine.dispose()
        assert (notes, big, customers) == (4_000, 1_200, 300)
        assert tags
        assert rollup == loaded.rollup_rows > 0
        await run(url, rounds=2)
    out = capsys.readouterr().out
    for label in (
        f"notes(first: 20) of {BIG_CUSTOMER}, manager",
        f"notes(first: 20) of {BIG_CUSTOMER}, branch",
        "capped True",
        "| manager | to now | agent |",
        "| branch | whole days | type |",
        "| branch | noon to noon | scope |",
        "| manager | noon to noon | tag |",
        "Index",
    ):
        assert label in out, out
