"""Typed user errors carried by every mutation payload (validation, not authorization)."""

from __future__ import annotations

from typing import Self

import strawberry

from store.validation import Violation, ViolationCode

strawberry.enum(ViolationCode, name="UserErrorCode", description="Why an input was refused.")


@strawberry.type(description="A refused input: which field, a stable code, and a message.")
class UserError:
    field: str | None = strawberry.field(
        description="The input field (dotted for nested inputs), or null for the whole input."
    )
    code: ViolationCode
    message: str

    @classmethod
    def from_record(cls, violation: Violation) -> Self:
        """Build from a store violation."""
        return cls(field=violation.field, code=violation.code, message=violation.message)

    @classmethod
    def from_records(cls, violations: list[Violation]) -> list[Self]:
        """Build a list from store violations."""
        return [cls.from_record(violation) for violation in violations]
