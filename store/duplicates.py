"""Near-copies of a new note or interaction among the customer's recent ones the caller reads.

One contract for every store and search backend: the candidates are read from the store (the
customer's live rows written within the window, newest first, at most `max_compared`), with
the caller's visibility in the WHERE clause — the rule of the notes list (`readable_notes`)
and of the interactions list (`visible_interactions`) — and scored in Python with
`intelligence.duplicates.similarity`. A row the caller may not read is never compared, so it
can never be suggested. Only the heads of long texts are read and compared.

A write that finds near-copies raises `DuplicateSuspected` before it adds anything, so its
transaction rolls back whole: no note, no audit row, no outbox row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from core.crypto import PREFIX as SEALED_PREFIX
from intelligence.duplicates import MAX_CHARS, similarity
from policies.view import PolicyView
from store.interaction_reads import visible_interactions
from store.models import Interaction, Note
from store.sealing import opened_column
from store.visibility import readable_notes

MAX_CANDIDATES = 5
"""The most alike are shown; a longer list would not help anyone decide."""


class DuplicateKind(StrEnum):
    """What was compared."""

    NOTE = "note"
    INTERACTION = "interaction"


@dataclass(frozen=True, slots=True)
class DuplicateCheck:
    """How a write looks for near-copies (from the settings; None on a draft: no check)."""

    window: timedelta
    threshold: float
    max_compared: int
    max_candidates: int = MAX_CANDIDATES


@dataclass(frozen=True, slots=True)
class Candidate:
    """A recent note or interaction the new one looks like, and how much."""

    id: str  # a note id or an interaction id
    similarity: float
    subject: str
    author_id: str  # who wrote the note / logged the interaction
    created_at: datetime


class DuplicateSuspected(Exception):
    """The write was refused: it looks like these recent ones (most alike first).

    Not a `UserInputError` on purpose: the mutation answers it with the candidates, so it
    must leave the write's transaction (rolling it back) instead of becoming a plain error.
    """

    def __init__(self, kind: DuplicateKind, candidates: Sequence[Candidate]) -> None:
        super().__init__(f"{len(candidates)} similar {kind.value}s were written recently")
        self.kind = kind
        self.candidates = tuple(candidates)


def note_text(subject: str | None, body: str | None) -> str:
    """What of a note is compared: its subject and body."""
    return f"{subject or ''}\n{body or ''}"


def interaction_text(
    subject: str | None, detail: str | None, kind: str, occurred_at: datetime
) -> str:
    """What of an interaction is compared: subject and detail, with its type and the day it
    happened, so a call on another day (another date) or a visit is another event."""
    return f"{kind} {occurred_at.astimezone(UTC):%d %b %Y}\n{note_text(subject, detail)}"


def _ranked(
    rows: Iterable[tuple[str, str, str, str, datetime]], text: str, check: DuplicateCheck
) -> list[Candidate]:
    """Candidates from (id, compared text, subject, author, created at) rows."""
    scored = []
    for row_id, compared, subject, author_id, created_at in rows:
        score = similarity(text, compared)
        if score >= check.threshold:
            scored.append(Candidate(row_id, score, subject, author_id, created_at))
    scored.sort(key=lambda candidate: (-candidate.similarity, candidate.id))
    return scored[: check.max_candidates]


def _head(column: InstrumentedAttribute[Any]) -> ColumnElement[str | None]:
    # Only the head is compared, so only the head is read (a body may be 100 000 characters);
    # a sealed value is read whole, as only the whole token opens.
    return case((column.startswith(SEALED_PREFIX), column), else_=func.substr(column, 1, MAX_CHARS))


async def find_duplicate_notes(
    session: AsyncSession,
    view: PolicyView,
    customer_id: str,
    text: str,
    check: DuplicateCheck,
    now: datetime,
) -> list[Candidate]:
    """The customer's recent live notes the caller reads that `text` nearly repeats."""
    rows = await session.execute(
        select(Note.id, Note.subject, _head(Note.body), Note.author_id, Note.created_at)
        .where(
            readable_notes(view),
            Note.customer_id == customer_id,
            Note.created_at >= now - check.window,
        )
        .order_by(Note.created_at.desc(), Note.id.desc())
        .limit(check.max_compared)
    )
    opened = [
        (
            row_id,
            opened_column(session, row_id, "subject", subject),
            opened_column(session, row_id, "body", body),
            author_id,
            created_at,
        )
        for row_id, subject, body, author_id, created_at in rows
    ]
    return _ranked(
        (
            (row_id, note_text(subject, body), subject or "", author_id, created_at)
            for row_id, subject, body, author_id, created_at in opened
            if subject is not None and body is not None  # a value that does not open: skipped
        ),
        text,
        check,
    )


async def find_duplicate_interactions(
    session: AsyncSession,
    view: PolicyView,
    customer_id: str,
    text: str,
    check: DuplicateCheck,
    now: datetime,
) -> list[Candidate]:
    """The customer's recently logged interactions the caller reads that `text` (an
    `interaction_text`) nearly repeats."""
    rows = await session.execute(
        select(
            Interaction.id,
            Interaction.subject,
            _head(Interaction.detail),
            Interaction.type,
            Interaction.occurred_at,
            Interaction.logged_by,
            Interaction.created_at,
        )
        .where(
            visible_interactions(view),
            Interaction.customer_id == customer_id,
            Interaction.created_at >= now - check.window,
        )
        .order_by(Interaction.created_at.desc(), Interaction.id.desc())
        .limit(check.max_compared)
    )
    return _ranked(
        (
            (row_id, interaction_text(subject, detail, kind, occurred), subject, author, created)
            for row_id, subject, detail, kind, occurred, author, created in rows
        ),
        text,
        check,
    )


async def refuse_duplicates(
    session: AsyncSession,
    view: PolicyView,
    kind: DuplicateKind,
    customer_id: str,
    text: str,
    check: DuplicateCheck | None,
    now: datetime,
) -> None:
    """Raise `DuplicateSuspected` if a new note or interaction (`kind`; `text` its
    `note_text` / `interaction_text`) nearly repeats a recent one (no check: None)."""
    if check is None:
        return
    find = find_duplicate_notes if kind is DuplicateKind.NOTE else find_duplicate_interactions
    found = await find(session, view, customer_id, text, check, now)
    if found:
        raise DuplicateSuspected(kind, found)


async def interactions_by_ids(
    session: AsyncSession, view: PolicyView, ids: Sequence[str]
) -> list[Interaction | None]:
    """Interactions in key order; None for one the caller does not see."""
    if not ids:
        return []
    rows = await session.scalars(
        select(Interaction).where(visible_interactions(view), Interaction.id.in_(set(ids)))
    )
    found = {row.id: row for row in rows}
    return [found.get(row_id) for row_id in ids]
