"""Give chosen customers exactly N orders, N invoices and N tickets in the demo upstreams.

The scale benchmark needs one customer with 10 records per source next to one with 50,000.
The demo generator draws a handful per customer, so this loader replaces what the chosen
customers have in the PostgreSQL upstream databases with ``generate_series`` rows written by
the server itself (no rows cross the wire): orders split over the web shop (60 %), the POS
(20 %) and the marketplace (20 %), with a delivery for each shipped or delivered web and
marketplace order, invoices in billing, tickets in the helpdesk. The
helpdesk and the marketplace serve what their own databases hold (read once when they start,
`demo.upstreams.serve.serve_service_databases`), so their rows go there, as the JSON payloads
those apps answer with. Records are spread evenly over the three years before ``now``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

import asyncpg

from devservices.postgres import asyncpg_dsn

# The databases a load writes to, as `demo.upstreams.databases` names them.
NEEDED = ("oms", "billing", "helpdesk", "marketplace")
SPAN_DAYS = 3 * 365


@dataclass(frozen=True, slots=True)
class Split:
    """How a customer's N orders fall over the three channels."""

    web: int
    pos: int
    marketplace: int

    @classmethod
    def of(cls, orders: int) -> Split:
        """60 / 20 / 20 over web, POS and marketplace, summing to exactly ``orders``."""
        pos = marketplace = orders // 5
        return cls(orders - pos - marketplace, pos, marketplace)


@dataclass(frozen=True, slots=True)
class LoadedCustomers:
    """What the load wrote: records per customer, and how long it took."""

    records: dict[str, int]
    rows: int
    seconds: float


_DELETE = {
    "oms": (
        "DELETE FROM web_order_items WHERE order_no IN "
        "(SELECT order_no FROM web_orders WHERE customer_no = ANY($1))",
        "DELETE FROM web_fulfilments WHERE order_no IN "
        "(SELECT order_no FROM web_orders WHERE customer_no = ANY($1))",
        "DELETE FROM web_orders WHERE customer_no = ANY($1)",
        "DELETE FROM pos_receipts WHERE customer_ref = ANY($1)",
    ),
    "billing": (
        "DELETE FROM invoices WHERE account_no = ANY($1)",
        "DELETE FROM payments WHERE account_no = ANY($1)",
    ),
    "helpdesk": ("DELETE FROM tickets WHERE requester_id = ANY($1)",),
    "marketplace": ("DELETE FROM orders WHERE buyer_ref = ANY($1)",),
}

# @STEP and @ISO stand for these expressions in the statements below.
# $1 customer id, $2 key (short, unique per customer), $3 count, $4 now, $5 step between
# records. Amounts and states vary with the series number so pages are not all alike.
_STEP = "($4::timestamptz - (g * $5::interval))"
_ISO = "to_char(@STEP AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
_INSERT = {
    "oms": (
        """INSERT INTO web_orders (order_no, customer_no, status, is_quote, ordered_at,
                subtotal, grand_total, currency)
            SELECT 'SO-' || $2 || '-' || lpad(g::text, 6, '0'), $1,
                (ARRAY['paid','shipped','delivered','delivered','cancelled','quote'])[g % 6 + 1],
                g % 6 = 5, @STEP, 20 + (g % 997), 29.95 + (g % 997), 'GBP'
            FROM generate_series(1, $3) AS g""",
        """INSERT INTO web_order_items (order_no, sku, name, qty, unit_price, line_total)
            SELECT 'SO-' || $2 || '-' || lpad(g::text, 6, '0'), 'SKU-' || lpad((g % 40)::text,
                3, '0'), (ARRAY['fitted kitchen','oak dining table','corner sofa'])[g % 3 + 1], 1,
                20 + (g % 997), 20 + (g % 997)
            FROM generate_series(1, $3) AS g""",
        # A delivery for each shipped or delivered order, due three days after it was placed.
        """INSERT INTO web_fulfilments (order_no, customer_no, kind, reference, status,
                scheduled_for, done_at, provider)
            SELECT 'SO-' || $2 || '-' || lpad(g::text, 6, '0'), $1, 'delivery',
                'DL-' || $2 || '-' || lpad(g::text, 6, '0'),
                CASE WHEN g % 6 = 1 THEN 'in_transit' ELSE 'delivered' END,
                @STEP + interval '3 days',
                CASE WHEN g % 6 = 1 THEN NULL ELSE @STEP + interval '3 days' END, 'DPD'
            FROM generate_series(1, $3) AS g WHERE g % 6 IN (1, 2, 3)""",
    ),
    "pos": (
        """INSERT INTO pos_receipts (receipt_no, customer_ref, store_code, txn_type,
                sold_at_epoch, total_cents, currency, items_json)
            SELECT 'P-' || $2 || '-' || lpad(g::text, 6, '0'), $1, 'BR-01',
                (ARRAY['SALE','SALE','SALE','LAYAWAY','RETURN'])[g % 5 + 1],
                extract(epoch FROM @STEP)::int, 500 + (g % 90000), 'GBP',
                json_build_array(json_build_object('ean', '50' || lpad(g::text, 10, '0'),
                    'desc', 'corner sofa', 'qty', 1, 'unit_cents', 500 + (g % 90000)))::text
            FROM generate_series(1, $3) AS g""",
    ),
    "marketplace": (
        """INSERT INTO orders (order_id, buyer_ref, payload)
            SELECT 'MP-' || $2 || '-' || lpad(g::text, 6, '0'), $1, json_build_object(
                'orderId', 'MP-' || $2 || '-' || lpad(g::text, 6, '0'),
                'buyer', json_build_object('externalRef', $1, 'nickname', $1),
                'state', (ARRAY['AWAITING_SHIPMENT','SHIPPED','DELIVERED','CANCELED'])[g % 4 + 1],
                'createdAt', @ISO,
                'amount', json_build_object('value', (15 + (g % 500))::text || '.00',
                    'currencyCode', 'GBP'),
                'items', json_build_array(json_build_object('sellerSku', 'MKT-0001',
                    'title', 'oak dining table', 'qty', 1,
                    'unitPrice', (15 + (g % 500))::text || '.00')),
                'shipments', CASE WHEN g % 4 IN (1, 2) THEN json_build_array(
                    json_build_object('trackingNo', 'TRK-' || $2 || '-' || lpad(g::text, 6, '0'),
                        'carrier', 'DPD', 'status', CASE WHEN g % 4 = 1 THEN 'IN_TRANSIT'
                        ELSE 'DELIVERED' END, 'promisedFor', @ISO,
                        'deliveredAt', CASE WHEN g % 4 = 2 THEN @ISO END))
                    ELSE json_build_array() END)::text
            FROM generate_series(1, $3) AS g""",
    ),
    "billing": (
        """INSERT INTO invoices (invoice_no, account_no, issued_on, due_on, amount, currency,
                status, order_ref)
            SELECT 'INV-' || $2 || '-' || lpad(g::text, 6, '0'), $1, @STEP,
                @STEP + interval '30 days', 20 + (g % 997), 'GBP',
                (ARRAY['paid','paid','paid','open','overdue'])[g % 5 + 1],
                'SO-' || $2 || '-' || lpad(g::text, 6, '0')
            FROM generate_series(1, $3) AS g""",
    ),
    "helpdesk": (
        """INSERT INTO tickets (id, requester_id, updated_at, payload)
            SELECT 'TCK-' || $2 || '-' || lpad(g::text, 6, '0'), $1, @STEP, json_build_object(
                'id', 'TCK-' || $2 || '-' || lpad(g::text, 6, '0'), 'requester_id', $1,
                'subject', 'Delivery of the corner sofa is late',
                'status', (ARRAY['open','pending','solved','closed','closed'])[g % 5 + 1],
                'priority', (ARRAY['low','normal','normal','high','urgent'])[g % 5 + 1],
                'created_at', @ISO, 'updated_at', @ISO,
                'tags', json_build_array('delivery'))::text
            FROM generate_series(1, $3) AS g""",
    ),
}


