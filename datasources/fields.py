"""Reading typed values out of upstream rows and JSON payloads, or failing with a reason.

Every coercion raises `FieldError` (a ValueError) naming the field, so one bad value becomes
a `BadUpstreamData` (or one order's intake failure) with a message an operator can act on.
Instants always come back timezone-aware in UTC; naive values are taken to be UTC, which is
what the demo upstreams and most ERPs store.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

_MISSING = object()


class FieldError(ValueError):
    """A field is missing or does not hold the type we expect."""


def lookup(payload: Mapping[str, Any], path: str, *, required: bool = True) -> Any:
    """The value at a dotted ``path`` (``"amount.value"``); None or FieldError when absent."""
    value: Any = payload
    for part in path.split("."):
        value = value.get(part, _MISSING) if isinstance(value, Mapping) else _MISSING
        if value is _MISSING:
            if required:
                raise FieldError(f"missing field {path!r}")
            return None
    if value is None and required:
        raise FieldError(f"field {path!r} is null")
    return value


def as_text(value: Any, name: str) -> str:
    """A non-empty string (numbers are accepted and formatted)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise FieldError(f"{name} is not text: {type(value).__name__}")
    text = str(value).strip()
    if not text:
        raise FieldError(f"{name} is empty")
    return text


def as_optional_text(value: Any, name: str) -> str | None:
    """A string, or None for null and empty."""
    if value is None or value == "":
        return None
    return as_text(value, name)


def as_decimal(value: Any, name: str) -> Decimal:
    """A finite decimal from a number or numeric string (floats via their repr)."""
    if isinstance(value, bool):
        raise FieldError(f"{name} is not a number: bool")
    try:
        number = Decimal(str(value)) if isinstance(value, int | float | str) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError) as error:
        raise FieldError(f"{name} is not a number: {value!r:.40}") from error
    if not number.is_finite():
        raise FieldError(f"{name} is not finite")
    return number


def as_int(value: Any, name: str) -> int:
    """An integer from an int or an integral numeric string."""
    number = as_decimal(value, name)
    if number != number.to_integral_value():
        raise FieldError(f"{name} is not a whole number: {value!r:.40}")
    return int(number)


def as_bool(value: Any, name: str) -> bool:
    """A flag stored as bool, 0/1 or a yes/no string."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "y", "t"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("0", "false", "no", "n", "f", ""):
        return False
    raise FieldError(f"{name} is not a flag: {value!r:.40}")


def as_instant(value: Any, name: str) -> datetime:
    """An aware UTC datetime from a datetime, date, ISO-8601 string or epoch seconds."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time(), tzinfo=UTC)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        moment = datetime.fromtimestamp(value, UTC)
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError as error:
            raise FieldError(f"{name} is not a timestamp: {value!r:.40}") from error
    else:
        raise FieldError(f"{name} is not a timestamp: {type(value).__name__}")
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def as_optional_instant(value: Any, name: str) -> datetime | None:
    """An aware UTC datetime, or None for null and empty."""
    if value is None or value == "":
        return None
    return as_instant(value, name)
