"""Running a mutation: one transaction, typed user errors, and audited denials.

Validation problems come back as `Violation`s for the payload's `errors`; policy denials stay
GraphQL errors (FORBIDDEN) and, like a write to something the caller cannot reach, are
appended to the audit log in their own transaction because the write itself is rolled back.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import Conflict, NotFound, PolicyDenied, UserInputError
from resolvers.context import Info
from resolvers.guards import require_authenticated
from store.agent_directory import check_actor
from store.audit import Target, append_denial
from store.validation import Unreachable, ValidationFailed, Violation, ViolationCode
from store.write_context import WriteContext, transaction

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """What a mutation resolver returns: the record, or the reasons it was not written."""

    value: T | None = None
    errors: list[Violation] = field(default_factory=list)


def write_context(info: Info) -> WriteContext:
    """The actor and request id of this request's writes."""
    return WriteContext(
        view=info.context.policy,
        request_id=info.context.request_id or None,
        compile_view=info.context.policy_engine.compile,
    )


def violations_of(error: UserInputError) -> list[Violation]:
    """The typed user errors a store exception stands for."""
    if isinstance(error, ValidationFailed):
        return list(error.violations)
    code = ViolationCode.INVALID
    if isinstance(error, NotFound):
        code = ViolationCode.NOT_FOUND
    elif isinstance(error, Conflict):
        code = ViolationCode.CONFLICT
    field_name = error.extensions.get("field")
    return [Violation(str(field_name) if field_name else None, code, error.message)]


async def perform(
    info: Info,
    action: str,
    target: Target,
    work: Callable[[AsyncSession, WriteContext], Awaitable[T]],
) -> Outcome[T]:
    """Run `work` in one transaction; user errors become `Outcome.errors`, denials are audited.

    The actor is checked first, in the same transaction: staff must be an active agent of the
    directory (provisioned here when just-in-time agents are on), so an unknown agent is a
    NOT_FOUND naming it and a deactivated one FORBIDDEN, before anything is written.
    """
    require_authenticated(info)
    ctx = write_context(info)
    try:
        async with transaction(info.context.sessions) as session:
            await check_actor(session, ctx, provision=info.context.settings.agents_jit_enabled)
            return Outcome(await work(session, ctx))
    except PolicyDenied as denied:
        await append_denial(info.context.sessions, ctx, action, target, denied.message)
        raise
    except Unreachable as hidden:
        await append_denial(info.context.sessions, ctx, action, target, hidden.message)
        return Outcome(errors=violations_of(hidden))
    except UserInputError as error:
        return Outcome(errors=violations_of(error))
    except IntegrityError:
        # A concurrent write got there first (a duplicate key, a reference deleted meanwhile).
        message = "the write conflicts with a concurrent change; reload and retry"
        return Outcome(errors=[Violation(None, ViolationCode.CONFLICT, message)])


async def agent_problems(info: Info) -> list[Violation]:
    """`perform`'s actor check alone, for a mutation that reads or checks much before it writes:
    the NOT_FOUND of an unknown agent (FORBIDDEN for a deactivated one is raised)."""

    async def nothing(session: AsyncSession, ctx: WriteContext) -> None:
        return None

    return (await perform(info, "agent.check", Target("agent"), nothing)).errors


async def deny(info: Info, action: str, target: Target, message: str) -> PolicyDenied:
    """Audit a denied read or action and return the FORBIDDEN error to raise."""
    await append_denial(info.context.sessions, write_context(info), action, target, message)
    return PolicyDenied(message)
