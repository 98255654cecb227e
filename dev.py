#!/usr/bin/env python3
"""Set up Guardian from a fresh clone, then run it or test it.

    python3 dev.py demo    install, then open the app on the bundled demo export
    python3 dev.py test    install, then run the whole test suite (offscreen)

Installing means: the system libraries Qt needs (installed with apt-get
when run as root on Debian/Ubuntu, otherwise named so you can install
them), a virtual environment in .venv, Guardian and its dependencies, the
camel-tools modules we use (without the torch it declares but we never
import), and the compiled translations.  A second run reuses .venv.
Extra arguments after `test` go to pytest.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".guardian-installed"
CAMEL_TOOLS = "camel-tools==1.6.0"

# Shared library -> Debian package, for Qt's offscreen platform (tests)...
OFFSCREEN_LIBS = {
    "libglib-2.0.so.0": "libglib2.0-0", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1",
    "libX11.so.6": "libx11-6", "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
}
# ...and what a real X11 window adds.
WINDOW_LIBS = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def say(message: str) -> None:
    print(f"[guardian setup] {message}", flush=True)


def fail(message: str, code: int = 1) -> None:
    print(f"[guardian setup] {message}", file=sys.stderr, flush=True)
    raise SystemExit(code)


# --- system packages ------------------------------------------------------------

def _known_libraries() -> set[str]:
    try:
        out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        out = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    return {line.split()[0] for line in out.splitlines()[1:] if line.strip()}


def missing_packages(libs: dict[str, str]) -> list[str]:
    if not sys.platform.startswith("linux"):
        return []
    known = _known_libraries()
    return sorted({package for lib, package in libs.items() if lib not in known})


def ensure_packages(packages: list[str], why: str) -> None:
    if not packages:
        return
    apt = shutil.which("apt-get")
    if apt and hasattr(os, "geteuid") and os.geteuid() == 0:
        say(f"installing {why}: {' '.join(packages)}")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run([apt, "update", "-qq"], check=True, env=env)
        subprocess.run([apt, "install", "-y", "-qq", "--no-install-recommends", *packages],
                       check=True, env=env)
        return
    fail(f"Qt needs these system packages ({why}), please install them and run again:\n"
         f"    sudo apt-get install {' '.join(packages)}")


# --- the virtual environment ------------------------------------------------------

def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def make_venv() -> None:
    if venv_python().exists():
        return
    say("creating .venv")
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    except (subprocess.CalledProcessError, OSError):
        shutil.rmtree(VENV, ignore_errors=True)
        # Debian splits ensurepip out of python3 into python3-venv.
        version = f"python3.{sys.version_info.minor}-venv"
        ensure_packages(["python3-venv", version], "Python's venv module")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)


def _install_fingerprint(extras: str) -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(extras.encode())
    for ts in sorted((ROOT / "translations").glob("*.ts")):
        digest.update(ts.read_bytes())
    return digest.hexdigest()


def install(extras: str) -> None:
    if sys.version_info < (3, 11):
        fail(f"Guardian needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    make_venv()
    fingerprint = _install_fingerprint(extras)
    if STAMP.exists() and STAMP.read_text() == fingerprint:
        return
    py = str(venv_python())
    pip = [py, "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    say("installing Guardian and its dependencies into .venv")
    subprocess.run([*pip, "-e", f".{extras}"], check=True, cwd=ROOT)
    # camel-tools declares torch and transformers, which the modules we use
    # never import; installing it without dependencies keeps torch out.
    subprocess.run([*pip, "--no-deps", CAMEL_TOOLS], check=True, cwd=ROOT)
    say("compiling translations")
    subprocess.run([py, str(ROOT / "translations" / "update.py"), "--release"], check=True, cwd=ROOT)
    STAMP.write_text(fingerprint)


# --- commands -----------------------------------------------------------------------

def run_demo(extra: list[str]) -> int:
    ensure_packages(missing_packages(OFFSCREEN_LIBS), "for Qt")
    install("")
    has_display = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                       or os.environ.get("QT_QPA_PLATFORM"))
    if sys.platform.startswith("linux") and os.environ.get("DISPLAY"):
        ensure_packages(missing_packages(WINDOW_LIBS), "for a window on X11")
    if sys.platform.startswith("linux") and not has_display:
        fail("Guardian is installed, but this machine has no display to show its window.\n"
             "Run it under a virtual display:  apt-get install xvfb && xvfb-run -a python3 dev.py demo\n"
             "or connect with `ssh -X`, or set QT_QPA_PLATFORM=offscreen to start it without a window.",
             code=5)
    guardian = VENV / ("Scripts/guardian.exe" if os.name == "nt" else "bin/guardian")
    return subprocess.run([str(guardian), *extra, "demo"]).returncode


def run_tests(extra: list[str]) -> int:
    ensure_packages(missing_packages(OFFSCREEN_LIBS), "for Qt")
    install("[test]")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([str(venv_python()), "-m", "pytest", *extra], cwd=ROOT, env=env).returncode


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("demo", "test"):
        print(__doc__)
        return 2
    command, extra = argv[0], argv[1:]
    return run_demo(extra) if command == "demo" else run_tests(extra)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
