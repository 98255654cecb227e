"""Where Guardian keeps things.

Nothing here touches the disk at import time: `init()` is called once from
`main()` (or by a test fixture) and fills the locations; until then every
accessor raises.  `GUARDIAN_HOME` or `--data-dir` put everything (data,
logs, cache, settings) under one folder, which is what tests, the smoke
test and a portable install want.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from guardian import APP_ID

ENV_HOME = "GUARDIAN_HOME"


@dataclass(frozen=True)
class Locations:
    data: Path
    logs: Path
    cache: Path
    config: Path

    @property
    def database(self) -> Path:
        return self.data / "guardian.sqlite3"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"


_locations: Locations | None = None


def init(data_dir: Path | str | None = None) -> Locations:
    """Decide the locations and create the folders, private to the user."""
    global _locations
    root = data_dir or os.environ.get(ENV_HOME)
    if root:
        base = Path(root).expanduser().resolve()
        loc = Locations(base / "data", base / "logs", base / "cache", base / "config")
    else:
        dirs = platformdirs.PlatformDirs(APP_ID, appauthor=False)
        loc = Locations(Path(dirs.user_data_dir), Path(dirs.user_log_dir),
                        Path(dirs.user_cache_dir), Path(dirs.user_config_dir))
    for folder in (loc.data, loc.logs, loc.cache, loc.config):
        folder.mkdir(parents=True, exist_ok=True)
        _make_private(folder)
    _locations = loc
    return loc


def locations() -> Locations:
    if _locations is None:
        raise RuntimeError("guardian.paths.init() has not been called")
    return _locations


def current_data_dir() -> Path | None:
    """The data folder, or None before init() (e.g. in an isolated dialog test)."""
    return _locations.data if _locations else None


def reset() -> None:
    """Forget the locations (tests)."""
    global _locations
    _locations = None


def _make_private(folder: Path) -> None:
    # Other accounts on a shared family computer must not read the data.
    if os.name == "posix":
        try:
            folder.chmod(0o700)
        except OSError:
            pass


def assets_dir() -> Path:
    """The read-only assets: fonts, icons, model, demo export, guidance.

    Frozen builds carry them next to the executable (PyInstaller's
    `_MEIPASS`); from a source checkout they are at the repository root.
    """
    override = os.environ.get("GUARDIAN_ASSETS")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "assets"
    return Path(__file__).resolve().parents[2] / "assets"


def translations_dir() -> Path:
    """Compiled `.qm` catalogues, produced by the install step."""
    return Path(__file__).resolve().parent / "i18n"
