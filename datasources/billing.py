"""Billing / ERP (SQL): invoices, the payment ledger and account balances, each by customer."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from datasources.config import BillingConfig
from datasources.fields import (
    as_decimal,
    as_instant,
    as_optional_instant,
    as_optional_text,
    as_text,
)
from datasources.keyset_sql import KeysetList, RawPage, position_of, read_pages
from datasources.normalising import normalised, normalised_rows
from datasources.records import BalanceRecord, InvoiceRecord, PaymentRecord
from datasources.resilience import Guard
from datasources.source_pages import TOTAL_CAP, PageQuery, SourcePage
from datasources.sql import col, fetch_all, mapped_table

SOURCE = "billing"
R = TypeVar("R")


class BillingSource:
    """Reads billing's invoice, payment and account tables through their configured mapping."""

    def __init__(self, engine: AsyncEngine, config: BillingConfig, guard: Guard) -> None:
        self.engine = engine
        self.config = config
        self.guard = guard
        self._invoices = mapped_table(config.invoices, config.invoice_columns)
        self._payments = mapped_table(config.payments, config.payment_columns)
        self._accounts = mapped_table(config.accounts, config.account_columns)

    async def invoices_by_customer_id(self, ids: Sequence[str]) -> dict[str, list[InvoiceRecord]]:
        """Each customer's invoices, newest first (one query)."""
        c = self.config.invoice_columns
        records = await self._by_customer(self._invoices, c.customer_id, ids, self._invoice)
        grouped = _group(records, lambda r: r.customer_id)
        for invoices in grouped.values():
            invoices.sort(key=lambda r: (r.issued_at, r.number), reverse=True)
        return grouped

    async def payments_by_customer_id(self, ids: Sequence[str]) -> dict[str, list[PaymentRecord]]:
        """Each customer's payment ledger, newest first (one query)."""
        c = self.config.payment_columns
        records = await self._by_customer(self._payments, c.customer_id, ids, self._payment)
        grouped = _group(records, lambda r: r.customer_id)
        for payments in grouped.values():
            payments.sort(key=lambda r: (r.received_at, r.reference), reverse=True)
        return grouped

    async def invoice_pages(self, queries: Sequence[PageQuery]) -> list[SourcePage[InvoiceRecord]]:
        """Each query's page of invoices, newest first (issued, number), with the customer's
        total: one statement for every page of the batch."""
        c = self.config.invoice_columns
        listing = KeysetList(self._invoices, c.customer_id, c.issued_at, c.number)
        return await self._pages(listing, queries, self._invoice)

    async def payment_pages(self, queries: Sequence[PageQuery]) -> list[SourcePage[PaymentRecord]]:
        """Each query's page of the payment ledger, newest first (received, reference), with
        the customer's total: one statement for every page of the batch."""
        c = self.config.payment_columns
        listing = KeysetList(self._payments, c.customer_id, c.received_at, c.reference)
        return await self._pages(listing, queries, self._payment)

    async def _pages(
        self,
        listing: KeysetList,
        queries: Sequence[PageQuery],
        build: Callable[[Mapping[str, Any]], R],
    ) -> list[SourcePage[R]]:
        if not queries:
            return []

        async def run() -> list[RawPage]:
            async with self.engine.connect() as connection:
                return await read_pages(connection, listing, queries)

        def parse(raw: list[RawPage]) -> list[SourcePage[R]]:
            return [
                SourcePage(
                    rows=[(build(row), position_of(listing, row)) for row in page.rows[: q.size]],
                    has_more=len(page.rows) > q.size,
                    total=min(page.total, TOTAL_CAP),
                    total_capped=page.total > TOTAL_CAP,
                )
                for q, page in zip(queries, raw, strict=True)
            ]

        raw = await self.guard.read(run)
        return await normalised(self.guard.source, parse, raw)

    async def balance_by_customer_id(self, ids: Sequence[str]) -> dict[str, BalanceRecord]:
        """Each customer's account balance (one query); customers without an account are absent."""
        c = self.config.account_columns
        records = await self._by_customer(self._accounts, c.customer_id, ids, self._balance)
        return {record.customer_id: record for record in records}

    async def _by_customer(
        self,
        source: Any,
        customer_column: str,
        ids: Sequence[str],
        build: Callable[[Mapping[str, Any]], R],
    ) -> list[R]:
        if not ids:
            return []
        statement = select(source).where(col(source, customer_column).in_(sorted(set(ids))))

        async def run() -> list[dict[str, Any]]:
            async with self.engine.connect() as connection:
                return await fetch_all(connection, statement)

        rows = await self.guard.read(run)
        return await normalised_rows(self.guard.source, build, rows)

    def _invoice(self, row: Mapping[str, Any]) -> InvoiceRecord:
        c = self.config.invoice_columns
        return InvoiceRecord(
            number=as_text(row[c.number], c.number),
            customer_id=as_text(row[c.customer_id], c.customer_id),
            issued_at=as_instant(row[c.issued_at], c.issued_at),
            due_at=as_optional_instant(row[c.due_at], c.due_at),
            total=as_decimal(row[c.total], c.total),
            currency=as_text(row[c.currency], c.currency).upper(),
            status=as_text(row[c.status], c.status).lower(),
            order_number=as_optional_text(row[c.order_number], c.order_number),
        )

    def _payment(self, row: Mapping[str, Any]) -> PaymentRecord:
        c = self.config.payment_columns
        return PaymentRecord(
            reference=as_text(row[c.reference], c.reference),
            customer_id=as_text(row[c.customer_id], c.customer_id),
            received_at=as_instant(row[c.received_at], c.received_at),
            amount=as_decimal(row[c.amount], c.amount),
            currency=as_text(row[c.currency], c.currency).upper(),
            method=as_text(row[c.method], c.method).lower(),
            invoice_number=as_optional_text(row[c.invoice_number], c.invoice_number),
        )

    def _balance(self, row: Mapping[str, Any]) -> BalanceRecord:
        c = self.config.account_columns
        limit = row[c.credit_limit]
        return BalanceRecord(
            customer_id=as_text(row[c.customer_id], c.customer_id),
            currency=as_text(row[c.currency], c.currency).upper(),
            outstanding=as_decimal(row[c.outstanding], c.outstanding),
            overdue=as_decimal(row[c.overdue], c.overdue),
            credit_limit=None if limit is None else as_decimal(limit, c.credit_limit),
            as_of=as_instant(row[c.as_of], c.as_of),
        )


def _group(records: list[R], key: Callable[[R], str]) -> dict[str, list[R]]:
    groups: dict[str, list[R]] = {}
    for record in records:
        groups.setdefault(key(record), []).append(record)
    return groups
