"""The Linux tarball's install.sh and uninstall.sh, run for real in a
throwaway HOME with a stand-in for the frozen app (no build needed)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "org.guardian.Guardian"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("sh"),
                                reason="the Linux installer scripts need a POSIX shell on Linux")

# Stands in for the frozen `guardian`: --help lists delete-all (or not), and
# delete-all leaves a mark so the test sees the uninstaller used it.
FAKE_APP = """#!/bin/sh
case "$1" in
    --help) echo "usage: guardian {{demo,import,list,scan{commands}}} ..." ;;
    --version) echo "Guardian 9.9.9" ;;
    delete-all) [ "$2" = "--yes" ] && echo wiped > "$HOME/delete-all-ran" ;;
esac
"""


def load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("guardian_packaging_build_for_install",
                                                  ROOT / "packaging" / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tarball_folder(tmp_path: Path, with_delete_all: bool = True) -> Path:
    """What the tarball unpacks to, with a fake app and fake icons."""
    frozen = tmp_path / "frozen"
    (frozen / "_internal" / "assets").mkdir(parents=True)
    app = frozen / "guardian"
    app.write_text(FAKE_APP.format(commands=",delete-all" if with_delete_all else ""))
    app.chmod(0o755)
    icons = tmp_path / "icons"
    for size in ("16x16", "256x256", "scalable"):
        folder = icons / "hicolor" / size / "apps"
        folder.mkdir(parents=True)
        (folder / f"{APP_ID}.{'svg' if size == 'scalable' else 'png'}").write_bytes(b"icon")
    return load_build().stage_linux(frozen, icons, tmp_path / "out", "9.9.9")


def user_env(home: Path) -> dict[str, str]:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    return env


def run(script: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(["sh", str(script), *args], env=user_env(home), capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def make_data(home: Path) -> list[Path]:
    folders = [home / ".local/share/guardian", home / ".config/guardian", home / ".local/state/guardian/log"]
    for folder in folders:
        folder.mkdir(parents=True)
        (folder / "file").write_text("data")
    return folders


def test_install_puts_everything_in_the_users_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    stage = tarball_folder(tmp_path)
    assert sorted(p.name for p in stage.iterdir()) == ["README.txt", "VERSION", "guardian", "install.sh",
                                                       "share", "uninstall.sh"]
    out = run(stage / "install.sh", home).stdout
    opt = home / ".local/opt/guardian"
    assert (opt / "guardian").is_file() and (opt / "uninstall.sh").is_file()
    link = home / ".local/bin/guardian"
    assert link.is_symlink() and Path(os.readlink(link)) == opt / "guardian"
    desktop = (home / ".local/share/applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'Exec="{opt}/guardian"' in desktop and f"TryExec={opt}/guardian" in desktop
    assert "Name[ar]=حارس" in desktop
    assert (home / ".local/share/metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (home / ".local/share/icons/hicolor/256x256/apps" / f"{APP_ID}.png").is_file()
    assert (home / ".local/share/icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    assert "uninstall.sh" in out
    # Installing again (an upgrade) works and keeps one copy.
    run(stage / "install.sh", home)
    assert sorted(p.name for p in (home / ".local/opt").iterdir()) == ["guardian"]


def test_uninstall_without_a_terminal_keeps_the_data(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    stage = tarball_folder(tmp_path)
    run(stage / "install.sh", home)
    data = make_data(home)
    out = run(home / ".local/opt/guardian/uninstall.sh", home).stdout
    assert all(folder.is_dir() for folder in data)
    assert not (home / ".local/opt/guardian").exists()
    assert not (home / ".local/bin/guardian").exists()
    assert not (home / ".local/share/applications" / f"{APP_ID}.desktop").exists()
    assert not list((home / ".local/share/icons").rglob(f"{APP_ID}.*"))
    assert "kept" in out and not (home / "delete-all-ran").exists()


def test_uninstall_delete_data_uses_the_apps_own_wipe(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    stage = tarball_folder(tmp_path)
    run(stage / "install.sh", home)
    data = make_data(home)
    run(home / ".local/opt/guardian/uninstall.sh", home, "--delete-data")
    assert (home / "delete-all-ran").read_text().strip() == "wiped"
    assert not any(folder.exists() for folder in data)
    assert not (home / ".local/opt/guardian").exists()


def test_uninstall_delete_data_without_delete_all_removes_folders_and_names_the_keyring(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    stage = tarball_folder(tmp_path, with_delete_all=False)
    run(stage / "install.sh", home)
    data = make_data(home)
    out = run(home / ".local/opt/guardian/uninstall.sh", home, "--delete-data").stdout
    assert not (home / "delete-all-ran").exists()
    assert not any(folder.exists() for folder in data)
    assert "keyring" in out and "Guardian" in out


def test_uninstall_refuses_unknown_options(tmp_path: Path) -> None:
    script = ROOT / "packaging" / "linux" / "uninstall.sh"
    result = subprocess.run(["sh", str(script), "--nonsense"], env=user_env(tmp_path), capture_output=True,
                            text=True, stdin=subprocess.DEVNULL)
    assert result.returncode == 2


def test_tarball_is_reproducible_and_keeps_modes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tarfile
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build = load_build()
    stage = tarball_folder(tmp_path)
    first = build.tarball(stage).read_bytes()
    # A build an hour later: nothing in the file may depend on the clock
    # (gzip's header holds a time of its own).
    import time
    later = time.time() + 3600
    monkeypatch.setattr(time, "time", lambda: later)
    second = build.tarball(stage).read_bytes()
    assert first == second
    assert int.from_bytes(first[4:8], "little") == 1700000000     # gzip's header time
    with tarfile.open(stage.parent / f"{stage.name}.tar.gz") as tar:
        members = {m.name: m for m in tar.getmembers()}
    top = stage.name
    assert members[f"{top}/install.sh"].mode == 0o755
    assert members[f"{top}/guardian/guardian"].mode == 0o755
    assert members[f"{top}/share/applications/{APP_ID}.desktop"].mode == 0o644
    assert {m.uid for m in members.values()} == {0}


def test_icons_are_rendered_in_every_size(tmp_path: Path) -> None:
    # In a subprocess: the icon renderer makes its own QGuiApplication.
    code = ("import importlib.util, sys; from pathlib import Path\n"
            f"spec = importlib.util.spec_from_file_location('b', {str(ROOT / 'packaging' / 'build.py')!r})\n"
            "b = importlib.util.module_from_spec(spec); spec.loader.exec_module(b)\n"
            f"b.render_icons(Path({str(tmp_path / 'icons')!r}))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=120)
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = (tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        assert struct.unpack(">II", png[16:24]) == (size, size)
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    ico = (tmp_path / "icons" / "guardian.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 7)
    icns = (tmp_path / "icons" / "guardian.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
