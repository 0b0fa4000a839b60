"""Envelope encryption of stored text: a key ring of key-encryption keys and sealed tokens.

Each value gets a fresh 256-bit data key; the value is encrypted with AES-GCM under it, and
the data key is wrapped (AES-GCM again) by the active key-encryption key of a `KeyProvider`.
The result is one self-describing text token,

    enc:v1:<key id>:<base64url wrapped data key>:<base64url nonce + ciphertext>

so a value names the key that opens it (rotation re-wraps values one by one, old and new keys
side by side). The caller's associated data (e.g. "note:<id>:subject") is bound into the
ciphertext: a token copied onto another record or field does not open.

`LocalKeyring` holds the keys itself (from settings or a key file); an external KMS implements
`KeyProvider` (wrap and unwrap a data key) and the rest stays the same.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from core.errors import GatewayError

PREFIX = "enc:v1:"
KEY_BYTES = 32
NONCE_BYTES = 12
_KEY_ID = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")


class DecryptionFailed(GatewayError):
    """A stored value that does not open: corrupted, swapped, or under a key the ring lacks."""

    code = "DECRYPTION_FAILED"


class KeyConfigError(ValueError):
    """The encryption keys are missing or malformed; the message names the setting."""


class KeyProvider(Protocol):
    """Wraps and unwraps data keys; the local key ring or an external KMS."""

    @property
    def active_key_id(self) -> str:
        """The key new values are wrapped with."""
        ...

    def key_ids(self) -> frozenset[str]:
        """Every key id this provider can unwrap."""
        ...

    def wrap(self, data_key: bytes) -> bytes:
        """The data key encrypted under the active key."""
        ...

    def unwrap(self, key_id: str, wrapped: bytes) -> bytes:
        """The data key back; raises DecryptionFailed when it does not open."""
        ...


@dataclass(frozen=True)
class LocalKeyring:
    """Key-encryption keys held in memory (from settings or a key file)."""

    keys: Mapping[str, bytes]
    active: str

    def __post_init__(self) -> None:
        if self.active not in self.keys:
            raise KeyConfigError(
                f"C360_ENCRYPTION_ACTIVE_KEY {self.active!r} is not one of the configured keys "
                f"({', '.join(sorted(self.keys))})"
            )

    @property
    def active_key_id(self) -> str:
        """The key new values are wrapped with."""
        return self.active

    def key_ids(self) -> frozenset[str]:
        """Every key id in the ring."""
        return frozenset(self.keys)

    def wrap(self, data_key: bytes) -> bytes:
        """The data key encrypted under the active key (its id as associated data)."""
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(self.keys[self.active]).encrypt(nonce, data_key, self.active.encode())
        return nonce + sealed

    def unwrap(self, key_id: str, wrapped: bytes) -> bytes:
        """The data key back, or DecryptionFailed."""
        key = self.keys.get(key_id)
        if key is None:
            raise DecryptionFailed(f"no key {key_id!r} in the key ring")
        try:
            return AESGCM(key).decrypt(
                wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], key_id.encode()
            )
        except (InvalidTag, ValueError):
            raise DecryptionFailed(f"the data key does not open with key {key_id!r}") from None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def is_sealed(value: object) -> bool:
    """True for a sealed token (and only for one: stored plain text never starts so)."""
    return isinstance(value, str) and value.startswith(PREFIX)


def key_id_of(token: str) -> str:
    """The id of the key a token's data key is wrapped with."""
    return token[len(PREFIX) :].split(":", 1)[0]


