"""Attachment bytes sealed as a stream: the same envelope as note text, in framed segments.

An attachment of a note in an encrypted scope is stored as

    C360ENC1 | u16 length | "<key id>:<base64url wrapped data key>" | frames

where each frame is `u32 length | nonce (12) | AES-GCM ciphertext` of up to 64 KiB of the
file. A frame's associated data is its index and whether it is the last, so frames cannot be
reordered, dropped or the file cut short without the download failing (DecryptionFailed).
The row's size and SHA-256 stay those of the file itself (what a download serves); the
backend (filesystem or S3) stores and checks the sealed bytes as any others.
"""

from __future__ import annotations

import base64
import os
import struct
from collections.abc import AsyncIterable, AsyncIterator

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from core.crypto import NONCE_BYTES, DecryptionFailed, KeyProvider

MAGIC = b"C360ENC1"
FRAME_BYTES = 64 * 1024
_LENGTH = struct.Struct(">I")
_HEADER_LENGTH = struct.Struct(">H")


def _associated(index: int, last: bool) -> bytes:
    return f"attachment:{index}:{int(last)}".encode()


async def _frames(chunks: AsyncIterable[bytes]) -> AsyncIterator[tuple[bytes, bool]]:
    """The stream cut into FRAME_BYTES pieces, each with whether it is the last (one piece,
    possibly empty, at least)."""
    buffer = b""
    pending: bytes | None = None
    async for chunk in chunks:
        buffer += chunk
        while len(buffer) > FRAME_BYTES:
            if pending is not None:
                yield pending, False
            pending, buffer = buffer[:FRAME_BYTES], buffer[FRAME_BYTES:]
    if pending is not None and buffer:
        yield pending, False
        pending = None
    yield (pending if pending is not None else buffer), True


async def seal_stream(provider: KeyProvider, chunks: AsyncIterable[bytes]) -> AsyncIterator[bytes]:
    """The sealed form of a byte stream, under a fresh data key wrapped by the active key."""
    data_key = AESGCM.generate_key(bit_length=256)
    wrapped = base64.urlsafe_b64encode(provider.wrap(data_key)).decode()
    header = f"{provider.active_key_id}:{wrapped}".encode()
    yield MAGIC + _HEADER_LENGTH.pack(len(header)) + header
    cipher = AESGCM(data_key)
    index = 0
    async for piece, last in _frames(chunks):
        nonce = os.urandom(NONCE_BYTES)
        sealed = nonce + cipher.encrypt(nonce, piece, _associated(index, last))
        yield _LENGTH.pack(len(sealed)) + sealed
        index += 1


class _Reader:
    def __init__(self, chunks: AsyncIterator[bytes]) -> None:
        self.chunks = chunks
        self.buffer = b""

    async def read(self, size: int) -> bytes:
        while len(self.buffer) < size:
            chunk = await anext(self.chunks, None)
            if chunk is None:
                raise DecryptionFailed("the sealed attachment is cut short")
            self.buffer += chunk
        taken, self.buffer = self.buffer[:size], self.buffer[size:]
        return taken

    async def at_end(self) -> bool:
        while not self.buffer:
            chunk = await anext(self.chunks, None)
            if chunk is None:
                return True
            self.buffer = chunk
        return False


async def open_stream(provider: KeyProvider, chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """The file back from its sealed stream; DecryptionFailed when any part does not open."""
    reader = _Reader(chunks)
    if await reader.read(len(MAGIC)) != MAGIC:
        raise DecryptionFailed("the attachment is not sealed")
    (length,) = _HEADER_LENGTH.unpack(await reader.read(_HEADER_LENGTH.size))
    key_id, _, wrapped = (await reader.read(length)).decode(errors="replace").partition(":")
    try:
        data_key = provider.unwrap(key_id, base64.urlsafe_b64decode(wrapped))
    except ValueError:
        raise DecryptionFailed("the attachment's data key is damaged") from None
    cipher = AESGCM(data_key)
    index = 0
    while True:
        (size,) = _LENGTH.unpack(await reader.read(_LENGTH.size))
        frame = await reader.read(size)
        last = await reader.at_end()
        try:
            yield cipher.decrypt(frame[:NONCE_BYTES], frame[NONCE_BYTES:], _associated(index, last))
        except (InvalidTag, ValueError):
            raise DecryptionFailed("a part of the attachment does not decrypt") from None
        if last:
            return
        index += 1
