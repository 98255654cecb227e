"""A crash never loses or half-writes the parent's data.

Each test runs a real write (an import, review saves, findings saves) in a
child process, kills it with SIGKILL at several points (on progress
markers the child prints, and at fixed delays), then reopens the store:
it must open, pass `PRAGMA integrity_check`, and hold either exactly what
it held before the interrupted operation or that operation's complete
result.  Then the work is run again and must finish, with nothing twice.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from trust_helpers import (
    FIXTURES,
    GENERATED_FORMATS,
    PASSPHRASE,
    ROOT,
    child_env,
    generate_export,
    store_snapshot,
    telegram_json_export,
)

from guardian.domain import Finding, ReviewState, Severity
from guardian.store.database import Store, Unlock

pytestmark = pytest.mark.slow

IMPORT_MESSAGES = 20_000
# Where to kill: a marker the child prints (kill as soon as it is read), or
# a delay in seconds after the child has opened the store.
# Progress markers every importer prints (the import reports after every
# batch of 5,000 messages), then the commit, then times (the fastest
# importer stores these 20,000 messages in about 0.2 s, hence 0.05).
IMPORT_KILL_POINTS = ["BATCH 5000", "BATCH 10000", "BATCH 15000", "COMMIT", "COMMITTED", 0.05, 0.2, 0.5, 1.0]
REVIEW_KILL_POINTS = ["DONE 1", "DONE 40", "DONE 300", 0.2, 0.5, 1.0]
FINDINGS_KILL_POINTS = ["DONE 1", "DONE 10", "DONE 40", 0.2, 0.5, 1.0]   # one save: ~0.15 s


@dataclass
class Killed:
    markers: list[str]
    returncode: int

    @property
    def was_killed(self) -> bool:
        return self.returncode == -signal.SIGKILL


def run_and_kill(code: str, args: list[str], env: dict[str, str], point: str | float,
                 timeout: float = 120) -> Killed:
    """Run `code` in a child; SIGKILL it at `point` (see above)."""
    markers: list[str] = []
    timer: threading.Timer | None = None
    with tempfile.TemporaryFile("w+") as errors, subprocess.Popen(
            [sys.executable, "-c", code, *args], env=env, cwd=ROOT, text=True,
            stdout=subprocess.PIPE, stderr=errors) as proc:
        watchdog = threading.Timer(timeout, proc.kill)
        watchdog.start()
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                marker = line.strip()
                markers.append(marker)
                if marker == "OPEN" and isinstance(point, float):
                    timer = threading.Timer(point, proc.send_signal, (signal.SIGKILL,))
                    timer.start()
                elif isinstance(point, str) and (marker == point or marker.startswith(point + " ")):
                    proc.send_signal(signal.SIGKILL)
                    break
            proc.wait()
        finally:
            watchdog.cancel()
            if timer:
                timer.cancel()
        errors.seek(0)
        stderr = errors.read()
    if proc.returncode not in (0, -signal.SIGKILL):
        raise AssertionError(f"the child failed on its own (rc {proc.returncode}):\n{stderr[-3000:]}")
    return Killed(markers, proc.returncode)


# --- import -------------------------------------------------------------------------

_IMPORT_CHILD = r"""
import importlib, sys
from pathlib import Path
from zoneinfo import ZoneInfo
from guardian.importers import registry
from guardian.importing import import_paths
from guardian.store.database import ImportSession, Store, Unlock

db, export, module_name = sys.argv[1:4]
real_exit = ImportSession.__exit__

def exit_(self, exc_type, exc, tb):
    print("COMMIT" if exc_type is None else "ROLLBACK", flush=True)
    real_exit(self, exc_type, exc, tb)
    print("COMMITTED", flush=True)

ImportSession.__exit__ = exit_
explicit = None
if module_name not in registry.IMPORTER_MODULES:  # written but not registered yet
    module = importlib.import_module("guardian.importers." + module_name)
    explicit = (module, module.parse)
store = Store.open(Path(db), Unlock(passphrase="x"))
print("OPEN", flush=True)
report = import_paths(store, [Path(export)], tz=ZoneInfo("Asia/Riyadh"), tz_name="Asia/Riyadh",
                      progress=lambda p: print(f"BATCH {p.messages}", flush=True), explicit=explicit)
