"""The `rotate-keys` job: re-seal every encrypted note text under the active key
(store/key_rotation.py), and the startup check of the encryption keys."""

from __future__ import annotations

from core.progress import SILENT, Progress
from core.settings import Settings
from gateway.runtime import Runtime
from store.db import create_engine
from store.key_rotation import DEFAULT_BATCH_SIZE, RotationReport, rotate_keys
from store.sealing import check_keys_at_startup


async def rotate(
    runtime: Runtime, *, batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress = SILENT
) -> RotationReport:
    """Re-seal notes and their history under the active key, batch by batch."""
    return await rotate_keys(runtime.engine, batch_size=batch_size, progress=progress)


async def check_encryption_keys(settings: Settings) -> None:
    """Raise ValueError (naming the setting) when the keys cannot serve this store."""
    engine = create_engine(settings)
    try:
        await check_keys_at_startup(engine)
    finally:
        await engine.dispose()
