"""Relabelling a note moves its report rollup rows, and leaks nothing through them: after the
`classify` backfill and an agent's override relabel a note, every caller who cannot read it
gets the same SENTIMENT and URGENCY reports as before (whole days from the rollup, an
off-midnight window with edge days), and a caller who reads it sees exactly the move: one
note out of its old label, one into its new. Every caller here is answered from the rollup.
On both stores.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from intelligence.labels import Classification, Sentiment, Urgency
from policies.principal import Principal
from store import classify_backfill, label_writes, rollup_reads
from store.models import Customer, Note, utcnow
from store.note_reads import NoteFilter
from store.reports import ROLLUP_GROUPS, NoteGroup
from store.visibility import readable_notes
from store.write_context import WriteContext, transaction
from tests.fixtures.seeded import SeededStore

CALLERS = {
    "admin": Principal("agent-1", ("admin",)),
    "manager": Principal("agent-2", ("manager",)),
    "support": Principal("agent-4", ("support",)),
    "finance": Principal("agent-6", ("finance",)),
    "sales": Principal("agent-8", ("sales",)),
    "branch": Principal("agent-9", ("branch",), branches=("branch-1",)),
}
MIDNIGHT = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
WINDOWS = {
    "whole days": (MIDNIGHT - timedelta(days=3 * 365 - 2), MIDNIGHT + timedelta(days=1)),
    "off midnight": (
        MIDNIGHT - timedelta(days=3 * 365 - 2, hours=-7),
        MIDNIGHT + timedelta(hours=17, minutes=30),
    ),
}
REPORTS = """
query R($from: DateTime!, $to: DateTime!) {
  s: noteReport(groupBy: SENTIMENT, first: 1000, filter: {from: $from, to: $to}) {
    totalCount edges { node { key count } } }
  u: noteReport(groupBy: URGENCY, first: 1000, filter: {from: $from, to: $to}) {
    totalCount edges { node { key count } } }
}"""


async def _reports(store: SeededStore, who: Principal) -> dict[tuple[str, str], Counter[Any]]:
    """Each window's label reports as {(window, alias): {key: count}}."""
    answers: dict[tuple[str, str], Counter[Any]] = {}
    for name, (since, until) in WINDOWS.items():
        result = await store.schema.execute(
            REPORTS,
            variable_values={"from": since, "to": until},
            context_value=store.context(who),
        )
        assert result.errors is None, result.errors
        assert result.data is not None
        for alias in ("s", "u"):
            edges = result.data[alias]["edges"]
            answers[(name, alias)] = Counter({e["node"]["key"]: e["node"]["count"] for e in edges})
    return answers


def _key(label: Sentiment | Urgency | None) -> str | None:
    """A label as the report shows its group (null: not labelled)."""
    return None if label is None else label.name


async def test_relabelling_a_note_moves_only_its_readers_report_counts(
    seeded_store: SeededStore,
) -> None:
    store = seeded_store
    # Given a sales note of a customer of no partner and outside branch-1
    async with store.sessions() as session:
        note = await session.scalar(
            select(Note)
            .join(Customer, Customer.id == Note.customer_id)
            .where(Note.scope == "sales", Note.deleted_at.is_(None))
            .where(Customer.partner_id.is_(None), Customer.branch_id != "branch-1")
            .where(Note.created_at < MIDNIGHT - timedelta(days=2))
            .order_by(Note.id)
        )
    assert note is not None
    readers = {}
    for role, who in CALLERS.items():
        view = store.policy.compile(who)
        # (Every caller here is answered from the rollup, not the scan.)
        for group in (NoteGroup.SENTIMENT, NoteGroup.URGENCY):
            assert rollup_reads.answerable(view, ROLLUP_GROUPS[group][0], NoteFilter()), role
        async with store.sessions() as session:
            readers[role] = bool(
                await session.scalar(
                    select(Note.id).where(Note.id == note.id, readable_notes(view))
                )
            )
    assert {role for role, reads in readers.items() if not reads} == {
        "support",
        "finance",
        "branch",
    }
    labels = (note.sentiment, note.urgency)
    answers = {role: await _reports(store, who) for role, who in CALLERS.items()}

    # When the backfill relabels the note (a newer model's suggestion), then an admin
    # overrides both labels
    async def backfilled(session: Any) -> None:
        [pending] = [
            p
            for p in await classify_backfill.due_batch(
                session, Note, "newer-model", redo_all=True, after=note.id[:-1], limit=50
            )
            if p.id == note.id
        ]
        suggestion = Classification(
            sentiment=next(s for s in Sentiment if s is not labels[0]),
            sentiment_score=0.1,
            urgency=next(u for u in Urgency if u is not labels[1]),
            model_version="newer-model",
        )
        assert await classify_backfill.save_batch(session, Note, [(pending, suggestion)], utcnow())

    async def overridden(session: Any) -> None:
        await label_writes.set_note_labels(
            session,
            WriteContext(view=store.policy.compile(CALLERS["admin"])),
            note.id,
            sentiment=next(s for s in reversed(Sentiment) if s is not current[0]),
            urgency=next(u for u in reversed(Urgency) if u is not current[1]),
        )

    current = labels
    for step in (backfilled, overridden):
        async with transaction(store.sessions) as session:
            await step(session)
        async with store.sessions() as session:
            relabelled = await session.get(Note, note.id, populate_existing=True)
            assert relabelled is not None
            after_labels = (relabelled.sentiment, relabelled.urgency)
        assert after_labels[0] != current[0]
        assert after_labels[1] != current[1]

        # Then a caller who cannot read the note gets the same reports; a reader sees the move
        for role, who in CALLERS.items():
            now = await _reports(store, who)
            if not readers[role]:
                assert now == answers[role], (step.__name__, role)
                continue
            for (window, alias), counted in now.items():
                index = 0 if alias == "s" else 1
                expected = answers[role][(window, alias)].copy()
                expected[_key(current[index])] -= 1
                expected[_key(after_labels[index])] += 1
                assert counted == +expected, (step.__name__, role, window, alias)
            answers[role] = now
        current = after_labels
