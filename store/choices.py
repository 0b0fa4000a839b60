"""The admin-managed outcome and mood lists: add or relabel a choice, retire one, read them.

Retiring keeps the row, so interactions logged with a retired value still read correctly;
only active choices are accepted for new interactions.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import NotFound, PolicyDenied
from policies.decisions import can_admin_lists
from store import audit
from store.enums import ChoiceList
from store.models import ChoiceOption
from store.sanitise import sanitise_line, strip_controls
from store.validation import ViolationCode, Violations
from store.write_context import WriteContext

MAX_VALUE = 64
MAX_LABEL = 200
_VALUE = re.compile(r"^[a-z0-9][a-z0-9_]*$")


async def choices(
    session: AsyncSession, list_name: ChoiceList, *, include_retired: bool = False
) -> list[ChoiceOption]:
    """A list's choices in display order."""
    statement = select(ChoiceOption).where(ChoiceOption.list_name == list_name)
    if not include_retired:
        statement = statement.where(ChoiceOption.active.is_(True))
    rows = await session.scalars(statement.order_by(ChoiceOption.position, ChoiceOption.value))
    return list(rows)


async def is_active_choice(session: AsyncSession, list_name: ChoiceList, value: str) -> bool:
    """True if `value` is a current choice of the list."""
    found = await session.scalar(
        select(ChoiceOption.value).where(
            ChoiceOption.list_name == list_name,
            ChoiceOption.value == value,
            ChoiceOption.active.is_(True),
        )
    )
    return found is not None


def normalise_value(value: str) -> str:
    """A choice value as stored: trimmed, lower-case, spaces and dashes as underscores."""
    return re.sub(r"[\s\-]+", "_", strip_controls(value).strip().lower())


async def save_choice(
    session: AsyncSession, ctx: WriteContext, list_name: ChoiceList, value: str, label: str
) -> ChoiceOption:
    """Add a choice, or relabel and reactivate an existing one; audited."""
    if not can_admin_lists(ctx.view):
        raise PolicyDenied("the caller may not administer choice lists")
    problems = Violations()
    value, label = normalise_value(value), sanitise_line(label)
    problems.text("value", value, max_length=MAX_VALUE)
    if value and not _VALUE.match(value):
        problems.add("value", ViolationCode.INVALID, "a value is letters, digits and underscores")
    problems.text("label", label, max_length=MAX_LABEL)
    problems.raise_if_any()
    option = await session.get(ChoiceOption, (list_name, value))
    before = None
    if option is None:
        last = await session.scalar(
            select(func.max(ChoiceOption.position)).where(ChoiceOption.list_name == list_name)
        )
        option = ChoiceOption(
            list_name=list_name, value=value, label=label, active=True, position=(last or 0) + 1
        )
        session.add(option)
    else:
        before = {"label": option.label, "active": option.active}
        option.label, option.active = label, True
    await session.flush()
    await audit.append(
        session,
        ctx,
        "choice.save",
        audit.Target("choice", f"{list_name.value}/{value}"),
        before=before,
        after={"label": label, "active": True},
    )
    return option


async def retire_choice(
    session: AsyncSession, ctx: WriteContext, list_name: ChoiceList, value: str
) -> ChoiceOption:
    """Stop offering a choice; history that uses it stays valid."""
    if not can_admin_lists(ctx.view):
        raise PolicyDenied("the caller may not administer choice lists")
    option = await session.get(ChoiceOption, (list_name, normalise_value(value)))
    if option is None:
        raise NotFound(f"{list_name.value} list has no choice {value!r}", field="value")
    if option.active:
        option.active = False
        await session.flush()
        await audit.append(
            session,
            ctx,
            "choice.retire",
            audit.Target("choice", f"{list_name.value}/{option.value}"),
            before={"active": True},
            after={"active": False},
        )
    return option
