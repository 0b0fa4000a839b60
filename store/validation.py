"""Typed validation failures of native writes: each names the field, a stable code and why.

A write collects every problem it finds and raises them together as one `ValidationFailed`,
so a form can mark all its bad fields at once. Mutations turn them into `UserError`s.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from core.errors import Invalid, NotFound


class ViolationCode(StrEnum):
    """Why a value was refused."""

    INVALID = "INVALID"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    NOT_IN_LIST = "NOT_IN_LIST"
    IN_PAST = "IN_PAST"
    CONFLICT = "CONFLICT"
    NOT_FOUND = "NOT_FOUND"
    # Not a bad value: the write looks like a recent one; confirm with allowDuplicate.
    DUPLICATE_SUSPECTED = "DUPLICATE_SUSPECTED"


@dataclass(frozen=True, slots=True)
class Violation:
    """One refused value: which input field, which code, and a message for people."""

    field: str | None
    code: ViolationCode
    message: str


class ValidationFailed(Invalid):
    """One or more fields of a write were refused; nothing was written."""

    def __init__(self, violations: Iterable[Violation]) -> None:
        self.violations = tuple(violations)
        first = self.violations[0] if self.violations else None
        super().__init__(first.message if first else "invalid input", field=first and first.field)


class Unreachable(NotFound):
    """A customer or record the caller may not reach: shown as NOT_FOUND, audited as a denial."""


class Violations:
    """Collects violations while a write checks its input; `raise_if_any` ends the check."""

    def __init__(self) -> None:
        self._found: list[Violation] = []

    def add(self, field: str | None, code: ViolationCode, message: str) -> None:
        """Record one problem."""
        self._found.append(Violation(field, code, message))

    def __bool__(self) -> bool:
        return bool(self._found)

    def text(
        self, field: str, value: str | None, *, max_length: int, required: bool = True
    ) -> None:
        """Check a (sanitised) text value for presence and length."""
        if value is None or not value.strip():
            if required:
                self.add(field, ViolationCode.REQUIRED, f"`{field}` must not be empty")
            return
        if len(value) > max_length:
            self.add(
                field,
                ViolationCode.TOO_LONG,
                f"`{field}` is {len(value)} characters; the limit is {max_length}",
            )

    def aware(self, field: str, value: datetime | None) -> datetime | None:
        """The value if it carries a time zone (as UTC); a naive time is refused."""
        if value is None:
            return None
        if value.tzinfo is None:
            self.add(field, ViolationCode.INVALID, f"`{field}` must include a time zone")
            return None
        return value.astimezone(UTC)

    def raise_if_any(self) -> None:
        """Raise ValidationFailed with everything found so far."""
        if self._found:
            raise ValidationFailed(self._found)
