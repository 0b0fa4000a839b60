"""How alike two notes are: the score behind "this looks like a note already saved"."""

from __future__ import annotations

from rapidfuzz import fuzz, utils

DEFAULT_THRESHOLD = 0.85
"""Similarity at or above which a new note is suspected to repeat an earlier one."""

MAX_CHARS = 4_000
"""Only the heads of long texts are compared: the check must stay cheap beside the write."""


def similarity(a: str, b: str) -> float:
    """0.0 (nothing alike) … 1.0 (the same words), ignoring case, punctuation and word order."""
    left = utils.default_process(a[:MAX_CHARS])
    right = utils.default_process(b[:MAX_CHARS])
    if not left or not right:
        return 1.0 if left == right else 0.0
    return float(fuzz.token_sort_ratio(left, right)) / 100.0
