"""The authenticated caller as the rest of the gateway sees it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is asking: subject and the claims that scope what they reach."""

    subject: str
    roles: tuple[str, ...]
    branches: tuple[str, ...] = ()
    partner: str | None = None
    customer: str | None = None
    token_id: str | None = field(default=None, compare=False)
    # Who the token says the person is: only for provisioning a new agent, never for policy.
    name: str | None = field(default=None, compare=False)
    email: str | None = field(default=None, compare=False)

    @property
    def role(self) -> str:
        """The primary role (first claimed), for display and logs."""
        return self.roles[0] if self.roles else ""


ANONYMOUS = Principal(subject="anonymous", roles=())
