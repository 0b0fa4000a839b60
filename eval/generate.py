"""Synthetic notes whose labels are known by construction, deterministic for a given seed.

The templates and their filling live in `intelligence.templates` and `intelligence.corpus` (the
model trains on generated notes too); each template is written for one (role, sentiment,
urgency), so the label never depends on the filling. Duplicate pairs are made the same way: a
note and a retyped copy (case, whitespace, a typo, an added sentence) are duplicates; the same
template with another amount, date or number is not.
`python -m eval.generate --count 500 --seed 7` writes JSON Lines.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict
from typing import Final

from eval.dataset import DuplicatePair, LabelledNote
from intelligence import corpus
from intelligence.templates import TEMPLATES

EXTRA_SENTENCES: Final = ("Customer prefers email.", "Noted on the job sheet.", "See photos.")


def generate_notes(count: int, seed: int) -> list[LabelledNote]:
    """`count` labelled notes drawn from the templates; the same seed gives the same notes."""
    return [
        LabelledNote(f"gen-{index:05d}", role, sentiment, urgency, text)
        for index, (role, sentiment, urgency, text) in enumerate(
            corpus.generated_rows(count, seed), start=1
        )
    ]


def _retype(rng: random.Random, text: str) -> tuple[str, str]:
    kind = rng.choice(("case", "whitespace", "typo", "extra_sentence"))
    if kind == "case":
        return kind, text.upper() if rng.random() < 0.5 else text.lower()
    if kind == "whitespace":
        return kind, "  ".join(text.split(" ")) + "\n"
    if kind == "typo":
        at = rng.randrange(1, len(text) - 2)
        return kind, text[:at] + text[at + 1] + text[at] + text[at + 2 :]
    return kind, f"{text} {rng.choice(EXTRA_SENTENCES)}"


def generate_pairs(count: int, seed: int) -> list[DuplicatePair]:
    """`count` pairs, alternating a retyped duplicate and a same-template different event."""
    rng = random.Random(seed)
    pairs = []
    for index in range(1, count + 1):
        template = rng.choice(TEMPLATES)[3]
        slots = corpus.slots(rng)
        first = template.format(**slots)
        if index % 2:
            kind, second = _retype(rng, first)
            duplicate = True
        else:
            changed = dict(slots)
            # Change a slot the template actually shows, so the two notes differ.
            shown = [
                key for key in ("amount", "date", "order", "invoice") if f"{{{key}}}" in template
            ]
            key = rng.choice(shown or ["name"])
            while changed[key] == slots[key]:
                changed[key] = corpus.slots(rng)[key]
            kind, second, duplicate = f"template_{key}", template.format(**changed), False
        pairs.append(DuplicatePair(f"gen-pair-{index:05d}", first, second, duplicate, kind))
    return pairs


def main(argv: list[str] | None = None) -> int:
    """Write generated notes (or pairs with --pairs) as JSON Lines to stdout."""
    parser = argparse.ArgumentParser(prog="python -m eval.generate", description=__doc__)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pairs", action="store_true", help="duplicate pairs instead of notes")
    args = parser.parse_args(argv)
    rows = (
        generate_pairs(args.count, args.seed)
        if args.pairs
        else generate_notes(args.count, args.seed)
    )
    for row in rows:
        sys.stdout.write(json.dumps(asdict(row), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
