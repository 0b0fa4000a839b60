"""Synthetic notes whose labels are known by construction, deterministic for a given seed.

Each template is written for one (role, sentiment, urgency); the generator only fills in a
name, a product, an amount, a date and an order or invoice number, so the label never depends
on the filling. Duplicate pairs are made the same way: a note and a retyped copy (case,
whitespace, a typo, an added sentence) are duplicates; the same template with another amount,
date or number is not. `python -m eval.generate --count 500 --seed 7` writes JSON Lines.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict
from typing import Final

from demo.vocabulary import FIRST_NAMES, LAST_NAMES, PRODUCTS
from eval.dataset import DuplicatePair, LabelledNote

# (role, sentiment, urgency, template); slots: {name} {product} {amount} {date} {order} {invoice}
TEMPLATES: Final[tuple[tuple[str, str, str, str], ...]] = (
    (
        "support",
        "negative",
        "high",
        "Second missed delivery of the {product} for {name}. Wants a manager to call today.",
    ),
    (
        "support",
        "negative",
        "normal",
        "{name} says the {product} arrived scratched. Replacement part ordered, order {order}.",
    ),
    (
        "support",
        "negative",
        "critical",
        "Water leaking from the {product} we fitted for {name}. Engineer today, manager told.",
    ),
    (
        "support",
        "neutral",
        "normal",
        "{name} asked to move the delivery of order {order} to {date}. Confirm by text.",
    ),
    ("support", "neutral", "low", "Resent the order confirmation for {order} to {name}."),
    (
        "support",
        "positive",
        "low",
        "{name} called to say thanks, the {product} is perfect. Closing the ticket.",
    ),
    (
        "sales",
        "positive",
        "normal",
        "{name} loved the {product} in the showroom, wants a quote by {date}.",
    ),
    (
        "sales",
        "neutral",
        "normal",
        "Sent quote for the {product} to {name}, {amount} incl. VAT. Follow up on {date}.",
    ),
    ("sales", "neutral", "low", "Left voicemail for {name} about the {product}."),
    (
        "sales",
        "negative",
        "high",
        "{name} finds our {product} price ({amount}) too high, signs elsewhere on {date}.",
    ),
    ("sales", "positive", "low", "{name} signed for the {product}, deposit of {amount} paid."),
    (
        "finance",
        "neutral",
        "normal",
        "Invoice {invoice} ({amount}) is overdue. First reminder sent to {name}.",
    ),
    (
        "finance",
        "neutral",
        "low",
        "Payment of {amount} received from {name} for {invoice}. Allocated.",
    ),
    (
        "finance",
        "negative",
        "high",
        "{invoice} ({amount}) 60 days overdue and {name} ignores reminders. Final notice next.",
    ),
    (
        "finance",
        "negative",
        "critical",
        "{name}'s solicitor threatens court over the refund of {amount} unless paid by {date}.",
    ),
    (
        "finance",
        "positive",
        "low",
        "{name} paid {invoice} early and thanked us for the clear invoice.",
    ),
    ("field", "neutral", "low", "Delivered the {product} to {name}, signed for, no damage."),
    (
        "field",
        "neutral",
        "normal",
        "Survey done at {name}'s for the {product}. Quote to follow by {date}.",
    ),
    (
        "field",
        "negative",
        "high",
        "Could not finish fitting the {product} for {name}: wrong part delivered. Customer upset.",
    ),
    (
        "field",
        "negative",
        "critical",
        "Live wires behind the {product} at {name}'s. Circuit isolated, electrician today.",
    ),
    ("field", "positive", "low", "Fitted the {product}, {name} delighted with the result."),
)

EXTRA_SENTENCES: Final = ("Customer prefers email.", "Noted on the job sheet.", "See photos.")


def _slots(rng: random.Random) -> dict[str, str]:
    return {
        "name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        "product": rng.choice(PRODUCTS),
        "amount": f"£{rng.randrange(50, 20_000):,}.{rng.randrange(100):02d}",
        "date": f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}",
        "order": f"O-{rng.randrange(10_000, 99_999)}",
        "invoice": f"INV-{rng.randrange(10_000, 99_999)}",
    }


def generate_notes(count: int, seed: int) -> list[LabelledNote]:
    """`count` labelled notes drawn from the templates; the same seed gives the same notes."""
    rng = random.Random(seed)
    notes = []
    for index in range(1, count + 1):
        role, sentiment, urgency, template = rng.choice(TEMPLATES)
        text = template.format(**_slots(rng))
        notes.append(LabelledNote(f"gen-{index:05d}", role, sentiment, urgency, text))
    return notes


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
        slots = _slots(rng)
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
                changed[key] = _slots(rng)[key]
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
