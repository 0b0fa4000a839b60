"""Demo notes and interactions get their suggested sentiment and urgency as they are loaded,
as the store's writes give them (store/labels.py); a classifier failure loads them unlabelled
for `python -m gateway classify` to fill."""

from __future__ import annotations

import logging
from typing import Any

from intelligence import classifier
from intelligence.labels import LabelSource
from store.labels import text_of

log = logging.getLogger(__name__)

Row = dict[str, Any]


def labelled(row: Row, body: str) -> Row:
    """`row` (a note's or an interaction's) with the classification columns filled from its
    subject and `body` column (all null if the classifier fails)."""
    try:
        result = classifier.classify(text_of(row["subject"], row.get(body)))
    except Exception:
        log.warning("classifier failed on a demo row; left for `classify`", exc_info=True)
        return row | dict.fromkeys(
            (
                "sentiment",
                "sentiment_score",
                "sentiment_source",
                "urgency",
                "urgency_source",
                "classifier_version",
                "classified_at",
            )
        )
    return row | {
        "sentiment": result.sentiment,
        "sentiment_score": result.sentiment_score,
        "sentiment_source": LabelSource.AUTO,
        "urgency": result.urgency,
        "urgency_source": LabelSource.AUTO,
        "classifier_version": result.model_version,
        "classified_at": row["created_at"],
    }
