"""Reference rows every demo starts with: branches, partners, controlled tags, default lists."""

from __future__ import annotations

from typing import Any

from demo import vocabulary as vocab
from store.enums import ChoiceList, NoteCategory, NoteType

Row = dict[str, Any]


def branches() -> list[Row]:
    """The demo branches."""
    return [{"id": id_, "name": name} for id_, name in vocab.BRANCHES]


def partners() -> list[Row]:
    """The demo partners."""
    return [{"id": id_, "name": name} for id_, name in vocab.PARTNERS]


def controlled_tags() -> list[Row]:
    """The controlled tag vocabulary."""
    return [{"tag": tag, "description": text} for tag, text in vocab.CONTROLLED_TAGS]


def choice_options() -> list[Row]:
    """The default interaction outcome and customer mood lists, admin-editable afterwards."""
    lists = ((ChoiceList.OUTCOME, vocab.OUTCOMES), (ChoiceList.MOOD, vocab.MOODS))
    return [
        {"list_name": name, "value": value, "label": label, "active": True, "position": i}
        for name, options in lists
        for i, (value, label) in enumerate(options)
    ]


def required_fields() -> list[Row]:
    """The default governance rules: what each note type must fill in."""
    return [
        {
            "note_type": NoteType(type_),
            "category": NoteCategory(category) if category else None,
            "field_name": name,
        }
        for type_, category, name in vocab.REQUIRED_FIELDS
    ]
