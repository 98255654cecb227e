"""Encryption of chat content at rest.

One random 256-bit data key encrypts every piece of chat content with
AES-256-GCM (a fresh 96-bit nonce per value).  The data key itself is never
written to disk in plaintext: it lives in the OS keyring or is wrapped with
a key derived from the parent's passphrase (see `guardian.keys`).

Dedup needs to compare messages without decrypting them, so the cipher
also derives a separate HMAC key for fingerprints: equal content gives
equal fingerprints, yet the fingerprints reveal nothing without the key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from collections.abc import Iterator

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12
_NONCES_PER_DRAW = 4096
_FINGERPRINT_INFO = b"guardian fingerprint key v1"


class DecryptionError(Exception):
    """The data key does not open this value: wrong key or damaged data."""


def new_data_key() -> bytes:
    return os.urandom(KEY_BYTES)


class Cipher:
    """Encrypts and decrypts values with one data key."""

    __slots__ = ("_aead", "_fp_base", "_fp_key", "_key", "_nonces")

    def __init__(self, data_key: bytes) -> None:
        if len(data_key) != KEY_BYTES:
            raise ValueError("data key must be 32 bytes")
        self._key = data_key
        self._aead = AESGCM(data_key)
        self._fp_key = hmac.new(data_key, _FINGERPRINT_INFO, hashlib.sha256).digest()
        # Keyed BLAKE2b with the key block already absorbed: copying it is
        # cheaper than keying a new hash for each of a million messages.
        self._fp_base = hashlib.blake2b(key=self._fp_key, digest_size=16)
        self._nonces: Iterator[bytes] = iter(())

    def export_key(self) -> bytes:
        """The raw data key, only for re-wrapping it under a new passphrase
        or saving it to the OS keyring.  Never log or write it."""
        return self._key

    def encrypt(self, plaintext: bytes, associated: bytes | None = None) -> bytes:
        nonce = self._next_nonce()
        return nonce + self._aead.encrypt(nonce, plaintext, associated)

    def _next_nonce(self) -> bytes:
        # Random 96-bit nonces, drawn from the OS 48 KB at a time: one system
        # call per 4096 messages instead of one per message (the call can
        # take a third of a millisecond on a busy virtual machine), cut up
        # once, so that taking one is a single call on the import's hot path.
        return next(self._nonces, None) or self._draw_nonces()

    def _draw_nonces(self) -> bytes:
        pool = os.urandom(NONCE_BYTES * _NONCES_PER_DRAW)
        self._nonces = iter([pool[at:at + NONCE_BYTES] for at in range(0, len(pool), NONCE_BYTES)])
        return next(self._nonces)

    def decrypt(self, blob: bytes, associated: bytes | None = None) -> bytes:
        try:
            return self._aead.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], associated)
        except (InvalidTag, ValueError) as exc:
            raise DecryptionError("cannot decrypt: wrong key or damaged data") from exc

    def encrypt_text(self, text: str) -> bytes:
        return self.encrypt(text.encode("utf-8", "surrogatepass"))

    def decrypt_text(self, blob: bytes) -> str:
        return self.decrypt(blob).decode("utf-8", "surrogatepass")

    def encrypt_fields(self, *fields: str | None) -> bytes:
        """Several strings (None allowed) in one ciphertext: one AES call
        per message instead of one per column keeps big imports fast."""
        return self.encrypt(pack_fields(fields))

    def decrypt_fields(self, blob: bytes) -> list[str | None]:
        return unpack_fields(self.decrypt(blob))

    def fingerprint(self, *parts: str) -> bytes:
        """A keyed 16-byte digest of the parts, for equality lookups.

        Keyed BLAKE2b (a MAC by design) over the parts in netstring form
        ("5:hello3:abc"), so no two different part lists share an input;
        one C call per message keeps million-message imports fast."""
        payload = "".join(f"{len(part)}:{part}" for part in parts)
        return self.fingerprint_bytes(payload.encode("utf-8", "surrogatepass"))

    def fingerprint_bytes(self, payload: bytes) -> bytes:
        """`fingerprint` of parts the caller already wrote in netstring form
        and encoded (the import caches the parts that repeat)."""
        digest = self._fp_base.copy()
        digest.update(payload)
        return digest.digest()

    def seal_message(self, text_bytes: bytes, raw_bytes: bytes, attachment_name: str | None,
                     raw_is_head: bool = False) -> bytes:
        """A message's content for the import hot path: its text, its raw
        evidence and its attachment name, text and raw already encoded
        (UTF-8, surrogatepass).  Without `raw_is_head`, the format of
        `encrypt_fields(text, raw, attachment_name)`.

        Most raw lines are a header followed by the text: with
        `raw_is_head`, `raw_bytes` is only that header, and its length is
        marked with `_RAW_HEAD` (read back by `open_message`), so the text
        is stored once.  A quarter less to encrypt, insert, log and
        checkpoint on a big import."""
        raw_length = len(raw_bytes) | _RAW_HEAD if raw_is_head else len(raw_bytes)
        plain = b"".join((_U32(len(text_bytes)), text_bytes, _U32(raw_length), raw_bytes,
                          _NONE_BYTES if attachment_name is None
                          else _length_prefixed(attachment_name)))
        nonce = next(self._nonces, None) or self._draw_nonces()     # _next_nonce, inlined
        return nonce + self._aead.encrypt(nonce, plain, None)

    def open_message(self, blob: bytes) -> tuple[str, str, str | None]:
        """(text, raw, attachment name) of a message's content, written by
        either `seal_message` or, as stores before it did,
        `encrypt_fields`."""
        text, raw, name = unpack_fields(self.decrypt(blob), _RAW_HEAD)
        return text or "", raw or "", name


_NONE = 0xFFFFFFFF
# Set in a field's length: the field's value is these bytes followed by the
# first field's (see `seal_message`).  No field comes near 2 GB, and the
# lengths `pack_fields` writes never have it, so older content reads the same.
_RAW_HEAD = 0x80000000
_U32 = struct.Struct("<I").pack
_NONE_BYTES = _U32(_NONE)


def _length_prefixed(value: str) -> bytes:
    data = value.encode("utf-8", "surrogatepass")
    return _U32(len(data)) + data


def pack_fields(fields: tuple[str | None, ...] | list[str | None]) -> bytes:
    out = bytearray()
    for value in fields:
        if value is None:
            out += struct.pack("<I", _NONE)
        else:
            data = value.encode("utf-8", "surrogatepass")
            out += struct.pack("<I", len(data))
            out += data
    return bytes(out)


def unpack_fields(data: bytes, shares_first: int = 0) -> list[str | None]:
    """The fields `pack_fields` wrote; with `shares_first` (`_RAW_HEAD`),
    also those `Cipher.seal_message` wrote."""
    values: list[str | None] = []
    first = b""
    pos = 0
    while pos < len(data):
        (length,) = struct.unpack_from("<I", data, pos)
        pos += 4
        if length == _NONE:
            values.append(None)
            continue
        if length & shares_first:
            length &= ~shares_first
            value = data[pos:pos + length] + first
        else:
            value = data[pos:pos + length]
            if not values:
                first = value
        values.append(value.decode("utf-8", "surrogatepass"))
        pos += length
    return values
