"""Helpers for the attachment tests: a seeded gateway with a private blob directory, uploads
and downloads over HTTP, small valid files, and what the store and the disk hold."""

from __future__ import annotations

import struct
import zlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from core.settings import Settings
from store.models import Attachment, AuditLog
from tests.schema.native_gateway import seeded_settings, store_engine

MAX_BYTES = 64_000
LIST = """
query L($c: ID!) { customer(id: $c) { attachments(first: 100) { totalCount edges { node {
  id attachmentId noteId fileName contentType sizeBytes sha256 url deleted
  uploadedByAgent { agentId } } } } } }
"""
NODE = "query N($id: ID!) { node(id: $id) { id ... on Attachment { fileName } } }"
DELETE = """
mutation D($input: DeleteAttachmentInput!) {
  deleteAttachment(input: $input) {
    attachment { attachmentId deleted deletedAt fileName } customer { customerId }
    errors { field code message }
  }
}
"""
AUDIT = """
query A($c: ID) { auditLog(customerId: $c, first: 100) {
  totalCount edges { node { action targetType targetId before after detail } } } }
"""
CREATE_NOTE = """
mutation C($input: CreateNoteInput!) {
  createNote(input: $input) { note { noteId } errors { code } }
}
"""


async def attachment_settings(database_url: str, directory: Path, **overrides: Any) -> Settings:
    """A seeded store; blobs under `directory/blobs`, at most MAX_BYTES an upload."""
    return await seeded_settings(
        database_url,
        directory,
        attachments_dir=directory / "blobs",
        attachments_max_bytes=MAX_BYTES,
        **overrides,
    )


def pdf(text: str = "hello") -> bytes:
    """A small PDF (the magic number and a body are what the sniffing reads)."""
    return b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n"


def png() -> bytes:
    """A valid 1x1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def bearer(token: str | None) -> dict[str, str]:
    """The Authorization header of a token (none for None)."""
    return {"Authorization": f"Bearer {token}"} if token else {}


async def upload(
    http: httpx.AsyncClient,
    token: str | None,
    content: bytes | AsyncIterator[bytes],
    *,
    customer_id: str,
    file_name: str = "contract.pdf",
    content_type: str = "application/pdf",
    note_id: str | None = None,
) -> httpx.Response:
    """POST /attachments with the raw file as the body."""
    params = {"customerId": customer_id, "fileName": file_name}
    if note_id is not None:
        params["noteId"] = note_id
    headers = {**bearer(token), "Content-Type": content_type}
    return await http.post("/attachments", params=params, content=content, headers=headers)


async def uploaded(http: httpx.AsyncClient, token: str, content: bytes, **kwargs: Any) -> str:
    """Upload that must succeed; the attachment's raw id."""
    response = await upload(http, token, content, **kwargs)
    assert response.status_code == 201, response.text
    attachment_id: str = response.json()["attachment"]["attachmentId"]
    return attachment_id


async def download(
    http: httpx.AsyncClient, token: str | None, attachment_id: str
) -> httpx.Response:
    """GET /attachments/{id}."""
    return await http.get(f"/attachments/{attachment_id}", headers=bearer(token))


def blob_files(settings: Settings) -> list[Path]:
    """Every file under the blob directory (temporary ones included)."""
    root = settings.attachments_dir
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


async def attachment_rows(settings: Settings) -> int:
    """How many attachment rows the store holds."""
    engine = store_engine(settings)
    try:
        async with engine.connect() as connection:
            return int(await connection.scalar(select(func.count()).select_from(Attachment)) or 0)
    finally:
        await engine.dispose()


async def audit_actions(settings: Settings, target_id: str) -> list[tuple[str, str]]:
    """(action, actor) of every audit row about one attachment, oldest first."""
    engine = store_engine(settings)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                select(AuditLog.action, AuditLog.actor)
                .where(AuditLog.target_id == target_id)
                .order_by(AuditLog.id)
            )
            return [(row.action, row.actor) for row in rows]
    finally:
        await engine.dispose()
