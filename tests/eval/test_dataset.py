"""The labelled files validate, a bad file is refused with its line, the generator repeats."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eval.baselines import exact_match, fold, majority, report
from eval.dataset import (
    MIN_HAND_WRITTEN,
    MIN_PAIRS,
    ROLES,
    SENTIMENTS,
    URGENCIES,
    DatasetError,
    class_counts,
    load_notes,
    load_pairs,
    parse_notes,
)
from eval.generate import generate_notes, generate_pairs
from eval.metrics import accuracy, macro_f1, precision_recall

GOOD_NOTE = {"id": "x-1", "role": "support", "sentiment": "neutral", "urgency": "low", "text": "ok"}


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_the_hand_written_notes_validate_and_cover_every_class() -> None:
    notes = load_notes()
    assert len(notes) >= MIN_HAND_WRITTEN
    assert all(note.id.startswith("hw-") for note in notes)
    assert set(class_counts(notes, "role")) == set(ROLES)
    assert set(class_counts(notes, "sentiment")) == set(SENTIMENTS)
    assert set(class_counts(notes, "urgency")) == set(URGENCIES)


def test_the_readme_states_the_class_counts_of_the_file() -> None:
    readme = (Path(__file__).resolve().parents[2] / "eval" / "README.md").read_text()
    notes = load_notes()
    for field in ("role", "sentiment", "urgency"):
        for label, count in class_counts(notes, field).items():
            assert f"| {field} | {label} | {count} |" in readme


def test_the_duplicate_pairs_validate_with_both_answers() -> None:
    pairs = load_pairs()
    assert len(pairs) >= MIN_PAIRS
    assert {pair.duplicate for pair in pairs} == {True, False}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sentiment": "angry"}, "sentiment 'angry' is not one of"),
        ({"urgency": "urgent"}, "urgency 'urgent' is not one of"),
        ({"role": "manager"}, "role 'manager' is not one of"),
        ({"text": "  "}, "'text' must be a non-empty string"),
        ({"extra": 1}, "unexpected ['extra']"),
    ],
)
def test_a_bad_label_is_refused_with_its_line(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    path = _write(tmp_path / "notes.jsonl", [GOOD_NOTE, {**GOOD_NOTE, "id": "x-2", **change}])
    with pytest.raises(DatasetError, match=r"notes\.jsonl:2") as raised:
        parse_notes(path)
    assert message in str(raised.value)


def test_a_missing_label_and_a_non_object_are_refused(tmp_path: Path) -> None:
    missing = {key: value for key, value in GOOD_NOTE.items() if key != "urgency"}
    with pytest.raises(DatasetError, match=r"missing \['urgency'\]"):
        parse_notes(_write(tmp_path / "a.jsonl", [missing]))
    (tmp_path / "b.jsonl").write_text('["a list"]\n{not json\n', encoding="utf-8")
    with pytest.raises(DatasetError, match=r"b\.jsonl:1: a line must be a JSON object"):
        parse_notes(tmp_path / "b.jsonl")


def test_a_repeated_id_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "notes.jsonl", [GOOD_NOTE, {**GOOD_NOTE, "text": "other"}])
    with pytest.raises(DatasetError, match="id 'x-1' already used on line 1"):
        parse_notes(path)


def test_too_few_notes_or_a_repeated_text_is_refused(tmp_path: Path) -> None:
    rows = [{**GOOD_NOTE, "id": f"x-{n}", "text": f"note {n}"} for n in range(5)]
    with pytest.raises(DatasetError, match="5 notes, at least 300 required"):
        load_notes(_write(tmp_path / "few.jsonl", rows))
    assert len(load_notes(tmp_path / "few.jsonl", minimum=5)) == 5
    rows.append({**GOOD_NOTE, "id": "x-9", "text": "note 0"})
    with pytest.raises(DatasetError, match="the same note text appears twice"):
        load_notes(_write(tmp_path / "twice.jsonl", rows), minimum=1)


def test_a_bad_pair_file_is_refused(tmp_path: Path) -> None:
    pair = {"id": "p-1", "a": "x", "b": "y", "duplicate": True, "kind": "typo"}
    with pytest.raises(DatasetError, match="'duplicate' must be true or false"):
        load_pairs(_write(tmp_path / "a.jsonl", [{**pair, "duplicate": "yes"}]), minimum=1)
    with pytest.raises(DatasetError, match="needs both duplicate and non-duplicate"):
        load_pairs(_write(tmp_path / "b.jsonl", [pair]), minimum=1)
    with pytest.raises(DatasetError, match="1 pairs, at least 60 required"):
        load_pairs(_write(tmp_path / "c.jsonl", [pair]))


def test_the_generator_repeats_for_a_seed_and_its_labels_validate(tmp_path: Path) -> None:
    notes = generate_notes(400, seed=3)
    assert notes == generate_notes(400, seed=3)
    assert notes != generate_notes(400, seed=4)
    path = _write(tmp_path / "gen.jsonl", [_as_row(note) for note in notes])
    assert parse_notes(path) == notes
    assert set(class_counts(notes, "urgency")) == set(URGENCIES)


def _as_row(note: Any) -> dict[str, Any]:
    return {key: getattr(note, key) for key in ("id", "role", "sentiment", "urgency", "text")}


def test_generated_pairs_differ_and_non_duplicates_are_never_equal() -> None:
    pairs = generate_pairs(200, seed=5)
    assert pairs == generate_pairs(200, seed=5)
    assert {pair.duplicate for pair in pairs} == {True, False}
    assert all(pair.a != pair.b for pair in pairs if not pair.duplicate)


def test_the_metrics_on_a_worked_example() -> None:
    gold = ["a", "a", "b", "c"]
    predicted = ["a", "b", "b", "b"]
    assert accuracy(gold, predicted) == 0.5
    # F1: a = 2/3, b = 2/3 (tp 1, fp 2, fn 0 -> 2/4 = 0.5), c = 0
    assert macro_f1(gold, predicted, ["a", "b", "c"]) == pytest.approx((2 / 3 + 0.5 + 0) / 3)
    scores = precision_recall([True, True, False], [True, False, True])
    assert (scores.precision, scores.recall) == (0.5, 0.5)
    assert precision_recall([True], [False]).precision is None
    with pytest.raises(ValueError, match="equal length"):
        accuracy(["a"], [])


def test_the_baselines_match_the_class_counts() -> None:
    notes = load_notes()
    counts = class_counts(notes, "sentiment")
    score = majority(notes, "sentiment", SENTIMENTS)
    assert score.label == next(iter(counts))
    assert score.accuracy == counts[score.label] / len(notes)
    assert score.macro_f1 == pytest.approx(
        (2 * counts[score.label] / (counts[score.label] + len(notes))) / len(SENTIMENTS)
    )
    folded = exact_match(load_pairs(), folded=True)
    assert folded.precision == 1.0
    assert fold("  Paid\n IN full ") == "paid in full"
    assert "sentiment: majority" in report()


def test_the_readme_states_the_baselines_it_prints() -> None:
    readme = (Path(__file__).resolve().parents[2] / "eval" / "README.md").read_text()
    notes = load_notes()
    for field, labels in (("sentiment", SENTIMENTS), ("urgency", URGENCIES)):
        score = majority(notes, field, labels)
        assert f"accuracy {score.accuracy:.3f}, macro-F1 {score.macro_f1:.3f}" in readme
    pairs = load_pairs()
    duplicates = sum(pair.duplicate for pair in pairs)
    assert f"| {len(load_notes())} hand-written CRM notes" in readme
    assert f"| {len(pairs)} hand-written note pairs" in readme
    assert f"{duplicates} pairs are duplicates, {len(pairs) - duplicates} are not" in readme
    folded = exact_match(pairs, folded=True)
    assert f"precision {folded.precision:.3f}, recall {folded.recall:.3f}" in readme
