"""The `seed` job: load the deterministic demo data set into the runtime's store (demo/seed.py)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from core.progress import SILENT, Progress
from demo.attachments import seed_attachments
from demo.seed import SeedReport, seed
from gateway.runtime import Runtime
from store.blob_backends import open_blob_store
from store.key_rotation import rotate_keys
from store.models import Attachment, Customer
from store.sealing import sealer_of


async def seed_store(
    runtime: Runtime,
    *,
    customers: int,
    notes: int,
    seed_value: int = 42,
    reset: bool = False,
    progress: Progress = SILENT,
) -> SeedReport:
    """Seed the store and the demo attachments' files; raises demo.seed.StoreNotEmpty on a
    non-empty store unless `reset` (which also removes the files of the attachments it drops)."""
    blobs = open_blob_store(runtime.settings)
    dropped = await _attachment_keys(runtime) if reset else []
    report = await seed(
        runtime.engine,
        customers=customers,
        notes=notes,
        seed=seed_value,
        reset=reset,
        progress=progress,
    )
    if sealer_of(runtime.engine) is not None:
        # The bulk load writes rows as they are: seal the encrypted scopes' text before serving
        # (the index is built from the notes afterwards, like the rest of the bulk load).
        await rotate_keys(runtime.engine, progress=progress, requeue=False)
    for key in dropped:
        await blobs.delete(key)
    report.counts["attachments"] = await seed_attachments(runtime.engine, blobs)
    return report


async def _attachment_keys(runtime: Runtime) -> list[str]:
    """The blob keys of the stored attachments (none before the store is migrated)."""
    try:
        async with runtime.engine.connect() as connection:
            return list(await connection.scalars(select(Attachment.storage_key)))
    except SQLAlchemyError:
        return []


async def customer_count(runtime: Runtime) -> int:
    """How many customers the store holds; 0 when it is not migrated yet."""
    try:
        async with runtime.engine.connect() as connection:
            return int(await connection.scalar(select(func.count()).select_from(Customer)) or 0)
    except SQLAlchemyError:
        return 0
