"""Every setting Guardian has, declared once with its type and default.

Values live in a small JSON file in the config folder (no chat content is
ever stored there).  Reading an undeclared key is a bug and raises.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T
    label: str          # English source text; the UI translates it
    choices: tuple[Any, ...] = ()


LANGUAGE = Setting("language", str, "ar", "Language", ("ar", "en"))
TIME_ZONE = Setting("time_zone", str, "", "Time zone (empty: the computer's)")
COUNTRY = Setting("country", str, "", "Country for helplines (empty: from the system locale)")

IDLE_LOCK_MINUTES = Setting("idle_lock_minutes", int, 10,
                            "Lock after this many minutes without use (0: never; needs a passphrase)")

REGISTRY: dict[str, Setting[Any]] = {s.key: s for s in (LANGUAGE, TIME_ZONE, COUNTRY, IDLE_LOCK_MINUTES)}


class Settings:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._values: dict[str, Any] = {}
        if path.exists():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                log.warning("settings file unreadable, using defaults: %s", type(exc).__name__)
                loaded = {}
            if isinstance(loaded, dict):
                self._values = {k: v for k, v in loaded.items() if k in REGISTRY}

    def get(self, setting: Setting[T]) -> T:
        if setting.key not in REGISTRY:
            raise KeyError(setting.key)
        value = self._values.get(setting.key, setting.default)
        if not isinstance(value, setting.type) or (setting.choices and value not in setting.choices):
            return setting.default
        return value

    def set(self, setting: Setting[T], value: T) -> None:
        if setting.key not in REGISTRY:
            raise KeyError(setting.key)
        if not isinstance(value, setting.type) or (setting.choices and value not in setting.choices):
            raise ValueError(f"invalid value for {setting.key}")
        self._values[setting.key] = value
        self._save()

    def _save(self) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=".settings-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self._values, f, ensure_ascii=False, indent=2, sort_keys=True)
            os.replace(tmp, self._path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
