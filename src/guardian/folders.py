"""Connected folders (no Qt): folders where the parent saves chat exports,
so that new or changed exports are imported without asking each time.

The list and what was last seen in each folder live in a small JSON file
in the config folder: folder paths and file sizes/times, never content.
`changed_files()` is a cheap scan (names, sizes and modification times);
the caller imports what it returns and then calls `mark_imported()`.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

log = logging.getLogger(__name__)

# What chat exports look like on disk; everything else is passed over.
EXPORT_SUFFIXES = {".txt", ".zip", ".json", ".html", ".htm", ".xml", ".csv", ".md"}
MAX_DEPTH = 4
MAX_FILES = 5000


@dataclass
class FolderState:
    path: str
    last_import: str = ""          # ISO time of the last import from here
    status: str = "new"            # new, ok, error, missing
    problem: str = ""
    problem_file: str = ""         # the export that could not be imported
    seen: dict[str, list[int]] = field(default_factory=dict)   # relative path -> [size, mtime_ns]


def _signature(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def _candidates(root: Path) -> list[Path]:
    found: list[Path] = []
    base_depth = len(root.parts)
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = [d for d in dirs if not d.startswith(".") and len(here.parts) - base_depth < MAX_DEPTH]
        for name in files:
            if name.startswith(".") or Path(name).suffix.lower() not in EXPORT_SUFFIXES:
                continue
            found.append(here / name)
            if len(found) >= MAX_FILES:
                return found
    return sorted(found)


class ConnectedFolders:
    def __init__(self, file: Path) -> None:
        self._file = file
        self.states: list[FolderState] = []
        if file.exists():
            try:
                data = json.loads(file.read_text(encoding="utf-8"))
                # Keys this version does not know (written by a newer one) are passed over.
                known = set(FolderState.__dataclass_fields__)
                self.states = [FolderState(**{k: v for k, v in item.items() if k in known})
                               for item in data.get("folders", [])]
            except (OSError, ValueError, TypeError) as exc:
                log.warning("connected folders file unreadable: %s", type(exc).__name__)

    def paths(self) -> list[Path]:
        return [Path(s.path) for s in self.states]

    def state(self, path: Path | str) -> FolderState | None:
        key = str(Path(path))
        return next((s for s in self.states if s.path == key), None)

    def add(self, path: Path) -> FolderState:
        existing = self.state(path)
        if existing is not None:
            return existing
        state = FolderState(str(Path(path)))
        self.states.append(state)
        self.save()
        return state

    def remove(self, path: Path) -> None:
        self.states = [s for s in self.states if s.path != str(Path(path))]
        self.save()

    def changed_files(self, state: FolderState) -> list[Path]:
        """Exports that are new or changed since they were last imported."""
        root = Path(state.path)
        if not root.is_dir():
            state.status = "missing"
            return []
        if state.status == "missing":      # back again (a drive plugged in)
            state.status = "ok" if state.last_import else "new"
        changed = []
        for file in _candidates(root):
            sig = _signature(file)
            if sig is not None and state.seen.get(str(file.relative_to(root))) != sig:
                changed.append(file)
        return changed

    def mark_imported(self, state: FolderState, files: list[Path], *, ok: bool, problem: str = "",
                      when: datetime | None = None) -> None:
        root = Path(state.path)
        for file in files:
            sig = _signature(file)
            if sig is not None:
                # A file that failed is remembered too, so it is not retried
                # every minute; changing it (a new export) retries it.
                state.seen[str(file.relative_to(root))] = sig
        state.status = "ok" if ok else "error"
        state.problem = problem
        state.problem_file = ""
        if ok and files:
            state.last_import = (when or datetime.now(timezone.utc)).isoformat(timespec="seconds")
        self.save()

    def save(self) -> None:
        self._file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self._file.parent, prefix=".folders-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"folders": [asdict(s) for s in self.states]}, f, ensure_ascii=False, indent=2)
            os.replace(tmp, self._file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def default_file(config_dir: Path) -> Path:
    return config_dir / "connected-folders.json"
