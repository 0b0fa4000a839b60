"""Fail and heal one demo REST upstream while the gateway serves (``python -m gateway demo``).

While `start_demo_upstreams` runs, ``<demo upstreams dir>/services.json`` names the helpdesk's
and marketplace's URLs. ``fail`` switches one to answer 503 to everything (its admin fault
switch, as the tests use), so a Customer 360 shows a partial result; ``heal`` clears the faults.
The CRM, order and billing systems are databases the gateway reads directly: not switchable.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import httpx

SERVICES_FILE = "services.json"
SWITCHABLE = ("helpdesk", "marketplace")
FAIL_STATUS = 503


class SwitchError(Exception):
    """The demo upstreams cannot be switched; the message says why."""


def write_services(directory: Path, urls: Mapping[str, str]) -> Path:
    """Record the running services' URLs (removed by the caller when they stop)."""
    path = directory / SERVICES_FILE
    path.write_text(json.dumps(dict(urls), indent=2) + "\n", encoding="utf-8")
    return path


def _urls(directory: Path) -> dict[str, str]:
    try:
        urls = json.loads((directory / SERVICES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SwitchError(
            f"no demo upstreams are running ({directory / SERVICES_FILE} is missing): "
            "start them with `scripts/run`"
        ) from error
    return {str(name): str(url) for name, url in urls.items()}


def switch(directory: Path, names: tuple[str, ...], *, fail: bool) -> list[str]:
    """Fail (503) or heal each named service; returns one line per service."""
    urls = _urls(directory)
    done = []
    for name in names:
        if name not in SWITCHABLE:
            raise SwitchError(f"{name!r} is not switchable; choose from {', '.join(SWITCHABLE)}")
        url = f"{urls[name]}/admin/faults"
        try:
            if fail:
                answer = httpx.post(url, json={"status": FAIL_STATUS}, timeout=5)
            else:
                answer = httpx.delete(url, timeout=5)
            answer.raise_for_status()
        except httpx.HTTPError as error:
            raise SwitchError(f"{name} at {urls[name]} did not answer: {error}") from error
        done.append(
            f"{name}: failing (every request answers {FAIL_STATUS})" if fail else f"{name}: healthy"
        )
    return done
