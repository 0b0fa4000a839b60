"""The `seed` job: load the deterministic demo data set into the runtime's store (demo/seed.py)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from core.progress import SILENT, Progress
from demo.seed import SeedReport, seed
from gateway.runtime import Runtime
from store.models import Customer


async def seed_store(
    runtime: Runtime,
    *,
    customers: int,
    notes: int,
    seed_value: int = 42,
    reset: bool = False,
    progress: Progress = SILENT,
) -> SeedReport:
    """Seed the store; raises demo.seed.StoreNotEmpty on a non-empty store unless `reset`."""
    return await seed(
        runtime.engine,
        customers=customers,
        notes=notes,
        seed=seed_value,
        reset=reset,
        progress=progress,
    )


async def customer_count(runtime: Runtime) -> int:
    """How many customers the store holds; 0 when it is not migrated yet."""
    try:
        async with runtime.engine.connect() as connection:
            return int(await connection.scalar(select(func.count()).select_from(Customer)) or 0)
    except SQLAlchemyError:
        return 0
