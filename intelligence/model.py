"""The trained model: TF-IDF word and character n-grams plus lexicon features, two linear heads.

Character n-grams (within words) survive typos, inflections and other languages; word n-grams
catch phrases ("not happy", "call back"); `features.dense` adds VADER and urgency cues. One
logistic regression per label set, with balanced class weights because critical notes are rare.
Training is deterministic (fixed solver, no sampling) and takes about 0.7 s of CPU.
Prediction is a few hundred multiply-adds on arrays nobody writes to, so a fitted `Model` is
safe to share between threads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from intelligence.corpus import Example
from intelligence.features import clean, dense

GENERATED_WEIGHT: Final = 0.5
"""A generated note counts half a hand-written one: templates repeat, real notes do not."""
DENSE_SCALE: Final = 2.0
"""How loud the few hand-made features are beside thousands of n-gram columns."""
C: Final = 8.0
"""Inverse regularisation strength; by 5-fold cross-validation 2 scored lower, 20 no better."""


@dataclass(frozen=True, slots=True)
class Head:
    """One fitted linear classifier as plain arrays: labels, weights, intercepts."""

    labels: tuple[str, ...]
    weights: np.ndarray
    intercepts: np.ndarray

    def probabilities(self, rows: Sequence[Row], dense_row: np.ndarray) -> np.ndarray:
        """Class probabilities for one text (softmax of the linear scores).

        `rows` are the text's n-gram blocks in training order, `dense_row` the hand-made
        features after them; each block meets only the rows of the weights it has entries for.
        """
        scores = self.intercepts.copy()
        start = 0
        for row in rows:
            if row.columns.size:
                scores += row.values @ self.weights[start + row.columns]
            start += row.width
        scores += dense_row @ self.weights[start : start + dense_row.size]
        if len(self.labels) == 2:  # sklearn's binary head has one column: P(labels[1]).
            p = 1.0 / (1.0 + np.exp(-scores[0]))
            return np.array([1.0 - p, p])
        scores -= scores.max()
        exp = np.exp(scores)
        return np.asarray(exp / exp.sum())


@dataclass(frozen=True, slots=True)
class Row:
    """One text's TF-IDF row: the columns it has entries in, their values, the row's width."""

    columns: np.ndarray
    values: np.ndarray
    width: int


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A fitted TF-IDF vectorizer, and the one-text row computed without sklearn's overhead.

    `TfidfVectorizer.transform` spends most of a millisecond on validation and sparse-matrix
    set-up per call; `row` gives the same numbers (sublinear tf times idf, L2-normalised) in a
    tenth of that, which is what `classify` pays per note.
    """

    vectorizer: TfidfVectorizer
    analyzer: Callable[[str], list[str]]
    index: dict[str, int]
    idf: np.ndarray

    @classmethod
    def of(cls, vectorizer: TfidfVectorizer) -> Vocabulary:
        """The fast view of a fitted vectorizer (sublinear tf, L2 norm, as `train` fits it)."""
        return cls(
            vectorizer,
            vectorizer.build_analyzer(),
            {str(term): int(column) for term, column in vectorizer.vocabulary_.items()},
            np.asarray(vectorizer.idf_, dtype=float),
        )

    def row(self, text: str) -> Row:
        """The TF-IDF row of one cleaned text."""
        counts = Counter(term for term in self.analyzer(text) if term in self.index)
        columns = np.fromiter((self.index[t] for t in counts), dtype=np.intp, count=len(counts))
        values = 1.0 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))
        values *= self.idf[columns]
        norm = float(np.linalg.norm(values))
        return Row(columns, values / norm if norm else values, len(self.idf))


@dataclass(frozen=True, slots=True)
class Prediction:
    """The labels for one text and the signed sentiment strength."""

    sentiment: str
    sentiment_score: float
    urgency: str


@dataclass(frozen=True, slots=True)
class Model:
    """A fitted feature extractor and its two heads."""

    words: Vocabulary
    chars: Vocabulary
    sentiment: Head
    urgency: Head

    def predict(self, text: str) -> Prediction:
        """Labels for one raw text (markup stripped, long text cut to its head)."""
        cleaned = clean(text)
        rows = (self.words.row(cleaned), self.chars.row(cleaned))
        hand_made = dense(cleaned) * DENSE_SCALE
        sentiment = self.sentiment.probabilities(rows, hand_made)
        urgency = self.urgency.probabilities(rows, hand_made)
        labels = self.sentiment.labels
        share = dict(zip(labels, sentiment.tolist(), strict=True))
        score = share.get("positive", 0.0) - share.get("negative", 0.0)
        return Prediction(
            sentiment=labels[int(np.argmax(sentiment))],
            sentiment_score=round(score, 4),
            urgency=self.urgency.labels[int(np.argmax(urgency))],
        )


def _features(
    words: TfidfVectorizer, chars: TfidfVectorizer, texts: Sequence[str]
) -> sparse.csr_matrix:
    """The feature matrix of already cleaned texts."""
    return sparse.hstack(
        [
            words.transform(texts),
            chars.transform(texts),
            sparse.csr_matrix(np.vstack([dense(text) for text in texts]) * DENSE_SCALE),
        ],
        format="csr",
    )


def _head(x: sparse.csr_matrix, y: Sequence[str], weights: np.ndarray) -> Head:
    fitted = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
    fitted.fit(x, list(y), sample_weight=weights)
    return Head(
        labels=tuple(str(label) for label in fitted.classes_),
        weights=np.ascontiguousarray(fitted.coef_.T),
        intercepts=np.asarray(fitted.intercept_, dtype=float),
    )


def train(examples: Sequence[Example]) -> Model:
    """Fit the model on `examples` (each label set must have at least two classes present)."""
    texts = [clean(example.text) for example in examples]
    words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1, dtype=np.float64)
    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, dtype=np.float64
    )
    words.fit(texts)
    chars.fit(texts)
    x = _features(words, chars, texts)
    weights = np.array([GENERATED_WEIGHT if e.generated else 1.0 for e in examples])
    # One BLAS thread: the problem is small, and on a busy machine BLAS threads fighting for
    # the same cores made a one-second fit take a minute.
    with threadpool_limits(limits=1):
        sentiment = _head(x, [e.sentiment for e in examples], weights)
        urgency = _head(x, [e.urgency for e in examples], weights)
    return Model(Vocabulary.of(words), Vocabulary.of(chars), sentiment, urgency)
