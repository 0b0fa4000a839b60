"""Adding and removing a list of customer tags in one write (tagCustomer, untagCustomer)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession

from resolvers.context import Info
from resolvers.writes import Outcome, perform
from store import customer_tags
from store.audit import Target
from store.models import CustomerTag
from store.sanitise import normalise_tag
from store.validation import Violation, ViolationCode
from store.write_context import WriteContext


async def resolve_retag_customer(
    info: Info,
    customer_id: str,
    *,
    add: Sequence[str] = (),
    remove: Sequence[str] = (),
    field: str = "tags",
) -> Outcome[list[CustomerTag]]:
    """Add `add` and remove `remove` (each tag normalised) in one transaction: all or none.

    `field` names the tags in user errors (`tags` in the input, `tag` for the v1 argument).
    """
    adding, removing = _distinct(add), _distinct(remove)
    if not adding and not removing:
        return Outcome(errors=[Violation(field, ViolationCode.REQUIRED, "name at least one tag")])
    action = "customer.tag" if adding else "customer.untag"

    async def work(session: AsyncSession, ctx: WriteContext) -> list[CustomerTag]:
        tags: list[CustomerTag] = []
        for tag in adding:
            tags = await customer_tags.tag_customer(session, ctx, customer_id, tag)
        for tag in removing:
            tags = await customer_tags.untag_customer(session, ctx, customer_id, tag)
        return tags

    outcome = await perform(info, action, Target("customer", customer_id, customer_id), work)
    return replace(outcome, errors=[_named(error, field) for error in outcome.errors])


def _distinct(tags: Sequence[str]) -> list[str]:
    # "VIP" and " vip" are one tag: removing it twice would be a NOT_FOUND for the second.
    return list({normalise_tag(tag): tag for tag in tags}.values())


def _named(error: Violation, field: str) -> Violation:
    return replace(error, field=field) if error.field == "tag" else error