def _typed(sql: str) -> str:
    # Every statement takes the same five parameters; PostgreSQL must see each one typed
    # (concatenations do not tell it, and some statements leave a parameter unused).
    every = "(SELECT $1::text, $2::text, $3::int, $4::timestamptz, $5::interval) AS params"
    sql = sql.replace("AS g", f"AS g, {every}").replace("@ISO", _ISO).replace("@STEP", _STEP)
    return sql.replace("$1", "$1::text").replace("$2", "$2::text")


_INSERT = {database: tuple(_typed(sql) for sql in sqls) for database, sqls in _INSERT.items()}
_VACUUM = {
    "oms": ("web_orders", "web_order_items", "web_fulfilments", "pos_receipts"),
    "billing": ("invoices", "payments"),
    "helpdesk": ("tickets",),
    "marketplace": ("orders",),
}


async def load_customers(
    urls: Mapping[str, str], records: Mapping[str, int], *, now: datetime
) -> LoadedCustomers:
    """Replace each customer's orders, invoices and tickets by exactly ``records[id]`` of each.

    ``urls`` maps oms, billing, helpdesk and marketplace to PostgreSQL URLs of databases built
    by `demo.upstreams.databases.build_databases`; serve the helpdesk and marketplace only
    after this returns (they read their databases once, at start).
    """
    missing = set(NEEDED) - set(urls)
    if missing:
        raise ValueError(f"urls lacks {sorted(missing)}")
    started = time.perf_counter()
    ids = list(records)
    rows = 0
    for database in NEEDED:
        connection = await asyncpg.connect(asyncpg_dsn(urls[database]))
        try:
            async with connection.transaction():
                for statement in _DELETE[database]:
                    await connection.execute(statement, ids)
                for index, (customer, count) in enumerate(records.items()):
                    rows += await _insert(connection, database, customer, index, count, now)
            for table in _VACUUM[database]:
                await connection.execute(f"VACUUM (ANALYZE) {table}")
        finally:
            await connection.close()
    return LoadedCustomers(dict(records), rows, time.perf_counter() - started)


async def _insert(
    connection: asyncpg.Connection,
    database: str,
    customer: str,
    index: int,
    count: int,
    now: datetime,
) -> int:
    # The key keeps generated numbers unique per customer and within each column's width.
    key = f"X{index}"
    split = Split.of(count)
    work: list[tuple[str, int]] = []
    if database == "oms":
        work = [(sql, split.web) for sql in _INSERT["oms"]] + [(_INSERT["pos"][0], split.pos)]
    elif database == "marketplace":
        work = [(_INSERT["marketplace"][0], split.marketplace)]
    else:
        work = [(sql, count) for sql in _INSERT[database]]
    written = 0
    for sql, n in work:
        if n > 0:
            # Each channel's records span the same years, whatever its share of the count.
            step = timedelta(days=SPAN_DAYS) / n
            status = await connection.execute(sql, customer, key, n, now, step)
            written += int(status.rsplit(" ", 1)[1])
    return written
