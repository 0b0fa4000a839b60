"""The evaluation beats its baselines on a CI slice and never scores a note it trained on."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from eval import evaluate as evaluation
from eval.dataset import load_notes
from eval.evaluate import LabelScore, Report, assign_folds, evaluate, main, render
from eval.metrics import PrecisionRecall
from intelligence.corpus import Example
from intelligence.model import Prediction, train

SLICE = 90
FOLDS = 3


class Recorded:
    """A trained model that remembers its training texts and every text it was asked about."""

    def __init__(self, examples: Sequence[Example]) -> None:
        self.trained = {example.text for example in examples}
        self.asked: list[str] = []
        self.model = train(examples)

    def predict(self, text: str) -> Prediction:
        """The real model's answer, noting the question."""
        self.asked.append(text)
        return self.model.predict(text)


@pytest.fixture(scope="module")
def ci_run() -> tuple[Report, list[Recorded]]:
    """One evaluation of a seeded slice, recording what every trained model saw and scored."""
    models: list[Recorded] = []

    def recording(examples: Sequence[Example]) -> Recorded:
        models.append(Recorded(examples))
        return models[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(evaluation, "train", recording)
        report = evaluate(slice_size=SLICE, seed=11, folds=FOLDS)
    return report, models


def test_the_ci_slice_beats_every_baseline(ci_run: tuple[Report, list[Recorded]]) -> None:
    report, _ = ci_run
    assert report.notes == SLICE
    for score in (*report.cross_validated, *report.generated_only):
        assert score.macro_f1 > score.baseline_macro_f1, score
        assert score.accuracy > score.baseline_accuracy, score
    assert report.duplicates.recall > report.duplicates_baseline.recall
    assert report.passes
    assert report.median_ms > 0
    assert report.p95_ms >= report.median_ms
    assert 0 < report.cpu_median_ms <= report.cpu_p95_ms
    assert report.training_cpu_seconds > 0


def test_no_note_is_scored_by_a_model_that_trained_on_it(
    ci_run: tuple[Report, list[Recorded]],
) -> None:
    _, models = ci_run
    # The folds' models, the generated-only model, then the shipped one (timed, never asked).
    assert len(models) == FOLDS + 2
    asked = [text for model in models for text in model.asked]
    assert len(asked) == 2 * SLICE  # each note once held out, once by generated-only
    for model in models:
        assert not set(model.asked) & model.trained
    hand_written = {note.text for note in load_notes()}
    assert not models[FOLDS].trained & hand_written


def test_the_table_names_every_figure(ci_run: tuple[Report, list[Recorded]]) -> None:
    table = render(ci_run[0])
    for needle in ("| sentiment (3-fold) | macro-F1 |", "| urgency (3-fold) | accuracy |"):
        assert needle in table
    assert "| duplicates | recall |" in table
    assert "median" in table
    assert "p95" in table
    assert table.rstrip().endswith("model beats every baseline")


def test_folds_are_stratified_and_repeat_for_a_seed() -> None:
    notes = load_notes()
    folds = assign_folds(notes, 5, seed=3)
    assert folds == assign_folds(notes, 5, seed=3)
    assert folds != assign_folds(notes, 5, seed=4)
    for fold in range(5):
        critical = [n for n, f in zip(notes, folds, strict=True) if f == fold]
        assert sum(n.urgency == "critical" for n in critical) in {3, 4}


def _score(model: float, baseline: float) -> LabelScore:
    return LabelScore("sentiment", 0.5, model, 0.4, baseline)


def _report(sentiment: LabelScore, recall: float) -> Report:
    found = PrecisionRecall(1.0, recall, 1, 1, 10)
    base = PrecisionRecall(1.0, 0.1, 1, 1, 10)
    return Report(30, 3, (sentiment, _score(0.5, 0.2)), (sentiment, sentiment), 10, found, base,
                  1.0, 1.0, 1.0, 2.0, 1.0, 2.0)  # fmt: skip


def test_a_model_at_or_below_a_baseline_fails() -> None:
    assert _report(_score(0.5, 0.2), recall=0.5).passes
    assert not _report(_score(0.2, 0.2), recall=0.5).passes
    assert not _report(_score(0.5, 0.2), recall=0.1).passes


def test_the_command_refuses_a_slice_too_small_for_its_folds() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--slice", "5", "--folds", "3"])
    assert exit_info.value.code == 2
