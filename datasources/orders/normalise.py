"""Channel payloads → one `OrderRecord`; a payload that does not fit becomes an `OrderFailure`.

Each channel has its own builder because each has its own shape: the web shop's three tables,
the POS's single receipt row (epoch seconds, cents, lines as JSON) and the marketplace's nested
JSON. What they share is the target model and the rule that one bad payload costs only itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from datasources.config import ChannelRules, MarketplaceConfig, PosTable, WebShopTables
from datasources.fields import (
    FieldError,
    as_bool,
    as_decimal,
    as_instant,
    as_int,
    as_optional_instant,
    as_optional_text,
    as_text,
    lookup,
)
from datasources.orders.rules import (
    EffectiveRules,
    check_order,
    check_payload,
    currency_value,
    effective,
)
from datasources.records import Delivery, Installation, OrderFailure, OrderLine, OrderRecord

Normalised = OrderRecord | OrderFailure
_CENT = Decimal("0.01")


def normalise(
    channel: str,
    reference: str,
    customer_id: str,
    raw: Mapping[str, Any],
    build: Callable[[EffectiveRules], OrderRecord],
    rules: ChannelRules,
) -> Normalised:
    """The order ``build`` makes under the channel's rules, or the failure it ran into."""
    applicable = effective(rules, channel, customer_id)
    try:
        check_payload(raw, applicable)
        order = build(applicable)
        check_order(order, applicable)
    except FieldError as error:
        return OrderFailure(channel, reference, customer_id, str(error), _jsonable(raw))
    return order


def web_order(
    header: Mapping[str, Any],
    items: Sequence[Mapping[str, Any]],
    fulfilments: Sequence[Mapping[str, Any]],
    tables: WebShopTables,
    rules: EffectiveRules,
) -> OrderRecord:
    """A web-shop order from its header row, line rows and fulfilment rows."""
    h, i, f = tables.order_columns, tables.item_columns, tables.fulfilment_columns
    lines = tuple(
        OrderLine(
            sku=as_optional_text(item[i.sku], i.sku),
            description=as_text(item[i.description], i.description),
            quantity=as_int(item[i.quantity], i.quantity),
            unit_price=as_decimal(item[i.unit_price], i.unit_price),
            total=as_decimal(item[i.total], i.total),
        )
        for item in items
    )
    deliveries, installations = [], []
    for row in fulfilments:
        kind = as_text(row[f.kind], f.kind)
        reference = as_text(row[f.reference], f.reference)
        status = as_text(row[f.status], f.status)
        scheduled = as_optional_instant(row[f.scheduled_for], f.scheduled_for)
        done = as_optional_instant(row[f.done_at], f.done_at)
        provider = as_optional_text(row[f.provider], f.provider)
        if kind == tables.delivery_kind:
            deliveries.append(Delivery(reference, status, scheduled, done, provider))
        elif kind == tables.installation_kind:
            installations.append(Installation(reference, status, scheduled, done, provider))
        else:
            raise FieldError(f"unknown fulfilment kind {kind!r}")
    is_quote = as_bool(header[h.is_quote], h.is_quote)
    return OrderRecord(
        number=as_text(header[h.number], h.number),
        customer_id=as_text(header[h.customer_id], h.customer_id),
        channel="web",
        kind="quote" if is_quote else "order",
        status=_status(header[h.status], tables.statuses, h.status),
        placed_at=as_instant(header[h.placed_at], h.placed_at),
        total=_money(header[h.total], h.total),
        subtotal=_money(header[h.subtotal], h.subtotal) if header[h.subtotal] is not None else None,
        currency=_currency(currency_value(header.get(h.currency), rules, h.currency), h.currency),
        lines=lines,
        deliveries=tuple(deliveries),
        installations=tuple(installations),
    )


