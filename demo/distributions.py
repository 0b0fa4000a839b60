"""How often things happen in the demo data, and the fast seeded draws the generator makes.

The draws avoid `random.choice`/`sample` in the hot path: a million notes make tens of millions
of draws, and indexing by ``rng.random()`` is several times cheaper while staying deterministic.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Generic, TypeVar

from demo import vocabulary as vocab
from store.enums import Importance, InteractionType, NoteCategory, NoteType, Scope

T = TypeVar("T")

HISTORY = timedelta(days=730)
"""Notes and interactions spread over the two years before `now`."""

# Agents every demo has, in id order (agent-1 is the admin), before the per-branch ones.
CORE_ROLES = ("admin", "manager", "qa", "support", "support", "finance", "fulfillment")
BRANCH_ROLES = ("sales", "branch", "field")
# Read-only leadership for the demo (after the branch roster, so agent ids stay put): they
# author nothing and are no generated row's creator.
LEADERSHIP_ROLES = ("owner", "executive")
CUSTOMERS_PER_EXTRA_AGENT = 500

# Who plausibly writes into each scope.
SCOPE_AUTHORS: dict[Scope, tuple[str, ...]] = {
    Scope.INTERNAL: ("sales", "support", "finance", "branch", "fulfillment", "manager"),
    Scope.SALES: ("sales", "manager"),
    Scope.BRANCH: ("branch",),
    Scope.SUPPORT: ("support",),
    Scope.FINANCE: ("finance",),
    Scope.FULFILLMENT: ("fulfillment", "field"),
    Scope.RESTRICTED: ("manager", "admin"),
    Scope.CUSTOMER: ("sales", "support"),
}
SCOPE_WEIGHTS = {
    Scope.INTERNAL: 20, Scope.SALES: 20, Scope.SUPPORT: 20, Scope.BRANCH: 10,
    Scope.FINANCE: 8, Scope.FULFILLMENT: 8, Scope.RESTRICTED: 4, Scope.CUSTOMER: 10,
}  # fmt: skip
TYPE_WEIGHTS = {
    NoteType.INTERACTION_LOG: 35, NoteType.FOLLOW_UP: 15, NoteType.ESCALATION: 8,
    NoteType.RESOLUTION: 12, NoteType.SUPERVISOR: 5, NoteType.TECHNICAL: 10,
    NoteType.SENTIMENT: 15,
}  # fmt: skip
IMPORTANCE_WEIGHTS = {
    Importance.LOW: 20, Importance.NORMAL: 60, Importance.HIGH: 15, Importance.CRITICAL: 5,
}  # fmt: skip
INTERACTION_TYPE_WEIGHTS = {
    InteractionType.CALL: 40, InteractionType.EMAIL: 20, InteractionType.SMS: 8,
    InteractionType.VISIT: 6, InteractionType.SHOWROOM_VISIT: 10, InteractionType.MEETING: 5,
    InteractionType.DEMO: 4, InteractionType.FOLLOW_UP: 5, InteractionType.OTHER: 2,
}  # fmt: skip
OUTCOME_WEIGHTS = {
    "interested": 25, "not_interested": 12, "callback_requested": 15, "purchased": 15,
    "complaint_resolved": 10, "no_answer": 23,
}  # fmt: skip
MOOD_WEIGHTS = {"happy": 35, "neutral": 40, "frustrated": 18, "angry": 7}
NOTE_TAG_COUNTS = (0, 1, 1, 1, 2, 2, 3)
CUSTOMER_TAG_COUNTS = (0, 0, 1, 1, 2, 3)
# The upstream record a note refers to, by category; anything else refers to an invoice.
REF_PREFIX = {NoteCategory.SUPPORT: ("ticket", "TCK"), NoteCategory.SALES: ("order", "SO")}
INVOICE_REF = ("invoice", "INV")


class Weighted(Generic[T]):
    """A weighted choice with precomputed cumulative weights (rng.choices rebuilds them)."""

    def __init__(self, weights: dict[T, int]) -> None:
        self.values = list(weights)
        self.cumulative = list(itertools.accumulate(weights.values()))

    def pick(self, rng: random.Random) -> T:
        """One value, drawn in proportion to its weight."""
        point = rng.random() * self.cumulative[-1]
        return self.values[bisect.bisect_right(self.cumulative, point)]


def pick(rng: random.Random, items: Sequence[T]) -> T:
    """One item, uniformly."""
    return items[int(rng.random() * len(items))]


def pick_distinct(rng: random.Random, items: Sequence[T], count: int) -> list[T]:
    """`count` distinct items (count is small next to len(items)), in draw order."""
    chosen: list[T] = []
    while len(chosen) < count:
        item = items[int(rng.random() * len(items))]
        if item not in chosen:
            chosen.append(item)
    return chosen


def uuid4(rng: random.Random) -> str:
    """A version-4 UUID string drawn from `rng`."""
    bits = rng.getrandbits(128)
    # Set the version (4) and RFC 4122 variant bits as uuid.uuid4 does.
    bits = (bits & ~(0xF000 << 64) | (0x4000 << 64)) & ~(0xC000 << 48) | (0x8000 << 48)
    h = f"{bits:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    """A moment uniformly between `start` and `end` (or `start` if the range is empty)."""
    return start + (end - start) * rng.random() if end > start else start


def sentences(rng: random.Random, product: str, low: int, high: int) -> str:
    """A few distinct note sentences about `product`."""
    count = low + int(rng.random() * (high - low + 1))
    chosen = pick_distinct(rng, vocab.NOTE_SENTENCES, count)
    return " ".join(sentence.format(product=product) for sentence in chosen)


def creation_ms(rng: random.Random) -> int | None:
    """Widget-measured open-to-saved time; about a third of notes come from the widget."""
    if rng.random() >= 0.35:
        return None
    return int(min(180_000, max(4_000, rng.gauss(22_000, 9_000))))


def customer_name(rng: random.Random, number: int) -> tuple[str, str]:
    """A person's or a company's name, and an email address under a reserved domain."""
    domain = pick(rng, vocab.EMAIL_DOMAINS)
    if rng.random() < 0.15:
        word = pick(rng, vocab.COMPANY_WORDS)
        kind = pick(rng, vocab.COMPANY_KINDS)
        name = f"{word} {kind} {pick(rng, vocab.COMPANY_SUFFIXES)}"
        return name, f"accounts{number}@{word.lower()}-{kind.lower()}.{domain}"
    first, last = pick(rng, vocab.FIRST_NAMES), pick(rng, vocab.LAST_NAMES)
    local = f"{first}.{last}{number}".lower().replace("'", "")
    return f"{first} {last}", f"{local}@{domain}"
