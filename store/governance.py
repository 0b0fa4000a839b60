"""Governance: the fields admins require per note type and category, and their enforcement.

A rule with no category applies to every category of its type. Rules are read in the write's
own transaction, so a note is checked against the rules current when it is saved.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from enum import StrEnum

from sqlalchemy import delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import PolicyDenied
from policies.decisions import can_admin_lists
from store import audit
from store.enums import NoteCategory, NoteType
from store.models import RequiredField
from store.validation import ViolationCode, Violations
from store.write_context import WriteContext


class NoteField(StrEnum):
    """Optional note fields a governance rule can make mandatory."""

    TAGS = "tags"
    FOLLOW_UP = "follow_up"
    REF_ID = "ref_id"
    IMPORTANCE = "importance"


# Input names of the fields, as a client sees them in the error.
INPUT_NAMES = {
    NoteField.TAGS: "tags",
    NoteField.FOLLOW_UP: "followUp",
    NoteField.REF_ID: "refId",
    NoteField.IMPORTANCE: "importance",
}


async def required_fields(
    session: AsyncSession, note_type: NoteType, category: NoteCategory
) -> set[NoteField]:
    """The fields a new note of this type and category must fill in."""
    rows = await session.scalars(
        select(RequiredField.field_name).where(
            RequiredField.note_type == note_type,
            or_(RequiredField.category.is_(None), RequiredField.category == category),
        )
    )
    # Rules naming a field this version does not know are ignored rather than blocking writes.
    return {NoteField(name) for name in rows if name in NoteField.__members__.values()}


def present_fields(
    *, tags: bool, follow_up: bool, ref_id: bool, importance: bool
) -> set[NoteField]:
    """Which of the governed fields a note (or a draft) fills in."""
    given = {
        NoteField.TAGS: tags,
        NoteField.FOLLOW_UP: follow_up,
        NoteField.REF_ID: ref_id,
        NoteField.IMPORTANCE: importance,
    }
    return {name for name, filled in given.items() if filled}


async def check_required(
    session: AsyncSession,
    note_type: NoteType,
    category: NoteCategory,
    present: Collection[NoteField],
    problems: Violations,
) -> None:
    """Add a REQUIRED violation, naming the field, for each required field left empty."""
    for name in sorted(await required_fields(session, note_type, category) - set(present)):
        problems.add(
            INPUT_NAMES[name],
            ViolationCode.REQUIRED,
            f"{note_type.value} notes ({category.value}) require `{INPUT_NAMES[name]}`",
        )


async def list_rules(session: AsyncSession) -> list[RequiredField]:
    """Every governance rule, by type, category and field."""
    rows = await session.scalars(
        select(RequiredField).order_by(
            RequiredField.note_type, RequiredField.category, RequiredField.field_name
        )
    )
    return list(rows)


async def set_required_fields(
    session: AsyncSession,
    ctx: WriteContext,
    note_type: NoteType,
    category: NoteCategory | None,
    fields: Sequence[NoteField],
) -> list[RequiredField]:
    """Replace the required fields of one (type, category) rule set; audited."""
    if not can_admin_lists(ctx.view):
        raise PolicyDenied("the caller may not administer governance rules")
    match_category = (
        RequiredField.category.is_(None) if category is None else RequiredField.category == category
    )
    scope = (RequiredField.note_type == note_type, match_category)
    before = sorted(await session.scalars(select(RequiredField.field_name).where(*scope)))
    await session.execute(delete(RequiredField).where(*scope))
    wanted = sorted(set(fields))
    session.add_all(
        RequiredField(note_type=note_type, category=category, field_name=name.value)
        for name in wanted
    )
    await session.flush()
    await audit.append(
        session,
        ctx,
        "governance.set_required_fields",
        audit.Target("required_fields", f"{note_type.value}/{category.value if category else '*'}"),
        before={"fields": before},
        after={"fields": [name.value for name in wanted]},
    )
    return await list_rules(session)
