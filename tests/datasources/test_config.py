"""Datasources are configured: the module docstring's worked example, end to end."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy import Boolean, Column, DateTime, MetaData, String, Table
from sqlalchemy.ext.asyncio import create_async_engine

import datasources.config
from core.metrics import Metrics
from datasources.config import CrmConfig, CustomerColumns, CustomerTable, UpstreamConfig
from datasources.crm import CrmSource
from datasources.resilience import Guard
from tests.fixtures.upstreams import FAST


def docstring_example() -> str:
    """The TOML of the worked example in `datasources.config`'s docstring."""
    doc = datasources.config.__doc__ or ""
    block = doc.split("::", 1)[1].split("\n\n", 1)[1].split("\nNested JSON")[0]
    return "\n".join(line.removeprefix("    ") for line in block.splitlines())


def test_the_worked_example_loads(tmp_path: Path) -> None:
    path = tmp_path / "upstreams.toml"
    path.write_text(docstring_example())

    config = UpstreamConfig.from_file(path)

    assert config.crm.customers.table == "crm_contacts"
    assert config.crm.customers.columns.name == "full_name"
    assert config.crm.customers.columns.created_at == "created_on"  # untouched default
    assert config.helpdesk.fields.customer_id == "customer_ref"
    assert config.billing.resilience.timeout_seconds == 5.0
    assert config.marketplace is None


def test_a_misspelt_mapping_fails_at_load() -> None:
    with pytest.raises(ValidationError, match=re.escape("full_nam")):
        CustomerColumns.model_validate({"full_nam": "x"})


async def test_a_crm_with_its_own_table_and_column_names(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'crm.db'}"
    metadata = MetaData()
    contacts = Table(
        "crm_contacts",
        metadata,
        Column("contact_no", String, primary_key=True),
        Column("full_name", String),
        Column("mail", String),
        Column("tel", String),
        Column("office", String),
        Column("partner_code", String),
        Column("account_manager", String),
        Column("vip", Boolean),
        Column("created_on", DateTime),
        Column("last_contact_at", DateTime),
        Column("referred_by", String),
    )
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(metadata.create_all)
            await connection.execute(
                contacts.insert(),
                [
                    {
                        "contact_no": "C-1",
                        "full_name": "Ada Lovelace",
                        "mail": "ada@example.com",
                        "tel": "+44 1",
                        "office": "LDN",
                        "vip": True,
                        "created_on": datetime(2024, 1, 2, 3, 4, 5),
                    }
                ],
            )
        columns = CustomerColumns(
            id="contact_no", name="full_name", email="mail", phone="tel", branch="office", vip="vip"
        )
        config = CrmConfig(url=url, customers=CustomerTable(table="crm_contacts", columns=columns))
        crm = CrmSource(engine, config, Guard("crm", FAST, Metrics()))

        found = await crm.customers_by_id(["C-1", "C-2"])
    finally:
        await engine.dispose()

    assert list(found) == ["C-1"]
    record = found["C-1"]
    assert (record.name, record.email, record.branch_id, record.vip) == (
        "Ada Lovelace",
        "ada@example.com",
        "LDN",
        True,
    )
    assert record.created_at == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
