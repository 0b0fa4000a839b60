"""Verified tokens, remembered by their raw text until they expire.

A client sends the same bearer token with every request; verifying its signature and claims
again each time cost ~3 % of a typical request's CPU. A token that verified once is the same
token until its ``exp``: the cache serves its principal while ``exp`` (with the configured
leeway) is still ahead, and never after. A token signed by the identity provider's key set is
served only while that key is still the set's key for its ``kid``: a key the provider withdrew
(rotated out, revoked) sends the token back to full verification, which rejects it. Tokens are
keyed by their full text, so a token with any other byte (a forged signature) is never a hit.
The cache is bounded; when full it starts over.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from policies.principal import Principal

MAX_TOKENS = 1024
"""Tokens kept; a gateway serves far fewer distinct live tokens per hour than this."""


@dataclass(frozen=True, slots=True)
class CachedToken:
    """A verified token's principal, its expiry, and the key set's key that verified it."""

    principal: Principal
    expires_at: float
    # The identity provider's key (None: the configured secret or PEM key, which never change
    # while the process runs) and the header that named it.
    jwk: object | None = None
    kid: str | None = None
    algorithm: str | None = None


class TokenCache:
    """A bounded map from raw token to its verified principal, expiring with the token."""

    def __init__(
        self, leeway_seconds: float, clock: Callable[[], float] = time.time, size: int = MAX_TOKENS
    ) -> None:
        self._tokens: dict[str, CachedToken] = {}
        self._leeway = leeway_seconds
        self._clock = clock
        self._size = size

    def get(self, token: str) -> CachedToken | None:
        """The cached entry, unless the token has expired since (then it is dropped)."""
        entry = self._tokens.get(token)
        if entry is None:
            return None
        # PyJWT rejects a token once exp <= now - leeway; so does the cache.
        if entry.expires_at <= self._clock() - self._leeway:
            self._tokens.pop(token, None)
            return None
        return entry

    def put(self, token: str, entry: CachedToken) -> None:
        """Remember a token that just verified."""
        if len(self._tokens) >= self._size:
            self._tokens.clear()
        self._tokens[token] = entry

    def drop(self, token: str) -> None:
        """Forget a token (its key is no longer the provider's)."""
        self._tokens.pop(token, None)

    def __len__(self) -> int:
        return len(self._tokens)
