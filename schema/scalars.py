"""The DateTime and Date scalars: one reading of dates for every argument, input and answer.

A dashboard builder types `from: "2026-01-01"`; strawberry's own DateTime turned that into a
naive datetime that the store could not compare with its aware columns (a 500 in every report).
Here a date alone is midnight UTC and a date-time without an offset is UTC, so every
DateTime in the schema (`SCALAR_OVERRIDES` replaces the built-in one) means the same instant.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.types.scalar import ScalarDefinition

MAX_DATETIME_LENGTH = 64
DESCRIPTION = (
    "An instant, ISO 8601: `2026-01-01T09:30:00+02:00`. A date alone (`2026-01-01`) is "
    "midnight UTC, and a date-time without an offset (`2026-01-01T09:30:00`) is read as UTC."
)


def parse_datetime(value: object) -> datetime:
    """An aware datetime from an ISO 8601 date or date-time; naive values are UTC."""
    if isinstance(value, datetime):
        parsed = value
    else:
        if not isinstance(value, str) or not 0 < len(value) <= MAX_DATETIME_LENGTH:
            raise _refused(value)
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            raise _refused(value) from None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed


def serialize_datetime(value: object) -> str:
    """ISO 8601 text, as the built-in scalar wrote it."""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _refused(value: object) -> StrawberryInputCoercionError:
    shown = repr(value)[:40] if isinstance(value, str) else type(value).__name__
    return StrawberryInputCoercionError(
        f"DateTime cannot represent {shown}: send an ISO 8601 date (2026-01-01, read as "
        "midnight UTC) or date-time (2026-01-01T09:30:00Z)",
        extensions={"code": "BAD_USER_INPUT"},
    )


DateTimeScalar = ScalarDefinition(
    name="DateTime",
    description=DESCRIPTION,
    specified_by_url=None,
    serialize=serialize_datetime,
    parse_value=parse_datetime,
    parse_literal=None,
    origin=datetime,
)

DATE_DESCRIPTION = (
    "A calendar day, ISO 8601 `YYYY-MM-DD` (per-day report rows: the UTC day). An instant is a "
    "`DateTime`."
)


def parse_date(value: object) -> date:
    """A date from `YYYY-MM-DD`; anything else is BAD_USER_INPUT."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and len(value) == len("2026-01-01"):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    shown = repr(value)[:40] if isinstance(value, str) else type(value).__name__
    raise StrawberryInputCoercionError(
        f"Date cannot represent {shown}: send an ISO 8601 day (2026-01-01)",
        extensions={"code": "BAD_USER_INPUT"},
    )


DateScalar = ScalarDefinition(
    name="Date",
    description=DATE_DESCRIPTION,
    specified_by_url=None,
    serialize=serialize_datetime,
    parse_value=parse_date,
    parse_literal=None,
    origin=date,
)

SCALAR_OVERRIDES: dict[object, ScalarDefinition] = {datetime: DateTimeScalar, date: DateScalar}
