"""Content sniffing for uploads: do the bytes match the media type the client declared?

A few magic numbers for the binary types, and for text a check of the whole stream (valid
UTF-8, no NUL or other control bytes but tab, CR, LF and form feed), fed chunk by chunk while
the upload streams. A declared type without a check here is never accepted.
"""

from __future__ import annotations

import codecs
import re

# Leading bytes each binary type must start with (alternatives per type).
_MAGIC: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF-",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/webp": (b"RIFF",),  # and "WEBP" at offset 8, checked below
}
_TEXT = frozenset({"text/plain", "text/csv"})
_HEAD_BYTES = 16
# Control characters plain text may not hold (tab, LF, form feed and CR are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

SNIFFABLE = frozenset(_MAGIC) | _TEXT


class ContentMismatch(ValueError):
    """The bytes are not what the declared media type says."""


def media_type(declared: str) -> str:
    """The bare media type of a Content-Type value: lower case, parameters dropped."""
    return declared.split(";", 1)[0].strip().lower()


class ContentCheck:
    """Checks one stream against its declared type; `feed` each chunk, then `finish`."""

    def __init__(self, content_type: str) -> None:
        if content_type not in SNIFFABLE:
            raise ContentMismatch(f"{content_type} cannot be checked")
        self.content_type = content_type
        self._head = b""
        self._decoder = codecs.getincrementaldecoder("utf-8")() if content_type in _TEXT else None

    def feed(self, chunk: bytes) -> None:
        """Check the next chunk (raises ContentMismatch as soon as the bytes give it away)."""
        if len(self._head) < _HEAD_BYTES:
            self._head += chunk[: _HEAD_BYTES - len(self._head)]
            if len(self._head) >= _HEAD_BYTES:
                self._check_head()
        if self._decoder is not None:
            self._check_text(chunk, final=False)

    def finish(self) -> None:
        """The stream has ended: check what a short stream left unchecked."""
        if len(self._head) < _HEAD_BYTES:
            self._check_head()
        if self._decoder is not None:
            self._check_text(b"", final=True)

    def _check_head(self) -> None:
        head = self._head
        if self._decoder is not None:
            if not head:
                raise ContentMismatch("the upload is empty")
            if any(head.startswith(magic) for magics in _MAGIC.values() for magic in magics):
                raise ContentMismatch(f"the bytes are not {self.content_type}")
            return
        magics = _MAGIC[self.content_type]
        matches = any(head.startswith(magic) for magic in magics)
        if self.content_type == "image/webp":
            matches = matches and head[8:12] == b"WEBP"
        if not matches:
            raise ContentMismatch(f"the bytes are not {self.content_type}")

    def _check_text(self, chunk: bytes, *, final: bool) -> None:
        assert self._decoder is not None
        try:
            text = self._decoder.decode(chunk, final=final)
        except UnicodeDecodeError as error:
            raise ContentMismatch(f"the bytes are not UTF-8 {self.content_type}") from error
        if _CONTROL.search(text):
            raise ContentMismatch(f"the bytes are not {self.content_type} (control characters)")
