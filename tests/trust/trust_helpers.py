"""Shared by the trust tests: generated exports, child processes that run
Guardian with the network, the disk or the clock against it, and the
environment those children get.

Not a test module (no `test_` prefix); the trust test modules import it by
name, since pytest puts this folder on sys.path for them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
FIXTURES = ROOT / "tests" / "fixtures"
PASSPHRASE = "x"

# Formats the crash tests generate big exports for: importer module name ->
# generator function name below.
GENERATED_FORMATS = ("telegram_json", "whatsapp")


def child_env(home: Path, **extra: str) -> dict[str, str]:
    """What a child Guardian process sees: its own home, no keyring (so the
    store is passphrase-wrapped), a passphrase, offscreen Qt, the sources."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GUARDIAN_", "PYTHON"))}
    env.update({
        "PYTHONPATH": str(SRC),
        "GUARDIAN_HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "GUARDIAN_PASSPHRASE": PASSPHRASE,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUNBUFFERED": "1",
    })
    env.update(extra)
    return env


def run_python(code: str, env: dict[str, str], timeout: float = 120,
               args: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], env=env,
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)


# --- generated exports -------------------------------------------------------------

_WORDS = ("مرحبا", "وين", "انت", "بكرة", "المدرسة", "ههههه", "تعال", "لا", "نعم", "والله",
          "الواجب", "صورة", "😂", "👋", "ok", "yalla", "3ndi", "test")


def _text(i: int) -> str:
    words = [_WORDS[(i * 7 + k * 3) % len(_WORDS)] for k in range(3 + i % 9)]
    return " ".join(words) + f" #{i}"


def telegram_json_export(path: Path, count: int, chat_id: int = 5000000123,
                         name: str = "خالد العتيبي") -> Path:
    """A single-chat Telegram Desktop JSON export with `count` messages."""
    start = 1_709_312_400
    with open(path, "w", encoding="utf-8") as out:
        out.write('{\n "name": %s,\n "type": "personal_chat",\n "id": %d,\n "messages": [\n'
                  % (json.dumps(name, ensure_ascii=False), chat_id))
        for i in range(count):
            sender, from_id = ((name, f"user{chat_id}") if i % 2 else ("سارة", "user42"))
            ts = start + i * 37
            record = {"id": i + 1, "type": "message",
                      "date": _iso_local(ts), "date_unixtime": str(ts),
                      "from": sender, "from_id": from_id, "text": _text(i),
                      "text_entities": [{"type": "plain", "text": _text(i)}]}
            out.write(("  " if i == 0 else ",\n  ") + json.dumps(record, ensure_ascii=False))
        out.write("\n ]\n}\n")
    return path


def _iso_local(ts: int) -> str:
    from datetime import datetime, timezone
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def whatsapp_export(path: Path, count: int) -> Path:
    """An Android WhatsApp "Export chat" text file with `count` messages."""
    from datetime import datetime, timedelta
    start = datetime(2024, 3, 1, 8, 0)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            moment = start + timedelta(seconds=37 * i)
            sender = "سارة" if i % 2 else "خالد"
            out.write(f"{moment:%d/%m/%Y, %H:%M} - {sender}: {_text(i)}\n")
    return path


def generate_export(fmt: str, folder: Path, count: int) -> Path:
    if fmt == "telegram_json":
        return telegram_json_export(folder / "result.json", count)
    if fmt == "whatsapp":
        return whatsapp_export(folder / "WhatsApp Chat with Khaled.txt", count)
    raise KeyError(fmt)


def importer_ready(module_name: str) -> str | None:
    """None when `guardian.importers.<module_name>` exists and is registered;
    otherwise why a test that needs it must skip."""
    import importlib.util

    from guardian.importers import registry
    if importlib.util.find_spec(f"guardian.importers.{module_name}") is None:
        return f"guardian.importers.{module_name} does not exist yet"
    if module_name not in registry.IMPORTER_MODULES:
        return f"guardian.importers.{module_name} is not in registry.IMPORTER_MODULES yet"
    return None


# --- running the CLI in a measured child ------------------------------------------


@dataclass(frozen=True)
class Measured:
    code: int
    stderr: str
    seconds: float
    peak_growth_mb: float     # how far the peak RSS rose while the command ran


