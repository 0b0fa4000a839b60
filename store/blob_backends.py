"""Which blob store holds the attachment bytes: the one `C360_ATTACHMENTS_BACKEND` names.

Opened once at startup (the app's routes, `serve`'s preflight, the seed job); an S3 bucket
that does not answer stops the start with one line (BlobStoreUnavailable), not at the first
upload.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from core.errors import StoreUnavailable
from core.settings import Settings
from store.blobs import BlobStore, BlobStoreUnavailable, FilesystemBlobStore


def open_blob_store(settings: Settings) -> BlobStore:
    """The configured store, checked: for S3, the bucket has answered a HEAD request."""
    if settings.attachments_backend != "s3":
        return FilesystemBlobStore(settings.attachments_dir)
    try:
        from store.blobs_s3 import S3BlobStore
    except ImportError:
        # botocore is optional (the `s3` extra): the filesystem default needs none of it.
        raise BlobStoreUnavailable(
            "C360_ATTACHMENTS_BACKEND=s3 needs botocore: install the project's `s3` extra"
        ) from None
    store = S3BlobStore.from_settings(settings)
    store.check()
    return store


def blob_store_check(settings: Settings) -> Callable[[], Awaitable[str]] | None:
    """The readiness check of the attachment storage: for S3, the bucket answers a HEAD
    request (off the event loop); None for the filesystem store (it is the local disk)."""
    if settings.attachments_backend != "s3":
        return None
    from store.blobs_s3 import S3BlobStore

    store = S3BlobStore.from_settings(settings)

    async def attachments() -> str:
        try:
            await asyncio.to_thread(store.check)
        except BlobStoreUnavailable as error:
            raise StoreUnavailable(str(error)) from None  # its one line is the health detail
        return f"s3 bucket {store.bucket}"

    return attachments
