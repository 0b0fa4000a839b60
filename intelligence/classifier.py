"""Suggest a sentiment and an urgency for a note's text, offline, in milliseconds on a CPU.

The model (`intelligence.model`) is trained once per process, at first use, from the data this
package ships (`intelligence.corpus`): nothing is downloaded or unpickled. `classify` never
raises: empty text is neutral/low, and if the model fails the answer is the neutral/normal
fallback marked with `FALLBACK_VERSION`, so a later `classify` run redoes it.
"""

from __future__ import annotations

import threading
from typing import Final

import structlog

from intelligence.corpus import training_set
from intelligence.labels import Classification, Sentiment, Urgency
from intelligence.model import Model, train

MODEL_VERSION: Final = "tfidf-lr-1"
"""Stored with every automatic label, so a later model can tell which labels it may redo."""

FALLBACK_VERSION: Final = f"{MODEL_VERSION}/fallback"
"""The version of a fallback answer: not the model's, so the next backfill retries it."""

MAX_CHARS: Final = 20_000
"""Only the head of a huge text is looked at (the features read fewer characters still)."""

_log = structlog.get_logger("intelligence.classifier")
_lock = threading.Lock()
_model: Model | None = None


def model() -> Model:
    """The process's trained model, trained on first use (one thread trains, others wait)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = train(training_set())
    return _model


def _fallback() -> Classification:
    return Classification(Sentiment.NEUTRAL, 0.0, Urgency.NORMAL, FALLBACK_VERSION)


def classify(text: str) -> Classification:
    """The suggested labels for `text` (any length, any language; empty text is neutral/low)."""
    try:
        head = text[:MAX_CHARS] if isinstance(text, str) else ""
        if not head.strip():
            return Classification(Sentiment.NEUTRAL, 0.0, Urgency.LOW, MODEL_VERSION)
        prediction = model().predict(head)
        return Classification(
            Sentiment(prediction.sentiment),
            prediction.sentiment_score,
            Urgency(prediction.urgency),
            MODEL_VERSION,
        )
    except Exception:  # a label is a suggestion: a broken one must never fail the write
        _log.exception("classifier_failed", fallback=FALLBACK_VERSION)
        return _fallback()
