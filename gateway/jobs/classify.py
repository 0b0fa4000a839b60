"""The `classify` job: suggest the sentiment and urgency of notes and interactions not yet
labelled by the current model (store/classify_backfill.py says which are due), in batches of
one transaction each, never touching a label an agent set."""

from __future__ import annotations

from dataclasses import dataclass

from core.progress import SILENT, Progress
from gateway.runtime import Runtime
from intelligence import classifier
from intelligence.labels import Classification
from store import classify_backfill, labels
from store.classify_backfill import Pending, Record
from store.models import Interaction, Note, utcnow
from store.write_context import transaction

BATCH_SIZE = 200
TASKS: tuple[tuple[str, Record], ...] = (
    ("classifying notes", Note),
    ("classifying interactions", Interaction),
)


@dataclass(frozen=True, slots=True)
class ClassifyReport:
    """What one run did, per kind of record."""

    notes: int  # labels written
    interactions: int
    unchanged: int  # due, classified, and already carrying these labels
    failed: int  # the classifier failed: left for the next run

    def __str__(self) -> str:
        failed = f"; {self.failed} failed (left for the next run)" if self.failed else ""
        return (
            f"labelled {self.notes} notes and {self.interactions} interactions "
            f"({self.unchanged} unchanged){failed}"
        )


async def classify(
    runtime: Runtime,
    *,
    redo_all: bool = False,
    progress: Progress = SILENT,
    batch_size: int = BATCH_SIZE,
) -> ClassifyReport:
    """Label every due note and interaction with the current model's suggestion."""
    version = classifier.MODEL_VERSION
    written: dict[Record, int] = {}
    unchanged = failed = 0
    for task, model in TASKS:
        async with runtime.sessions() as session:
            total = await classify_backfill.count_due(session, model, version, redo_all=redo_all)
        progress.start(task, total)
        written[model] = 0
        after: str | None = None
        while True:
            async with runtime.sessions() as session:
                batch = await classify_backfill.due_batch(
                    session, model, version, redo_all=redo_all, after=after, limit=batch_size
                )
            if not batch:
                break
            results: list[tuple[Pending, Classification]] = []
            for pending in batch:
                if pending.text is None:
                    failed += 1
                    continue
                result = await labels.suggest(pending.text)
                if result is None:
                    failed += 1
                else:
                    results.append((pending, result))
            async with transaction(runtime.sessions) as session:
                changed = await classify_backfill.save_batch(session, model, results, utcnow())
            written[model] += changed
            unchanged += len(results) - changed
            after = batch[-1].id
            progress.advance(task, len(batch))
        progress.finish(task)
    return ClassifyReport(
        notes=written[Note], interactions=written[Interaction], unchanged=unchanged, failed=failed
    )
