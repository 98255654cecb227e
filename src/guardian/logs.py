"""Logging to a rotating file in the platform's log folder.

The child's messages never appear in logs: log records carry counts,
formats, ids and exception types, never message text or names.  A test
imports a chat with a distinctive message and searches the log for it.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE = "guardian.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup(log_dir: Path, level: int = logging.INFO) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_guardian", False)]:
        root.removeHandler(old)
        old.close()
    handler._guardian = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path


def shutdown() -> None:
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_guardian", False)]:
        root.removeHandler(handler)
        handler.close()
