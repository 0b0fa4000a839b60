"""One error hierarchy for the gateway; every class has a stable ``code``.

    GatewayError
    ├── AuthError                 UNAUTHENTICATED   bad, expired or missing-claims token
    ├── PolicyDenied              FORBIDDEN         the caller may not see or do this
    ├── UserInputError            BAD_USER_INPUT    the request itself is wrong
    │   ├── NotFound              NOT_FOUND         no such thing (or not for this caller)
    │   ├── Invalid               INVALID           a value fails validation
    │   └── Conflict              CONFLICT          stale version on an optimistic update
    ├── UpstreamError             UPSTREAM_ERROR    a system we read from misbehaved
    │   ├── UpstreamTimeout       UPSTREAM_TIMEOUT
    │   ├── UpstreamUnavailable   UPSTREAM_UNAVAILABLE
    │   └── BadUpstreamData       BAD_UPSTREAM_DATA
    ├── SearchUnavailable         SEARCH_UNAVAILABLE
    └── StoreUnavailable          STORE_UNAVAILABLE the native store cannot be reached

GraphQL responses expose ``extensions.code`` (and ``source`` for upstream errors);
anything that is not a GatewayError is masked as INTERNAL_SERVER_ERROR outside development.
"""

from __future__ import annotations

from typing import Any, ClassVar


class GatewayError(Exception):
    """Base of every error the gateway raises on purpose."""

    code: ClassVar[str] = "GATEWAY_ERROR"

    def __init__(self, message: str, **extensions: Any) -> None:
        super().__init__(message)
        self.message = message
        self.extensions = extensions

    def graphql_extensions(self) -> dict[str, Any]:
        """The ``extensions`` object a GraphQL error carries for this exception."""
        return {"code": self.code, **self.extensions}


class AuthError(GatewayError):
    code = "UNAUTHENTICATED"


class PolicyDenied(GatewayError):
    code = "FORBIDDEN"


class RateLimited(GatewayError):
    """The caller (or its partner) spent its cost budget for the current window."""

    code = "RATE_LIMITED"


class UserInputError(GatewayError):
    code = "BAD_USER_INPUT"


class NotFound(UserInputError):
    code = "NOT_FOUND"


class Invalid(UserInputError):
    code = "INVALID"


class Conflict(UserInputError):
    code = "CONFLICT"


class UpstreamError(GatewayError):
    code = "UPSTREAM_ERROR"

    def __init__(self, message: str, *, source: str, **extensions: Any) -> None:
        super().__init__(message, source=source, **extensions)
        self.source = source


class UpstreamTimeout(UpstreamError):
    code = "UPSTREAM_TIMEOUT"


class UpstreamUnavailable(UpstreamError):
    code = "UPSTREAM_UNAVAILABLE"


class BadUpstreamData(UpstreamError):
    code = "BAD_UPSTREAM_DATA"


class SearchUnavailable(GatewayError):
    code = "SEARCH_UNAVAILABLE"


class StoreUnavailable(GatewayError):
    code = "STORE_UNAVAILABLE"
