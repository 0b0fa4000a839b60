"""Demo attachments: a signed contract (PDF), an ID photo (PNG) and call notes (text) on the
first demo customers, generated at seed time and stored through the blob store like uploads.

They are small and deterministic, so `GET /attachments/{id}` has something real to serve
right after `scripts/run`; the README's curl examples use them.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from store.blobs import BlobStore
from store.models import Agent, Attachment, Customer, new_id, utcnow

# The demo's first support agent uploads them (demo/distributions.py: agent-4 is support).
UPLOADER = "agent-4"


@dataclass(frozen=True, slots=True)
class DemoFile:
    """One generated file."""

    file_name: str
    content_type: str
    content: bytes


def contract_pdf(customer_id: str) -> bytes:
    """A one-page PDF that any viewer opens: a title line naming the customer."""
    text = f"Service contract - {customer_id}".encode("ascii")
    stream = b"BT /F1 18 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def id_photo_png(size: int = 32) -> bytes:
    """A small RGB PNG: a grey card with a darker band, standing in for an ID scan."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(
        b"\x00" + (b"\x40\x40\x60" if size // 3 <= y < size // 2 else b"\xd0\xd0\xd8") * size
        for y in range(size)
    )
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def call_notes(customer_id: str) -> bytes:
    """A short plain-text note of a call."""
    return (
        f"Call notes for {customer_id}\n"
        "- Confirmed the delivery address.\n"
        "- Customer will send the signed contract by Friday.\n"
    ).encode()


def demo_files(customer_id: str) -> list[DemoFile]:
    """The files each demo customer with attachments gets."""
    return [
        DemoFile(f"contract-{customer_id}.pdf", "application/pdf", contract_pdf(customer_id)),
        DemoFile("id-photo.png", "image/png", id_photo_png()),
        DemoFile("call-notes.txt", "text/plain", call_notes(customer_id)),
    ]


async def _one(content: bytes) -> AsyncIterator[bytes]:
    yield content


async def seed_attachments(
    engine: AsyncEngine, blobs: BlobStore, *, customers: int = 3, now: datetime | None = None
) -> int:
    """Store the demo files for the first `customers` customers; returns how many. If the
    rows cannot be written, the stored bytes are removed again."""
    async with engine.connect() as connection:
        ids = list(
            await connection.scalars(select(Customer.id).order_by(Customer.id).limit(customers))
        )
        uploader = await connection.scalar(select(Agent.id).where(Agent.id == UPLOADER))
    if not ids or uploader is None:
        return 0
    at = now or utcnow()
    rows: list[dict[str, object]] = []
    try:
        for customer_id in ids:
            for file in demo_files(customer_id):
                key = await blobs.put(_one(file.content))
                rows.append(
                    {
                        "id": new_id(),
                        "customer_id": customer_id,
                        "note_id": None,
                        "file_name": file.file_name,
                        "content_type": file.content_type,
                        "size_bytes": len(file.content),
                        "sha256": hashlib.sha256(file.content).hexdigest(),
                        "storage_key": key,
                        "uploaded_by": uploader,
                        "uploaded_at": at,
                    }
                )
        async with engine.begin() as connection:
            await connection.execute(insert(Attachment), rows)
    except BaseException:
        for row in rows:
            await blobs.delete(str(row["storage_key"]))
        raise
    return len(rows)
