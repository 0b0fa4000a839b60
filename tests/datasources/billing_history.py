"""A real billing database with one customer's long history: the demo's small billing data,
plus `size` open invoices of a `big` customer and one of a `small` one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from demo.upstreams.data import UpstreamData
from demo.upstreams.databases import build_database, invoices
from tests.datasources.slow_mapping import insert_rows

START = datetime(2020, 1, 1, tzinfo=UTC)


async def write_billing_history(
    url: str, *, big: str, small: str, size: int, prefix: str, per_hour: int = 1
) -> None:
    """Invoices ``<prefix>000000`` (the small customer's) to ``<prefix><size>``, issued an
    hour apart from `START`, `per_hour` of them sharing each hour."""
    await build_database("billing", url, UpstreamData(seed=5, customer_count=4))
    rows = [
        {
            "invoice_no": f"{prefix}{n:06d}",
            "account_no": big if n else small,
            "issued_on": START + timedelta(hours=n // per_hour),
            "due_on": None,
            "amount": Decimal("10.00"),
            "currency": "EUR",
            "status": "open",
            "order_ref": None,
        }
        for n in range(size + 1)
    ]
    await insert_rows(url, (invoices, rows))
