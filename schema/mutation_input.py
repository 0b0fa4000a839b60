"""One `input` per mutation, with v1's loose arguments still accepted until v2.

A v1 mutation that took loose arguments now takes `input: <Mutation>Input` as well; both are
optional in the schema (a new required argument would break v1 clients), so the rule "exactly
one of the two forms" is checked here, once for every such mutation: `input` alone, or the old
arguments (each required one present) alone. Anything else is BAD_USER_INPUT before the
resolver reads or writes anything.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from core.errors import UserInputError

I = TypeVar("I")  # noqa: E741 - the input type, as in the schema's `<Mutation>Input`


def deprecated_argument(field: str) -> str:
    """The deprecation reason of a loose v1 argument that became `input.<field>`."""
    return f"Use `input.{field}`. Removed in v2."


def one_input(
    input: I | None,
    legacy: Mapping[str, Any],
    build: Callable[[dict[str, Any]], I],
    *,
    optional: frozenset[str] = frozenset(),
) -> I:
    """The mutation's input: `input` as sent, or built by `build` from the deprecated
    arguments (`legacy`: GraphQL name → value, None when not sent; `optional` names those
    v1 did not require). Both forms, neither, or an incomplete old form is BAD_USER_INPUT."""
    sent = {name: value for name, value in legacy.items() if value is not None}
    if input is not None:
        if sent:
            raise UserInputError(
                f"send either `input` or the deprecated arguments ({', '.join(sent)}), not both",
                argument="input",
            )
        return input
    required = [name for name in legacy if name not in optional]
    if not sent:
        raise UserInputError(
            f"`input` is required (or, deprecated until v2, the arguments {', '.join(required)})",
            argument="input",
        )
    missing = [name for name in required if name not in sent]
    if missing:
        raise UserInputError(
            f"the deprecated arguments are incomplete, missing {', '.join(missing)}: "
            "send `input` instead",
            argument="input",
        )
    return build(sent)


def argument_name(input: object | None, name: str) -> str:
    """How errors name a value: `input.<name>` when `input` was sent, the v1 argument if not."""
    return name if input is None else f"input.{name}"
