"""Declarative base, constraint naming convention and the column types every model shares."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import JSON, CheckConstraint, DateTime, Dialect, MetaData, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator, TypeEngine

# Stable names let Alembic migrations drop and alter constraints by name on both backends.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ENUM_LENGTH = 32
"""Width of every enum column; generous so adding a value never needs a type change."""


class Base(DeclarativeBase):
    """Base of every native-store model; its metadata is Alembic's target."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    """The current time as an aware UTC datetime."""
    return datetime.now(UTC)


def new_id() -> str:
    """A fresh random UUID as text, the id form of notes and other native records."""
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware timestamp that always round-trips as aware UTC.

    SQLite has no time zones and hands back naive values; PostgreSQL hands back the session's
    zone. Both come back as UTC here, and naive values are refused on the way in because their
    zone is a guess.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} given; the store keeps aware UTC only")
        value = value.astimezone(UTC)
        # SQLite compares timestamps as text, so one fixed offset keeps ordering correct.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


E = TypeVar("E", bound=StrEnum)


class EnumText(TypeDecorator[E]):
    """A StrEnum stored as its value in a text column; pair it with `enum_check`."""

    impl = String(ENUM_LENGTH)
    cache_ok = True

    def __init__(self, enum: type[E]) -> None:
        super().__init__()
        self.enum = enum
        # Read back by value through a dict: calling the enum class per column value (its
        # metaclass __call__) cost ~2 % of a notes page's CPU (eight enum columns per note).
        self._members: dict[str, E] = {member.value: member for member in enum}

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        # Unknown strings pass through on purpose: the CHECK constraint is the one gate.
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> E | None:
        if value is None:
            return None
        member = self._members.get(value)
        # A value outside the enum fails as the enum itself fails on it.
        return member if member is not None else self.enum(value)


def enum_check(column: str, enum: type[StrEnum]) -> CheckConstraint:
    """A CHECK constraint (named after the column) admitting only the enum's values."""
    values = ", ".join(f"'{member.value}'" for member in enum)
    return CheckConstraint(f"{column} IN ({values})", name=column)


def json_type() -> TypeEngine[Any]:
    """JSON everywhere, stored as JSONB on PostgreSQL so it can be indexed and compared."""
    return JSON().with_variant(JSONB(), "postgresql")
