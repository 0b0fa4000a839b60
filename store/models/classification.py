"""The suggested (or overridden) sentiment and urgency a note or interaction carries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Float, String
from sqlalchemy.orm import Mapped, mapped_column

from intelligence.labels import LabelSource, Sentiment, Urgency
from store.models.base import EnumText, UTCDateTime, enum_check


class Classified:
    """Columns of a classified record; all null until the classifier (or an agent) labels it.

    Each label keeps its own source: an agent who corrects the urgency leaves the suggested
    sentiment automatic, and the `classify` job never rewrites a label whose source is `agent`.
    """

    sentiment: Mapped[Sentiment | None] = mapped_column(EnumText(Sentiment))
    sentiment_score: Mapped[float | None] = mapped_column(Float)
    sentiment_source: Mapped[LabelSource | None] = mapped_column(EnumText(LabelSource))
    urgency: Mapped[Urgency | None] = mapped_column(EnumText(Urgency))
    urgency_source: Mapped[LabelSource | None] = mapped_column(EnumText(LabelSource))
    # The model that made the automatic labels (e.g. "lexicon-1"); null if none did.
    classifier_version: Mapped[str | None] = mapped_column(String(64))
    classified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


def classification_checks() -> tuple[CheckConstraint, ...]:
    """The CHECK constraints of the classification columns, for a model's `__table_args__`."""
    return (
        enum_check("sentiment", Sentiment),
        enum_check("sentiment_source", LabelSource),
        enum_check("urgency", Urgency),
        enum_check("urgency_source", LabelSource),
    )
