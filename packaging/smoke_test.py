#!/usr/bin/env python3
"""Smoke-test the frozen Linux app, headless.

    python packaging/smoke_test.py [PATH_TO_FROZEN_FOLDER]     (default: dist/guardian)
    python packaging/smoke_test.py dist/guardian --steps version,scan

Runs the frozen `guardian` as a user would, offscreen, with a throwaway
GUARDIAN_HOME, no keyring (PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring)
and GUARDIAN_PASSPHRASE=smoke-test, from a temporary working directory.
Fails (exit 1) when a required file is missing from the frozen folder,
when a command the steps need is not in `guardian --help`, on any non-zero
exit, and on stderr lines that show a broken build.  Prints each step's
time; on a failure also the app's log.

STEPS below is the list that runs by default.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import datafiles  # noqa: E402

# The steps that run by default, in order.
STEPS: list[str] = [
    "files",      # the frozen folder has what the app reads
    "version",    # guardian --version prints guardian.__version__
    "scan",       # guardian scan <demo> --child ريم --json OUT: >= 1 source, >= 1 finding
    "self-test",  # guardian --lang ar --self-test demo: the window opens, closes, exit 0
    "report",     # guardian import <demo> --child ريم (imports and analyses); guardian report --format pdf
    "delete-all",  # guardian delete-all --yes: what the uninstallers run to wipe the data
]

DEMO_CHILD = "ريم"
PASSPHRASE = "smoke-test"
# stderr lines that mean the build is broken even when the exit code is 0.
BAD_STDERR = re.compile(r"Traceback|ModuleNotFoundError|FileNotFoundError|"
                        r"Could not load the Qt platform plugin|QFont|missing", re.IGNORECASE)
# Files of the Qt runtime the app cannot start (or show Arabic) without,
# relative to the frozen root.
QT_REQUIRED = (
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    *(f"PySide6/Qt/translations/{name}" for name in datafiles.QT_TRANSLATIONS),
)
CAMEL_REQUIRED = ("camel_tools/VERSION", "camel_tools/utils/charmaps/ar2bw_map.json")
# Present only if the spec's exclusions failed.
FORBIDDEN = ("torch", "transformers", "training", "PySide6/Qt/lib/libQt6Network.so.6",
             "PySide6/Qt/lib/libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Quick.so.6")


class SmokeFailure(Exception):
    pass


@dataclass
class Context:
    folder: Path          # the frozen folder (dist/guardian)
    root: Path            # its sys._MEIPASS (dist/guardian/_internal)
    exe: Path
    work: Path            # temporary folder for outputs
    env: dict[str, str]
    help_text: str = ""

    @property
    def demo_exports(self) -> list[Path]:
        exports = sorted((self.root / "assets" / "demo").glob("*.txt"))
        if not exports:
            raise SmokeFailure(f"{self.root / 'assets' / 'demo'}: no demo export (*.txt)")
        return exports

    def run(self, *args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        command = [str(self.exe), *map(str, args)]
        print(f"  $ guardian {' '.join(map(str, args))}", flush=True)
        try:
            result = subprocess.run(command, env=self.env, cwd=self.work, capture_output=True, text=True,
                                    timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise SmokeFailure(f"`guardian {' '.join(map(str, args))}` did not finish in {timeout:.0f} s") from None
        bad = [line for line in result.stderr.splitlines() if BAD_STDERR.search(line)]
        if result.returncode != 0 or bad:
            raise SmokeFailure(
                f"`guardian {' '.join(map(str, args))}` exited {result.returncode}"
                + (f"; bad stderr lines: {bad}" if bad else "")
                + f"\n--- stdout ---\n{result.stdout[-3000:]}\n--- stderr ---\n{result.stderr[-3000:]}")
        return result

    def require_command(self, name: str) -> None:
        if not re.search(rf"^\s+{re.escape(name)}\s", self.help_text, re.MULTILINE) and \
                not re.search(rf"[{{,]{re.escape(name)}[,}}]", self.help_text):
            raise SmokeFailure(f"`guardian {name}` does not exist in this build (not in `guardian --help`); "
                               "the step needs it")


# --- steps ------------------------------------------------------------------------------

def step_files(ctx: Context) -> None:
    expected = [datafiles.frozen_path(name) for name in datafiles.REQUIRED_SOURCES]
    expected += [*QT_REQUIRED, *CAMEL_REQUIRED]
    absent = [name for name in expected if not (ctx.root / name).is_file()]
    if absent:
        raise SmokeFailure(f"{ctx.root} lacks required files:\n  " + "\n  ".join(absent))
    for package, patterns in datafiles.PACKAGE_DATA.items():
        if (ctx.root / package).is_dir():
            absent += [f"{package}/{pattern}" for pattern in patterns if not list((ctx.root / package).glob(pattern))]
    if absent:
        raise SmokeFailure(f"{ctx.root} lacks the data of bundled packages: {absent}")
    present = [name for name in FORBIDDEN if (ctx.root / name).exists()]
    if present:
        raise SmokeFailure(f"{ctx.root} contains what must stay out: {present}")
    print(f"  {len(expected)} required files present; none of {len(FORBIDDEN)} forbidden ones")


def step_version(ctx: Context) -> None:
    expected = datafiles.read_version(datafiles.ROOT) if (datafiles.ROOT / "src").is_dir() else None
    out = ctx.run("--version").stdout.strip()
    match = re.fullmatch(r"Guardian (\S+)", out)
    if not match:
        raise SmokeFailure(f"--version printed {out!r}, expected 'Guardian <version>'")
    if expected and match.group(1) != expected:
        raise SmokeFailure(f"--version says {match.group(1)}, guardian.__version__ is {expected}")
    print(f"  {out}")


def step_scan(ctx: Context) -> None:
    ctx.require_command("scan")
    out = ctx.work / "scan.json"
    ctx.run("scan", *ctx.demo_exports, "--child", DEMO_CHILD, "--json", out)
    try:
        document = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SmokeFailure(f"scan wrote no readable JSON at {out}: {exc}") from None
    sources = document.get("sources") or []
    findings = document.get("findings") or []
    if len(sources) < 1 or len(findings) < 1:
        raise SmokeFailure(f"scan found {len(sources)} sources and {len(findings)} findings; "
                           "expected at least one of each")
    print(f"  {len(sources)} source(s), {len(findings)} finding(s)")


def step_self_test(ctx: Context) -> None:
    ctx.require_command("demo")
    if "--self-test" not in ctx.help_text:
        raise SmokeFailure("`guardian --self-test` does not exist in this build")
    ctx.run("--lang", "ar", "--self-test", "demo")
    print("  the window opened in Arabic and closed")


def step_delete_all(ctx: Context) -> None:
    ctx.require_command("delete-all")
    home = Path(ctx.env["GUARDIAN_HOME"])
    ctx.run("delete-all", "--yes")
    left = [p for p in home.rglob("*") if p.is_file()]
    if left:
        raise SmokeFailure(f"delete-all left files behind: {[str(p.relative_to(home)) for p in left]}")
    print("  the data folder is empty")


def step_report(ctx: Context) -> None:
    ctx.require_command("import")
    ctx.require_command("report")
    out = ctx.work / "report.pdf"
    ctx.run("import", *ctx.demo_exports, "--child", DEMO_CHILD)
    ctx.run("report", "--format", "pdf", "--out", out)
    data = out.read_bytes() if out.is_file() else b""
    if not data.startswith(b"%PDF") or len(data) <= 10_000:
        raise SmokeFailure(f"{out}: not a PDF over 10 KB ({len(data)} bytes, starts {data[:8]!r})")
    print(f"  {out.name}: {len(data) / 1000:.0f} KB PDF")


STEP_FUNCTIONS: dict[str, Callable[[Context], None]] = {
    "files": step_files, "version": step_version, "scan": step_scan,
    "self-test": step_self_test, "report": step_report, "delete-all": step_delete_all,
}


# --- running ------------------------------------------------------------------------------

def environment(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "QT_", "GUARDIAN_", "LD_PRELOAD"))}
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "GUARDIAN_HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "GUARDIAN_PASSPHRASE": PASSPHRASE,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    })
    return env


def print_logs(home: Path) -> None:
    for log in sorted(home.rglob("*.log")):
        print(f"--- {log} (last 40 lines) ---")
        print("\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-40:]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=datafiles.ROOT / "dist" / "guardian",
                        help="the frozen one-folder app (default: dist/guardian)")
    parser.add_argument("--steps", default=",".join(STEPS),
                        help=f"comma-separated, from: {', '.join(STEP_FUNCTIONS)} (default: %(default)s)")
    args = parser.parse_args(argv)
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    unknown = [s for s in steps if s not in STEP_FUNCTIONS]
    if unknown:
        parser.error(f"unknown steps: {unknown}")

    folder = args.folder.resolve()
    exe = folder / "guardian"
    if not exe.is_file() or not os.access(exe, os.X_OK):
        print(f"smoke test: {exe} is not an executable: build first with `python packaging/build.py`",
              file=sys.stderr)
        return 1
    root = folder / "_internal" if (folder / "_internal").is_dir() else folder
    failures: list[str] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="guardian-smoke-") as tmp:
        home, work = Path(tmp) / "home", Path(tmp) / "work"
        work.mkdir()
        ctx = Context(folder=folder, root=root, exe=exe, work=work, env=environment(home))
        try:
            ctx.help_text = ctx.run("--help").stdout
        except SmokeFailure as exc:
            print(f"FAIL --help: {exc}")
            return 1
        for name in steps:
            print(f"[{name}]", flush=True)
            t0 = time.monotonic()
            try:
                STEP_FUNCTIONS[name](ctx)
            except SmokeFailure as exc:
                failures.append(name)
                print(f"FAIL {name}: {exc}", flush=True)
                print_logs(home)
            else:
                print(f"ok   {name} ({time.monotonic() - t0:.1f} s)", flush=True)
    summary = f"{len(steps) - len(failures)} passed, {len(failures)} failed"
    print(f"smoke test of {folder}: {summary} in {time.monotonic() - started:.0f} s"
          + (f" (failed: {', '.join(failures)})" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
