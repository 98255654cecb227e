#!/usr/bin/env python3
"""Build Guardian's installable app for the platform this runs on.

    python packaging/build.py

Run it with the Python that has Guardian's dependencies and PyInstaller
installed (see packaging/README.md).  In order it:

1. reads the version from `guardian.__version__` (the one place it lives)
   and checks the AppStream metainfo names it as the newest release;
2. compiles the translations (`translations/update.py --release`);
3. checks the data the app needs is there, the model above all;
4. renders the icons from assets/icons/guardian.svg with Qt's QSvgRenderer
   (hicolor PNGs 16-512 and the SVG; .ico on Windows, .icns on macOS);
5. freezes the app with PyInstaller and packaging/guardian.spec into
   dist/guardian/ (one folder), and checks the result;
6. prints its size and what dominates it;
7. packs it for the platform:
     Linux    dist/guardian-<version>-linux-<arch>.tar.gz (install.sh, uninstall.sh)
     Windows  runs Inno Setup's iscc on packaging/windows/guardian.iss when found,
              else prints the command
     macOS    dist/Guardian.app; prints the packaging/macos/make_dmg.sh command

Then run `python packaging/smoke_test.py dist/guardian` (Linux, headless).
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import datafiles  # noqa: E402

APP_ID = datafiles.APP_ID
DIST = ROOT / "dist"
BUILD = ROOT / "build"
ICONS = BUILD / "icons"
FROZEN = DIST / "guardian"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# .icns chunk type for each PNG size (the @2x types share the pixel sizes).
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256),
              ("ic09", 512), ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512))
METAINFO = HERE / "linux" / f"{APP_ID}.metainfo.xml"
DESKTOP = HERE / "linux" / f"{APP_ID}.desktop"
LINUX_SCRIPTS = (HERE / "linux" / "install.sh", HERE / "linux" / "uninstall.sh")
LIMIT_MB = 200


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def fail(message: str) -> None:
    print(f"[build] FAILED: {message}", file=sys.stderr, flush=True)
    raise SystemExit(1)


# --- 1. the version -------------------------------------------------------------------

def metainfo_release(path: Path = METAINFO) -> str:
    """The newest release named in the metainfo (releases are listed newest first)."""
    releases = ET.parse(path).getroot().find("releases")
    first = releases.find("release") if releases is not None else None
    if first is None or not first.get("version"):
        raise ValueError(f"{path}: no <releases><release version=...> entry")
    return first.get("version", "")


def check_version() -> str:
    version = datafiles.read_version(ROOT)
    release = metainfo_release()
    if release != version:
        fail(f"guardian.__version__ is {version} but the newest release in "
             f"{METAINFO.relative_to(ROOT)} is {release}: add a <release version=\"{version}\" "
             "date=\"YYYY-MM-DD\"> entry (newest first) before building")
    return version


# --- 2, 3. translations and data -----------------------------------------------------------

def bundle_window_libraries() -> None:
    """Linux: Qt's X11 plugin needs xcb libraries many desktops lack
    (libxcb-cursor0 above all); PyInstaller bundles them only when the build
    machine has them.  dev.py knows the list and installs them as root."""
    if not sys.platform.startswith("linux"):
        return
    sys.path.insert(0, str(ROOT))
    import dev
    dev.ensure_packages(dev.missing_packages({**dev.OFFSCREEN_LIBS, **dev.WINDOW_LIBS}),
                        "so that the build bundles the libraries Qt's X11 window needs")


def compile_translations() -> None:
    subprocess.run([sys.executable, str(ROOT / "translations" / "update.py"), "--release"],
                   check=True, cwd=ROOT)


def check_data() -> None:
    missing = datafiles.missing(ROOT)
    if missing:
        model = [m for m in missing if m in datafiles.MODEL_FILES]
        hint = ("\nThe model is not in this checkout: train it with `guardian train` (writes "
                "assets/model/), or copy the released model files there.") if model else ""
        fail("these files are missing, so the app would not work:\n  " + "\n  ".join(missing) + hint)


# --- 4. icons ------------------------------------------------------------------------------

def render_icons(out: Path = ICONS) -> Path:
    """PNG icons in every size from the SVG, plus .ico and .icns."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    svg = ROOT / "assets" / "icons" / "guardian.svg"
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        fail(f"{svg}: Qt cannot read this SVG")

    def png(size: int) -> bytes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            fail(f"could not encode a {size}px PNG")
        buffer.close()
        return bytes(data.data())

    shutil.rmtree(out, ignore_errors=True)
    pngs = {size: png(size) for size in sorted(set(HICOLOR_SIZES) | set(ICO_SIZES) | {1024})}
    for size in HICOLOR_SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    (out / "guardian.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (out / "guardian.icns").write_bytes(icns(pngs))
    return out


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (supported since Windows Vista)."""
    import struct
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images (supported since macOS 10.7)."""
    import struct
    chunks = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                      for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


# --- 5. PyInstaller ------------------------------------------------------------------------

def freeze(version: str) -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        fail(f"PyInstaller is not installed for {sys.executable}: run `{sys.executable} -m pip install "
             "pyinstaller` (build machines only; the app does not need it)")
    command = [sys.executable, "-m", "PyInstaller", str(HERE / "guardian.spec"), "--noconfirm", "--clean",
               "--log-level", "WARN", "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
               "--", "--app-version", version, "--icons", str(ICONS)]
    say(" ".join(command))
    subprocess.run(command, check=True, cwd=ROOT)


def frozen_root(folder: Path = FROZEN) -> Path:
    """sys._MEIPASS of a one-folder build: `_internal` since PyInstaller 6."""
    return folder / "_internal" if (folder / "_internal").is_dir() else folder


def check_frozen(folder: Path = FROZEN) -> None:
    root = frozen_root(folder)
    expected = [datafiles.frozen_path(name) for name in datafiles.REQUIRED_SOURCES]
    absent = [name for name in expected if not (root / name).is_file()]
    if absent:
        fail(f"{root} lacks: " + ", ".join(absent))
    leaked = [p for p in root.iterdir() if p.name in ("torch", "transformers", "training")]
    if leaked:
        fail("these must not be in the build: " + ", ".join(str(p) for p in leaked))


# --- 6. size -----------------------------------------------------------------------------

def tree_size(path: Path) -> int:
    if path.is_symlink() or path.is_file():
        return path.lstat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def report_size(folder: Path = FROZEN) -> int:
    root = frozen_root(folder)
    total = tree_size(folder)
    say(f"{folder.relative_to(ROOT)}: {total / 1e6:.1f} MB unpacked, "
        f"{sum(1 for p in folder.rglob('*') if p.is_file())} files")
    folders = sorted(((tree_size(p), p) for p in root.iterdir()), key=lambda t: t[0], reverse=True)
    # Inside the biggest folders, one level down, for a useful picture.
    detail: list[tuple[int, Path]] = []
    for size, path in folders:
        if path.is_dir() and size > total * 0.15:
            detail.extend((tree_size(p), p) for p in path.iterdir())
        else:
            detail.append((size, path))
    say("what dominates it (top 10):")
    for size, path in sorted(detail, key=lambda t: t[0], reverse=True)[:10]:
        say(f"  {size / 1e6:7.1f} MB  {path.relative_to(folder)}{'/' if path.is_dir() else ''}")
    files = sorted(((p.lstat().st_size, p) for p in folder.rglob("*") if p.is_file()), reverse=True)[:10]
    say("largest files (top 10):")
    for size, path in files:
        say(f"  {size / 1e6:7.1f} MB  {path.relative_to(folder)}")
    if sys.platform.startswith("linux") and total > LIMIT_MB * 1e6:
        say(f"WARNING: over the {LIMIT_MB} MB target")
    return total


def glibc_requirement(folder: Path = FROZEN) -> str | None:
    """Linux: the newest glibc symbol version the bundle needs, i.e. the
    oldest distribution it runs on is the one with that glibc (build on the
    oldest one you support)."""
    import re
    objdump = shutil.which("objdump")
    if not objdump:
        return None
    versions: set[tuple[int, ...]] = set()
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink() and (".so" in path.name or os.access(path, os.X_OK)):
            out = subprocess.run([objdump, "-T", str(path)], capture_output=True, text=True).stdout
            versions |= {tuple(int(n) for n in v.split(".")) for v in re.findall(r"GLIBC_(\d+(?:\.\d+)+)", out)}
    return ".".join(map(str, max(versions))) if versions else None


# --- 7. platform packages -----------------------------------------------------------------

def linux_arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)


