"""Measure the classifier and the duplicate score against the trivial baselines.

`python -m eval.evaluate [--slice N] [--seed S] [--folds K]` prints a Markdown table and exits 1
when the model does not beat a baseline (macro-F1 for sentiment and urgency, recall for
duplicates), so CI can run it on a slice.

Honest by construction: the shipped model trains on the hand-written notes, so they are scored
by k-fold cross-validation: each fold is predicted by a model trained on the generated notes and
the other folds only. A second line trains on generated notes alone and scores every
hand-written note. Baselines: the majority class of the training folds; for duplicates, exact
match after folding case and whitespace.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from eval.baselines import exact_match
from eval.dataset import SENTIMENTS, URGENCIES, LabelledNote, load_notes, load_pairs
from eval.metrics import PrecisionRecall, accuracy, macro_f1, precision_recall
from intelligence import classifier
from intelligence.corpus import Example, generated, training_set
from intelligence.duplicates import DEFAULT_THRESHOLD, similarity
from intelligence.model import Prediction, train

DEFAULT_FOLDS = 10
TIMING_ROUNDS = 3


@dataclass(frozen=True, slots=True)
class LabelScore:
    """Accuracy and macro-F1 of the model and of the majority baseline on one label set."""

    field: str
    accuracy: float
    macro_f1: float
    baseline_accuracy: float
    baseline_macro_f1: float

    @property
    def beats_baseline(self) -> bool:
        """The model's macro-F1 is above the baseline's."""
        return self.macro_f1 > self.baseline_macro_f1


@dataclass(frozen=True, slots=True)
class Report:
    """Everything `python -m eval.evaluate` prints."""

    notes: int
    folds: int
    cross_validated: tuple[LabelScore, LabelScore]
    generated_only: tuple[LabelScore, LabelScore]
    pairs: int
    duplicates: PrecisionRecall
    duplicates_baseline: PrecisionRecall
    training_seconds: float
    training_cpu_seconds: float
    median_ms: float
    p95_ms: float
    cpu_median_ms: float
    cpu_p95_ms: float

    @property
    def passes(self) -> bool:
        """The model beats every baseline it is held to."""
        return (
            all(score.beats_baseline for score in self.cross_validated)
            and self.duplicates.recall > self.duplicates_baseline.recall
        )


def _example(note: LabelledNote) -> Example:
    return Example(note.text, note.sentiment, note.urgency)


def assign_folds(notes: Sequence[LabelledNote], folds: int, seed: int) -> list[int]:
    """A fold index per note, stratified by urgency (the rarest labels), shuffled by `seed`."""
    rng = random.Random(seed)
    by_label: dict[str, list[int]] = defaultdict(list)
    for index, note in enumerate(notes):
        by_label[note.urgency].append(index)
    assignment = [0] * len(notes)
    offset = 0
    for label in sorted(by_label):
        members = by_label[label]
        rng.shuffle(members)
        for position, index in enumerate(members):
            assignment[index] = (offset + position) % folds
        offset += len(members)
    return assignment


def cross_validate(
    notes: Sequence[LabelledNote], synthetic: Sequence[Example], folds: int, seed: int
) -> tuple[list[Prediction], dict[str, list[str]]]:
    """Held-out predictions for every note, and the training folds' majority answer per note."""
    assignment = assign_folds(notes, folds, seed)
    predictions: list[Prediction | None] = [None] * len(notes)
    majority: dict[str, list[str]] = {"sentiment": [""] * len(notes), "urgency": [""] * len(notes)}
    for fold in range(folds):
        held_out = [i for i, f in enumerate(assignment) if f == fold]
        kept = [note for note, f in zip(notes, assignment, strict=True) if f != fold]
        model = train([*synthetic, *(_example(note) for note in kept)])
        for field in majority:
            common = Counter(str(getattr(note, field)) for note in kept).most_common(1)[0][0]
            for index in held_out:
                majority[field][index] = common
        for index in held_out:
            predictions[index] = model.predict(notes[index].text)
    return [p for p in predictions if p is not None], majority


def _score(
    notes: Sequence[LabelledNote],
    predictions: Sequence[Prediction],
    majority: dict[str, list[str]],
) -> tuple[LabelScore, LabelScore]:
    scores = []
    for field, labels in (("sentiment", SENTIMENTS), ("urgency", URGENCIES)):
        gold = [str(getattr(note, field)) for note in notes]
        predicted = [str(getattr(p, field)) for p in predictions]
        constant = majority[field]
        scores.append(
            LabelScore(
                field,
                accuracy(gold, predicted),
                macro_f1(gold, predicted, labels),
                accuracy(gold, constant),
                macro_f1(gold, constant, labels),
            )
        )
    return scores[0], scores[1]


@dataclass(frozen=True, slots=True)
class Timing:
    """Training time of the shipped model and per-note `classify` times, wall clock and CPU."""

    training_seconds: float
    training_cpu_seconds: float
    median_ms: float
    p95_ms: float
    cpu_median_ms: float
    cpu_p95_ms: float


