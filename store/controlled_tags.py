"""The controlled tag vocabulary: read it, add or redescribe a tag, retire one.

Administered like the choice lists (`store.choices`): the same `lists, admin` policy, one audit
row per change. Retiring keeps the row and only stops offering the tag; notes that carry it keep
it, since a note's tags are its own text.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import NotFound, PolicyDenied
from policies.decisions import can_admin_lists
from store import audit
from store.models import ControlledTag
from store.notes import MAX_TAG
from store.sanitise import normalise_tag, sanitise_line
from store.validation import ViolationCode, Violations
from store.write_context import WriteContext

MAX_DESCRIPTION = 300


async def controlled_tags(
    session: AsyncSession, *, include_retired: bool = False
) -> list[ControlledTag]:
    """The tags offered (and the retired ones, if asked), alphabetically."""
    statement = select(ControlledTag)
    if not include_retired:
        statement = statement.where(ControlledTag.active.is_(True))
    return list(await session.scalars(statement.order_by(ControlledTag.tag)))


def _target(tag: str) -> audit.Target:
    return audit.Target("controlled_tag", tag)


async def save_controlled_tag(
    session: AsyncSession, ctx: WriteContext, tag: str, description: str | None
) -> ControlledTag:
    """Add a tag, or redescribe and re-offer an existing one; audited."""
    if not can_admin_lists(ctx.view):
        raise PolicyDenied("the caller may not administer the controlled tags")
    problems = Violations()
    tag = normalise_tag(tag)
    if not tag:
        problems.add("tag", ViolationCode.REQUIRED, "a tag must not be empty")
    elif len(tag) > MAX_TAG:
        problems.add("tag", ViolationCode.TOO_LONG, f"a tag is at most {MAX_TAG} characters")
    text = sanitise_line(description).strip() if description is not None else ""
    if len(text) > MAX_DESCRIPTION:
        problems.add(
            "description",
            ViolationCode.TOO_LONG,
            f"a description is at most {MAX_DESCRIPTION} characters",
        )
    problems.raise_if_any()
    row = await session.get(ControlledTag, tag, populate_existing=True)
    before = None
    if row is None:
        row = ControlledTag(tag=tag, description=text or None, active=True)
        session.add(row)
    else:
        before = {"description": row.description, "active": row.active}
        row.description, row.active = text or None, True
    await session.flush()
    after = {"description": row.description, "active": True}
    await audit.append(
        session, ctx, "controlled_tag.save", _target(tag), before=before, after=after
    )
    return row


async def retire_controlled_tag(
    session: AsyncSession, ctx: WriteContext, tag: str
) -> ControlledTag:
    """Stop offering a tag; notes that carry it keep it. Audited (a second retire is a no-op)."""
    if not can_admin_lists(ctx.view):
        raise PolicyDenied("the caller may not administer the controlled tags")
    row = await session.get(ControlledTag, normalise_tag(tag), populate_existing=True)
    if row is None:
        raise NotFound(f"no controlled tag {tag!r}", field="tag")
    if row.active:
        row.active = False
        await session.flush()
        await audit.append(
            session,
            ctx,
            "controlled_tag.retire",
            _target(row.tag),
            before={"active": True},
            after={"active": False},
        )
    return row