def stage_linux(frozen: Path, icons: Path, out_dir: Path, version: str) -> Path:
    """The folder that becomes the tarball: the frozen app, the desktop
    integration files and the install / uninstall scripts."""
    name = f"guardian-{version}-linux-{linux_arch()}"
    stage = out_dir / name
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    shutil.copytree(frozen, stage / "guardian", symlinks=True)
    share = stage / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copyfile(DESKTOP, share / "applications" / DESKTOP.name)
    (share / "metainfo").mkdir()
    shutil.copyfile(METAINFO, share / "metainfo" / METAINFO.name)
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor")
    for script in LINUX_SCRIPTS:
        target = stage / script.name
        shutil.copyfile(script, target)
        target.chmod(0o755)
    (stage / "VERSION").write_text(version + "\n", encoding="utf-8")
    shutil.copyfile(HERE / "linux" / "README.txt", stage / "README.txt")
    return stage


def tarball(stage: Path) -> Path:
    """A reproducible .tar.gz of the staged folder (sorted, owner root, fixed times)."""
    target = stage.parent / f"{stage.name}.tar.gz"
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        info.mtime = mtime
        info.mode = 0o755 if (info.isdir() or info.mode & 0o111) else 0o644
        return info

    # gzip's header holds a time too: tarfile's "w:gz" writes the current
    # one, so two builds a second apart differed (seen in CI).  The header
    # gets the fixed time and no file name.
    with open(target, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9,
                                                  mtime=mtime) as zipped, \
            tarfile.open(fileobj=zipped, mode="w") as tar:
        paths = [stage, *sorted(stage.rglob("*"))]
        for path in paths:
            tar.add(path, arcname=str(Path(stage.name) / path.relative_to(stage)), recursive=False,
                    filter=normalise)
    return target