_MEASURED_CHILD = """
import json, resource, sys, time, traceback
import guardian.cli, guardian.commands.store, guardian.importing, guardian.store.database
from guardian import keys
job = json.loads(sys.argv[1])
# scrypt's 32 MiB is part of every unlock: take it before the baseline.
keys._derive("warm-up", b"0" * 16, {"n": keys.SCRYPT_N, "r": keys.SCRYPT_R, "p": keys.SCRYPT_P})
if job.get("explicit"):
    import importlib
    from pathlib import Path
    from zoneinfo import ZoneInfo
    from guardian import paths
    from guardian.importers.base import BadExport
    from guardian.store.database import Store, Unlock
    module = importlib.import_module("guardian.importers." + job["explicit"])
    store = Store.open(paths.init().database, Unlock(passphrase="x"))

    def run():
        try:
            guardian.importing.import_paths(store, [Path(p) for p in job["paths"]], tz=ZoneInfo("UTC"),
                                            tz_name="UTC", explicit=(module, module.parse))
            return 0
        except BadExport as exc:
            print(f"guardian: {exc.path}: {exc.problem}", file=sys.stderr)
            return 3
        except Exception as exc:
            traceback.print_exc()
            return 1
else:
    def run():
        return guardian.cli.main(job["argv"])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.monotonic()
code = run()
seconds = time.monotonic() - t0
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
sys.stderr.flush()
print("MEASURED " + json.dumps({"code": code, "seconds": seconds,
                                "growth_mb": (after - before) / 1024}))
"""


def _run_measured(job: dict[str, object], home: Path, timeout: float,
                  memory_cap_mb: int | None) -> Measured:
    import resource

    def limit() -> None:
        if memory_cap_mb:
            cap = memory_cap_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    proc = subprocess.run([sys.executable, "-c", _MEASURED_CHILD, json.dumps(job)],
                          env=child_env(home), capture_output=True, text=True, timeout=timeout,
                          cwd=ROOT, preexec_fn=limit)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("MEASURED ")]
    if not lines:
        raise AssertionError(f"the child died (rc {proc.returncode}): {proc.stderr[-3000:]}")
    data = json.loads(lines[-1][len("MEASURED "):])
    return Measured(data["code"], proc.stderr, data["seconds"], data["growth_mb"])


def run_cli_measured(argv: Sequence[str], home: Path, timeout: float = 300,
                     memory_cap_mb: int | None = 4096) -> Measured:
    """`guardian.cli.main(argv)` in a fresh process; its exit code, stderr,
    wall time and how much the peak RSS grew while it ran.  `memory_cap_mb`
    is an address-space limit so that a runaway test cannot take the machine
    down with it (it fails instead)."""
    return _run_measured({"argv": list(argv)}, home, timeout, memory_cap_mb)


def run_import_measured(paths: Sequence[Path], home: Path, module: str | None = None,
                        timeout: float = 300, memory_cap_mb: int | None = 4096) -> Measured:
    """`guardian import PATHS` measured as above.  When `module` names an
    importer that exists but is not registered yet, the import goes through
    `import_paths(..., explicit=module)` instead (exit code 3 for BadExport,
    1 for anything else), so that its hostile-file handling is tested now."""
    from guardian.importers import registry
    if module is None or module in registry.IMPORTER_MODULES:
        return run_cli_measured(["import", *map(str, paths)], home, timeout, memory_cap_mb)
    return _run_measured({"explicit": module, "paths": list(map(str, paths))}, home, timeout,
                         memory_cap_mb)


# --- reading a store from the test process ----------------------------------------


def store_snapshot(db: Path) -> dict[str, object]:
    """Counts and integrity of the store at `db`, opened with the passphrase."""
    from guardian.store.database import Store, Unlock
    with Store.open(db, Unlock(passphrase=PASSPHRASE)) as store:
        return {"integrity": store.integrity_ok(),
                "messages": store.message_count(),
                "sources": len(store.sources()),
                "conversations": len(store.conversations())}


def iter_fixture_files() -> Iterator[Path]:
    for path in sorted(FIXTURES.rglob("*")):
        if path.is_file():
            yield path
