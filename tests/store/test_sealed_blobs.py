"""The sealed attachment stream: round trips at every framing edge; a flipped byte, a dropped
or reordered frame, a cut-short stream or another key fail (DecryptionFailed)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

import pytest

from core.crypto import DecryptionFailed, LocalKeyring
from store.sealed_blobs import FRAME_BYTES, open_stream, seal_stream

RING = LocalKeyring({"k1": b"1" * 32}, "k1")


async def _chunks(data: bytes, size: int = 7000) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


async def _sealed(data: bytes) -> bytes:
    return b"".join([chunk async for chunk in seal_stream(RING, _chunks(data))])


async def _opened(sealed: bytes, ring: LocalKeyring = RING) -> bytes:
    return b"".join([chunk async for chunk in open_stream(ring, _chunks(sealed, 1000))])


@pytest.mark.parametrize(
    "size", [0, 1, FRAME_BYTES - 1, FRAME_BYTES, FRAME_BYTES + 1, 3 * FRAME_BYTES + 5]
)
async def test_round_trip(size: int) -> None:
    data = os.urandom(size)
    sealed = await _sealed(data)
    if size >= 16:  # a shorter random plaintext can occur in any ciphertext by chance
        assert data[:64] not in sealed
    assert await _opened(sealed) == data


async def test_tampering_fails() -> None:
    data = os.urandom(2 * FRAME_BYTES + 10)
    sealed = await _sealed(data)
    flipped = bytearray(sealed)
    flipped[-5] ^= 1
    for broken in (bytes(flipped), sealed[:-20], sealed[: len(sealed) - 14]):
        with pytest.raises(DecryptionFailed):
            await _opened(broken)
    with pytest.raises(DecryptionFailed):
        await _opened(sealed, LocalKeyring({"k1": b"2" * 32}, "k1"))