@dataclass(frozen=True)
class Envelope:
    """Seals and opens values with fresh data keys wrapped by a `KeyProvider`."""

    provider: KeyProvider

    def seal(self, plaintext: str, context: str) -> str:
        """The token of `plaintext`, bound to `context` (the record and field it belongs to)."""
        data_key = AESGCM.generate_key(bit_length=KEY_BYTES * 8)
        nonce = os.urandom(NONCE_BYTES)
        ciphertext = AESGCM(data_key).encrypt(nonce, plaintext.encode(), context.encode())
        wrapped = self.provider.wrap(data_key)
        key_id = self.provider.active_key_id
        return f"{PREFIX}{key_id}:{_b64(wrapped)}:{_b64(nonce + ciphertext)}"

    def open(self, token: str, context: str) -> str:
        """The plaintext of a token sealed for `context`; DecryptionFailed when it does not open."""
        try:
            key_id, wrapped, payload = token[len(PREFIX) :].split(":")
            data_key = self.provider.unwrap(key_id, _unb64(wrapped))
            nonce, ciphertext = (raw := _unb64(payload))[:NONCE_BYTES], raw[NONCE_BYTES:]
            return AESGCM(data_key).decrypt(nonce, ciphertext, context.encode()).decode()
        except DecryptionFailed:
            raise
        except (InvalidTag, ValueError, binascii.Error, UnicodeDecodeError):
            raise DecryptionFailed("a stored value could not be decrypted") from None

    def reseal(self, token: str, context: str) -> str:
        """The token under the active key (unchanged when it already is)."""
        if key_id_of(token) == self.provider.active_key_id:
            return token
        return self.seal(self.open(token, context), context)


def parse_keys(text: str, source: str) -> dict[str, bytes]:
    """`kid:<base64 of 32 bytes>` entries, separated by commas or lines; errors name `source`."""
    keys: dict[str, bytes] = {}
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    entries = [e.strip() for e in re.split(r"[,\n]", "\n".join(lines)) if e.strip()]
    for number, entry in enumerate(entries, 1):
        key_id, _, encoded = entry.partition(":")
        try:
            key = base64.b64decode(encoded.strip(), validate=True)
        except (binascii.Error, ValueError):
            key = b""
        if not _KEY_ID.match(key_id.strip()) or len(key) != KEY_BYTES:
            raise KeyConfigError(
                f"{source}: entry {number} is not <key id>:<base64 of {KEY_BYTES} random bytes>"
            )
        if key_id.strip() in keys:
            raise KeyConfigError(f"{source}: key id {key_id.strip()!r} is listed twice")
        keys[key_id.strip()] = key
    if not keys:
        raise KeyConfigError(f"{source} holds no key")
    return keys


def new_key_line(key_id: str) -> str:
    """A fresh `kid:<base64>` entry (for `python -m gateway encryption-key` and the dev key)."""
    return f"{key_id}:{base64.b64encode(os.urandom(KEY_BYTES)).decode()}"


def development_key_file(path: Path) -> str:
    """The development key ring file's content, generated (0600) on first use."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(
                "# development key ring, generated by the gateway: not for production\n"
                + new_key_line("dev1")
                + "\n"
            )
    return path.read_text(encoding="utf-8")


def keyring(
    keys: str | None, key_file: Path | None, active: str | None, *, dev_file: Path | None
) -> LocalKeyring:
    """The key ring from settings: the keys, else the key file, else (outside production) the
    development key file; none of them raises KeyConfigError."""
    if keys and key_file:
        raise KeyConfigError("set C360_ENCRYPTION_KEYS or C360_ENCRYPTION_KEY_FILE, not both")
    if keys:
        ring = parse_keys(keys, "C360_ENCRYPTION_KEYS")
    elif key_file is not None:
        try:
            text = key_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise KeyConfigError(
                f"C360_ENCRYPTION_KEY_FILE {str(key_file)!r}: {exc.strerror}"
            ) from None
        ring = parse_keys(text, "C360_ENCRYPTION_KEY_FILE")
    elif dev_file is not None:
        ring = parse_keys(development_key_file(dev_file), str(dev_file))
    else:
        raise KeyConfigError(
            "C360_ENCRYPTED_SCOPES needs a key: set C360_ENCRYPTION_KEYS or "
            "C360_ENCRYPTION_KEY_FILE (no value is written in plain text instead)"
        )
    if active is None:
        if len(ring) > 1:
            raise KeyConfigError(
                "several encryption keys are configured: name the one for new values in "
                "C360_ENCRYPTION_ACTIVE_KEY"
            )
        active = next(iter(ring))
    return LocalKeyring(ring, active)
