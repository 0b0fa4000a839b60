"""Readiness and the health view: the store decides readiness; everything else is degraded.

``/readyz`` (for load balancers and Kubernetes readiness probes) answers 503 only when the
native store is down, because without it nothing can be served; an upstream or search outage
is ``degraded`` with 200, since the gateway still serves partial results. Its body is minimal
for anonymous callers. ``/health`` shows every component's detail (versions, breaker states,
latencies) to a principal whose roles hold ``health/read`` in the policy.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from core.errors import GatewayError
from gateway.auth import PrincipalUser
from policies.principal import ANONYMOUS
from policies.vocabulary import Capability

Check = Callable[[], Awaitable[str | None]]
STORE = "store"
# Short enough that a probe's timeout (Kubernetes default: 1 s) is not spent on a hanging
# upstream; the store gets longer, because only it can make the gateway unready.
STORE_LIMIT_SECONDS = 2.0
DEPENDENCY_LIMIT_SECONDS = 0.8


async def _run(check: Check, limit_seconds: float) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        detail = await asyncio.wait_for(check(), limit_seconds)
    except TimeoutError:
        status, detail = "down", f"no answer within {limit_seconds:g}s"
    except GatewayError as exc:
        status, detail = "down", exc.message
    except Exception as exc:  # readiness must report, never crash, whatever a check raises
        status, detail = "down", type(exc).__name__
    else:
        status = "up"
    return {
        "status": status,
        "detail": detail,
        "latency_ms": round((time.perf_counter() - started) * 1000, 2),
    }


async def _gather(checks: Mapping[str, Check], limit: Callable[[str], float]) -> dict[str, Any]:
    names = list(checks)
    results = await asyncio.gather(*(_run(checks[name], limit(name)) for name in names))
    return dict(zip(names, results, strict=True))


async def check_all(
    checks: Mapping[str, Check], limit_seconds: float = 2.0
) -> tuple[bool, dict[str, Any]]:
    """Run every check concurrently; True only when all are up."""
    components = await _gather(checks, lambda _: limit_seconds)
    return all(result["status"] == "up" for result in components.values()), components


async def assess(checks: Mapping[str, Check]) -> tuple[str, dict[str, Any]]:
    """Run every check concurrently: ``ready``, ``degraded`` (store up) or ``unavailable``."""
    components = await _gather(
        checks, lambda name: STORE_LIMIT_SECONDS if name == STORE else DEPENDENCY_LIMIT_SECONDS
    )
    if components.get(STORE, {}).get("status") != "up":
        return "unavailable", components
    if any(result["status"] != "up" for result in components.values()):
        return "degraded", components
    return "ready", components


async def readyz(request: Request) -> Response:
    """200 ``ready`` / ``degraded`` while the store answers, 503 ``unavailable`` when not."""
    status, _ = await assess(request.state.checks)
    return JSONResponse({"status": status}, status_code=503 if status == "unavailable" else 200)


async def health(request: Request) -> Response:
    """Every component with its detail, for principals the policy lets read health."""
    user = request.scope.get("user")
    principal = user.principal if isinstance(user, PrincipalUser) else ANONYMOUS
    if principal is ANONYMOUS:
        return _refusal(401, "UNAUTHENTICATED", "the health view needs a bearer token")
    if Capability.READ_HEALTH not in request.state.policy.compile(principal).capabilities:
        return _refusal(403, "FORBIDDEN", "your roles may not read the health view")
    status, components = await assess(request.state.checks)
    return JSONResponse(
        {"status": status, "components": components},
        status_code=503 if status == "unavailable" else 200,
        headers={"Cache-Control": "no-store"},
    )


def _refusal(status_code: int, code: str, message: str) -> Response:
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]}, status_code=status_code
    )
