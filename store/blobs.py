"""Where attachment bytes live: a small interface (`BlobStore`) and its filesystem default.

The metadata row (store/attachments.py) names its bytes by an opaque key the store chose, so
no part of a file name a client sent ever reaches a path. The S3-compatible bucket
(store/blobs_s3.py) implements the same three calls; store/blob_backends.py picks one from
the settings. See README "Attachments".
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
from collections.abc import AsyncIterable, AsyncIterator
from pathlib import Path
from typing import IO, Protocol

CHUNK_BYTES = 64 * 1024
_KEY = re.compile(r"^[0-9a-f]{32}$")


class BlobNotFound(LookupError):
    """No bytes are stored under this key."""


class BlobCorrupted(RuntimeError):
    """The stored bytes no longer match the checksum they were stored with."""


class BlobStoreUnavailable(RuntimeError):
    """The configured store cannot be used; the message is one line naming the setting."""


class BlobStore(Protocol):
    """Stores byte streams under keys it chooses."""

    async def put(self, chunks: AsyncIterable[bytes]) -> str:
        """Store the stream and return its new key; if the stream raises, nothing is kept."""
        ...

    def open(self, key: str) -> AsyncIterator[bytes]:
        """The stored bytes, in chunks; BlobNotFound if the key holds nothing."""
        ...

    async def delete(self, key: str) -> None:
        """Remove the bytes under the key (nothing if there are none)."""
        ...


class FilesystemBlobStore:
    """Files under one directory: `<root>/<key[:2]>/<key>`, files 0600 and directories 0700.

    A file is written under a temporary name and renamed into place once complete, so a
    reader never sees half a file and an interrupted upload leaves only a temporary file,
    which is removed as the upload fails.
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_of(self, key: str) -> Path:
        """The file that holds the key's bytes (the key is checked: no path can be smuggled)."""
        if not _KEY.match(key):
            raise BlobNotFound(key)
        return self.root / key[:2] / key

    async def put(self, chunks: AsyncIterable[bytes]) -> str:
        """Write the stream to a new file; the key is random (128 bits)."""
        key = secrets.token_hex(16)
        final = self.path_of(key)
        await asyncio.to_thread(_make_dirs, final.parent)
        partial = final.with_name(f".{key}.part")
        handle = await asyncio.to_thread(_create_private, partial)
        try:
            try:
                async for chunk in chunks:
                    if chunk:
                        await asyncio.to_thread(handle.write, chunk)
                await asyncio.to_thread(_flush, handle)
            finally:
                handle.close()
            await asyncio.to_thread(os.replace, partial, final)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return key

    async def open(self, key: str) -> AsyncIterator[bytes]:
        """Read the file in chunks."""
        path = self.path_of(key)
        try:
            handle = await asyncio.to_thread(path.open, "rb")
        except FileNotFoundError as missing:
            raise BlobNotFound(key) from missing
        try:
            while chunk := await asyncio.to_thread(handle.read, CHUNK_BYTES):
                yield chunk
        finally:
            handle.close()

    async def delete(self, key: str) -> None:
        """Unlink the file."""
        try:
            path = self.path_of(key)
        except BlobNotFound:
            return
        await asyncio.to_thread(path.unlink, missing_ok=True)


def _make_dirs(directory: Path) -> None:
    # The umask may widen nothing here: mkdir's mode is masked, so set it again explicitly.
    for path in (directory.parent, directory):
        if not path.is_dir():
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
            path.chmod(0o700)


def _create_private(path: Path) -> IO[bytes]:
    # O_EXCL: a fresh file, never one planted in advance; 0600 from the moment it exists.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    return os.fdopen(fd, "wb")


def _flush(handle: IO[bytes]) -> None:
    handle.flush()
    os.fsync(handle.fileno())
