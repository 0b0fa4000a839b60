"""Text clean-up and the hand-made features beside the n-grams: lexicon scores and urgency cues.

The n-grams learn the vocabulary of the training notes; these carry what a few hundred notes
cannot teach: VADER's lexicon (English words, emoji, negation, capitals) and cue words for
danger, legal threats and churn in the languages the notes are written in.
"""

from __future__ import annotations

import html
import re
from functools import cache
from typing import Final

import numpy as np
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

MAX_CHARS: Final = 5_000
"""Only the head of a long text is read: the label must not cost more than the note."""

_TAG = re.compile(r"<[^>]{0,200}>")
_MARKUP = re.compile(r"[*_#`~]{1,3}")
_SPACE = re.compile(r"\s+")

# Cue stems, matched at a word start in the case-folded text. Each group is one feature.
_CUES: Final[dict[str, tuple[str, ...]]] = {
    "danger": (
        "gas", "smell of gas", "leak", "flood", "water coming", "fire", "smoke", "spark",
        "live wire", "shock", "asbestos", "injur", "hurt", "hospital", "ambulance", "unsafe",
        "danger", "emergency", "collapse", "fell", "burn", "scorch", "wasser", "feuer", "fuga",
        "incendio", "fuite", "incendie", "wyciek", "pożar",
    ),
    "legal": (
        "lawyer", "solicitor", "court", "legal", "sue", "suing", "proceedings", "claim",
        "chargeback", "fraud", "breach", "police", "press", "ombudsman", "trading standards",
        "anwalt", "gericht", "abogado", "demanda", "avocat", "tribunal", "prawnik", "sąd",
    ),
    "churn": (
        "cancel", "terminat", "competitor", "elsewhere", "leave", "leaving", "close the account",
        "refund", "escalat", "final notice", "never again", "storn", "kündig", "cancelar",
        "annuler", "résilier", "anulow", "rezygn",
    ),
    "repeat": (
        "again", "third", "second time", "3rd", "2nd", "still", "yet another", "no show",
        "didn't show", "did not show", "nobody came", "no one came", "wieder", "otra vez",
        "encore", "znowu", "ponownie",
    ),
    "now": (
        "today", "now", "immediately", "urgent", "asap", "tonight", "straight away", "within",
        "deadline", "heute", "sofort", "dringend", "hoy", "urgente", "aujourd", "pilne", "dziś",
    ),
    "calm": (
        "thank", "received", "paid", "closed", "fyi", "for info", "no action", "resolved",
        "nothing to do", "all good", "voicemail", "signed", "delivered", "allocated", "danke",
        "gracias", "merci", "dzięk",
    ),
}  # fmt: skip
_CUE_PATTERNS: Final = {
    group: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(stem) for stem in stems) + ")")
    for group, stems in _CUES.items()
}
DENSE_NAMES: Final = (
    "vader_compound",
    "vader_negative",
    "vader_positive",
    *(f"cue_{group}" for group in _CUES),
    "exclamations",
    "shouting",
)


def clean(text: str) -> str:
    """The head of `text` with HTML tags, entities and Markdown marks reduced to plain words."""
    head = text[:MAX_CHARS]
    plain = html.unescape(_TAG.sub(" ", head))
    plain = _MARKUP.sub(" ", plain)
    return _SPACE.sub(" ", plain).strip()


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    # The lexicon ships inside the package; loading it once per process takes ~50 ms.
    return SentimentIntensityAnalyzer()


def dense(text: str) -> np.ndarray:
    """The hand-made features of one cleaned text, in `DENSE_NAMES` order."""
    if not text:
        return np.zeros(len(DENSE_NAMES))
    vader = _analyzer().polarity_scores(text)
    folded = text.casefold()
    cues = [min(len(pattern.findall(folded)), 3) / 3 for pattern in _CUE_PATTERNS.values()]
    words = text.split()
    shouting = sum(1 for word in words if len(word) > 2 and word.isupper()) / max(len(words), 1)
    return np.array(
        [
            vader["compound"],
            vader["neg"],
            vader["pos"],
            *cues,
            min(text.count("!"), 3) / 3,
            min(shouting * 4, 1.0),
        ]
    )
