"""The attachment file endpoints: `POST /attachments` (upload) and `GET /attachments/{id}`.

An upload is the raw file as the request body (what `curl --data-binary @file` and a
browser's `fetch(url, {method: "POST", body: file})` send), its media type in `Content-Type`
and the rest in the query string: `customerId`, optional `noteId`, `fileName`. It streams to
the blob store; see store/attachment_uploads.py for the checks. The answer is JSON: the
attachment (201), or `errors` with `extensions.code` like the GraphQL endpoint's.

Both routes take the same bearer token as /graphql. A download is authorised like the note or
customer the file belongs to; an attachment the caller may not see is 404, exactly like one
that never existed. Every upload, download and refusal is audited.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

import structlog
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from core.crypto import DecryptionFailed
from core.errors import (
    AuthError,
    GatewayError,
    NotFound,
    PolicyDenied,
    StoreUnavailable,
    UserInputError,
)
from core.settings import Settings
from gateway.auth import PrincipalUser
from policies.principal import ANONYMOUS
from schema.node import CUSTOMER, global_id, parse_id
from store.attachment_uploads import (
    ContentTypeMismatch,
    PayloadTooLarge,
    UnsupportedMediaType,
    UploadLimits,
    upload_attachment,
)
from store.attachments import UploadTarget, record_download, visible_attachment
from store.audit import Target, append_denial
from store.blob_backends import open_blob_store
from store.blobs import BlobCorrupted, BlobNotFound, BlobStore
from store.models import Attachment
from store.sealing import opened_attachment
from store.write_context import WriteContext, transaction

ATTACHMENT = "Attachment"
NOTE = "Note"
_log = structlog.get_logger("gateway.attachments")
_STATUS: list[tuple[type[GatewayError], int]] = [
    (AuthError, 401),
    (PolicyDenied, 403),
    (NotFound, 404),
    (PayloadTooLarge, 413),
    (UnsupportedMediaType, 415),
    (ContentTypeMismatch, 415),
    (UserInputError, 400),
    (StoreUnavailable, 503),
]
_NOT_ASCII_SAFE = re.compile(r"[^A-Za-z0-9 ._()+,-]")


def attachment_routes(settings: Settings, blobs: BlobStore | None = None) -> list[Route]:
    """The two routes, storing bytes in `blobs` (default: the store the settings name)."""
    store = blobs or open_blob_store(settings)
    limits = UploadLimits(
        max_bytes=settings.attachments_max_bytes,
        content_types=frozenset(settings.attachments_content_types),
        provision_agents=settings.agents_jit_enabled,
    )

    async def upload(request: Request) -> Response:
        ctx = _write_context(request)
        if ctx is None:
            return _unauthenticated()
        params = request.query_params
        customer_id = params.get("customerId", "")
        target = Target("customer", customer_id, customer_id)
        try:
            if not customer_id:
                raise UserInputError("`customerId` is required", field="customerId")
            attached = UploadTarget(
                customer_id=parse_id(customer_id, CUSTOMER, "customerId"),
                note_id=parse_id(params["noteId"], NOTE, "noteId") if "noteId" in params else None,
            )
            target = Target("customer", attached.customer_id, attached.customer_id)
            length = request.headers.get("content-length")
            row = await upload_attachment(
                request.state.sessions,
                store,
                ctx,
                attached,
                file_name=params.get("fileName", ""),
                declared_type=request.headers.get("content-type", ""),
                declared_length=int(length) if length and length.isdecimal() else None,
                chunks=request.stream(),
                limits=limits,
            )
        except (AuthError, PolicyDenied, UserInputError) as refused:
            await append_denial(
                request.state.sessions, ctx, "attachment.upload", target, refused.message
            )
            return _error(refused)
        except StoreUnavailable as down:
            _log.error("attachment storage failed", cause=repr(down.__cause__))
            return _error(down)
        return JSONResponse({"attachment": describe(row)}, status_code=201)

    async def download(request: Request) -> Response:
        ctx = _write_context(request)
        if ctx is None:
            return _unauthenticated()
        raw = request.path_params["attachment_id"]
        try:
            key = parse_id(raw, ATTACHMENT, "id")
        except UserInputError as bad:
            return _error(bad)
        async with transaction(request.state.sessions) as session:
            row = await visible_attachment(session, ctx.view, key)
            if row is not None:
                await record_download(session, ctx, row)
        missing = NotFound(f"attachment {raw!r} not found")
        if row is None:
            target = Target("attachment", key)
            await append_denial(
                request.state.sessions, ctx, "attachment.download", target, missing.message
            )
            return _error(missing)
        chunks = store.open(row.storage_key)
        if row.sealed:
            chunks = opened_attachment(request.state.engine, chunks)
        try:
            first = await anext(chunks, b"")
        except BlobNotFound:
            _log.error("attachment bytes missing", attachment_id=row.id)
            return _error(missing)
        except (BlobCorrupted, StoreUnavailable, DecryptionFailed) as failed:
            # A checksum that no longer matches is never served; neither is half an answer.
            _log.error("attachment bytes unreadable", attachment_id=row.id, cause=repr(failed))
            return _error(StoreUnavailable("the attachment cannot be read now; try again later"))
        return StreamingResponse(
            _prepend(first, chunks), media_type=None, headers=download_headers(row)
        )

    return [
        Route("/attachments", upload, methods=["POST"]),
        Route("/attachments/{attachment_id}", download, methods=["GET"]),
    ]


def describe(row: Attachment) -> dict[str, Any]:
    """The upload's answer: the attachment's metadata as the GraphQL type names it."""
    return {
        "id": global_id(ATTACHMENT, row.id),
        "attachmentId": row.id,
        "customerId": row.customer_id,
        "noteId": row.note_id,
        "fileName": row.file_name,
        "contentType": row.content_type,
        "sizeBytes": row.size_bytes,
        "sha256": row.sha256,
        "uploadedBy": row.uploaded_by,
        "uploadedAt": row.uploaded_at.isoformat(),
        "url": f"/attachments/{row.id}",
    }


def download_headers(row: Attachment) -> dict[str, str]:
    """Headers that make a browser save the file, never render or sniff it."""
    fallback = _NOT_ASCII_SAFE.sub("_", row.file_name) or "attachment"
    media = row.content_type + ("; charset=utf-8" if row.content_type.startswith("text/") else "")
    return {
        "Content-Type": media,
        "Content-Length": str(row.size_bytes),
        "Content-Disposition": (
            f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(row.file_name)}"
        ),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
    }


async def _prepend(first: bytes, rest: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    if first:
        yield first
    async for chunk in rest:
        yield chunk


def _write_context(request: Request) -> WriteContext | None:
    """The caller's compiled policy and request id; None for an anonymous caller."""
    user = request.scope.get("user")
    principal = user.principal if isinstance(user, PrincipalUser) else ANONYMOUS
    if principal is ANONYMOUS:
        return None
    engine = request.state.policy
    return WriteContext(
        view=engine.compile(principal),
        request_id=request.scope.get("state", {}).get("request_id") or None,
        compile_view=engine.compile,
    )


def _error(error: GatewayError) -> JSONResponse:
    status = next(code for kind, code in _STATUS if isinstance(error, kind))
    body = {"errors": [{"message": error.message, "extensions": error.graphql_extensions()}]}
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


def _unauthenticated() -> JSONResponse:
    return _error(AuthError("attachments need a bearer token"))
