"""The trivial baselines a model has to beat, printed by `python -m eval.baselines`.

Sentiment and urgency: always answer the majority class of the hand-written set. Duplicates:
call a pair a duplicate only when the texts match exactly, raw and after folding case and
whitespace. These need no training, so they are scored on the whole labelled set.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from eval.dataset import (
    SENTIMENTS,
    URGENCIES,
    DuplicatePair,
    LabelledNote,
    load_notes,
    load_pairs,
)
from eval.metrics import PrecisionRecall, accuracy, macro_f1, precision_recall


@dataclass(frozen=True, slots=True)
class MajorityScore:
    """Accuracy and macro-F1 of always answering `label`."""

    field: str
    label: str
    accuracy: float
    macro_f1: float


def majority(notes: Sequence[LabelledNote], field: str, labels: Sequence[str]) -> MajorityScore:
    """Score the constant answer that is right most often for `field`."""
    gold = [str(getattr(note, field)) for note in notes]
    label = Counter(gold).most_common(1)[0][0]
    predicted = [label] * len(gold)
    return MajorityScore(field, label, accuracy(gold, predicted), macro_f1(gold, predicted, labels))


def fold(text: str) -> str:
    """Case-folded text with runs of whitespace collapsed: the loosest 'exact' match."""
    return " ".join(text.casefold().split())


def exact_match(pairs: Sequence[DuplicatePair], *, folded: bool) -> PrecisionRecall:
    """Precision/recall of calling a pair duplicate iff its texts are equal."""
    if folded:
        predicted = [fold(pair.a) == fold(pair.b) for pair in pairs]
    else:
        predicted = [pair.a == pair.b for pair in pairs]
    return precision_recall([pair.duplicate for pair in pairs], predicted)


def _ratio(value: float | None) -> str:
    return "undefined (no pair predicted)" if value is None else f"{value:.3f}"


def report() -> str:
    """The baseline figures as plain text."""
    notes = load_notes()
    pairs = load_pairs()
    lines = [f"hand-written notes: {len(notes)}; duplicate pairs: {len(pairs)}"]
    for field, labels in (("sentiment", SENTIMENTS), ("urgency", URGENCIES)):
        score = majority(notes, field, labels)
        lines.append(
            f"{field}: majority '{score.label}' accuracy {score.accuracy:.3f} "
            f"macro-F1 {score.macro_f1:.3f}"
        )
    for name, folded in (("exact", False), ("folded exact", True)):
        pr = exact_match(pairs, folded=folded)
        lines.append(
            f"duplicates, {name} match: precision {_ratio(pr.precision)} "
            f"recall {pr.recall:.3f} ({pr.true_positives}/{pr.actual_positives} found, "
            f"{pr.predicted_positives} flagged)"
        )
    return "\n".join(lines)


def main() -> int:
    """Print the baselines."""
    sys.stdout.write(report() + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