def pos_receipt(row: Mapping[str, Any], table: PosTable, rules: EffectiveRules) -> OrderRecord:
    """A point-of-sale receipt: one row, lines in a JSON column, amounts in cents."""
    c = table.columns
    try:
        items = json.loads(as_text(row[c.items_json], c.items_json))
    except json.JSONDecodeError as error:
        raise FieldError(f"{c.items_json} is not JSON") from error
    if not isinstance(items, list):
        raise FieldError(f"{c.items_json} is not a list")
    lines = []
    for item in items:
        if not isinstance(item, Mapping):
            raise FieldError(f"{c.items_json} holds a non-object line")
        quantity = as_int(lookup(item, table.item_quantity), table.item_quantity)
        unit = _cents(lookup(item, table.item_unit_cents), table.item_unit_cents)
        lines.append(
            OrderLine(
                sku=as_optional_text(lookup(item, table.item_sku, required=False), table.item_sku),
                description=as_text(lookup(item, table.item_description), table.item_description),
                quantity=quantity,
                unit_price=unit,
                total=unit * quantity,
            )
        )
    return OrderRecord(
        number=as_text(row[c.number], c.number),
        customer_id=as_text(row[c.customer_id], c.customer_id),
        channel="pos",
        kind="order",
        status=_status(row[c.kind], table.statuses, c.kind),
        placed_at=as_instant(as_int(row[c.sold_at_epoch], c.sold_at_epoch), c.sold_at_epoch),
        total=_cents(row[c.total_cents], c.total_cents),
        currency=_currency(currency_value(row.get(c.currency), rules, c.currency), c.currency),
        lines=tuple(lines),
    )


def marketplace_order(
    payload: Mapping[str, Any], config: MarketplaceConfig, rules: EffectiveRules
) -> OrderRecord:
    """A marketplace order from its JSON payload, read through the configured dotted paths."""
    f = config.fields
    items = lookup(payload, f.items, required=False) or []
    shipments = lookup(payload, f.shipments, required=False) or []
    if not isinstance(items, list) or not isinstance(shipments, list):
        raise FieldError(f"{f.items} and {f.shipments} must be lists")
    lines = []
    for item in items:
        quantity = as_int(lookup(item, f.item_quantity), f.item_quantity)
        unit = _money(lookup(item, f.item_unit_price), f.item_unit_price)
        lines.append(
            OrderLine(
                sku=as_optional_text(lookup(item, f.item_sku, required=False), f.item_sku),
                description=as_text(lookup(item, f.item_description), f.item_description),
                quantity=quantity,
                unit_price=unit,
                total=unit * quantity,
            )
        )
    deliveries = tuple(
        Delivery(
            reference=as_text(lookup(shipment, f.shipment_reference), f.shipment_reference),
            status=as_text(lookup(shipment, f.shipment_status), f.shipment_status).lower(),
            scheduled_for=as_optional_instant(
                lookup(shipment, f.shipment_promised_for, required=False), f.shipment_promised_for
            ),
            delivered_at=as_optional_instant(
                lookup(shipment, f.shipment_delivered_at, required=False), f.shipment_delivered_at
            ),
            carrier=as_optional_text(
                lookup(shipment, f.shipment_carrier, required=False), f.shipment_carrier
            ),
        )
        for shipment in shipments
    )
    return OrderRecord(
        number=as_text(lookup(payload, f.number), f.number),
        customer_id=as_text(lookup(payload, f.customer_id), f.customer_id),
        channel="marketplace",
        kind="order",
        status=_status(lookup(payload, f.status), config.statuses, f.status),
        placed_at=as_instant(lookup(payload, f.placed_at), f.placed_at),
        total=_money(lookup(payload, f.total), f.total),
        currency=_currency(
            currency_value(lookup(payload, f.currency, required=False), rules, f.currency),
            f.currency,
        ),
        lines=tuple(lines),
        deliveries=deliveries,
    )


def _status(value: Any, statuses: Mapping[str, str], name: str) -> str:
    status = as_text(value, name)
    if status not in statuses:
        raise FieldError(f"{name} {status!r} is not in the channel's status map")
    return statuses[status]


def _currency(value: Any, name: str) -> str:
    code = as_text(value, name).upper()
    if len(code) != 3 or not code.isalpha():
        raise FieldError(f"{name} {code!r} is not an ISO 4217 code")
    return code


def _money(value: Any, name: str) -> Decimal:
    return as_decimal(value, name).quantize(_CENT)


def _cents(value: Any, name: str) -> Decimal:
    return (Decimal(as_int(value, name)) / 100).quantize(_CENT)


def _jsonable(raw: Mapping[str, Any]) -> dict[str, Any]:
    # Keep the raw payload for the dead-letter, with values JSON can carry as they are.
    result: dict[str, Any] = json.loads(json.dumps(dict(raw), default=str))
    return result
