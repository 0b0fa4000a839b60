"""The JSON of a GraphQL request and the media type of its answer (GraphQL over HTTP).

The request: an object, or a 400 with a JSON error, never a 500. Strawberry decodes with
`json.loads` and catches only `JSONDecodeError`: invalid UTF-8 (UnicodeDecodeError), nesting
past the interpreter's stack (RecursionError) and bodies that are JSON but not an object
(`null`, `1`, `"x"`) reached its code as 500s.

The answer: `application/graphql-response+json` when the `Accept` header prefers it, else the
legacy `application/json` (also for no `Accept`, `*/*` and `application/*`); neither allowed
is a 406.
"""

from __future__ import annotations

import json

from cross_web import HTTPException
from starlette.responses import JSONResponse

MAX_JSON_NESTING = 64
"""Lists and objects nested in a request body; GraphQL variables never need more."""

_CODES = {
    400: "BAD_REQUEST",
    405: "METHOD_NOT_ALLOWED",
    406: "NOT_ACCEPTABLE",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
}

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
_CONTENT_TYPES = {JSON: JSON, GRAPHQL_RESPONSE: f"{GRAPHQL_RESPONSE}; charset=utf-8"}
"""The Content-Type of each; the legacy one stays exactly as clients have always seen it."""


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


def bad_request(
    status_code: int, reason: str, media_type: str = JSON, headers: dict[str, str] | None = None
) -> JSONResponse:
    """A refused request as a GraphQL-shaped JSON error (no `data`: nothing was executed)."""
    code = _CODES.get(status_code, "BAD_REQUEST")
    response = JSONResponse(
        {"errors": [{"message": reason, "extensions": {"code": code}}]},
        status_code=status_code,
        headers=headers,
    )
    response.headers["content-type"] = content_type(media_type)
    return response


def content_type(media_type: str) -> str:
    """The Content-Type header for a response in `media_type` (JSON or GRAPHQL_RESPONSE)."""
    return _CONTENT_TYPES[media_type]


def response_media_type(accept: str | None) -> str | None:
    """The media type to answer in for this `Accept` header; None if it allows neither.

    Each candidate takes the quality of the most specific range that matches it (RFC 9110
    12.5.1). The better quality wins; on a tie, a type the client named outright beats one a
    wildcard let in, and between equals GRAPHQL_RESPONSE is preferred when named, JSON when
    only a wildcard allowed both (what clients that send `*/*` have always received).
    """
    if accept is None or not accept.strip():
        return JSON
    ranges = [parsed for item in accept.split(",") if (parsed := _media_range(item)) is not None]
    best: tuple[float, bool, bool] | None = None
    chosen: str | None = None
    for candidate in (GRAPHQL_RESPONSE, JSON):
        quality, named = _quality(candidate, ranges)
        if quality <= 0:
            continue
        rank = (quality, named, (candidate == GRAPHQL_RESPONSE) == named)
        if best is None or rank > best:
            best, chosen = rank, candidate
    return chosen


def _media_range(item: str) -> tuple[str, str, float] | None:
    """`type/subtype;q=0.5` as (type, subtype, q); None when malformed (it is ignored)."""
    name, *parameters = (part.strip() for part in item.split(";"))
    kind, slash, subtype = name.lower().partition("/")
    if not slash or not kind or not subtype or (kind == "*" and subtype != "*"):
        return None
    quality = 1.0
    for parameter in parameters:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "q":
            try:
                quality = float(value.strip())
            except ValueError:
                return None
            if not 0 <= quality <= 1:
                return None
    return kind, subtype, quality


def _quality(media_type: str, ranges: list[tuple[str, str, float]]) -> tuple[float, bool]:
    """The q of the most specific range matching `media_type`, and whether it named it."""
    kind, _, subtype = media_type.partition("/")
    best_specificity, quality = -1, 0.0
    for range_kind, range_subtype, range_quality in ranges:
        if (range_kind, range_subtype) == (kind, subtype):
            specificity = 2
        elif range_kind == kind and range_subtype == "*":
            specificity = 1
        elif (range_kind, range_subtype) == ("*", "*"):
            specificity = 0
        else:
            continue
        if specificity > best_specificity:
            best_specificity, quality = specificity, range_quality
    return quality, best_specificity == 2


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
