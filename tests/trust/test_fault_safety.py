"""Faults that are not crashes: a full disk, a read-only data folder, a
damaged database file.  Each gives a clear one-line error and loses or
overwrites nothing."""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from trust_helpers import FIXTURES, PASSPHRASE, ROOT, child_env, store_snapshot, telegram_json_export

from guardian.store.database import Store, StoreError, Unlock

SMALL_EXPORT = FIXTURES / "telegram" / "full_account.json"


def _cli(argv: list[str], home: Path, preexec: Callable[[], None] | None = None,
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "guardian", *argv], env=child_env(home), cwd=ROOT,
                          capture_output=True, text=True, timeout=300, preexec_fn=preexec)


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line of error, got:\n{stderr[-3000:]}"
    assert lines[0].startswith("guardian: ")
    return lines[0]


@contextlib.contextmanager
def _tmpfs(folder: Path, size: str) -> Iterator[bool]:
    """Mount a small tmpfs on `folder` (root only); yields False when that
    is not possible here."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        yield False
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                              str(folder)], capture_output=True).returncode == 0
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=True)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- full disk ------------------------------------------------------------------------


def test_full_disk_is_a_clear_error_and_keeps_earlier_data(tmp_path: Path) -> None:
    home = tmp_path / "home"
    data = home / "data"
    big = telegram_json_export(tmp_path / "result.json", 20_000)
    with _tmpfs(data, "3m") as mounted:
        first = _cli(["import", str(SMALL_EXPORT)], home)
        assert first.returncode == 0, first.stderr
        before = store_snapshot(data / "guardian.sqlite3")

        preexec = None
        if not mounted:
            # No tmpfs here: a file-size limit makes every write past it fail
            # (EFBIG) the way a full disk does (ENOSPC).
            cap = (data / "guardian.sqlite3").stat().st_size + 512 * 1024

            def preexec() -> None:
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (cap, cap))

        full = _cli(["import", str(big)], home, preexec)
        assert full.returncode == 1, full.stderr
        line = _one_line(full.stderr)
        assert "disk" in line and "undone" in line and "unexpected" not in line, line

        after = store_snapshot(data / "guardian.sqlite3")
        assert after == before
        listed = _cli(["list"], home)
        assert listed.returncode == 0, listed.stderr


# --- read-only data folder --------------------------------------------------------------


def test_read_only_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    home = tmp_path / "home"
    data = home / "data"
    with _tmpfs(data, "16m") as mounted:
        if not mounted and os.geteuid() == 0:
            pytest.skip("running as root without mount: permissions cannot make a folder read-only")
        first = _cli(["import", str(SMALL_EXPORT)], home)
        assert first.returncode == 0, first.stderr
        db = data / "guardian.sqlite3"
        digest = _sha(db)
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(data)], check=True)
        else:
            data.chmod(0o500)
        try:
            for argv in (["import", str(FIXTURES / "telegram" / "single_chat.json")], ["list"]):
                result = _cli(argv, home)
                assert result.returncode == 1, (argv, result.stderr)
                line = _one_line(result.stderr)
                assert "read-only" in line and str(data) in line, line
            assert _sha(db) == digest
        finally:
            if mounted:
                subprocess.run(["mount", "-o", "remount,rw", str(data)], check=True)
            else:
                data.chmod(0o700)
        # Writable again: everything is still there and importing works.
        again = _cli(["import", str(FIXTURES / "telegram" / "single_chat.json")], home)
        assert again.returncode == 0, again.stderr


# --- a damaged database file ------------------------------------------------------------


@pytest.fixture(scope="module")
def real_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("store")
    db = folder / "guardian.sqlite3"
    export = telegram_json_export(folder / "result.json", 5_000)
    from zoneinfo import ZoneInfo

    from guardian.importing import import_paths
    with Store.open(db, Unlock(passphrase=PASSPHRASE)) as store:
        import_paths(store, [export, SMALL_EXPORT], tz=ZoneInfo("Asia/Riyadh"), tz_name="Asia/Riyadh")
    assert not Path(f"{db}-wal").exists()
    return db


def _damage(real_store: Path, home: Path, where: float) -> Path:
    """A copy of a real store with 4 KiB overwritten at `where` of its size."""
    data = home / "data"
    data.mkdir(parents=True)
    db = data / "guardian.sqlite3"
    shutil.copy(real_store, db)
    size = db.stat().st_size
    noise = hashlib.sha256(str(where).encode()).digest() * 128   # 4 KiB of fixed "random" bytes
    with open(db, "r+b") as f:
        f.seek(int(size * where))
        f.write(noise)
    return db


@pytest.mark.parametrize("where", [0.25, 0.5, 0.75])
def test_import_into_a_damaged_database_is_refused_and_writes_nothing(
        where: float, real_store: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = _damage(real_store, home, where)
    digest = _sha(db)
    result = _cli(["import", str(FIXTURES / "telegram" / "single_chat.json")], home)
    assert result.returncode == 1, result.stderr
    line = _one_line(result.stderr)
    assert "damaged" in line and "unexpected" not in line, line
    assert _sha(db) == digest, "the import wrote into the damaged database"
    listed = _cli(["list"], home)
    assert _sha(db) == digest, "listing changed the damaged database"
    assert "unexpected" not in listed.stderr


@pytest.mark.parametrize("where", [0.25, 0.5, 0.75])
def test_store_open_refuses_a_damaged_database(where: float, real_store: Path, tmp_path: Path) -> None:
    """Damage in the message pages (not only the header, meta or keyslots)
    is found at open, so `guardian list` never shows a partial picture."""
    home = tmp_path / "home"
    db = _damage(real_store, home, where)
    digest = _sha(db)
    with pytest.raises(StoreError):
        Store.open(db, Unlock(passphrase=PASSPHRASE)).close()
    assert _sha(db) == digest
    listed = _cli(["list"], home)
    assert listed.returncode == 1, listed.stdout
    assert "unexpected" not in _one_line(listed.stderr)
    assert _sha(db) == digest


def test_damaged_header_is_refused_and_never_overwritten(real_store: Path, tmp_path: Path) -> None:
    db = tmp_path / "guardian.sqlite3"
    shutil.copy(real_store, db)
    with open(db, "r+b") as f:
        f.write(os.urandom(100))
    digest = _sha(db)
    with pytest.raises(StoreError):
        Store.open(db, Unlock(passphrase=PASSPHRASE)).close()
    assert _sha(db) == digest
