"""How alike two notes are: the score behind "this looks like a note already saved".

The score starts from fuzzy word overlap (rapidfuzz, on text folded for case, markup, emoji,
punctuation and a few CRM abbreviations), then looks for evidence that two alike texts record
different events: different numbers, amounts, dates, ids, weekdays, months or AM/PM; one side
negated and the other not; another name; or one thing swapped for another in the same
template. Any of these lowers the score well below the threshold, because a note that repeats
a template with another amount is exactly what must not be flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process, utils

DEFAULT_THRESHOLD = 0.85
"""Similarity at or above which a new note is suspected to repeat an earlier one."""

MAX_CHARS = 2_000
"""Only the heads of long texts are compared: the check must stay cheap beside the write."""

# How much of the score the word-set overlap carries (a retyped note keeps its words; a note
# with an extra sentence keeps all of the other's), the rest is the sorted-word edit ratio.
_SET_WEIGHT = 0.6
# Multipliers for the evidence of different events.
_CONTRADICTION = 0.6  # facts (numbers, dates, ids, names) on both sides that disagree
_NEGATION = 0.7  # one text negated, the other not
_SWAP = 0.85  # the same template with one content word swapped for another
# Texts less alike than this are no near-copies at any sensible threshold: no evidence of
# different events is looked for (it would only lower the score), which keeps the check cheap.
_EVIDENCE_FLOOR = 0.5
# Two words are "the same" despite a typo at this rapidfuzz ratio (0-100).
_TYPO_RATIO = 80
_MAX_SWAPPED = 1

_MARKUP = re.compile(r"<[^>]{0,200}>|[*_`#~]+")
_WORD = re.compile(r"\w+(?:['\u2019]\w+)?")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)*")
_THOUSANDS = re.compile(r"\b(\d+)k\b", re.IGNORECASE)
# What may come before a capital that starts a sentence, a line, a bracket or a list item.
_SENTENCE_END = re.compile(r"[.!?:;\n(\[\-\u2013\u2014\u2022*>]\s*$")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_APOSTROPHES = str.maketrans("", "", "'\u2019")
_SUFFIXES = ("ing", "ed", "es", "s")

# Spellings that mean the same to a CRM reader; folded before anything is compared.
_SYNONYMS = {
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "4th": "fourth",
    "5th": "fifth",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "wk": "week",
    "wks": "weeks",
    "mins": "min",
    "minutes": "min",
    "hrs": "hours",
    "asap": "soon",
    "pls": "please",
    "re": "about",
    "ok": "okay",
}
_DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
_MONTHS = {
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
}
_HALF_DAYS = {"am", "pm"}
_NEGATIONS = {
    "not",
    "no",
    "never",
    "none",
    "nothing",
    "cannot",
    "without",
    "nicht",
    "kein",
    "keine",
    "nie",
    "nein",
    "pas",
    "jamais",
    "sin",
    "nunca",
}
# Stems of "n't" contractions once the apostrophe is gone (wasnt, doesnt, cant…).
_NT = frozenset({"was", "does", "do", "did", "is", "are", "were", "could", "would", "should", "ca"})
# Function words: a "swapped" word must carry content.
_FUNCTION_WORDS = (
    "a an the of for to in on at by with from and or but is are was were be been has have "
    "had it its this that these those as about our we us they them their he she his her "
    "i me my you your so then than there here also again very just any all some"
)
_STOPWORDS = frozenset(_FUNCTION_WORDS.split())


@dataclass(frozen=True, slots=True)
class _Folded:
    """One text as the score sees it."""

    text: str  # folded words joined by spaces
    words: frozenset[str]
    facts: frozenset[str]  # numbers, dates, ids, weekdays, months, AM/PM
    names: frozenset[str]  # capitalised words that are not a sentence's first
    negated: bool


def _fact(word: str) -> str | None:
    if word[:3] in _DAYS and (len(word) == 3 or word.endswith("day")):
        return word[:3]
    if word[:3] in _MONTHS and (len(word) <= 4 or word.endswith(("uary", "ch", "il", "e", "ber"))):
        return word[:3]
    if word in _HALF_DAYS:
        return word
    return None


def _numbers(text: str) -> set[str]:
    text = _THOUSANDS.sub(lambda match: match.group(1) + "000", text)
    found: set[str] = set()
    for raw in _NUMBER.findall(text):
        # 1,240.00 and 1240 are one amount; 01/11 and 1/11 one date; 0 is a number too.
        whole, _, cents = raw.replace(",", "").partition(".")
        parts = [whole] if not cents.strip("0") else [whole, *cents.split(".")]
        found.update(part.lstrip("0") or "0" for part in parts if part)
    return found


@lru_cache(maxsize=4096)
def _fold(raw: str) -> _Folded:
    text = _POSSESSIVE.sub("", _MARKUP.sub(" ", raw))
    names: set[str] = set()
    previous = ""
    for match in _WORD.finditer(text):
        token = match.group()
        before = text[max(0, match.start() - 4) : match.start()]
        # A capital after a sentence's end is grammar, not a name; an all-caps word is a shout.
        if (
            token[:1].isupper()
            and not token.isupper()
            and previous
            and not _SENTENCE_END.search(before)
        ):
            names.add(token.translate(_APOSTROPHES).casefold())
        previous = token
    words: list[str] = []
    for token in utils.default_process(text.translate(_APOSTROPHES)).split():
        words.append(_SYNONYMS.get(token, token))
    facts = _numbers(text)
    facts.update(fact for word in words if (fact := _fact(word)) is not None)
    negated = any(
        word in _NEGATIONS or (word.endswith("nt") and word[:-2] in _NT) for word in words
    )
    # A weekday or month is a fact (compared as one), not a name.
    names = {name for name in names if _fact(name) is None}
    return _Folded(" ".join(words), frozenset(words), frozenset(facts), frozenset(names), negated)


@lru_cache(maxsize=65_536)
def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _unmatched(words: frozenset[str], other: frozenset[str]) -> set[str]:
    """Content words of one text with no equal (or typo-near) word in the other; stops
    counting past a swap."""
    missing: set[str] = set()
    candidates = sorted(other)
    stems = [_stem(near) for near in candidates]
    for word in sorted(words - other - _STOPWORDS):
        if word.isdigit():
            continue
        near = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=_TYPO_RATIO)
        if near is None:
            near = process.extractOne(
                _stem(word), stems, scorer=fuzz.ratio, score_cutoff=_TYPO_RATIO
            )
        if near is not None:
            continue
        missing.add(word)
        if len(missing) > _MAX_SWAPPED:
            break  # more than a swap: no need to look further
    return missing


def _other_names(left: _Folded, right: _Folded) -> bool:
    """Each text names someone or something the other never mentions."""
    return bool(left.names - right.words) and bool(right.names - left.words)


def similarity(a: str, b: str) -> float:
    """0.0 (nothing alike) … 1.0 (the same words), ignoring case, markup, punctuation and word
    order, and scored down where numbers, dates, ids, names or a negation disagree."""
    left, right = _fold(a[:MAX_CHARS]), _fold(b[:MAX_CHARS])
    if not left.text or not right.text:
        # No words on one side (empty, emoji or markup only): alike only if typed the same.
        return 1.0 if left.text == right.text and a.strip() == b.strip() else 0.0
    score = (
        _SET_WEIGHT * fuzz.token_set_ratio(left.text, right.text)
        + (1 - _SET_WEIGHT) * fuzz.token_sort_ratio(left.text, right.text)
    ) / 100.0
    if left.text == right.text or score < _EVIDENCE_FLOOR:
        return round(score, 4)
    if left.facts - right.facts and right.facts - left.facts:
        score *= _CONTRADICTION
    if _other_names(left, right):
        score *= _CONTRADICTION
    if left.negated != right.negated:
        score *= _NEGATION
    swapped_left = _unmatched(left.words, right.words)
    swapped_right = _unmatched(right.words, left.words)
    if 0 < len(swapped_left) <= _MAX_SWAPPED and 0 < len(swapped_right) <= _MAX_SWAPPED:
        score *= _SWAP
    return round(min(score, 1.0), 4)
