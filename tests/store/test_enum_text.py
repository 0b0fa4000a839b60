"""An enum column reads back the enum's own members (looked up by value), and a stored value
outside the enum fails as the enum fails on it."""

from __future__ import annotations

from typing import cast

import pytest
from sqlalchemy.engine import Dialect

from store.enums import NoteCategory, Scope
from store.models.base import EnumText

# Reading an enum column does not consult the dialect.
ANY_DIALECT = cast(Dialect, None)


@pytest.mark.parametrize("enum", [Scope, NoteCategory])
def test_every_stored_value_reads_back_as_its_member(enum: type[Scope | NoteCategory]) -> None:
    column = EnumText(enum)
    dialect = ANY_DIALECT
    for member in enum:
        assert column.process_result_value(member.value, dialect) is member
    assert column.process_result_value(None, dialect) is None


def test_a_value_outside_the_enum_is_refused() -> None:
    with pytest.raises(ValueError, match="is not a valid Scope"):
        EnumText(Scope).process_result_value("nonsense", ANY_DIALECT)
