"""The demo HR system: the staff directory as JSON, for `sync-agents` over HTTP.

``GET /api/staff?updated_since=<ISO instant>&limit=100&cursor=…`` answers
``{"staff": [...], "next_cursor": "…" | null}`` ordered by staff id (the cursor is opaque, as
the helpdesk's); without ``updated_since`` it lists everyone. Each object carries ``id``,
``name``, ``email``, ``role``, ``branch``, ``active`` and ``updated_at`` (the defaults of
`StaffApiConfig`). The list is mutable (`staff`), so a test can hire, rename and let go.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from demo.upstreams.behaviour import Behaviour, with_behaviour
from demo.upstreams.helpdesk_app import decode_cursor, encode_cursor

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


def staff_objects(crm_staff: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The demo CRM's staff rows as the HR system's objects, by id."""
    return {
        str(row["staff_no"]): {
            "id": str(row["staff_no"]),
            "name": row["full_name"],
            "email": row["work_email"],
            "role": row["job_role"],
            "branch": row["branch_code"],
            "active": bool(row["is_active"]),
            "updated_at": row["modified_at"].isoformat(),
        }
        for row in crm_staff
    }


def create_hr_app(
    staff: dict[str, dict[str, Any]], behaviour: Behaviour | None = None
) -> Starlette:
    """The HR app over ``staff`` (objects by id; read on every request)."""

    async def list_staff(request: Request) -> Response:
        params = request.query_params
        try:
            limit = min(MAX_LIMIT, max(1, int(params.get("limit", DEFAULT_LIMIT))))
            since = (
                datetime.fromisoformat(params["updated_since"])
                if "updated_since" in params
                else None
            )
        except ValueError:
            return JSONResponse(
                {"error": "limit must be an integer, updated_since an instant"}, 400
            )
        after = None
        if "cursor" in params:
            after = decode_cursor(params["cursor"])
            if after is None:
                return JSONResponse({"error": "invalid cursor"}, 400)
        wanted = [
            entry
            for key, entry in sorted(staff.items())
            if (after is None or key > after) and (since is None or _changed_since(entry, since))
        ]
        page = wanted[:limit]
        more = len(wanted) > limit
        return JSONResponse(
            {"staff": page, "next_cursor": encode_cursor(page[-1]["id"]) if more else None}
        )

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "staff": len(staff)})

    routes = [Route("/api/staff", list_staff), Route("/health", health)]
    return with_behaviour(routes, behaviour or Behaviour())


def _changed_since(entry: Mapping[str, Any], since: datetime) -> bool:
    # An entry whose change time does not read is always listed: the reader reports it.
    try:
        return datetime.fromisoformat(str(entry.get("updated_at"))) >= since
    except ValueError:
        return True
