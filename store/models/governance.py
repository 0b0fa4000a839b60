"""Admin-managed configuration: the outcome and mood choice lists, required note fields."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, UniqueConstraint, text, true
from sqlalchemy.orm import Mapped, mapped_column

from store.enums import ChoiceList, NoteCategory, NoteType
from store.models.base import Base, EnumText, enum_check


class ChoiceOption(Base):
    """One choice of an admin-managed list (interaction outcome or customer mood)."""

    __tablename__ = "choice_options"
    __table_args__ = (enum_check("list_name", ChoiceList),)

    list_name: Mapped[ChoiceList] = mapped_column(EnumText(ChoiceList), primary_key=True)
    value: Mapped[str] = mapped_column(String(64), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    # Retired choices stay for history but are no longer offered.
    active: Mapped[bool] = mapped_column(Boolean, server_default=true(), default=True)
    position: Mapped[int] = mapped_column(Integer, server_default=text("0"), default=0)


class RequiredField(Base):
    """A field a note of this type (and category, or any when null) must fill in."""

    __tablename__ = "required_fields"
    __table_args__ = (
        enum_check("note_type", NoteType),
        enum_check("category", NoteCategory),
        UniqueConstraint("note_type", "category", "field_name"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    note_type: Mapped[NoteType] = mapped_column(EnumText(NoteType))
    category: Mapped[NoteCategory | None] = mapped_column(EnumText(NoteCategory))
    field_name: Mapped[str] = mapped_column(String(64))
