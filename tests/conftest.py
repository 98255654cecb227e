"""Test isolation: offscreen Qt, a temporary Guardian home for every test,
an in-memory keyring, and no network (pytest-socket, see pyproject)."""

from __future__ import annotations

import gc
import os

# Before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "ar_SA.UTF-8")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import keyring  # noqa: E402
import platformdirs  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from guardian import paths  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets everything when the test ends."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


_REAL_DATA_DIR = Path(platformdirs.user_data_dir("guardian", appauthor=False))
_REAL_DATA_EXISTED = _REAL_DATA_DIR.exists()


@pytest.fixture(autouse=True)
def guardian_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "guardian-home"
    monkeypatch.setenv(paths.ENV_HOME, str(home))
    monkeypatch.delenv("GUARDIAN_PASSPHRASE", raising=False)
    paths.init(home)
    yield home
    paths.reset()
    from guardian import logs
    logs.shutdown()


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """A machine where no keyring backend works (headless Linux)."""
    from keyring.backends import fail
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def collector_enabled() -> Iterator[None]:
    """Python's cycle collector on for the test, as the test run found it after."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # The tests must never touch the user's real data folder.
    if not _REAL_DATA_EXISTED and _REAL_DATA_DIR.exists():
        print(f"\nFAILED: a test created the real data folder {_REAL_DATA_DIR}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
