"""The demo CRM, OMS and billing databases: their tables, and building them from `UpstreamData`.

The same code fills SQLite files (embedded default) and PostgreSQL databases (tests). Each
database carries a small ``demo_meta`` table naming the seed and size it was built for, so an
existing database is reused when it already holds the requested data and rebuilt otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    inspect,
    select,
)
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from demo.upstreams.data import UpstreamData

DATABASES = ("crm", "oms", "billing")
DATA_VERSION = "1"
_BATCH = 5_000


def _money(name: str, nullable: bool = False) -> Column[Any]:
    return Column(name, Numeric(12, 2), nullable=nullable)


def _meta_table(metadata: MetaData) -> Table:
    return Table(
        "demo_meta",
        metadata,
        Column("key", String(40), primary_key=True),
        Column("value", String(200), nullable=False),
    )


crm = MetaData()
crm_customers = Table(
    "crm_customers",
    crm,
    Column("customer_no", String(20), primary_key=True),
    Column("display_name", String(200), nullable=False),
    Column("email", String(200)),
    Column("phone", String(40)),
    Column("branch_code", String(20)),
    Column("partner_code", String(20)),
    Column("account_manager", String(20)),
    Column("vip_flag", Boolean, nullable=False),
    Column("created_on", DateTime(timezone=True), nullable=False),
    Column("last_contact_at", DateTime(timezone=True)),
    Column("referred_by", String(20), index=True),
)
_meta_table(crm)

oms = MetaData()
web_orders = Table(
    "web_orders",
    oms,
    Column("order_no", String(20), primary_key=True),
    Column("customer_no", String(20), nullable=False, index=True),
    Column("status", String(30), nullable=False),
    Column("is_quote", Boolean, nullable=False),
    Column("ordered_at", DateTime(timezone=True), nullable=False),
    _money("subtotal", nullable=True),
    _money("grand_total"),
    Column("currency", String(3), nullable=False),
)
web_order_items = Table(
    "web_order_items",
    oms,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("order_no", String(20), nullable=False, index=True),
    Column("sku", String(40)),
    Column("name", String(200), nullable=False),
    Column("qty", Integer, nullable=False),
    _money("unit_price"),
    _money("line_total"),
)
web_fulfilments = Table(
    "web_fulfilments",
    oms,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("order_no", String(20), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("reference", String(40), nullable=False),
    Column("status", String(30), nullable=False),
    Column("scheduled_for", DateTime(timezone=True)),
    Column("done_at", DateTime(timezone=True)),
    Column("provider", String(100)),
)
pos_receipts = Table(
    "pos_receipts",
    oms,
    Column("receipt_no", String(30), primary_key=True),
    Column("customer_ref", String(20), nullable=False, index=True),
    Column("store_code", String(20), nullable=False),
    Column("txn_type", String(20), nullable=False),
    Column("sold_at_epoch", Integer, nullable=False),
    Column("total_cents", Integer, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("items_json", Text, nullable=False),
)
_meta_table(oms)

billing = MetaData()
invoices = Table(
    "invoices",
    billing,
    Column("invoice_no", String(20), primary_key=True),
    Column("account_no", String(20), nullable=False, index=True),
    Column("issued_on", DateTime(timezone=True), nullable=False),
    Column("due_on", DateTime(timezone=True)),
    _money("amount"),
    Column("currency", String(3), nullable=False),
    Column("status", String(20), nullable=False),
    Column("order_ref", String(30)),
)
payments = Table(
    "payments",
    billing,
    Column("payment_ref", String(20), primary_key=True),
    Column("account_no", String(20), nullable=False, index=True),
    Column("received_at", DateTime(timezone=True), nullable=False),
    _money("amount"),
    Column("currency", String(3), nullable=False),
    Column("method", String(30), nullable=False),
    Column("invoice_no", String(20)),
)
accounts = Table(
    "accounts",
    billing,
    Column("account_no", String(20), primary_key=True),
    Column("currency", String(3), nullable=False),
    _money("balance"),
    _money("overdue"),
    _money("credit_limit", nullable=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
_meta_table(billing)

METADATA = {"crm": crm, "oms": oms, "billing": billing}


def sqlite_urls(directory: Path) -> dict[str, str]:
    """Writable SQLite URLs of the three demo databases under ``directory``."""
    return {name: f"sqlite+aiosqlite:///{directory}/{name}.db" for name in DATABASES}


def _rows(data: UpstreamData, name: str) -> dict[Table, list[dict[str, Any]]]:
    if name == "crm":
        return {crm_customers: data.crm_customers}
    if name == "oms":
        orders, items, fulfilments = data.web
        return {
            web_orders: orders,
            web_order_items: items,
            web_fulfilments: fulfilments,
            pos_receipts: data.pos_receipts,
        }
    invoice_rows, payment_rows, account_rows = data.billing
    return {invoices: invoice_rows, payments: payment_rows, accounts: account_rows}


def _marker(data: UpstreamData) -> dict[str, str]:
    assert data.now is not None
    return {
        "version": DATA_VERSION,
        "seed": str(data.seed),
        "customers": str(data.customer_count),
        "now": data.now.isoformat(),
    }


async def _current_marker(connection: AsyncConnection) -> dict[str, str] | None:
    tables = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
    if "demo_meta" not in tables:
        return None
    meta = Table("demo_meta", MetaData(), Column("key", String), Column("value", String))
    rows = (await connection.execute(select(meta.c.key, meta.c.value))).all()
    return {str(key): str(value) for key, value in rows}


async def build_database(name: str, url: str, data: UpstreamData) -> bool:
    """Create and fill one demo database unless it already holds ``data``; True if built."""
    metadata = METADATA[name]
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            if await _current_marker(connection) == _marker(data):
                return False
            await connection.run_sync(metadata.drop_all)
            await connection.run_sync(metadata.create_all)
            for table, rows in _rows(data, name).items():
                for start in range(0, len(rows), _BATCH):
                    await connection.execute(table.insert(), rows[start : start + _BATCH])
            meta = metadata.tables["demo_meta"]
            marker = [{"key": k, "value": v} for k, v in _marker(data).items()]
            await connection.execute(meta.insert(), marker)
        return True
    finally:
        await engine.dispose()


async def build_databases(data: UpstreamData, urls: Mapping[str, str]) -> list[str]:
    """Build every demo database that needs it; returns the names that were (re)built."""
    built = []
    for name in DATABASES:
        if await build_database(name, urls[name], data):
            built.append(name)
    return built
