"""What a failed order payload is worth, read leniently, so the dead-letter can rank by impact."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from datasources.fields import FieldError, as_decimal, as_int, as_text, lookup

_CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Appraisal:
    """The order value and currency of a payload; None for whatever cannot be read."""

    value: Decimal | None = None
    currency: str | None = None


def appraise(raw: Mapping[str, Any], total: str, currency: str, *, cents: bool) -> Appraisal:
    """Read the total (in cents or major units) and the currency at the given paths."""
    value: Decimal | None
    try:
        amount = lookup(raw, total)
        value = Decimal(as_int(amount, total)) / 100 if cents else as_decimal(amount, total)
        value = value.quantize(_CENT)
    except FieldError:
        value = None
    try:
        code: str | None = as_text(lookup(raw, currency), currency).upper()[:3]
    except FieldError:
        code = None
    return Appraisal(value, code)
