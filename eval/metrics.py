"""The few scores the evaluation reports, written out so no scoring library is needed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Share of predictions equal to the gold label."""
    _same_length(gold, predicted)
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)


def macro_f1(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> float:
    """Unweighted mean of per-class F1 over the closed label set (a class never hit scores 0)."""
    _same_length(gold, predicted)
    scores = []
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


@dataclass(frozen=True, slots=True)
class PrecisionRecall:
    """Binary scores; precision is None when nothing was predicted positive (undefined)."""

    precision: float | None
    recall: float
    true_positives: int
    predicted_positives: int
    actual_positives: int


def precision_recall(gold: Sequence[bool], predicted: Sequence[bool]) -> PrecisionRecall:
    """Precision and recall of the positive class."""
    _same_length(gold, predicted)
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    predicted_positives = sum(predicted)
    actual_positives = sum(gold)
    return PrecisionRecall(
        precision=tp / predicted_positives if predicted_positives else None,
        recall=tp / actual_positives if actual_positives else 0.0,
        true_positives=tp,
        predicted_positives=predicted_positives,
        actual_positives=actual_positives,
    )


def _same_length(gold: Sequence[object], predicted: Sequence[object]) -> None:
    if not gold or len(gold) != len(predicted):
        raise ValueError("gold and predicted must be non-empty and of equal length")
