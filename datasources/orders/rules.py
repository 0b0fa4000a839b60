"""Intake rules: what a channel (and an account on it) accepts, checked during normalisation.

The rules are configuration (`ChannelRules` on each channel's config), so the marketplace
that never sends phone numbers is not held to the web shop's required fields, and a B2B
account invoiced in euros passes a channel that otherwise takes pounds only. A broken rule
raises `RuleViolation` (a `FieldError`), which `normalise` turns into an intake failure whose
reason names the channel, the rule and the offending value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from datasources.config import AccountRules, ChannelRules
from datasources.fields import FieldError, as_text, lookup
from datasources.records import OrderRecord


class RuleViolation(FieldError):
    """An order that reads fine but breaks one of its channel's (or account's) rules."""


@dataclass(frozen=True, slots=True)
class EffectiveRules:
    """The rules that apply to one account on one channel, overrides already merged."""

    channel: str
    account: str
    required_fields: tuple[str, ...]
    currencies: frozenset[str]
    default_currency: str | None
    min_total: Decimal | None
    max_total: Decimal | None
    require_lines: bool


def effective(rules: ChannelRules, channel: str, account: str) -> EffectiveRules:
    """The channel's rules for ``account``, with that account's overrides applied."""
    merged = {name: getattr(rules, name) for name in AccountRules.model_fields}
    override = rules.accounts.get(account)
    if override is not None:
        merged |= override.model_dump(exclude_none=True)
    default = merged["default_currency"]
    return EffectiveRules(
        channel=channel,
        account=account,
        required_fields=tuple(merged["required_fields"]),
        currencies=frozenset(code.upper() for code in merged["currencies"]),
        default_currency=default.upper() if default else None,
        min_total=merged["min_total"],
        max_total=merged["max_total"],
        require_lines=merged["require_lines"],
    )


def check_payload(raw: Mapping[str, Any], rules: EffectiveRules) -> None:
    """Refuse a raw payload that lacks a field its channel requires."""
    for path in rules.required_fields:
        value = lookup(raw, path, required=False)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise RuleViolation(f"required field {path!r} is missing ({_where(rules)} requires it)")


def currency_value(value: Any, rules: EffectiveRules, name: str) -> Any:
    """The payload's currency, or the channel's default when the payload carries none."""
    if value is None or value == "":
        if rules.default_currency is None:
            raise FieldError(
                f"missing field {name!r} and {_where(rules)} has no default currency"
                f" (set default_currency in the channel's rules, or in"
                f' rules.accounts."{rules.account or "<account>"}" for this account alone)'
            )
        return rules.default_currency
    return value


def check_order(order: OrderRecord, rules: EffectiveRules) -> None:
    """Refuse a normalised order that breaks a currency, total or lines rule."""
    if rules.currencies and order.currency not in rules.currencies:
        allowed = ", ".join(sorted(rules.currencies))
        raise RuleViolation(
            f"currency {order.currency!r} is not accepted by {_where(rules)} (allowed: {allowed})"
        )
    if rules.min_total is not None and order.total < rules.min_total:
        raise RuleViolation(
            f"total {order.total} is below the minimum {rules.min_total} of {_where(rules)}"
        )
    if rules.max_total is not None and order.total > rules.max_total:
        raise RuleViolation(
            f"total {order.total} is above the maximum {rules.max_total} of {_where(rules)}"
        )
    if rules.require_lines and not order.lines:
        raise RuleViolation(f"order has no lines ({_where(rules)} requires at least one)")


def account_of(raw: Mapping[str, Any], path: str) -> str:
    """The account (customer id) a raw payload belongs to, or "" when it names none."""
    value = lookup(raw, path, required=False)
    try:
        return as_text(value, path) if value is not None else ""
    except FieldError:
        return ""


def _where(rules: EffectiveRules) -> str:
    channel = f"channel {rules.channel!r}"
    return f"{channel} for account {rules.account!r}" if rules.account else channel