store.close()
print("DONE", report.added, flush=True)
"""


def _format_ready(fmt: str) -> None:
    import importlib.util
    if importlib.util.find_spec(f"guardian.importers.{fmt}") is None:
        pytest.skip(f"guardian.importers.{fmt} does not exist yet")


@pytest.fixture(scope="module")
def base_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    """A store that already holds an earlier import (what must survive)."""
    folder = tmp_path_factory.mktemp("base")
    db = folder / "guardian.sqlite3"
    from zoneinfo import ZoneInfo

    from guardian.importing import import_paths
    with Store.open(db, Unlock(passphrase=PASSPHRASE)) as store:
        import_paths(store, [FIXTURES / "telegram" / "full_account.json"],
                     tz=ZoneInfo("Asia/Riyadh"), tz_name="Asia/Riyadh")
    before = store_snapshot(db)
    assert before["messages"] and before["integrity"]
    return db, before


@pytest.mark.parametrize("fmt", GENERATED_FORMATS)
def test_import_killed_anywhere_loses_nothing_and_reruns(
        fmt: str, base_store: tuple[Path, dict[str, object]],
        tmp_path_factory: pytest.TempPathFactory) -> None:
    _format_ready(fmt)
    base_db, before = base_store
    folder = tmp_path_factory.mktemp(f"export-{fmt}")
    export = generate_export(fmt, folder, IMPORT_MESSAGES)
    full = int(before["messages"]) + IMPORT_MESSAGES  # type: ignore[call-overload]
    outcomes = []
    for point in IMPORT_KILL_POINTS:
        work = tmp_path_factory.mktemp("kill")
        db = work / "guardian.sqlite3"
        shutil.copy(base_db, db)
        env = child_env(work / "home")
        killed = run_and_kill(_IMPORT_CHILD, [str(db), str(export), fmt], env, point)
        after = store_snapshot(db)
        assert after["integrity"] is True, (point, killed.markers[-3:])
        assert after["messages"] in (before["messages"], full), (point, after, killed.markers[-3:])
        all_in = after["messages"] == full
        assert after["sources"] == int(before["sources"]) + all_in  # type: ignore[call-overload]
        if killed.was_killed and "COMMIT" not in killed.markers:
            assert not all_in, f"{point}: messages appeared before the commit"
        if "COMMITTED" in killed.markers or not killed.was_killed:
            assert all_in, f"{point}: a committed import is missing"
        outcomes.append((point, killed.was_killed, all_in))

        # The next run finishes the work, and nothing is stored twice.
        rerun = run_and_kill(_IMPORT_CHILD, [str(db), str(export), fmt], env, "never")
        assert not rerun.was_killed
        done = store_snapshot(db)
        assert done["integrity"] is True
        assert done["messages"] == full, (point, done)
    # Most points really interrupted the import (the machine may be too fast
    # for the later time points).
    assert sum(1 for _p, was_killed, all_in in outcomes if was_killed and not all_in) >= 5, outcomes


# --- review and findings saves --------------------------------------------------------

FINDINGS_MESSAGES = 3000
_STATES = [ReviewState.REVIEWED, ReviewState.IMPORTANT, ReviewState.NOT_A_PROBLEM]


def _finding(message_id: int, run: int) -> Finding:
    return Finding(message_id=message_id, categories=("bullying",), scores={"bullying": 0.9},
                   severity=Severity.HIGH, explanation=f"run {run}")


@pytest.fixture(scope="module")
def findings_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with one big conversation, a finding on every message and a
    few findings the parent has reviewed."""
    folder = tmp_path_factory.mktemp("findings")
    db = folder / "guardian.sqlite3"
    export = telegram_json_export(folder / "result.json", FINDINGS_MESSAGES)
    from zoneinfo import ZoneInfo

    from guardian.importing import import_paths
    with Store.open(db, Unlock(passphrase=PASSPHRASE)) as store:
        report = import_paths(store, [export], tz=ZoneInfo("Asia/Riyadh"), tz_name="Asia/Riyadh")
        [cid] = report.conversation_ids
        ids = [row[0] for row in store.connection.execute(
            "SELECT id FROM messages WHERE conversation_id = ? ORDER BY id", (cid,))]
        store.replace_findings(cid, [_finding(m, -1) for m in ids], "v-1")
        for f in store.findings()[:20]:
            assert f.id is not None
            store.set_review(f.id, ReviewState.IMPORTANT, note=f"parent's note on {f.message_id}")
    return db


