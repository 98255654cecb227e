"""Where the data key comes from: the OS keyring or the parent's passphrase.

There is never a plaintext key file.  With a working OS keyring (Windows
Credential Manager, macOS Keychain, Secret Service) the random data key is
kept there.  Where none works (headless Linux, a locked-down account) the
data key is wrapped with a key derived from the parent's passphrase by
scrypt, and the wrapped key sits in the database; without the passphrase
the data cannot be read.

The passphrase can come from a prompt (a terminal or the GUI), from the
`GUARDIAN_PASSPHRASE` environment variable or from `--passphrase-file`,
for scripted and counsellor use.  Commands never wait on a prompt when
stdin is not a terminal.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from guardian.store.crypto import Cipher, DecryptionError

log = logging.getLogger(__name__)

ENV_PASSPHRASE = "GUARDIAN_PASSPHRASE"
KEYRING_SERVICE = "Guardian"

# scrypt cost: about 0.1 s and 32 MiB on a 2020 laptop; slows down guessing
# of a stolen database without making unlocking noticeable.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1

# Keyring backends that would store the key as plain text or nowhere.
_REFUSED_BACKENDS = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")


class LockedError(Exception):
    """The store is encrypted and no key is available."""


class WrongPassphrase(Exception):
    """The passphrase does not unlock the data key."""


@dataclass(frozen=True)
class WrappedKey:
    """The data key encrypted under a passphrase-derived key."""

    salt: bytes
    params: dict[str, int]
    wrapped: bytes

    def to_row(self) -> tuple[bytes, str, bytes]:
        return self.salt, json.dumps(self.params, sort_keys=True), self.wrapped

    @classmethod
    def from_row(cls, salt: bytes, params: str, wrapped: bytes) -> WrappedKey:
        return cls(salt, json.loads(params), wrapped)


def _derive(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    kdf = Scrypt(salt=salt, length=32, n=params["n"], r=params["r"], p=params["p"])
    return kdf.derive(passphrase.encode("utf-8"))


def wrap_with_passphrase(data_key: bytes, passphrase: str) -> WrappedKey:
    if not passphrase:
        raise ValueError("the passphrase is empty")
    salt = os.urandom(16)
    params = {"n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P}
    wrapping = Cipher(_derive(passphrase, salt, params))
    return WrappedKey(salt, params, wrapping.encrypt(data_key, b"guardian data key"))


def unwrap_with_passphrase(wrapped: WrappedKey, passphrase: str) -> bytes:
    wrapping = Cipher(_derive(passphrase, wrapped.salt, wrapped.params))
    try:
        return wrapping.decrypt(wrapped.wrapped, b"guardian data key")
    except DecryptionError:
        raise WrongPassphrase("the passphrase does not open this data") from None


# --- slowing down guesses --------------------------------------------------

FAILURES_FILE = ".unlock-failures"
MAX_DELAY_S = 30.0
_sleep = time.sleep   # tests replace it


def backoff_delay(failures: int) -> float:
    """Seconds to wait before the next try after `failures` wrong passphrases
    in a row: none for the first, then 1, 2, 4 ... up to 30."""
    return 0.0 if failures <= 0 else min(2.0 ** (failures - 1), MAX_DELAY_S)


class GuessGuard:
    """Counts wrong passphrases in a row, in a file beside the database (a
    number only, never what was typed), so that guessing through the app or
    the CLI gets slower with every miss, across restarts too."""

    def __init__(self, folder: Path) -> None:
        self._path = folder / FAILURES_FILE

    def failures(self) -> int:
        try:
            return int(self._path.read_text(encoding="ascii").strip() or 0)
        except (OSError, ValueError):
            return 0

    def wait(self) -> None:
        delay = backoff_delay(self.failures())
        if delay:
            log.info("waiting %.0f s after earlier wrong passphrases", delay)
            _sleep(delay)

    def failed(self) -> None:
        try:
            self._path.write_text(str(self.failures() + 1), encoding="ascii")
        except OSError:
            pass

    def succeeded(self) -> None:
        self._path.unlink(missing_ok=True)


def unwrap_guarded(wrapped: WrappedKey, passphrase: str, guard: GuessGuard) -> bytes:
    guard.wait()
    try:
        key = unwrap_with_passphrase(wrapped, passphrase)
    except WrongPassphrase:
        guard.failed()
        raise
    guard.succeeded()
    return key


# --- OS keyring -------------------------------------------------------------

def keyring_usable() -> bool:
    """True when an OS keyring backend that really protects secrets works."""
    try:
        import keyring
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring install must not stop the app
        return False
    backends = getattr(backend, "backends", None)
    candidates = backends if backends is not None else [backend]
    if not candidates:
        return False
    for candidate in candidates:
        module = type(candidate).__module__
        if module.startswith(_REFUSED_BACKENDS) or "Plaintext" in type(candidate).__name__:
            return False
    try:
        keyring.get_password(KEYRING_SERVICE, "probe")
    except Exception:
        return False
    return True


def _keyring_user(store_id: str) -> str:
    return f"data-key:{store_id}"


def keyring_save(store_id: str, data_key: bytes) -> None:
    import keyring
    keyring.set_password(KEYRING_SERVICE, _keyring_user(store_id),
                         base64.b64encode(data_key).decode("ascii"))


def keyring_load(store_id: str) -> bytes | None:
    import keyring
    try:
        value = keyring.get_password(KEYRING_SERVICE, _keyring_user(store_id))
    except Exception as exc:
        log.warning("keyring read failed: %s", type(exc).__name__)
        return None
    return base64.b64decode(value) if value else None


def keyring_delete(store_id: str) -> None:
    import keyring
    try:
        keyring.delete_password(KEYRING_SERVICE, _keyring_user(store_id))
    except Exception:
        pass


# --- where a passphrase comes from ------------------------------------------

PassphraseSource = Callable[[bool], str | None]
"""Called with `creating=True` when a new passphrase is being set; returns
None when no passphrase can be had (no terminal, the user cancelled)."""


def passphrase_from_env_or_file(passphrase_file: Path | None) -> str | None:
    if passphrase_file is not None:
        try:
            text = passphrase_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise LockedError(f"{passphrase_file}: cannot read the passphrase file "
                              f"({exc.strerror or exc})") from None
        value = text.rstrip("\r\n")
        if not value:
            raise LockedError(f"{passphrase_file}: the passphrase file is empty")
        return value
    value = os.environ.get(ENV_PASSPHRASE)
    return value or None


def terminal_prompt(creating: bool) -> str | None:
    """Ask on the terminal; never when stdin is not one."""
    import getpass
    import sys
    if not sys.stdin.isatty():
        return None
    if creating:
        first = getpass.getpass("New passphrase for Guardian's data: ")
        second = getpass.getpass("Repeat the passphrase: ")
        if first != second:
            raise LockedError("the two passphrases differ")
        return first or None
    return getpass.getpass("Guardian passphrase: ") or None
