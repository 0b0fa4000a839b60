"""A customer's notes page by page (one LATERAL page per customer on PostgreSQL) read the same
sequence as the whole visible list sorted, for every page size and caller."""

from __future__ import annotations

from sqlalchemy import select

from policies.principal import Principal
from policies.view import PolicyView
from store.models import Customer, Note
from store.note_reads import KEYSETS, NoteFilter, NoteOrder, notes_by_customer_ids
from store.pagination import PageRequest
from store.visibility import readable_notes
from tests.fixtures.seeded import SeededStore
from tests.fixtures.statements import busiest_customers


async def _callers(store: SeededStore) -> dict[str, PolicyView]:
    async with store.sessions() as session:
        branch, partner = (
            await session.execute(
                select(Customer.branch_id, Customer.partner_id)
                .where(Customer.partner_id.is_not(None))
                .order_by(Customer.id)
                .limit(1)
            )
        ).one()
    principals = {
        "admin": Principal("agent-1", ("admin",)),
        "sales": Principal("agent-1", ("sales",)),
        "support": Principal("agent-1", ("support",)),
        "qa": Principal("agent-1", ("qa",)),
        "branch": Principal("agent-1", ("branch",), branches=(branch,)),
        "partner": Principal("agent-1", ("partner",), partner=partner),
    }
    return {name: store.policy.compile(principal) for name, principal in principals.items()}


def _sorted(notes: list[Note], order: NoteOrder) -> list[str]:
    columns = KEYSETS[order].columns
    ranked = sorted(notes, key=lambda n: tuple(getattr(n, c.key) for c in columns), reverse=True)
    return [note.id for note in ranked]


async def test_pages_of_every_size_read_the_sorted_visible_list(seeded_store: SeededStore) -> None:
    callers = await _callers(seeded_store)
    async with seeded_store.sessions() as session:
        customers = await busiest_customers(session, 3)
        seen_sizes: set[int] = set()
        for name, view in callers.items():
            # Both orders for two callers, the default order for the others (time-boxed).
            for order in NoteOrder if name in ("admin", "sales") else [NoteOrder.PINNED_NEWEST]:
                expected: dict[str, list[str]] = {}
                for customer in customers:
                    visible = await session.scalars(
                        select(Note).where(readable_notes(view), Note.customer_id == customer)
                    )
                    expected[customer] = _sorted(list(visible), order)
                    seen_sizes.add(len(expected[customer]))
                for size in range(1, 8):
                    # Forwards, the whole batch at once, each customer from its own cursor.
                    read: dict[str, list[str]] = {c: [] for c in customers}
                    cursors: dict[str, str | None] = dict.fromkeys(customers)
                    pending = list(customers)
                    while pending:
                        pages = [
                            (
                                await notes_by_customer_ids(
                                    session,
                                    view,
                                    [customer],
                                    NoteFilter(),
                                    PageRequest(size, cursors[customer]),
                                    order,
                                )
                            )[0]
                            for customer in pending
                        ]
                        for customer, page in zip(list(pending), pages, strict=True):
                            assert page.total_count == len(expected[customer])
                            assert len(page.items) <= size
                            read[customer] += [row.note.id for row in page.items]
                            cursors[customer] = page.cursors[-1] if page.cursors else None
                            if not page.has_next_page:
                                pending.remove(customer)
                    assert read == expected, (name, order, size)
                    # The first pages of the batch in one call equal each one's first page.
                    batch = await notes_by_customer_ids(
                        session, view, customers, NoteFilter(), PageRequest(size), order
                    )
                    assert [[r.note.id for r in p.items] for p in batch] == [
                        expected[c][:size] for c in customers
                    ], (name, order, size)
                    # Backwards from the end.
                    last = await notes_by_customer_ids(
                        session, view, customers, NoteFilter(), PageRequest(size, None, True), order
                    )
                    assert [[r.note.id for r in p.items] for p in last] == [
                        expected[c][-size:] if expected[c] else [] for c in customers
                    ], (name, order, size)
    # The callers differ: some see every note of a customer, some only part, some none.
    assert len(seen_sizes) > 2, seen_sizes
