"""The shipped classifier: clear notes get the right labels, bad input a defined answer."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from intelligence import classifier
from intelligence.classifier import FALLBACK_VERSION, MODEL_VERSION, classify
from intelligence.corpus import Example, training_set
from intelligence.labels import Classification, Sentiment, Urgency
from intelligence.model import Model, train

FURIOUS = (
    "This is the THIRD time your crew didn't show up. I'm furious, cancel everything and "
    "I'm calling my lawyer tomorrow"
)


def test_a_furious_note_is_negative_and_urgent() -> None:
    result = classify(FURIOUS)
    assert result.sentiment is Sentiment.NEGATIVE
    assert result.urgency in {Urgency.HIGH, Urgency.CRITICAL}
    assert result.sentiment_score < -0.5
    assert result.model_version == MODEL_VERSION


@pytest.mark.parametrize(
    ("text", "sentiment", "urgency"),
    [
        (
            "Customer smells gas in the kitchen since our fitter connected the hob this "
            "morning. Told her to leave the house, engineer on the way now.",
            Sentiment.NEGATIVE,
            Urgency.CRITICAL,
        ),
        (
            "Mrs Hughes rang to say thank you, the new wardrobe is lovely and the fitters were "
            "so tidy. Closing the ticket.",
            Sentiment.POSITIVE,
            Urgency.LOW,
        ),
        ("Payment of £240.00 received for INV-30211. Allocated.", Sentiment.NEUTRAL, Urgency.LOW),
    ],
)
def test_clear_notes_get_their_labels(text: str, sentiment: Sentiment, urgency: Urgency) -> None:
    result = classify(text)
    assert (result.sentiment, result.urgency) == (sentiment, urgency)


BAD_INPUT = {
    "empty": "",
    "whitespace": " \n\t  \u00a0 ",
    "huge": "The delivery was late again and nobody called. " * 22_000,
    "emoji only": "😡😡😡🤬",
    "markup": "<p><b>URGENT</b> &amp; <script>alert('x')</script> call <i>back</i></p>",
    "german": "Der Kunde ist sehr verärgert: die Lieferung kam zum dritten Mal nicht.",
    "odd unicode": "\x00\ud800 \u202e\u200b ∑ \U0001d518\U0001d52b\U0001d526 \ufeff",
    "punctuation": "?!?!... --- ***",
}


@pytest.mark.parametrize("text", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_gets_a_defined_answer_quickly(text: str) -> None:
    classify("warm-up")
    started = time.perf_counter()
    result = classify(text)
    elapsed = time.perf_counter() - started
    assert isinstance(result, Classification)
    assert isinstance(result.sentiment, Sentiment)
    assert isinstance(result.urgency, Urgency)
    assert -1.0 <= result.sentiment_score <= 1.0
    assert result.model_version == MODEL_VERSION
    assert elapsed < 2.0  # a 1 MB note is cut to its head: bounded on a busy CI machine too


def test_empty_text_is_neutral_with_nothing_to_do() -> None:
    assert classify("") == Classification(Sentiment.NEUTRAL, 0.0, Urgency.LOW, MODEL_VERSION)
    assert classify(None) == classify("")  # type: ignore[arg-type]


def test_a_failing_model_gives_the_fallback_instead_of_raising(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> Model:
        raise RuntimeError("model exploded")

    monkeypatch.setattr(classifier, "model", broken)
    result = classify(FURIOUS)
    assert result == Classification(Sentiment.NEUTRAL, 0.0, Urgency.NORMAL, FALLBACK_VERSION)
    assert result.model_version != MODEL_VERSION  # so the next backfill redoes it


def test_classify_is_deterministic_and_retraining_gives_the_same_model() -> None:
    texts = [FURIOUS, *BAD_INPUT.values(), "Sent the quote for the sofa, follow up Friday."]
    first = [classify(text) for text in texts]
    assert [classify(text) for text in texts] == first
    again = train(training_set())
    shipped = classifier.model()
    for text in texts:
        assert again.predict(text) == shipped.predict(text)


def test_training_happens_once_when_threads_race_for_the_first_note(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    real_train: Callable[..., Model] = train

    def counted(examples: list[Example]) -> Model:
        calls.append(threading.get_ident())
        return real_train(examples)

    monkeypatch.setattr(classifier, "_model", None)
    monkeypatch.setattr(classifier, "train", counted)
    texts = [FURIOUS, "Thanks, all sorted!", "Callback requested re order O-12345"] * 8
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(classify, texts))
    assert len(calls) == 1
    assert all(r.model_version == MODEL_VERSION for r in results)
    assert results[0] == results[3] == results[6]


def test_a_note_is_classified_in_milliseconds() -> None:
    texts = [example.text for example in training_set()[:200]]
    for text in texts[:20]:
        classify(text)
    samples = []
    for text in texts:
        started = time.perf_counter()
        classify(text)
        samples.append(time.perf_counter() - started)
    samples.sort()
    # About 1 ms on an idle core; the bound leaves room for a CI machine under load.
    assert samples[len(samples) // 2] < 0.02


def test_the_fast_row_equals_the_vectorizers_own_transform() -> None:
    fitted = classifier.model()
    texts = [example.text for example in training_set()[::37]] + ["", "😡", "zzzz qqqq"]
    for vocabulary in (fitted.words, fitted.chars):
        for text in texts:
            expected = vocabulary.vectorizer.transform([text]).toarray().ravel()
            row = vocabulary.row(text)
            got = np.zeros(row.width)
            got[row.columns] = row.values
            assert np.allclose(got, expected), text
