"""Field-level access: a field of a hidden group resolves to null with a FORBIDDEN error.

The decision reads the request's precomputed PolicyView — no policy call per field per
object — so the cost is one set lookup.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from strawberry.extensions import FieldExtension

from core.errors import PolicyDenied
from policies.vocabulary import FieldGroup
from resolvers.access_audit import group_shown
from resolvers.context import Info
from store.audit import Target


def _id_of(source: Any) -> str | None:
    value = getattr(source, "id", None)
    return None if value is None else str(value)


class RequiresFieldGroup(FieldExtension):
    """Resolve the field only if the caller sees `group`; otherwise null + FORBIDDEN."""

    def __init__(self, group: FieldGroup) -> None:
        self.group = group

    def _check(self, source: Any, info: Info) -> None:
        if not info.context.policy.sees(self.group):
            info.context.denials.add(
                f"read:{self.group.value}",
                Target(type="Customer", id=_id_of(source), customer_id=_id_of(source)),
                "field group hidden by policy",
            )
            raise PolicyDenied(
                f"the caller's role may not see {self.group.value} fields", group=self.group.value
            )

    def _shown(self, value: Any, source: Any, info: Info) -> Any:
        # Recorded once the value is in hand: a field that failed or is null showed nothing.
        if value is not None:
            group_shown(info, _id_of(source), self.group)
        return value

    def resolve(self, next_: Callable[..., Any], source: Any, info: Info, **kwargs: Any) -> Any:
        self._check(source, info)
        return self._shown(next_(source, info, **kwargs), source, info)

    async def resolve_async(
        self, next_: Callable[..., Awaitable[Any]], source: Any, info: Info, **kwargs: Any
    ) -> Any:
        self._check(source, info)
        return self._shown(await next_(source, info, **kwargs), source, info)
