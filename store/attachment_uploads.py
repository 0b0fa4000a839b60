"""An upload, start to end: checks first, then the bytes streamed to the blob store (size limit,
content sniffing and SHA-256 on the way), then the metadata and audit rows in one transaction.

Nothing is read before the caller is known to be allowed; a refused or failed upload leaves
no row and no file (the blob is removed if the transaction does not commit).
"""

from __future__ import annotations

import asyncio
import hashlib
import unicodedata
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.errors import Invalid
from store.agent_directory import check_actor
from store.attachments import StoredFile, UploadTarget, check_target, record_upload
from store.blobs import BlobStore
from store.models import Attachment
from store.sanitise import plain_text
from store.sealed_blobs import seal_stream
from store.sealing import attachment_sealer
from store.sniff import SNIFFABLE, ContentCheck, ContentMismatch, media_type
from store.write_context import WriteContext, transaction

MAX_FILE_NAME = 255
_UNSAFE_NAME_CHARACTERS = str.maketrans({c: "_" for c in '/\\:*?"<>|'})


class PayloadTooLarge(Invalid):
    """The upload is larger than the configured limit."""

    code = "PAYLOAD_TOO_LARGE"


class UnsupportedMediaType(Invalid):
    """The declared media type is not on the allow-list."""

    code = "UNSUPPORTED_MEDIA_TYPE"


class ContentTypeMismatch(Invalid):
    """The bytes do not match the declared media type."""

    code = "CONTENT_MISMATCH"


@dataclass(frozen=True, slots=True)
class UploadLimits:
    """The settings an upload is checked against."""

    max_bytes: int
    content_types: frozenset[str]
    provision_agents: bool = False


def safe_file_name(raw: str) -> str:
    """The name to store and offer on download: its last path part only, plain text, no
    characters a file system or a header treats specially, at most 255 characters."""
    # Markup first (a closing tag holds a slash), then the last part of any path.
    name = plain_text(unicodedata.normalize("NFC", raw)).replace("\\", "/").rsplit("/", 1)[-1]
    name = name.translate(_UNSAFE_NAME_CHARACTERS).strip(" .")
    if not name:
        raise Invalid("`fileName` must name the file", field="fileName")
    if len(name) > MAX_FILE_NAME:
        _stem, dot, extension = name.rpartition(".")
        keep = extension if dot and len(extension) <= 16 else ""
        name = name[: MAX_FILE_NAME - len(keep) - 1] + "." + keep if keep else name[:MAX_FILE_NAME]
    return name


def check_declared(limits: UploadLimits, declared_type: str, declared_length: int | None) -> str:
    """The bare media type, if allowed and the declared length is within the limit."""
    content_type = media_type(declared_type)
    if content_type not in limits.content_types or content_type not in SNIFFABLE:
        allowed = ", ".join(sorted(limits.content_types & SNIFFABLE))
        raise UnsupportedMediaType(
            f"{content_type or 'no media type'} is not accepted; send one of: {allowed}",
            field="contentType",
        )
    if declared_length is not None and declared_length > limits.max_bytes:
        raise PayloadTooLarge(f"the upload exceeds {limits.max_bytes} bytes", field="file")
    return content_type


class _Measured:
    """Passes the stream through, counting, hashing and sniffing it; raises on a violation."""

    def __init__(self, chunks: AsyncIterable[bytes], content_type: str, max_bytes: int) -> None:
        self.chunks = chunks
        self.check = ContentCheck(content_type)
        self.max_bytes = max_bytes
        self.size = 0
        self.hash = hashlib.sha256()

    async def stream(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self.chunks:
                self.size += len(chunk)
                if self.size > self.max_bytes:
                    raise PayloadTooLarge(
                        f"the upload exceeds {self.max_bytes} bytes", field="file"
                    )
                self.check.feed(chunk)
                self.hash.update(chunk)
                yield chunk
            self.check.finish()
        except ContentMismatch as mismatch:
            raise ContentTypeMismatch(str(mismatch), field="contentType") from mismatch


async def upload_attachment(
    sessions: async_sessionmaker[AsyncSession],
    blobs: BlobStore,
    ctx: WriteContext,
    target: UploadTarget,
    *,
    file_name: str,
    declared_type: str,
    declared_length: int | None,
    chunks: AsyncIterable[bytes],
    limits: UploadLimits,
) -> Attachment:
    """Check, stream, record; returns the committed metadata row."""
    name = safe_file_name(file_name)
    content_type = check_declared(limits, declared_type, declared_length)
    async with transaction(sessions) as session:
        # Before a byte is read: an unknown agent, a missing right or a hidden customer or note
        # is refused without touching storage.
        await check_actor(session, ctx, provision=limits.provision_agents)
        await check_target(session, ctx, target)
        sealer = await attachment_sealer(session, target.note_id)
    measured = _Measured(chunks, content_type, limits.max_bytes)
    stream = measured.stream()
    if sealer is not None:  # a file of a note in an encrypted scope is stored sealed
        stream = seal_stream(sealer.envelope.provider, stream)
    key = await blobs.put(stream)
    stored = StoredFile(
        key, name, content_type, measured.size, measured.hash.hexdigest(), sealer is not None
    )
    try:
        async with transaction(sessions) as session:
            return await record_upload(session, ctx, target, stored)
    except BaseException:
        # Shielded: a cancelled request must still not leave bytes without a row.
        await asyncio.shield(blobs.delete(key))
        raise
