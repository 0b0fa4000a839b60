"""Object identity: the `Node` interface, global ids, and reading ids from arguments.

A global id is strawberry's relay `GlobalID`: base64 of `TypeName:key`. The key is the
object's raw key (its store id), or, for records of the upstream systems, a composite key
built with `compose_key` from the parts that make the record unique (the customer id first:
an upstream reference is only unique per customer). A type joins by subclassing `Node` and
annotating its raw-key attribute `NodeID[str]` (docs/architecture.md, "Add a Node type").

An argument that names an object reads its value with `parse_id`: the object's global id,
or (v1 compatibility, to be removed in v2) its raw key; a global id of another type is a
BAD_USER_INPUT error naming the argument.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote, unquote

import strawberry
from strawberry import relay
from strawberry.relay import Node as Node
from strawberry.relay import NodeID as NodeID

from core.errors import UserInputError

# The type part of a global id: a GraphQL type name as the gateway names its types.
_TYPE_NAME = re.compile(r"[A-Z][A-Za-z0-9]{0,63}")
_SEPARATOR = ":"


class InvalidId(UserInputError):
    """An id argument that is not an id of the type the argument takes."""


def compose_key(*parts: str) -> str:
    """One key from several parts (each escaped, so a part may itself contain `:`)."""
    return _SEPARATOR.join(quote(part, safe="") for part in parts)


def split_key(key: str, count: int) -> tuple[str, ...] | None:
    """The `count` parts of a composite key, or None when it has another shape."""
    parts = key.split(_SEPARATOR)
    if len(parts) != count:
        return None
    return tuple(unquote(part) for part in parts)


def global_id(type_name: str, key: str) -> str:
    """The global id of the object of `type_name` with raw key `key`."""
    return str(relay.GlobalID(type_name=type_name, node_id=key))


def decode_global_id(value: str) -> tuple[str, str] | None:
    """(type name, key) of a global id, or None when `value` is not one."""
    try:
        decoded = base64.b64decode(value.encode("ascii"), validate=True).decode("utf-8")
    except (ValueError, UnicodeError, binascii.Error):
        return None
    type_name, separator, key = decoded.partition(_SEPARATOR)
    if not separator or not key or not _TYPE_NAME.fullmatch(type_name):
        return None
    return type_name, key


# The types whose global ids name a customer (a CustomerRef is the same customer, named).
CUSTOMER = ("Customer360", "CustomerRef")
# Agents join the Node types later; their raw ids pass through `parse_id` unchanged until then.
AGENT = ("Agent",)


def parse_id(value: str, type_name: str | tuple[str, ...], argument: str) -> str:
    """The raw key an id argument names: a global id of `type_name`, or a raw key (deprecated)."""
    accepted = (type_name,) if isinstance(type_name, str) else type_name
    decoded = decode_global_id(str(value))
    if decoded is None:
        return str(value)  # a raw key: accepted in v1, removed in v2
    found, key = decoded
    if found not in accepted:
        raise InvalidId(
            f"{argument}: expected the id of a {accepted[0]}, got the id of a {found}",
            argument=argument,
            expected=accepted[0],
        )
    return key


def parse_optional_id(
    value: str | None, type_name: str | tuple[str, ...], argument: str
) -> str | None:
    """`parse_id` for an optional argument."""
    return None if value is None else parse_id(value, type_name, argument)


def parse_ids(values: Sequence[str], type_name: str | tuple[str, ...], argument: str) -> list[str]:
    """`parse_id` for each value of a list argument."""
    return [parse_id(value, type_name, argument) for value in values]


def raw_key(what: str) -> Any:
    """The `<type>Id` field that shows an object's raw key beside its global `id`."""

    def resolve(root: Any) -> strawberry.ID:
        return strawberry.ID(str(root.id))

    return strawberry.field(
        resolver=resolve,
        description=f"The {what}'s raw key, as v1 showed it in `id`; arguments take the "
        "global `id` (the raw key is still accepted there until v2).",
    )


# A note's `refKind` and the Node type whose global id its `refId` may be.
REF_TYPES = {"ticket": "Ticket", "order": "Order", "invoice": "Invoice"}


def parse_ref_id(kind: str | None, value: str | None, argument: str) -> str | None:
    """The upstream id a note's `refId` names: the record's global id, or its own id."""
    if value is None or decode_global_id(value) is None:
        return value
    key = parse_id(value, REF_TYPES.get(kind or "", "Ticket"), argument)
    parts = split_key(key, 2)  # (customer id, the upstream record's own id)
    if parts is None:
        raise InvalidId(f"{argument}: not the id of a {kind}", argument=argument)
    return parts[1]
