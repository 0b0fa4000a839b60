"""Load and validate the labelled evaluation files: closed label sets, unique ids, enough rows.

Each file is JSON Lines, one object per line. A bad line raises `DatasetError` naming the file
and line, so a labelling slip fails the test suite instead of skewing a measurement.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from intelligence.corpus import HAND_WRITTEN_PATH

HERE: Final = Path(__file__).resolve().parent
# The hand-written notes ship inside `intelligence` (the model trains on them); they are
# validated here, and the evaluation holds each one out of training before scoring it.
NOTES_PATH: Final = HAND_WRITTEN_PATH
PAIRS_PATH: Final = HERE / "duplicate_pairs.jsonl"

SENTIMENTS: Final = ("negative", "neutral", "positive")
URGENCIES: Final = ("low", "normal", "high", "critical")
ROLES: Final = ("support", "sales", "finance", "field")

MIN_HAND_WRITTEN: Final = 300
MIN_PAIRS: Final = 60

NOTE_KEYS: Final = frozenset({"id", "role", "sentiment", "urgency", "text"})
PAIR_KEYS: Final = frozenset({"id", "a", "b", "duplicate", "kind"})


class DatasetError(ValueError):
    """A labelled file breaks a rule: the message names the file, the line and the rule."""


@dataclass(frozen=True, slots=True)
class LabelledNote:
    """One note with its gold labels."""

    id: str
    role: str
    sentiment: str
    urgency: str
    text: str


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two notes and whether they record the same event (`kind` says how they were made)."""

    id: str
    a: str
    b: str
    duplicate: bool
    kind: str


def _rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DatasetError(f"{path.name}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(row, dict):
                raise DatasetError(f"{path.name}:{number}: a line must be a JSON object")
            yield number, row


def _text(where: str, row: dict[str, Any], key: str) -> str:
    value = row[key]
    if not isinstance(value, str) or not value.strip():
        raise DatasetError(f"{where}: {key!r} must be a non-empty string")
    return value


def _choice(where: str, row: dict[str, Any], key: str, allowed: tuple[str, ...]) -> str:
    value = _text(where, row, key)
    if value not in allowed:
        raise DatasetError(f"{where}: {key} {value!r} is not one of {', '.join(allowed)}")
    return value


def _keys(where: str, row: dict[str, Any], expected: frozenset[str]) -> None:
    if set(row) != expected:
        missing = sorted(expected - set(row))
        extra = sorted(set(row) - expected)
        raise DatasetError(f"{where}: keys differ (missing {missing}, unexpected {extra})")


def _unique_ids(path: Path, ids: Iterable[tuple[int, str]]) -> None:
    seen: dict[str, int] = {}
    for number, identifier in ids:
        if identifier in seen:
            raise DatasetError(
                f"{path.name}:{number}: id {identifier!r} already used on line {seen[identifier]}"
            )
        seen[identifier] = number


def parse_notes(path: Path) -> list[LabelledNote]:
    """Read labelled notes, checking every label against its closed set and ids for uniqueness."""
    notes: list[tuple[int, LabelledNote]] = []
    for number, row in _rows(path):
        where = f"{path.name}:{number}"
        _keys(where, row, NOTE_KEYS)
        notes.append(
            (
                number,
                LabelledNote(
                    id=_text(where, row, "id"),
                    role=_choice(where, row, "role", ROLES),
                    sentiment=_choice(where, row, "sentiment", SENTIMENTS),
                    urgency=_choice(where, row, "urgency", URGENCIES),
                    text=_text(where, row, "text"),
                ),
            )
        )
    _unique_ids(path, ((number, note.id) for number, note in notes))
    return [note for _, note in notes]


def load_notes(path: Path = NOTES_PATH, *, minimum: int = MIN_HAND_WRITTEN) -> list[LabelledNote]:
    """The hand-written labelled notes: valid, no text twice, at least `minimum` of them."""
    notes = parse_notes(path)
    texts = Counter(note.text for note in notes)
    repeated = [text for text, count in texts.items() if count > 1]
    if repeated:
        raise DatasetError(f"{path.name}: the same note text appears twice: {repeated[0][:60]!r}")
    if len(notes) < minimum:
        raise DatasetError(f"{path.name}: {len(notes)} notes, at least {minimum} required")
    return notes


def load_pairs(path: Path = PAIRS_PATH, *, minimum: int = MIN_PAIRS) -> list[DuplicatePair]:
    """The labelled duplicate pairs: valid, ids unique, both answers present, enough of them."""
    pairs: list[tuple[int, DuplicatePair]] = []
    for number, row in _rows(path):
        where = f"{path.name}:{number}"
        _keys(where, row, PAIR_KEYS)
        if not isinstance(row["duplicate"], bool):
            raise DatasetError(f"{where}: 'duplicate' must be true or false")
        pair = DuplicatePair(
            id=_text(where, row, "id"),
            a=_text(where, row, "a"),
            b=_text(where, row, "b"),
            duplicate=row["duplicate"],
            kind=_text(where, row, "kind"),
        )
        pairs.append((number, pair))
    _unique_ids(path, ((number, pair.id) for number, pair in pairs))
    if len(pairs) < minimum:
        raise DatasetError(f"{path.name}: {len(pairs)} pairs, at least {minimum} required")
    if len({pair.duplicate for _, pair in pairs}) < 2:
        raise DatasetError(f"{path.name}: needs both duplicate and non-duplicate pairs")
    return [pair for _, pair in pairs]


def class_counts(notes: Iterable[LabelledNote], field: str) -> dict[str, int]:
    """How many notes carry each value of `field` (role, sentiment or urgency), most first."""
    return dict(Counter(str(getattr(note, field)) for note in notes).most_common())
