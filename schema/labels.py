"""Sentiment and urgency as GraphQL: the label enums and the suggestion a record carries.

A suggestion is part of its note or interaction: it is shown exactly where the record is, and
null until the record has been classified (or labelled by an agent).
"""

from __future__ import annotations

from typing import Self

import strawberry

from intelligence.labels import LabelSource, Sentiment, Urgency
from store.labels import Labelled
from store.note_records import NoteRecord

strawberry.enum(Sentiment, description="The customer's stance as a note or interaction records it.")
strawberry.enum(Urgency, description="How soon someone at the company must act on the record.")
strawberry.enum(
    LabelSource,
    description="Who set a label: AUTO (the classifier) or AGENT (an override, which no "
    "automatic run replaces).",
)


@strawberry.type(description="The sentiment of a note or interaction, suggested or overridden.")
class SentimentSuggestion:
    label: Sentiment
    score: float | None = strawberry.field(
        description="The classifier's signed strength, -1.0 (most negative) … 1.0 (most "
        "positive); null for an agent's label."
    )
    source: LabelSource
    model_version: str | None = strawberry.field(
        description="The model that suggested it; null for an agent's label."
    )

    @classmethod
    def of(cls, record: Labelled | NoteRecord) -> Self | None:
        """The record's sentiment, or None while it has none."""
        if record.sentiment is None or record.sentiment_source is None:
            return None
        automatic = record.sentiment_source is LabelSource.AUTO
        return cls(
            label=record.sentiment,
            score=record.sentiment_score if automatic else None,
            source=record.sentiment_source,
            model_version=record.classifier_version if automatic else None,
        )


@strawberry.type(description="The urgency of a note or interaction, suggested or overridden.")
class UrgencySuggestion:
    label: Urgency
    source: LabelSource
    model_version: str | None = strawberry.field(
        description="The model that suggested it; null for an agent's label."
    )

    @classmethod
    def of(cls, record: Labelled | NoteRecord) -> Self | None:
        """The record's urgency, or None while it has none."""
        if record.urgency is None or record.urgency_source is None:
            return None
        automatic = record.urgency_source is LabelSource.AUTO
        return cls(
            label=record.urgency,
            source=record.urgency_source,
            model_version=record.classifier_version if automatic else None,
        )


SENTIMENT_DESCRIPTION = (
    "Suggested sentiment (or an agent's override); null until the record is classified."
)
URGENCY_DESCRIPTION = (
    "Suggested urgency (or an agent's override); null until the record is classified."
)
