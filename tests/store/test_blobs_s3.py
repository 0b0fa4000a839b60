"""The S3 blob store on its own, against the S3 API emulator (tests/fixtures/s3.py): spooling,
checksums, keys, failures that leave nothing behind, and the settings it is built from."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import IO, Any

import pytest

from core.errors import StoreUnavailable
from core.settings import Settings
from store.blob_backends import open_blob_store
from store.blobs import BlobCorrupted, BlobNotFound, FilesystemBlobStore
from store.blobs_s3 import SPOOL_MEMORY_BYTES, S3BlobStore
from tests.fixtures.s3 import S3Emulator


def _store(s3: S3Emulator, bucket: str, **overrides: Any) -> S3BlobStore:
    store = open_blob_store(Settings(environment="test", **s3.settings(bucket, **overrides)))
    assert isinstance(store, S3BlobStore)
    return store


async def _chunks(data: bytes, size: int = 50_000) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


async def _read(store: S3BlobStore, key: str) -> bytes:
    return b"".join([chunk async for chunk in store.open(key)])


async def test_a_large_object_spools_to_disk_and_round_trips(s3_emulator: S3Emulator) -> None:
    bucket = s3_emulator.new_bucket()
    store = _store(s3_emulator, bucket, attachments_s3_key_prefix="tenant-a/")
    data = bytes(range(256)) * (3 * SPOOL_MEMORY_BYTES // 256)  # past the in-memory spool

    key = await store.put(_chunks(data))

    assert s3_emulator.keys(bucket) == [f"tenant-a/{key}"]
    assert await _read(store, key) == data
    await store.delete(key)
    await store.delete(key)  # a second delete is no error, like the filesystem store's
    assert s3_emulator.keys(bucket) == []
    with pytest.raises(BlobNotFound):
        await _read(store, key)


async def test_a_stream_that_fails_leaves_no_object(s3_emulator: S3Emulator) -> None:
    bucket = s3_emulator.new_bucket()
    store = _store(s3_emulator, bucket)

    async def failing() -> AsyncIterator[bytes]:
        yield b"x" * 100_000
        raise ValueError("refused half way")

    with pytest.raises(ValueError, match="half way"):
        await store.put(failing())

    assert s3_emulator.keys(bucket) == []


async def test_a_changed_object_is_cut_off_before_its_end(s3_emulator: S3Emulator) -> None:
    bucket = s3_emulator.new_bucket()
    store = _store(s3_emulator, bucket)
    data = b"a" * 300_000
    key = await store.put(_chunks(data))
    name = store.object_key(key)
    stored = s3_emulator.client.head_object(Bucket=bucket, Key=name, ChecksumMode="ENABLED")
    s3_emulator.client.put_object(
        Bucket=bucket,
        Key=name,
        Body=b"b" * len(data),
        ChecksumAlgorithm="SHA256",
        ChecksumSHA256=stored["ChecksumSHA256"],
    )
    received: list[bytes] = []

    async def read_all() -> None:
        async for chunk in store.open(key):
            received.append(chunk)

    with pytest.raises(BlobCorrupted):
        await read_all()

    assert 0 < len(b"".join(received)) < len(data)  # streamed, and the end held back


class _SlowPut(S3BlobStore):
    """The real PUT, begun only after the test has cancelled the upload."""

    def __init__(self, plain: S3BlobStore) -> None:
        super().__init__(plain.client, plain.bucket, key_prefix=plain.key_prefix)
        self.started, self.release, self.stored = (threading.Event() for _ in range(3))

    def _put_object(self, name: str, body: IO[bytes], size: int, checksum: str) -> None:
        self.started.set()
        self.release.wait(timeout=10)
        super()._put_object(name, body, size, checksum)
        self.stored.set()


async def test_an_upload_cancelled_during_its_put_leaves_no_object(
    s3_emulator: S3Emulator,
) -> None:
    bucket = s3_emulator.new_bucket()
    plain = _store(s3_emulator, bucket)
    store = _SlowPut(plain)
    upload = asyncio.create_task(store.put(_chunks(b"x" * 10_000)))
    await asyncio.to_thread(store.started.wait, 10)

    upload.cancel()
    store.release.set()  # the worker thread's PUT goes through after the cancellation
    with pytest.raises(asyncio.CancelledError):
        await upload
    assert await asyncio.to_thread(store.stored.wait, 10)  # the object was written...

    assert s3_emulator.keys(bucket) == []  # ...and removed before the cancellation returned


@pytest.mark.parametrize("key", ["../../etc/passwd", "ABC", "a" * 32 + "/x", ""])
async def test_keys_it_did_not_make_reach_no_object(s3_emulator: S3Emulator, key: str) -> None:
    bucket = s3_emulator.new_bucket()
    store = _store(s3_emulator, bucket)

    with pytest.raises(BlobNotFound):
        await _read(store, key)
    await store.delete(key)


async def test_a_bucket_gone_after_startup_is_a_coded_outage(s3_emulator: S3Emulator) -> None:
    bucket = s3_emulator.new_bucket()
    store = _store(s3_emulator, bucket)
    s3_emulator.client.delete_bucket(Bucket=bucket)

    with pytest.raises(StoreUnavailable):
        await store.put(_chunks(b"hello"))
    with pytest.raises(StoreUnavailable):
        await _read(store, "0" * 32)


def test_the_filesystem_store_stays_the_default(tmp_path: Path) -> None:
    store = open_blob_store(Settings(environment="test", attachments_dir=tmp_path))

    assert isinstance(store, FilesystemBlobStore)


@pytest.mark.parametrize(
    ("values", "named"),
    [
        ({}, "needs C360_ATTACHMENTS_S3_BUCKET"),
        ({"attachments_s3_bucket": "Not_A_Bucket"}, "C360_ATTACHMENTS_S3_BUCKET must be"),
        (
            {"attachments_s3_bucket": "b-1", "attachments_s3_access_key_id": "only-the-id"},
            "need both C360_ATTACHMENTS_S3_ACCESS_KEY_ID",
        ),
        (
            {"attachments_s3_bucket": "b-1", "attachments_s3_endpoint_url": "ftp://x"},
            "C360_ATTACHMENTS_S3_ENDPOINT_URL must be",
        ),
        (
            {"attachments_s3_bucket": "b-1", "attachments_s3_endpoint_url": "http://u:p@x"},
            "must not carry credentials",
        ),
        (
            {"attachments_s3_bucket": "b-1", "attachments_s3_key_prefix": "../up"},
            "C360_ATTACHMENTS_S3_KEY_PREFIX",
        ),
        (
            {"attachments_s3_bucket": "b-1", "attachments_max_bytes": 6 * 1024**3},
            "C360_ATTACHMENTS_MAX_BYTES",
        ),
    ],
    ids=["no-bucket", "bad-bucket", "half-credentials", "ftp", "userinfo", "prefix", "too-big"],
)
def test_inconsistent_s3_settings_name_the_setting(values: dict[str, Any], named: str) -> None:
    with pytest.raises(ValueError, match=named):
        Settings(environment="test", attachments_backend="s3", **values)


def test_the_secret_key_may_come_from_a_file(tmp_path: Path) -> None:
    secret = tmp_path / "s3-secret"
    secret.write_text("from-a-file\n", encoding="utf-8")

    settings = Settings(
        environment="test",
        attachments_backend="s3",
        attachments_s3_bucket="b-1",
        attachments_s3_access_key_id="id",
        attachments_s3_secret_access_key_file=secret,
    )

    assert settings.attachments_s3_secret_access_key is not None
    assert settings.attachments_s3_secret_access_key.get_secret_value() == "from-a-file"
    assert "from-a-file" not in repr(settings)