def _fresh_copy(db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("kill") / db.name
    shutil.copy(db, copy)
    return copy


def _review_rows(db: Path) -> dict[int, tuple[str, str]]:
    with Store.open(db, Unlock(passphrase=PASSPHRASE)) as store:
        assert store.integrity_ok()
        return {f.id: (f.review.value, f.note) for f in store.findings() if f.id is not None}


_REVIEW_CHILD = r"""
import sys
from pathlib import Path
from guardian.domain import ReviewState
from guardian.store.database import Store, Unlock

states = [ReviewState.REVIEWED, ReviewState.IMPORTANT, ReviewState.NOT_A_PROBLEM]
store = Store.open(Path(sys.argv[1]), Unlock(passphrase="x"))
ids = sorted(f.id for f in store.findings())
print("OPEN", flush=True)
for i in range(int(sys.argv[2])):
    store.set_review(ids[(i * 7919) % len(ids)], states[i % 3], note=f"note {i} " + "ملاحظة " * (i % 50))
    print(f"DONE {i}", flush=True)
"""


def _expected_reviews(initial: dict[int, tuple[str, str]], writes: int) -> dict[int, tuple[str, str]]:
    ids = sorted(initial)
    state = dict(initial)
    for i in range(writes):
        state[ids[(i * 7919) % len(ids)]] = (_STATES[i % 3].value, f"note {i} " + "ملاحظة " * (i % 50))
    return state


@pytest.mark.parametrize("point", REVIEW_KILL_POINTS)
def test_review_save_killed_is_all_or_nothing(point: str | float, findings_store: Path,
                                              tmp_path_factory: pytest.TempPathFactory) -> None:
    db = _fresh_copy(findings_store, tmp_path_factory)
    initial = _review_rows(db)
    total = 100_000
    killed = run_and_kill(_REVIEW_CHILD, [str(db), str(total)], child_env(db.parent / "home"), point)
    assert killed.was_killed
    done = [int(m.split()[1]) for m in killed.markers if m.startswith("DONE ")]
    after = _review_rows(db)
    # The writes that landed are exactly the first `landed`: each one whole.
    noted = [int(note.split()[1]) for _review, note in after.values() if note.startswith("note ")]
    landed = max(noted) + 1 if noted else 0
    assert landed >= (done[-1] + 1 if done else 0)
    assert after == _expected_reviews(initial, landed), point
    # The parent's next save works.
    with Store.open(db, Unlock(passphrase=PASSPHRASE)) as store:
        target = sorted(after)[0]
        store.set_review(target, ReviewState.REVIEWED, note="after the crash")
    assert _review_rows(db)[target] == ("reviewed", "after the crash")


_REPLACE_CHILD = r"""
import sys
from pathlib import Path
from guardian.domain import Finding, Severity
from guardian.store.database import Store, Unlock

store = Store.open(Path(sys.argv[1]), Unlock(passphrase="x"))
[cid] = [c.id for c in store.conversations() if c.messages > 1000]
ids = [r[0] for r in store.connection.execute(
    "SELECT id FROM messages WHERE conversation_id = ? ORDER BY id", (cid,))]
print("OPEN", flush=True)
for run in range(int(sys.argv[2])):
    chosen = [m for m in ids if (m + run) % 3 != 0]
    store.replace_findings(cid, [Finding(message_id=m, categories=("bullying",), scores={"bullying": 0.9},
                                         severity=Severity.HIGH, explanation=f"run {run}") for m in chosen],
                           f"v{run}")
    print(f"DONE {run}", flush=True)
"""


def _findings_rows(db: Path) -> tuple[dict[int, tuple[str, str, str]], list[int]]:
    """message id -> (model version, review, note or explanation); and the
    conversation's message ids."""
    with Store.open(db, Unlock(passphrase=PASSPHRASE)) as store:
        assert store.integrity_ok()
        versions = dict(store.connection.execute("SELECT message_id, model_version FROM findings"))
        rows = {f.message_id: (versions[f.message_id], f.review.value, f.note or f.explanation)
                for f in store.findings()}
        [cid] = [c.id for c in store.conversations() if c.messages > 1000]
        ids = [r[0] for r in store.connection.execute(
            "SELECT id FROM messages WHERE conversation_id = ? ORDER BY id", (cid,))]
    return rows, ids


@pytest.mark.parametrize("point", FINDINGS_KILL_POINTS)
def test_findings_save_killed_is_all_or_nothing(point: str | float, findings_store: Path,
                                                tmp_path_factory: pytest.TempPathFactory) -> None:
    db = _fresh_copy(findings_store, tmp_path_factory)
    initial, ids = _findings_rows(db)
    reviewed = {m: row for m, row in initial.items() if row[1] != "new"}
    assert len(reviewed) == 20
    killed = run_and_kill(_REPLACE_CHILD, [str(db), "100000"], child_env(db.parent / "home"), point)
    assert killed.was_killed
    done = [int(m.split()[1]) for m in killed.markers if m.startswith("DONE ")]
    after, _ = _findings_rows(db)
    new_versions = {row[0] for row in after.values() if row[1] == "new"}
    assert len(new_versions) == 1, f"{point}: findings from several saves mixed: {sorted(new_versions)[:5]}"
    [version] = new_versions
    run = int(version[1:])
    if run == -1:
        assert not done, f"{point}: save {done[-1]} finished but is not in the store"
        assert after == initial
    else:
        assert done and run >= done[-1], (point, run, done[-1:])
        expected_new = {m for m in ids if (m + run) % 3 != 0} - set(reviewed)
        assert {m for m, row in after.items() if row[1] == "new"} == expected_new
        assert all(row == (version, "new", f"run {run}") for m, row in after.items() if row[1] == "new")
    # The parent's decisions are never lost, whatever the kill interrupted.
    for message_id, (_version, review, note) in reviewed.items():
        assert after[message_id][1:] == (review, note)
    # The next save works.
    with Store.open(db, Unlock(passphrase=PASSPHRASE)) as store:
        [cid] = [c.id for c in store.conversations() if c.messages > 1000]
        store.replace_findings(cid, [_finding(m, 999) for m in ids[:10]], "v999")
        assert store.integrity_ok()
