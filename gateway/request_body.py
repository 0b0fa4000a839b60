"""The JSON of a GraphQL request: an object, or a 400 with a JSON error, never a 500.

Strawberry decodes with `json.loads` and catches only `JSONDecodeError`: invalid UTF-8
(UnicodeDecodeError), nesting past the interpreter's stack (RecursionError) and bodies that
are JSON but not an object (`null`, `1`, `"x"`) reached its code as 500s.
"""

from __future__ import annotations

import json

from cross_web import HTTPException
from starlette.responses import JSONResponse

MAX_JSON_NESTING = 64
"""Lists and objects nested in a request body; GraphQL variables never need more."""

_CODES = {400: "BAD_REQUEST", 405: "METHOD_NOT_ALLOWED", 413: "PAYLOAD_TOO_LARGE"}


def decode_request_json(data: str | bytes) -> dict[str, object]:
    """The request's JSON object; anything else raises a 400 `HTTPException`."""
    try:
        value = json.loads(data)
    except RecursionError as error:
        raise _refused(f"the JSON nests more than {MAX_JSON_NESTING} levels deep") from error
    except UnicodeDecodeError as error:
        raise _refused("the request body is not valid UTF-8") from error
    except ValueError as error:
        raise _refused("Unable to parse request body as JSON") from error
    if not isinstance(value, dict):
        raise _refused(f"the request must be a JSON object with a `query`, not {_json_kind(value)}")
    if _nesting(value) > MAX_JSON_NESTING:
        raise _refused(f"the JSON nests more than {MAX_JSON_NESTING} levels deep")
    return value


def bad_request(status_code: int, reason: str) -> JSONResponse:
    """A refused request as a GraphQL-shaped JSON error."""
    code = _CODES.get(status_code, "BAD_REQUEST")
    return JSONResponse(
        {"errors": [{"message": reason, "extensions": {"code": code}}]}, status_code=status_code
    )


def _refused(reason: str) -> HTTPException:
    return HTTPException(400, reason)


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    return "a number"


def _nesting(value: object) -> int:
    """How deeply lists and objects nest (iterative: the value may be deep)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in item)
    return deepest
