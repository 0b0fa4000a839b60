"""Sentiment and urgency on write, on edit, on a classifier failure, and an agent's override.

The tests never assume which label a text gets: they ask the classifier itself (whatever
model is behind it) and check that the store kept its answer.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import PolicyDenied
from intelligence import classifier
from intelligence.labels import LabelSource, Sentiment, Urgency
from store import interactions, label_writes, labels, notes
from store.enums import InteractionPurpose, InteractionType
from store.interactions import InteractionDraft
from store.models import AuditLog, Interaction, Note, SearchOutbox
from store.note_drafts import NotePatch
from store.validation import Unreachable, ValidationFailed
from tests.store.native import ctx_for, draft, given_directory


async def count(session: AsyncSession, model: type[Any], *where: Any) -> int:
    """Rows of a model matching `where`."""
    return int(await session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def call(subject: str, detail: str | None) -> InteractionDraft:
    """A call with customer c-1."""
    return InteractionDraft(
        customer_id="c-1",
        type=InteractionType.CALL,
        purpose=InteractionPurpose.SALES,
        subject=subject,
        detail=detail,
    )


def other(label: Any, values: type[Any]) -> Any:
    """A value of the enum `values` that is not `label`."""
    return next(value for value in values if value is not label)


def broken(text: str) -> Any:
    raise RuntimeError("model file missing")


async def test_a_note_and_an_interaction_are_labelled_on_write(session: AsyncSession) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    row = await notes.create_note(
        session, ctx, draft(subject="Refund refused", body="Customer is furious, wants to leave")
    )
    expected = classifier.classify("Refund refused\n\nCustomer is furious, wants to leave")
    note = row.note
    assert (note.sentiment, note.sentiment_score, note.urgency) == (
        expected.sentiment,
        expected.sentiment_score,
        expected.urgency,
    )
    assert note.sentiment_source is LabelSource.AUTO
    assert note.urgency_source is LabelSource.AUTO
    assert note.classifier_version == classifier.MODEL_VERSION
    assert note.classified_at == ctx.now

    logged = await interactions.log_interaction(
        session, ctx, call("Happy with the fix", "Thanked us twice")
    )
    expected = classifier.classify("Happy with the fix\n\nThanked us twice")
    stored = await session.get(Interaction, logged.interaction.id)
    assert stored is not None
    assert (stored.sentiment, stored.urgency, stored.sentiment_source) == (
        expected.sentiment,
        expected.urgency,
        LabelSource.AUTO,
    )
    assert stored.classifier_version == classifier.MODEL_VERSION


async def test_a_failing_classifier_never_blocks_a_write(
    session: AsyncSession, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # Fault injection: the classifier raises, as a missing model file would.
    monkeypatch.setattr(classifier, "classify", broken)
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    row = await notes.create_note(session, ctx, draft())
    logged = await interactions.log_interaction(session, ctx, call("Call", None))
    for record in (row.note, logged.interaction):
        assert record.id is not None
        assert (record.sentiment, record.urgency, record.classifier_version) == (None, None, None)
    assert await count(session, Note, Note.id == row.note.id) == 1
    assert "classifier failed" in caplog.text


async def test_an_edit_of_the_text_relabels_but_keeps_the_agents_label(
    session: AsyncSession,
) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    row = await notes.create_note(session, ctx, draft(subject="Fine", body="All good"))
    agent_urgency = other(row.note.urgency, Urgency)
    await label_writes.set_note_labels(
        session, ctx, row.note.id, sentiment=None, urgency=agent_urgency
    )
    text = "Terrible service\n\nThe delivery broke everything, awful"
    edited = await notes.update_note(
        session, ctx, row.note.id, 1, NotePatch(subject="Terrible service", body=text[18:])
    )
    expected = classifier.classify(text)
    assert edited.note.sentiment == expected.sentiment
    assert edited.note.sentiment_source is LabelSource.AUTO
    assert (edited.note.urgency, edited.note.urgency_source) == (agent_urgency, LabelSource.AGENT)


async def test_an_override_is_the_agents_with_audit_and_outbox_rows(session: AsyncSession) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    row = await notes.create_note(session, ctx, draft())
    sentiment = other(row.note.sentiment, Sentiment)
    outbox_before = await count(session, SearchOutbox, SearchOutbox.note_id == row.note.id)

    labelled = await label_writes.set_note_labels(
        session, ctx, row.note.id, sentiment=sentiment, urgency=Urgency.CRITICAL
    )

    note = labelled.note
    assert (note.sentiment, note.sentiment_source, note.sentiment_score) == (
        sentiment,
        LabelSource.AGENT,
        None,
    )
    assert (note.urgency, note.urgency_source) == (Urgency.CRITICAL, LabelSource.AGENT)
    assert note.version == 1  # not an edit of what the author wrote
    assert await count(session, SearchOutbox, SearchOutbox.note_id == note.id) == outbox_before + 1
    audit_row = await session.scalar(select(AuditLog).where(AuditLog.action == "note.label"))
    assert audit_row is not None
    assert audit_row.after is not None
    assert audit_row.after["urgency"] == "CRITICAL"
    assert audit_row.after["urgencySource"] == "AGENT"

    with pytest.raises(ValidationFailed):
        await label_writes.set_note_labels(session, ctx, note.id, sentiment=None, urgency=None)
    with pytest.raises(PolicyDenied):  # another sales agent reads the note but may not edit it
        await label_writes.set_note_labels(
            session, await ctx_for("a-sales-2"), note.id, sentiment=None, urgency=Urgency.LOW
        )
    with pytest.raises(Unreachable):  # support does not read sales notes
        await label_writes.set_note_labels(
            session, await ctx_for("a-support"), note.id, sentiment=None, urgency=Urgency.LOW
        )


async def test_an_interaction_override_follows_the_policy(session: AsyncSession) -> None:
    await given_directory(session)
    ctx = await ctx_for("a-sales")
    logged = await interactions.log_interaction(session, ctx, call("Call", "Asked for a quote"))
    interaction_id = logged.interaction.id

    labelled = await label_writes.set_interaction_labels(
        session,
        await ctx_for("a-support"),
        interaction_id,
        sentiment=Sentiment.NEGATIVE,
        urgency=None,
    )
    assert (labelled.sentiment, labelled.sentiment_source) == (
        Sentiment.NEGATIVE,
        LabelSource.AGENT,
    )
    assert labelled.urgency_source is LabelSource.AUTO
    assert await count(session, AuditLog, AuditLog.action == "interaction.label") == 1

    with pytest.raises(PolicyDenied):  # qa reads activity but logs (and labels) nothing
        await label_writes.set_interaction_labels(
            session, await ctx_for("a-qa"), interaction_id, sentiment=None, urgency=Urgency.LOW
        )


async def test_a_slow_classifier_never_holds_a_write(
    session: AsyncSession, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def slow(text: str) -> Any:
        time.sleep(0.5)
        raise AssertionError("the write must not have waited for this")

    # Fault injection: the classifier takes longer than the write allows it.
    monkeypatch.setattr(classifier, "classify", slow)
    monkeypatch.setattr(labels, "CLASSIFY_TIMEOUT_SECONDS", 0.05)
    await given_directory(session)
    row = await notes.create_note(session, await ctx_for("a-sales"), draft())
    assert (row.note.sentiment, row.note.urgency) == (None, None)
    assert "classifier timed out" in caplog.text


async def test_the_one_off_training_does_not_count_against_a_texts_time_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given a process whose classifier is not trained yet, and a per-text limit far below the
    # time training takes (as on a busy machine: seconds)
    monkeypatch.setattr(classifier, "_model", None)
    monkeypatch.setattr(labels, "CLASSIFY_TIMEOUT_SECONDS", 0.2)

    # When the first note of the process is labelled
    result = await labels.suggest("The crew never came and the customer is furious.")

    # Then it gets its labels (training first, outside the limit), from the trained model
    assert result is not None
    assert result.model_version == classifier.MODEL_VERSION
