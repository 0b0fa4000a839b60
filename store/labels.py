"""Sentiment and urgency on notes and interactions: the automatic suggestion and the override.

A write labels its record in its own transaction (`label_on_write`); the classifier failing or
running late never blocks the write: the labels stay null and the `classify` job fills them
later. Each label keeps its source, and a label an agent set (`agent`) is never replaced by an
automatic one, neither on an edit nor by the job.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Protocol

from intelligence import classifier
from intelligence.labels import Classification, LabelSource, Sentiment, Urgency

log = logging.getLogger(__name__)

CLASSIFY_TIMEOUT_SECONDS = 2.0
"""Longer than this and a write saves without labels (the job labels the record later)."""


class Labelled(Protocol):
    """A record with the classification columns (store.models.classification.Classified)."""

    sentiment: Sentiment | None
    sentiment_score: float | None
    sentiment_source: LabelSource | None
    urgency: Urgency | None
    urgency_source: LabelSource | None
    classifier_version: str | None
    classified_at: datetime | None


def text_of(subject: str | None, body: str | None) -> str:
    """The text a record is classified by: its subject, then its body (or detail)."""
    return "\n\n".join(part for part in (subject, body) if part)


def apply(record: Labelled, result: Classification, now: datetime) -> bool:
    """Store an automatic suggestion on `record`, leaving agent labels alone; True if it changed."""
    before = _labels(record)
    automatic = False
    if record.sentiment_source is not LabelSource.AGENT:
        record.sentiment = result.sentiment
        record.sentiment_score = result.sentiment_score
        record.sentiment_source = LabelSource.AUTO
        automatic = True
    if record.urgency_source is not LabelSource.AGENT:
        record.urgency = result.urgency
        record.urgency_source = LabelSource.AUTO
        automatic = True
    if automatic:
        record.classifier_version = result.model_version
    changed = _labels(record) != before
    if changed:
        record.classified_at = now
    return changed


def override(
    record: Labelled, now: datetime, *, sentiment: Sentiment | None, urgency: Urgency | None
) -> bool:
    """An agent's labels (source `agent`); True if anything changed."""
    before = _labels(record)
    if sentiment is not None:
        if record.sentiment != sentiment or record.sentiment_source is not LabelSource.AGENT:
            # The score measured the suggestion, not the agent's label.
            record.sentiment_score = None
        record.sentiment, record.sentiment_source = sentiment, LabelSource.AGENT
    if urgency is not None:
        record.urgency, record.urgency_source = urgency, LabelSource.AGENT
    changed = _labels(record) != before
    if changed:
        record.classified_at = now
    return changed


def snapshot(record: Labelled) -> dict[str, str | float | None]:
    """The labels as an audit row records them (enum values upper-case, as the API shows them)."""
    return {
        "sentiment": record.sentiment.name if record.sentiment else None,
        "sentimentScore": record.sentiment_score,
        "sentimentSource": record.sentiment_source.name if record.sentiment_source else None,
        "urgency": record.urgency.name if record.urgency else None,
        "urgencySource": record.urgency_source.name if record.urgency_source else None,
    }


def _labels(record: Labelled) -> tuple[object, ...]:
    return (
        record.sentiment,
        record.sentiment_score,
        record.sentiment_source,
        record.urgency,
        record.urgency_source,
        record.classifier_version,
    )


def needs_automatic(record: Labelled) -> bool:
    """True unless an agent set both labels (then no automatic run has anything to do)."""
    return not (
        record.sentiment_source is LabelSource.AGENT and record.urgency_source is LabelSource.AGENT
    )


async def warm_up() -> None:
    """Train the classifier now (once per process), so that no note write pays for it."""
    try:
        await asyncio.to_thread(classifier.model)
    except Exception:
        log.warning("classifier training failed; labels left for `classify`", exc_info=True)


async def suggest(text: str) -> Classification | None:
    """The classifier's suggestion, or None (logged) if it fails or takes too long."""
    # The time limit is for one text: the one-off training (seconds on a busy machine) comes
    # first, outside it, or the first write of a process would always lose its labels.
    await warm_up()
    try:
        return await asyncio.wait_for(
            asyncio.to_thread(classifier.classify, text), CLASSIFY_TIMEOUT_SECONDS
        )
    except TimeoutError:
        log.warning(
            "classifier timed out after %.1f s; labels left for `classify`",
            CLASSIFY_TIMEOUT_SECONDS,
        )
    except Exception:
        log.warning("classifier failed; labels left for `classify`", exc_info=True)
    return None


async def label_on_write(record: Labelled, text: str, now: datetime) -> None:
    """Label a record being written, in its transaction; a classifier failure leaves it null."""
    if not needs_automatic(record):
        return
    result = await suggest(text)
    if result is not None:
        apply(record, result, now)