def validate_linux_metadata() -> None:
    for tool, args in (("desktop-file-validate", [str(DESKTOP)]),
                       ("appstreamcli", ["validate", "--no-net", str(METAINFO)])):
        exe = shutil.which(tool)
        if not exe:
            say(f"{tool} not installed, not validating (apt-get install desktop-file-utils appstream)")
            continue
        result = subprocess.run([exe, *args], capture_output=True, text=True)
        if result.returncode != 0:
            fail(f"{tool} rejects the file:\n{result.stdout}{result.stderr}")
        say(f"{tool}: ok")


def package_linux(version: str) -> Path:
    validate_linux_metadata()
    glibc = glibc_requirement()
    if glibc:
        say(f"needs glibc {glibc} or newer on the user's machine (that of the build machine)")
    stage = stage_linux(FROZEN, ICONS, DIST, version)
    target = tarball(stage)
    shutil.rmtree(stage)
    say(f"{target.relative_to(ROOT)}: {target.stat().st_size / 1e6:.1f} MB")
    return target


def find_iscc() -> str | None:
    found = shutil.which("iscc")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles"),
                 os.environ.get("LOCALAPPDATA") and str(Path(os.environ["LOCALAPPDATA"]) / "Programs")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    return None


def package_windows(version: str) -> None:
    iss = HERE / "windows" / "guardian.iss"
    iscc = find_iscc()
    command = [iscc or "iscc", f"/DAppVersion={version}", str(iss)]
    if not iscc:
        say("Inno Setup not found. Install Inno Setup 6, then run:\n    " + subprocess.list2cmdline(command))
        return
    subprocess.run(command, check=True, cwd=ROOT)
    say(f"installer: dist\\guardian-{version}-windows-x64-setup.exe")


def package_macos(version: str) -> None:
    say(f"dist/Guardian.app built (version {version}). Sign, notarise and make the disk image as "
        "packaging/macos/README.md says:\n    packaging/macos/make_dmg.sh")


# --- main -------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-freeze", action="store_true",
                        help="reuse dist/guardian from an earlier run (to iterate on packaging)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    version = check_version()
    say(f"Guardian {version} for {sys.platform} ({linux_arch()}), Python {platform.python_version()}")
    bundle_window_libraries()
    compile_translations()
    check_data()
    render_icons()
    if not args.skip_freeze:
        freeze(version)
    check_frozen()
    report_size()
    if sys.platform.startswith("linux"):
        package_linux(version)
    elif sys.platform == "win32":
        package_windows(version)
    elif sys.platform == "darwin":
        package_macos(version)
    say(f"done in {time.monotonic() - started:.0f} s; next: python packaging/smoke_test.py {FROZEN}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
