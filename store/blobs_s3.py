"""Attachment bytes in an S3-compatible bucket (Amazon S3, MinIO, Ceph RGW, ...): `S3BlobStore`.

An upload is spooled while it streams in (in memory up to SPOOL_MEMORY_BYTES, then in a 0600
temporary file) and sent in one PUT only once the stream has ended cleanly. The upload checks
(store/attachment_uploads.py: size limit, content sniffing) raise while the bytes arrive, so
a refused upload never creates an object, and the object appears whole or not at all.

Checksums: the PUT carries the SHA-256 of the bytes (`x-amz-checksum-sha256`), which the
server checks against what it received (BadDigest otherwise) and keeps with the object; a
download asks for it back (checksum mode) and botocore checks the body against it as the last
chunk is read, so an object changed in the bucket fails its download (BlobCorrupted) instead
of serving other bytes.

Object keys are `<C360_ATTACHMENTS_S3_KEY_PREFIX><random 128-bit hex>`: nothing a client
sent reaches a key. botocore is synchronous, so each call runs in a worker thread.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import re
import secrets
import tempfile
from collections.abc import AsyncIterable, AsyncIterator
from typing import IO, Any

import botocore.session
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, FlexibleChecksumError

from core.errors import StoreUnavailable
from core.settings import Settings
from store.blobs import CHUNK_BYTES, BlobCorrupted, BlobNotFound, BlobStoreUnavailable

# Small uploads never touch the disk; larger ones spool to a private temporary file.
SPOOL_MEMORY_BYTES = 1024 * 1024
_KEY = re.compile(r"^[0-9a-f]{32}$")
_MISSING = {"NoSuchKey", "404", "NotFound"}


class S3BlobStore:
    """Objects in one bucket under one key prefix; `client` is a botocore S3 client."""

    def __init__(self, client: Any, bucket: str, *, key_prefix: str = "", where: str = "") -> None:
        self.client = client
        self.bucket = bucket
        self.key_prefix = key_prefix
        # For messages: the endpoint, never a credential.
        self.where = where or "Amazon S3"

    @classmethod
    def from_settings(cls, settings: Settings) -> S3BlobStore:
        """A store on the bucket the settings name (the bucket is not contacted yet)."""
        if settings.attachments_s3_bucket is None:
            raise BlobStoreUnavailable(
                "C360_ATTACHMENTS_BACKEND=s3 needs C360_ATTACHMENTS_S3_BUCKET"
            )
        access_key = settings.attachments_s3_access_key_id
        secret_key = settings.attachments_s3_secret_access_key
        config = Config(
            region_name=settings.attachments_s3_region,
            s3={"addressing_style": "path" if settings.attachments_s3_path_style else "virtual"},
            signature_version="s3v4",
            connect_timeout=5,
            read_timeout=60,
            retries={"max_attempts": 3, "mode": "standard"},
            # A download holds its connection while the client reads; leave room for several.
            max_pool_connections=32,
        )
        client = botocore.session.get_session().create_client(
            "s3",
            region_name=settings.attachments_s3_region,
            endpoint_url=settings.attachments_s3_endpoint_url,
            aws_access_key_id=access_key.get_secret_value() if access_key else None,
            aws_secret_access_key=secret_key.get_secret_value() if secret_key else None,
            config=config,
        )
        where = (
            settings.attachments_s3_endpoint_url or f"Amazon S3 ({settings.attachments_s3_region})"
        )
        return cls(
            client,
            settings.attachments_s3_bucket,
            key_prefix=settings.attachments_s3_key_prefix,
            where=where,
        )

    def object_key(self, key: str) -> str:
        """The object that holds the key's bytes (the key is checked: nothing can be smuggled)."""
        if not _KEY.match(key):
            raise BlobNotFound(key)
        return f"{self.key_prefix}{key}"

    def check(self) -> None:
        """Raise BlobStoreUnavailable (one line) unless the bucket answers a HEAD request."""
        bucket = f"bucket {self.bucket!r} at {self.where}"
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError as error:
            status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
            code = error.response.get("Error", {}).get("Code", "")
            if status == 404 or code in ("NoSuchBucket", "404", "NotFound"):
                reason = f"{bucket} does not exist (C360_ATTACHMENTS_S3_BUCKET)"
            elif status == 403 or code in ("403", "Forbidden", "AccessDenied"):
                reason = (
                    f"{bucket} refused access: check C360_ATTACHMENTS_S3_ACCESS_KEY_ID and "
                    "C360_ATTACHMENTS_S3_SECRET_ACCESS_KEY"
                )
            else:
                reason = f"{bucket} answered {code or status}"
            raise BlobStoreUnavailable(f"attachment storage: {reason}") from None
        except BotoCoreError as error:
            # Connection refused, DNS, timeouts, no credentials: botocore's own one-liners.
            raise BlobStoreUnavailable(
                f"attachment storage: {bucket} cannot be used: {error} "
                "(C360_ATTACHMENTS_S3_ENDPOINT_URL)"
            ) from None

    async def put(self, chunks: AsyncIterable[bytes]) -> str:
        """Spool the stream, then PUT it with its SHA-256; the key is random (128 bits)."""
        key = secrets.token_hex(16)
        name = self.object_key(key)
        digest = hashlib.sha256()
        size = 0
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY_BYTES)  # noqa: SIM115
        try:
            async for chunk in chunks:
                if chunk:
                    digest.update(chunk)
                    size += len(chunk)
                    await asyncio.to_thread(spool.write, chunk)
            await asyncio.to_thread(spool.seek, 0)
            checksum = base64.b64encode(digest.digest()).decode("ascii")
            sending = asyncio.ensure_future(
                asyncio.to_thread(self._put_object, name, spool, size, checksum)
            )
            try:
                await asyncio.shield(sending)
            except (BotoCoreError, ClientError) as error:
                raise _unavailable() from error
            except asyncio.CancelledError:
                # The thread finishes its PUT regardless: wait for it, then remove the object.
                await asyncio.shield(self._discard_after(sending, name))
                raise
        finally:
            spool.close()
        return key

    def _put_object(self, name: str, body: IO[bytes], size: int, checksum: str) -> None:
        self.client.put_object(
            Bucket=self.bucket,
            Key=name,
            Body=body,
            ContentLength=size,
            ContentType="application/octet-stream",
            ChecksumAlgorithm="SHA256",
            ChecksumSHA256=checksum,
        )

    async def _discard_after(self, sending: asyncio.Future[None], name: str) -> None:
        with contextlib.suppress(Exception):
            await sending
        with contextlib.suppress(Exception):
            await asyncio.to_thread(self.client.delete_object, Bucket=self.bucket, Key=name)

    async def open(self, key: str) -> AsyncIterator[bytes]:
        """Stream the object in chunks, its SHA-256 checked at the end."""
        name = self.object_key(key)
        try:
            response = await asyncio.to_thread(
                self.client.get_object, Bucket=self.bucket, Key=name, ChecksumMode="ENABLED"
            )
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in _MISSING:
                raise BlobNotFound(key) from None
            raise _unavailable() from error
        except BotoCoreError as error:
            raise _unavailable() from error
        body = response["Body"]
        # One chunk is held back until the next read: the checksum is checked by the read that
        # finds the end, so the last bytes go out only once the whole object has matched (a
        # changed object gives the client a cut-off body, never a complete different file).
        held = b""
        try:
            while True:
                try:
                    chunk: bytes = await asyncio.to_thread(body.read, CHUNK_BYTES)
                except FlexibleChecksumError as mismatch:
                    raise BlobCorrupted(key) from mismatch
                if not chunk:
                    break
                if held:
                    yield held
                held = chunk
        finally:
            body.close()
        if held:
            yield held

    async def delete(self, key: str) -> None:
        """Delete the object (S3 answers a missing one like a deleted one)."""
        try:
            name = self.object_key(key)
        except BlobNotFound:
            return
        await asyncio.to_thread(self.client.delete_object, Bucket=self.bucket, Key=name)


def _unavailable() -> StoreUnavailable:
    # The client sees a coded 503; the cause (endpoint, bucket, S3 error) goes to the log.
    return StoreUnavailable("attachment storage is unavailable; try again later")
