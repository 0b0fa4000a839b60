"""Customers by id are read as frozen records, not ORM entities: each record carries every
column of the stored customer, with the values an ORM load gives, and reach still filters."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from sqlalchemy import inspect, select

from policies.principal import Principal
from store.customer_records import CUSTOMER_FIELDS, StoredCustomer
from store.directory import customers_by_ids
from store.models import Customer
from tests.fixtures.seeded import SeededStore


def test_a_record_has_every_column_of_a_customer() -> None:
    columns = {attribute.key for attribute in inspect(Customer).column_attrs}
    assert set(CUSTOMER_FIELDS) == columns
    values: list[Any] = [None] * len(CUSTOMER_FIELDS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        StoredCustomer(*values).name = "changed"  # type: ignore[misc]


async def test_customers_by_id_are_records_with_the_entities_values(
    seeded_store: SeededStore,
) -> None:
    async with seeded_store.sessions() as session:
        entities = list(await session.scalars(select(Customer).order_by(Customer.id).limit(5)))
    ids = [customer.id for customer in entities]
    manager = seeded_store.policy.compile(Principal("agent-2", ("manager",)))
    async with seeded_store.sessions() as session:
        found = await customers_by_ids(session, manager, [*reversed(ids), "no-such-customer"])
    assert found[-1] is None
    records = list(reversed(found[:-1]))
    assert all(isinstance(record, StoredCustomer) for record in records)
    for record, entity in zip(records, entities, strict=True):
        assert record is not None
        assert dataclasses.asdict(record) == {
            name: getattr(entity, name) for name in CUSTOMER_FIELDS
        }

    # A customer of another partner stays out of a partner's reach
    partner = seeded_store.policy.compile(
        Principal("portal-x", ("partner",), partner="no-such-partner")
    )
    async with seeded_store.sessions() as session:
        assert await customers_by_ids(session, partner, ids) == [None] * len(ids)
