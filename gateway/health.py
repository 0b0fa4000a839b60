"""Readiness: the store, the search backend and each upstream, checked in parallel."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from core.errors import GatewayError

Check = Callable[[], Awaitable[str | None]]


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


async def check_all(
    checks: Mapping[str, Check], limit_seconds: float = 2.0
) -> tuple[bool, dict[str, Any]]:
    """Run every check concurrently; ready only when all are up."""
    names = list(checks)
    results = await asyncio.gather(*(_run(checks[name], limit_seconds) for name in names))
    components = dict(zip(names, results, strict=True))
    ready = all(result["status"] == "up" for result in results)
    return ready, components
