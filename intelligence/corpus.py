"""The training data the project ships: generated notes plus the hand-written labelled notes.

Both live inside this package (`templates.py`, `data/notes_labelled.jsonl`), so the running
gateway trains its model from files it already has and fetches nothing. `eval/` reads the same
files and holds notes out of training when it measures the model.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from intelligence.templates import FIRST_NAMES, LAST_NAMES, PRODUCTS, TEMPLATES

HAND_WRITTEN_PATH: Final = Path(__file__).resolve().parent / "data" / "notes_labelled.jsonl"

GENERATED_COUNT: Final = 600
"""Generated notes in the shipped training set (a fixed seed: the model is the same everywhere)."""
GENERATED_SEED: Final = 20


@dataclass(frozen=True, slots=True)
class Example:
    """One training note with its labels."""

    text: str
    sentiment: str
    urgency: str
    generated: bool = False


def slots(rng: random.Random) -> dict[str, str]:
    """Random fillings for a template's slots (name, product, amount, date, order, invoice)."""
    return {
        "name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        "product": rng.choice(PRODUCTS),
        "amount": f"£{rng.randrange(50, 20_000):,}.{rng.randrange(100):02d}",
        "date": f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}",
        "order": f"O-{rng.randrange(10_000, 99_999)}",
        "invoice": f"INV-{rng.randrange(10_000, 99_999)}",
    }


def generated_rows(count: int, seed: int) -> list[tuple[str, str, str, str]]:
    """`count` (role, sentiment, urgency, text) rows from the templates; same seed, same rows."""
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        role, sentiment, urgency, template = rng.choice(TEMPLATES)
        rows.append((role, sentiment, urgency, template.format(**slots(rng))))
    return rows


def generated(count: int = GENERATED_COUNT, seed: int = GENERATED_SEED) -> list[Example]:
    """Generated training examples."""
    return [
        Example(text, sentiment, urgency, generated=True)
        for _, sentiment, urgency, text in generated_rows(count, seed)
    ]


def hand_written(path: Path = HAND_WRITTEN_PATH) -> list[Example]:
    """The hand-written labelled notes (validated in full by `eval.dataset` and its tests)."""
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [Example(row["text"], row["sentiment"], row["urgency"]) for row in rows]


def training_set(extra: Sequence[Example] = ()) -> list[Example]:
    """What the shipped model learns from: generated notes, all hand-written notes, `extra`."""
    return [*generated(), *hand_written(), *extra]