def _median_p95(samples: list[float]) -> tuple[float, float]:
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def timing(texts: Sequence[str]) -> Timing:
    """Time training the shipped model, then `classify` on each text, on this one thread.

    CPU time of the calling thread is reported beside wall-clock time: on a busy machine the
    wall clock also counts the time other processes held the core.
    """
    wall, cpu = time.perf_counter(), time.process_time()
    train(training_set())
    training, training_cpu = time.perf_counter() - wall, time.process_time() - cpu
    for text in texts[:20]:  # warm-up: the shipped model trains here, caches fill
        classifier.classify(text)
    walls, cpus = [], []
    for _ in range(TIMING_ROUNDS):
        for text in texts:
            wall, cpu = time.perf_counter(), time.thread_time()
            classifier.classify(text)
            cpus.append((time.thread_time() - cpu) * 1000)
            walls.append((time.perf_counter() - wall) * 1000)
    median, p95 = _median_p95(walls)
    cpu_median, cpu_p95 = _median_p95(cpus)
    return Timing(training, training_cpu, median, p95, cpu_median, cpu_p95)


def evaluate(*, slice_size: int | None = None, seed: int = 7, folds: int = DEFAULT_FOLDS) -> Report:
    """Run the whole evaluation (on a seeded sample of `slice_size` notes if given)."""
    notes = load_notes()
    if slice_size is not None and slice_size < len(notes):
        notes = random.Random(seed).sample(notes, slice_size)
    synthetic = generated()
    predictions, majority = cross_validate(notes, synthetic, folds, seed)
    only_generated = train(synthetic)
    overall = {
        field: [Counter(getattr(e, field) for e in synthetic).most_common(1)[0][0]] * len(notes)
        for field in ("sentiment", "urgency")
    }
    pairs = load_pairs()
    found = [similarity(pair.a, pair.b) >= DEFAULT_THRESHOLD for pair in pairs]
    timed = timing([note.text for note in notes])
    return Report(
        notes=len(notes),
        folds=folds,
        cross_validated=_score(notes, predictions, majority),
        generated_only=_score(
            notes, [only_generated.predict(note.text) for note in notes], overall
        ),
        pairs=len(pairs),
        duplicates=precision_recall([pair.duplicate for pair in pairs], found),
        duplicates_baseline=exact_match(pairs, folded=True),
        training_seconds=timed.training_seconds,
        training_cpu_seconds=timed.training_cpu_seconds,
        median_ms=timed.median_ms,
        p95_ms=timed.p95_ms,
        cpu_median_ms=timed.cpu_median_ms,
        cpu_p95_ms=timed.cpu_p95_ms,
    )


def _f1(pr: PrecisionRecall) -> str:
    if not pr.precision or not pr.recall:
        return "0.000"
    return f"{2 * pr.precision * pr.recall / (pr.precision + pr.recall):.3f}"


def _precision(pr: PrecisionRecall) -> str:
    return "undefined" if pr.precision is None else f"{pr.precision:.3f}"


def render(report: Report) -> str:
    """The report as a Markdown table plus the timing lines."""
    lines = [
        f"{report.notes} hand-written notes, {report.folds}-fold cross-validation "
        f"(training: generated notes + the other folds); {report.pairs} duplicate pairs",
        "",
        "| task | metric | model | baseline |",
        "|---|---|---|---|",
    ]
    for title, scores in (
        (f"{report.folds}-fold", report.cross_validated),
        ("generated only", report.generated_only),
    ):
        for score in scores:
            lines.append(
                f"| {score.field} ({title}) | accuracy | {score.accuracy:.3f} "
                f"| {score.baseline_accuracy:.3f} |"
            )
            lines.append(
                f"| {score.field} ({title}) | macro-F1 | {score.macro_f1:.3f} "
                f"| {score.baseline_macro_f1:.3f} |"
            )
    dup, base = report.duplicates, report.duplicates_baseline
    lines += [
        f"| duplicates (similarity ≥ {DEFAULT_THRESHOLD}) | precision "
        f"| {_precision(dup)} | {_precision(base)} |",
        f"| duplicates | recall | {dup.recall:.3f} | {base.recall:.3f} |",
        f"| duplicates | F1 | {_f1(dup)} | {_f1(base)} |",
        "",
        f"training the shipped model: {report.training_seconds:.2f} s wall, "
        f"{report.training_cpu_seconds:.2f} s CPU",
        f"classify per note (model {classifier.MODEL_VERSION}, one thread, after warm-up): "
        f"median {report.median_ms:.2f} ms, p95 {report.p95_ms:.2f} ms wall; "
        f"median {report.cpu_median_ms:.2f} ms, p95 {report.cpu_p95_ms:.2f} ms CPU",
        "baselines: majority class of the training folds (generated notes for the second "
        "pair of lines); exact match after folding case and whitespace",
        "result: " + ("model beats every baseline" if report.passes else "BELOW A BASELINE"),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the evaluation; exit 1 when the model does not beat a baseline."""
    parser = argparse.ArgumentParser(prog="python -m eval.evaluate", description=__doc__)
    parser.add_argument("--slice", type=int, default=None, help="score a seeded sample of N notes")
    parser.add_argument("--seed", type=int, default=7, help="seed of the sample and the folds")
    parser.add_argument("--folds", type=int, default=DEFAULT_FOLDS)
    args = parser.parse_args(argv)
    if args.folds < 2 or (args.slice is not None and args.slice < args.folds * 4):
        parser.error("need --folds ≥ 2 and a --slice of at least 4 notes per fold")
    report = evaluate(slice_size=args.slice, seed=args.seed, folds=args.folds)
    sys.stdout.write(render(report) + "\n")
    return 0 if report.passes else 1


if __name__ == "__main__":
    raise SystemExit(main())
