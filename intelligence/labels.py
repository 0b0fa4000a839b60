"""Closed label sets of notes intelligence and one classification result."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Sentiment(StrEnum):
    """The customer's stance as a note or interaction records it."""

    NEGATIVE = "negative"
    NEUTRAL = "neutral"
    POSITIVE = "positive"


class Urgency(StrEnum):
    """How soon someone at the company must act because of the record."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    CRITICAL = "critical"


class LabelSource(StrEnum):
    """Who set a label: the classifier (`auto`) or an agent's override (`agent`).

    An `agent` label is never replaced by a later automatic run.
    """

    AUTO = "auto"
    AGENT = "agent"


@dataclass(frozen=True, slots=True)
class Classification:
    """The classifier's suggestion for one text, with the version of the model that made it."""

    sentiment: Sentiment
    # Signed strength of the sentiment, -1.0 (most negative) … 1.0 (most positive).
    sentiment_score: float
    urgency: Urgency
    model_version: str
