"""The demo upstreams' databases: their tables, and building them from `UpstreamData`.

`DATABASES` are the CRM, OMS and billing databases the gateway reads with SQL.
`SERVICE_DATABASES` are the helpdesk's and the marketplace's own stores: the gateway never
reads them, their REST apps serve what `read_service_database` reads back from them.

The same code fills SQLite files (embedded default) and PostgreSQL databases (tests, the
benchmark loader). Each database carries a small ``demo_meta`` table naming the seed and size
it was built for, so an existing database is reused when it already holds the requested data
and rebuilt otherwise. On PostgreSQL (asyncpg) rows go in by binary COPY, elsewhere by
executemany; a `core.progress.Progress`, when given, gets one task per table.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    func,
    inspect,
    select,
)
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from core.progress import SILENT, Progress
from demo.bulk import CopyWriter, writer_for
from demo.upstreams.data import UpstreamData

DATABASES = ("crm", "oms", "billing")
"""The SQL upstreams the gateway reads."""
SERVICE_DATABASES = ("helpdesk", "marketplace")
"""The REST services' own stores (the gateway reaches these services over HTTP only)."""
# 4: the (customer, time, key) indexes that source pages read by; 5: fulfilments carry their
# customer (and are indexed by it and their own time)
DATA_VERSION = "5"
_BATCH = 5_000
# COPY streams a batch in one round trip; bigger batches mean fewer of them.
_COPY_BATCH = 20_000


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
crm_staff = Table(
    "crm_staff",
    crm,
    Column("staff_no", String(20), primary_key=True),
    Column("full_name", String(200), nullable=False),
    Column("work_email", String(320), nullable=False),
    Column("job_role", String(32)),
    Column("branch_code", String(20)),
    Column("is_active", Boolean, nullable=False),
    Column("modified_at", DateTime(timezone=True), nullable=False, index=True),
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
    # A customer's page of orders, newest first, is a range scan of this index.
    Index("ix_web_orders_customer_newest", "customer_no", "ordered_at", "order_no"),
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
    # The order's customer, kept beside each fulfilment so that a customer's fulfilments,
    # newest first by their own time, are one range of the index below.
    Column("customer_no", String(20), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("reference", String(40), nullable=False),
    Column("status", String(30), nullable=False),
    Column("scheduled_for", DateTime(timezone=True)),
    Column("done_at", DateTime(timezone=True)),
    Column("provider", String(100)),
)
Index(
    "ix_web_fulfilments_customer_newest",
    web_fulfilments.c.customer_no,
    func.coalesce(web_fulfilments.c.done_at, web_fulfilments.c.scheduled_for),
    web_fulfilments.c.reference,
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
    Index("ix_pos_receipts_customer_newest", "customer_ref", "sold_at_epoch", "receipt_no"),
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
    # A customer's page, newest first, is one index range (datasources/keyset_sql.py).
    Index("ix_invoices_account_issued", "account_no", "issued_on", "invoice_no"),
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
    Index("ix_payments_account_received", "account_no", "received_at", "payment_ref"),
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

helpdesk = MetaData()
helpdesk_tickets = Table(
    "tickets",
    helpdesk,
    Column("id", String(20), primary_key=True),
    Column("requester_id", String(20), nullable=False, index=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("payload", Text, nullable=False),
)
_meta_table(helpdesk)

marketplace = MetaData()
marketplace_orders = Table(
    "orders",
    marketplace,
    Column("order_id", String(20), primary_key=True),
    Column("buyer_ref", String(20), nullable=False, index=True),
    Column("payload", Text, nullable=False),
)
_meta_table(marketplace)

METADATA = {
    "crm": crm,
    "oms": oms,
    "billing": billing,
    "helpdesk": helpdesk,
    "marketplace": marketplace,
}


def sqlite_urls(directory: Path, names: Sequence[str] = DATABASES) -> dict[str, str]:
    """Writable SQLite URLs of the named databases (default: the SQL three) in ``directory``."""
    return {name: f"sqlite+aiosqlite:///{directory}/{name}.db" for name in names}


def _rows(data: UpstreamData, name: str) -> dict[Table, list[dict[str, Any]]]:
    if name == "helpdesk":
        return {
            helpdesk_tickets: [
                {
                    "id": ticket["id"],
                    "requester_id": ticket["requester_id"],
                    "updated_at": datetime.fromisoformat(ticket["updated_at"]),
                    "payload": json.dumps(ticket),
                }
                for ticket in data.tickets
            ]
        }
    if name == "marketplace":
        return {
            marketplace_orders: [
                {
                    "order_id": order["orderId"],
                    "buyer_ref": order["buyer"]["externalRef"],
                    "payload": json.dumps(order),
                }
                for order in data.marketplace_orders
            ]
        }
    if name == "crm":
        return {crm_customers: data.crm_customers, crm_staff: data.crm_staff}
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
        "order_rounds": str(data.order_rounds),
    }


def table_counts(data: UpstreamData, name: str) -> dict[str, int]:
    """Rows per table that building database ``name`` from ``data`` writes."""
    return {table.name: len(rows) for table, rows in _rows(data, name).items()}


async def _current_marker(connection: AsyncConnection) -> dict[str, str] | None:
    tables = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
    if "demo_meta" not in tables:
        return None
    meta = Table("demo_meta", MetaData(), Column("key", String), Column("value", String))
    rows = (await connection.execute(select(meta.c.key, meta.c.value))).all()
    return {str(key): str(value) for key, value in rows}


async def build_database(
    name: str, url: str, data: UpstreamData, *, progress: Progress = SILENT
) -> bool:
    """Create and fill one demo database unless it already holds ``data``; True if built.

    ``progress`` gets a task ``<name>.<table>`` per table, counting its rows.
    """
    metadata = METADATA[name]
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            if await _current_marker(connection) == _marker(data):
                return False
            await connection.run_sync(metadata.drop_all)
            await connection.run_sync(metadata.create_all)
            writer = writer_for(connection)
            batch = _COPY_BATCH if isinstance(writer, CopyWriter) else _BATCH
            for table, rows in _rows(data, name).items():
                task = f"{name}.{table.name}"
                progress.start(task, len(rows))
                for start in range(0, len(rows), batch):
                    chunk = rows[start : start + batch]
                    await writer.write(table, chunk)
                    progress.advance(task, len(chunk))
                progress.finish(task)
            meta = metadata.tables["demo_meta"]
            marker = [{"key": k, "value": v} for k, v in _marker(data).items()]
            await connection.execute(meta.insert(), marker)
        return True
    finally:
        await engine.dispose()


async def build_databases(
    data: UpstreamData,
    urls: Mapping[str, str],
    *,
    names: Sequence[str] = DATABASES,
    progress: Progress = SILENT,
) -> list[str]:
    """Build each named database (default: the SQL three) that needs it; returns those built."""
    built = []
    for name in names:
        if await build_database(name, urls[name], data, progress=progress):
            built.append(name)
    return built


_SERVICE_READS = {
    "helpdesk": select(helpdesk_tickets.c.payload).order_by(helpdesk_tickets.c.id),
    "marketplace": select(marketplace_orders.c.payload).order_by(marketplace_orders.c.order_id),
}


async def read_service_database(name: str, url: str) -> list[dict[str, Any]]:
    """What a service database holds, as its app serves it: ticket or order payloads by id."""
    if name not in _SERVICE_READS:
        raise ValueError(f"{name!r} is not a service database; choose one of {SERVICE_DATABASES}")
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            result = await connection.execute(_SERVICE_READS[name])
            return [json.loads(payload) for (payload,) in result]
    finally:
        await engine.dispose()
