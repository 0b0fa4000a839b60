"""Suggest a sentiment and an urgency for a note's text, offline, in milliseconds on a CPU."""

from __future__ import annotations

from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from intelligence.labels import Classification, Sentiment, Urgency

MODEL_VERSION = "lexicon-1"
"""Stored with every automatic label, so a later model can tell which labels it may redo."""

MAX_CHARS = 20_000
"""Only the head of a huge text is read: the label must not cost more than the note."""

# VADER's conventional cut-offs on its compound score.
_NEGATIVE_BELOW = -0.05
_POSITIVE_ABOVE = 0.05


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    # The lexicon ships inside the package; loading it once per process takes ~50 ms.
    return SentimentIntensityAnalyzer()


def classify(text: str) -> Classification:
    """The suggested labels for `text` (any length, any language; empty text is neutral)."""
    head = text[:MAX_CHARS]
    score = float(_analyzer().polarity_scores(head)["compound"]) if head.strip() else 0.0
    if score <= _NEGATIVE_BELOW:
        sentiment = Sentiment.NEGATIVE
    elif score >= _POSITIVE_ABOVE:
        sentiment = Sentiment.POSITIVE
    else:
        sentiment = Sentiment.NEUTRAL
    urgency = Urgency.HIGH if score <= -0.6 else Urgency.NORMAL
    return Classification(sentiment, round(score, 4), urgency, MODEL_VERSION)
